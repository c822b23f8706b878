"""Hand-built annotated articles for compare tests: spans are found by the words they cover."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from storylens.compare.text import name_key
from storylens.model import (
    AnnotatedArticle,
    Article,
    DateMention,
    EntityMention,
    EventMention,
    Family,
    LinkedStory,
    LocationMention,
    NumberMention,
    QuoteMention,
    Sentence,
    SentenceAlignment,
    Source,
    Story,
    TitleMention,
)


@dataclass
class Doc:
    """An article under construction: add annotations by quoting the words they cover."""

    id: str
    text: str
    published: str | None = None
    entities: list[EntityMention] = field(default_factory=list)
    titles: list[TitleMention] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    numbers: list[NumberMention] = field(default_factory=list)
    quotes: list[QuoteMention] = field(default_factory=list)
    events: list[EventMention] = field(default_factory=list)
    locations: list[LocationMention] = field(default_factory=list)

    def span(self, words: str, nth: int = 0) -> tuple[int, int]:
        starts = [m.start() for m in re.finditer(re.escape(words), self.text)]
        assert len(starts) > nth, f"{words!r} not in {self.id}"
        return starts[nth], starts[nth] + len(words)

    def sentences(self) -> tuple[Sentence, ...]:
        found, start = [], 0
        for match in re.finditer(r"(?<=[.!?”])\s+", self.text):
            found.append(Sentence(start, match.start()))
            start = match.end()
        found.append(Sentence(start, len(self.text)))
        return tuple(found)

    def sentence_of(self, offset: int) -> int:
        for index, sentence in enumerate(self.sentences()):
            if sentence.start <= offset <= sentence.end:
                return index
        return -1

    def entity(self, words: str, label: str = "PERSON", nth: int = 0) -> EntityMention:
        start, end = self.span(words, nth)
        mention = EntityMention(start, end, words, label, name_key(words))
        self.entities.append(mention)
        return mention

    def title(
        self,
        title_words: str,
        person: str,
        office: str,
        jurisdiction: str | None = None,
        status: str = "current",
        nth: int = 0,
    ) -> TitleMention:
        start, end = self.span(title_words, nth)
        person_start = self.text.index(person, end)
        self.entity(person, "PERSON", nth=self._nth_at(person, person_start))
        mention = TitleMention(
            start,
            end,
            title_words,
            person_start,
            person_start + len(person),
            person,
            office,
            jurisdiction,
            status,
        )
        self.titles.append(mention)
        return mention

    def _nth_at(self, words: str, offset: int) -> int:
        return [m.start() for m in re.finditer(re.escape(words), self.text)].index(offset)

    def date(
        self,
        words: str,
        value: str | None,
        granularity: str = "day",
        anchored: bool = False,
        nth: int = 0,
    ) -> DateMention:
        start, end = self.span(words, nth)
        mention = DateMention(start, end, words, value, granularity, anchored)
        self.dates.append(mention)
        return mention

    def number(
        self,
        words: str,
        value: float,
        unit: str | None = None,
        counted: str | None = None,
        ordinal: bool = False,
    ) -> NumberMention:
        start, end = self.span(words)
        mention = NumberMention(start, end, words, value, unit, counted, ordinal)
        self.numbers.append(mention)
        return mention

    def quote(self, words: str, speaker: str | None, kind: str = "direct") -> QuoteMention:
        start, end = self.span(words)
        mention = QuoteMention(start, end, words, kind, speaker)
        self.quotes.append(mention)
        return mention

    def event(
        self,
        trigger: str,
        kind: str,
        participants: tuple[str, ...] = (),
        places: tuple[str, ...] = (),
        times: tuple[DateMention, ...] = (),
        nth: int = 0,
    ) -> EventMention:
        start, end = self.span(trigger, nth)
        place_mentions = []
        for place in places:
            found = [e for e in self.entities if e.text == place and e.label == "GPE"]
            place_mentions.append(found[0] if found else self.entity(place, "GPE"))
        mention = EventMention(
            start,
            end,
            trigger,
            kind,
            self.sentence_of(start),
            tuple(name_key(p) for p in participants),
            tuple(place_mentions),
            times,
        )
        self.events.append(mention)
        return mention

    def build(self) -> AnnotatedArticle:
        article = Article(
            id=self.id,
            source=Source(path=f"{self.id}.txt"),
            text=self.text,
            published=self.published,
            published_from="meta" if self.published else "none",
        )
        return AnnotatedArticle(
            article=article,
            sentences=self.sentences(),
            entities=tuple(sorted(self.entities, key=lambda e: (e.start, e.end))),
            titles=tuple(self.titles),
            dates=tuple(self.dates),
            numbers=tuple(self.numbers),
            quotes=tuple(self.quotes),
            events=tuple(self.events),
            locations=tuple(self.locations),
        )


def linked(
    *docs: Doc,
    families: list[list[str]] | None = None,
    alignments: list[tuple[str, int, str, int]] | None = None,
) -> LinkedStory:
    articles = tuple(doc.build() for doc in docs)
    return LinkedStory(
        story=Story(id="story", title="test story", articles=articles),
        alignments=tuple(
            SentenceAlignment(a, (sa,), b, (sb,), 0.9, "paraphrase")
            for a, sa, b, sb in alignments or []
        ),
        families=tuple(
            Family(id=f"family-{i}", article_ids=tuple(ids), original=ids[0])
            for i, ids in enumerate(families or [])
        ),
    )
