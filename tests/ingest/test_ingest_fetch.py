"""Fetching over a loopback server: the page, every way a fetch fails, and its manners."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path

import pytest
from ingest_helpers import (  # the fixtures are used by name
    PAGE,
    LocalServer,
    Route,
    net_options_fixture,  # noqa: F401
    read_all,
    server_fixture,  # noqa: F401
    write,
)

from storylens import __version__
from storylens.ingest import IngestOptions
from storylens.ingest.fetch import Fetcher, HostPacer
from storylens.ingest.netguard import address_problem

HTML = {"Content-Type": "text/html; charset=utf-8"}


def test_page_is_fetched_with_a_stable_id_and_the_http_date(
    server: LocalServer, net_options: IngestOptions
) -> None:
    url = server.add(
        "/news/harbour",
        Route(200, PAGE.encode(), {**HTML, "Last-Modified": "Tue, 01 Apr 2031 17:45:00 GMT"}),
    )
    [doc], errors = read_all([url], net_options)
    assert errors == []
    assert doc.id == "url-" + hashlib.sha1(url.encode()).hexdigest()[:12]
    assert (doc.media_type, doc.content, doc.charset) == ("html", PAGE, "utf-8")
    assert (doc.source.url, doc.source.site) == (url, "127.0.0.1")
    assert (doc.container_date, doc.container_date_from) == ("2031-04-01T17:45:00+00:00", "http")
    user_agents = {agent for path, agent in server.hits if path == "/news/harbour"}
    assert user_agents == {f"storylens/{__version__} (+https://github.com/storylens/storylens)"}


def test_charset_from_the_http_header_wins(server: LocalServer, net_options: IngestOptions) -> None:
    body = "<html><body><p>Caf\xe9 on the quay</p></body></html>".encode("latin-1")
    url = server.add("/latin", Route(200, body, {"Content-Type": "text/html; charset=ISO-8859-1"}))
    [doc], errors = read_all([url], net_options)
    assert errors == []
    assert doc.charset == "cp1252"
    assert "Café on the quay" in doc.content


def test_http_error_is_one_error_naming_the_url(
    server: LocalServer, net_options: IngestOptions
) -> None:
    url = server.url("/missing")
    documents, [error] = read_all([url], net_options)
    assert documents == []
    assert (error.input, error.error) == (url, "HTTP 404 Not Found")


def test_slow_server_times_out(server: LocalServer, net_options: IngestOptions) -> None:
    url = server.add("/slow", Route(200, PAGE.encode(), HTML, delay=1.0))
    _, [error] = read_all([url], net_options)
    assert error.input == url
    assert error.error == "timed out: no data for 0.3s"


def test_redirects_are_followed_and_loops_are_caught(
    server: LocalServer, net_options: IngestOptions
) -> None:
    server.add("/old", Route(301, b"", {"Location": "/new"}))
    server.add("/new", Route(200, PAGE.encode(), HTML))
    server.add("/loop-a", Route(302, b"", {"Location": "/loop-b"}))
    server.add("/loop-b", Route(302, b"", {"Location": "/loop-a"}))
    documents, [error] = read_all([server.url("/old"), server.url("/loop-a")], net_options)
    [doc] = documents
    assert doc.source.url == server.url("/new")
    assert doc.id == "url-" + hashlib.sha1(server.url("/old").encode()).hexdigest()[:12]
    assert error.input == server.url("/loop-a")
    assert error.error.startswith("redirect loop: ")
    assert error.error.endswith("/loop-b -> " + server.url("/loop-a"))


def test_too_many_redirects(server: LocalServer, net_options: IngestOptions) -> None:
    for hop in range(4):
        server.add(f"/hop{hop}", Route(302, b"", {"Location": f"/hop{hop + 1}"}))
    options = replace(net_options, max_redirects=2)
    _, [error] = read_all([server.url("/hop0")], options)
    assert error.error == "too many redirects (more than 2)"


@pytest.mark.parametrize("chunked", [False, True])
def test_too_large_page_is_refused(
    server: LocalServer, net_options: IngestOptions, chunked: bool
) -> None:
    big = b"<html><body>" + b"<p>word</p>" * 10_000 + b"</body></html>"
    url = server.add("/big", Route(200, big, HTML, chunked=chunked))
    _, [error] = read_all([url], net_options)
    assert error.input == url
    assert "64.0 KB limit" in error.error


def test_wrong_content_type_is_refused(server: LocalServer, net_options: IngestOptions) -> None:
    url = server.add("/report.pdf", Route(200, b"%PDF-1.4", {"Content-Type": "application/pdf"}))
    _, [error] = read_all([url], net_options)
    assert error.error == (
        "wrong content type 'application/pdf' (expected HTML, XHTML, plain text or a feed)"
    )


def test_robots_txt_disallow_is_obeyed_and_read_once(
    server: LocalServer, net_options: IngestOptions
) -> None:
    robots = b"User-agent: *\nDisallow: /private/\n"
    server.add("/robots.txt", Route(200, robots, {"Content-Type": "text/plain"}))
    server.add("/private/memo", Route(200, PAGE.encode(), HTML))
    server.add("/public", Route(200, PAGE.encode(), HTML))
    documents, [error] = read_all([server.url("/private/memo"), server.url("/public")], net_options)
    assert [d.source.url for d in documents] == [server.url("/public")]
    assert (error.input, error.error) == (server.url("/private/memo"), "disallowed by robots.txt")
    assert server.hits_for("/private/memo") == 0
    assert server.hits_for("/robots.txt") == 1


def test_robots_can_be_ignored_by_option(server: LocalServer, net_options: IngestOptions) -> None:
    server.add("/robots.txt", Route(200, b"User-agent: *\nDisallow: /\n", {}))
    url = server.add("/page", Route(200, PAGE.encode(), HTML))
    documents, errors = read_all([url], replace(net_options, respect_robots=False))
    assert len(documents) == 1 and errors == []


def test_loopback_url_is_refused_without_the_flag(
    server: LocalServer, net_options: IngestOptions
) -> None:
    url = server.add("/page", Route(200, PAGE.encode(), HTML))
    options = replace(net_options, allow_private_urls=False)
    documents, errors = read_all([url, "http://localhost:9/x"], options)
    assert documents == []
    assert [e.input for e in errors] == [url, "http://localhost:9/x"]
    assert all(e.error.startswith("refused: ") for e in errors)
    assert "loopback address" in errors[0].error
    assert server.hits == []


@pytest.mark.parametrize(
    ("address", "problem"),
    [
        ("127.0.0.1", "a loopback address"),
        ("::1", "a loopback address"),
        ("10.1.2.3", "a private address"),
        ("192.168.0.10", "a private address"),
        ("169.254.169.254", "a link-local address"),
        ("224.0.0.1", "a multicast address"),
        ("::ffff:127.0.0.1", "a loopback address"),
        ("0.0.0.0", "an unspecified address"),
        ("93.184.216.34", None),
        ("2606:4700::1111", None),
    ],
)
def test_address_classification(address: str, problem: str | None) -> None:
    assert address_problem(address) == problem


def test_pages_come_from_the_cache_the_second_time(
    server: LocalServer, net_options: IngestOptions
) -> None:
    url = server.add("/cached", Route(200, PAGE.encode(), HTML))
    first, _ = read_all([url], net_options)
    second, _ = read_all([url], net_options)
    assert first == second
    assert server.hits_for("/cached") == 1
    cache = Path(net_options.cache_dir or "")
    assert (cache / (hashlib.sha256(url.encode()).hexdigest() + ".body")).read_bytes() == (
        PAGE.encode()
    )


def test_failed_fetches_are_not_cached(server: LocalServer, net_options: IngestOptions) -> None:
    url = server.url("/flaky")
    read_all([url], net_options)
    server.add("/flaky", Route(200, PAGE.encode(), HTML))
    documents, errors = read_all([url], net_options)
    assert len(documents) == 1 and errors == []


def test_url_list_file_fetches_every_url(
    server: LocalServer, net_options: IngestOptions, tmp_path: Path
) -> None:
    first = server.add("/one", Route(200, PAGE.encode(), HTML))
    second = server.add("/two", Route(200, b"Plain report.", {"Content-Type": "text/plain"}))
    listing = write(
        tmp_path / "urls.txt", f"# morning reads\n{first}\n\n{second}\n{server.url('/x')}\n"
    )
    documents, [error] = read_all([str(listing)], net_options)
    assert [(d.source.url, d.media_type) for d in documents] == [(first, "html"), (second, "text")]
    assert (error.input, error.error) == (server.url("/x"), "HTTP 404 Not Found")


def test_pacer_waits_between_requests_to_one_host_only() -> None:
    now = [100.0]
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        now[0] += seconds

    pacer = HostPacer(1.5, clock=lambda: now[0], sleep=sleep)
    pacer.wait("a.example")
    pacer.wait("b.example")
    now[0] += 0.5
    pacer.wait("a.example")
    assert slept == [1.0]


def test_fetcher_refuses_other_schemes(net_options: IngestOptions) -> None:
    from storylens.ingest.fetch import FetchError

    fetcher = Fetcher(net_options)
    with pytest.raises(FetchError, match="unsupported URL scheme 'ftp'"):
        fetcher.fetch("ftp://files.example/a.html")


def test_every_redirect_hop_is_checked_against_private_addresses(
    server: LocalServer, net_options: IngestOptions, monkeypatch: pytest.MonkeyPatch
) -> None:
    """127.0.0.1 plays a public host here; its redirect to 127.0.0.2 must still be refused."""
    import storylens.ingest.netguard as netguard

    real = netguard.address_problem
    monkeypatch.setattr(
        netguard, "address_problem", lambda a: None if a == "127.0.0.1" else real(a)
    )
    port = server.base.rsplit(":", 1)[1]
    server.add("/jump", Route(302, b"", {"Location": f"http://127.0.0.2:{port}/inside"}))
    options = replace(net_options, allow_private_urls=False)
    _, [error] = read_all([server.url("/jump")], options)
    assert error.error.startswith("refused: 127.0.0.2 is a loopback address")
    assert server.hits_for("/jump") == 1


def test_connections_are_checked_again_when_they_are_opened(server: LocalServer) -> None:
    """The backend re-resolves and re-checks, so a changed DNS answer cannot slip through."""
    from storylens.ingest.netguard import BlockedAddress, GuardedBackend

    port = int(server.base.rsplit(":", 1)[1])
    with pytest.raises(BlockedAddress, match="loopback"):
        GuardedBackend(allow_private=False).connect_tcp("127.0.0.1", port, timeout=1.0)
    stream = GuardedBackend(allow_private=True).connect_tcp("127.0.0.1", port, timeout=1.0)
    stream.close()


def test_a_url_named_twice_is_fetched_once(server: LocalServer, net_options: IngestOptions) -> None:
    url = server.add("/twice", Route(200, PAGE.encode(), HTML))
    documents, [warning] = read_all([url, url], replace(net_options, use_cache=False))
    assert len(documents) == 1
    assert (warning.input, warning.severity) == (url, "warning")
    assert server.hits_for("/twice") == 1


def test_cached_loopback_page_is_still_refused_without_the_flag(
    server: LocalServer, net_options: IngestOptions
) -> None:
    url = server.add("/kept", Route(200, PAGE.encode(), HTML))
    read_all([url], net_options)  # now in the cache
    documents, [error] = read_all([url], replace(net_options, allow_private_urls=False))
    assert documents == []
    assert error.error.startswith("refused: 127.0.0.1 is a loopback address")


def test_closed_port_is_a_connection_error(net_options: IngestOptions) -> None:
    import socket

    with socket.socket() as probe:  # a loopback port that nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/page"
    _, [error] = read_all([url], net_options)
    assert error.input == url
    assert error.error.startswith("could not connect")
    assert "\n" not in error.error
