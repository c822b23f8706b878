"""A faster stand-in for the attribute ruler's Matcher, giving exactly the same matches.

The model's attribute ruler maps fine tags to coarse POS and morphology with ~180 token
patterns; spaCy's generic Matcher spends ~12% of the whole parse on them. These patterns only
test TAG, LOWER, DEP and IS_SPACE, so they can be evaluated as vectorised comparisons over the
doc's attribute array. ``install`` swaps the ruler's ``match`` method and leaves the ruler alone
when a pattern uses anything else. Tests check the matches are identical.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np
    from spacy.language import Language
    from spacy.tokens import Doc

COLUMNS = ("TAG", "LOWER", "DEP", "IS_SPACE")
Match = tuple[int, int, int, int]  # (attribute id, match id, start, end), as the ruler sorts
Mask = Callable[["np.ndarray", Any], "np.ndarray"]


def install(nlp: Language) -> bool:
    """Use the vectorised matcher for the pipeline's attribute ruler; False when not possible."""
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe("attribute_ruler")
    matcher = build_matcher(ruler)
    if matcher is None:
        return False
    ruler.match = matcher  # type: ignore[method-assign]
    return True


def build_matcher(ruler: Any) -> Callable[[Doc], list[Match]] | None:
    """An equivalent of ``ruler.match``, or None if some pattern is outside what it handles."""
    from spacy.strings import get_string_id

    compiled: list[tuple[int, int, list[Mask]]] = []
    for attr_id, entry in enumerate(ruler.patterns):
        match_id = ruler.vocab.strings[str(attr_id)]
        for pattern in entry["patterns"]:
            masks: list[Mask] = []
            for spec in pattern:
                if not set(spec) <= set(COLUMNS):
                    return None
                try:
                    masks.append(_token_mask(spec, get_string_id))
                except ValueError:
                    return None
            compiled.append((attr_id, match_id, masks))

    def match(doc: Doc) -> list[Match]:
        import numpy as np

        if len(doc) == 0:
            return []
        table = doc.to_array(list(COLUMNS)).reshape(len(doc), len(COLUMNS))
        strings = doc.vocab.strings
        found: set[Match] = set()
        for attr_id, match_id, masks in compiled:
            size = len(masks)
            if size > len(doc):
                continue
            hits = np.ones(len(doc) - size + 1, dtype=bool)
            for offset, mask in enumerate(masks):
                hits &= mask(table, strings)[offset : len(doc) - size + 1 + offset]
            for start in np.flatnonzero(hits).tolist():
                found.add((attr_id, match_id, start, start + size))
        return sorted(found)

    return match


def _token_mask(spec: dict[str, Any], string_id: Callable[[str], int]) -> Mask:
    tests = [_column_test(COLUMNS.index(key), value, string_id) for key, value in spec.items()]

    def mask(table: np.ndarray, strings: Any) -> np.ndarray:
        result = tests[0](table, strings)
        for test in tests[1:]:
            result = result & test(table, strings)
        return result

    return mask


def _column_test(column: int, value: Any, string_id: Callable[[str], int]) -> Mask:
    import numpy as np

    if isinstance(value, bool):
        return lambda table, _strings: table[:, column] == int(value)
    if isinstance(value, str):
        wanted = string_id(value)
        return lambda table, _strings: table[:, column] == wanted
    if not isinstance(value, dict) or len(value) != 1:
        raise ValueError(f"unsupported pattern value {value!r}")
    ((operator, operand),) = value.items()
    if operator in {"IN", "NOT_IN"}:
        members = np.array([string_id(v) for v in operand], dtype=np.uint64)
        invert = operator == "NOT_IN"
        return lambda table, _strings: np.isin(table[:, column], members, invert=invert)
    if operator == "REGEX":
        pattern = re.compile(operand)
        cache: dict[int, bool] = {}

        def regex(table: np.ndarray, strings: Any) -> np.ndarray:
            values = table[:, column].tolist()
            for h in set(values) - cache.keys():
                cache[h] = bool(pattern.search(strings[h]))
            return np.array([cache[h] for h in values], dtype=bool)

        return regex
    raise ValueError(f"unsupported operator {operator!r}")
