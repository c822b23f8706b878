"""Plain-text pages: the line classifier on our labelled pages, on the seeds, and its metadata."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

import pytest

from storylens.extract import build_corpus_context, extract_article, extract_articles
from storylens.model import Article, Document, InputError, Source
from testdata import shared_path

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"
SENTENCE = re.compile(r"[.!?…][\"'”’»)]*$")


def load_labelled_lines():
    """The labelled line set's loader and scorer, shared with the benchmark."""
    spec = importlib.util.spec_from_file_location("extract_lines", BENCHMARKS / "extract_lines.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["extract_lines"] = module
    spec.loader.exec_module(module)
    return module


def text_document(name: str, content: str, site: str | None = None, **fields) -> Document:
    return Document(
        id=name,
        source=Source(path=f"{name}.txt", site=site),
        content=content,
        media_type="text",
        **fields,
    )


def extracted(document: Document, *others: Document) -> Article:
    result = extract_articles([document, *others])[0]
    assert isinstance(result, Article), result
    return result


# --------------------------------------------------------------------------- labelled line set


def test_labelled_set_has_at_least_eight_pages_of_several_styles() -> None:
    pages = load_labelled_lines().load_pages()
    assert len(pages) >= 8
    assert len({page.site for page in pages}) >= 6
    assert all(any(g for g, _ in p.lines) and any(not g for g, _ in p.lines) for p in pages)


def test_labelled_set_no_article_line_removed_and_boilerplate_recall_at_least_0_9() -> None:
    scores = load_labelled_lines().labelled_line_scores()
    removed_article_lines = [m for m in scores.mistakes if m.startswith("removed article line")]
    assert removed_article_lines == []
    assert scores.recall >= 0.9, scores.mistakes


# --------------------------------------------------------------------------- seeds


def seed_documents() -> list[Document]:
    folder = shared_path("seeds")
    return [
        text_document(path.stem, path.read_text(encoding="utf-8"))
        for path in sorted(folder.glob("*.txt"))
    ]


def seed_articles() -> dict[str, tuple[Document, Article]]:
    documents = seed_documents()
    results = extract_articles(documents)
    assert all(isinstance(r, Article) for r in results), results
    return {d.id[:3]: (d, r) for d, r in zip(documents, results, strict=True)}


def raw_lines(document: Document) -> list[str]:
    return [" ".join(line.split()) for line in document.content.splitlines() if line.strip()]


def test_seeds_keep_every_article_paragraph() -> None:
    for document, article in seed_articles().values():
        kept = set(article.text.split("\n"))
        paragraphs = [
            line
            for line in raw_lines(document)
            if len(line.split()) >= 12 and SENTENCE.search(line)
        ]
        assert paragraphs, document.id
        missing = [p for p in paragraphs if p not in kept]
        assert missing == [], document.id


def test_seed_002_keeps_its_subheads_and_drops_the_read_more_teaser() -> None:
    document, article = seed_articles()["002"]
    lines = raw_lines(document)
    is_paragraph = [len(line.split()) >= 12 and bool(SENTENCE.search(line)) for line in lines]
    subheads = [
        line
        for i, line in enumerate(lines[1:-1], start=1)
        if is_paragraph[i + 1]
        and not SENTENCE.search(line)
        and not line.casefold().startswith("read more")
    ]
    assert len(subheads) == 4
    kept = article.text.split("\n")
    assert all(subhead in kept for subhead in subheads)
    teasers = [line for line in lines if line.casefold().startswith("read more:")]
    assert len(teasers) == 1
    assert teasers[0] not in kept
    assert ("read-more teaser", teasers[0]) in {(r.reason, r.text) for r in article.removed}


def test_seed_001_drops_the_headline_list_its_time_stamps_and_the_copyright_line() -> None:
    document, article = seed_articles()["001"]
    lines = raw_lines(document)
    label = next(i for i, line in enumerate(lines) if line.isupper() and len(line.split()) >= 2)
    kept = set(article.text.split("\n"))
    assert [line for line in lines[label:] if line.replace("**", "") in kept] == []
    assert any(r.reason == "copyright" for r in article.removed)
    assert any(r.reason == "related headlines" for r in article.removed)
    assert sum(r.reason == "timestamp" for r in article.removed) >= 10


def test_seed_001_date_stamp_and_repeated_title_become_metadata() -> None:
    document, article = seed_articles()["001"]
    lines = raw_lines(document)
    assert article.title == lines[0]
    assert article.published == "2025-06-22T02:27:37+03:00"
    assert article.published_from == "text"
    assert ("date stamp", lines[1]) in {(r.reason, r.text) for r in article.removed}
    assert lines[0] not in article.text


def test_seed_003_title_is_its_repeated_line_and_its_summary_stays() -> None:
    document, article = seed_articles()["003"]
    lines = raw_lines(document)
    repeated = next(line for line in lines[:5] if lines.count(line) == 2)
    assert article.title == repeated
    assert article.text.split("\n")[0] == lines[0]


def test_seed_000_drops_menu_prompt_and_language_lines() -> None:
    document, article = seed_articles()["000"]
    kept = set(article.text.split("\n"))
    short_lines = [line for line in raw_lines(document) if len(line.split()) <= 3]
    prompts = [line for line in short_lines if line.casefold().startswith("follow")]
    menu = [line for line in short_lines if raw_lines(document).count(line) == 2]
    languages = [line for line in short_lines if line.startswith("•")]
    assert prompts and menu and languages
    assert kept.isdisjoint(prompts + menu + languages)


def test_seed_text_follows_the_article_text_convention() -> None:
    for _, article in seed_articles().values():
        lines = article.text.split("\n")
        assert all(line and line == line.strip() for line in lines)
        assert article.title is None or article.title not in lines


# --------------------------------------------------------------------------- classifier details

PAGE = "\n".join(
    [
        "Harbour board backs pier repairs after storm",
        "By Ilse Varga",
        "Tue, 14 May 2024 08:01:10 GMT",
        "The harbour board of Kestrel Bay voted on Monday to repair the old pier, which was badly "
        "damaged by last week's storm, at a cost of two million crowns.",
        "Work will begin in June, the board said, and the pier will reopen to walkers by the end "
        "of the summer season.",
        '"We owe it to the town," board chair Edda Lorne said after the meeting in the old '
        "customs house.",
        "Share this article",
        "Sign up for our morning briefing",
    ]
)


def test_byline_and_date_stamp_become_author_and_date() -> None:
    article = extracted(text_document("pier", PAGE))
    assert article.title == "Harbour board backs pier repairs after storm"
    assert article.author == "Ilse Varga"
    assert article.published == "2024-05-14T08:01:10+00:00"
    assert article.published_from == "text"
    assert article.text.split("\n")[0].startswith("The harbour board of Kestrel Bay")
    assert {r.reason for r in article.removed} >= {
        "title",
        "byline",
        "date stamp",
        "call-to-action",
    }


def test_a_date_stamp_beats_the_containers_date() -> None:
    document = text_document("pier", PAGE, container_date="2024-06-01", container_date_from="feed")
    assert extracted(document).published_from == "text"


def test_a_stamp_below_a_standfirst_and_a_deck_still_dates_the_page() -> None:
    page = "\n".join(
        [
            "The mayor of Kestrel Bay comes home from the harbour summit with a repair fund.",
            "Mayor back from summit: pier fund agreed",
            "Families along the pier wait to hear when the works begin.",
            "16 May 2031, 08:10",
            "The mayor of Kestrel Bay landed shortly after midnight, hours after agreeing a "
            "repair fund for the old pier at the harbour summit on Thursday.",
            "The works start on Monday and should take three months, the harbour board said.",
            "Shopkeepers on the pier said they would believe it when the scaffolding went up.",
        ]
    )
    article = extracted(text_document("mayor", page))
    assert article.published == "2031-05-16T08:10:00"
    assert article.published_from == "text"


def test_a_read_more_teaser_phrased_as_a_question_is_cut() -> None:
    page = "\n".join(
        [
            "Harbour board backs pier repairs after storm",
            "The harbour board of Kestrel Bay voted on Monday to repair the old pier, which the "
            "storm of last winter left with a broken deck and two fallen lamp posts.",
            "Read more: Which harbour towns gain from the repair fund?",
            "Leia mais / Read more: Ferry crews vote on a strike from Monday",
            "Work should start in spring and take three months, the board's chairwoman said, "
            "and the pier will stay closed to the public until then.",
        ]
    )
    article = extracted(text_document("pier", page))
    assert "Read more" not in article.text
    assert "read-more teaser" in {r.reason for r in article.removed}


def test_a_labelled_row_of_links_a_reading_time_and_an_affiliate_notice_are_cut() -> None:
    page = "\n".join(
        [
            "# Harbour board backs pier repairs after storm",
            "*3 min read · Updated every hour*",
            "The harbour board of Kestrel Bay voted on Monday to repair the old pier, which the "
            "storm of last winter left with a broken deck and two fallen lamp posts.",
            "Work should start in spring and take three months, the board's chairwoman said, "
            "and the pier will stay closed to the public until then.",
            "**Keep reading:** [Why harbour towns love their piers](/explainers/piers) · "
            "[Ten storms that changed the coast](/lists/storms)",
            "*Kestrel Daily is reader-supported. We may earn a commission on links.*",
        ]
    )
    document = Document(id="pier", source=Source(path="pier.md"), content=page, media_type="text")
    article = extracted(document)
    assert article.text.startswith("The harbour board")
    assert article.text.rstrip().endswith("until then.")


def test_a_labelled_row_of_headlines_and_a_share_prompt_are_cut() -> None:
    page = "\n".join(
        [
            "Harbour board backs pier repairs after storm",
            "The harbour board of Kestrel Bay voted on Monday to repair the old pier, which the "
            "storm of last winter left with a broken deck and two fallen lamp posts.",
            "Work should start in spring and take three months, the board's chairwoman said, "
            "and the pier will stay closed to the public until then.",
            "Keep reading: Which towns love their piers? · 7 storms that changed the coast · "
            "Quiz: name the lighthouses",
            "Enjoyed this? Share it with a friend who loves the sea.",
            "Kestrel Daily newsletter: the day's harbour news at 6 p.m. Sign up free.",
        ]
    )
    article = extracted(text_document("pier", page))
    assert article.text.rstrip().endswith("until then.")


@pytest.mark.parametrize(
    "line",
    [
        "Found this useful? Share it with someone who follows the harbour.",
        "Subscriber exclusive: Kestrel drivers count the potholes (video)",
    ],
)
def test_a_prompt_to_pass_the_page_on_and_a_subscriber_teaser_are_cut(line: str) -> None:
    article = extracted(text_document("pier", PAGE.replace("Share this article", line)))
    assert line not in article.text.split("\n")
    assert "Work will begin in June" in article.text


def gazette_page(topic: str, promo: str) -> str:
    return "\n".join(
        [
            f"Council debates {topic} plan",
            f"The town council of Kestrel Bay spent three hours on Monday debating the {topic} "
            "plan put forward by the harbour board last spring.",
            promo,
            f"Most members said the {topic} plan was too expensive for a town of its size, and "
            "asked the board to come back with a smaller proposal next year.",
        ]
    )


def test_line_printed_on_other_pages_of_the_site_is_navigation() -> None:
    promo = "Kestrel Bay Gazette Weekly Edition"
    pages = [
        text_document(topic, gazette_page(topic, promo), site="gazette.example")
        for topic in ("parking", "ferry", "library")
    ]
    alone = extracted(pages[0])
    assert promo in alone.text.split("\n")  # between paragraphs it could be a subhead
    with_site = extracted(pages[0], *pages[1:])
    assert ("navigation", promo) in {(r.reason, r.text) for r in with_site.removed}
    assert with_site.title == "Council debates parking plan"


def test_subhead_shared_by_syndicated_copies_stays() -> None:
    subhead = "Repairs to start in June"
    copies = [
        text_document(
            f"copy{i}",
            PAGE.replace("Work will begin", f"{subhead}\nWork will begin"),
            site=f"site{i}.example",
        )
        for i in range(3)
    ]
    assert subhead in extracted(*copies).text.split("\n")


def test_page_with_only_boilerplate_is_an_error() -> None:
    document = text_document("menu", "Home\nWorld\nBusiness\nFollow us\n© 2024 Gazette\n")
    result = extract_articles([document])[0]
    assert isinstance(result, InputError)
    assert result.error.startswith("no article text found")


def test_text_not_in_english_is_an_error() -> None:
    german = (
        "Der Hafen von Kestrel hat am Sonntag beschlossen, die Fahrrinne zu vertiefen, obwohl "
        "die Fischer der Region dagegen sind. Die Arbeiten sollen im September beginnen und "
        "etwa achtzehn Monate dauern, sagte der Vorsitzende des Hafenrats nach der Sitzung. "
        "Die Fischer wollen nun vor Gericht ziehen und eine neue Studie fordern.\n"
    )
    result = extract_articles([text_document("de", german)])[0]
    assert isinstance(result, InputError)
    assert result.error == "not in English (looks like German)"


def test_single_extraction_with_a_batch_context_matches_the_batch() -> None:
    documents = seed_documents()
    context = build_corpus_context(documents)
    one_by_one = [extract_article(document, context) for document in documents]
    assert one_by_one == extract_articles(documents)


def test_text_extraction_is_deterministic() -> None:
    documents = seed_documents()
    assert extract_articles(documents) == extract_articles(list(documents))


@pytest.mark.parametrize(
    "line",
    ["Follow-up talks are scheduled for next week, a spokesperson said.", "It did not."],
)
def test_short_sentences_and_cue_words_inside_prose_stay(line: str) -> None:
    article = extracted(text_document("pier", PAGE.replace("Share this article", line)))
    assert line in article.text.split("\n")


MASTHEAD_PAGE = """The river port of Velden reopened to barges on Tuesday after a dry spell.
Velden port reopens as river rises
Wed Mar 05 2031 10:02:11 GMT+0100 (Central European Standard Time)
Velden port reopens as river rises
Rhine Valley Courier
Home › Regions › Velden
The river port of Velden reopened to barges on Tuesday, the harbour authority said, \
ending a standstill that had idled dozens of cargo ships.
Harbour master Tilde Aakre said the water level had risen by 1.4 metres since the weekend.
This article is for information only and is not investment advice.
You are receiving this because you subscribed to the Courier's morning briefing.
This story was provided by Fjord Wire and has not been edited by Courier staff.
Sources: agencies. The Courier sums up the day's river news in five minutes or less.
© 2031 Rhine Valley Courier. Content licensed CC BY-NC 4.0 unless stated otherwise.
"""


def test_masthead_breadcrumb_notices_and_copyright_are_cut_and_the_stamp_dates_the_page():
    article = extracted(text_document("velden", MASTHEAD_PAGE))
    assert article.published == "2031-03-05T10:02:11+01:00"
    assert article.title == "Velden port reopens as river rises"
    reasons = {r.text: r.reason for r in article.removed}
    assert reasons["Rhine Valley Courier"] == "navigation"
    assert reasons["Home › Regions › Velden"] == "navigation"
    assert reasons["This article is for information only and is not investment advice."] == (
        "site notice"
    )
    assert "You are receiving this" not in article.text
    assert "has not been edited" not in article.text
    assert "Sources: agencies" not in article.text
    assert reasons[MASTHEAD_PAGE.splitlines()[-1]] == "copyright"
    assert "Harbour master Tilde Aakre said" in article.text
    assert article.text.startswith("The river port of Velden reopened to barges on Tuesday")
    assert "said, ending a standstill" in article.text


def test_a_sentence_quoting_advice_inside_the_article_stays():
    page = (
        "Regulators warned savers on Monday about a wave of online investment schemes.\n"
        "The agency said the adverts were not investment advice but sales pitches, and that "
        "several of the firms behind them had no licence to operate in the country.\n"
        "Consumer groups said the warning came too late for hundreds of victims who lost money.\n"
    )
    article = extracted(text_document("savers", page))
    assert "were not investment advice but sales pitches" in article.text


def test_markdown_byline_gives_author_and_date():
    page = (
        "# Ferry strike ends after two days\n\n"
        "*By Oona Lindqvist · 7 February 2031*\n\n"
        "Ferry crews on the northern route returned to work on Friday after a two-day strike "
        "over rosters ended with an agreement on rest periods, the operator said.\n"
        "The union said the deal would be put to a vote of members next week.\n"
    )
    article = extracted(text_document("ferry", page))
    assert article.author == "Oona Lindqvist"
    assert article.published == "2031-02-07"
    assert "By Oona" not in article.text


def test_markdown_links_keep_their_words_and_a_teaser_of_site_links_is_cut():
    page = (
        "# Ferry fares rise in spring\n\n"
        "Fares on the northern ferry route will rise by 6% in April, according to "
        "[the harbour board](https://harbour.example/notice), which blamed fuel costs.\n\n"
        "The board said **no sailing** would be cut and that winter timetables stay in place "
        "for pensioners and school groups on the island routes.\n\n"
        "*Sources: agencies. The Courier sums up the day's news in five minutes.*\n\n"
        "**Read more:** [Five things to know about the island routes](/explainers/routes) · "
        "[Harbour crane contract goes to local firm](/business/crane)\n"
    )
    article = extracted(text_document("fares", page))
    assert "according to the harbour board, which blamed fuel costs." in article.text
    assert "said no sailing would be cut" in article.text
    assert "](" not in article.text and "**" not in article.text
    assert "Five things to know" not in article.text
    assert "Sources: agencies" not in article.text
