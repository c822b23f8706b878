"""The records that flow through the pipeline, and nothing else.

Data flows one way: Document -> Article -> AnnotatedArticle -> Story -> LinkedStory -> Findings.
Every record is a frozen dataclass of plain values (str, int, float, tuples of records) so it
pickles to worker processes, serialises to JSON and compares by value. Offsets (``start``,
``end``) are character offsets into ``Article.text`` of the article the record belongs to.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# --------------------------------------------------------------------------- ingest


@dataclass(frozen=True)
class Source:
    """Where a document came from: enough to find it again."""

    path: str | None = None
    url: str | None = None
    site: str | None = None
    record: str | None = None  # position inside a container: "line 12", "warc record 3", "item 2"


@dataclass(frozen=True)
class Document:
    """Raw page content plus what its container knew about it."""

    id: str
    source: Source
    content: str  # decoded text (HTML or plain text); bytes are decoded at ingest
    media_type: str  # "html" or "text"
    container_date: str | None = None  # ISO 8601 from HTTP headers, feed item, or JSON record
    container_date_from: str = "none"  # "http" | "feed" | "record" | "none"
    title_hint: str | None = None  # title given by a JSON record or feed item
    charset: str | None = None  # how the bytes were decoded


@dataclass(frozen=True)
class InputError:
    """One input that could not be read or analysed; the batch goes on without it."""

    input: str
    error: str
    severity: str = "error"  # "error": the input was skipped; "warning": analysed, but check it


# --------------------------------------------------------------------------- extract


@dataclass(frozen=True)
class Removed:
    """A piece of the page dropped as boilerplate, kept so a reader can check the cut."""

    text: str
    reason: str


@dataclass(frozen=True)
class Article:
    """Clean main text and metadata of one page."""

    id: str
    source: Source
    text: str
    title: str | None = None
    published: str | None = None  # ISO 8601 date or datetime
    published_from: str = "none"  # "meta" | "text" | "http" | "none"
    author: str | None = None
    site: str | None = None
    language: str | None = None
    removed: tuple[Removed, ...] = ()
    warnings: tuple[str, ...] = ()


# --------------------------------------------------------------------------- annotate


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int


@dataclass(frozen=True)
class EntityMention:
    """A named entity as written in one article."""

    start: int
    end: int
    text: str
    label: str  # spaCy label: PERSON, GPE, LOC, ORG, NORP, FAC, EVENT ...
    key: str  # normalised name: casefolded, diacritics stripped, possessive removed


@dataclass(frozen=True)
class TitleMention:
    """A title or office attached to a person, normalised so titles can be compared."""

    start: int  # span of the title words as written
    end: int
    text: str
    person_start: int  # span of the person it is attached to
    person_end: int
    person: str  # the person's name as written
    office: str  # normalised office: "president", "prime minister", "chancellor", ...
    jurisdiction: str | None  # normalised place or body: "united states", "european union", ...
    status: str  # "current" | "former" | "elect" | "acting" | "opposition"


@dataclass(frozen=True)
class DateMention:
    """A time expression resolved against the article's own date where one is known."""

    start: int
    end: int
    text: str
    value: str | None  # ISO date "2025-05-15" (or "2025-05", "2025") once resolved
    granularity: str  # "day" | "month" | "year" | "weekday" | "relative" | "unknown"
    anchored: bool  # True when resolved against a known article date


@dataclass(frozen=True)
class NumberMention:
    start: int
    end: int
    text: str
    value: float
    unit: str | None  # "percent", "usd", "day", "people" ...
    counted: str | None  # lemma of what is counted ("ceasefire", "package", "death")
    ordinal: bool = False


@dataclass(frozen=True)
class QuoteMention:
    """A direct quote or a reported statement, with its speaker when one can be found."""

    start: int  # span of the quoted words (without the quote marks)
    end: int
    text: str
    kind: str  # "direct" | "indirect"
    speaker: str | None  # speaker's name as resolved (pronouns resolved to a person)
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue: str | None = None  # the reporting verb lemma: say, tell, write ...


@dataclass(frozen=True)
class EventMention:
    """An event noun or verb with who took part, where and when, as this article says."""

    start: int  # span of the trigger word
    end: int
    text: str
    kind: str  # normalised event kind: "meeting", "talks", "summit", "visit", "ceasefire", ...
    sentence: int  # index into AnnotatedArticle.sentences
    participants: tuple[str, ...] = ()  # entity keys
    places: tuple[EntityMention, ...] = ()
    times: tuple[DateMention, ...] = ()


@dataclass(frozen=True)
class LocationMention:
    """Where an organisation is based, as one article says: "X, headquartered in P",
    "X will be based in P", "its headquarters in P", "Head office: P"."""

    start: int  # span of the words that say it ("headquartered in Amsterdam")
    end: int
    text: str
    organization: str | None  # the organisation as written; None when none can be told
    place: EntityMention
    attribute: str = "headquarters"


@dataclass(frozen=True)
class AnnotatedArticle:
    article: Article
    sentences: tuple[Sentence, ...] = ()
    entities: tuple[EntityMention, ...] = ()
    titles: tuple[TitleMention, ...] = ()
    dates: tuple[DateMention, ...] = ()
    numbers: tuple[NumberMention, ...] = ()
    quotes: tuple[QuoteMention, ...] = ()
    events: tuple[EventMention, ...] = ()
    locations: tuple[LocationMention, ...] = ()

    @property
    def id(self) -> str:
        return self.article.id


# --------------------------------------------------------------------------- link


@dataclass(frozen=True)
class Span:
    """Evidence: ``text == article.text[start:end]`` of the named article."""

    article: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Story:
    id: str
    title: str
    articles: tuple[AnnotatedArticle, ...]


@dataclass(frozen=True)
class SentenceAlignment:
    """Sentences of two articles that say the same thing (one-to-one, or split/merged)."""

    article_a: str
    sentences_a: tuple[int, ...]
    article_b: str
    sentences_b: tuple[int, ...]
    score: float
    kind: str  # "copy" | "edit" | "paraphrase"


@dataclass(frozen=True)
class Change:
    """One token-level difference between aligned parent and child sentences."""

    op: str  # "replace" | "insert" | "delete"
    type: str  # "date" | "place" | "number" | "title" | "person" | "entity" | "other"
    parent_span: Span | None
    child_span: Span | None


@dataclass(frozen=True)
class Derivation:
    parent: str
    child: str
    kind: str  # "copy" | "edit" | "paraphrase" | "shared-source"
    score: float  # how much of the child is explained by the parent, 0..1
    confidence: float  # confidence in the direction, 0..1
    evidence: tuple[str, ...] = ()  # why this direction: "published earlier", "contains" ...
    changes: tuple[Change, ...] = ()


@dataclass(frozen=True)
class Family:
    """Articles that are not independent of each other; they count once as a source."""

    id: str
    article_ids: tuple[str, ...]
    original: str | None


@dataclass(frozen=True)
class LinkedStory:
    story: Story
    alignments: tuple[SentenceAlignment, ...] = ()
    derivations: tuple[Derivation, ...] = ()
    families: tuple[Family, ...] = ()

    def family_of(self, article_id: str) -> str | None:
        for family in self.families:
            if article_id in family.article_ids:
                return family.id
        return None


# --------------------------------------------------------------------------- compare


@dataclass(frozen=True)
class EntityTitle:
    text: str
    article_ids: tuple[str, ...]
    office: str | None = None
    jurisdiction: str | None = None
    status: str | None = None


@dataclass(frozen=True)
class Entity:
    """One real-world entity, however the articles spell it."""

    id: str
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    titles: tuple[EntityTitle, ...] = ()
    article_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class Claim:
    id: str
    kind: str  # "event-place" | "event-date" | "title" | "number" | "quote" ...
    subject: str
    attribute: str
    value: str
    article_ids: tuple[str, ...]
    families: int
    status: str  # "corroborated" | "single-source" | "conflicting"
    evidence: tuple[Span, ...]


@dataclass(frozen=True)
class QuoteGroup:
    id: str
    speaker: str | None
    text: str
    article_ids: tuple[str, ...]
    families: int
    status: str  # "verbatim" | "variant" | "single-source"
    evidence: tuple[Span, ...]


@dataclass(frozen=True)
class ConflictValue:
    value: str
    normalized: str | None
    article_ids: tuple[str, ...]
    evidence: tuple[Span, ...]
    families: int = 0


@dataclass(frozen=True)
class Conflict:
    id: str
    # "place" | "date" | "title" | "role-holder" | "number" | "quote" | "attribution" | "other"
    kind: str
    subject: str
    attribute: str
    values: tuple[ConflictValue, ...]
    confidence: float
    explanation: str


@dataclass(frozen=True)
class Flag:
    """Something odd about one article that is not a conflict between sources."""

    id: str
    kind: str  # "timeline" | "date-stamp" ...
    article_id: str
    explanation: str
    evidence: tuple[Span, ...] = ()


@dataclass(frozen=True)
class Findings:
    entities: tuple[Entity, ...] = ()
    claims: tuple[Claim, ...] = ()
    quotes: tuple[QuoteGroup, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    flags: tuple[Flag, ...] = ()


# --------------------------------------------------------------------------- report


@dataclass(frozen=True)
class StoryResult:
    linked: LinkedStory
    findings: Findings


@dataclass(frozen=True)
class Analysis:
    """Everything one run produced; the report writers render this."""

    articles: tuple[Article, ...]
    stories: tuple[StoryResult, ...]
    off_topic: tuple[str, ...] = ()  # article ids left out of every story
    errors: tuple[InputError, ...] = ()
    timings: dict[str, float] = field(default_factory=dict, compare=False)
