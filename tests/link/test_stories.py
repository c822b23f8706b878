"""group_stories: separate topics, leave off-topic pages out, same output for any input order."""

from __future__ import annotations

from storylens.link import group_stories

from .builders import (
    BRIDGE,
    BRIDGE_OTHER_REPORT,
    BRIDGE_PARAPHRASE,
    CHESS,
    CHESS_OTHER_REPORT,
    RECIPE,
    article,
)

ARTICLES = [
    article("bridge-1", BRIDGE, title="Varnholt bridge collapses"),
    article("bridge-2", BRIDGE_PARAPHRASE),
    article("bridge-3", BRIDGE_OTHER_REPORT),
    article("chess-1", CHESS, title="Velle wins Quillon open"),
    article("chess-2", CHESS_OTHER_REPORT),
    article("recipe", RECIPE, title="An easy lemon cake"),
]


def members(stories):
    return [[a.id for a in story.articles] for story in stories]


def test_two_topics_are_two_stories_and_the_off_topic_page_is_left_out() -> None:
    stories, off_topic = group_stories(ARTICLES)
    assert members(stories) == [["bridge-1", "bridge-2", "bridge-3"], ["chess-1", "chess-2"]]
    assert off_topic == ["recipe"]


def test_story_ids_and_titles_are_stable_and_input_order_does_not_matter() -> None:
    stories, off_topic = group_stories(ARTICLES)
    again, off_again = group_stories(list(reversed(ARTICLES)))
    assert stories == again and off_topic == off_again
    assert all(s.id.startswith("s-") for s in stories)
    assert stories[1].title == "Velle wins Quillon open"


def test_min_size_turns_small_groups_off_topic() -> None:
    stories, off_topic = group_stories(ARTICLES, min_size=3)
    assert members(stories) == [["bridge-1", "bridge-2", "bridge-3"]]
    assert off_topic == ["chess-1", "chess-2", "recipe"]


def test_empty_and_single_inputs() -> None:
    assert group_stories([]) == ([], [])
    assert group_stories([ARTICLES[0]]) == ([], ["bridge-1"])


def test_a_scraped_date_line_does_not_push_a_report_out_of_its_story():
    """A page saved weeks later carries the scrape time as a bare date line: still one story."""
    import dataclasses

    def dated(item, day: str, source: str):
        return dataclasses.replace(
            item,
            article=dataclasses.replace(item.article, published=day, published_from=source),
        )

    base = [article("bridge-1", BRIDGE), article("bridge-2", BRIDGE_PARAPHRASE)]
    stamped = [
        dated(base[0], "2031-03-02", "meta"),
        dated(base[1], "2031-04-20", "text"),
        dated(article("bridge-3", BRIDGE_OTHER_REPORT), "2031-03-02", "meta"),
    ]
    stories, _ = group_stories(stamped)
    assert members(stories) == [["bridge-1", "bridge-2", "bridge-3"]]
