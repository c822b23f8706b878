"""Web app latency on a 200-article story: p50/p95/p99 of the story page under a bounded load.

One command: ``python benchmarks/bench_web.py [--articles 200] [--requests 300]``.

1. The sample story is ingested into a temporary store; its clean articles are the bases.
2. Variants are generated from them (seeded: sentence swaps, synonyms, a changed figure, new
   ids and dates) until the story has ``--articles`` articles, written as one JSONL file and
   ingested the way `storylens ingest` does; the time it takes is printed.
3. The app runs under uvicorn in a child process on 127.0.0.1 (loopback only); httpx sends a
   bounded number of requests, 4 at a time, to the story page, an article page, the story
   list and the story's JSON. The same load runs against the app with the page cache off
   (the baseline: every request renders the story page again).
Goal: story page p95 < 200 ms with the cache.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import quote

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "examples" / "sample-story"
SYNONYMS = {
    "said": "stated",
    "agreement": "accord",
    "talks": "negotiations",
    "build": "construct",
    "country": "nation",
    "countries": "nations",
    "officials": "authorities",
    "would": "will",
    "about": "around",
    "largest": "biggest",
    "estimated": "projected",
    "also": "additionally",
    "signed": "concluded",
    "told": "informed",
}
NUMBER = re.compile(r"\b\d{2,}\b")
BASELINE_REQUESTS = 40


def variant(text: str, rng: random.Random) -> str:
    """A rewrite a content farm might make: swapped sentences, synonyms, one changed figure."""
    paragraphs = []
    for paragraph in (p for p in text.split("\n") if p.strip()):
        sentences = re.split(r"(?<=[.!?])\s+", paragraph.strip())
        if len(sentences) > 1 and rng.random() < 0.3:
            i = rng.randrange(len(sentences) - 1)
            sentences[i], sentences[i + 1] = sentences[i + 1], sentences[i]
        if len(sentences) > 2 and rng.random() < 0.15:
            sentences.pop(rng.randrange(len(sentences)))
        line = " ".join(sentences)
        line = re.sub(
            r"\b[a-z]+\b",
            lambda m: SYNONYMS.get(m.group(0), m.group(0)) if rng.random() < 0.5 else m.group(0),
            line,
        )
        if rng.random() < 0.1:
            line = NUMBER.sub(lambda m: str(int(m.group(0)) + rng.randint(1, 5)), line, count=1)
        paragraphs.append(line)
    return "\n\n".join(paragraphs)


def build_store(root: Path, articles: int, seed: int) -> tuple[Path, str, dict[str, float]]:
    from storylens.store import database as db
    from storylens.store import ingest

    path = root / "store.db"
    timings: dict[str, float] = {}
    started = time.perf_counter()
    ingest([str(SAMPLE)], path)
    timings["ingest sample (7 pages)"] = time.perf_counter() - started
    connection = db.connect(path, readonly=True)
    story = max(db.story_rows(connection), key=lambda r: r.article_count)
    report = db.story_report(connection, story.id)
    connection.close()
    bases = [a for a in report["articles"] if a["id"] in story.article_ids]
    rng = random.Random(seed)
    records = []
    for i in range(max(0, articles - len(bases))):
        base = bases[i % len(bases)]
        day = 20 + (i % 9)
        records.append(
            {
                "url": f"https://variant-{i:03d}.news.example/{base['id']}",
                "title": (base["title"] or "") + ("" if rng.random() < 0.5 else " (update)"),
                "date": f"2031-03-{day:02d}T{(i * 7) % 24:02d}:00:00+00:00",
                "text": variant(base["text"], rng),
            }
        )
    variants = root / "variants.jsonl"
    variants.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    started = time.perf_counter()
    summary = ingest([str(variants)], path)
    timings[f"ingest {len(records)} variants"] = time.perf_counter() - started
    if summary.errors:
        print(f"  {len(summary.errors)} input problems, first: {summary.errors[0].error}")
    connection = db.connect(path, readonly=True)
    story = max(db.story_rows(connection), key=lambda r: r.article_count)
    connection.close()
    print(
        f"  biggest story: {story.article_count} articles, {story.family_count} families, "
        f"{story.conflict_count} conflicts"
    )
    return path, story.id, timings


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db_path: Path, cache: bool) -> tuple[subprocess.Popen, str]:
    port = free_port()
    code = (
        "import sys, uvicorn\n"
        "from storylens.web.app import create_app\n"
        "app = create_app(sys.argv[1], cache_pages=sys.argv[2] == '1')\n"
        "uvicorn.run(app, host='127.0.0.1', port=int(sys.argv[3]), log_level='warning')\n"
    )
    process = subprocess.Popen(
        [sys.executable, "-c", code, str(db_path), "1" if cache else "0", str(port)]
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return process, f"http://127.0.0.1:{port}"
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError("the server did not start")


def load(base: str, path: str, requests: int, concurrency: int) -> tuple[float, list[float]]:
    """(first request ms, latencies ms of ``requests`` more), ``concurrency`` at a time."""
    import httpx

    with httpx.Client(base_url=base, timeout=60) as client:
        started = time.perf_counter()
        client.get(path).raise_for_status()
        first = (time.perf_counter() - started) * 1000

        def one(_: int) -> float:
            t0 = time.perf_counter()
            response = client.get(path)
            response.raise_for_status()
            return (time.perf_counter() - t0) * 1000

        with ThreadPoolExecutor(max_workers=concurrency) as pool:
            return first, list(pool.map(one, range(requests)))


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="storylens-bench-web-") as tmp:
        print(f"building a {args.articles}-article story ...")
        db_path, story_id, timings = build_store(Path(tmp), args.articles, args.seed)
        for label, seconds in timings.items():
            print(f"  {label}: {seconds:.1f} s")
        from storylens.store import database as db

        connection = db.connect(db_path, readonly=True)
        article_id = max(db.story_rows(connection), key=lambda r: r.article_count).article_ids[0]
        connection.close()
        routes = {
            "story page": f"/stories/{quote(story_id, safe='')}",
            "article page": f"/articles/{quote(article_id, safe='')}",
            "story list": "/",
            "story JSON": f"/api/stories/{quote(story_id, safe='')}",
        }
        rows = []
        for cache in (True, False):
            process, base = start_server(db_path, cache)
            try:
                for name, path in routes.items():
                    if not cache and name != "story page":
                        continue
                    # uncached renders and the whole report (megabytes) are slow: a bounded
                    # sample is enough for them
                    bounded = not cache or name == "story JSON"
                    count = min(args.requests, BASELINE_REQUESTS) if bounded else args.requests
                    first, times = load(base, path, count, args.concurrency)
                    rows.append((name, "cached" if cache else "no cache (baseline)", first, times))
            finally:
                process.terminate()
                process.wait(timeout=10)
    print(
        f"\n{args.requests} requests per page ({BASELINE_REQUESTS} for the JSON and the baseline), "
        f"{args.concurrency} concurrent, uvicorn on 127.0.0.1 (one worker)"
    )
    header = (
        f"{'route':<14} {'app':<21} {'n':>4} {'first':>8} {'p50':>8} {'p95':>8} {'p99':>8} "
        f"{'mean':>8}"
    )
    print(header)
    print("-" * len(header))
    for name, mode, first, times in rows:
        print(
            f"{name:<14} {mode:<21} {len(times):>4} {first:>6.0f}ms "
            f"{percentile(times, 50):>6.1f}ms {percentile(times, 95):>6.1f}ms "
            f"{percentile(times, 99):>6.1f}ms "
            f"{statistics.fmean(times):>6.1f}ms"
        )
    story_p95 = next(percentile(t, 95) for n, m, _, t in rows if n == "story page")
    verdict = "met" if story_p95 < 200 else "NOT met"
    print(f"\ngoal: story page p95 < 200 ms with the cache: {verdict} ({story_p95:.1f} ms)")


if __name__ == "__main__":
    main()
