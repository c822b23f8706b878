"""The `storylens` command. Heavy imports stay inside commands so `--help` answers at once."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from rich.console import Console

    from storylens.model import Analysis
    from storylens.pipeline import AnalyzeOptions

app = typer.Typer(
    add_completion=False,
    pretty_exceptions_enable=False,
    no_args_is_help=True,
    help="Read everything written about a story: what sources agree on, where they "
    "contradict each other, and who copied whom.",
)


@app.callback()
def main() -> None:
    """storylens: corroboration counted in independent sources, conflicts with evidence."""


@app.command()
def analyze(
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="Files, folders, globs (.html .htm .txt .md .json .jsonl .warc .gz), URLs, "
            "feeds or text files listing URLs."
        ),
    ],
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for the reports.")] = Path(
        "storylens-report"
    ),
    workers: Annotated[
        int, typer.Option(help="Processes for per-article stages (1 = this process).")
    ] = 1,
    allow_private_urls: Annotated[
        bool, typer.Option(help="Allow fetching from loopback and private addresses.")
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print no summary.")] = False,
) -> None:
    """Analyse pages about a story and write report.json, report.html and report.md."""
    from rich.console import Console

    from storylens.pipeline import AnalyzeOptions
    from storylens.report import write_reports

    err = Console(stderr=True)
    analysis = _run_with_progress(
        inputs,
        AnalyzeOptions(workers=workers, allow_private_urls=allow_private_urls),
        show=not quiet,
        console=err,
    )
    for error in analysis.errors:
        err.print(f"[red]error[/red] {error.input}: {error.error}", highlight=False, soft_wrap=True)
    paths = write_reports(analysis, out)
    if not quiet:
        from storylens.report.summary import print_summary

        print_summary(analysis, paths)
    failed = any(e.severity == "error" for e in analysis.errors)
    raise typer.Exit(code=1 if failed else 0)


DbOption = Annotated[
    Path | None,
    typer.Option("--db", help="SQLite store (default: a per-user data path)."),
]


@app.command()
def ingest(
    inputs: Annotated[list[str], typer.Argument(help="Pages to add, as for `analyze`.")],
    db: DbOption = None,
    allow_private_urls: Annotated[
        bool, typer.Option(help="Allow fetching from loopback and private addresses.")
    ] = False,
) -> None:
    """Add pages to the store; only the stories they touch are recomputed."""
    from rich.console import Console

    from storylens.store import ingest as ingest_pages
    from storylens.store.database import default_db_path

    err = Console(stderr=True)
    path = db or default_db_path()
    summary = ingest_pages(inputs, path, allow_private_urls=allow_private_urls)
    for error in summary.errors:
        err.print(f"[red]error[/red] {error.input}: {error.error}", highlight=False, soft_wrap=True)
    print(
        f"{len(summary.added)} page(s) added, {summary.skipped} already stored; "
        f"{len(summary.stories_updated)} story(ies) updated, "
        f"{len(summary.stories_removed)} removed. Store: {path}"
    )
    raise typer.Exit(code=1 if any(e.severity == "error" for e in summary.errors) else 0)


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Address to bind; keep 127.0.0.1.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8765,
) -> None:
    """Run the local web app over the store."""
    import uvicorn

    from storylens.store.database import default_db_path
    from storylens.web.app import create_app

    path = db or default_db_path()
    loopback = {"127.0.0.1", "localhost", "::1"}
    extra_hosts = None if host in loopback else [host, *sorted(loopback)]
    print(f"storylens: serving {path} at http://{host}:{port}/")
    app_ = create_app(path, allowed_hosts=extra_hosts)
    uvicorn.run(app_, host=host, port=port, log_level="warning")


def _run_with_progress(
    inputs: list[str], options: AnalyzeOptions, show: bool, console: Console
) -> Analysis:
    """Run the pipeline with a progress bar on stderr when the input is long."""
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    from storylens.pipeline import analyze as run_analysis

    if not show:
        return run_analysis(inputs, options)
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.completed}/{task.total}"),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    ) as bar:
        tasks: dict[str, int] = {}

        def progress(stage: str, done: int, total: int) -> None:
            if total < 20:  # short inputs finish before a bar would help
                return
            if stage not in tasks:
                tasks[stage] = bar.add_task(stage, total=total)
            bar.update(tasks[stage], completed=done)

        return run_analysis(inputs, options, progress)


def run() -> None:
    """Entry point that turns an unexpected crash into one line plus a hint, not a traceback.

    Set STORYLENS_DEBUG=1 to see the traceback of an internal error.
    """
    import os

    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as exc:
        if os.environ.get("STORYLENS_DEBUG"):
            raise
        print(
            f"storylens: internal error: {type(exc).__name__}: {exc} "
            "(set STORYLENS_DEBUG=1 for details, and please report it)",
            file=sys.stderr,
        )
        sys.exit(2)


if __name__ == "__main__":
    run()
