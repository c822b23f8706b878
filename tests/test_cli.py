"""The `storylens` command as a user runs it: help, reports, bad input that never stops a batch."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from testdata import EXAMPLES

STORYLENS = [sys.executable, "-m", "storylens.cli"]


def run_cli(*args: str, timeout: int = 300) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, COLUMNS="120")
    return subprocess.run(
        [*STORYLENS, *args], capture_output=True, text=True, timeout=timeout, env=env
    )


def test_help_answers_without_loading_models():
    began = time.perf_counter()
    result = run_cli("--help")
    assert result.returncode == 0
    assert "analyze" in result.stdout
    probe = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, storylens.cli; print(sorted(m for m in sys.modules "
            "if m.split('.')[0] in {'spacy', 'trafilatura', 'onnxruntime', 'sklearn', 'torch'}))",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert probe.stdout.strip() == "[]"
    assert time.perf_counter() - began < 30  # generous: a guard against model loads, not a timer


def write_bad_inputs(folder: Path) -> dict[str, Path]:
    """One file of each kind of bad input a user hands us by mistake."""
    folder.mkdir()
    paths = {
        "empty": folder / "empty.txt",
        "binary": folder / "photo.html",
        "latin1": folder / "latin1.txt",
        "noarticle": folder / "menu.html",
        "huge": folder / "huge.txt",
    }
    paths["empty"].write_bytes(b"")
    paths["binary"].write_bytes(bytes(range(256)) * 64)
    paths["latin1"].write_bytes(
        (
            "Caf\u00e9 owners in the old town said on Monday that the new r\u00e8glement "
            "would force them to close their terraces before the summer season begins.\n"
        ).encode("latin-1")
        * 3
    )
    paths["noarticle"].write_text(
        "<html><head><title>Menu</title></head><body><nav><a href='/a'>Home</a>"
        "<a href='/b'>Sport</a></nav></body></html>",
        encoding="utf-8",
    )
    with paths["huge"].open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    return paths


@pytest.mark.slow
def test_bad_inputs_are_reported_one_line_each_and_the_rest_is_analysed(tmp_path: Path):
    bad = write_bad_inputs(tmp_path / "bad")
    missing = tmp_path / "nowhere.txt"
    out = tmp_path / "report"
    sample = EXAMPLES / "sample-story"
    if not sample.exists():
        pytest.skip("examples/sample-story is not written yet")
    result = run_cli("analyze", str(sample), str(bad["empty"].parent), str(missing), "-o", str(out))
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    errors = {e["input"]: e for e in report["errors"]}
    for name in ("empty", "binary", "noarticle", "huge"):
        hit = [e for key, e in errors.items() if key.endswith(bad[name].name)]
        assert hit and hit[0]["severity"] == "error", name
        assert bad[name].name in result.stderr
    assert any(key.endswith("nowhere.txt") for key in errors)
    latin = [e for key, e in errors.items() if key.endswith("latin1.txt")]
    assert latin, "a non-UTF-8 file must be named in errors"
    for error in report["errors"]:
        assert "\n" not in error["error"]
    sample_ids = {p.stem for p in sample.iterdir() if p.suffix in {".html", ".htm", ".txt", ".md"}}
    assert sample_ids <= {a["id"] for a in report["articles"]}
    assert report["stories"], "the sample story is still analysed beside the bad inputs"
