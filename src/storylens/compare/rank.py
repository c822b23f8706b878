"""Order conflicts most important first: how sure, how many sources, how much it matters."""

from __future__ import annotations

from storylens.compare.context import Draft, StoryContext

KIND_WEIGHT = {
    "date": 0.8,
    "place": 0.8,
    "title": 0.75,
    "role-holder": 0.75,
    "attribution": 0.7,
    "number": 0.6,
    "quote": 0.45,
    "other": 0.3,
}
MAIN_EVENT_BONUS = 1.25  # the date or place of what the story is about comes first


def importance(draft: Draft, context: StoryContext) -> float:
    article_ids = {a for group in draft.groups for a in group.article_ids}
    families = context.families(article_ids)
    weight = KIND_WEIGHT.get(draft.kind, KIND_WEIGHT["other"])
    if draft.main_event:
        weight *= MAIN_EVENT_BONUS
    return draft.confidence * weight * (1.0 + 0.25 * (families - 1))
