"""Report: Analysis -> report.json (versioned contract), report.html, report.md.

Contract used by the CLI:
    build_report(analysis: Analysis) -> dict          # validates against schema.json
    write_reports(analysis: Analysis, out_dir: Path) -> dict[str, Path]
    summary.print_summary(analysis: Analysis, paths: dict[str, Path]) -> None
"""
