"""The labelled line set: pages we wrote, a keep/remove label on every line.

Shared by the benchmark (which prints precision and recall of removed lines) and the tests
(which hold the classifier to its goals). File format: tests/extract/fixtures/lines/README.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from storylens.extract import extract_articles
from storylens.extract.features import clean_line
from storylens.model import Article, Document, Source

LINES = Path(__file__).resolve().parent.parent / "tests" / "extract" / "fixtures" / "lines"


@dataclass(frozen=True)
class LabelledPage:
    name: str
    site: str
    lines: tuple[tuple[bool, str], ...]  # (must be removed, line)

    def document(self) -> Document:
        content = "\n".join(line for _, line in self.lines)
        return Document(
            id=self.name,
            source=Source(path=f"{self.name}.txt", site=self.site),
            content=content,
            media_type="text",
        )


@dataclass(frozen=True)
class LineScores:
    pages: int
    lines: int
    precision: float
    recall: float
    kept_lines_removed: int
    mistakes: tuple[str, ...]


def load_pages(folder: Path = LINES) -> list[LabelledPage]:
    pages = []
    for path in sorted(folder.glob("*--*.txt")):
        labelled = tuple(
            (raw[0] == "-", raw[2:].strip())
            for raw in path.read_text(encoding="utf-8").splitlines()
            if raw.strip()
        )
        pages.append(LabelledPage(path.stem, path.stem.split("--")[0], labelled))
    return pages


def labelled_line_scores(folder: Path = LINES) -> LineScores:
    """Extract the labelled pages as one batch and compare each line's fate with its label."""
    pages = load_pages(folder)
    results = extract_articles([page.document() for page in pages])
    tp = fp = fn = 0
    mistakes = []
    for page, result in zip(pages, results, strict=True):
        kept = set(result.text.split("\n")) if isinstance(result, Article) else set()
        for must_go, line in page.lines:
            removed = clean_line(line) not in kept
            if must_go and removed:
                tp += 1
            elif must_go:
                fn += 1
                mistakes.append(f"kept boilerplate in {page.name}: {line}")
            elif removed:
                fp += 1
                mistakes.append(f"removed article line in {page.name}: {line}")
    return LineScores(
        pages=len(pages),
        lines=sum(len(page.lines) for page in pages),
        precision=tp / (tp + fp) if tp + fp else 1.0,
        recall=tp / (tp + fn) if tp + fn else 1.0,
        kept_lines_removed=fp,
        mistakes=tuple(mistakes),
    )
