"""Hand-built annotated articles for the link tests (fictional people, places and outlets)."""

from __future__ import annotations

import re

from storylens.link.text import split_sentences
from storylens.model import (
    AnnotatedArticle,
    Article,
    DateMention,
    EntityMention,
    Sentence,
    Source,
)

PLACES = ("Varnholt", "Dunmere", "Quillon", "Ostrava Bay")
PEOPLE = ("Elena Rosk", "Tomas Brandt", "Ida Velle", "Marek Sorn")
_WEEKDAY = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")


def article(article_id: str, text: str, published: str | None = None, title: str | None = None):
    """An AnnotatedArticle with rule-split sentences, weekday dates and the fictional names."""
    entities = []
    for names, label in ((PLACES, "GPE"), (PEOPLE, "PERSON")):
        for name in names:
            for match in re.finditer(re.escape(name), text):
                entities.append(
                    EntityMention(match.start(), match.end(), name, label, name.casefold())
                )
    dates = [
        DateMention(m.start(), m.end(), m.group(0), None, "weekday", False)
        for m in _WEEKDAY.finditer(text)
    ]
    return AnnotatedArticle(
        article=Article(
            id=article_id,
            source=Source(path=f"{article_id}.txt"),
            text=text,
            title=title,
            published=published,
        ),
        sentences=tuple(Sentence(a, b) for a, b in split_sentences(text)),
        entities=tuple(sorted(entities, key=lambda e: e.start)),
        dates=tuple(dates),
    )


BRIDGE = "\n".join(
    [
        "The Varnholt river bridge collapsed on Tuesday evening, sending three cars into the "
        "water, the town council said. Rescue teams pulled nine people from the river and took "
        "them to the county hospital.",
        "Mayor Elena Rosk said the bridge had been inspected in March and declared safe. "
        "Engineers from the regional transport office arrived in Varnholt on Wednesday to "
        "examine what was left of the structure.",
        "The bridge, built in 1962, carried about 4,000 vehicles a day between the old town and "
        "the harbour district. Shop owners on the harbour side said the closure would cut them "
        "off from most of their customers.",
        "Police have opened an inquiry into the maintenance contracts the council signed after "
        "2015, and investigators seized documents from the public works department. A temporary "
        "ferry service for pedestrians will start on Monday, the council said.",
    ]
)

BRIDGE_PARAPHRASE = "\n".join(
    [
        "Three cars plunged into the water on Tuesday evening when the river bridge in Varnholt "
        "gave way, according to the town council. Nine people were rescued from the river by "
        "emergency crews and driven to the county hospital.",
        "According to Mayor Elena Rosk, inspectors had checked the bridge in March and found it "
        "safe. On Wednesday, a team of engineers from the regional transport office came to "
        "Varnholt to study the remains of the structure.",
        "Opened in 1962, the crossing linked the old town with the harbour district and was used "
        "by roughly 4,000 vehicles every day. Traders in the harbour area warned that the closure "
        "would keep most of their clients away.",
        "Officers have launched an investigation into maintenance deals the council agreed to "
        "after 2015, and investigators took away papers from the public works department. The "
        "council said a foot ferry would begin running on Monday.",
    ]
)

CHESS = "\n".join(
    [
        "Ida Velle won the Quillon open chess championship on Sunday after a tense final game "
        "against Marek Sorn that lasted more than six hours.",
        "Velle, who is nineteen, becomes the youngest winner in the tournament's history. She "
        "said she had prepared the opening of the final game for weeks with her coach.",
        "Sorn resigned on move 71 after losing a rook in a time scramble. The organisers said a "
        "record 240 players had entered this year's event in Quillon.",
        "The winner takes home a trophy and a place in the continental championship next spring.",
    ]
)

BRIDGE_OTHER_REPORT = "\n".join(
    [
        "Residents of Varnholt woke up on Wednesday to a town split in two after its only river "
        "bridge fell into the water the night before.",
        "Tomas Brandt, who runs a bakery near the harbour, watched divers search the river at "
        "dawn. He said the structure had been shaking under heavy lorries for years.",
        "The collapse sent three cars into the river; all nine people inside survived, hospital "
        "staff said. Council officials have promised an independent review of the bridge's "
        "upkeep.",
    ]
)

CHESS_OTHER_REPORT = "\n".join(
    [
        "A nineteen-year-old, Ida Velle, is the new Quillon open chess champion after beating "
        "Marek Sorn in a six-hour final on Sunday.",
        "Sorn, a former winner of the event, gave up after a blunder cost him a rook with little "
        "time left on his clock. Velle thanked her coach and her family after the game.",
        "Organisers counted 240 entrants from a dozen countries in Quillon this year, a record.",
    ]
)

RECIPE = "\n".join(
    [
        "This lemon cake needs only five ingredients and takes forty minutes to bake.",
        "Whisk the eggs with the sugar until pale, then fold in the flour, the melted butter and "
        "the zest of two lemons.",
        "Pour the batter into a greased tin and bake at a moderate heat until a skewer comes out "
        "clean. Let it cool before you add the icing.",
    ]
)


def paragraphs(text: str) -> list[str]:
    return text.split("\n")
