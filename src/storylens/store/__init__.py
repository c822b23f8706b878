"""Store: SQLite persistence of analysed pages and stories, updated incrementally.

ingest(inputs, db_path) -> IngestSummary      # add pages; recompute only the stories they touch
database.connect(path, readonly=False)         # open (and migrate) a store
database.default_db_path()                     # the per-user store `ingest` and `serve` share
"""

from storylens.store.update import IngestSummary, ingest

__all__ = ["IngestSummary", "ingest"]
