"""robots.txt, read once per host and obeyed, as a well-behaved crawler must.

Follows RFC 9309 where it matters: a missing robots.txt (4xx) allows everything, a server
error (5xx) disallows everything for this run. A robots.txt that cannot be fetched at all
(timeout, refused connection) allows: the page request that follows will fail on its own
with a clearer message.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlsplit, urlunsplit
from urllib.robotparser import RobotFileParser

ROBOTS_MAX_BYTES = 512 * 1024

# (url) -> (status, body) ; status 0 when the file could not be fetched at all
RobotsGetter = Callable[[str], tuple[int, bytes]]


def robots_url(url: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, "/robots.txt", "", ""))


def parse_robots(status: int, body: bytes) -> RobotFileParser:
    parser = RobotFileParser()
    if 200 <= status < 300:
        parser.parse(body.decode("utf-8", "replace").splitlines())
    elif 500 <= status < 600:
        parser.disallow_all = True
    else:
        parser.allow_all = True
    return parser


class RobotsRules:
    """robots.txt per origin (scheme, host, port), fetched lazily through ``getter``."""

    def __init__(self, getter: RobotsGetter, agent: str) -> None:
        self._getter = getter
        self._agent = agent.split("/", 1)[0]  # product token: 'storylens'
        self._parsers: dict[str, RobotFileParser] = {}

    def allows(self, url: str) -> bool:
        location = robots_url(url)
        parser = self._parsers.get(location)
        if parser is None:
            parser = parse_robots(*self._getter(location))
            self._parsers[location] = parser
        return parser.can_fetch(self._agent, url)
