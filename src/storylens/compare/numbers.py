"""Numbers: the same quantity given different values beyond rounding.

Two numbers are the same quantity when they count the same thing in the same unit (a "30-day
ceasefire" and a ceasefire of "30 days"), ordinal with ordinal, and their sentences say the same
thing: aligned by the link stage, kept in the same phrase by a rewrite of the same family, or
sharing enough content words besides the number. "12 killed" and "3 wounded" count people in
different contexts and are left alone. One sum with the same digits in two currencies in aligned
sentences is a conflict of currencies.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass

from storylens.annotate.lexicons import counted_synonyms, fold
from storylens.annotate.numbers import (
    CURRENCY_CODES,
    Pair,
    find_pairs,
    possible_currencies,
    stance_words,
)
from storylens.compare.context import Draft, Observation, StoryContext, ValueGroup, group_values
from storylens.compare.text import content_words, make_span, sentence_bounds, sentence_index
from storylens.compare.text import words as word_list
from storylens.model import AnnotatedArticle, NumberMention

NEAR_WORDS = 5
CONTEXT_OVERLAP = 0.5  # share of the smaller context's content words the other one has
NUMBER_CONFIDENCE_ALIGNED = 0.75
NUMBER_CONFIDENCE_CONTEXT = 0.6


@dataclass(frozen=True)
class NumberUse:
    article: AnnotatedArticle
    mention: NumberMention
    sentence: int
    context: frozenset[str]
    near: frozenset[str]  # stems of content words within a few words of the number
    later: bool = False  # the new value of a change the page reports (see is_new_value)
    reading: bool = False  # a value set beside the earlier one it changed from (is_reading)
    earlier_year: bool = False  # a figure of an earlier year's event (of_an_earlier_year)
    breakdown: bool = False  # one part of a breakdown (in_breakdown)

    @property
    def key(self) -> tuple[bool, str, str]:
        return (
            self.mention.ordinal,
            same_thing_counted(self.mention.counted),
            key_unit(self.mention),
        )


def key_unit(mention: NumberMention) -> str:
    """The unit that keeps quantities apart. 'people' only says a counted noun counts people:
    '23 deaths' and 'killed 23 people' (counted 'death') are one toll."""
    unit = (mention.unit or "").lower()
    return "" if unit == "people" and mention.counted else unit


def same_thing_counted(counted: str | None) -> str:
    """One word for synonyms of what is counted: '2,400 jobs' and '4,200 positions' are one
    quantity written with two nouns, so they must meet to be compared at all."""
    lemma = fold(counted or "")
    return counted_synonyms().get(lemma, lemma)


def format_number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def same_within_rounding(a: float, b: float) -> bool:
    """30 and 30.0 agree; 1,000 and 1,012 agree (one is the other rounded); 3 and 3.1 agree
    (a whole number is the other rounded to no decimals); 12 and 15 do not."""
    if math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9):
        return True
    for rounded, exact in ((a, b), (b, a)):
        if rounded == 0 or not float(rounded).is_integer():
            continue
        if not float(exact).is_integer() and round(exact) == rounded:
            return True
        zeros = len(str(int(abs(rounded)))) - len(str(int(abs(rounded))).rstrip("0"))
        if zeros and round(exact, -zeros) == rounded:
            return True
    return False


_HEDGE = re.compile(
    r"\b(about|around|some|nearly|almost|roughly|approximately|approx|more than|over|at least|"
    r"just over|just under|less than|under|up to|close to|upwards of|estimated|fewer than|"
    r"at most)\s*$",
    re.IGNORECASE,
)
_HEDGE_INSIDE = re.compile(
    r"^\s*(about|around|some|nearly|almost|roughly|approximately|more than|over|at least|"
    r"just over|just under|less than|fewer than|under|up to|at most|close to|upwards of)\b",
    re.I,
)
LOWER_BOUNDS = frozenset({"more than", "over", "at least", "just over", "upwards of"})
UPPER_BOUNDS = frozenset(
    {"less than", "fewer than", "under", "up to", "at most", "nearly", "almost", "just under"}
)
HEDGE_TOLERANCE = 0.1


def hedge_word(use: NumberUse) -> str | None:
    """The hedge before a number ('more than 9,000' -> 'more than'), if any."""
    text = use.article.article.text
    before = text[max(0, use.mention.start - 20) : use.mention.start]
    match = _HEDGE_INSIDE.search(use.mention.text) or _HEDGE.search(before)
    return " ".join(match.group(1).lower().split()) if match else None


def hedged(use: NumberUse) -> bool:
    """'about 3%', 'more than 9,000', 'at least 41': the writer did not claim the exact value."""
    return hedge_word(use) is not None


def value_range(value: float, hedge: str | None) -> tuple[float, float]:
    """The values a hedged number allows: 'more than 7' is 7 or above, 'up to 40' 40 or below
    ('nearly 50' is below 50 but near it), 'about 150' within a tenth of 150."""
    slack = HEDGE_TOLERANCE * abs(value)
    if hedge is None:
        return (value, value)
    if hedge in LOWER_BOUNDS:
        return (value, math.inf)
    if hedge in {"nearly", "almost", "just under"}:
        return (value - slack, value)
    if hedge in UPPER_BOUNDS:
        return (-math.inf, value)
    return (value - slack, value + slack)


def values_agree(a: NumberUse, b: NumberUse) -> bool:
    """Equal within rounding, or allowed by each other's hedges: 'more than seven hours' and
    'seven and a half hours' agree, 'at least 17' and '11' do not."""
    if same_within_rounding(a.mention.value, b.mention.value):
        return True
    low_a, high_a = value_range(a.mention.value, hedge_word(a))
    low_b, high_b = value_range(b.mention.value, hedge_word(b))
    return low_a <= high_b and low_b <= high_a


def gives_value(mine: NumberUse, other: NumberUse) -> bool:
    """The article's own number states the other value (within rounding, or hedged near it);
    an open bound states no value: 'over three days' does not say '60 days'."""
    if same_within_rounding(mine.mention.value, other.mention.value):
        return True
    high = max(abs(mine.mention.value), abs(other.mention.value))
    close = abs(mine.mention.value - other.mention.value) <= HEDGE_TOLERANCE * high
    return close and (hedged(mine) or hedged(other))


def _uses(context: StoryContext) -> list[NumberUse]:
    uses = []
    for article in context.articles:
        text = article.article.text
        pairs = [(p.start, p.end) for p in find_pairs(text) if p.phase is not None]
        for mention in article.numbers:
            if not (mention.counted or mention.unit):
                continue
            if any(s < mention.end and mention.start < e for s, e in pairs):
                continue  # half of a score or a vote split: compared as a pair
            start, end = sentence_bounds(article, mention.start)
            sentence = text[start : mention.start] + " " + text[mention.end : end]
            own = content_words(mention.text) | {mention.counted or "", mention.unit or ""}
            words = content_words(sentence) - own
            left = " ".join(text[start : mention.start].split()[-NEAR_WORDS:])
            right = " ".join(text[mention.end : end].split()[:NEAR_WORDS])
            near = {w for w in content_words(f"{left} {right}") - own if not w[:1].isdigit()}
            index = sentence_index(article, mention.start)
            uses.append(
                NumberUse(
                    article,
                    mention,
                    index,
                    frozenset(words),
                    frozenset(_stems(near)),
                    later=is_new_value(article, mention),
                    reading=is_reading(article, mention),
                    earlier_year=of_an_earlier_year(article, mention, context.frame_year),
                    breakdown=in_breakdown(article, mention, index),
                )
            )
    return uses


_FROM = re.compile(r"\bfrom\s*$", re.IGNORECASE)
_TO = re.compile(r"^\s*to\s*$", re.IGNORECASE)
_UP_FROM = re.compile(r"^\s*,?\s*(?:up|down)\s+from\b", re.IGNORECASE)


def is_new_value(article: AnnotatedArticle, mention: NumberMention) -> bool:
    """'raised its offer from 4.5% to 5.2%', '2,100, up from 1,800': the page itself says the
    quantity changed, and the new value is a later state than other pages report, so it
    is compared only with the sentence a rewrite made of it (the old value with any)."""
    text = article.article.text
    if is_reading(article, mention):
        return True  # a reading beside an earlier one (see comparable_states)
    for before in article.numbers:
        if before.end <= mention.start and _TO.match(text[before.end : mention.start]):
            return bool(_FROM.search(text[max(0, before.start - 10) : before.start]))
    return False


_TO_BEFORE = re.compile(r"\bto\s*$", re.IGNORECASE)
_FROM_BEFORE = re.compile(r"\bfrom\s*$", re.IGNORECASE)
_FROM_AHEAD = re.compile(r"^\s*from\b", re.IGNORECASE)
_TO_AHEAD = re.compile(r"^\s*to\b", re.IGNORECASE)
_FROM_ONLY = re.compile(r"^\s*from\s*$", re.IGNORECASE)


def change_end(article: AnnotatedArticle, mention: NumberMention) -> str:
    """'new' or 'old' for the two ends of a change ('to 6.25% from 6.75%', 'from 6.25% to
    6.75%'), else '': a page gives its old value as the old one only, so it does not also
    say another page's new value (a rewrite that swapped the two ends conflicts)."""
    text = article.article.text

    def after(word: re.Pattern[str]) -> bool:
        return bool(word.search(text[max(0, mention.start - 10) : mention.start]))

    def ahead(word: re.Pattern[str]) -> bool:
        return bool(word.match(text[mention.end : mention.end + 10]))

    if (after(_TO_BEFORE) and ahead(_FROM_AHEAD)) or (after(_FROM_BEFORE) and ahead(_TO_AHEAD)):
        return "new" if after(_TO_BEFORE) else "old"
    for number in article.numbers:
        between = text[number.end : mention.start] if number.end <= mention.start else ""
        opener = text[max(0, number.start - 10) : number.start]
        if _FROM_ONLY.match(between) and _TO_BEFORE.search(opener):
            return "old"  # 'to 6.75% from 6.25%'
        if _TO.match(between) and _FROM.search(opener):
            return "new"  # 'from 6.25% to 6.75%'
    return ""


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def _same_quantity(context: StoryContext, a: NumberUse, b: NumberUse) -> float:
    """Confidence that two uses state the same quantity (0: not shown to be the same)."""
    if a.article.id == b.article.id:
        return 0.0
    if is_threshold(a) != is_threshold(b):
        return 0.0  # 'a majority requires 22 seats' is a bar, 'won 24 seats' a result
    aligned = context.aligned(a.article.id, a.sentence, b.article.id, b.sentence)
    holder_a, holder_b = holder(context, a), holder(context, b)
    two_holders = bool(holder_a and holder_b and holder_a != holder_b)
    if two_holders and not (aligned and swapped_holders(context, a, holder_a, b, holder_b)):
        return 0.0  # 'Party A won 24 seats', 'Party B took 15 seats': two tallies
    if a.earlier_year != b.earlier_year:
        return 0.0  # 'since 2029, when thieves took silverware worth 30 million': history
    if aligned:
        return NUMBER_CONFIDENCE_ALIGNED
    if a.breakdown or b.breakdown:
        return 0.0  # 'Chile sent 62 rescuers, Colombia 38 and Mexico 43': one part of a total
    if same_family(context, a, b) and same_frame(a, b):
        return NUMBER_CONFIDENCE_CONTEXT
    if not a.near & b.near:
        return 0.0  # 'won 24 seats' and 'needs 22 seats' count different things
    if _overlap(a.context, b.context) >= CONTEXT_OVERLAP and len(a.context & b.context) >= 3:
        return NUMBER_CONFIDENCE_CONTEXT
    return 0.0


_CLAUSE_EDGE = re.compile(r"[,;:()\u2013\u2014]")
_JOINED_CLAUSE = re.compile(r"^\s*(?:when|where|which|in which|after|before)\b", re.IGNORECASE)
_WRITTEN_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def of_an_earlier_year(
    article: AnnotatedArticle, mention: NumberMention, frame_year: int | None
) -> bool:
    """The number's clause (with the clause a 'when' or 'which' clause hangs from) writes a
    year before the story's: a figure of another, earlier event."""
    if frame_year is None:
        return False
    text = article.article.text
    start, end = sentence_bounds(article, mention.start)
    before = text[start : mention.start]
    cuts = [m.end() for m in _CLAUSE_EDGE.finditer(before)]
    clause_start = start + (cuts[-1] if cuts else 0)
    if cuts and _JOINED_CLAUSE.match(text[clause_start : mention.start]):
        clause_start = start + (cuts[-2] if len(cuts) > 1 else 0)
    after = _CLAUSE_EDGE.search(text, mention.end, end)
    clause = text[clause_start : after.start() if after else end]
    return any(int(year) < frame_year for year in _WRITTEN_YEAR.findall(clause))


BREAKDOWN_PARTS = 3


_NAMED_FIGURE = re.compile(r"\b[A-Z][\w-]+ (\d[\d,]*)\b(?![.,]?\d)")  # "Mexico 43"


def in_breakdown(article: AnnotatedArticle, mention: NumberMention, sentence: int) -> bool:
    """The number is one of three or more of its kind in its sentence, the others bare or
    written after a name the tagger left alone ('Chile sent 62 rescuers, Colombia 38 and
    Mexico 43'): a breakdown whose parts only a rewrite of that sentence states again."""
    parts = [
        number
        for number in article.numbers
        if sentence_index(article, number.start) == sentence
        and number.unit == mention.unit
        and number.ordinal == mention.ordinal
        and number.counted in {None, mention.counted}
    ]
    start, end = sentence_bounds(article, mention.start)
    taken = [(n.start, n.end) for n in article.numbers] + [(d.start, d.end) for d in article.dates]
    untagged = [
        m
        for m in _NAMED_FIGURE.finditer(article.article.text, start, end)
        if not any(s <= m.start(1) < e for s, e in taken)
    ]
    return len(parts) + len(untagged) >= BREAKDOWN_PARTS


FRAME_BEFORE = 2
FRAME_AFTER = 1


def same_family(context: StoryContext, a: NumberUse, b: NumberUse) -> bool:
    """One page rewrites the other, or both rewrite a common source (the link stage said so)."""
    family = context.family_of
    return family.get(a.article.id, a.article.id) == family.get(b.article.id, b.article.id)


def frame(use: NumberUse) -> tuple[str, ...]:
    """The words right around the number in its sentence: 'Delegations from _ countries'."""
    text = use.article.article.text
    start, end = sentence_bounds(use.article, use.mention.start)
    before = word_list(text[start : use.mention.start])[-FRAME_BEFORE:]
    after = word_list(text[use.mention.end : end])[:FRAME_AFTER]
    if len(before) < FRAME_BEFORE or len(after) < FRAME_AFTER:
        return ()
    return (*before, "_", *after)


def same_frame(a: NumberUse, b: NumberUse) -> bool:
    """Two pages of one family that keep the phrase around a number but change the number
    ('Delegations from nine countries' -> 'Delegations from 11 countries') state one
    quantity, even when the rewrite merged the sentence into another one and the link stage
    aligned it elsewhere. The phrase must hold two content words."""
    shared = frame(a)
    return bool(shared) and shared == frame(b) and len(content_words(" ".join(shared))) >= 2


HOLDER_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
HOLDER_TYPES = frozenset({"person", "organization"})
# ', whose chief executive is X,', ', one of X's largest lenders,': a name in a relative clause
# or an apposition describes the one before it.
_RELATIVE = re.compile(r",\s*(?:who|whose|whom|which|one of|the|a|an)\b[^,;:]*,")
_CLAUSE_BREAK = re.compile(r"[;:]|,\s+(?:and|but|while|whereas)\b|\b(?:and|while|whereas)\s")


THRESHOLD_STEMS = ("need", "requi", "minim", "thres")


def is_threshold(use: NumberUse) -> bool:
    """A number said to be needed or required: a bar to reach, not an outcome."""
    return any(stem.startswith(THRESHOLD_STEMS) for stem in use.near)


def holder(context: StoryContext, use: NumberUse) -> str | None:
    """Who the number belongs to: the last name before it in its clause ('Party A won 24'),
    a name the parser missed here found by the story's names of organisations and people.
    A name inside a relative clause ('A, whose chief is B, offered 9%') is not the holder."""
    article = use.article
    start, _end = sentence_bounds(article, use.mention.start)
    text = article.article.text
    asides = [
        (start + m.start(), start + m.end())
        for m in _RELATIVE.finditer(text[start : use.mention.start])
    ]
    found = None
    for entity in article.entities:
        before = start <= entity.start and entity.end <= use.mention.start
        if (
            before
            and entity.label in HOLDER_LABELS
            and not _CLAUSE_BREAK.search(text[entity.end : use.mention.start])
            and not any(s <= entity.start and entity.end <= e for s, e in asides)
        ):
            found = entity
    if found is not None:
        return context.resolver.key(found.key) or found.key
    clause = _RELATIVE.sub(lambda m: " " * len(m.group()), text[start : use.mention.start])
    breaks = list(_CLAUSE_BREAK.finditer(clause))
    clause = clause[breaks[-1].end() :] if breaks else clause
    return _named_in(context, clause)


def swapped_holders(
    context: StoryContext, a: NumberUse, holder_a: str, b: NumberUse, holder_b: str
) -> bool:
    """Aligned sentences (one rewrites the other) whose articles never name each other's
    holder: the rewrite put one name in place of the other, so the number is one slot told
    two ways ('the outbreak in Town A has killed 23' rewritten 'the outbreak in Town B has
    killed 32'), not two tallies. An article that names both holders lists two tallies."""
    return holder_a not in _article_names(context, b.article) and holder_b not in (
        _article_names(context, a.article)
    )


def _article_names(context: StoryContext, article: AnnotatedArticle) -> set[str]:
    """Keys of every name an article gives, as ``holder`` keys them."""
    names = {
        context.resolver.key(entity.key) or entity.key
        for entity in article.entities
        if entity.label in HOLDER_LABELS
    }
    text = article.article.text
    for entity in context.resolver.entities:
        if entity.type in HOLDER_TYPES and any(
            len(name.split()) >= 2 and name in text for name in {entity.name, *entity.aliases}
        ):
            names.add(entity.id)
    return names


def _named_in(context: StoryContext, clause: str) -> str | None:
    """The story entity whose name ends last in the clause (names of two words or more)."""
    best: tuple[int, str] | None = None
    for entity in context.resolver.entities:
        if entity.type not in HOLDER_TYPES:
            continue
        for name in {entity.name, *entity.aliases}:
            if len(name.split()) < 2:
                continue
            at = clause.rfind(name)
            if at >= 0 and (best is None or at + len(name) > best[0]):
                best = (at + len(name), entity.id)
    return best[1] if best else None


def _stems(words: set[str]) -> set[str]:
    """Crude stems so 'killed' and 'killing' meet: the first five letters."""
    return {w[:5] for w in words}


def other_stance(number: NumberMention, mention: NumberMention) -> bool:
    """One side's demand and the other side's offer are two quantities: 'demanding 9%;
    has offered 4.5%' does not state an offer of 9%."""
    mine, theirs = same_thing_counted(number.counted), same_thing_counted(mention.counted)
    stances = stance_words()
    return mine != theirs and mine in stances and theirs in stances


def rounded_side(use: NumberUse, involved: list[NumberUse]) -> str | None:
    """The disputed value a hedged figure rounds ('almost 2.4 billion' by 2.35 and 3.25
    billion sides with 2.35), so it backs that side instead of reading as a third value;
    None when the figure is a value of its own, '' when it rounds two sides (no side)."""
    if not hedged(use):
        return None
    exact = {
        format_number(other.mention.value)
        for other in involved
        if not hedged(other) and values_agree(use, other)
    }
    if format_number(use.mention.value) in exact or not exact:
        return None
    return exact.pop() if len(exact) == 1 else ""


def _observation(
    use: NumberUse, subject_id: str, subject: str, side: str | None = None
) -> Observation | None:
    span = make_span(use.article, use.mention.start, use.mention.end)
    if span is None:
        return None
    value = side or format_number(use.mention.value)  # a rounding shows the side it backs
    shown = f"{value}{'th' if use.mention.ordinal else ''}"
    return Observation(
        kind="number",
        subject_id=subject_id,
        subject=subject,
        attribute=use.mention.unit or "count",
        value=shown if not use.mention.unit else f"{shown} {use.mention.unit}",
        normalized=value,
        article_id=use.article.id,
        evidence=(span,),
    )


def _subject(key: tuple[bool, str, str]) -> str:
    ordinal, counted, unit = key
    if counted:
        return f"the {counted}" if not ordinal else f"which {counted}"
    return f"the number of {unit}"


def number_findings(context: StoryContext) -> tuple[list[Observation], list[Draft]]:
    """Observations for every counted number, and conflicts where one quantity differs."""
    by_key: dict[tuple[bool, str, str], list[NumberUse]] = defaultdict(list)
    all_uses = _uses(context)
    for use in all_uses:
        by_key[use.key].append(use)
    observations: list[Observation] = []
    drafts: list[Draft] = []
    for key, uses in sorted(by_key.items()):
        subject_id = "number:" + "|".join(str(part) for part in key)
        subject = _subject(key)
        for use in uses:
            observation = _observation(use, subject_id, subject)
            if observation:
                observations.append(observation)
        draft = _conflict(context, uses, subject_id, subject)
        if draft:
            drafts.append(draft)
    drafts.extend(currency_swaps(context, [u for u in all_uses if not u.later]))
    drafts.extend(pair_conflicts(context))
    return observations, drafts


def currency_swaps(context: StoryContext, uses: list[NumberUse]) -> list[Draft]:
    """A rewrite that keeps the digits of a sum but changes its currency ('R$ 240 million a
    day' -> '$240 million a day') states another sum: the same number in aligned sentences
    with two currencies is a conflict of currencies. A page that gives the sum in both
    currencies ('R$ 240 million ($45 million)', 'a $5m grant and a €5m loan') is not one."""
    money = [u for u in uses if (u.mention.unit or "") in CURRENCY_CODES]
    clusters: dict[tuple[str, ...], set[int]] = defaultdict(set)
    for i, a in enumerate(money):
        for j in range(i + 1, len(money)):
            b = money[j]
            if a.article.id == b.article.id or _currencies(a) & _currencies(b):
                continue  # a bare '$' may be the dollar of the other page's 'A$'
            if not math.isclose(a.mention.value, b.mention.value, rel_tol=1e-9):
                continue  # the same digits, not a rounding: '€5.3m' is no swap of '$5m'
            if not context.aligned(a.article.id, a.sentence, b.article.id, b.sentence):
                continue
            counted_a, counted_b = a.key[1], b.key[1]
            if counted_a and counted_b and counted_a != counted_b:
                continue
            if _gives_sum(a.article, b.mention) or _gives_sum(b.article, a.mention):
                continue
            if _same_quantity(context, a, b) > 0:
                units = sorted({a.mention.unit or "", b.mention.unit or ""})
                clusters[(format_number(a.mention.value), *units)].update((i, j))
    drafts = []
    for (value, *units), members in sorted(clusters.items()):
        involved = [money[k] for k in sorted(members)]
        counted = next((u.key[1] for u in involved if u.key[1]), "")
        subject = f"the {counted or 'sum'}"
        subject_id = "number:currency|" + "|".join([counted, value, *units])
        observations = []
        for use in involved:
            span = make_span(use.article, use.mention.start, use.mention.end)
            if span is None:
                continue
            shown = f"{value} {use.mention.unit}"
            observations.append(
                Observation(
                    "number", subject_id, subject, "currency", shown, shown, use.article.id, (span,)
                )
            )
        groups = group_values(observations)
        if len(groups) >= 2:
            drafts.append(
                Draft("number", subject_id, subject, "currency", groups, NUMBER_CONFIDENCE_ALIGNED)
            )
    return drafts


def _currencies(use: NumberUse) -> frozenset[str]:
    return possible_currencies(use.mention.text, use.mention.unit or "")


def _gives_sum(article: AnnotatedArticle, mention: NumberMention) -> bool:
    """The page states this sum in this currency somewhere."""
    return any(
        number.unit == mention.unit and same_within_rounding(number.value, mention.value)
        for number in article.numbers
    )


def _conflict(
    context: StoryContext, uses: list[NumberUse], subject_id: str, subject: str
) -> Draft | None:
    clashing: set[int] = set()
    confidence = 0.0
    by_article: dict[str, list[NumberUse]] = defaultdict(list)
    for use in uses:
        by_article[use.article.id].append(use)

    def also_says(article_id: str, other: NumberUse) -> bool:
        """The article gives this value too: in a same-key use, or any number in a sentence
        that holds one ('24 of the 43 seats' counts seats with both numbers)."""
        article = context.by_id[article_id]
        end = change_end(other.article, other.mention)
        if any(
            gives_value(mine, other) and change_end(article, mine.mention) == end
            for mine in by_article[article_id]
        ):
            return True
        sentences = {use.sentence for use in by_article[article_id]}
        return any(
            same_within_rounding(number.value, other.mention.value)
            and sentence_index(article, number.start) in sentences
            and not other_stance(number, other.mention)
            and change_end(article, number) == end
            for number in article.numbers
        )

    with_readings = {(u.article.id, u.sentence) for u in uses if u.later and u.reading}
    for i, a in enumerate(uses):
        for j in range(i + 1, len(uses)):
            b = uses[j]
            if not comparable_states(context, a, b, with_readings):
                continue
            if values_agree(a, b) or also_says(a.article.id, b) or also_says(b.article.id, a):
                continue  # an article giving both values is counting two different things
            same = _same_quantity(context, a, b)
            if same > 0:
                clashing.update((i, j))
                confidence = max(confidence, same)
    if not clashing:
        return None
    involved = [uses[i] for i in sorted(clashing)]
    # Uses that state an involved value in the same context back that value up; one that is
    # only near it ('nearly 1,200' by 1,184 and 1,148) takes no side and would read as a
    # third value, so it stays out.
    disputed = {format_number(use.mention.value) for use in involved}
    for k, use in enumerate(uses):
        if k in clashing or format_number(use.mention.value) not in disputed:
            continue
        for other in involved:
            if gives_value(use, other) and _same_quantity(context, use, other):
                involved.append(use)
                break
    observations = [
        o
        for u in involved
        if (side := rounded_side(u, involved)) != ""
        and (o := _observation(u, subject_id, subject, side))
    ]
    groups: list[ValueGroup] = group_values(observations)
    if len(groups) < 2:
        return None
    return Draft(
        kind="number",
        subject_id=subject_id,
        subject=subject,
        attribute=observations[0].attribute,
        groups=groups,
        confidence=confidence,
    )


def comparable_states(
    context: StoryContext, a: NumberUse, b: NumberUse, with_readings: set[tuple[str, int]]
) -> bool:
    """Whether two uses may state the quantity at one time. The new value of a reported
    change is a later state than other pages give, so it meets only another page's new
    value; but a reading set beside an earlier one ('approval at 34%, down from 41% in
    January') is the sentence's figure of the day: it meets a rewrite of its own sentence,
    and a rewrite that kept one value of that sentence ('approval at just 31%') kept that
    one, not the earlier. ``with_readings``: the sentences (article, index) that hold a
    reading."""
    if a.later and b.later:
        return True
    aligned = context.aligned(a.article.id, a.sentence, b.article.id, b.sentence)
    if a.later or b.later:
        return aligned and (a if a.later else b).reading
    beside_a = (a.article.id, a.sentence) in with_readings
    return not aligned or beside_a == ((b.article.id, b.sentence) in with_readings)


def is_reading(article: AnnotatedArticle, mention: NumberMention) -> bool:
    """'34%, down from 41%': a value followed by the earlier one it changed from."""
    text = article.article.text
    return bool(_UP_FROM.match(text[mention.end : mention.end + 20]))


@dataclass(frozen=True)
class PairUse:
    """A score or vote split in one article's sentence (see ``find_pairs``)."""

    article: AnnotatedArticle
    pair: Pair
    sentence: int


PAIR_SUBJECTS = {"half-time": "the half-time score", "result": "the score", "vote": "the vote"}


def _pair_uses(context: StoryContext) -> list[PairUse]:
    """Every dated pair (a running score has no phase and is compared with nothing)."""
    uses = []
    for article in context.articles:
        for pair in find_pairs(article.article.text):
            if pair.phase is not None:
                uses.append(PairUse(article, pair, sentence_index(article, pair.start)))
    return uses


def _side_key(name: str) -> tuple[str, ...]:
    return tuple(fold(name).split())


def _same_side(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """'Adria' and 'Adria Split' name one side: one name opens the other."""
    shorter, longer = sorted((a, b), key=len)
    return bool(shorter) and longer[: len(shorter)] == shorter


def _same_pair_slot(context: StoryContext, a: PairUse, b: PairUse) -> bool:
    """Two pairs tell one score or one vote: the same phase, in sentences the link stage
    aligned (one rewrites the other), or a half-time score in two pages of one family. A
    result or a vote in another sentence may be another match or another vote."""
    if a.article.id == b.article.id or a.pair.phase != b.pair.phase:
        return False
    if context.aligned(a.article.id, a.sentence, b.article.id, b.sentence):
        return True
    return a.pair.phase == "half-time" and same_family(context, a, b)  # type: ignore[arg-type]


def _completed(use: PairUse, sides: list[tuple[str, ...]]) -> dict[tuple[str, ...], int] | None:
    """The pair's numbers by side, the side it leaves unnamed filled in from the two sides
    of the match ('A were 2-1 up' gives B 1); None when its names are not those sides."""
    told: dict[tuple[str, ...], int] = {}
    for name, value in use.pair.sides:
        side = next((s for s in sides if _same_side(s, _side_key(name))), None)
        if side is None:
            return None
        told[side] = value
    if len(told) == 1 and len(sides) == 2:
        [(side, value)] = told.items()
        other = sides[1] if side == sides[0] else sides[0]
        told[other] = use.pair.low if value == use.pair.high else use.pair.high
    return told


def _pair_value(use: PairUse, sides: list[tuple[str, ...]]) -> tuple[str, str] | None:
    """(shown, normalised) value: 'Adria 2-1' for a score whose leader is known, '7-2' for
    a vote; None when a score cannot be read against the match's two sides."""
    high, low = use.pair.high, use.pair.low
    if use.pair.phase == "vote":
        return f"{high}-{low}", f"{high}-{low}"
    told = _completed(use, sides)
    if told is None or (len(told) < 2 and high != low):
        return None
    if high == low:
        return f"{high}-{low}", f"draw {high}-{low}"
    leader = next(side for side, value in told.items() if value == high)
    return f"{' '.join(leader).title()} {high}-{low}", f"{' '.join(leader)} {high}-{low}"


def pair_conflicts(context: StoryContext) -> list[Draft]:
    """Scores and vote splits told two ways: '3-1' against '3-2', or a score reversed between
    the same two sides ('A were 2-1 up at the break' against 'B led 2-1 at half-time' and
    'A 1-2 B'). Pairs are compared only when they tell one slot (``_same_pair_slot``), and
    only between the two sides of one match."""
    uses = _pair_uses(context)
    parent = list(range(len(uses)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, a in enumerate(uses):
        for j in range(i + 1, len(uses)):
            if _same_pair_slot(context, a, uses[j]):
                parent[find(i)] = find(j)
    clusters: dict[int, list[PairUse]] = defaultdict(list)
    for i, use in enumerate(uses):
        clusters[find(i)].append(use)
    drafts = []
    for members in clusters.values():
        draft = _pair_draft(members) if len(members) > 1 else None
        if draft is not None:
            drafts.append(draft)
    return sorted(drafts, key=lambda d: d.subject_id)


def _pair_draft(members: list[PairUse]) -> Draft | None:
    sides: list[tuple[str, ...]] = []
    for use in members:
        for name, _value in use.pair.sides:
            key = _side_key(name)
            known = next((i for i, s in enumerate(sides) if _same_side(s, key)), None)
            if known is None:
                sides.append(key)
            elif len(key) > len(sides[known]):
                sides[known] = key
    if len(sides) > 2:
        return None  # more than two sides: not one match
    phase = members[0].pair.phase or ""
    subject_id = f"number:pair|{phase}|" + "|".join(" ".join(s) for s in sorted(sides))
    subject = PAIR_SUBJECTS.get(phase, "the score")
    observations = []
    for use in members:
        value = _pair_value(use, sides)
        span = make_span(use.article, use.pair.start, use.pair.end)
        if value is None or span is None:
            continue
        shown, normalized = value
        attribute = "vote" if phase == "vote" else "score"
        observations.append(
            Observation(
                "number", subject_id, subject, attribute, shown, normalized, use.article.id, (span,)
            )
        )
    groups = group_values(observations)
    if len(groups) < 2:
        return None
    attribute = observations[0].attribute
    return Draft("number", subject_id, subject, attribute, groups, NUMBER_CONFIDENCE_ALIGNED)
