"""The whole analysis as one function: inputs in, an ``Analysis`` out.

Each stage is a plain function from one record type to the next; this module only wires them
together, times them and keeps every failure as an ``InputError`` so one bad page never stops a
batch. Per-article stages (extract, annotate) go through an executor; per-story stages (link,
compare) run after grouping.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

from storylens.model import (
    Analysis,
    AnnotatedArticle,
    Article,
    Document,
    InputError,
    StoryResult,
)


@dataclass(frozen=True)
class AnalyzeOptions:
    """Knobs a user can turn; defaults are what `storylens analyze` does."""

    workers: int = 1  # processes for per-article stages; 1 runs in this process
    allow_private_urls: bool = False  # let the fetcher reach loopback/private hosts (tests)
    fetch_cache: str | None = None  # folder for fetched pages
    min_story_size: int = 2  # stories need this many articles; smaller groups are off-topic


@dataclass
class StageTimer:
    """Wall-clock seconds per stage, summed over calls."""

    seconds: dict[str, float] = field(default_factory=dict)

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        began = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - began


ProgressCallback = Callable[[str, int, int], None]  # (stage, done, total)


def analyze(
    inputs: Sequence[str],
    options: AnalyzeOptions | None = None,
    progress: ProgressCallback | None = None,
) -> Analysis:
    """Read, extract, annotate, group, link and compare everything named by ``inputs``."""
    from storylens.ingest import IngestOptions, read_inputs

    options = options or AnalyzeOptions()
    timer = StageTimer()
    errors: list[InputError] = []

    with timer.stage("ingest"):
        documents: list[Document] = []
        ingest_options = IngestOptions(
            allow_private_urls=options.allow_private_urls, cache_dir=options.fetch_cache
        )
        for item in read_inputs(inputs, ingest_options):
            if isinstance(item, InputError):
                errors.append(item)
            else:
                documents.append(item)

    return analyze_documents(documents, options, progress, timer=timer, errors=errors)


def analyze_documents(
    documents: Sequence[Document],
    options: AnalyzeOptions | None = None,
    progress: ProgressCallback | None = None,
    *,
    timer: StageTimer | None = None,
    errors: list[InputError] | None = None,
) -> Analysis:
    """The stages after ingest, for callers that already hold documents (store, Ray)."""
    from storylens.compare import compare_story
    from storylens.extract import extract_articles
    from storylens.link import group_stories, link_story

    options = options or AnalyzeOptions()
    timer = timer or StageTimer()
    errors = list(errors or [])

    with timer.stage("extract"):
        articles: list[Article] = []
        for item in extract_articles(documents):
            if isinstance(item, InputError):
                errors.append(item)
            else:
                articles.append(item)
        if progress:
            progress("extract", len(documents), len(documents))

    with timer.stage("annotate"):
        annotated = annotate_all(articles, options, progress, errors)

    with timer.stage("group"):
        stories, off_topic = group_stories(annotated, min_size=options.min_story_size)

    results: list[StoryResult] = []
    for story in stories:
        with timer.stage("link"):
            linked = link_story(story)
        with timer.stage("compare"):
            findings = compare_story(linked)
        results.append(StoryResult(linked=linked, findings=findings))

    kept_ids = {a.id for a in annotated}
    return Analysis(
        articles=tuple(a.article for a in annotated if a.id in kept_ids),
        stories=tuple(results),
        off_topic=tuple(sorted(off_topic)),
        errors=tuple(sorted(errors, key=lambda e: (e.input, e.error))),
        timings=dict(timer.seconds),
    )


def annotate_all(
    articles: Sequence[Article],
    options: AnalyzeOptions,
    progress: ProgressCallback | None,
    errors: list[InputError],
) -> list[AnnotatedArticle]:
    """Annotate every article; one that fails is reported and dropped, the rest go on."""
    from storylens.scale.local import map_articles

    annotated: list[AnnotatedArticle] = []
    total = len(articles)
    for done, (article, result) in enumerate(
        map_articles(_annotate_one, articles, workers=options.workers), start=1
    ):
        if isinstance(result, InputError):
            errors.append(result)
        else:
            annotated.append(result)
        if progress:
            progress("annotate", done, total)
        del article
    return annotated


def _annotate_one(article: Article) -> AnnotatedArticle | InputError:
    from storylens.annotate import annotate_article

    try:
        return annotate_article(article)
    except Exception as exc:  # one article's failure must not stop the batch
        label = article.source.path or article.source.url or article.id
        return InputError(input=label, error=f"annotation failed: {type(exc).__name__}: {exc}")
