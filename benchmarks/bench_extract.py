"""Extraction benchmarks, all in one run: python benchmarks/bench_extract.py [--limit N]

a) article-extraction-benchmark (181 news pages): shingle F1 of storylens, of trafilatura alone
   (default settings) in the same run, and of the published outputs in output/*.json.
b) wcxb-dev-articles (793 article pages): word-bag F1, title / author / date accuracy, for
   storylens and trafilatura alone.
c) throughput of storylens extraction, pages per CPU second of one process (per core; CPU time
   rather than wall time because these machines are shared).
d) the labelled line set in tests/extract/fixtures/lines: precision and recall of removed lines.

Data is read from ../shared/data (see its README); nothing is downloaded.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from extract_lines import labelled_line_scores
from extract_scoring import (
    Scores,
    accuracy,
    aeb_scores,
    bow_scores,
    same_author,
    same_day,
    same_title,
)

from storylens.extract import ExtractOptions, extract_articles
from storylens.model import Article, Document, Source

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("STORYLENS_SHARED", REPO.parent / "shared"))
AEB = SHARED / "data" / "article-extraction-benchmark"
WCXB = SHARED / "data" / "wcxb-dev-articles"
MULTILINGUAL = ExtractOptions(english_only=False)  # the benchmarks hold pages in any language


def read_gz(path: Path) -> str:
    with gzip.open(path, "rb") as handle:
        raw = handle.read()
    return raw.decode("utf-8", errors="replace")


def storylens_run(pages: dict[str, tuple[str, str | None]]) -> tuple[dict[str, Article], float]:
    """Our extraction over a batch of pages, and the seconds it took in this process."""
    documents = [
        Document(id=key, source=Source(url=url), content=html, media_type="html")
        for key, (html, url) in pages.items()
    ]
    began = time.process_time()  # CPU seconds of this process: the machine is shared
    results = extract_articles(documents, MULTILINGUAL)
    seconds = time.process_time() - began
    return {d.id: r for d, r in zip(documents, results, strict=True) if isinstance(r, Article)}, (
        seconds
    )


def trafilatura_run(pages: dict[str, tuple[str, str | None]]) -> dict[str, dict]:
    """trafilatura alone with its default settings: text and metadata."""
    from trafilatura import bare_extraction

    found = {}
    for key, (html, url) in pages.items():
        result = bare_extraction(html, url=url, with_metadata=True)
        found[key] = {
            "text": (result.text or "") if result else "",
            "title": result.title if result else None,
            "author": result.author if result else None,
            "date": result.date if result else None,
        }
    return found


def load_published_outputs() -> dict[str, dict[str, str]]:
    outputs = {}
    for path in sorted((AEB / "output").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(data.get("output"), dict):
            data = data["output"]
        outputs[path.stem] = {
            key: (item or {}).get("articleBody") or "" for key, item in data.items()
        }
    return outputs


def bench_aeb(limit: int | None) -> tuple[list[tuple[str, Scores]], int, float]:
    truth_items = json.loads((AEB / "ground-truth.json").read_text(encoding="utf-8"))
    keys = sorted(truth_items)[:limit] if limit else sorted(truth_items)
    truth = {key: truth_items[key]["articleBody"] for key in keys}
    pages = {
        key: (read_gz(AEB / "html" / f"{key}.html.gz"), truth_items[key]["url"]) for key in keys
    }
    ours, seconds = storylens_run(pages)
    rows = [("storylens", aeb_scores(truth, {k: a.text for k, a in ours.items()}))]
    alone = trafilatura_run(pages)
    rows.append(
        (
            "trafilatura 2.3.1 alone (this run)",
            aeb_scores(truth, {k: v["text"] for k, v in alone.items()}),
        )
    )
    for name, output in load_published_outputs().items():
        rows.append((f"published: {name}", aeb_scores(truth, output)))
    return rows, len(pages), seconds


def bench_wcxb(limit: int | None) -> tuple[list[tuple[str, Scores, dict]], int, float]:
    paths = (
        sorted((WCXB / "ground-truth").glob("*.json"))[:limit]
        if limit
        else sorted((WCXB / "ground-truth").glob("*.json"))
    )
    gold = {}
    pages = {}
    for path in paths:
        record = json.loads(path.read_text(encoding="utf-8"))
        gold[path.stem] = record["ground_truth"]
        pages[path.stem] = (read_gz(WCXB / "html" / f"{path.stem}.html.gz"), record.get("url"))
    truth = {key: g.get("main_content") or "" for key, g in gold.items()}
    ours, seconds = storylens_run(pages)
    ours_meta = {
        k: {"text": a.text, "title": a.title, "author": a.author, "date": a.published}
        for k, a in ours.items()
    }
    alone = trafilatura_run(pages)
    rows = []
    for name, found in (("storylens", ours_meta), ("trafilatura 2.3.1 alone (this run)", alone)):
        scores = bow_scores(truth, {k: v["text"] for k, v in found.items()})
        meta = {
            "title": accuracy(
                ((g.get("title"), found.get(k, {}).get("title")) for k, g in gold.items()),
                same_title,
            ),
            "author": accuracy(
                ((g.get("author"), found.get(k, {}).get("author")) for k, g in gold.items()),
                same_author,
            ),
            "date": accuracy(
                ((g.get("publish_date"), found.get(k, {}).get("date")) for k, g in gold.items()),
                same_day,
            ),
        }
        rows.append((name, scores, meta))
    return rows, len(pages), seconds


def print_table(title: str, header: list[str], rows: list[list[str]]) -> None:
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    print(f"\n## {title}")
    print(" | ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)))
    print("-+-".join("-" * w for w in widths))
    for row in rows:
        print(" | ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)))


def timed(label: str, step: Callable):
    began = time.perf_counter()
    result = step()
    print(f"[{label}: {time.perf_counter() - began:.1f} s]", file=sys.stderr)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="pages per data set (quick runs)")
    args = parser.parse_args()
    if not AEB.exists() or not WCXB.exists():
        sys.exit(f"evaluation data is absent: {SHARED / 'data'}")

    aeb_rows, aeb_pages, aeb_seconds = timed(
        "article-extraction-benchmark", lambda: bench_aeb(args.limit)
    )
    print_table(
        f"a) article-extraction-benchmark ({aeb_pages} pages): word 4-gram shingles, "
        "P and R averaged per document",
        ["system", "F1", "precision", "recall"],
        [[name, f"{s.f1:.4f}", f"{s.precision:.4f}", f"{s.recall:.4f}"] for name, s in aeb_rows],
    )
    wcxb_rows, wcxb_pages, wcxb_seconds = timed("wcxb", lambda: bench_wcxb(args.limit))
    print_table(
        f"b) wcxb-dev-articles ({wcxb_pages} pages): word-bag F1 per page; "
        "metadata accuracy over pages with a gold value",
        ["system", "F1", "precision", "recall", "title", "author", "date (same day)"],
        [
            [
                name,
                f"{s.f1:.4f}",
                f"{s.precision:.4f}",
                f"{s.recall:.4f}",
                *(f"{meta[k][0]:.3f} (n={meta[k][1]})" for k in ("title", "author", "date")),
            ]
            for name, s, meta in wcxb_rows
        ],
    )
    pages = aeb_pages + wcxb_pages
    seconds = aeb_seconds + wcxb_seconds
    print_table(
        "c) throughput of storylens extraction (one process, HTML pages of both sets)",
        ["pages", "CPU seconds", "pages/s per core", "goal"],
        [[str(pages), f"{seconds:.1f}", f"{pages / seconds:.1f}", ">= 40"]],
    )
    line_scores = labelled_line_scores()
    print_table(
        "d) labelled line set (tests/extract/fixtures/lines): removed lines",
        ["pages", "lines", "precision", "recall", "article lines removed", "goal"],
        [
            [
                str(line_scores.pages),
                str(line_scores.lines),
                f"{line_scores.precision:.3f}",
                f"{line_scores.recall:.3f}",
                str(line_scores.kept_lines_removed),
                "recall >= 0.9, 0 article lines removed",
            ]
        ],
    )


if __name__ == "__main__":
    main()
