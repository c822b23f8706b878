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
from typing import Any

START = "\x02"  # marks a form anchored at the start of the value
END = "\x03"  # marks a form anchored at its end
MAX_FORMS = 512  # an expansion larger than this is left to ``re``

Test = Callable[[str], bool]


class Unsupported(ValueError):
    """The pattern is more than a finite set of literal forms."""


def literal_test(pattern: str, ignore_case: bool = False) -> Test:
    """``value -> bool``, equivalent to ``re.search(pattern, value) is not None``."""
    compiled = re.compile(pattern, re.IGNORECASE if ignore_case else 0)
    if ignore_case:
        return any_match(compiled)
    forms = literal_forms(pattern)
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
    if not ends and not exact:  # the usual shape: a value with none of the words is out
        if not starts:
            return lambda value: bool(value) and search(value) is not None
        if search is None:
            return lambda value: bool(value) and value.startswith(starts)
        return lambda value: bool(value) and (value.startswith(starts) or search(value) is not None)

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
    ``pattern.search(text) is not None``, several times faster for the classifier's long
    alternations of phrases.

    Why: in ``\\bnot affiliated with\\b|\\bfor information only\\b|...`` Python's ``re``
    tries every alternative at every position of the text, comparing letters case-blind. Three
    rewrites give the same yes/no answer: every match holds one of a few words (``affiliated``,
    ``information``, ...), so a text holding none of them is answered without the pattern; the
    alternatives that begin with ``\\b`` are tried together, only where a word starts; and a
    case-blind pattern written in lower case reads the lower-cased text case-sensitively.
    """
    alternatives = top_level_alternatives(pattern.pattern)
    bounded = [a[2:] for a in alternatives if a.startswith("\\b")]
    source = pattern.pattern
    if len(bounded) >= 2:
        others = [a for a in alternatives if not a.startswith("\\b")]
        source = "|".join([rf"\b(?:{'|'.join(bounded)})", *others])
    fold = bool(pattern.flags & re.IGNORECASE) and written_in_lower_case(pattern)
    flags = pattern.flags & ~re.IGNORECASE if fold else pattern.flags
    search = re.compile(source, flags).search
    words = necessary_words(pattern)
    if words is not None and not all(map(uncommon, words)):
        words = None  # one of them is in most texts: not worth looking for
    if fold:
        if words is None:
            return lambda text: search(fold_case(text)) is not None
        return lambda text: (
            any_word(words, folded := fold_case(text)) and (search(folded) is not None)
        )
    if words is None:
        return lambda text: search(text) is not None
    return lambda text: any_word(words, text) and search(text) is not None


MIN_NECESSARY_WORD = 3


def uncommon(word: str) -> bool:
    """A word of three characters or more, or a symbol ("©"): absent from most lines."""
    return len(word) >= MIN_NECESSARY_WORD or not any(char.isalnum() for char in word)


def any_word(words: tuple[str, ...], text: str) -> bool:
    return any(word in text for word in words)


def written_in_lower_case(pattern: re.Pattern[str]) -> bool:
    """Whether every letter the pattern names is lower-case (no ranges of capitals, no local
    flags, no back-references): then, ignoring case, it matches a text exactly where, minding
    case, it matches the text's ``fold_case``."""
    import re._constants as sre
    import re._parser as sre_parse

    try:
        items = list(sre_parse.parse(pattern.pattern, pattern.flags).data)
    except re.error:
        return False
    while items:
        op, arg = items.pop()
        if op in (sre.LITERAL, sre.NOT_LITERAL):
            if chr(arg) != chr(arg).lower():
                return False
        elif op is sre.IN:
            items.extend(arg)
        elif op is sre.RANGE:
            low, high = arg
            if high > 0x7F or (low <= ord("Z") and high >= ord("A")):
                return False
        elif op is sre.SUBPATTERN:
            if arg[1] or arg[2]:
                return False
            items.extend(arg[3].data)
        elif op is sre.BRANCH:
            for branch in arg[1]:
                items.extend(branch.data)
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            items.extend(arg[2].data)
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            items.extend(arg[1].data)
        elif op in (sre.GROUPREF, sre.GROUPREF_EXISTS, sre.GROUPREF_IGNORE):
            return False
    return True


# Beside the ASCII letters, the only characters ``re.IGNORECASE`` matches to ASCII letters
# (Python's re documentation); ``str.lower`` maps the Kelvin sign itself.
IGNORECASE_EXTRAS = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})


def caseless(char: str) -> bool:
    return char.lower() == char == char.upper() and char.casefold() == char


def fold_case(text: str) -> str:
    """The text as ``re.IGNORECASE`` compares it with lower-case ASCII words."""
    if "\u0130" in text or "\u0131" in text or "\u017f" in text:
        text = text.translate(IGNORECASE_EXTRAS)
    return text.lower()


def necessary_words(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """Words one of which every match of the pattern contains (lower-case when the pattern
    ignores case), or None when no such set is found."""
    import re._constants as sre
    import re._parser as sre_parse

    try:
        parsed = sre_parse.parse(pattern.pattern, pattern.flags)
    except re.error:
        return None
    words = sequence_words(parsed.data, sre)
    if not words or "" in words:
        return None
    if pattern.flags & re.IGNORECASE:
        if not all(char.isascii() or caseless(char) for word in words for char in word):
            return None  # fold_case is exact for ASCII letters and characters without case
        words = frozenset(word.lower() for word in words)
    return tuple(sorted(words))


def sequence_words(items: list, sre: Any) -> frozenset[str] | None:
    """For a parsed sequence: the most selective set of words one of which it must hold."""
    best: frozenset[str] | None = None
    run: list[str] = []

    def better(candidate: frozenset[str] | None) -> None:
        nonlocal best
        if candidate and (best is None or selectivity(candidate) > selectivity(best)):
            best = candidate

    for op, arg in items:
        if op is sre.LITERAL:
            run.append(chr(arg))
            continue
        if run:
            better(frozenset(["".join(run)]))
            run = []
        if op is sre.SUBPATTERN:
            _, add_flags, del_flags, inner = arg
            if add_flags or del_flags:
                return None  # local flags: too clever for this reader
            better(sequence_words(inner.data, sre))
        elif op is sre.BRANCH:
            options = [sequence_words(branch.data, sre) for branch in arg[1]]
            if all(options):
                better(frozenset().union(*options))
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and arg[0] >= 1:
            better(sequence_words(arg[2].data, sre))
    if run:
        better(frozenset(["".join(run)]))
    return best


def selectivity(words: frozenset[str]) -> tuple[int, int]:
    """Longer words pass fewer texts; fewer words cost fewer look-ups."""
    return min(len(word) for word in words), -len(words)


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
