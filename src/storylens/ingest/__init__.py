"""Ingest: inputs (files, folders, globs, JSONL, WARC, feeds, URLs) -> Document.

Contract used by the pipeline:
    IngestOptions(allow_private_urls: bool = False, cache_dir: str | None = None, ...)
    read_inputs(inputs: Sequence[str], options: IngestOptions) -> Iterator[Document | InputError]
"""
