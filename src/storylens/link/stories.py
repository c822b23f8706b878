"""group_stories: which articles are about the same event.

Similarity of two articles mixes three views that fail differently: the mean embedding of the
title and lead sentences (meaning, robust to rewording), TF-IDF cosine over the text (rare
shared words: names, places, figures) and overlap of named-entity keys (who and where, however
the text around them is worded). Articles published far apart are pushed apart. Average-linkage
agglomerative clustering with one global distance threshold cuts the tree: it needs no number
of stories, and average linkage keeps a long chain of loosely similar pages from merging two
events. Groups smaller than ``min_size`` are off-topic.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from storylens.link.derive import parse_published
from storylens.link.text import sentence_spans
from storylens.model import AnnotatedArticle, Story

LEAD_SENTENCES = 6
EMBEDDING_WEIGHT = 0.2  # the lead's meaning: same kind of event scores high, so weigh it low
TFIDF_WEIGHT = 0.5
ENTITY_WEIGHT = 0.3
DISTANCE_THRESHOLD = 0.76  # tuned globally on ECB+ topics 1-18 (see benchmarks/bench_stories.py)
TIME_WINDOW_DAYS = 10
TIME_PENALTY = 0.5  # similarity multiplier for articles published further apart than the window
YEAR_PENALTY = 0.7  # multiplier when both texts name years and share none (no dates known)
_YEAR = re.compile(r"\b(?:19[5-9]\d|20[0-4]\d)\b")
_NAME_WORD = re.compile(r"[\w'’-]+")
ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "EVENT", "NORP", "PRODUCT"})


@dataclass(frozen=True)
class GroupingOptions:
    distance_threshold: float = DISTANCE_THRESHOLD
    embedding_weight: float = EMBEDDING_WEIGHT
    tfidf_weight: float = TFIDF_WEIGHT
    entity_weight: float = ENTITY_WEIGHT
    time_window_days: int = TIME_WINDOW_DAYS


def lead_texts(article: AnnotatedArticle, lead: int = LEAD_SENTENCES) -> list[str]:
    """Title and first sentences: where a news article says what happened."""
    text = article.article.text
    sentences = [text[s:e] for s, e in sentence_spans(article)[:lead]]
    title = (article.article.title or "").strip()
    if title and (not sentences or title not in sentences[0]):
        sentences.insert(0, title)
    return sentences or [text[:500] or " "]


def embedding_similarity(articles: Sequence[AnnotatedArticle]) -> np.ndarray:
    from storylens.link.embeddings import embed_texts, normalize_rows

    leads = [lead_texts(a) for a in articles]
    vectors = embed_texts([t for lead in leads for t in lead])
    rows: list[np.ndarray] = []
    cursor = 0
    for lead in leads:
        rows.append(vectors[cursor : cursor + len(lead)].mean(axis=0))
        cursor += len(lead)
    docs = normalize_rows(np.stack(rows))
    return np.clip(docs @ docs.T, 0.0, 1.0)


def tfidf_similarity(articles: Sequence[AnnotatedArticle]) -> np.ndarray:
    from sklearn.feature_extraction.text import TfidfVectorizer

    texts = [f"{a.article.title or ''}\n{a.article.text}" for a in articles]
    try:
        matrix = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform(texts)
    except ValueError:  # nothing but stop words
        return np.eye(len(articles))
    return np.asarray((matrix @ matrix.T).todense()).clip(0.0, 1.0)


def entity_keys(article: AnnotatedArticle) -> frozenset[str]:
    return frozenset(e.key for e in article.entities if e.label in ENTITY_LABELS and e.key)


def capitalised_keys(article: AnnotatedArticle) -> frozenset[str]:
    """Stand-in for entity keys in unannotated text: capitalised words not opening a line."""
    keys: set[str] = set()
    for line in article.article.text.split("\n"):
        tokens = _NAME_WORD.findall(line)
        for token in tokens[1:]:
            if len(token) > 1 and token[0].isupper() and not token.isupper():
                keys.add(token.casefold())
    return frozenset(keys)


def entity_similarity(articles: Sequence[AnnotatedArticle]) -> np.ndarray:
    """Jaccard overlap of entity keys (capitalised words when nothing was annotated)."""
    keys = [entity_keys(a) for a in articles]
    if not any(keys):
        keys = [capitalised_keys(a) for a in articles]
    n = len(articles)
    result = np.eye(n)
    for i in range(n):
        for j in range(i + 1, n):
            union = len(keys[i] | keys[j])
            result[i, j] = result[j, i] = len(keys[i] & keys[j]) / union if union else 0.0
    return result


def years_named(article: AnnotatedArticle) -> frozenset[str]:
    """Years the text names (resolved date mentions when annotated, else four-digit years)."""
    resolved = {d.value[:4] for d in article.dates if d.value and d.value[:4].isdigit()}
    return frozenset(resolved or _YEAR.findall(article.article.text))


TRUSTED_DATE_SOURCES = frozenset({"meta", "http", "feed", "record"})


def dated_by_publisher(article: AnnotatedArticle) -> bool:
    """A date the page declares (metadata, HTTP headers, feed) rather than a bare date line of a
    scraped page, which is often the time it was scraped, weeks after the story."""
    return article.article.published_from in TRUSTED_DATE_SOURCES


def time_factor(articles: Sequence[AnnotatedArticle], window_days: int) -> np.ndarray:
    """Pushes apart articles published far apart, or (without dates) naming disjoint years:
    the same kind of event in another year is another story."""
    days: list[int | None] = []
    for a in articles:
        parsed = parse_published(a.article.published) if dated_by_publisher(a) else None
        days.append(None if parsed is None else parsed.toordinal())
    years = [years_named(a) for a in articles]
    n = len(articles)
    factor = np.ones((n, n))
    for i in range(n):
        for j in range(i + 1, n):
            di, dj = days[i], days[j]
            if di is not None and dj is not None:
                if abs(di - dj) > window_days:
                    factor[i, j] = factor[j, i] = TIME_PENALTY
            elif years[i] and years[j] and not years[i] & years[j]:
                factor[i, j] = factor[j, i] = YEAR_PENALTY
    return factor


def article_similarity(
    articles: Sequence[AnnotatedArticle], options: GroupingOptions | None = None
) -> np.ndarray:
    options = options or GroupingOptions()
    parts = [
        (options.embedding_weight, embedding_similarity(articles)),
        (options.tfidf_weight, tfidf_similarity(articles)),
        (options.entity_weight, entity_similarity(articles)),
    ]
    total = sum(w for w, _ in parts)
    combined = sum(w * m for w, m in parts) / total
    return combined * time_factor(articles, options.time_window_days)


def cluster_labels(similarity: np.ndarray, threshold: float) -> list[int]:
    """Average-linkage clusters of 1 - similarity cut at ``threshold``."""
    from sklearn.cluster import AgglomerativeClustering

    n = similarity.shape[0]
    if n < 2:
        return [0] * n
    distance = np.clip(1.0 - similarity, 0.0, None)
    np.fill_diagonal(distance, 0.0)
    model = AgglomerativeClustering(
        n_clusters=None, metric="precomputed", linkage="average", distance_threshold=threshold
    )
    return [int(x) for x in model.fit_predict(distance)]


def story_id(article_ids: Sequence[str]) -> str:
    digest = hashlib.blake2b("\n".join(sorted(article_ids)).encode(), digest_size=6).hexdigest()
    return f"s-{digest}"


def central_title(
    members: Sequence[int], articles: Sequence[AnnotatedArticle], sim: np.ndarray
) -> str:
    """Title of the member most similar on average to the others (ties: smallest id)."""

    def centrality(i: int) -> tuple[float, str]:
        others = [sim[i, j] for j in members if j != i]
        return (-float(np.mean(others)) if others else 0.0, articles[i].id)

    best = articles[min(members, key=centrality)]
    if best.article.title:
        return best.article.title.strip()
    spans = sentence_spans(best)
    return best.article.text[spans[0][0] : spans[0][1]][:200] if spans else best.id


def group_stories(
    articles: Sequence[AnnotatedArticle],
    min_size: int = 2,
    options: GroupingOptions | None = None,
) -> tuple[list[Story], list[str]]:
    """Stories (sorted by first article id) and ids of articles that joined none."""
    options = options or GroupingOptions()
    ordered = sorted({a.id: a for a in articles}.values(), key=lambda a: a.id)
    if not ordered:
        return [], []
    similarity = article_similarity(ordered, options) if len(ordered) > 1 else np.ones((1, 1))
    labels = cluster_labels(similarity, options.distance_threshold)
    clusters: dict[int, list[int]] = {}
    for index, label in enumerate(labels):
        clusters.setdefault(label, []).append(index)
    stories: list[Story] = []
    off_topic: list[str] = []
    for members in clusters.values():
        if len(members) < max(min_size, 1):
            off_topic += [ordered[i].id for i in members]
            continue
        ids = [ordered[i].id for i in members]
        stories.append(
            Story(
                id=story_id(ids),
                title=central_title(members, ordered, similarity),
                articles=tuple(ordered[i] for i in members),
            )
        )
    stories.sort(key=lambda s: s.articles[0].id)
    return stories, sorted(off_topic)
