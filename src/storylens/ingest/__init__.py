"""Ingest: inputs (files, folders, globs, JSONL, WARC, feeds, URLs) -> Document.

Contract used by the pipeline:
    IngestOptions(allow_private_urls: bool = False, cache_dir: str | None = None, ...)
    read_inputs(inputs: Sequence[str], options: IngestOptions) -> Iterator[Document | InputError]

Readers live one per module (files, records, warc, feeds, remote); ``dispatch`` decides which
one an input needs. Fetching (``fetch``) is safe by default: no private addresses, robots.txt
obeyed, per-host pacing, size and time limits, and an on-disk cache.
"""

from storylens.ingest.dispatch import read_inputs
from storylens.ingest.options import IngestOptions

__all__ = ["IngestOptions", "read_inputs"]
