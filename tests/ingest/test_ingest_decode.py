"""The encoding chain on its own: which declaration wins, and what counts as binary."""

from __future__ import annotations

import codecs

import pytest

from storylens.ingest.decode import decode_bytes, looks_binary
from storylens.ingest.problems import InputProblem
from storylens.ingest.sniff import looks_like_feed, looks_like_html, url_lines


def test_http_header_charset_beats_the_meta_tag() -> None:
    data = '<meta charset="utf-8"><p>Caf\xe9</p>'.encode("cp1252")
    decoded = decode_bytes(data, header_charset="windows-1252")
    assert (decoded.charset, decoded.detected) == ("cp1252", False)
    assert "Café" in decoded.text


def test_http_equiv_declaration_is_read() -> None:
    data = (
        b'<html><head><meta http-equiv="Content-Type" content="text/html; charset=koi8-r">'
        + "Новости".encode("koi8-r")
    )
    decoded = decode_bytes(data)
    assert decoded.charset == "koi8-r"
    assert "Новости" in decoded.text


def test_xml_prolog_encoding_is_read() -> None:
    data = b'<?xml version="1.0" encoding="ISO-8859-15"?><html><p>\xa4 5</p></html>'
    decoded = decode_bytes(data)
    assert decoded.charset == "iso8859-15"
    assert "€ 5" in decoded.text


def test_a_wrong_declaration_falls_through_to_utf8() -> None:
    data = '<meta charset="shift_jis"><p>Zoë’s “quay”</p>'.encode()
    decoded = decode_bytes(data, header_charset="no-such-charset")
    assert decoded.charset == "utf-8"
    assert "Zoë’s “quay”" in decoded.text


def test_bom_beats_a_contradicting_declaration() -> None:
    data = codecs.BOM_UTF8 + '<meta charset="iso-8859-1"><p>Zoë</p>'.encode()
    decoded = decode_bytes(data, header_charset="iso-8859-1")
    assert decoded.charset == "utf-8"
    assert decoded.text.startswith("<meta") and "Zoë" in decoded.text


def test_invalid_bytes_after_a_bom_are_an_error() -> None:
    with pytest.raises(InputProblem, match="cannot decode"):
        decode_bytes(codecs.BOM_UTF8 + b"ok \xff\xfe\xfd broken")


@pytest.mark.parametrize(
    ("data", "binary"),
    [
        (b"plain words\n", False),
        ("wide".encode("utf-16"), False),
        (b"GIF89a\x01\x00\x00\x00", True),
        (bytes(range(1, 32)) * 10, True),
    ],
)
def test_binary_detection(data: bytes, binary: bool) -> None:
    assert looks_binary(data) is binary


def test_sniffers() -> None:
    assert looks_like_html("  <!-- saved -->\n<!DOCTYPE html><html>")
    assert not looks_like_html("The <b> tag is mentioned in this sentence.")
    assert looks_like_feed('<?xml version="1.0"?>\n<rss version="2.0">')
    assert not looks_like_feed("<html><body>Our <rss feed> is here</body></html>")
    assert url_lines("# list\nhttps://a.example/x\n\nhttp://b.example\n") == [
        "https://a.example/x",
        "http://b.example",
    ]
    assert url_lines("https://a.example/x\nnot a url\n") is None
