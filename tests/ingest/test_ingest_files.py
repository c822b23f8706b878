"""Files, folders and globs: what each becomes, and one clear error for each bad one."""

from __future__ import annotations

import gzip
from pathlib import Path

from ingest_helpers import PAGE, gzipped, read_all, write

from storylens.ingest import IngestOptions

TEXT = "Marlow Bay council voted on Tuesday to rebuild the harbour wall.\n"


def test_html_file_becomes_an_html_document_named_after_the_file(tmp_path: Path) -> None:
    path = write(tmp_path / "harbour-vote.html", PAGE)
    documents, errors = read_all([str(path)])
    assert errors == []
    [doc] = documents
    assert doc.id == "harbour-vote"
    assert doc.media_type == "html"
    assert doc.source.path == str(path)
    assert doc.charset == "utf-8"
    assert doc.content == PAGE


def test_text_and_markdown_files_are_text(tmp_path: Path) -> None:
    txt = write(tmp_path / "a.txt", TEXT)
    md = write(tmp_path / "b.md", "# Harbour\n\n" + TEXT)
    documents, errors = read_all([str(txt), str(md)])
    assert errors == []
    assert [(d.id, d.media_type) for d in documents] == [("a", "text"), ("b", "text")]


def test_txt_file_holding_html_becomes_html(tmp_path: Path) -> None:
    path = write(tmp_path / "saved.txt", "<!DOCTYPE html>\n" + PAGE)
    [doc], _ = read_all([str(path)])
    assert doc.media_type == "html"


def test_folder_is_read_recursively_in_sorted_order_skipping_other_types(tmp_path: Path) -> None:
    write(tmp_path / "pages" / "b.html", PAGE)
    write(tmp_path / "pages" / "a.txt", TEXT)
    write(tmp_path / "pages" / "sub" / "c.htm", PAGE)
    write(tmp_path / "pages" / "photo.jpg", b"\xff\xd8\xff\xe0 not a page")
    write(tmp_path / "pages" / ".hidden.html", PAGE)
    folder = str(tmp_path / "pages")
    documents, errors = read_all([folder])
    assert errors == []
    assert [d.id for d in documents] == ["a", "b", "c"]
    assert documents[2].source.path == str(tmp_path / "pages" / "sub" / "c.htm")


def test_glob_reads_matching_files_and_an_empty_glob_is_an_error(tmp_path: Path) -> None:
    write(tmp_path / "x1.html", PAGE)
    write(tmp_path / "x2.html", PAGE)
    write(tmp_path / "notes.doc", b"ignored")
    documents, errors = read_all([str(tmp_path / "x*.html"), str(tmp_path / "nothing-*.html")])
    assert [d.id for d in documents] == ["x1", "x2"]
    assert [(e.input, e.error) for e in errors] == [
        (str(tmp_path / "nothing-*.html"), "glob matched nothing")
    ]


def test_missing_path_is_one_error_and_the_batch_goes_on(tmp_path: Path) -> None:
    good = write(tmp_path / "good.html", PAGE)
    missing = str(tmp_path / "missing.html")
    documents, errors = read_all([missing, str(good)])
    assert [d.id for d in documents] == ["good"]
    assert [(e.input, e.error, e.severity) for e in errors] == [
        (missing, "no such file or folder", "error")
    ]


def test_explicit_unsupported_file_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path / "report.pdf", b"%PDF-1.4")
    _, [error] = read_all([str(path)])
    assert error.input == str(path)
    assert error.error == "unsupported file type '.pdf'"


def test_empty_and_blank_files_are_errors(tmp_path: Path) -> None:
    empty = write(tmp_path / "empty.html", b"")
    blank = write(tmp_path / "blank.txt", b"  \n\n ")
    documents, errors = read_all([str(empty), str(blank)])
    assert documents == []
    assert [e.error for e in errors] == ["empty file", "empty file"]


def test_binary_file_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path / "image.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    _, [error] = read_all([str(path)])
    assert error.error == "binary file, not a page"


def test_file_over_the_size_limit_is_refused_with_size_and_limit(tmp_path: Path) -> None:
    path = tmp_path / "huge.html"
    with path.open("wb") as handle:  # sparse: 21 MB on paper, nothing written
        handle.truncate(21 * 1024 * 1024)
    _, [error] = read_all([str(path)])
    assert error.error == "file is 21.0 MB, over the 20.0 MB limit"


def test_gzipped_page_is_read(tmp_path: Path) -> None:
    path = write(tmp_path / "page.html.gz", gzipped(PAGE))
    [doc], errors = read_all([str(path)])
    assert errors == []
    assert (doc.id, doc.media_type, doc.content) == ("page", "html", PAGE)


def test_truncated_gzip_is_an_error_and_the_next_file_is_still_read(tmp_path: Path) -> None:
    data = gzipped(PAGE * 20)
    broken = write(tmp_path / "broken.html.gz", data[: len(data) // 2])
    good = write(tmp_path / "good.html", PAGE)
    documents, errors = read_all([str(broken), str(good)])
    assert [d.id for d in documents] == ["good"]
    [error] = errors
    assert error.input == str(broken)
    assert error.error.startswith("truncated gzip")


def test_gzip_expanding_past_the_limit_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path / "bomb.txt.gz", gzip.compress(b"a" * 300_000))
    _, [error] = read_all([str(path)], IngestOptions(max_bytes=100_000))
    assert "over the 97.7 KB limit once decompressed" in error.error


def test_repeated_ids_get_deterministic_suffixes(tmp_path: Path) -> None:
    write(tmp_path / "one" / "story.html", PAGE)
    write(tmp_path / "two" / "story.html", PAGE)
    write(tmp_path / "three" / "story.txt", TEXT)
    inputs = [str(tmp_path / "one"), str(tmp_path / "two"), str(tmp_path / "three")]
    first, _ = read_all(inputs)
    second, _ = read_all(inputs)
    assert [d.id for d in first] == ["story", "story-2", "story-3"]
    assert first == second


def test_latin1_text_is_decoded_by_detection_with_a_warning(tmp_path: Path) -> None:
    text = (
        "Le conseil de Marlow a voté mardi la reconstruction du môle. "
        "« Nous réparerons la digue avant l'été », a déclaré la maire Élodie Varenne.\n"
    ) * 3
    path = write(tmp_path / "conseil.txt", text.encode("latin-1"))
    documents, errors = read_all([str(path)])
    [doc] = documents
    assert "voté" in doc.content and "Élodie" in doc.content
    assert doc.charset == "cp1252"
    [warning] = errors
    assert warning.severity == "warning"
    assert warning.input == str(path)
    assert warning.error == (
        f"not UTF-8: decoded as {doc.charset} by detection; check the characters"
    )


def test_meta_charset_is_used_without_warning(tmp_path: Path) -> None:
    html = '<html><head><meta charset="windows-1252"><title>Caf\xe9</title></head></html>'
    path = write(tmp_path / "cafe.html", html.encode("cp1252") + b"<p>\x93Yes\x94</p>")
    [doc], errors = read_all([str(path)])
    assert errors == []
    assert doc.charset == "cp1252"
    assert "Café" in doc.content
    assert "\u201cYes\u201d" in doc.content  # typographic quotes are kept as written


def test_bom_decides_the_encoding(tmp_path: Path) -> None:
    path = write(tmp_path / "wide.txt", ("\ufeff" + TEXT).encode("utf-16-le"))
    [doc], errors = read_all([str(path)])
    assert errors == []
    assert doc.charset == "utf-16-le"
    assert doc.content == TEXT


def test_text_is_normalised_to_nfc(tmp_path: Path) -> None:
    path = write(tmp_path / "nfc.txt", "Cafe\u0301 de la Plage, said \u201cMarta\u201d.\n")
    [doc], _ = read_all([str(path)])
    assert doc.content == "Café de la Plage, said \u201cMarta\u201d.\n"


def test_undecodable_bytes_are_an_error(tmp_path: Path) -> None:
    noise = bytes(range(0x80, 0x100)) * 40
    path = write(tmp_path / "noise.txt", noise)
    documents, [error] = read_all([str(path)])
    assert documents == []
    assert error.error.startswith("cannot decode")


def test_a_file_named_twice_is_read_once(tmp_path: Path) -> None:
    path = write(tmp_path / "pages" / "story.html", PAGE)
    documents, [warning] = read_all([str(tmp_path / "pages"), str(path)])
    assert [d.id for d in documents] == ["story"]
    assert (warning.input, warning.severity) == (str(path), "warning")
    assert warning.error == "already read for an earlier input; skipped"
