"""report.json -> one self-contained HTML page.

Article text is hostile input (it is whatever a web page said), so the page is rendered by
Jinja2 with autoescape on, carries no JavaScript at all (folding uses <details>) and loads
nothing from elsewhere: the CSS is inlined, there are no fonts, images or scripts to fetch, and
the file reads the same opened from disk, mailed or printed.
"""

from __future__ import annotations

from functools import cache
from typing import Any
from urllib.parse import urlsplit

from storylens.report import views

Json = dict[str, Any]
STATUS_HINT = {
    "conflicting": "sources give incompatible values",
    "corroborated": "told by two or more independent sources",
    "single-source": "told by one source only, however many pages carry it",
    "variant": "the same quote, worded differently",
    "verbatim": "the same words in two or more independent sources",
}


@cache
def environment() -> Any:
    from jinja2 import Environment, PackageLoader, StrictUndefined

    env = Environment(
        loader=PackageLoader("storylens.report", "templates"),
        autoescape=True,  # every template, whatever its extension: article text is hostile
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["anchor"] = views.anchor
    env.filters["pct"] = percent
    env.filters["safe_url"] = safe_url
    env.filters["plural"] = plural
    env.filters["clip"] = views.clip
    env.filters["readable"] = views.readable_normalized
    return env


def render_html(report: Json) -> str:
    """The report page; a pure function of the report object."""
    index = views.ArticleIndex(report["articles"])
    stories = [story_page(story, index) for story in report["stories"]]
    in_story = {a for story in report["stories"] for a in story["article_ids"]}
    return (
        environment()
        .get_template("report.html.j2")
        .render(
            report=report,
            counts=views.report_counts(report),
            stories=stories,
            index=index,
            articles=reading_order(report),
            in_story=in_story,
            change_types=(*views.TYPED_CHANGES, "other"),
            body=article_bodies(report),
            conflict_anchor=views.conflict_anchor,
            flag_anchor=views.flag_anchor,
            relation=views.RELATION,
            status_hint=STATUS_HINT,
        )
    )


def story_page(story: Json, index: views.ArticleIndex) -> Json:
    """Everything one story section shows, computed before the template sees it."""
    colours = views.family_colours(story)
    family_colour = {f["id"]: colours.get(f["article_ids"][0], "#eee") for f in story["families"]}
    return {
        "story": story,
        "family_of": views.family_of(story),
        "family_colour": family_colour,
        "article_colour": colours,
        "claims": views.grouped_claims(story),
        "quotes": views.grouped_quotes(story),
        "graph": views.graph_view(story, index),
        "rewrites": [views.rewrite_view(d, story, index) for d in story["derivations"]],
        "loose": [a for a in story["article_ids"] if a not in views.family_of(story)],
    }


def article_bodies(report: Json) -> dict[str, list[list[views.Segment]]]:
    marks = views.evidence_marks(report)
    return {
        a["id"]: views.body_paragraphs(a["text"], marks.get(a["id"], []))
        for a in report["articles"]
    }


def reading_order(report: Json) -> list[Json]:
    """Articles story by story, as the stories list them, then those outside every story."""
    by_id = {a["id"]: a for a in report["articles"]}
    ordered = [a for story in report["stories"] for a in story["article_ids"] if a in by_id]
    unique = list(dict.fromkeys(ordered))
    rest = [a["id"] for a in report["articles"] if a["id"] not in set(unique)]
    return [by_id[a] for a in unique + rest]


def percent(value: float) -> str:
    return f"{round(value * 100)}%"


def safe_url(value: str | None) -> str | None:
    """Only web links become links; a ``javascript:`` source URL stays plain text."""
    if value and urlsplit(value).scheme in ("http", "https"):
        return value
    return None


def plural(count: int, word: str, many: str | None = None) -> str:
    return f"{count} {word if count == 1 else (many or word + 's')}"
