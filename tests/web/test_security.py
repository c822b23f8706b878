"""Hostile text stays text, every response carries the security headers, uploads are bounded."""

from __future__ import annotations

import io

import pytest
from fastapi.testclient import TestClient

from storylens.store import database as db
from storylens.web import app as web_app
from storylens.web.app import create_app
from storylens.web.security import UploadLimits

pytest_plugins = ["web_fixtures"]  # the store and client fixtures
HOSTILE_ID = "hostile-page"  # written by web_fixtures.sample_store_path
HOSTILE_SCRIPT = "<script>alert(1)</script>"
ESCAPED_SCRIPT = "&lt;script&gt;alert(1)&lt;/script&gt;"


@pytest.fixture
def small_client(tmp_path):
    """An app over an empty store with tiny upload limits."""
    limits = UploadLimits(max_file_bytes=1000, max_files=3, max_urls=2)
    with TestClient(create_app(tmp_path / "store.db", limits=limits)) as test_client:
        yield test_client


def assert_security_headers(response) -> None:
    csp = response.headers["content-security-policy"]
    assert "default-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert "style-src 'self'" in csp and "script-src 'self'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] in ("no-referrer", "same-origin")


def test_every_kind_of_response_has_the_security_headers(client, story_id):
    paths = [
        "/",
        f"/stories/{story_id}",
        f"/articles/{HOSTILE_ID}",
        "/search?q=ferry",
        "/add",
        "/docs",
        "/openapi.json",
        "/static/app.css",
        "/api/stories",
        "/nothing",
        "/api/nothing",
        "/?sort=bogus",
    ]
    for path in paths:
        assert_security_headers(client.get(path))


def test_a_server_error_is_a_clear_page_with_the_headers(client, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(web_app.queries, "list_stories", broken)
    page = client.get("/")
    assert page.status_code == 500
    assert "Something went wrong" in page.text and "RuntimeError" in page.text
    assert_security_headers(page)
    api = client.get("/api/stories")
    assert api.status_code == 500 and api.json()["error"]["status"] == 500
    assert_security_headers(api)


def test_pages_carry_no_inline_script_or_style(client, story_id):
    for path in ("/", f"/stories/{story_id}", f"/articles/{HOSTILE_ID}", "/add", "/docs"):
        html = client.get(path).text
        assert "<script" not in html.replace(ESCAPED_SCRIPT, "")
        assert " style=" not in html and "<style" not in html


def test_hostile_article_text_is_escaped_everywhere(client):
    article = client.get(f"/articles/{HOSTILE_ID}").text
    assert HOSTILE_SCRIPT not in article and ESCAPED_SCRIPT in article
    assert "<img src=x" not in article and "&lt;img src=x onerror=alert(2)&gt;" in article
    search = client.get("/search", params={"q": "alert"}).text
    assert HOSTILE_SCRIPT not in search and "<img src=x" not in search
    front = client.get("/").text
    assert HOSTILE_SCRIPT not in front


def test_hostile_story_title_and_values_are_escaped(hostile_client):
    front = hostile_client.get("/").text
    assert HOSTILE_SCRIPT not in front and ESCAPED_SCRIPT in front
    story_id = hostile_client.get("/api/stories").json()["stories"][0]["id"]
    page = hostile_client.get(f"/stories/{story_id}").text
    assert "<script" not in page.replace(ESCAPED_SCRIPT, "").replace(
        "&lt;script&gt;alert(4)&lt;/script&gt;", ""
    )
    assert "<img src=x" not in page and "&lt;img src=x onerror=&#34;alert(3)&#34;&gt;" in page


def upload(client, files, urls="", path="/api/add", **kwargs):
    return client.post(path, data={"urls": urls}, files=[("files", f) for f in files], **kwargs)


def test_a_file_too_large_is_refused_with_its_name(small_client):
    response = upload(small_client, [("big.html", io.BytesIO(b"x" * 5000), "text/html")])
    assert response.status_code == 413
    assert "big.html" in " ".join(response.json()["error"]["problems"])


def test_a_request_larger_than_all_files_together_is_refused_before_reading(small_client):
    response = small_client.post(
        "/api/add", content=b"x" * 10, headers={"content-length": str(10**9)}
    )
    assert response.status_code == 413
    assert "too large" in response.json()["error"]["message"]


def test_a_body_that_streams_past_the_limit_is_cut(small_client):
    head = b'--b\r\nContent-Disposition: form-data; name="files"; filename="a.txt"\r\n\r\n'
    body = head + b"y" * (3 * 1024 * 1024)  # no length declared: counted while it streams

    def chunks():
        for i in range(0, len(body), 64 * 1024):
            yield body[i : i + 64 * 1024]

    response = small_client.post(
        "/api/add", content=chunks(), headers={"content-type": "multipart/form-data; boundary=b"}
    )
    assert response.status_code == 413


def test_a_file_of_the_wrong_type_is_refused(small_client):
    response = upload(small_client, [("tool.exe", io.BytesIO(b"MZ"), "application/octet-stream")])
    assert response.status_code == 400
    problem = response.json()["error"]["problems"][0]
    assert "tool.exe" in problem and ".html" in problem


def test_too_many_files_are_refused(small_client):
    files = [(f"p{i}.txt", io.BytesIO(b"text"), "text/plain") for i in range(5)]
    response = upload(small_client, files)
    assert response.status_code == 400
    assert "Too many files" in response.json()["error"]["message"]


def test_the_form_shows_refusals_on_the_form_itself(small_client):
    response = upload(
        small_client, [("tool.exe", io.BytesIO(b"MZ"), "application/octet-stream")], path="/add"
    )
    assert response.status_code == 400
    assert "Nothing was added" in response.text and "tool.exe" in response.text
    assert 'name="urls"' in response.text


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8765/",
        "http://localhost/admin",
        "http://10.1.2.3/x",
        "http://192.168.0.1/",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/",
    ],
)
def test_private_urls_are_refused(small_client, url):
    response = small_client.post("/api/add", data={"urls": url})
    assert response.status_code == 400
    assert "refused" in response.json()["error"]["problems"][0]


@pytest.mark.parametrize("url", ["file:///etc/passwd", "/etc/passwd", "ftp://example.org/x"])
def test_only_web_urls_are_accepted(small_client, url):
    response = small_client.post("/api/add", data={"urls": url})
    assert response.status_code == 400
    assert "http" in response.json()["error"]["problems"][0]


def test_too_many_urls_are_refused(small_client):
    urls = "\n".join(f"https://news.example/{i}" for i in range(3))
    response = small_client.post("/api/add", data={"urls": urls})
    assert response.status_code == 400
    assert "at most 2" in response.json()["error"]["problems"][0]


def test_an_empty_submission_is_refused(small_client):
    response = small_client.post("/api/add", data={"urls": "  \n"})
    assert response.status_code == 400
    assert "Nothing to add" in response.json()["error"]["problems"][0]


def test_cross_site_posts_are_refused(small_client):
    for headers in ({"origin": "https://evil.example"}, {"sec-fetch-site": "cross-site"}):
        response = small_client.post(
            "/api/add", data={"urls": "https://news.example/a"}, headers=headers
        )
        assert response.status_code == 403


def test_unknown_host_headers_are_refused(small_client):
    response = small_client.get("/", headers={"host": "attacker.example"})
    assert response.status_code == 400
    assert_security_headers(response)


def test_pages_read_the_store_read_only(client, sample_store, monkeypatch, story_id):
    opened = []
    real_connect = db.connect

    def spy(path, readonly=False):
        opened.append(readonly)
        return real_connect(path, readonly=readonly)

    monkeypatch.setattr(web_app.database, "connect", spy)
    for path in ("/", f"/stories/{story_id}", f"/articles/{HOSTILE_ID}", "/search?q=x"):
        assert client.get(path).status_code == 200
    assert opened and all(opened)


def test_readers_are_not_blocked_by_an_open_write(client, sample_store):
    writer = db.connect(sample_store)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute(
        "INSERT INTO errors(input, error, severity, at) "
        "VALUES ('pending-write', 'x', 'error', 'now')"
    )
    try:
        response = client.get("/")
        assert response.status_code == 200
        assert "pending-write" not in response.text  # the reader sees the last commit
    finally:
        writer.execute("ROLLBACK")
        writer.close()
