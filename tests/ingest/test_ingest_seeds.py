"""The real scraped seed pages (in ../shared) come in as plain-text documents, unchanged."""

from __future__ import annotations

import unicodedata

from ingest_helpers import read_all

from testdata import shared_path


def test_seed_pages_are_read_as_text_named_after_their_files() -> None:
    folder = shared_path("seeds")
    files = sorted(folder.glob("*.txt"))
    documents, errors = read_all([str(folder)])
    assert errors == []
    assert [d.id for d in documents] == [f.stem for f in files]
    for document, path in zip(documents, files, strict=True):
        assert document.media_type == "text"
        assert document.charset == "utf-8"
        expected = path.read_text(encoding="utf-8").lstrip("\ufeff")
        assert document.content == unicodedata.normalize("NFC", expected)
