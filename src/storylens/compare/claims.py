"""Claims: every (subject, attribute, value) the articles assert, counted in families."""

from __future__ import annotations

from collections import defaultdict

from storylens.compare.context import Draft, Observation, StoryContext
from storylens.compare.text import stable_id
from storylens.model import Claim, Span


def _span_key(span: Span) -> tuple[str, int, int]:
    return span.article, span.start, span.end


def build_claims(
    context: StoryContext, observations: list[Observation], drafts: list[Draft]
) -> list[Claim]:
    """One claim per (kind, subject, attribute, normalised value); conflicting ones say so."""
    contested = {
        (draft.subject_id, draft.attribute, group.normalized)
        for draft in drafts
        for group in draft.groups
    }
    grouped: dict[tuple[str, str, str, str], list[Observation]] = defaultdict(list)
    for observation in observations:
        key = (
            observation.kind,
            observation.subject_id,
            observation.attribute,
            observation.normalized,
        )
        grouped[key].append(observation)
    claims = []
    for (kind, subject_id, attribute, normalized), items in grouped.items():
        article_ids = tuple(sorted({o.article_id for o in items}))
        families = context.families(article_ids)
        if (subject_id, attribute, normalized) in contested:
            status = "conflicting"
        else:
            status = "corroborated" if families >= 2 else "single-source"
        shown: dict[str, int] = defaultdict(int)
        for o in items:
            shown[o.value] += 1
        value = min(shown, key=lambda v: (-shown[v], v))
        evidence = sorted({s for o in items for s in o.evidence}, key=_span_key)
        claims.append(
            Claim(
                id=stable_id("claim", kind, subject_id, attribute, normalized),
                kind=kind,
                subject=items[0].subject,
                attribute=attribute,
                value=value,
                article_ids=article_ids,
                families=families,
                status=status,
                evidence=tuple(evidence),
            )
        )
    return sorted(
        claims, key=lambda c: (c.kind, c.subject, c.attribute, -c.families, c.value, c.id)
    )
