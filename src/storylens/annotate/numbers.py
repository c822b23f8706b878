"""Numbers with their value, unit and the thing they count.

"30-day ceasefire" -> 30, unit "day", counted "ceasefire"; "17th package of sanctions" -> 17,
ordinal, counted "package"; "$2.5 billion" -> 2.5e9, unit "usd". Numbers inside dates are not
numbers (they are dates); durations that the date annotator set aside are.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from storylens.annotate.lexicons import fold
from storylens.annotate.nlp import doc_text
from storylens.model import DateMention, NumberMention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

NUMBER_LABELS = frozenset({"CARDINAL", "QUANTITY", "PERCENT", "MONEY", "ORDINAL"})

UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "a": 1,
    "an": 1,
    "single": 1,
    "dozen": 12,
}
TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SCALES = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
    "k": 1_000,
    "m": 1_000_000,
    "mn": 1_000_000,
    "bn": 1_000_000_000,
    "b": 1_000_000_000,
    "tn": 1_000_000_000_000,
}
ORDINAL_WORDS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "thirtieth": 30,
    "fortieth": 40,
    "fiftieth": 50,
    "sixtieth": 60,
    "seventieth": 70,
    "eightieth": 80,
    "ninetieth": 90,
    "hundredth": 100,
    "thousandth": 1000,
    "millionth": 1_000_000,
}
CURRENCY_SYMBOLS = {
    "us$": "usd",
    "a$": "aud",
    "c$": "cad",
    "hk$": "hkd",
    "nz$": "nzd",
    "s$": "sgd",
    "r$": "brl",
    "$": "usd",
    "€": "eur",
    "£": "gbp",
    "¥": "jpy",
    "₹": "inr",
    "₽": "rub",
    "₴": "uah",
    "₩": "krw",
    "₺": "try",
    "₪": "ils",
    "₦": "ngn",
    "₱": "php",
    "฿": "thb",
    "zł": "pln",
}
CURRENCY_WORDS = {
    "dollar": "usd",
    "usd": "usd",
    "euro": "eur",
    "eur": "eur",
    "pound": "gbp",
    "sterling": "gbp",
    "gbp": "gbp",
    "yen": "jpy",
    "yuan": "cny",
    "renminbi": "cny",
    "rupee": "inr",
    "rouble": "rub",
    "ruble": "rub",
    "hryvnia": "uah",
    "hryvnias": "uah",
    "franc": "chf",
    "won": "krw",
    "lira": "try",
    "shekel": "ils",
    "naira": "ngn",
    "peso": "mxn",
    "real": "brl",
    "reais": "brl",
    "rand": "zar",
    "zloty": "pln",
    "krona": "sek",
    "krone": "nok",
    "dirham": "aed",
    "riyal": "sar",
    "koruna": "czk",
    "korun": "czk",
    "forint": "huf",
    "leu": "ron",
    "lei": "ron",
    "lev": "bgn",
    "leva": "bgn",
    "kuna": "hrk",
    "denar": "mkd",
    "tenge": "kzt",
    "lari": "gel",
    "dram": "amd",
    "ringgit": "myr",
    "baht": "thb",
    "rupiah": "idr",
    "dong": "vnd",
    "taka": "bdt",
    "kyat": "mmk",
    "cedi": "ghs",
    "birr": "etb",
    "bitcoin": "btc",
}
MEASURE_UNITS = {
    "km": "km",
    "kilometre": "km",
    "kilometer": "km",
    "mile": "mile",
    "mi": "mile",
    "metre": "m",
    "meter": "m",
    "m": "m",
    "cm": "cm",
    "mm": "mm",
    "foot": "ft",
    "feet": "ft",
    "ft": "ft",
    "inch": "inch",
    "yard": "yard",
    "kg": "kg",
    "kilogram": "kg",
    "kilo": "kg",
    "gram": "g",
    "g": "g",
    "tonne": "tonne",
    "ton": "tonne",
    "t": "tonne",
    "pound": "lb",
    "lb": "lb",
    "litre": "l",
    "liter": "l",
    "barrel": "barrel",
    "gallon": "gallon",
    "degree": "degree",
    "hectare": "ha",
    "acre": "acre",
    "square": "square",
    "mph": "mph",
    "knot": "knot",
    "megawatt": "mw",
    "mw": "mw",
    "gigawatt": "gw",
    "gw": "gw",
    "kwh": "kwh",
}
TIME_UNITS = {
    "second": "second",
    "minute": "minute",
    "hour": "hour",
    "day": "day",
    "week": "week",
    "month": "month",
    "year": "year",
    "decade": "decade",
    "century": "century",
}
CURRENCY_CODES = frozenset(CURRENCY_SYMBOLS.values()) | frozenset(CURRENCY_WORDS.values())
DOLLARS = frozenset({"usd", "aud", "cad", "hkd", "nzd", "sgd", "twd"})
# One sign or name, several currencies: the country of the page decides which one it means.
SHARED_CURRENCY_NAMES: dict[str, frozenset[str]] = {
    "$": DOLLARS,
    "dollar": DOLLARS,
    "¥": frozenset({"jpy", "cny"}),
    "peso": frozenset({"mxn", "php", "ars", "clp", "cop"}),
    "rupee": frozenset({"inr", "pkr", "lkr", "npr"}),
    "franc": frozenset({"chf", "xof", "xaf"}),
    "pound": frozenset({"gbp", "egp"}),
    "krona": frozenset({"sek", "isk"}),
    "krone": frozenset({"nok", "dkk"}),
    "riyal": frozenset({"sar", "qar", "omr"}),
    "dirham": frozenset({"aed", "mad"}),
}
# Nouns that only say 'a sum': 'a total of $5 million' names nothing the sum is of.
SUM_NOUNS = frozenset(
    {"total", "sum", "amount", "value", "figure", "tune", "worth", "estimate", "average", "excess"}
)
PEOPLE_NOUNS = frozenset({"people", "person", "persons", "individuals"})
OTHERS = frozenset({"other", "others"})  # '34 others were injured': more people
_LABEL = re.compile(r"^[ \t]*(?:[-*\u2022][ \t]*)?([A-Za-z][A-Za-z ]{0,30}):[ \t]*$")
HEDGES = re.compile(
    r"^(about|around|approximately|roughly|nearly|almost|some|over|under|more than|less than|"
    r"fewer than|at least|at most|up to|an estimated|just over|just under|close to|the|"
    r"a total of)\s+",
    re.IGNORECASE,
)


def extract_numbers(
    doc: Doc, durations: Iterable[Span], dates: Iterable[DateMention]
) -> list[NumberMention]:
    """Number mentions from the NER spans and the durations the date annotator set aside."""
    date_ranges = [(d.start, d.end) for d in dates]
    spans: list[tuple[Span, str]] = []
    for ent in doc.ents:
        if ent.label_ in NUMBER_LABELS and not _inside(ent.start_char, ent.end_char, date_ranges):
            spans.append((ent, ent.label_))
    spans.extend((span, "DURATION") for span in durations)
    taken = [(span.start_char, span.end_char) for span, _label in spans] + date_ranges
    out: list[NumberMention] = []
    for span, label in spans:
        mention = _number(span, label)
        if mention is not None:
            out.append(mention)
    out.extend(_missed_people_counts(doc, taken))
    out.extend(_missed_percentages(doc, taken))
    out.sort(key=lambda n: (n.start, n.end))
    return out


PERCENTAGE = re.compile(r"(?<![\w.,])\d+(?:\.\d+)?\s*(?:%|per\s?cent\b)", re.IGNORECASE)


def _missed_percentages(doc: Doc, taken: list[tuple[int, int]]) -> list[NumberMention]:
    """'at just 31 per cent': a percentage the tagger left out (it misses some after an
    adverb); written in digits with its sign or words, it is never anything else."""
    out: list[NumberMention] = []
    for match in PERCENTAGE.finditer(doc_text(doc)):
        if _inside(match.start(), match.end(), taken):
            continue
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        mention = _number(span, "PERCENT") if span is not None else None
        if mention is not None:
            out.append(mention)
    return out


def _missed_people_counts(doc: Doc, taken: list[tuple[int, int]]) -> list[NumberMention]:
    """'Eleven people were killed': the parser often misses a number word that opens a
    sentence; one that counts people a verb names is kept (a toll is what stories dispute)."""
    out: list[NumberMention] = []
    for token in doc:
        word = token.lower_
        if word not in UNITS or word in {"a", "an", "single", "dozen"} or token.dep_ != "nummod":
            continue
        if _inside(token.idx, token.idx + len(token), taken):
            continue
        counted = _counting_verb(doc[token.i : token.i + 1])
        if counted is not None:
            end = token.idx + len(token)
            out.append(
                NumberMention(token.idx, end, token.text, float(UNITS[word]), "people", counted)
            )
    return out


def _inside(start: int, end: int, ranges: list[tuple[int, int]]) -> bool:
    return any((s <= start and end <= e) or (start < e and s < end) for s, e in ranges)


def _number(span: Span, label: str) -> NumberMention | None:
    currency_at = _currency_after(span)
    if label == "CARDINAL" and currency_at:  # "62 million koruna", "a 100,000-koruna reward"
        span, label = span.doc[span.start : currency_at + 1], "MONEY"
    text = span.text
    ordinal = label == "ORDINAL" or bool(re.search(r"\d+(st|nd|rd|th)\b", text))
    value = parse_value(text, ordinal)
    if value is None:
        return None
    unit = _unit(span, label)
    counted = _counted(span, unit)
    if counted is None and unit is None:
        counted = _tally_of(span)
    if counted is None and label == "MONEY":
        counted = _money_spent_on(span) or _sum_of(span)
    if unit == "percent" or unit in CURRENCY_CODES:
        counted = _stance(span) or counted
    if unit == "percent" and counted is None:
        counted = _level_of(span)
    told = _label_count(span) or _counting_verb(span) if unit is None else None
    if told is not None:
        return NumberMention(span.start_char, span.end_char, text, float(value), "people", told)
    if unit is None and counted in PEOPLE_NOUNS:
        unit = "people"
    return NumberMention(
        start=span.start_char,
        end=span.end_char,
        text=text,
        value=float(value),
        unit=unit,
        counted=counted,
        ordinal=ordinal,
    )


_AND_A_HALF = re.compile(r"\s+and\s+a\s+half\b")


def parse_value(text: str, ordinal: bool = False) -> float | None:
    """The number a span writes, in digits or words ('1,200', '3.5 million', 'twenty-one')."""
    cleaned = text.lower().replace("per cent", "").replace("percent", "")
    for symbol in sorted(CURRENCY_SYMBOLS, key=len, reverse=True):
        cleaned = cleaned.replace(symbol, " ")
    cleaned = cleaned.replace("%", " ").strip()
    cleaned = HEDGES.sub("", cleaned).strip()
    half = 0.5 if _AND_A_HALF.search(cleaned) and not ordinal else 0.0
    cleaned = _AND_A_HALF.sub(" ", cleaned)
    digits = re.search(r"(\d[\d,]*(?:\.\d+)?)\s*(st|nd|rd|th)?\b", cleaned)
    if digits:
        number = float(digits.group(1).replace(",", ""))
        rest = cleaned[digits.end() :].lstrip(" -‐–").split()  # '1.84-billion'
        scale = SCALES.get(rest[0].rstrip(".")) if rest else None
        if scale is None:
            suffix = re.match(r"\d[\d,.]*(k|m|mn|bn|b|tn)\b", cleaned[digits.start() :])
            scale = SCALES.get(suffix.group(1)) if suffix else None
        return (number + half) * (scale or 1) if not ordinal else number
    words = word_to_number(cleaned, ordinal)
    return words + half if words is not None else None


def word_to_number(text: str, ordinal: bool = False) -> float | None:
    """'five', 'twenty-one', 'three hundred thousand', 'third', 'twenty-first'."""
    words = re.split(r"[\s-]+", text.lower().strip())
    total = 0.0
    current = 0.0
    seen = False
    for word in words:
        if word in {"and", ""}:
            continue
        if word.isdigit():
            current += float(word)
        elif word in UNITS:
            current += UNITS[word]
        elif word in TENS:
            current += TENS[word]
        elif word in ORDINAL_WORDS:
            value = ORDINAL_WORDS[word]
            if value >= 100 and current:
                current *= value
            else:
                current += value
        elif word in SCALES and word not in {"k", "m", "mn", "bn", "b", "tn"}:
            scale = SCALES[word]
            current = (current or 1) * scale
            if scale >= 1000:
                total += current
                current = 0
        else:
            if seen:
                break
            continue
        seen = True
    if not seen:
        return None
    return total + current


@cache
def _counted_table() -> dict[str, Any]:
    """counted.json, read once: people verbs and money verbs share it with the synonyms."""
    data = resources.files("storylens.annotate.lexicons").joinpath("counted.json")
    return json.loads(data.read_text(encoding="utf-8"))


def _people_verbs() -> dict[str, dict[str, str]]:
    """Verbs (and verb + object) that say what a count of people counts, by the count's role."""
    table = _counted_table()["people_verbs"]
    return {"object": table["object"], "subject": table["subject"]}


def _money_verbs() -> dict[str, list[str]]:
    """Verbs of spending and the prepositions that name what the money is spent on."""
    return {k: v for k, v in _counted_table()["money_verbs"].items() if not k.startswith("_")}


def _money_spent_on(span: Span) -> str | None:
    """'spend $8.6 billion on a plant' counts the plant, as '$8.6 billion plant' does, so the
    two wordings of one investment meet; '9.4 trillion won ($6.8 billion) on a plant' gives
    the bracketed conversion the same thing. A named place ('invest $2 billion in Peru') is
    where the money goes, not what it buys."""
    token = span.root
    while token.dep_ == "appos" and token.head is not token:
        token = token.head
    if token.dep_ != "dobj":
        return None
    verb = token.head
    preps = _money_verbs().get(verb.lemma_.lower())
    if not preps:
        return None
    for parent in (*span, token, verb):  # the parser may hang 'on' on any word of the sum
        for prep in parent.children:
            if prep.dep_ != "prep" or prep.lower_ not in preps:
                continue
            for thing in prep.children:
                if thing.dep_ == "pobj" and thing.pos_ == "NOUN":
                    return _noun_lemma(thing)
    return None


def possible_currencies(text: str, unit: str) -> frozenset[str]:
    """Every currency a sum's wording can mean: 'R$ 240 million' is reais only, a bare
    '$240 million' any dollar, '5 million pesos' any peso."""
    lower = text.lower()
    for symbol in sorted(CURRENCY_SYMBOLS, key=len, reverse=True):
        if symbol in lower:
            return SHARED_CURRENCY_NAMES.get(symbol, frozenset({unit}))
    for word in re.findall(r"[a-z]+", lower):
        for name in (word, word[:-1] if word.endswith("s") else word):
            if name in SHARED_CURRENCY_NAMES:
                return SHARED_CURRENCY_NAMES[name]
    return frozenset({unit})


def _sum_of(span: Span) -> str | None:
    """'The package of almost €2.4 billion' is the package's size, as '€2.35 billion package'
    is: the noun a sum is 'of' is what it counts, so the two wordings meet. 'a total of'
    names nothing."""
    root = span.root
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ != "of" or prep.i >= span.start:
        return None
    noun = prep.head
    if noun.pos_ != "NOUN" or noun.i >= span.start or noun.lemma_.lower() in SUM_NOUNS:
        return None
    return _noun_lemma(noun)


@cache
def stance_words() -> frozenset[str]:
    """The words a stance is counted as ('offer', 'demand'), for the compare stage."""
    return frozenset(word for group in _stances().values() for word in group.values())


def _stances() -> dict[str, dict[str, str]]:
    """counted.json's verbs and nouns of offering and demanding, by how they reach the sum."""
    return {k: v for k, v in _counted_table()["stances"].items() if not k.startswith("_")}


def _stance(span: Span) -> str | None:
    """'offer' or 'demand' when a verb or noun of offering or demanding acts on the sum: the
    union's demand and the employer's offer are two quantities, while 'offered a 9% pay rise'
    and 'has offered 4.5%' give one (the offer) whatever noun follows the number."""
    lexicon = _stances()
    root = span.root
    node = root
    modifier = root.dep_ in {"nummod", "compound", "amod", "quantmod", "npadvmod", "nmod"}
    if modifier and root.head.i >= span.end and root.head.pos_ == "NOUN":
        node = root.head  # 'a 9% pay rise': the rise is what the verb acts on
    for child in node.children:  # '4.5% offered before the strike'
        if child.dep_ == "acl" and child.lemma_.lower() in lexicon["verbs"]:
            return lexicon["verbs"][child.lemma_.lower()]
    head = node.head
    if node.dep_ in {"dobj", "nsubjpass", "npadvmod"} and head.pos_ in {"VERB", "AUX"}:
        return _verb_stance(head, lexicon)
    if node.dep_ != "pobj":
        return None
    prep = head
    governor = prep.head
    if prep.lower_ == "to" and governor.dep_ == "prep" and governor.lower_ == "from":
        governor = governor.head  # 'from 4.5% to 5.2%': 'to' hangs on 'from'
    told = lexicon["verb_preps"].get(f"{governor.lemma_.lower()} {prep.lower_}")
    if told or prep.lower_ not in {"of", "from", "to"}:
        return told
    if governor.pos_ == "NOUN":  # 'an offer of 4.5%'
        return lexicon["nouns"].get(governor.lemma_.lower())
    for thing in governor.children:  # 'raised its offer from 4.5% to 5.2%'
        if thing.dep_ == "dobj" and thing.lemma_.lower() in lexicon["nouns"]:
            return lexicon["nouns"][thing.lemma_.lower()]
    return None


def _verb_stance(verb: Token, lexicon: dict[str, dict[str, str]]) -> str | None:
    """The stance of a verb acting on a sum: 'offered 4.5%', 'put 4.5% on the table'."""
    lemma = verb.lemma_.lower()
    if lemma in lexicon["verbs"]:
        return lexicon["verbs"][lemma]
    for prep in verb.children:
        if prep.dep_ != "prep":
            continue
        for thing in prep.children:
            key = f"{lemma} {prep.lower_} {thing.lemma_.lower()}"
            if thing.dep_ == "pobj" and key in lexicon["verb_places"]:
                return lexicon["verb_places"][key]
    return None


def _counting_verb(span: Span) -> str | None:
    """What a count of people counts, told by its verb: 'killing 11 people', '43 were hurt',
    '17 people lost their lives', 'claimed 23 lives' -> 'death' / 'injured'. The subject of an
    active 'kill' is the killer, so such verbs count only their object or passive subject;
    'nine of the injured' is a part, not the count."""
    root = span.root
    noun = root.head if root.dep_ in {"nummod", "quantmod"} and root.head.i >= span.end else root
    verbs = _people_verbs()
    if noun is not root and noun.lemma_.lower() not in PEOPLE_NOUNS | OTHERS:
        if noun.dep_ != "dobj" or any(child.lower_ == "of" for child in noun.children):
            return None
        return verbs["object"].get(f"{noun.head.lemma_.lower()} {noun.lemma_.lower()}")
    if noun is root and root.pos_ != "NUM" and root.lower_ not in OTHERS:
        return None
    if any(child.lower_ == "of" for child in noun.children):
        return None
    verb = noun.head
    if noun.dep_ in {"dobj", "nsubjpass"} or _bare_object(noun):
        return verbs["object"].get(verb.lemma_.lower())
    if noun.dep_ != "nsubj":
        return None
    objects = [c.lemma_.lower() for c in verb.children if c.dep_ == "dobj"]
    for phrase in [f"{verb.lemma_.lower()} {o}" for o in objects] + [verb.lemma_.lower()]:
        if phrase in verbs["subject"]:
            return verbs["subject"][phrase]
    complements = [c.lemma_.lower() for c in verb.children if c.dep_ == "acomp"]
    if verb.lemma_ == "be" and complements:
        return verbs["object"].get(complements[0])  # '43 are injured'
    return None


def _bare_object(number: Token) -> bool:
    """'killed 23 people and sickened 1,184': the parser hangs a bare number right after a
    verb on it as an adverbial, though the verb acts on what the number counts."""
    verb = number.head
    return (
        number.dep_ == "npadvmod"
        and number.pos_ == "NUM"
        and verb.pos_ == "VERB"
        and verb.i == number.i - 1
    )


def line_label(span: Span) -> str | None:
    """The label the number's line opens with ('Injured: 43'), lower-cased, if any."""
    text = span.doc.text
    line_start = text.rfind("\n", 0, span.start_char) + 1
    match = _LABEL.match(text[line_start : span.start_char])
    return match.group(1).strip().lower() if match else None


def _label_count(span: Span) -> str | None:
    """'Injured: 43' in a list of figures: the label says what the number counts."""
    label = line_label(span)
    if label is None:
        return None
    from storylens.annotate.lexicons import counted_synonyms

    verbs = _people_verbs()["object"]
    lemma = label[:-2] if label.endswith("ed") else label
    return counted_synonyms().get(label) or verbs.get(lemma) or verbs.get(lemma + "e")


def _currency_after(span: Span) -> int | None:
    """Where the word after the number (or after its hyphen) names a currency the tagger did
    not take into the span."""
    at = span.end + 1 if span.end < len(span.doc) and span.doc[span.end].text == "-" else span.end
    if at >= len(span.doc):
        return None
    word = span.doc[at]
    named = word.lemma_.lower() in CURRENCY_WORDS or word.lower_ in CURRENCY_WORDS
    return at if named and word.pos_ in {"NOUN", "PROPN"} else None


def _unit(span: Span, label: str) -> str | None:
    lower = span.text.lower()
    if label == "PERCENT" or "%" in lower or "percent" in lower or "per cent" in lower:
        return "percent"
    if label == "MONEY":
        for symbol in sorted(CURRENCY_SYMBOLS, key=len, reverse=True):
            if symbol in lower:
                return CURRENCY_SYMBOLS[symbol]
        for token in span:
            code = CURRENCY_WORDS.get(token.lemma_.lower()) or CURRENCY_WORDS.get(token.lower_)
            if code:
                return code
        return None
    for token in reversed(list(span)):
        lemma = token.lemma_.lower()
        if lemma in TIME_UNITS:
            return TIME_UNITS[lemma]
        if label == "QUANTITY" and lemma in MEASURE_UNITS:
            return MEASURE_UNITS[lemma]
    if label == "QUANTITY":
        last = span[-1].lemma_.lower()
        return MEASURE_UNITS.get(last, last if span[-1].is_alpha else None)
    return None


def _counted(span: Span, unit: str | None) -> str | None:
    """Lemma of the noun the number counts: the noun it modifies, or the one right after it."""
    root = span.root
    head = root.head
    modifies = root.dep_ in {"nummod", "amod", "compound", "quantmod", "npadvmod", "nmod"}
    if modifies and head.i >= span.end and head.pos_ in {"NOUN", "PROPN"}:
        return _noun_lemma(head)
    if span.end < len(span.doc):
        after = span.doc[span.end]
        if after.pos_ == "NOUN" and after.head.i != span.end and root.head.i == after.i:
            return _noun_lemma(after)
    if root.pos_ == "NOUN" and root.lemma_.lower() not in TIME_UNITS and unit is None:
        return _noun_lemma(root)
    return _part_of_whole(span)


LEVEL_PREPOSITIONS = frozenset({"to", "from", "at", "of"})


def _level_of(span: Span) -> str | None:
    """What a percentage is the level of: 'inflation of 7.4%', 'inflation rose to 7.4%',
    'raised its base rate to 6.75%', '..., taking it to 6.25%' (it: the rate just raised)."""
    label = line_label(span)
    if label is not None:  # "Base rate: 6.75%", "August inflation: 7.5%"
        return label.split()[-1].rstrip("s") or None
    root = span.root
    if root.dep_ in {"dobj", "attr"} and root.head.pos_ in {"VERB", "AUX"}:
        subject = next((c for c in root.head.children if c.dep_ == "nsubj"), None)
        named = subject is not None and subject.pos_ in {"NOUN", "PROPN"}
        return subject.lemma_.lower() if named else None
    prep = root.head
    if root.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in LEVEL_PREPOSITIONS:
        return None
    holder = prep.head
    if holder.lower_ in {"up", "down"} and holder.head.pos_ == "VERB":
        holder = holder.head  # "revised inflation up to 7.5%"
    if prep.lower_ == "of":
        return _noun_lemma(holder) if holder.pos_ == "NOUN" else None
    if prep.lower_ == "at" and holder.pos_ == "NOUN":  # "approval at 31 per cent"
        return _noun_lemma(holder)
    if holder.pos_ != "VERB":
        return None
    return _level_noun(holder)


def _level_noun(verb: Token) -> str | None:
    """The object a verb moves ('raised the rate'), else its subject ('inflation rose')."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is not None and obj.pos_ == "PRON" and verb.dep_ in {"advcl", "conj", "xcomp"}:
        return _level_noun(verb.head) if verb.head.pos_ == "VERB" else None
    if obj is not None:
        return _noun_lemma(obj) if obj.pos_ == "NOUN" else None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return _noun_lemma(subject) if subject is not None and subject.pos_ == "NOUN" else None


def _tally_of(span: Span) -> str | None:
    """'a crowd of 17,850', 'the official attendance is 17,850': a noun the lexicon counts,
    of which the number is the size."""
    from storylens.annotate.lexicons import counted_synonyms

    root = span.root
    head = root.head
    if root.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN":
        return counted_synonyms().get(head.head.lemma_.lower())
    if root.dep_ == "attr" and head.lemma_ == "be":
        subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.pos_ == "NOUN":
            return counted_synonyms().get(subject.lemma_.lower())
    return None


def _part_of_whole(span: Span) -> str | None:
    """'24 of the 43 seats', "26 of the council's 43 seats": the part counts what the whole
    counts."""
    doc = span.doc
    if span.end + 1 >= len(doc) or doc[span.end].lower_ != "of":
        return None
    for token in doc[span.end + 1 : span.end + 6]:
        if token.pos_ == "NOUN" and any(c.dep_ == "nummod" for c in token.children):
            return _noun_lemma(token)
        if token.is_punct or token.pos_ in {"VERB", "AUX"}:
            return None
    return None


def _noun_lemma(token: Token) -> str:
    lemma = token.lemma_.lower()
    return lemma if lemma != "-pron-" else token.lower_


@dataclass(frozen=True)
class Pair:
    """A score or a vote split: two numbers whose order says who has which. ``sides`` maps a
    side's name (as written) to its number, for the sides the wording tells; ``phase`` is
    'half-time', 'result' or 'vote', or None for a pair nothing dates (a running score)."""

    start: int
    end: int
    text: str
    high: int
    low: int
    sides: tuple[tuple[str, int], ...]
    phase: str | None


_DIGIT_PAIR = re.compile(r"(?<![\w.,:/\-–])(\d{1,3}) ?[-–] ?(\d{1,3})(?![\w:/%\-–]|[.,]\d)")
_WORD_PAIR = re.compile(r"\b([a-z]+|\d{1,3}) votes? to ([a-z]+|\d{1,3})\b", re.IGNORECASE)
_NAME = re.compile(r"(?:[A-ZÀ-ÖØ-Þ][\w'’.-]*\s?)+$")
_NAME_AFTER = re.compile(r"^\s*((?:[A-ZÀ-ÖØ-Þ][\w'’-]*\s?)+)")
_CLAUSE_END = re.compile(r"[.;:!?]\s|\s[-–—]\s|\(|\)")
_SENTENCE_END = re.compile(r"[.;?]\s")


def _pair_words() -> dict[str, frozenset[str]]:
    """counted.json's words of winning, losing, match phases and votes."""
    table = _counted_table()["pairs"]
    return {k: frozenset(v) for k, v in table.items() if not k.startswith("_")}


def _pair_value(word: str) -> int | None:
    value = word_to_number(word) if not word.isdigit() else float(word)
    return int(value) if value is not None and float(value).is_integer() else None


def find_pairs(text: str) -> list[Pair]:
    """Scores and vote splits in one line of text: 'A 1-2 B', 'A beat B 3-2', 'B lost 3-2 to
    A', 'A were 2-1 up at the break', 'voted 7-2', 'by seven votes to two'. A pair with no
    word of a match or a vote around it (a range, '3-4 March') is no pair; a bare 'A 1-1 B'
    line is a running score (phase None)."""
    found: list[Pair] = []
    for match in [*_DIGIT_PAIR.finditer(text), *_WORD_PAIR.finditer(text)]:
        first, second = _pair_value(match.group(1)), _pair_value(match.group(2))
        if first is None or second is None:
            continue
        pair = _read_pair(text, match.start(), match.end(), first, second)
        if pair is not None:
            found.append(pair)
    return sorted(found, key=lambda p: p.start)


def _read_pair(text: str, start: int, end: int, first: int, second: int) -> Pair | None:
    """The sides and the phase of the pair at text[start:end]."""
    words = _pair_words()
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    before_line = text[line_start:start]
    clause_breaks = list(_CLAUSE_END.finditer(before_line))
    before = before_line[clause_breaks[-1].end() :] if clause_breaks else before_line
    after_line = text[end:line_end]
    after_break = _CLAUSE_END.search(after_line + ". ")
    after = after_line[: after_break.start() if after_break else len(after_line)]
    near_before = fold(before).split()
    near_after = fold(after).split()
    around = " ".join([*near_before[-6:], "_", *near_after[:6]])
    ends = list(_SENTENCE_END.finditer(before_line))
    heading = fold(before_line[ends[-1].end() :] if ends else before_line)[-40:]
    pair_text = text[start:end]
    high, low = max(first, second), min(first, second)
    lower_near = [w for w in (*before.split()[-4:], *after.split()[:2]) if w.islower()]
    if "vote" in pair_text.lower() or _has(words["vote"], " ".join([*lower_near, heading])):
        return Pair(start, end, pair_text, high, low, (), "vote")
    sides = _sides(before, after, first, second, words)
    phase = _phase(heading, around, words)
    if phase is None and not sides:
        return None  # a range or a code, not a score
    return Pair(start, end, pair_text, high, low, tuple(sides.items()), phase)


def _has(words: frozenset[str], text: str) -> bool:
    return any(re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", text) for w in words)


def _phase(line_before: str, around: str, words: dict[str, frozenset[str]]) -> str | None:
    """'half-time' when a word of the break is near the pair or opens its line ('HALF-TIME:
    A 1-2 B'), 'result' when a word of the final whistle is, or a verb of winning or losing
    is next to it; None otherwise (a running score)."""
    if _has(words["half_time"], around) or _has(words["half_time"], line_before):
        return "half-time"
    if _has(words["full_time"], around) or _has(words["full_time"], line_before):
        return "result"
    if _has(words["result"], around):
        return "result"
    return None


_LEADING = frozenset(
    {"the", "a", "an", "on", "in", "at", "after", "but", "and", "when", "while", "monday"}
    | {"tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "last", "then"}
)
_AUX = ("were", "was", "are", "is", "had", "have", "has", "been")


def _name_before(text: str) -> str | None:
    """The capitalised name that ends the text ('... to beat Harbour Town Rovers' -> 'Harbour
    Town Rovers'), without a capitalised opening word ('The', 'On'); a shouted heading is none."""
    match = _NAME.search(text.rstrip())
    if match is None:
        return None
    names = match.group(0).split()
    while names and fold(names[0]) in _LEADING:
        names = names[1:]
    name = " ".join(names).strip(".")
    return name if name and not (name.isupper() and len(name) > 5) else None


def _subject_before(text: str) -> str | None:
    """The name a verb's clause opens with, past auxiliaries and a comma: 'A were', 'A,'."""
    text = text.rstrip().rstrip(",").rstrip()
    for aux in _AUX:
        if text.endswith(" " + aux):
            text = text[: -len(aux)].rstrip().rstrip(",").rstrip()
    return _name_before(text)


def _sides(
    before: str, after: str, first: int, second: int, words: dict[str, frozenset[str]]
) -> dict[str, int]:
    """Who has which number, as far as the wording tells: 'A 1-2 B' gives both in order; a
    verb of winning gives its subject the higher number and its object the lower ('A beat B
    3-2', 'A were 2-1 up'); a verb of losing the other way round ('B lost 3-2 to A')."""
    high, low = max(first, second), min(first, second)
    stripped = before.rstrip()
    tokens = stripped.split()
    right_match = _NAME_AFTER.match(after)
    right = _name_before(right_match.group(1)) if right_match else None
    verbs = words["win"] | words["lose"]
    left = _name_before(stripped) if stripped and not stripped.endswith(",") else None
    if left and right and stripped.endswith(left):
        opener = stripped[: -len(left)].split()
        if not opener or fold(opener[-1]) not in verbs:
            return {left: first, right: second}  # 'A 1-2 B'
    after_words = fold(after).split()
    if after_words[:1] and after_words[0] in verbs:  # 'A were 2-1 up', 'A, 2-1 up'
        subject = _subject_before(stripped)
        winning = after_words[0] in words["win"]
        return {subject: high if winning else low} if subject else {}
    for index in range(len(tokens) - 1, -1, -1):
        verb = fold(tokens[index]).strip(",")
        if verb not in verbs:
            continue
        winning = verb in words["win"]
        sides: dict[str, int] = {}
        subject = _subject_before(" ".join(tokens[:index]))
        if subject:
            sides[subject] = high if winning else low
        between = " ".join(tokens[index + 1 :])
        other = _name_before(between) if between[:1].isupper() else None
        if other and between.endswith(other) and len(other) >= len(between) - 4:
            sides[other] = low if winning else high  # 'beat B 3-2'
        to_name = re.match(r"^\s*to\s+((?:[A-ZÀ-ÖØ-Þ][\w'’-]*\s?)+)", after)
        if not winning and to_name:
            sides[to_name.group(1).strip()] = high  # 'B lost 3-2 to A'
        return sides
    return {}
