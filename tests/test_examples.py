"""Every story we wrote (examples/) against its answer key: grouping, boilerplate, families."""

from __future__ import annotations

from pathlib import Path

import pytest

from storylens.evaluation import load_key, pairwise_family_scores, story_folders
from storylens.pipeline import analyze
from storylens.report import build_report, validate_report
from testdata import EXAMPLES

FOLDERS = story_folders(EXAMPLES) if EXAMPLES.exists() else []
if not FOLDERS:
    pytest.skip("no story with an answer key under examples/ yet", allow_module_level=True)

_REPORTS: dict[Path, dict] = {}


def report_for(folder: Path) -> dict:
    if folder not in _REPORTS:
        _REPORTS[folder] = build_report(analyze([str(folder)]))
    return _REPORTS[folder]


@pytest.fixture(params=FOLDERS, ids=[str(f.relative_to(EXAMPLES)) for f in FOLDERS])
def story(request) -> tuple[dict, dict]:
    folder = request.param
    return load_key(folder), report_for(folder)


def test_report_validates(story):
    _key, report = story
    validate_report(report)


def mark_known_limit(limits: dict[str, str], request: pytest.FixtureRequest) -> None:
    limit = limits.get(request.node.callspec.id)
    if limit:
        request.applymarker(pytest.mark.xfail(reason=limit, strict=True))


# Known limits, each a held-out story's finding kept in view: strict, so a fix shows up.
GROUPING_LIMITS = {
    "held-out/rate-decision": (
        "a local page about a factory opening that carries the minister's reaction to the "
        "story is grouped with its site's other page, off the story (alfold-evening)"
    ),
}
BOILERPLATE_LIMITS = {
    "held-out/rate-decision": (
        "a live blog's list of earlier timed entries, newsletter and sponsor notices in forms "
        "the line rules do not know yet"
    ),
    "held-out/cup-final": "a radio station's own promotion line in the middle of a live blog",
    "held-out/museum-heist": (
        "a newsletter's header line of links ('Issue 212 · View in browser · Listen to the "
        "podcast edition'); the key also keeps a wire's credit line ('(Reporting by ...; "
        "editing by ...)'), which storylens removes as a credit"
    ),
    "held-out/minister-resigns": (
        "a promotion box inside an article ('Visiting the Hill? ... Book free tickets online.')"
    ),
    "held-out/data-breach": (
        "a 'most read' list of headlines, newsletter, sponsor and subscriber notices inside and "
        "after the article ('You are receiving X because you signed up ...', 'X is free because "
        "of our sponsors')"
    ),
    "held-out/earthquake-rescue": (
        "a masthead line, a section kicker, newsletter, membership and sponsor notices ('Support "
        "community radio: become a member ...')"
    ),
}


def test_on_topic_pages_form_one_story_and_off_topic_pages_stay_out(story, request):
    mark_known_limit(GROUPING_LIMITS, request)
    key, report = story
    on_topic = {i for i, a in key["articles"].items() if a["on_topic"]}
    off_topic = {i for i, a in key["articles"].items() if not a["on_topic"]}
    assert len(report["stories"]) == 1
    grouped = set(report["stories"][0]["article_ids"])
    assert grouped == on_topic
    assert off_topic <= set(report["off_topic"])


def test_boilerplate_lines_are_removed_and_article_sentences_kept(story, request):
    mark_known_limit(BOILERPLATE_LIMITS, request)
    key, report = story
    texts = {a["id"]: a["text"] for a in report["articles"]}
    for article_id, lines in key.get("removed", {}).items():
        for line in lines:
            assert line not in texts[article_id], (article_id, line)
    titles = {a["id"]: a["title"] for a in report["articles"]}
    for article_id, sentences in key.get("kept", {}).items():
        for sentence in sentences:  # a headline is kept as the title, not in the text
            kept = sentence in texts[article_id] or sentence == titles[article_id]
            assert kept, (article_id, sentence)


FAMILY_LIMITS = {
    "held-out/ceasefire-talks": (
        "a summary that folds several wire sentences into each of its own is not recognised "
        "as derived from the wire (the-daily-roundup); see README, known limits"
    ),
    "held-out/port-strike": (
        "a short paraphrase of a paraphrase that keeps four of its parent's sentences is not "
        "told from an independent report (biznews-rush); see README, known limits"
    ),
    "held-out/rate-decision": (
        "a short listicle paraphrase of a paraphrase is not linked to its source (econ-snap); "
        "see README, known limits"
    ),
    "held-out/minister-resigns": (
        "a short paraphrase of a paraphrase is not linked to its source (politisnap); see "
        "README, known limits"
    ),
    "held-out/data-breach": (
        "a short paraphrase of a paraphrase is not linked to its source (cybersnap); see "
        "README, known limits"
    ),
    "held-out/earthquake-rescue": (
        "a short paraphrase of a paraphrase is not linked to its source (quickread-world); see "
        "README, known limits"
    ),
    "held-out/cup-final": (
        "a short listicle paraphrase of a paraphrase is not linked to its source (sportsnack); "
        "see README, known limits"
    ),
}


def test_families_match_the_key(story, request):
    mark_known_limit(FAMILY_LIMITS, request)
    key, report = story
    predicted = [f["article_ids"] for f in report["stories"][0]["families"]]
    precision, recall = pairwise_family_scores(predicted, key["families"])
    assert precision >= 0.99 and recall >= 0.99, (predicted, key["families"])
