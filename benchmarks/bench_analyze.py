"""Time `storylens analyze` on the seeds and the sample story: cold CLI and warm in-process.

    python benchmarks/bench_analyze.py [--repeat 3] [--threads 1]

Cold: a fresh `storylens analyze` process (imports, model loads, reports written).
Warm: `pipeline.analyze` in this process after one run has loaded the models; the figure is the
median of the repeats, split per stage. Goals (issue 2): warm seeds < 1 s on one core, cold < 5 s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("STORYLENS_SHARED", REPO.parent / "shared"))
STAGES = ("ingest", "extract", "annotate", "group", "link", "compare", "report")


def corpora() -> dict[str, Path]:
    found = {"seeds": SHARED / "seeds", "sample": REPO / "examples" / "sample-story"}
    return {name: path for name, path in found.items() if path.exists()}


def time_cold_cli(folder: Path) -> float:
    with tempfile.TemporaryDirectory() as out:
        began = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "storylens.cli", "analyze", str(folder), "-o", out, "-q"],
            check=False,
            capture_output=True,
        )
        return time.perf_counter() - began


def time_warm(folder: Path, repeat: int) -> tuple[float, dict[str, float]]:
    from storylens.pipeline import analyze
    from storylens.report import write_reports

    analyze([str(folder)])  # load models
    totals: list[float] = []
    splits: list[dict[str, float]] = []
    with tempfile.TemporaryDirectory() as out:
        for _ in range(repeat):
            began = time.perf_counter()
            analysis = analyze([str(folder)])
            report_began = time.perf_counter()
            write_reports(analysis, Path(out))
            ended = time.perf_counter()
            split = dict(analysis.timings)
            split["report"] = ended - report_began
            totals.append(ended - began)
            splits.append(split)
    best = totals.index(statistics.median_low(totals))
    return totals[best], splits[best]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--threads", type=int, default=1, help="threads for ONNX/BLAS (one core)")
    args = parser.parse_args()
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, str(args.threads))
    os.environ.setdefault("STORYLENS_THREADS", str(args.threads))

    rows = []
    for name, folder in corpora().items():
        cold = time_cold_cli(folder)
        warm, split = time_warm(folder, args.repeat)
        rows.append((name, cold, warm, split))

    print(f"{'corpus':<8} {'cold CLI s':>10} {'warm s':>8}  " + " ".join(f"{s:>8}" for s in STAGES))
    for name, cold, warm, split in rows:
        stages = " ".join(f"{split.get(s, 0.0):8.3f}" for s in STAGES)
        print(f"{name:<8} {cold:10.2f} {warm:8.3f}  {stages}")
    print("goals    cold < 5 s; warm seeds < 1 s on one core")


if __name__ == "__main__":
    main()
