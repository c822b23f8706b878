"""report.json: the schema, the span promise, determinism."""

from __future__ import annotations

import copy
import json
from dataclasses import replace
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

import storylens
from storylens.model import Analysis, Span
from storylens.report import (
    ReportValidationError,
    build_report,
    dumps_report,
    load_schema,
    validate_report,
    write_reports,
)


def test_schema_is_valid_draft_2020_12() -> None:
    schema = load_schema()
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"].endswith("2020-12/schema")


def test_report_validates_and_carries_the_contract_fields(analysis: Analysis) -> None:
    report = build_report(analysis)
    Draft202012Validator(load_schema()).validate(report)
    assert report["schema_version"] == "1"
    assert report["generator"] == {"name": "storylens", "version": storylens.__version__}
    assert report["off_topic"] == ["bread-page"]
    assert report["errors"] == [
        {
            "input": "pages/broken.html",
            "error": "could not decode the page as text",
            "severity": "error",
        }
    ]
    story = report["stories"][0]
    assert story["families"] == [
        {
            "id": "family-1",
            "article_ids": ["gazette-brannock", "courier-brannock"],
            "original": "gazette-brannock",
        }
    ]
    assert story["alignments"][0] == {
        "a": "gazette-brannock",
        "sa": [0],
        "b": "courier-brannock",
        "sb": [0],
        "score": 0.71,
        "kind": "edit",
    }
    assert [v["value"] for v in story["conflicts"][0]["values"]] == ["Corvel", "Lannis"]
    assert story["conflicts"][0]["values"][0]["family_ids"] == ["family-1"]


def test_articles_are_sorted_and_carry_source_and_sentences(analysis: Analysis) -> None:
    report = build_report(analysis)
    assert [a["id"] for a in report["articles"]] == sorted(a.id for a in analysis.articles)
    courier = next(a for a in report["articles"] if a["id"] == "courier-brannock")
    assert courier["source"]["url"] == "https://valley-courier.example/news/brannock"
    assert courier["source"]["site"] == "valley-courier.example"  # from the article, not the source
    assert courier["warnings"] == ["date taken from the text, not the page metadata"]
    start, end = courier["sentences"][0]
    assert courier["text"][start:end].startswith("Eldmoor mayor")
    bread = next(a for a in report["articles"] if a["id"] == "bread-page")
    assert bread["sentences"] == []  # not in a story: never annotated


def test_every_span_carries_the_text_at_its_offsets(analysis: Analysis) -> None:
    report = build_report(analysis)
    texts = {a["id"]: a["text"] for a in report["articles"]}
    spans = list(all_spans(report))
    assert len(spans) >= 10
    for span in spans:
        assert texts[span["article"]][span["start"] : span["end"]] == span["text"]


def all_spans(node: object):
    if isinstance(node, dict):
        if set(node) == {"article", "start", "end", "text"}:
            yield node
        for value in node.values():
            yield from all_spans(value)
    elif isinstance(node, list):
        for value in node:
            yield from all_spans(value)


def test_timings_stay_out_and_floats_are_rounded(analysis: Analysis) -> None:
    text = dumps_report(build_report(analysis))
    assert "timings" not in text
    assert '"score": 0.8123\n' in text
    assert "0.8123456" not in text


def test_wrong_span_text_is_named_with_its_path(analysis: Analysis) -> None:
    report = build_report(analysis)
    bad = copy.deepcopy(report)
    bad["stories"][0]["conflicts"][0]["values"][1]["evidence"][0]["text"] = "Corvel"
    with pytest.raises(ReportValidationError) as caught:
        validate_report(bad)
    message = str(caught.value)
    assert "$.stories[0].conflicts[0].values[1].evidence[0]" in message
    assert "'Corvel' != article 'courier-brannock'" in message
    assert "'Lannis'" in message


def test_span_past_the_end_of_the_text_fails(analysis: Analysis) -> None:
    bad = copy.deepcopy(build_report(analysis))
    bad["stories"][0]["claims"][0]["evidence"][0]["end"] = 10_000
    with pytest.raises(
        ReportValidationError, match=r"claims\[0\]\.evidence\[0\]: offsets .* outside"
    ):
        validate_report(bad)


def test_bad_enum_fails_with_path_and_allowed_values(analysis: Analysis) -> None:
    bad = copy.deepcopy(build_report(analysis))
    bad["stories"][0]["conflicts"][0]["kind"] = "location"
    bad["stories"][0]["derivations"][0]["kind"] = "plagiarism"
    with pytest.raises(ReportValidationError) as caught:
        validate_report(bad)
    assert len(caught.value.problems) == 2
    message = str(caught.value)
    assert "$.stories[0].conflicts[0].kind: 'location' is not one of" in message
    assert "$.stories[0].derivations[0].kind: 'plagiarism'" in message


def test_missing_field_and_unknown_article_fail(analysis: Analysis) -> None:
    bad = copy.deepcopy(build_report(analysis))
    del bad["stories"][0]["conflicts"][0]["explanation"]
    with pytest.raises(ReportValidationError, match="'explanation' is a required property"):
        validate_report(bad)
    bad = copy.deepcopy(build_report(analysis))
    bad["stories"][0]["families"][0]["original"] = "nowhere"
    with pytest.raises(ReportValidationError, match="'nowhere' is not in story 'story-1'"):
        validate_report(bad)


def test_build_report_refuses_an_analysis_with_a_lying_span(analysis: Analysis) -> None:
    result = analysis.stories[0]
    conflict = result.findings.conflicts[0]
    wrong = Span(article="gazette-brannock", start=0, end=5, text="Corvel")
    value = replace(conflict.values[0], evidence=(wrong,))
    findings = replace(
        result.findings, conflicts=(replace(conflict, values=(value, conflict.values[1])),)
    )
    broken = replace(analysis, stories=(replace(result, findings=findings),))
    with pytest.raises(ReportValidationError, match="span text 'Corvel' != article"):
        build_report(broken)


def test_two_writes_are_byte_identical(analysis: Analysis, tmp_path: Path) -> None:
    first = write_reports(analysis, tmp_path / "one")
    again = replace(analysis, timings={"extract": 99.0})  # timings differ run to run
    second = write_reports(again, tmp_path / "two")
    assert set(first) == {"json", "html", "md"}
    for key in first:
        assert first[key].read_bytes() == second[key].read_bytes(), key


def test_written_json_is_sorted_utf8_and_parses_back(analysis: Analysis, tmp_path: Path) -> None:
    paths = write_reports(analysis, tmp_path / "nested" / "out")
    text = paths["json"].read_text(encoding="utf-8")
    assert "\u201cWe will keep" in text  # not \u-escaped
    report = json.loads(text)
    assert report == build_report(analysis)
    assert list(report) == sorted(report)
    assert not list((tmp_path / "nested" / "out").glob(".*.tmp"))


def test_empty_analysis_is_a_valid_report() -> None:
    report = build_report(Analysis(articles=(), stories=()))
    assert report["stories"] == [] and report["articles"] == []


def test_write_reports_keeps_a_broken_report_aside_and_says_where(
    analysis: Analysis, tmp_path: Path
) -> None:
    result = analysis.stories[0]
    flag = replace(result.findings.flags[0], evidence=(Span("courier-brannock", 0, 3, "xyz"),))
    findings = replace(result.findings, flags=(flag,))
    broken = replace(analysis, stories=(replace(result, findings=findings),))
    with pytest.raises(ReportValidationError, match="the unchecked report is in") as caught:
        write_reports(broken, tmp_path)
    assert caught.value.saved == tmp_path / "report.invalid.json"
    assert json.loads(caught.value.saved.read_text(encoding="utf-8"))["schema_version"] == "1"
    assert not (tmp_path / "report.json").exists()
