"""report.md and the terminal summary."""

from __future__ import annotations

import io
import re

from rich.console import Console

from storylens.model import Analysis
from storylens.report import build_report
from storylens.report.markdown_report import esc, render_markdown
from storylens.report.summary import print_summary


def test_markdown_has_conflict_values_with_quoted_evidence(analysis: Analysis) -> None:
    md = render_markdown(build_report(analysis))
    assert "#### 1. [place] meeting of Edda Brannock and the river council · place" in md
    assert "- **Corvel** (normalised: corvel): 1 family" in md
    assert "- **Lannis** (normalised: lannis): 1 family" in md
    assert (
        "> Mayor Edda Brannock of Eldmoor will meet the river council in **Corvel** on Thursday."
        in md
    )


def test_markdown_has_families_derivations_claims_quotes_errors(analysis: Analysis) -> None:
    md = render_markdown(build_report(analysis))
    assert "**[original]**" in md
    assert "  - place replace: “Corvel” → “Lannis”" in md
    assert "**single-source** (1)" in md
    assert "**variant** (1)" in md
    assert "## Errors" in md and "could not decode the page as text" in md
    assert "## Off-topic pages" in md


def test_markdown_escapes_hostile_text(analysis: Analysis) -> None:
    md = render_markdown(build_report(analysis))
    assert not re.search(r"(?<!\\)<script", md)
    assert r"\<script>alert(1)\</script>" in md
    assert esc("# not a heading") == r"\# not a heading"
    assert esc("1. not a list") == r"1\. not a list"
    assert esc("a [link](javascript:x)") == r"a \[link\](javascript:x)"


def test_summary_names_counts_conflicts_and_paths(analysis: Analysis, tmp_path) -> None:
    buffer = io.StringIO()
    console = Console(file=buffer, width=200, color_system=None)
    paths = {k: tmp_path / f"report.{k}" for k in ("json", "html", "md")}
    print_summary(analysis, paths, console=console)
    out = buffer.getvalue()
    assert "3 articles · 1 story · 1 family · 1 conflict" in out
    assert (
        "place meeting of Edda Brannock and the river council: "
        "Corvel (1 article) vs Lannis (1 article)" in out
    )
    assert "1 input error" in out
    assert str(paths["html"]) in out


def test_summary_prints_markup_in_titles_literally(analysis: Analysis) -> None:
    from dataclasses import replace

    result = analysis.stories[0]
    story = replace(result.linked.story, title="[bold]Loud[/bold] title")
    hostile = replace(
        analysis, stories=(replace(result, linked=replace(result.linked, story=story)),)
    )
    buffer = io.StringIO()
    print_summary(hostile, {}, console=Console(file=buffer, width=200, color_system=None))
    assert "[bold]Loud[/bold] title" in buffer.getvalue()
