"""Faster forms of the classifier's patterns answer exactly as the patterns do."""

from __future__ import annotations

import re
from pathlib import Path

from storylens.extract.features import COPYRIGHT
from storylens.extract.patterns import any_match, top_level_alternatives
from storylens.extract.view import CAPTION, REPORTING, SITE_NOTICE

LINES = Path(__file__).parent / "fixtures" / "lines"


def sample_lines() -> list[str]:
    lines = [
        line
        for path in sorted(LINES.glob("*.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()
    ]
    return [
        *lines,
        "This article was provided by Reuters and has not been edited by our staff.",
        "For general information purposes only. Not investment advice.",
        "Sources: agencies",
        "Photo: Jane Roe / AFP",
        "NOTA: not affiliated with anyone",
        "we may earn a commission",
        "© 2024 Northwire. ALL RIGHTS RESERVED",
        "Copyright (C) 2023",
        "PHOTO: İstanbul / AFP",
        "ſource: agencies",
        "The minister SAID so. Kap",
        "",
    ]


def test_top_level_alternatives_split_outside_groups_and_sets() -> None:
    assert top_level_alternatives(r"\ba(?:b|c)|[|x]|\|d") == [r"\ba(?:b|c)", "[|x]", r"\|d"]


def test_any_match_agrees_with_search() -> None:
    others = (re.compile(r"\bfoo\b|\bbar|baz", re.I), re.compile(r"[A-Z]ap|x", re.I))
    for pattern in (SITE_NOTICE, CAPTION, REPORTING, COPYRIGHT, *others):
        matches = any_match(pattern)
        for line in sample_lines():
            assert matches(line) == (pattern.search(line) is not None), (pattern.pattern, line)
