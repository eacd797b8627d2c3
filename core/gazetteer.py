"""General-knowledge word lists for finding actors: countries (names, demonyms, capitals), well-known
international organisations, titles and roles, reporting verbs and the capitalised words that are not names.

Country data comes from the ``countryinfo`` package (offline JSON: names, alternative spellings, capitals,
demonyms); a few plural and short demonyms it lacks ("Turks", "Kazakh") are added here. Nothing in this module
is specific to any article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

# --- countries -------------------------------------------------------------------------------------------

# Abbreviations kept from countryinfo's alternative spellings (the rest are ISO codes like "IN", "TO", "NO"
# that collide with ordinary words).
_COUNTRY_ABBREVIATIONS = frozenset(
    {"US", "U.S.", "USA", "U.S.A.", "UK", "U.K.", "UAE", "U.A.E.", "DRC", "PRC"}
)
# Capitals that are also common words or names of other places.
_AMBIGUOUS_CAPITALS = frozenset(
    {"Male", "Victoria", "Kingston", "Hamilton", "Georgetown", "The Valley", "West Island", "Jerusalem"}
)
_EXTRA_COUNTRY_FORMS: dict[str, tuple[str, ...]] = {
    # country: extra names, demonyms and metonyms countryinfo lacks
    "United States": ("U.S.", "U.S.A.", "America", "Americans"),
    "United Kingdom": ("U.K.", "Britain", "Briton", "Britons", "Brit", "Brits"),
    "Turkey": ("Turk", "Turks", "Türkiye"),
    "Kazakhstan": ("Kazakh", "Kazakhs"),
    "Uzbekistan": ("Uzbek", "Uzbeks"),
    "Tajikistan": ("Tajik", "Tajiks"),
    "Kyrgyzstan": ("Kyrgyz",),
    "Turkmenistan": ("Turkmen",),
    "Afghanistan": ("Afghan", "Afghans"),
    "Sweden": ("Swede", "Swedes"),
    "Denmark": ("Dane", "Danes"),
    "Poland": ("Pole", "Poles"),
    "Finland": ("Finn", "Finns"),
    "Spain": ("Spaniard", "Spaniards"),
    "Philippines": ("Filipino", "Filipinos"),
    "United Arab Emirates": ("UAE", "U.A.E.", "Emirati", "Emiratis"),
    "Saudi Arabia": ("Saudi", "Saudis", "Saudi Arabian"),
    "Argentina": ("Argentine", "Argentines"),
    "Netherlands": ("Dutch", "Holland"),
    "Switzerland": ("Swiss",),
    "North Korea": ("Pyongyang",),
    "South Korea": ("Seoul",),
    "China": ("Beijing", "Peking"),
    "Myanmar": ("Burmese", "Burma"),
    "Israel": ("Israelis",),
    "Ivory Coast": ("Ivorian", "Côte d'Ivoire"),
    "Democratic Republic of the Congo": ("DRC", "Congolese"),
    "Palestine": ("Palestinian", "Palestinians"),
    "Soviet Union": ("Soviet", "Soviets", "USSR", "U.S.S.R."),
}
_EXTRA_NAMES = frozenset(
    """U.S. U.S.A. America Britain Türkiye UAE U.A.E. Holland Burma DRC USSR U.S.S.R. Beijing Peking Pyongyang
    Seoul""".split()
) | {"Côte d'Ivoire", "Soviet Union"}
_NOT_COUNTRIES = frozenset({"Antarctica", "Scotland", "Wales", "Antilles néerlandaises"})
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


# --- organisations ---------------------------------------------------------------------------------------

# Well-known international organisations: canonical name -> other names.
KNOWN_ORGANIZATIONS: dict[str, tuple[str, ...]] = {
    "United Nations": ("UN", "U.N.", "United Nations Organization"),
    "UN Security Council": (
        "Security Council",
        "U.N. Security Council",
        "United Nations Security Council",
        "UNSC",
    ),
    "UN General Assembly": ("General Assembly", "U.N. General Assembly", "United Nations General Assembly"),
    "European Union": ("EU", "E.U."),
    "European Commission": (),
    "NATO": ("Nato", "North Atlantic Treaty Organization", "North Atlantic Treaty Organisation"),
    "World Health Organization": ("WHO", "World Health Organisation"),
    "International Monetary Fund": ("IMF",),
    "World Bank": (),
    "World Trade Organization": ("WTO", "World Trade Organisation"),
    "OPEC": (
        "Organization of the Petroleum Exporting Countries",
        "Organisation of Petroleum Exporting Countries",
    ),
    "Arab League": ("League of Arab States",),
    "African Union": ("AU",),
    "ASEAN": ("Association of Southeast Asian Nations",),
    "International Committee of the Red Cross": ("ICRC", "Red Cross"),
    "International Criminal Court": ("ICC",),
    "OSCE": ("Organization for Security and Co-operation in Europe",),
    "UNHCR": ("UN refugee agency",),
    "UNICEF": (),
    "Amnesty International": (),
    "Human Rights Watch": (),
    "G7": ("Group of Seven",),
    "G20": ("Group of 20",),
}


@cache
def organization_forms() -> dict[str, str]:
    out: dict[str, str] = {}
    for canonical, forms in KNOWN_ORGANIZATIONS.items():
        out[canonical] = canonical
        for form in forms:
            out[form] = canonical
    return out


# A final word that makes a name an organisation or an armed group.
ORG_HEADS = frozenset(
    """Council Ministry Nations Union Organization Organisation Agency Commission Committee Bank Fund Court
    Parliament Assembly Congress Senate Department Office Institute University College Association Federation
    League Corporation Corp Inc Co Ltd Company Group Authority Board Bureau Foundation Party Coalition Alliance
    Government Administration Police Service Services Exchange Reserve Trust Society Center Centre Programme
    Program Network Club Academy Church Industries Holdings Airlines Airways Systems Communications Motors
    Petroleum Bancorp Partners Cabinet Kremlin Pentagon Secretariat Tribunal Observatory Crescent Cross""".split()
)
GROUP_HEADS = frozenset(
    """Army Front Brigade Brigades Battalion Battalions Movement Forces Militia Militias Legion Guard Guards
    Mujahideen Rebels Insurgency Jihad Resistance""".split()
)
# Names of documents and events: "Security Council Resolution 2254" is about a resolution, not an actor.
DOCUMENT_HEADS = frozenset(
    """Resolution Resolutions Agreement Accord Accords Treaty Declaration Convention Act Law Protocol Charter
    Plan Initiative Conference Summit Talks Process Communique Memorandum Constitution Report Index Day Games
    Cup War Award Prize""".split()
)
# News outlets: venues of quotes, never actors.
OUTLET_NAMES = frozenset(
    (
        "Reuters",
        "Reuter",
        "REUTER",
        "AP",
        "AFP",
        "Associated Press",
        "BBC",
        "CNN",
        "Bloomberg",
        "Xinhua",
        "TASS",
        "Interfax",
        "RIA",
        "Anadolu",
        "Al Jazeera",
        "Al Arabiya",
        "NPR",
        "PBS",
        "Fox News",
        "Sky News",
        "Guardian",
        "Politico",
        "Axios",
        "Sputnik",
        "Kyodo",
        "Yonhap",
        "DPA",
        "EFE",
        "ANSA",
    )
)
OUTLET_HEADS = frozenset(
    """News Times Post Journal Herald Gazette Tribune Telegraph Radio Television TV Daily Weekly Magazine
    Newspaper Press Wire Channel Broadcasting Chronicle Observer Independent Economist Review""".split()
)

# Plural/collective nouns that, after a demonym, make a group actor: "Syrian rebels", "Kurdish militias".
GROUP_NOUNS = frozenset(
    "opposition rebels militias militia militants insurgents separatists jihadists guerrillas".split()
)
# Nouns before a name that say the name is a group: "terrorist group X", "groups such as X".
GROUP_CUES = re.compile(
    r"\b(?:group|groups|faction|factions|militia|militias|organi[sz]ations?|movement|movements|outfit|"
    r"coalition|alliance|network|affiliate)\s+(?:such\s+as\s+|like\s+|including\s+|called\s+|known\s+as\s+)?"
    r"(?:the\s+)?$",
    re.I,
)
# Prepositions before a place name.
PLACE_PREPOSITIONS = frozenset(
    "in at near outside inside around across into toward towards throughout".split()
)

# --- people ----------------------------------------------------------------------------------------------

HONORIFICS = frozenset("Mr Mrs Ms Miss Dr Prof Sir Dame Lord Lady Rev Sheikh Sheik".split())
# Capitalised titles that stand before a person's name ("Prime Minister X", "Gen. X").
TITLE_WORDS = frozenset(
    """President Vice Prime Foreign Defence Defense Interior Finance Economy Trade Justice Health Energy Oil
    Deputy Acting Former Minister Ministers Secretary Secretary-General Chancellor King Queen Prince Princess
    Crown Emir Ayatollah Pope Cardinal Bishop Imam Senator Sen Rep Representative Congressman Congresswoman
    Governor Gov Mayor General Gen Lieutenant Lt Colonel Col Major Maj Captain Capt Sergeant Sgt Commander Cmdr
    Admiral Adm Marshal Brigadier Chairman Chairwoman Chair Chief Executive CEO Director Ambassador Envoy
    Special Spokesman Spokeswoman Spokesperson Judge Justice Premier Speaker Leader President-elect
    State Attorney Supreme Coach Professor Inspector Detective Sheriff Superintendent Commissioner
    Prosecutor Pastor Father Rabbi Archbishop Councillor Councilman Councilwoman Alderman Chancellor-elect""".split()
)
# Office words that end a capitalised title run after qualifiers ("Transport Minister X", "Federal Reserve
# Board Chairman X", "Chief Financial Officer X"); words that are also common surnames or name parts (King,
# Major, General, Justice, ...) are left out.
OFFICE_WORDS = frozenset(
    """President Premier Minister Ministers Secretary Secretary-General Chancellor Governor Mayor Chairman
    Chairwoman Chair Chief Executive Officer Director Ambassador Envoy Spokesman Spokeswoman Spokesperson
    Commissioner Senator Prosecutor Superintendent Inspector Commander Leader Speaker Judge Treasurer
    Administrator Deputy Vice-President Vice-Chairman Negotiator Representative""".split()
)
NAME_SUFFIXES = frozenset("Jr Jr. Sr Sr. II III IV".split())
# Lower-case role nouns before or after a name ("UN envoy X", "X, delegate of ...").
ROLE_NOUNS = frozenset(
    """envoy minister president spokesman spokeswoman spokesperson representative delegate negotiator
    ambassador official leader commander chief chairman chairwoman director diplomat diplomats secretary
    adviser advisor aide head mayor governor lawmaker senator executive economist analyst professor
    researcher activist correspondent premier general colonel commissioner prosecutor judge lawyer attorney
    founder owner king queen prince emir cleric mediator coordinator president-elect candidate member
    director-general secretary-general chief-executive manager partner""".split()
)
# Words that may qualify a role: "lead negotiator", "special envoy", "regime delegate".
ROLE_MODIFIERS = frozenset(
    """lead chief special senior deputy top former acting regime government opposition rebel foreign defence
    defense interior military army police party state federal national local regional veteran""".split()
)
NAME_PARTICLES = frozenset(
    "al el ad ash as an ar at az ul bin ibn bint abu de da di du del della van von der den le la dos das".split()
)

# Plural nouns that often open a sentence as its subject: "Officials said ...", "Witnesses saw ...".
COMMON_SUBJECTS = frozenset(
    """officials analysts witnesses residents police experts sources diplomats critics protesters activists
    authorities observers traders dealers economists investors lawmakers voters doctors scientists
    researchers villagers troops soldiers rebels militants fighters negotiators delegates ministers leaders
    organisers organizers prosecutors investigators lawyers families relatives students workers""".split()
)

# --- speech ----------------------------------------------------------------------------------------------

REPORTING_VERBS = frozenset(
    """said says say saying told tells telling added adds adding stated states declared declares announced
    announces explained explains noted notes insisted insists warned warns argued argues claimed claims
    asserted remarked replied replies responded responds wrote writes tweeted continued continues acknowledged
    acknowledges admitted admits conceded emphasised emphasized stressed stresses urged urges asked asks
    recalled confirmed confirms commented observed charged charges complained complains suggested suggests
    predicted predicts vowed vows reiterated maintained contended cautioned countered denied boasted quipped
    lamented concluded speaking talking""".split()
)

# --- capitalised words that are not names ----------------------------------------------------------------

NOT_NAMES = frozenset(
    """January February March April May June July August September October November December
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday Thursday Friday Saturday Sunday
    Shiite Shi'ite Shia Shi'a Sunni Sunnis Shiites Muslim Muslims Islamic Islamist Islamists Islam Christian
    Christians Christianity Jewish Jew Jews Catholic Catholics Orthodox Protestant Hindu Buddhist Alawite
    Alawites Druze Arab Arabs Arabic English Persian Hebrew Western Eastern Northern Southern Central God
    Allah Internet TV Christmas Easter Ramadan Eid New Year Mr Mrs Ms Dr I OK AM PM GMT EST EDT BST CET UTC
    Parliamentary Presidential Communist Socialist Democrat Democrats Republican Republicans Kurdish Sunday
    Whereas Meanwhile However Although Moreover Furthermore Nevertheless""".split()
)
# Words that begin sentences without being names.
FUNCTION_WORDS = frozenset(
    """a an the and but or nor so yet for if then than when while where whereas as at by in on of off to up
    into onto from with within without about above below after before since until till during despite
    though although because unless whether however meanwhile moreover instead also even only just still
    already now today yesterday tomorrow here there this that these those it its he she they we i you his
    her hers their theirs our ours my your me him them us who whom whose which what whatever whoever how why
    all any some many much most more less few several both each every either neither no none nobody
    everyone everybody someone somebody anyone anybody nothing something anything everything not never
    always often sometimes perhaps maybe however thus hence therefore accordingly besides otherwise
    another other such same last next first second third one two three four five six seven eight nine ten
    eleven twelve twenty hundred hundreds thousand thousands million millions dozens let lets please
    over under through between among against toward towards along across behind beyond near via per
    like unlike upon amid amidst around outside inside following according asked speaking talking
    looking given according overall initially finally later earlier recently currently""".split()
)
