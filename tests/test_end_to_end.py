"""The whole pipeline on the five real seed pages: what a user of `storylens analyze` relies on."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from storylens.pipeline import analyze
from storylens.report import build_report, validate_report, write_reports
from testdata import shared_path


@pytest.fixture(scope="module")
def seeds_analysis():
    seeds = shared_path("seeds")
    return analyze([str(seeds)])


@pytest.fixture(scope="module")
def seeds_report(seeds_analysis) -> dict:
    return build_report(seeds_analysis)


def _article(report: dict, prefix: str) -> dict:
    return next(a for a in report["articles"] if a["id"].startswith(prefix))


def _paragraphs(raw: str) -> list[str]:
    """Lines of a seed that are article prose: long, ending like a sentence."""
    return [
        line.strip()
        for line in raw.splitlines()
        if len(line.split()) >= 12 and re.search(r"[.!?\"”’]\s*$", line.strip())
    ]


def test_report_validates_and_has_every_seed(seeds_report):
    validate_report(seeds_report)
    assert seeds_report["schema_version"] == "1"
    assert len(seeds_report["articles"]) == 5
    assert not [e for e in seeds_report["errors"] if e.get("severity", "error") == "error"]


def test_the_five_seeds_form_one_story(seeds_report):
    assert len(seeds_report["stories"]) == 1
    assert len(seeds_report["stories"][0]["article_ids"]) == 5


def test_boilerplate_is_removed_and_every_paragraph_stays(seeds_report):
    seeds = shared_path("seeds")
    a001 = _article(seeds_report, "001")
    removed_001 = " ".join(r["text"] for r in a001["removed"])
    assert "Niger's Military Junta Moves to Nationalise Uranium Company" in removed_001
    assert "Niger's Military Junta" not in a001["text"]
    assert "All Rights Reserved" not in a001["text"]
    assert "All Rights Reserved" in removed_001
    a002 = _article(seeds_report, "002")
    assert "Read more:" not in a002["text"]
    assert any(r["text"].startswith("Read more:") for r in a002["removed"])
    for path in sorted(seeds.glob("*.txt")):
        article = _article(seeds_report, path.stem[:3])
        for paragraph in _paragraphs(path.read_text(encoding="utf-8")):
            assert paragraph in article["text"], (path.name, paragraph[:60])


def _conflicts(report: dict) -> list[dict]:
    return report["stories"][0]["conflicts"]


def _spans_are_exact(report: dict, conflict: dict) -> None:
    texts = {a["id"]: a["text"] for a in report["articles"]}
    for value in conflict["values"]:
        assert value["evidence"], conflict["id"]
        for span in value["evidence"]:
            assert texts[span["article"]][span["start"] : span["end"]] == span["text"]


def test_date_of_the_talks_conflict_is_reported_with_exact_spans(seeds_report):
    dates = [c for c in _conflicts(seeds_report) if c["kind"] == "date"]
    match = [
        c
        for c in dates
        if any("June 1" in s["text"] for v in c["values"] for s in v["evidence"])
        and any("Thursday" in s["text"] for v in c["values"] for s in v["evidence"])
    ]
    assert match, [c["explanation"] for c in dates]
    _spans_are_exact(seeds_report, match[0])


def test_a_conflict_about_a_persons_title_is_reported(seeds_report):
    titles = [c for c in _conflicts(seeds_report) if c["kind"] in {"title", "role-holder"}]
    assert titles
    former = [
        c
        for c in titles
        if any("former" in s["text"].lower() for v in c["values"] for s in v["evidence"])
    ]
    assert former, [c["explanation"] for c in titles]
    _spans_are_exact(seeds_report, former[0])


def test_same_input_gives_the_same_report(seeds_analysis, tmp_path: Path):
    first = write_reports(seeds_analysis, tmp_path / "a")
    again = analyze([str(shared_path("seeds"))])
    second = write_reports(again, tmp_path / "b")
    for kind in ("json", "md", "html"):
        assert first[kind].read_bytes() == second[kind].read_bytes(), kind
    assert json.loads(first["json"].read_text())["schema_version"] == "1"
