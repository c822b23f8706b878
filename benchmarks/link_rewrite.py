"""A rewrite generator for the derivation benchmarks: derived articles with a known parent.

Starting from a real article (one sentence per line), a rewrite applies transformations seen in
syndication and content farms, each with a probability scaled by ``intensity``: reordering
sentences within a paragraph, synonym substitution from a small general table, splitting and
merging sentences, deleting sentences and trailing paragraphs, inserting sentences from other
articles, editing dates, numbers, places and titles, and making details vaguer. Rewrites of
rewrites make chains. Every choice comes from a seeded ``random.Random``: same seed, same data.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field

SYNONYMS = {
    "said": "stated",
    "says": "states",
    "told": "informed",
    "announced": "declared",
    "big": "large",
    "large": "sizeable",
    "small": "minor",
    "began": "started",
    "start": "begin",
    "started": "began",
    "help": "assist",
    "helped": "assisted",
    "show": "indicate",
    "showed": "indicated",
    "buy": "purchase",
    "bought": "purchased",
    "about": "around",
    "nearly": "almost",
    "almost": "nearly",
    "also": "additionally",
    "however": "nevertheless",
    "because": "since",
    "quickly": "rapidly",
    "important": "significant",
    "major": "key",
    "people": "individuals",
    "police": "officers",
    "officials": "authorities",
    "killed": "left dead",
    "died": "lost their lives",
    "injured": "wounded",
    "hurt": "injured",
    "home": "residence",
    "house": "home",
    "car": "vehicle",
    "children": "kids",
    "try": "attempt",
    "tried": "attempted",
    "get": "obtain",
    "got": "received",
    "need": "require",
    "needed": "required",
    "enough": "sufficient",
    "many": "numerous",
    "several": "a number of",
    "whether": "if",
    "before": "prior to",
    "after": "following",
    "during": "throughout",
    "near": "close to",
    "because of": "due to",
    "company": "firm",
    "firm": "company",
    "reported": "disclosed",
    "confirmed": "verified",
    "expected": "anticipated",
    "planned": "scheduled",
    "decided": "chose",
    "agreed": "consented",
    "added": "noted",
    "explained": "clarified",
    "believe": "think",
    "believed": "thought",
    "chance": "opportunity",
    "fans": "supporters",
    "team": "side",
    "game": "match",
    "win": "victory",
    "won": "secured",
    "lost": "was defeated in",
    "attack": "assault",
    "attacks": "assaults",
    "arrested": "detained",
    "charged": "accused",
    "statement": "release",
    "week": "week",
    "month": "month",
    "according to": "as reported by",
    "spokesman": "representative",
    "spokeswoman": "representative",
    "deal": "agreement",
    "offer": "proposal",
    "plan": "scheme",
    "leader": "head",
    "area": "region",
    "city": "town",
    "country": "nation",
    "meeting": "talks",
    "increase": "rise",
    "decrease": "decline",
    "rose": "climbed",
    "fell": "dropped",
}
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
PLACES = [
    "Lisbon",
    "Nairobi",
    "Oslo",
    "Manila",
    "Lima",
    "Hanoi",
    "Accra",
    "Quito",
    "Tbilisi",
    "Dakar",
    "Perth",
    "Porto",
    "Leeds",
    "Tampa",
    "Denver",
    "Kyoto",
]
TITLES = [
    "President",
    "Prime Minister",
    "Governor",
    "Mayor",
    "Minister",
    "Senator",
    "Chancellor",
    "Secretary",
    "Chairman",
    "Director",
    "Chief",
    "Coach",
]
VAGUE_DATES = ["this week", "recently", "earlier", "lately"]
VAGUE_NUMBERS = ["several", "a number of", "dozens of", "many"]
_WEEKDAY = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b")
_MONTH = re.compile(r"\b(" + "|".join(MONTHS) + r")\b")
_NUMBER = re.compile(r"(?<![\w.])(\d{1,3}(?:,\d{3})*|\d+)(?![\w.,]\d)")
_PLACE_AFTER_IN = re.compile(r"\b(in|at|from|near) ([A-Z][a-z]{3,})\b")
_TITLE = re.compile(r"\b(" + "|".join(TITLES) + r")\b")
_VAGUE_DATE = re.compile(r"\bon (" + "|".join(WEEKDAYS) + r")\b")


@dataclass(frozen=True)
class Settings:
    intensity: float = 0.5  # 0..1: how much each rewrite changes
    children: tuple[int, int] = (1, 3)  # rewrites per base article
    chain_probability: float = 0.5  # a rewrite gets a rewrite of its own
    max_depth: int = 3


@dataclass
class Generated:
    id: str
    text: str
    parent: str | None
    root: str
    depth: int
    operations: list[str] = field(default_factory=list)


def to_paragraphs(text: str, rng: random.Random) -> list[list[str]]:
    """Sentences (one per line) grouped into paragraphs of one to three sentences."""
    sentences = [line.strip() for line in text.split("\n") if line.strip()]
    paragraphs: list[list[str]] = []
    while sentences:
        size = rng.choice((1, 2, 2, 3))
        paragraphs.append(sentences[:size])
        sentences = sentences[size:]
    return paragraphs


def render(paragraphs: list[list[str]]) -> str:
    return "\n".join(" ".join(p) for p in paragraphs if p)


def parse(text: str) -> list[list[str]]:
    """Paragraph lines back into sentences (the generator's own output only)."""
    from storylens.link.text import split_sentences

    paragraphs = []
    for line in text.split("\n"):
        paragraphs.append([line[a:b] for a, b in split_sentences(line)])
    return [p for p in paragraphs if p]


def _keep_case(original: str, replacement: str) -> str:
    return replacement[:1].upper() + replacement[1:] if original[:1].isupper() else replacement


def substitute_synonyms(sentence: str, rng: random.Random, p: float) -> str:
    def swap(match: re.Match[str]) -> str:
        word = match.group(0)
        target = SYNONYMS.get(word.lower())
        if target and target != word.lower() and rng.random() < p:
            return _keep_case(word, target)
        return word

    return re.sub(r"\b[A-Za-z]+(?: of| to)?\b", swap, sentence)


def edit_values(sentence: str, rng: random.Random, p: float, ops: list[str]) -> str:
    """Change one date, number, place or title of the sentence (a planted disagreement)."""
    editors = [
        ("date", _WEEKDAY, lambda m: rng.choice([d for d in WEEKDAYS if d != m.group(0)])),
        ("date", _MONTH, lambda m: rng.choice([d for d in MONTHS if d != m.group(0)])),
        (
            "number",
            _NUMBER,
            lambda m: str(max(1, int(m.group(0).replace(",", "")) + rng.randint(1, 9))),
        ),
        ("place", _PLACE_AFTER_IN, lambda m: f"{m.group(1)} {rng.choice(PLACES)}"),
        ("title", _TITLE, lambda m: rng.choice([t for t in TITLES if t != m.group(0)])),
    ]
    rng.shuffle(editors)
    for name, pattern, replace in editors:
        if pattern.search(sentence) and rng.random() < p:
            ops.append(f"edit-{name}")
            return pattern.sub(replace, sentence, count=1)
    return sentence


def make_vague(sentence: str, rng: random.Random, p: float, ops: list[str]) -> str:
    """Rewriters lose detail: an exact day or figure becomes a vague one."""
    if _VAGUE_DATE.search(sentence) and rng.random() < p:
        ops.append("vague-date")
        return _VAGUE_DATE.sub(rng.choice(VAGUE_DATES), sentence, count=1)
    match = re.search(r"\b(\d{2,}) (?=[a-z])", sentence)
    if match and rng.random() < p:
        ops.append("vague-number")
        return sentence[: match.start()] + rng.choice(VAGUE_NUMBERS) + " " + sentence[match.end() :]
    return sentence


def split_sentence(sentence: str) -> list[str] | None:
    """Cut at a conjunction or semicolon when both halves can stand alone."""
    for joint, opener in ((", and ", ""), ("; ", ""), (", but ", "But "), (", while ", "While ")):
        head, found, tail = sentence.partition(joint)
        if found and len(head.split()) >= 5 and len(tail.split()) >= 5:
            tail = tail.rstrip()
            if not tail.endswith((".", "!", "?", "”", '"')):
                tail += "."
            second = opener + tail if opener else tail[:1].upper() + tail[1:]
            return [head.rstrip(",;") + ".", second]
    return None


def merge_sentences(first: str, second: str) -> str:
    body = first.rstrip()
    if body.endswith("."):
        body = body[:-1]
    word = second.split(" ", 1)[0]
    if word in ("The", "A", "An", "He", "She", "It", "They", "This", "That", "We", "There"):
        second = word.lower() + second[len(word) :]
    return f"{body}, and {second}"


def rewrite(
    text: str, rng: random.Random, intensity: float, donors: list[str]
) -> tuple[str, list[str]]:
    """One rewrite of ``text``; ``donors`` are sentences of other articles it may insert."""
    p = max(0.0, min(1.0, intensity))
    ops: list[str] = []
    paragraphs = parse(text)
    if rng.random() < 0.5 * p and len(paragraphs) > 4:  # truncation of the tail
        cut = rng.randint(max(3, int(len(paragraphs) * 0.6)), len(paragraphs) - 1)
        paragraphs = paragraphs[:cut]
        ops.append("truncate")
    out: list[list[str]] = []
    for paragraph in paragraphs:
        sentences = [s for s in paragraph if not (rng.random() < 0.2 * p and len(paragraph) > 0)]
        if len(sentences) < len(paragraph):
            ops.append("delete")
        if len(sentences) >= 2 and rng.random() < 0.4 * p:
            k = rng.randrange(len(sentences) - 1)
            sentences[k], sentences[k + 1] = sentences[k + 1], sentences[k]
            ops.append("reorder")
        changed: list[str] = []
        for sentence in sentences:
            sentence = substitute_synonyms(sentence, rng, 0.5 * p)
            sentence = edit_values(sentence, rng, 0.15 * p, ops)
            sentence = make_vague(sentence, rng, 0.2 * p, ops)
            pieces = split_sentence(sentence) if rng.random() < 0.25 * p else None
            if pieces:
                ops.append("split")
                changed += pieces
            else:
                changed.append(sentence)
        if len(changed) >= 2 and rng.random() < 0.2 * p:
            k = rng.randrange(len(changed) - 1)
            changed[k : k + 2] = [merge_sentences(changed[k], changed[k + 1])]
            ops.append("merge")
        if changed:
            out.append(changed)
    if donors and rng.random() < 0.6 * p:
        for _ in range(rng.randint(1, 3)):
            position = rng.randrange(len(out) + 1)
            out.insert(position, [rng.choice(donors)])
        ops.append("insert")
    if not out:
        out = [paragraphs[0]] if paragraphs else [[text]]
    return render(out), ops


def rewrite_tree(
    base_id: str,
    base_text: str,
    rng: random.Random,
    settings: Settings,
    donors: list[str],
) -> list[Generated]:
    """The base article (paragraphed) and its rewrites, rewrites of rewrites down to max_depth."""
    base = Generated(base_id, render(to_paragraphs(base_text, rng)), None, base_id, 0)
    made = [base]
    frontier = [base]
    counter = 0
    while frontier:
        node = frontier.pop(0)
        if node.depth >= settings.max_depth:
            continue
        if node.depth == 0:
            count = rng.randint(*settings.children)
        else:
            count = 1 if rng.random() < settings.chain_probability else 0
        for _ in range(count):
            counter += 1
            text, ops = rewrite(node.text, rng, settings.intensity, donors)
            child = Generated(f"{base_id}-r{counter}", text, node.id, base_id, node.depth + 1, ops)
            made.append(child)
            frontier.append(child)
    return made
