"""Direct quotes across articles: verbatim copies, reworded variants, wrong speakers.

Verbatim: the same words up to punctuation, case and truncation (one contains the other, or they
differ by a word or two). Variant: the same speaker at the same moment in different words; the
moment is known when the link stage aligned the quotes' sentences, or when their quotes and
surroundings share most of their content words. Attribution: the same words given to different
people. A quote that only one family carries is single-source: where invented quotes hide.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from storylens.compare.context import Draft, Observation, StoryContext, ValueGroup
from storylens.compare.dates import DateReading, dates_clash, read_date
from storylens.compare.entities import person_tokens
from storylens.compare.text import (
    content_words,
    make_span,
    sentence_bounds,
    sentence_index,
    stable_id,
    words,
)
from storylens.model import AnnotatedArticle, QuoteGroup, QuoteMention, Span

if TYPE_CHECKING:
    import numpy as np

MIN_QUOTE_WORDS = 4  # shorter quoted bits are scare quotes, not statements
VERBATIM_RATIO = 90.0
VARIANT_QUOTE_OVERLAP = 0.5  # share of the shorter quote's content words the other has
VARIANT_QUOTE_SIMILARITY = 0.75  # cosine of the two quotes' embeddings
VARIANT_OVERLAP_MIN_SIMILARITY = 0.6  # shared words count only when the meanings are this close
VARIANT_CONTEXT_RARITY = 12.0  # summed rarity of the content words around both quotes
QUOTE_CONFIDENCE_ALIGNED = 0.7
QUOTE_CONFIDENCE_REWORDED = 0.6
QUOTE_CONFIDENCE_CONTEXT = 0.5
ATTRIBUTION_CONFIDENCE = 0.75


@dataclass
class QuoteUse:
    article: AnnotatedArticle
    mention: QuoteMention
    speaker: str | None  # entity id
    tokens: str  # folded words joined by spaces
    sentence: int
    context: frozenset[str]
    span: Span
    times: tuple[DateReading, ...] = ()  # when the words were said, per the reporting sentence


@dataclass
class _Cluster:
    uses: list[QuoteUse] = field(default_factory=list)

    @property
    def article_ids(self) -> tuple[str, ...]:
        return tuple(sorted({u.article.id for u in self.uses}))

    def speaker(self) -> str | None:
        speakers = Counter(u.speaker for u in self.uses if u.speaker)
        if not speakers:
            return None
        return min(speakers, key=lambda s: (-speakers[s], s))

    def text(self) -> str:
        """The longest wording: truncated copies are contained in it."""
        texts = Counter(u.mention.text.strip() for u in self.uses)
        return min(texts, key=lambda t: (-len(t), -texts[t], t))

    def tokens_key(self) -> str:
        return " ".join(words(self.text()))


def _context(article: AnnotatedArticle, mention: QuoteMention, speaker_words: set[str]) -> set:
    """Content words around the quote (its sentence and the one before), minus quote and speaker."""
    text = article.article.text
    start, end = sentence_bounds(article, mention.start)
    before_start, _ = sentence_bounds(article, max(0, start - 2))
    around = text[before_start : mention.start] + " " + text[mention.end : end]
    return content_words(around) - content_words(mention.text) - speaker_words


def _reporting_times(article: AnnotatedArticle, mention: QuoteMention) -> tuple[DateReading, ...]:
    """Dates in the quote's sentence outside the quote: 'said on Tuesday' dates the moment."""
    start, end = sentence_bounds(article, mention.start)
    return tuple(
        reading
        for date in article.dates
        if start <= date.start < end
        and not (mention.start <= date.start < mention.end)
        and (reading := read_date(date))
    )


PRONOUNS = frozenset({"he", "she", "him", "her"})


def pronoun_named_nearby(text: str, mention: QuoteMention) -> bool:
    """A speaker given by a pronoun ('..., he said') is trusted only when the person it was
    resolved to is named earlier in the pronoun's own paragraph: farther back, a name the
    parser missed (an unusual surname) may be the one meant, and a wrong speaker is worse
    than none. Speakers named outright always count."""
    if mention.speaker is None or mention.speaker_start is None or mention.speaker_end is None:
        return True
    if text[mention.speaker_start : mention.speaker_end].lower() not in PRONOUNS:
        return True
    paragraph = text[text.rfind("\n", 0, mention.speaker_start) + 1 : mention.speaker_start]
    names = [w for w in mention.speaker.split() if w[:1].isupper() and len(w) > 1]
    return any(re.search(rf"\b{re.escape(name)}\b", paragraph) for name in names)


def _uses(context: StoryContext) -> list[QuoteUse]:
    uses = []
    for article in context.articles:
        for mention in article.quotes:
            if mention.kind != "direct":
                continue
            tokens = words(mention.text)
            if len(tokens) < MIN_QUOTE_WORDS:
                continue
            span = make_span(article, mention.start, mention.end)
            if span is None:
                continue
            speaker = context.resolver.person(mention.speaker, article.id)
            if speaker and not pronoun_named_nearby(article.article.text, mention):
                speaker = None
            speaker_words = set(words(context.resolver.name(speaker))) if speaker else set()
            if mention.speaker:
                speaker_words |= set(words(mention.speaker))
            speaker_words |= _title_words(context, article, speaker)
            uses.append(
                QuoteUse(
                    article=article,
                    mention=mention,
                    speaker=speaker,
                    tokens=" ".join(tokens),
                    sentence=sentence_index(article, mention.start),
                    context=frozenset(_context(article, mention, speaker_words)),
                    span=span,
                    times=_reporting_times(article, mention),
                )
            )
    return uses


def _title_words(context: StoryContext, article: AnnotatedArticle, speaker: str | None) -> set:
    """Content words of the titles the article gives the speaker ('APLP's chief executive'):
    they describe who speaks, wherever she speaks, so they mark no moment."""
    if not speaker:
        return set()
    found: set[str] = set()
    for title in article.titles:
        if context.resolver.person(title.person, article.id) == speaker:
            found |= content_words(title.text)
    return found


def same_words(a: str, b: str) -> bool:
    """Same quote up to punctuation, case, truncation or a stray word."""
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    if f" {short} " in f" {long} ":
        return True
    if fuzz.ratio(a, b) >= VERBATIM_RATIO:
        return True
    return len(short.split()) >= 10 and fuzz.partial_ratio(short, long) >= 95


def _cluster_verbatim(uses: list[QuoteUse]) -> list[_Cluster]:
    """Uses with the same words, chained through truncations; two clusters join only when
    their fullest wordings are the same words ('bring our people home' is in two remarks)."""
    parent = list(range(len(uses)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    longest = [use.tokens for use in uses]  # per cluster root: its longest wording

    for i, use in enumerate(uses):
        for i2 in range(i):
            a, b = find(i2), find(i)
            if a == b or not same_words(uses[i2].tokens, use.tokens):
                continue
            if not same_words(longest[a], longest[b]):
                continue  # a fragment two different remarks share joins only one of them
            parent[b] = a
            longest[a] = max(longest[a], longest[b], key=len)
    clusters: dict[int, _Cluster] = defaultdict(_Cluster)
    for i, use in enumerate(uses):
        clusters[find(i)].uses.append(use)
    return sorted(clusters.values(), key=lambda c: (c.article_ids, c.text()))


def _overlap(a: frozenset[str] | set[str], b: frozenset[str] | set[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def rarity(context: StoryContext) -> dict[str, float]:
    """Inverse sentence frequency of each content word in the story: shared rare words mark
    the same moment ('visiting the Gulf region'), shared common ones ('ceasefire') do not."""
    frequency: Counter[str] = Counter()
    sentences = 0
    for article in context.articles:
        text = article.article.text
        for sentence in article.sentences:
            sentences += 1
            frequency.update(content_words(text[sentence.start : sentence.end]))
    return {word: math.log(max(sentences, 1) / count) for word, count in frequency.items()}


def _moments_clash(a: QuoteUse, b: QuoteUse, frame_year: int | None) -> bool:
    """'said on Tuesday' and 'said Sunday': two different moments."""
    return any(dates_clash(x, y, frame_year) > 0 for x in a.times for y in b.times)


@dataclass(frozen=True)
class VariantEvidence:
    """What the quote comparison knows about the story, computed once."""

    rarity: dict[str, float]
    vectors: np.ndarray | None = None  # one unit embedding per use; None without the model
    rows: dict[int, int] = field(default_factory=dict)  # id() of a use -> its row

    def similarity(self, a: QuoteUse, b: QuoteUse) -> float | None:
        """Cosine of the two quotes' texts, None when the model is missing."""
        if self.vectors is None or id(a) not in self.rows or id(b) not in self.rows:
            return None
        return float(self.vectors[self.rows[id(a)]] @ self.vectors[self.rows[id(b)]])


def variant_confidence(
    context: StoryContext, a: _Cluster, b: _Cluster, evidence: VariantEvidence
) -> float:
    """Confidence that two wordings are one statement (same speaker, same moment)."""
    if not a.speaker() or a.speaker() != b.speaker():
        return 0.0
    best = 0.0
    for ua in a.uses:
        for ub in b.uses:
            if ua.article.id == ub.article.id or _moments_clash(ua, ub, context.frame_year):
                continue
            if context.aligned(ua.article.id, ua.sentence, ub.article.id, ub.sentence):
                best = max(best, QUOTE_CONFIDENCE_ALIGNED)
                continue
            shared = ua.context & ub.context
            quote_overlap = _overlap(content_words(ua.tokens), content_words(ub.tokens))
            similar = evidence.similarity(ua, ub)
            if same_statement(quote_overlap, similar) and len(shared) >= 2:
                best = max(best, QUOTE_CONFIDENCE_REWORDED)
                continue
            score = sum(evidence.rarity.get(word, 0.0) for word in shared)
            if score >= VARIANT_CONTEXT_RARITY and len(shared) >= 4:
                best = max(best, QUOTE_CONFIDENCE_CONTEXT)
    return best


def same_statement(overlap: float, similarity: float | None) -> bool:
    """Whether two wordings could be one statement, judged by their words and meanings.

    A paraphrase changes the words but keeps the meaning (a high cosine). Sharing half the
    content words is not enough on its own: 'I love this city and its people' and 'The people
    of this city deserve lower taxes' share words but are two statements, which the embeddings
    tell apart. Without the model (``similarity`` None) the shared words decide alone.
    """
    if similarity is None:
        return overlap >= VARIANT_QUOTE_OVERLAP
    if similarity >= VARIANT_QUOTE_SIMILARITY:
        return True
    return overlap >= VARIANT_QUOTE_OVERLAP and similarity >= VARIANT_OVERLAP_MIN_SIMILARITY


def variant_evidence(context: StoryContext, uses: list[QuoteUse]) -> VariantEvidence:
    """Word rarity in the story, and the quotes' embeddings when two uses could be variants.

    Every use is embedded, not only those with a speaker of their own: a use without one still
    joins its cluster's speaker when clusters are compared.
    """
    evidence = VariantEvidence(rarity(context))
    if len({u.article.id for u in uses}) < 2:
        return evidence
    try:
        from storylens.link.embeddings import embed_texts

        vectors = embed_texts([u.mention.text for u in uses])
    except Exception:  # no model installed: the lexical evidence still works
        return evidence
    return VariantEvidence(evidence.rarity, vectors, {id(u): row for row, u in enumerate(uses)})


@dataclass
class QuoteResults:
    groups: list[QuoteGroup]
    drafts: list[Draft]


def _group_status(context: StoryContext, cluster: _Cluster, variant: bool) -> str:
    if variant:
        return "variant"
    return "verbatim" if context.families(cluster.article_ids) >= 2 else "single-source"


def _value_group(cluster: _Cluster, value: str, normalized: str) -> ValueGroup:
    group = ValueGroup(normalized=normalized, value=value)
    for use in cluster.uses:
        group.observations.append(
            Observation(
                kind="quote",
                subject_id=cluster.speaker() or "",
                subject="",
                attribute="wording",
                value=value,
                normalized=normalized,
                article_id=use.article.id,
                evidence=(use.span,),
            )
        )
    return group


def _said_by(context: StoryContext, cluster: _Cluster, speaker: str | None) -> _Cluster:
    """The uses of a wording that do not give it to someone else: a page that puts the words in
    another mouth is evidence of an attribution conflict, not of how this speaker worded them."""
    kept = [
        u
        for u in cluster.uses
        if not u.speaker or not speaker or may_be_one_person(context, u.speaker, speaker)
    ]
    return _Cluster(uses=kept) if kept else cluster


def may_be_one_person(context: StoryContext, a: str, b: str) -> bool:
    """Two speaker entities that may be one person: a bare surname ('..., Barišić said') may
    be anyone of that name, so it is no evidence against a full name ending in it."""
    if a == b:
        return True
    names = sorted(
        (person_tokens(context.resolver.name(a)), person_tokens(context.resolver.name(b))),
        key=len,
    )
    short, full = names
    return len(short) == 1 and len(full) > 1 and short[0] == full[-1]


def _merge_bare_surnames(
    context: StoryContext, by_speaker: dict[str, list[QuoteUse]]
) -> dict[str, list[QuoteUse]]:
    """Uses given to a bare surname join the one full name it may stand for (when exactly one
    does): 'Barišić' and 'Ante Barišić' saying the same words is no attribution conflict."""
    merged: dict[str, list[QuoteUse]] = {}
    order = sorted(by_speaker, key=lambda s: (-len(person_tokens(context.resolver.name(s))), s))
    for speaker in order:
        fits = [kept for kept in merged if may_be_one_person(context, speaker, kept)]
        if len(fits) == 1:
            merged[fits[0]].extend(by_speaker[speaker])
        else:
            merged[speaker] = list(by_speaker[speaker])
    return merged


def _attribution(context: StoryContext, cluster: _Cluster) -> Draft | None:
    """The same words given to different people in different articles."""
    by_speaker: dict[str, list[QuoteUse]] = defaultdict(list)
    for use in cluster.uses:
        if use.speaker:
            by_speaker[use.speaker].append(use)
    by_speaker = _merge_bare_surnames(context, by_speaker)
    if len(by_speaker) < 2:
        return None
    articles = {s: {u.article.id for u in us} for s, us in by_speaker.items()}
    speakers = sorted(by_speaker)
    if all(articles[s] == articles[speakers[0]] for s in speakers):
        return None
    groups = []
    for speaker in speakers:
        sub = _Cluster(uses=by_speaker[speaker])
        name = context.resolver.name(speaker)
        groups.append(_value_group(sub, name, speaker))
    return Draft(
        kind="attribution",
        subject_id=stable_id("quote", cluster.text()),
        subject=f"“{cluster.text()}”",
        attribute="speaker",
        groups=sorted(groups, key=lambda g: (-len(g.article_ids), g.normalized)),
        confidence=ATTRIBUTION_CONFIDENCE,
    )


def quote_findings(context: StoryContext) -> QuoteResults:
    uses = _uses(context)
    clusters = _cluster_verbatim(uses)
    evidence = variant_evidence(context, uses)
    parent = list(range(len(clusters)))

    def find(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    link_confidence: dict[int, float] = {}
    for i, a in enumerate(clusters):
        for j in range(i + 1, len(clusters)):
            confidence = variant_confidence(context, a, clusters[j], evidence)
            if confidence > 0:
                root_i, root_j = find(i), find(j)
                if root_i != root_j:
                    parent[max(root_i, root_j)] = min(root_i, root_j)
                root = find(i)
                link_confidence[root] = max(link_confidence.get(root, 0.0), confidence)
    variants: dict[int, list[int]] = defaultdict(list)
    for i in range(len(clusters)):
        variants[find(i)].append(i)

    groups: list[QuoteGroup] = []
    drafts: list[Draft] = []
    for root, members in sorted(variants.items()):
        is_variant = len(members) > 1
        for i in members:
            cluster = clusters[i]
            speaker = cluster.speaker()
            groups.append(
                QuoteGroup(
                    id=stable_id("quote", speaker or "", cluster.text()),
                    speaker=context.resolver.name(speaker) if speaker else None,
                    text=cluster.text(),
                    article_ids=cluster.article_ids,
                    families=context.families(cluster.article_ids),
                    status=_group_status(context, cluster, is_variant),
                    evidence=tuple(sorted((u.span for u in cluster.uses), key=_span_key)),
                )
            )
            attribution = _attribution(context, cluster)
            if attribution:
                drafts.append(attribution)
        if is_variant:
            speaker = clusters[members[0]].speaker()
            name = context.resolver.name(speaker)
            value_groups = [
                _value_group(
                    _said_by(context, clusters[i], speaker),
                    f"“{clusters[i].text()}”",
                    clusters[i].tokens_key(),
                )
                for i in members
            ]
            drafts.append(
                Draft(
                    kind="quote",
                    subject_id=stable_id(
                        "quote-moment", *sorted(g.normalized for g in value_groups)
                    ),
                    subject=name,
                    attribute="wording",
                    groups=sorted(value_groups, key=lambda g: (-len(g.article_ids), g.normalized)),
                    confidence=link_confidence.get(root, QUOTE_CONFIDENCE_CONTEXT),
                )
            )
    groups.sort(key=lambda g: (-g.families, g.speaker or "", g.text, g.id))
    return QuoteResults(groups=groups, drafts=drafts)


def _span_key(span: Span) -> tuple[str, int, int]:
    return span.article, span.start, span.end
