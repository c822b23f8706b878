"""Fast exact tests for regular expressions that are sets of literal words.

Why: trafilatura's XPath expressions test ``id`` and ``class`` values against alternations of
dozens of words (``share|social|...|^ad-``). Python's ``re`` tries every alternative at every
position of the value; the same set of words compiled as a trie (one branch per first letter)
decides several times faster. ``literal_test`` gives a test equivalent to
``re.search(pattern, value) is not None``: for patterns made only of literals, alternations,
optional characters, character sets and ``^``/``$`` anchors it uses the trie; for anything else
(lookarounds, ``\\s``, repeats) it falls back to the compiled pattern itself.
"""

from __future__ import annotations

import re
from collections.abc import Callable

START = "\x02"  # marks a form anchored at the start of the value
END = "\x03"  # marks a form anchored at its end
MAX_FORMS = 512  # an expansion larger than this is left to ``re``

Test = Callable[[str], bool]


class Unsupported(ValueError):
    """The pattern is more than a finite set of literal forms."""


def literal_test(pattern: str, ignore_case: bool = False) -> Test:
    """``value -> bool``, equivalent to ``re.search(pattern, value) is not None``."""
    compiled = re.compile(pattern, re.IGNORECASE if ignore_case else 0)
    forms = None if ignore_case else literal_forms(pattern)
    if forms is None:
        return lambda value: compiled.search(value) is not None
    return forms_test(forms)


def literal_forms(pattern: str) -> list[str] | None:
    """Every string the pattern can match, with START/END marking anchors; None when the
    pattern is not a finite set of literals (then ``re`` must decide)."""
    try:
        forms, rest = parse_alternation(pattern)
    except Unsupported:
        return None
    if rest:
        return None
    return [form for form in (normalise_anchors(f) for f in forms) if form is not None]


def normalise_anchors(form: str) -> str | None:
    """Anchors can only stand at the edges of a matched form: "a^b" can never match."""
    head = form.startswith(START)
    tail = form.endswith(END)
    core = form[1 if head else 0 : len(form) - 1 if tail else len(form)]
    if START in core or END in core:
        return None
    return (START if head else "") + core + (END if tail else "")


def forms_test(forms: list[str]) -> Test:
    """One test for a set of anchored and unanchored literal forms."""
    exact = frozenset(f[1:-1] for f in forms if f.startswith(START) and f.endswith(END))
    starts = tuple(f[1:] for f in forms if f.startswith(START) and not f.endswith(END))
    ends = tuple(f[:-1] for f in forms if f.endswith(END) and not f.startswith(START))
    anywhere = [f for f in forms if not f.startswith(START) and not f.endswith(END)]
    if "" in anywhere or "" in starts or "" in ends:
        return lambda value: True
    search = re.compile(trie_pattern(anywhere)).search if anywhere else None

    def test(value: str) -> bool:
        return (
            (bool(starts) and value.startswith(starts))
            or (search is not None and search(value) is not None)
            or (bool(ends) and value.endswith(ends))
            or value in exact
        )

    return test


def trie_pattern(words: list[str]) -> str:
    """A regular expression matching where any of the words occurs, branching on one
    character at a time (a word that is a prefix of another is enough on its own)."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return trie_branch(trie)


def trie_branch(node: dict) -> str:
    if "" in node:
        return ""  # a whole word ends here: a search needs nothing more
    branches = [re.escape(char) + trie_branch(child) for char, child in sorted(node.items())]
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


# A small recursive-descent reader of the pattern subset: each function returns the forms of
# what it read and the rest of the pattern.

SPECIAL = set(".*+{}\\[]()|?^$")
SIMPLE_ESCAPES = set(".-_/ '\"#:,;!&%=@<>~`*+?{}[]()|^$\\")


def parse_alternation(pattern: str) -> tuple[list[str], str]:
    forms, rest = parse_sequence(pattern)
    while rest.startswith("|"):
        more, rest = parse_sequence(rest[1:])
        forms = forms + more
    return forms, rest


def parse_sequence(pattern: str) -> tuple[list[str], str]:
    forms = [""]
    rest = pattern
    while rest and rest[0] not in "|)":
        options, rest = parse_atom(rest)
        if rest.startswith("?"):
            if rest[1:2] in ("?", "+"):
                raise Unsupported(pattern)  # lazy or possessive quantifiers
            options = ["", *options]
            rest = rest[1:]
        forms = [f + o for f in forms for o in options]
        if len(forms) > MAX_FORMS:
            raise Unsupported(pattern)
    return forms, rest


def parse_atom(pattern: str) -> tuple[list[str], str]:
    char = pattern[0]
    if char == "^":
        return [START], pattern[1:]
    if char == "$":
        return [END], pattern[1:]
    if char == "(":
        body = pattern[3:] if pattern.startswith("(?:") else pattern[1:]
        if body.startswith("?"):
            raise Unsupported(pattern)  # lookarounds, named groups, inline flags
        forms, rest = parse_alternation(body)
        if not rest.startswith(")"):
            raise Unsupported(pattern)
        return forms, rest[1:]
    if char == "[":
        return parse_set(pattern)
    if char == "\\":
        escaped = pattern[1:2]
        if escaped not in SIMPLE_ESCAPES:
            raise Unsupported(pattern)  # \s, \d, \w, \b and the like
        return [escaped], pattern[2:]
    if char in SPECIAL:
        raise Unsupported(pattern)
    return [char], pattern[1:]


def parse_set(pattern: str) -> tuple[list[str], str]:
    """ "[Aa]" or "[-_]": a set of plain characters (no ranges, negation or escapes)."""
    end = pattern.find("]", 2)
    if end < 0:
        raise Unsupported(pattern)
    members = pattern[1:end]
    if members.startswith("^") or "\\" in members or "[" in members:
        raise Unsupported(pattern)
    if "-" in members.strip("-"):
        raise Unsupported(pattern)  # a range such as a-z
    return sorted(set(members)), pattern[end + 1 :]


def any_match(pattern: re.Pattern[str]) -> Test:
    """``text -> bool``: whether the pattern matches anywhere in the text, as
    ``pattern.search(text) is not None``, faster for alternations of word-bounded phrases.

    Why: in ``\\bnot affiliated with\\b|\\bfor information only\\b|...`` Python's ``re`` tries
    every alternative at every position of the text; written ``\\b(?:not affiliated with\\b|
    ...)`` it tries them only where a word starts. For a yes/no answer the two are the same.
    """
    alternatives = top_level_alternatives(pattern.pattern)
    bounded = [a[2:] for a in alternatives if a.startswith("\\b")]
    if len(bounded) < 2:
        return lambda text: pattern.search(text) is not None
    others = [a for a in alternatives if not a.startswith("\\b")]
    factored = "|".join([rf"\b(?:{'|'.join(bounded)})", *others])
    search = re.compile(factored, pattern.flags).search
    return lambda text: search(text) is not None


def top_level_alternatives(pattern: str) -> list[str]:
    """The pattern split at the ``|`` outside groups and character sets."""
    parts, depth, start, i = [], 0, 0, 0
    in_set = False
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if in_set:
            in_set = char != "]"
        elif char == "[":
            in_set = True
            if pattern[i + 1 : i + 2] == "]":
                i += 1  # "[]...]": a "]" first in a set is a member
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    parts.append(pattern[start:])
    return parts
