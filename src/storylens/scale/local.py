"""The default executor: per-article work in this process or a process pool.

Workers load their models once (module-level caches in the stage code), so a pool pays the
model load once per worker, not per article. Order of results follows order of inputs, which
keeps reports deterministic whatever the number of workers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")


def map_articles(
    func: Callable[[T], R], items: Sequence[T], workers: int = 1, chunksize: int = 4
) -> Iterator[tuple[T, R]]:
    """Yield ``(item, func(item))`` in input order."""
    if workers <= 1 or len(items) < 2 * workers:
        for item in items:
            yield item, func(item)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from zip(items, pool.map(func, items, chunksize=chunksize), strict=True)
