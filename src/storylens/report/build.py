"""Analysis -> the report.json object (schema version 1).

Pure functions from model records to plain JSON values. The report is the one place where a run
becomes public, so it is built to be diffed: no timings, floats rounded, lists in the order the
stages ranked them (conflicts, claims) or sorted where order carries no meaning (articles,
off-topic ids, errors). Dict key order does not matter: the writer sorts keys.
"""

from __future__ import annotations

from typing import Any

import storylens
from storylens.model import (
    AnnotatedArticle,
    Article,
    Change,
    Claim,
    Conflict,
    ConflictValue,
    Derivation,
    Entity,
    EntityTitle,
    Family,
    Flag,
    InputError,
    LinkedStory,
    QuoteGroup,
    SentenceAlignment,
    Span,
    StoryResult,
)

SCHEMA_VERSION = "1"
FLOAT_DIGITS = 4  # enough to rank by, few enough that reruns on other CPUs print the same

Json = dict[str, Any]


def report_dict(
    articles: tuple[Article, ...],
    stories: tuple[StoryResult, ...],
    off_topic: tuple[str, ...],
    errors: tuple[InputError, ...],
) -> Json:
    """The whole report object, before validation."""
    sentences = sentences_by_article(stories)
    return {
        "schema_version": SCHEMA_VERSION,
        "generator": {"name": "storylens", "version": storylens.__version__},
        "articles": [
            article_json(a, sentences.get(a.id)) for a in sorted(articles, key=lambda a: a.id)
        ],
        "stories": [story_json(s) for s in stories],
        "off_topic": sorted(set(off_topic)),
        "errors": [
            error_json(e) for e in sorted(errors, key=lambda e: (e.input, e.error, e.severity))
        ],
    }


def sentences_by_article(
    stories: tuple[StoryResult, ...],
) -> dict[str, tuple[tuple[int, int], ...]]:
    """Sentence offsets per article, so readers can resolve alignments and show context."""
    found: dict[str, tuple[tuple[int, int], ...]] = {}
    for result in stories:
        for annotated in result.linked.story.articles:
            if annotated.sentences and annotated.id not in found:
                found[annotated.id] = sentence_offsets(annotated)
    return found


def sentence_offsets(annotated: AnnotatedArticle) -> tuple[tuple[int, int], ...]:
    return tuple((s.start, s.end) for s in annotated.sentences)


def article_json(article: Article, sentences: tuple[tuple[int, int], ...] | None) -> Json:
    source = article.source
    return {
        "id": article.id,
        "source": {
            "path": source.path,
            "url": source.url,
            "site": article.site or source.site,
            "record": source.record,
        },
        "title": article.title,
        "published": article.published,
        "published_from": article.published_from,
        "author": article.author,
        "language": article.language,
        "text": article.text,
        "removed": [{"text": r.text, "reason": r.reason} for r in article.removed],
        "warnings": list(article.warnings),
        "sentences": [list(pair) for pair in sentences] if sentences else [],
    }


def story_json(result: StoryResult) -> Json:
    linked, findings = result.linked, result.findings
    story = linked.story
    return {
        "id": story.id,
        "title": story.title,
        "article_ids": [a.id for a in story.articles],
        "families": [family_json(f) for f in linked.families],
        "derivations": [derivation_json(d) for d in linked.derivations],
        "alignments": [alignment_json(a) for a in linked.alignments],
        "entities": [entity_json(e) for e in findings.entities],
        "claims": [claim_json(c, linked) for c in findings.claims],
        "quotes": [quote_json(q, linked) for q in findings.quotes],
        "conflicts": [conflict_json(c, linked) for c in findings.conflicts],
        "flags": [flag_json(f) for f in findings.flags],
    }


def family_json(family: Family) -> Json:
    return {"id": family.id, "article_ids": list(family.article_ids), "original": family.original}


def derivation_json(derivation: Derivation) -> Json:
    return {
        "parent": derivation.parent,
        "child": derivation.child,
        "kind": derivation.kind,
        "score": rounded(derivation.score),
        "confidence": rounded(derivation.confidence),
        "evidence": list(derivation.evidence),
        "changes": [change_json(c) for c in derivation.changes],
    }


def change_json(change: Change) -> Json:
    return {
        "op": change.op,
        "type": change.type,
        "parent_span": span_json(change.parent_span) if change.parent_span else None,
        "child_span": span_json(change.child_span) if change.child_span else None,
    }


def alignment_json(alignment: SentenceAlignment) -> Json:
    """Compact on purpose: a long story has thousands of these."""
    return {
        "a": alignment.article_a,
        "sa": list(alignment.sentences_a),
        "b": alignment.article_b,
        "sb": list(alignment.sentences_b),
        "score": rounded(alignment.score),
        "kind": alignment.kind,
    }


def entity_json(entity: Entity) -> Json:
    return {
        "id": entity.id,
        "name": entity.name,
        "type": entity.type,
        "aliases": list(entity.aliases),
        "titles": [entity_title_json(t) for t in entity.titles],
        "article_ids": unique(entity.article_ids),
    }


def entity_title_json(title: EntityTitle) -> Json:
    return {
        "text": title.text,
        "article_ids": unique(title.article_ids),
        "office": title.office,
        "jurisdiction": title.jurisdiction,
        "status": title.status,
    }


def claim_json(claim: Claim, linked: LinkedStory) -> Json:
    return {
        "id": claim.id,
        "kind": claim.kind,
        "subject": claim.subject,
        "attribute": claim.attribute,
        "value": claim.value,
        "article_ids": unique(claim.article_ids),
        "families": claim.families,
        "family_ids": family_ids(claim.article_ids, linked),
        "status": claim.status,
        "evidence": [span_json(s) for s in claim.evidence],
    }


def quote_json(quote: QuoteGroup, linked: LinkedStory) -> Json:
    return {
        "id": quote.id,
        "speaker": quote.speaker,
        "text": quote.text,
        "article_ids": unique(quote.article_ids),
        "families": quote.families,
        "family_ids": family_ids(quote.article_ids, linked),
        "status": quote.status,
        "evidence": [span_json(s) for s in quote.evidence],
    }


def conflict_json(conflict: Conflict, linked: LinkedStory) -> Json:
    return {
        "id": conflict.id,
        "kind": conflict.kind,
        "subject": conflict.subject,
        "attribute": conflict.attribute,
        "values": [conflict_value_json(v, linked) for v in conflict.values],
        "confidence": rounded(conflict.confidence),
        "explanation": conflict.explanation,
    }


def conflict_value_json(value: ConflictValue, linked: LinkedStory) -> Json:
    return {
        "value": value.value,
        "normalized": value.normalized,
        "article_ids": unique(value.article_ids),
        "families": value.families,
        "family_ids": family_ids(value.article_ids, linked),
        "evidence": [span_json(s) for s in value.evidence],
    }


def flag_json(flag: Flag) -> Json:
    return {
        "id": flag.id,
        "kind": flag.kind,
        "article_id": flag.article_id,
        "explanation": flag.explanation,
        "evidence": [span_json(s) for s in flag.evidence],
    }


def span_json(span: Span) -> Json:
    return {"article": span.article, "start": span.start, "end": span.end, "text": span.text}


def error_json(error: InputError) -> Json:
    return {"input": error.input, "error": error.error, "severity": error.severity}


def family_ids(article_ids: tuple[str, ...], linked: LinkedStory) -> list[str]:
    """Which families a set of articles comes from: the reader's unit of independence."""
    found = {linked.family_of(a) for a in article_ids}
    return sorted(f for f in found if f is not None)


def unique(ids: tuple[str, ...]) -> list[str]:
    """Ids once each, first mention first: a finding names an article once."""
    return list(dict.fromkeys(ids))


def rounded(value: float) -> float:
    return round(float(value), FLOAT_DIGITS)
