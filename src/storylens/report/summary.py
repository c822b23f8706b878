"""A few lines in the terminal: what was found and where the full report is.

Everything printed from articles goes through ``rich.markup.escape``: a headline such as
"[bold]..." is text, not markup.
"""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.markup import escape

from storylens.model import Analysis, Conflict, ConflictValue, StoryResult

TOP_CONFLICTS = 3
VALUE_CHARS = 40
SUBJECT_CHARS = 60


def print_summary(
    analysis: Analysis, paths: dict[str, Path], console: Console | None = None
) -> None:
    """Counts, each story's families and top conflicts, then the report paths."""
    out = console if console is not None else Console(highlight=False, soft_wrap=True)
    for line in summary_lines(analysis, paths):
        out.print(line, highlight=False)


def summary_lines(analysis: Analysis, paths: dict[str, Path]) -> list[str]:
    """The summary as rich markup lines; a pure function so tests can read it."""
    stories = analysis.stories
    families = sum(len(s.linked.families) for s in stories)
    conflicts = sum(len(s.findings.conflicts) for s in stories)
    lines = [
        f"{n(len(analysis.articles), 'article')} · {n(len(stories), 'story', 'stories')} · "
        f"{n(families, 'family', 'families')} · {n(conflicts, 'conflict')}"
        + (f" · {len(analysis.off_topic)} off-topic" if analysis.off_topic else "")
    ]
    for result in stories:
        lines += story_lines(result)
    errors = [e for e in analysis.errors if e.severity == "error"]
    warnings = len(analysis.errors) - len(errors)
    if analysis.errors:
        lines.append(
            f"[red]{n(len(errors), 'input error')}[/red]"
            + (f", [yellow]{n(warnings, 'warning')}[/yellow]" if warnings else "")
            + " (listed in the report)"
        )
    for key in ("html", "md", "json"):
        if key in paths:
            lines.append(f"[dim]{key:>4}[/dim] {escape(str(paths[key]))}")
    return lines


def story_lines(result: StoryResult) -> list[str]:
    story = result.linked.story
    families = result.linked.families
    sizes = ", ".join(str(len(f.article_ids)) for f in families)
    lines = [
        f"\n[bold cyan]{escape(story.title)}[/bold cyan]"
        f"  {n(len(story.articles), 'article')} in {n(len(families), 'family', 'families')}"
        + (f" (sizes {sizes})" if families else "")
    ]
    ranked = result.findings.conflicts
    for conflict in ranked[:TOP_CONFLICTS]:
        lines.append("  " + conflict_line(conflict))
    if len(ranked) > TOP_CONFLICTS:
        lines.append(
            f"  [dim]... {n(len(ranked) - TOP_CONFLICTS, 'more conflict')} in the report[/dim]"
        )
    if not ranked:
        lines.append("  [green]no conflicts found[/green]")
    return lines


def conflict_line(conflict: Conflict) -> str:
    values = " vs ".join(
        f"[bold]{escape(clip(v.value))}[/bold] ({len(v.article_ids)} {plural_word(v)})"
        for v in conflict.values
    )
    subject = escape(clip(conflict.subject, SUBJECT_CHARS))
    return f"[red]{conflict.kind}[/red] {subject}: {values}"


def clip(text: str, limit: int = VALUE_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def n(count: int, word: str, many: str | None = None) -> str:
    """A count in bold with its noun: ``n(2, "family", "families")``."""
    return f"[bold]{count}[/bold] {word if count == 1 else (many or word + 's')}"


def plural_word(value: ConflictValue) -> str:
    return "article" if len(value.article_ids) == 1 else "articles"
