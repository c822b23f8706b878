"""Compare: LinkedStory -> Findings (entities, claims, quote groups, conflicts, flags).

Contract used by the pipeline:
    compare_story(linked: LinkedStory) -> Findings

Every value is normalised before comparing (names through aliases and diacritics, places
through a gazetteer, dates in each article's frame, titles into office + jurisdiction + status),
every finding carries spans as evidence, and support is counted in families, not pages.
"""

from __future__ import annotations

from storylens.compare.claims import build_claims
from storylens.compare.context import Draft, StoryContext, ValueGroup, build_context
from storylens.compare.events import event_findings, people_who_resigned
from storylens.compare.explain import explain
from storylens.compare.numbers import number_findings
from storylens.compare.organisations import location_conflicts, location_observations
from storylens.compare.quotes import quote_findings
from storylens.compare.rank import importance
from storylens.compare.text import stable_id
from storylens.compare.timeline import timeline_flags
from storylens.compare.titles import (
    drop_explained_titles,
    role_holder_conflicts,
    role_holder_observations,
    title_conflicts,
    title_observations,
)
from storylens.model import Conflict, ConflictValue, Findings, LinkedStory, Span

__all__ = ["compare_story"]


def compare_story(linked: LinkedStory) -> Findings:
    """Entities, claims, quote groups, ranked conflicts and timeline flags of one story."""
    context = build_context(linked)
    titles = title_observations(context)
    seats = role_holder_observations(context, titles)
    events, event_observations, event_drafts = event_findings(context)
    number_observations, number_drafts = number_findings(context)
    locations = location_observations(context)
    quotes = quote_findings(context)
    seat_drafts = role_holder_conflicts(seats)
    drafts = [
        *event_drafts,
        *drop_explained_titles(
            context, title_conflicts(titles), seat_drafts, people_who_resigned(events)
        ),
        *seat_drafts,
        *number_drafts,
        *location_conflicts(context, locations),
        *quotes.drafts,
    ]
    observations = [*titles, *seats, *event_observations, *number_observations, *locations]
    return Findings(
        entities=context.resolver.entities,
        claims=tuple(build_claims(context, observations, drafts)),
        quotes=tuple(quotes.groups),
        conflicts=tuple(rank_conflicts(context, drafts)),
        flags=tuple(timeline_flags(context, events)),
    )


def _span_key(span: Span) -> tuple[str, int, int]:
    return span.article, span.start, span.end


def to_conflict(context: StoryContext, draft: Draft) -> Conflict:
    values = tuple(
        ConflictValue(
            value=group.value,
            normalized=group.normalized,
            article_ids=group.article_ids,
            evidence=tuple(
                sorted({s for o in group.observations for s in o.evidence}, key=_span_key)
            ),
            families=context.families(group.article_ids),
        )
        for group in sorted(draft.groups, key=lambda g: (-len(g.article_ids), g.normalized))
    )
    return Conflict(
        id=stable_id("conflict", draft.kind, draft.subject_id, draft.attribute),
        kind=draft.kind,
        subject=draft.subject,
        attribute=draft.attribute,
        values=values,
        confidence=round(min(1.0, max(0.0, draft.confidence)), 3),
        explanation=explain(draft),
    )


def rank_conflicts(context: StoryContext, drafts: list[Draft]) -> list[Conflict]:
    """Most important first; ties broken by id so the order never changes between runs."""
    scored = [(importance(d, context), to_conflict(context, d)) for d in merge_restated(drafts)]
    scored.sort(key=lambda item: (-round(item[0], 6), item[1].id))
    return [conflict for _score, conflict in scored]


def merge_restated(drafts: list[Draft]) -> list[Draft]:
    """One clash found twice (two event words of one sentence: "signed an agreement on
    Thursday") is shown once, with the evidence of both."""
    kept: list[Draft] = []
    for draft in sorted(drafts, key=lambda d: (-d.confidence, d.kind, d.subject_id)):
        twin = next((k for k in kept if restates(draft, k)), None)
        if twin is None:
            kept.append(draft)
        else:
            absorb(twin, draft)
    return kept


def _spans(group: ValueGroup) -> set[tuple[str, int, int]]:
    return {(s.article, s.start, s.end) for o in group.observations for s in o.evidence}


def restates(draft: Draft, earlier: Draft) -> bool:
    """Same kind, the same values, and each value shown by at least one same span."""
    if draft.kind != earlier.kind:
        return False
    mine = {g.normalized: g for g in draft.groups}
    theirs = {g.normalized: g for g in earlier.groups}
    return mine.keys() == theirs.keys() and all(
        _spans(mine[key]) & _spans(theirs[key]) for key in mine
    )


def absorb(twin: Draft, draft: Draft) -> None:
    for group in twin.groups:
        other = next(g for g in draft.groups if g.normalized == group.normalized)
        seen = {(o.article_id, tuple(o.evidence)) for o in group.observations}
        group.observations.extend(
            o for o in other.observations if (o.article_id, tuple(o.evidence)) not in seen
        )
    twin.confidence = max(twin.confidence, draft.confidence)
