"""General lexicon of offices: which words are titles, which seats have one holder, which clash."""

from __future__ import annotations

from functools import cache

from storylens.annotate.lexicons import offices

HONORIFICS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "miss",
        "mx",
        "dr",
        "sir",
        "dame",
        "lord",
        "lady",
        "prof",
        "professor",
        "rev",
        "reverend",
        "hon",
        "honourable",
    ]
)
# Words that sit in front of a name as part of a title ("Deputy Foreign Minister").
OFFICE_WORDS = frozenset(
    [
        "president",
        "vice",
        "prime",
        "minister",
        "chancellor",
        "premier",
        "king",
        "queen",
        "prince",
        "princess",
        "emperor",
        "pope",
        "monarch",
        "senator",
        "governor",
        "mayor",
        "secretary",
        "general",
        "chief",
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "ambassador",
        "envoy",
        "leader",
        "chairman",
        "chairwoman",
        "chair",
        "ceo",
        "director",
        "commander",
        "deputy",
        "foreign",
        "defence",
        "defense",
        "interior",
        "finance",
        "former",
        "elect",
        "newly-elected",
        "acting",
        "opposition",
        "sheikh",
        "judge",
        "justice",
        "colonel",
        "captain",
        "lieutenant",
        "sergeant",
        "admiral",
        "representative",
        "rep",
        "sen",
        "gov",
        "gen",
    ]
)
# Offices a country has one of at a time: the seat that "role-holder" conflicts are about.
HEAD_OFFICES = frozenset(
    {
        "president",
        "prime minister",
        "chancellor",
        "premier",
        "king",
        "queen",
        "monarch",
        "emperor",
        "pope",
        "head of state",
        "head of government",
    }
)
LEADER_OFFICES = HEAD_OFFICES | {"leader"}
SINGLE_SEAT = HEAD_OFFICES | {
    "vice president",
    "governor",
    "mayor",
    "secretary-general",
    "secretary general",
    "foreign policy chief",
    "speaker",
    "chief executive",
    "chair",
    "coach",
    "chief justice",
    "attorney general",
    "solicitor general",
    "auditor general",
    "inspector general",
    "surgeon general",
}
SHARED_SEAT_WORDS = frozenset(
    [
        "deputy",
        "assistant",
        "junior",
        "state",
        "envoy",
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "official",
        "member",
    ]
)

# Words annotators return as a jurisdiction that name no body ("Regional Governor").
NOT_JURISDICTIONS = frozenset(
    {"regional", "local", "national", "federal", "state", "provincial", "municipal", "city"}
    | {"district", "county", "the country", "country", "government", "international"}
)
# Roles on opposite sides of one matter: one person does not hold both.
OPPOSING_ROLES = (
    (
        frozenset({"prosecutor", "public prosecutor", "state prosecutor", "district attorney"}),
        frozenset({"defence lawyer", "defense lawyer", "defence attorney", "defense attorney"})
        | frozenset({"defence counsel", "defense counsel", "public defender"}),
    ),
)

STATUS_ALIASES = {
    "": "current",
    "current": "current",
    "incumbent": "current",
    "sitting": "current",
    "outgoing": "current",
    "former": "former",
    "ex": "former",
    "elect": "elect",
    "newly-elected": "elect",
    "president-elect": "elect",
    "acting": "acting",
    "interim": "acting",
    "opposition": "opposition",
}


def normalize_status(status: str | None, office: str | None = None) -> str:
    """One of current / former / elect / acting / opposition."""
    if office and "opposition" in office.split():
        return "opposition"
    return STATUS_ALIASES.get((status or "").strip().lower(), "current")


OFFICE_SYNONYMS = {
    "premier": "prime minister",
    "pm": "prime minister",
    "ceo": "chief executive",
    "chief executive officer": "chief executive",
    "chairwoman": "chair",
    "chairman": "chair",
    "chairperson": "chair",
    "head coach": "coach",
    "judge": "justice",
    "defense lawyer": "defence lawyer",
    "defense attorney": "defence lawyer",
    "defence attorney": "defence lawyer",
    "defense counsel": "defence lawyer",
    "defence counsel": "defence lawyer",
    "manager": "coach",
    "defense minister": "defence minister",
}


def bare_office(office: str | None) -> str:
    """The office without status words, in one spelling: 'former premier' -> 'prime minister'."""
    words = [
        w
        for w in (office or "").lower().replace("-", " ").split()
        if w not in {"former", "elect", "acting", "interim", "newly", "elected", "opposition", "ex"}
    ]
    bare = " ".join(words)
    return OFFICE_SYNONYMS.get(bare, bare)


def office_family(office: str | None) -> str:
    """'leader' for heads of state/government (what 'the X leader' can mean), else the office."""
    bare = bare_office(office)
    return "leader" if bare in LEADER_OFFICES else bare


AREA_MARK = " for "  # annotate writes a post's area after its office: 'representative for norvale'


def split_area(office: str) -> tuple[str, str]:
    """'regional director for africa' -> ('regional director', 'africa'); no area: ''."""
    base, _mark, area = office.partition(AREA_MARK)
    return base, area


def portfolio_set(office: str) -> frozenset[str]:
    """'industry and trade minister' -> {'industry', 'trade'}: the portfolios a post joins."""
    words = split_area(office)[0].split()[:-1]
    return frozenset(" ".join(words).split(" and ")) if words else frozenset()


# Institutions with one director at a time ('museum director', 'hospital director'); not a
# company or a board, which have many directors.
DIRECTED_INSTITUTIONS = frozenset(
    {
        "museum",
        "gallery",
        "hospital",
        "library",
        "zoo",
        "theatre",
        "theater",
        "school",
        "observatory",
        "orchestra",
        "festival",
        "institute",
        "prison",
    }
)


def heads_an_institution(office: str | None, jurisdiction: str | None) -> bool:
    """'museum director', 'director of the Lund City Museum': the one director of an
    institution, named or only by its kind."""
    if office != "director" or not jurisdiction:
        return False
    words = jurisdiction.removeprefix("name:").split()
    return bool(words) and words[-1] in DIRECTED_INSTITUTIONS


def is_single_seat(office: str | None, jurisdiction: str | None = None) -> bool:
    """True when one jurisdiction has one holder of this office at a time (a post with an
    area, one per area: 'chief executive for germany'; a director of a museum, not of a
    company)."""
    bare = split_area(bare_office(office))[0]
    if bare in SINGLE_SEAT or heads_an_institution(bare, jurisdiction):
        return True
    words = bare.split()
    if not words or words[-1] != "minister" or set(words) & SHARED_SEAT_WORDS:
        return False
    return len(words) == 2 or (len(words) > 3 and "and" in words)  # 'industry and trade minister'


# A ministry's spokesperson is its press official: not at the same time the head of another
# body (a minister may be a government's spokesperson, a chair may speak for a campaign).
DEPARTMENT_WORDS = frozenset({"ministry", "department"})
BODY_HEAD_POSTS = frozenset({"head", "chief", "director", "chief executive"})
SPOKESPERSON = "spokesperson"


# The post at the top of a body, and the head of one of its departments ('sport director',
# 'medical director'): one person is not both at once. 'Managing director' or 'executive
# director' (a qualifier, no portfolio) may be the top post itself, and 'president and chief
# executive' are often one person, so only a portfolio's director counts.
BODY_TOP_POSTS = frozenset({"president", "chair", "chief executive"})
DEPARTMENT_HEADS = frozenset({"director"})


@cache
def _portfolio_names() -> frozenset[str]:
    """Canonical portfolios ('sport', 'finance'), as offices are written after annotation."""
    return frozenset(offices().portfolios.values())


def top_and_department_posts(a: str, b: str) -> bool:
    """'president' and 'sport director' (of one body): two seats, each held alone."""
    for top, other in ((a, b), (b, a)):
        words = split_area(other)[0].split()
        if (
            top in BODY_TOP_POSTS
            and len(words) >= 2
            and words[-1] in DEPARTMENT_HEADS
            and portfolio_set(other) <= _portfolio_names()
        ):
            return True
    return False
