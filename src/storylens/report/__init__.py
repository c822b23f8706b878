"""Report: Analysis -> report.json (versioned contract), report.html, report.md.

Contract used by the CLI:
    build_report(analysis: Analysis) -> dict          # validates against schema.json
    validate_report(report: dict) -> None             # raises ReportValidationError
    write_reports(analysis: Analysis, out_dir: Path) -> dict[str, Path]
    load_schema() -> dict                             # the packaged JSON Schema
    summary.print_summary(analysis: Analysis, paths: dict[str, Path]) -> None

The HTML and Markdown writers render the report object (``render_html(report)``,
``render_markdown(report)``), so anything holding a report.json can render it again.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from storylens.model import Analysis
from storylens.report.validate import ReportValidationError, load_schema, validate_report

__all__ = [
    "ReportValidationError",
    "build_report",
    "dumps_report",
    "load_schema",
    "validate_report",
    "write_reports",
]

REPORT_FILES = {"json": "report.json", "html": "report.html", "md": "report.md"}
INVALID_FILE = "report.invalid.json"


def build_report(analysis: Analysis) -> dict[str, Any]:
    """The report.json object for ``analysis``, checked against the schema and its spans."""
    from storylens.report.build import report_dict

    report = report_dict(analysis.articles, analysis.stories, analysis.off_topic, analysis.errors)
    validate_report(report)
    return report


def dumps_report(report: dict[str, Any]) -> str:
    """The exact text of report.json: same report, same bytes."""
    return json.dumps(report, ensure_ascii=False, indent=2, sort_keys=True, allow_nan=False) + "\n"


def write_reports(analysis: Analysis, out_dir: Path) -> dict[str, Path]:
    """Write report.json, report.html and report.md into ``out_dir`` (created if missing).

    Raises ``ReportValidationError`` when the analysis breaks the contract (a span whose text
    is not the article's, an unknown kind); nothing is written then but report.invalid.json.
    """
    from storylens.report.build import report_dict
    from storylens.report.html_report import render_html
    from storylens.report.markdown_report import render_markdown

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    report = report_dict(analysis.articles, analysis.stories, analysis.off_topic, analysis.errors)
    try:
        validate_report(report)
    except ReportValidationError as error:
        # A broken report is a bug upstream: keep it for whoever debugs it, under a name
        # no consumer of report.json will pick up, and say where it is.
        saved = out_dir / INVALID_FILE
        write_text_atomic(saved, json.dumps(report, ensure_ascii=False, indent=2, default=str))
        raise ReportValidationError(error.problems, saved=saved) from None
    texts = {
        "json": dumps_report(report),
        "html": render_html(report),
        "md": render_markdown(report),
    }
    paths = {}
    for key, name in REPORT_FILES.items():
        path = out_dir / name
        write_text_atomic(path, texts[key])
        paths[key] = path
    return paths


def write_text_atomic(path: Path, text: str) -> None:
    """Write beside the target and rename, so a reader never opens half a report."""
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8", newline="\n")
    tmp.replace(path)
