"""Keep the fetcher off private networks (SSRF): check every address a host resolves to.

A URL in a feed or a URL list is untrusted input. Without this check, a page could make
storylens read a router's admin page, a cloud metadata endpoint (169.254.169.254) or a
service on localhost. The check runs twice: once before a request, for a clear message, and
again inside the connection itself (``GuardedBackend``), which connects only to the address it
just checked, so a DNS answer that changes between the two (DNS rebinding) gains nothing.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterable

import httpcore
import httpx
from httpcore._backends.sync import SyncBackend, SyncStream


class BlockedAddress(Exception):
    """A host that resolves to an address storylens must not connect to."""


def address_problem(address: str) -> str | None:
    """Why an IP address is off limits, or None when it is a public one."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    for label, flagged in (  # most specific first: link-local is also 'private'
        ("a loopback", ip.is_loopback),
        ("a link-local", ip.is_link_local),
        ("a multicast", ip.is_multicast),
        ("an unspecified", ip.is_unspecified),
        ("a reserved", ip.is_reserved),
        ("a private", ip.is_private),
    ):
        if flagged:
            return f"{label} address"
    if not ip.is_global:
        return "a non-public address"
    return None


def resolve_addresses(host: str, port: int) -> list[str]:
    """Every address the host resolves to; raises BlockedAddress when it does not resolve."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, OSError) as exc:
        raise BlockedAddress(f"cannot resolve host {host}: {exc}") from exc
    addresses = sorted({str(info[4][0]) for info in infos})
    if not addresses:
        raise BlockedAddress(f"cannot resolve host {host}")
    return addresses


def refuse_private_literal(host: str) -> None:
    """An IP written in the URL can be judged without DNS (the cache path does no DNS)."""
    try:
        problem = address_problem(host.strip("[]"))
    except ValueError:
        return  # a name, not an address: judged when it is resolved
    if problem:
        raise BlockedAddress(_refusal(host, problem))


def _refusal(shown: str, problem: str) -> str:
    return (
        f"refused: {shown} is {problem}; private addresses are not fetched "
        "unless allow_private_urls is set"
    )


def checked_addresses(host: str, port: int, allow_private: bool) -> list[str]:
    """Resolve and refuse the host if ANY of its addresses is private, loopback, etc."""
    addresses = resolve_addresses(host.strip("[]"), port)
    if allow_private:
        return addresses
    for address in addresses:
        problem = address_problem(address)
        if problem:
            shown = host if host == address else f"{host} ({address})"
            raise BlockedAddress(_refusal(shown, problem))
    return addresses


class GuardedBackend(SyncBackend):
    """httpcore network backend that connects only to addresses that passed the check."""

    def __init__(self, allow_private: bool) -> None:
        self.allow_private = allow_private

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[tuple[int, int, int | bytes]] | None = None,
    ) -> SyncStream:
        last_error: OSError | None = None
        for address in checked_addresses(host, port, self.allow_private):
            try:
                sock = socket.create_connection((address, port), timeout)
            except TimeoutError as exc:
                raise httpcore.ConnectTimeout(str(exc)) from exc
            except OSError as exc:
                last_error = exc
                continue
            for option in socket_options or ():
                sock.setsockopt(*option)
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            return SyncStream(sock)
        raise httpcore.ConnectError(str(last_error or f"cannot connect to {host}"))


class GuardedTransport(httpx.HTTPTransport):
    """httpx transport whose connection pool uses ``GuardedBackend``.

    httpx has no public hook for the network backend, so the pool is rebuilt here with the
    same TLS context httpx would use; no proxy is ever used (it would hide the real address).
    """

    def __init__(self, allow_private: bool) -> None:
        super().__init__(trust_env=False)
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(trust_env=False),
            max_connections=10,
            max_keepalive_connections=5,
            keepalive_expiry=5.0,
            network_backend=GuardedBackend(allow_private),
        )
