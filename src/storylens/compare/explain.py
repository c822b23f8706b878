"""One sentence per conflict, in words a journalist uses, generated from the values."""

from __future__ import annotations

from storylens.compare.context import Draft, ValueGroup
from storylens.compare.text import join_names


def _who(group: ValueGroup) -> tuple[str, bool]:
    """'003' or '000, 001 and 002', and whether the verb takes the plural."""
    ids = list(group.article_ids)
    return join_names(ids), len(ids) > 1


def _verb(plural: bool, singular: str, plural_form: str) -> str:
    return plural_form if plural else singular


def _shown(group: ValueGroup) -> str:
    return f"{group.value} ({group.note})" if group.note else group.value


def _clauses(draft: Draft, first: str, rest: str, singular: str, plural: str) -> str:
    """'<ids> <verb> <first template>; <ids> <verb> <rest template>; ...'."""
    parts = []
    for index, group in enumerate(draft.groups):
        who, many = _who(group)
        template = first if index == 0 else rest
        verb = _verb(many, singular, plural)
        parts.append(f"{who} {verb} " + template.format(value=_shown(group), subject=draft.subject))
    return "; ".join(parts) + "."


def explain(draft: Draft) -> str:
    """The sentence shown beside a conflict; never names anything but what the values carry."""
    ordered = Draft(
        draft.kind,
        draft.subject_id,
        draft.subject,
        draft.attribute,
        sorted(draft.groups, key=lambda g: (len(g.article_ids), g.article_ids)),
        draft.confidence,
        draft.main_event,
    )
    kind = draft.kind
    takes = "take" if names_a_plural(draft.subject) else "takes"
    if kind == "place" and draft.attribute == "headquarters":
        return _clauses(
            ordered, "{subject} has its head office in {value}", "{value}", "says", "say"
        )
    if kind == "place":
        return _clauses(
            ordered, f"{{subject}} {takes} place in {{value}}", "{value}", "says", "say"
        )
    if kind == "date":
        return _clauses(
            ordered, f"{{subject}} {takes} place on {{value}}", "{value}", "says", "say"
        )
    if kind == "title":
        return _clauses(ordered, "{subject} {value}", "{subject} {value}", "calls", "call")
    if kind == "role-holder":
        return _clauses(ordered, "{value} as the current {subject}", "{value}", "names", "name")
    if kind == "number":
        return _clauses(ordered, "{value} for {subject}", "{value}", "gives", "give")
    if kind == "quote":
        return _clauses(
            ordered, "{subject} as saying {value}", "the words as {value}", "quotes", "quote"
        )
    if kind == "attribution":
        return _clauses(ordered, "{subject} to {value}", "to {value}", "attributes", "attribute")
    return _clauses(ordered, "{value} for {subject}", "{value}", "says", "say")


def names_a_plural(subject: str) -> bool:
    """ "the talks between ..." is plural, "the summit between ..." singular: by the head noun."""
    words = subject.split()
    head = words[1] if len(words) > 1 and words[0].casefold() == "the" else (words or [""])[0]
    return head.endswith("s") and not head.endswith(("ss", "us", "is"))
