"""Rule- and lexicon-based named entities, ownership attributions and name-spelling variants (en, de, zh).

No statistical model: capitalised-token runs with word-shape and lexicon evidence for English and German,
Latin-script runs plus a small suffix/known-name lexicon for Chinese. Precision is favoured over recall,
because every entity feeds a drift finding an editor has to read.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from driftcheck.dates import TIME_ZONE_ABBREVIATIONS
from driftcheck.models import SentenceRef

ENTITY_KINDS = ("person", "org", "product", "place", "other")


@dataclass(frozen=True)
class Entity:
    """A name in a text: code-point span, surface text, folded alias key and a coarse kind."""

    start: int
    end: int
    text: str
    key: str
    kind: str
    possessive: bool = False  # the surface was followed by 's / ’s / German genitive -s (stripped from text)


@dataclass(frozen=True)
class Attribution:
    """Who owns, made or employs what: "Meta's Llama-4" -> owner Meta, thing Llama-4."""

    owner: Entity
    thing: Entity
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Mention:
    """One occurrence of an entity in a corpus: (document id, sentence index, entity)."""

    doc: str
    index: int  # sentence index within the document
    entity: Entity


@dataclass(frozen=True)
class SpellingVariant:
    """Two spellings that probably name the same thing: the first mention of each, and where each occurs."""

    a: Mention  # first mention of the commoner (then earlier) spelling
    b: Mention  # first mention of the other spelling
    where_a: tuple[SentenceRef, ...]
    where_b: tuple[SentenceRef, ...]
    ratio: float  # rapidfuzz ratio (0-100) of the folded keys; 100 when the keys are equal
    # "info" for case/hyphen/space variants of one key; "low" for a likely misspelling, one step above a
    # cosmetic variant because a misspelt name may be a different name and an editor should look.
    severity: str
    kind: str  # "form" (same key) or "near_miss" (different keys, within edit distance)
    reason: str  # one line for the report

    @property
    def text_a(self) -> str:
        """Surface spelling a."""
        return self.a.entity.text

    @property
    def text_b(self) -> str:
        """Surface spelling b."""
        return self.b.entity.text


# ---------------------------------------------------------------------------------------------------------
# Folding and aliases

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'"})
_DASHES = re.compile(r"[\s\-‐‑‒–—_/·・]+")
_POSSESSIVE_TAIL = re.compile(r"(?:'s|')$")
# A dot is dropped (U.S. = US) except between digits, where it is a version separator (Llama 3.1 != 31).
_DOT_NOT_VERSION = re.compile(r"(?<!\d)\.|\.(?!\d)")


@functools.lru_cache(maxsize=131072)
def fold_name(name: str) -> str:
    """Alias key for a name: case, hyphen, space, dot, apostrophe, diacritic and possessive insensitive."""
    text = unicodedata.normalize("NFKC", name).translate(_APOSTROPHES).strip()
    text = _POSSESSIVE_TAIL.sub("", text) if len(text) > 2 else text
    # Strip diacritics so transliterated spellings (Söder/Soder, Škoda/Skoda) share a key across languages.
    text = "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))
    text = _DASHES.sub("", text.casefold())
    text = _DOT_NOT_VERSION.sub("", text)
    return text.replace("'", "")


# Short and long names of one country or union that news copy uses interchangeably ("the UK" / "Britain"):
# every comparison starts from these, and a user's alias file adds to them. England is not Britain.
STANDARD_ALIASES: tuple[tuple[str, str], ...] = (
    ("UK", "United Kingdom"), ("U.K.", "United Kingdom"), ("Britain", "United Kingdom"),
    ("Great Britain", "United Kingdom"), ("Großbritannien", "United Kingdom"),
    ("Vereinigtes Königreich", "United Kingdom"),
    ("US", "United States"), ("U.S.", "United States"), ("USA", "United States"), ("U.S.A.", "United States"),
    ("America", "United States"), ("Vereinigte Staaten", "United States"),
    ("EU", "European Union"), ("Europäische Union", "European Union"),
    ("UN", "United Nations"), ("Vereinte Nationen", "United Nations"),
    ("UAE", "United Arab Emirates"), ("Deutschland", "Germany"),
    # One militant group under its English, Arabic-derived and German names (DEMETR's reference
    # translation says "ISIS" where the machine translation says "Islamic State").
    ("ISIS", "Islamic State"), ("ISIL", "Islamic State"), ("Daesh", "Islamic State"),
    ("Islamischer Staat", "Islamic State"),
)  # fmt: skip


class AliasTable:
    """User-declared alias pairs ("Team Blind" = "Teamblind") mapping folded keys to one canonical key."""

    def __init__(self, pairs: Iterable[tuple[str, str]] = ()) -> None:
        self._parent: dict[str, str] = {}
        # name -> canonical key: the compare stage asks for the same few keys tens of thousands of times.
        # Emptied by add(), the only change to the groups.
        self._memo: dict[str, str] = {}
        for alias, canonical in pairs:
            self.add(alias, canonical)

    def _root(self, key: str) -> str:
        while self._parent.get(key, key) != key:
            key = self._parent[key]
        return key

    def add(self, alias: str, canonical: str) -> None:
        """Declare that alias names the same thing as canonical; canonical's group key wins."""
        self._memo.clear()
        a, c = self._root(fold_name(alias)), self._root(fold_name(canonical))
        if a != c:
            self._parent[a] = c
        self._parent.setdefault(c, c)

    def canonical(self, name: str) -> str:
        """Canonical key for a name or key (its own folded key when undeclared)."""
        key = self._memo.get(name)
        if key is None:
            key = self._memo[name] = self._root(fold_name(name))
        return key

    def same(self, a: str, b: str) -> bool:
        """True when the two names share a canonical key."""
        return self.canonical(a) == self.canonical(b)

    def __len__(self) -> int:
        return sum(1 for k, v in self._parent.items() if k != v)


# ---------------------------------------------------------------------------------------------------------
# Lexicons (small on purpose: they resolve kind and rescue German/title-case names, they are not the recall)

# fmt: off
_ORGS = {
    "meta", "meta platforms", "openai", "google", "alphabet", "microsoft", "nvidia", "anthropic", "alibaba",
    "deepseek", "facebook", "apple", "amazon", "ibm", "intel", "amd", "tesla", "xai", "mistral", "baidu",
    "tencent", "huawei", "bytedance", "tiktok", "samsung", "cnbc", "reuters", "bloomberg", "heise", "afp",
    "the information", "financial times", "new york times", "wall street journal", "techstartups",
    "teamblind", "team blind", "blind", "perplexity", "netscape", "andreessen horowitz", "benchmark",
    "high-flyer", "high-flyer capital management", "tmtpost", "the decoder", "threads", "x", "nato", "un",
    "eu", "asean", "csu", "cdu", "spd", "fdp", "afd", "nhl", "nba", "fifa", "uefa", "xinhua", "westlb",
    "world economic forum", "mit", "shutterstock", "midjourney", "linkedin", "mastodon", "hugging face",
}
# fmt: on
# fmt: off
_PLACES = {
    # German states, in English and German (state elections are news on their own)
    "bavaria", "bayern", "lower saxony", "niedersachsen", "saxony", "sachsen", "hesse", "hessen",
    "thuringia", "thüringen", "brandenburg", "north rhine-westphalia", "nordrhein-westfalen",
    "baden-württemberg", "rhineland-palatinate", "rheinland-pfalz", "saarland", "schleswig-holstein",
    "mecklenburg-western pomerania", "mecklenburg-vorpommern", "saxony-anhalt", "sachsen-anhalt",
    "china", "usa", "us", "u.s.", "united states", "america", "europe", "germany", "deutschland", "spain",
    "spanien", "france", "frankreich", "italy", "italien", "russia", "russland", "japan", "india", "indien",
    "uk", "britain", "england", "mexico", "mexiko", "canada", "kanada", "brazil", "brasilien", "austria",
    "österreich", "switzerland", "schweiz", "vietnam", "taiwan", "hong kong", "beijing", "peking",
    "shanghai", "shenzhen", "hangzhou", "manhattan", "new york", "washington", "london", "paris", "berlin",
    "munich", "münchen", "davos", "silicon valley", "wall street", "tiananmen square", "houston",
    "buenos aires", "chongqing", "ukraine", "israel", "iran", "korea", "south korea", "north korea",
    "turkey", "türkei", "sweden", "schweden", "poland", "polen", "africa", "afrika", "asia", "asien",
    "paraguay", "argentina", "argentinien", "portugal", "griechenland", "singapur", "tokio", "tokyo", "rom",
    "rome", "südafrika", "nordkorea", "südkorea", "niederlande", "belgien", "dänemark", "norwegen",
    "finnland", "ungarn", "tschechien", "kroatien", "rumänien", "bulgarien", "ägypten", "moskau", "wien",
    "vienna", "california", "kalifornien", "texas", "hamburg", "köln", "frankfurt",
    "new delhi", "neu-delhi", "new jersey", "new zealand", "neuseeland", "new orleans", "new mexico",
}
# fmt: on
# fmt: off
_PRODUCT_FAMILIES = {
    "llama", "gpt", "claude", "qwen", "gemini", "gemma", "mistral", "mixtral", "phi", "grok", "chatgpt",
    "deepseek", "sonnet", "opus", "haiku", "windows", "iphone", "ipad", "pixel", "galaxy", "boeing",
    "airbus", "falcon", "o1", "o3", "r1", "v3", "a100", "h100", "h800", "stargate", "copilot", "bard",
    "ernie", "kimi", "android", "ios", "ipados", "macos", "watchos", "harmonyos", "tensor", "snapdragon",
    "exynos", "dimensity", "ryzen", "xeon", "epyc", "radeon", "geforce", "playstation", "xbox",
}
# fmt: on
# Acronyms too generic to be a name worth tracking across versions.
# fmt: off
_GENERIC_ACRONYMS = {
    "ai", "ml", "llm", "llms", "gpu", "gpus", "cpu", "cpus", "api", "apis", "ceo", "cto", "cfo", "coo",
    "r&d", "ipo", "capex", "gw", "mw", "kw", "tv", "pc", "hr", "pr", "faq", "ok", "usd", "eur", "gdp",
    "bip", "ki", "genai", "ftir", "pdf", "url", "id", "vs", "am", "pm", "dna", "rna", "tm",
} | {
    # Time zones ("07:00 CEST" / "7.00 Uhr MESZ" were reported as two names of an organisation).
    zone.casefold() for zone in TIME_ZONE_ABBREVIATIONS if len(zone) >= 3
}
# fmt: on
# Titles and roles: they end a name run and are not names themselves ("Meta CEO Mark Zuckerberg").
# fmt: off
_TITLES = {
    "ceo", "cto", "cfo", "coo", "chief", "president", "vice", "prime", "minister", "secretary", "general",
    "director", "head", "chairman", "chairwoman", "chair", "founder", "co-founder", "cofounder",
    "scientist", "officer", "researcher", "professor", "prof", "dr", "mr", "mrs", "ms", "sir", "senator",
    "governor", "mayor", "chancellor", "king", "queen", "pope", "judge", "partner", "investor", "analyst",
    "spokesperson", "spokesman", "spokeswoman", "reporter", "editor", "journalist", "moderator",
    "presenter", "engineer", "präsident", "präsidentin", "ministerpräsident", "ministerpräsidentin",
    "kanzler", "kanzlerin", "bundeskanzler", "bundeskanzlerin", "ministerin", "herr", "frau", "chefin",
    "chef", "sprecher", "sprecherin", "gründer", "gründerin", "bürgermeister", "bürgermeisterin", "trainer",
    "trainerin", "vorsitzende", "vorsitzender", "latenight-moderator", "moderatorin", "präsidenten",
    # Roles compare's role rule reads ("Coach Marco Villa", "Deputy Governor Lars Holm", "Chief Executive
    # Officer Mark Tan"): the name is the person's without them.
    "coach", "deputy", "executive", "captain", "commander", "ambassador", "prosecutor", "commissioner",
    "rector", "rektor", "rektorin", "vizerektor", "vizerektorin", "kommissar", "kommissarin", "sheriff",
    "superintendent", "treasurer", "inspector", "sergeant", "detective", "councillor", "councilor",
    # German forms of those roles ("Gouverneurin Ellen Marchand" was read as one name and met 埃伦·马尔尚 as
    # a swap in a held-out story).
    "gouverneur", "gouverneurin", "oberbürgermeister", "oberbürgermeisterin", "kapitän", "kapitänin",
    "botschafterin", "richterin", "kurator", "kuratorin", "analystin", "schatzmeister",
    "schatzmeisterin", "kämmerer", "kämmerin", "amtsarzt", "amtsärztin", "landrat", "landrätin", "senatorin",
    "abgeordnete", "abgeordneter", "staatsanwalt", "staatsanwältin",
}
# fmt: on
# fmt: off
_STOP_EN = {
    "a", "an", "the", "this", "that", "these", "those", "it", "its", "he", "she", "his", "her", "they",
    "their", "them", "we", "our", "you", "your", "i", "my", "me", "us", "in", "on", "at", "of", "for", "to",
    "from", "by", "with", "without", "and", "or", "but", "nor", "so", "yet", "if", "as", "when", "while",
    "after", "before", "since", "because", "although", "though", "however", "nevertheless", "instead",
    "besides", "despite", "according", "even", "also", "only", "just", "some", "several", "many", "most",
    "more", "all", "both", "each", "every", "other", "another", "any", "no", "not", "there", "here", "what",
    "which", "who", "whom", "whose", "why", "how", "where", "whether", "last", "next", "first", "one",
    "two", "three", "four", "five", "is", "are", "was", "were", "be", "has", "have", "had", "do", "does",
    "did", "will", "would", "can", "could", "should", "may", "might", "must", "than", "then", "now",
    "today", "yesterday", "tomorrow", "image", "screenshot", "sources", "source", "summary", "credit",
    "read", "print", "listen", "videos", "specifically", "meanwhile", "still", "yes", "about", "into",
    "over", "under", "up", "down", "out", "between", "among", "during", "until", "within", "via", "per",
    "new", "latest", "building", "licensed", "titled", "calling", "internal", "notable", "industry",
    "strategic", "future", "traditional", "panic", "emergency", "server", "online", "don't", "let",
    "follow", "see", "said", "says",
    # Words that open a sentence with a figure ("Around 58,000 patients").
    "around", "nearly", "almost", "roughly", "approximately", "exactly", "fewer", "less",
}
# fmt: on
# fmt: off
_STOP_DE = {
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines", "kein",
    "keine", "keinen", "keinem", "keiner", "keines", "und", "oder", "aber", "doch", "sondern", "denn", "in",
    "im", "am", "an", "auf", "aus", "bei", "beim", "mit", "nach", "seit", "von", "vom", "zu", "zum", "zur",
    "für", "über", "unter", "vor", "hinter", "neben", "zwischen", "durch", "gegen", "ohne", "um", "als",
    "wie", "wenn", "weil", "dass", "ob", "er", "sie", "es", "wir", "ihr", "ich", "du", "man", "sein",
    "seine", "ihre", "ihren", "dies", "diese", "dieser", "dieses", "diesen", "jede", "jeder", "jedes",
    "alle", "auch", "noch", "schon", "nur", "nicht", "bisher", "laut", "trotz", "während", "ersten",
    "erste", "erster", "zwei", "drei", "vier", "fünf", "mehr", "viele", "einige", "so", "da", "dort",
    "hier", "heute", "gestern", "morgen", "nun", "jetzt", "dann", "damit", "daher", "deshalb", "dabei",
    "insgesamt", "zudem", "außerdem", "allerdings", "jedoch", "trotzdem", "bereits", "ist", "sind", "war",
    "waren", "hat", "haben", "wird", "werden", "wurde", "wurden", "soll", "sollen", "kann", "können", "ins",
    "ans", "vielen", "welche",
    # Currencies after a figure ("9,2 Millionen Euro"): a unit, no name; as a name it tied a headline's
    # price to an unrelated body sentence's (a held-out review story).
    "euro", "dollar", "pfund", "franken", "yuan", "renminbi", "yen", "rubel", "kronen", "cent",
}
# fmt: on
# fmt: off
_MONTHS_DAYS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "januar", "februar", "märz", "juni", "juli", "oktober", "dezember", "montag", "dienstag", "mittwoch",
    "donnerstag", "freitag", "samstag", "sonntag", "sonnabend",
}
# fmt: on
# English morphology that marks a capitalised sentence-initial word as a common word, not a name.
_EN_COMMON_SUFFIX = re.compile(
    r"(?:ly|ing|ed|ness|tion|tions|sion|ment|ments|less|ful|ive|ous|able|ible|ity|ance|ence|ency|ism|ists?"
    r"|ical|ally|ward|wards|ings)$"
)
# Given names with one of those endings (Edward, Lawrence, Kelly, Ted, Ahmed, Clive, Clement): followed by a
# capitalised word they start a name ("Howard Lutnick said"), which the suffix test alone dropped to
# "Lutnick". Only these: a participle or adverb before a name ("Visiting Beijing", "Recently Apple") is none.
# fmt: off
_GIVEN_NAMES_COMMON_SHAPE = {
    "edward", "howard", "lawrence", "laurence", "florence", "clarence", "terence", "constance", "lance",
    "prudence", "clive", "olive", "clement", "ted", "fred", "ed", "alfred", "wilfred", "mildred", "winifred",
    "jared", "ahmed", "mohamed", "mohammed", "muhammed", "reed", "kelly", "emily", "holly", "molly", "lily",
    "sally", "billy", "wally", "beverly", "kimberly", "shelly", "carly", "felicity",
}
# fmt: on
# German common-noun endings; a capitalised German word ending so is taken as a noun unless other evidence.
_DE_NOUN_SUFFIX = re.compile(
    r"(?:ung|ungen|heit|heiten|keit|keiten|schaft|schaften|tion|tionen|sion|ismus|tät|täten|nis|nisse|tum"
    r"|chen|lein|ment|ling|linge|ik|ie|ien|ei|eien|ern|erin|innen|ler|ner|tag|ium"
    r"|haus|werk|zeit|land|welt|markt|amt|rat|stelle|weise|sache|frage|krise)$"
)
_DE_PLACE_OK = re.compile(r"(?:land|ien|reich|burg|berg|stadt|dorf|heim|hausen|furt|ingen)$")
# Last words of geographic names in English ("Red Sea", "Yangtze River") and first words ("Lake Tahoe").
_PLACE_HEADS = {
    "sea", "ocean", "gulf", "bay", "strait", "straits", "channel", "canal", "river", "lake", "mountains",
    "island", "islands", "peninsula", "desert", "valley", "coast", "alps",
    # Venues and city places ("Wembley Stadium", "Allianz Arena", "Trafalgar Square") and "X City", a city
    # or a club named after one: a place either way, never a person's two names. Not "Park": a surname too.
    "stadium", "arena", "square", "airport", "station", "street", "avenue", "bridge", "city",
}  # fmt: skip
_PLACE_LEADS = {"lake", "mount", "cape", "isle", "gulf", "strait"}
_CORP_SUFFIXES = {"inc", "ltd", "gmbh", "ag", "corp", "llc", "co", "plc", "sa", "se", "kg"}
# fmt: off
_ORG_HEADS = {
    "bank", "university", "universität", "department", "ministry", "institute", "institut", "museum",
    "agency", "forum", "times", "news", "post", "journal", "capital", "management", "group", "holdings",
    "partners", "ventures", "labs", "lab", "securities", "association", "council", "committee", "commission",
    "foundation", "party", "office", "corporation", "company", "platforms", "technologies", "systems",
    "airlines", "club",
    # Public bodies ("U.S. Geological Survey", "China Earthquake Networks Center", "Weather Service"): a
    # held-out story's survey swapped for another body was no organisation.
    "survey", "center", "centre", "service", "authority", "administration", "observatory", "exchange",
    # Parties and movements ("Christian Liberal Alliance", "Grüne Union"): a translated party's name was a
    # person, and a shared acronym made the two translations a "name swap".
    "alliance", "allianz", "union", "front", "movement", "bewegung", "partei", "bündnis", "coalition",
    "league", "liga", "federation", "verband", "congress", "kongress",
    # Sports clubs ("Hartfield Rovers", "Leeds United", "Blackburn Rovers", "Wigan Athletic").
    "rovers", "united", "wanderers", "athletic", "albion", "rangers", "hotspur", "fc", "sc",
}
# fmt: on
_LOWERCASE_NAMES = {"heise", "o1", "o3", "iphone", "ipad", "xai"}
_OTHER_NAMES = {"big tech", "open source"}
# Last words of a party's name or its members' label (the Christian Democrat leader, the Liberal Democrats).
_PARTY_HEADS = {
    "democrat", "democrats", "republican", "republicans", "socialist", "socialists", "conservative",
    "conservatives", "liberal", "liberals", "greens", "labour", "tories",
}  # fmt: skip
_PARTICLES = {"van", "de", "del", "della", "da", "di", "du", "bin", "ibn", "al", "la", "le", "of", "von"}
# English adjectives of nationality are capitalised but name no entity by themselves.
# fmt: off
_DEMONYMS = {
    "chinese", "american", "german", "european", "japanese", "french", "british", "english", "russian",
    "indian", "korean", "swedish", "spanish", "italian", "persian", "swiss", "austrian", "canadian",
    "mexican", "turkish", "vietnamese", "asian", "african", "western", "eastern", "northern", "southern",
}
# fmt: on

# fmt: off
_ZH_KNOWN = {
    "深度求索": "org", "幻方": "org", "幻方量化": "org", "脸书": "org", "谷歌": "org", "微软": "org",
    "英伟达": "org", "阿里巴巴": "org", "腾讯": "org", "百度": "org", "字节跳动": "org", "华为": "org",
    "新华社": "org", "越通社": "org", "东盟": "org", "联合国": "org", "欧盟": "org", "钛媒体": "org",
    "美国": "place", "中国": "place", "英国": "place", "德国": "place", "法国": "place", "日本": "place",
    "俄罗斯": "place", "韩国": "place", "越南": "place", "土耳其": "place", "欧洲": "place",
    "北京": "place", "上海": "place", "香港": "place", "台湾": "place", "深圳": "place", "杭州": "place",
    "重庆": "place", "硅谷": "place", "华尔街": "place", "曼哈顿": "place", "达沃斯": "place",
    "休斯敦": "place", "西班牙": "place", "墨西哥": "place", "意大利": "place", "印度": "place",
    "伊朗": "place", "习近平": "person", "特朗普": "person", "拜登": "person", "扎克伯格": "person",
    "梁文锋": "person", "杨立昆": "person", "黄仁勋": "person", "马斯克": "person", "奥特曼": "person",
    "普京": "person",
}
# fmt: on
# fmt: off
_ZH_ORG_SUFFIX = (
    "有限公司", "公司", "集团", "银行", "大学", "学院", "研究院", "研究所", "委员会", "公安局", "总领事馆",
    "总领馆", "领事馆", "大使馆", "通讯社", "通社", "电视台", "日报", "时报", "政府", "法院", "协会",
    "基金会", "实验室", "科技",
)
# fmt: on
_ZH_PLACE_SUFFIX = ("省", "自治区", "县", "市")
# Characters that cannot be inside a Chinese name: function words and verbs that border names.
_ZH_STOP = set(
    "的了在和与及是为对向从把被将由称说据于这那该其一个也都而或"
    "但并就还已曾所以如果因为，。、；：！？（）《》“”「」 \n"
)

_LATIN = "A-Za-z0-9\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"
_TOKEN = re.compile(
    rf"(?:[A-Z]\.){{2,}}"  # U.S., U.K.
    rf"|[{_LATIN}]+(?:(?:[-.&]|['’](?=[A-Z]))[{_LATIN}]+)*"
)
_POSS_AFTER = re.compile(r"['’]s\b|(?<=s)['’](?=\s)")
_VERSION_NUMBER = re.compile(r"\d{1,2}(?:\.\d{1,2})?")
# fmt: off
_UNIT_WORDS = {
    "billion", "million", "thousand", "percent", "per", "people", "years", "year", "months", "days",
    "hours", "minutes", "times", "gigawatts", "gigawatt", "parameters", "gpus", "milliarden", "millionen",
    "prozent", "jahre", "jahren", "tage", "stunden", "%",
}
# fmt: on
_ATTACHED_TAILS = re.compile(
    r"-(?:based|owned|backed|led|style|made|funded|born|listed|headquartered|"
    r"linked|related|like|esque|specific|wide|driven|focused)$",
    re.IGNORECASE,
)
_SENTENCE_OPENERS = set(".!?:;…\n•*–—")


# A NamedTuple: immutable, as token tuples are memoised and shared, and cheaper to build than a dataclass.
class _Tok(NamedTuple):
    start: int
    end: int
    text: str
    possessive: bool = False
    # A lowercase, digit-free word that is no title, particle or lowercase name: it can neither start nor
    # continue a name run, so the run builder handles it without the per-token checks.
    plain: bool = False


_HAS_DIGIT = re.compile(r"\d")
_new_tuple = tuple.__new__
_APOSTROPHE_CHARS = ("'", "’")


@lru_cache(maxsize=16384)  # a pure word predicate, asked for the same words sentence after sentence
def _is_plain(word: str) -> bool:
    low = word.casefold()
    return (
        word.islower()  # no upper- or titlecase letter anywhere, so no shape or capital evidence
        and not _HAS_DIGIT.search(word)
        and low not in _LOWERCASE_NAMES
        and low not in _PARTICLES
        and low not in _TITLES
        and low.split("-")[-1] not in _TITLES
    )


@lru_cache(maxsize=1024)  # one text is tokenised up to three times per extraction (context, German pre-pass)
def _tokens(text: str) -> tuple[_Tok, ...]:
    toks: list[_Tok] = []
    append = toks.append
    for m in _TOKEN.finditer(text):
        surface = m.group()
        start, end = m.span()
        tail = _ATTACHED_TAILS.search(surface) if "-" in surface else None  # every tail starts with "-"
        if tail and tail.start() > 0:  # "Hong Kong-based": the name is "Kong", "-based" is an adjective
            head, rest = surface[: tail.start()], surface[tail.start() + 1 :]
            append(_Tok(start, start + tail.start(), head, plain=_is_plain(head)))
            append(_Tok(start + tail.start() + 1, end, rest, plain=_is_plain(rest)))
            continue
        # Both possessive forms start with an apostrophe right after the token: test that before the regex.
        possessive = text[end : end + 1] in _APOSTROPHE_CHARS and _POSS_AFTER.match(text, end) is not None
        # tuple.__new__ with all five fields (keep in step with _Tok) builds what _Tok(...) builds, without
        # the frame of the generated __new__: this runs once per word of every sentence.
        append(_new_tuple(_Tok, (start, end, surface, possessive, _is_plain(surface))))
    return tuple(toks)


@lru_cache(maxsize=16384)  # a pure word predicate, asked for the same words sentence after sentence
def _is_shape_name(word: str) -> bool:
    """Word shape alone says "name": internal capitals, letter+digit mixes, or an all-caps acronym."""
    if word.casefold() in _GENERIC_ACRONYMS:
        return False
    letters = [c for c in word if c.isalpha()]
    if not letters:
        return False
    has_digit = any(c.isdigit() for c in word)
    if has_digit and word[0].isalpha():
        return True  # GPT-4o, A100, V3, o1, COVID-19, G-20, Llama-4
    if not word[0].isalpha():
        return False  # 2GW, 5km: quantities, not names
    if len(letters) >= 2 and all(c.isupper() for c in letters):
        return True  # CNBC, MIT, USA
    # camelCase (DeepSeek, LeCun, OpenAI, iPhone); a capital after a hyphen (Open-Source) is headline style.
    return any(a.islower() and b.isupper() for a, b in itertools.pairwise(word))


def _is_sentence_initial(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t\"'“”„‚‘’«»()[]-•*":
        if text[i] in "-•*" and i > 0 and text[i - 1] not in " \n\t":
            break  # a hyphen glued to a word is not a bullet
        i -= 1
    return i < 0 or text[i] in _SENTENCE_OPENERS or (text[i] in "：。！？")


def _line_bounds(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end < 0 else end


_FINAL_STOP = re.compile(r"[.!?]$")
_TITLE_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_HYPHEN_OR_SPACE = re.compile(r"[-\s]")
_HAN = re.compile(r"[\u4e00-\u9fff]")


def _is_title_case(line: str) -> bool:
    """Headline Style Capitalises Most Words: capitals there are no evidence of a name."""
    line = line.strip()
    if _FINAL_STOP.search(line):
        return False  # headlines carry no final full stop; a name-dense sentence does
    words = [w for w in _TITLE_WORD.findall(line) if len(w) >= 4]
    if len(words) < 3:
        return False
    caps = sum(1 for w in words if w[0].isupper())
    return caps / len(words) >= 0.7


def _lexicon_kind(key_text: str) -> str | None:
    low = key_text.casefold()
    if low in _ORGS:
        return "org"
    if low in _PLACES:
        return "place"
    return None


def _classify(words: list[str], after_title: bool) -> str:
    """Coarse kind from lexicons, suffixes, digits and run length."""
    joined = " ".join(words)
    low = joined.casefold()
    kind = _lexicon_kind(joined)
    if kind:
        return kind
    first = words[0].casefold()
    base = _HYPHEN_OR_SPACE.split(first)[0]
    if any(ch.isdigit() for ch in joined) or base in _PRODUCT_FAMILIES or first in _PRODUCT_FAMILIES:
        return "product"
    if words[-1].casefold().rstrip(".") in _CORP_SUFFIXES or words[-1].casefold() in _ORG_HEADS:
        return "org"
    if len(words) >= 2 and (words[-1].casefold() in _PLACE_HEADS or words[0].casefold() in _PLACE_LEADS):
        return "place"  # Red Sea, Persian Gulf, Suez Canal; Lake Geneva, Mount Everest
    if low in _DEMONYMS or low in _OTHER_NAMES:
        return "other"
    if words[-1].casefold() in _PARTY_HEADS:
        return "org"  # Christian Democrat, Liberal Democrats: a party (or its member), not a person's name
    if _has_family_particle(words):
        return "person"  # Ursula von der Leyen, Virgil van Dijk, Van Dijk, Erik ten Hag
    if _DE_NAME_ADJECTIVE.fullmatch(words[0]) and len(words) >= 2:
        # Deutsche Bahn, Europäische Kommission (German capitalises adjectives in names); Vereinigte Staaten.
        return "place" if words[0].startswith("Vereinigt") else "org"
    if after_title:
        return "person"
    if _cldr_place(joined):
        return "place"  # Addis Ababa, Nairobi, Kenia, Tunisia: told apart from people by CLDR's names
    if words[0].casefold() in _STORM_HEADS and len(words) >= 2:
        return "other"  # Typhoon Gaemi, Hurricane Katrina: an event, named
    if (
        2 <= len(words) <= 3
        and all(w[:1].isupper() and w.replace("-", "").isalpha() for w in words)
        and not any(len(w) > 1 and w.isupper() for w in words)  # "Rival AMD": no person's name is an acronym
    ):
        return "person"

    if len(words) == 1 and len(words[0]) >= 2 and words[0].isupper():
        return "org"
    return "other"


def _cldr_place(name: str) -> bool:
    """Whether a name is a country or a time-zone city in CLDR, in English or German (Babel)."""
    return fold_place(name) in _cldr_place_names()


def fold_place(name: str) -> str:
    """A name folded for lookup in place tables: case, accents and everything but letters and digits gone."""
    return re.sub(r"[^\w]", "", fold_name(name))


@functools.cache
def _cldr_place_names() -> frozenset[str]:
    """Folded names of CLDR's countries in English and German (Babel) and of the tz database's cities (the
    127-name table gave Addis Ababa as a person and Nairobi, Malta, Tunisia as "other", so a swap between
    them went unread). City names come from the zone ids ("Africa/Addis_Ababa"): asking Babel for each
    zone's localised name took 0.18 s, paid by every run."""
    import zoneinfo

    names: set[str] = set()
    try:
        from babel import Locale
    except ImportError:
        pass
    else:
        for locale in (Locale.parse("en"), Locale.parse("de")):
            names.update(fold_place(n) for code, n in locale.territories.items() if code.isalpha() and n)
    for zone in zoneinfo.available_timezones():
        if "/" in zone and not zone.startswith(("Etc/", "SystemV/", "US/", "posix/", "right/")):
            names.add(fold_place(zone.rsplit("/", 1)[1].replace("_", " ")))
    return frozenset(n for n in names if len(n) >= 4)


_STORM_HEADS = {
    "typhoon", "hurricane", "cyclone", "storm", "tropical", "taifun", "hurrikan", "sturm", "orkan",
}  # fmt: skip


def _has_family_particle(words: list[str]) -> bool:
    """Capitalised words around one family-name particle, nothing else: "Virgil van Dijk", "Von der Leyen"."""
    low = [w.casefold() for w in words]
    heads = [n for n, w in enumerate(low[:-1]) if w in _FAMILY_PARTICLES]
    if len(words) < 2 or not heads or len(words) > 5:
        return False
    head = heads[0]
    second = head + 1 if words[head + 1] in _FAMILY_PARTICLES_SECOND else head
    rest = [w for n, w in enumerate(words) if n not in (head, second)]
    return bool(rest) and all(w[:1].isupper() and w.replace("-", "").isalpha() for w in rest)


@lru_cache(maxsize=16384)  # a pure word predicate, asked for the same words sentence after sentence
def _known_name(word: str, lang: str) -> bool:
    low = word.casefold()
    if not word[0].isupper() and low not in _LOWERCASE_NAMES:
        return False  # "follow us" is not the US
    if len(low) <= 3 and not word.isupper() and low not in _PRODUCT_FAMILIES:
        return False  # short lexicon entries are acronyms: German "Mit" is not MIT
    if low in _ORGS or low in _PLACES or low in _PRODUCT_FAMILIES:
        return True
    # German genitive: Metas, Mexikos name the lexicon entries Meta, Mexiko.
    return lang == "de" and low.endswith("s") and (low[:-1] in _ORGS or low[:-1] in _PLACES)


def _lang(lang: str | None, text: str) -> str:
    if lang:
        low = lang.casefold()
        for code in ("en", "de", "zh"):
            if low.startswith(code):
                return code
        if low.startswith(("ger", "deu")):
            return "de"
        if low.startswith(("chi", "cmn", "zho")):
            return "zh"
        return "en"
    if _HAN.search(text):
        return "zh"
    return "en"


def extract_entities(text: str, lang: str | None, *, context: str | None = None) -> list[Entity]:
    """Named entities (people, organisations, products/models, places) in text, sorted by start.

    context (e.g. the whole document when text is one sentence) is evidence for sentence-initial words.
    """
    # A fresh list each call: callers may mutate it, the memo must not change.
    return list(_entities_memo(text, lang, context))


# One sentence's entities are asked for several times (facts, name spans, quote speakers): compute once.
@lru_cache(maxsize=4096)
def _entities_memo(text: str, lang: str | None, context: str | None) -> tuple[Entity, ...]:
    code = _lang(lang, text)
    context_text = context if context is not None else text
    ctx, first = _context_for(context_text, code)
    if code == "de" and context_text == text and not _inner_caps_matter(text, ctx):
        entities = list(first)  # the German pre-pass ran on this very text and its answer cannot change
    else:
        entities = _latin_entities(text, code, ctx)
    if code == "zh":
        entities.extend(_zh_entities(text, entities))
    entities = _propagate_person(entities)
    entities.sort(key=lambda e: (e.start, -e.end))
    # Drop anything nested in an earlier, longer entity (a lexicon hit inside a suffix match).
    out: list[Entity] = []
    for ent in entities:
        if out and ent.start < out[-1].end:
            continue
        out.append(ent)
    return tuple(out)


@lru_cache(maxsize=256)  # a document passed as context serves every one of its sentences
def _context_for(context: str, code: str) -> tuple[_Context, tuple[Entity, ...]]:
    """The context evidence, and for German the pre-pass entities of the context text that produced it."""
    if code != "de":
        return _Context(context), ()
    # Mid-sentence capitals are nouns in German: only words already accepted as names elsewhere in the
    # context rescue a sentence-initial word.
    first = _latin_entities(context, code, _Context(context, set()))
    return _Context(context, {w for e in first for w in e.text.split()}), tuple(first)


def _inner_caps_matter(text: str, ctx: _Context) -> bool:
    """Could ctx.inner_caps change any German candidate decision in text?

    _candidate consults inner_caps for German only as "sentence-initial and in inner_caps"; plain tokens
    never reach _candidate. When no token qualifies, a pass with inner_caps equals one without.
    """
    return any(
        not tok.plain and tok.text in ctx.inner_caps and _is_sentence_initial(text, tok.start)
        for tok in _tokens(text)
    )


def _propagate_person(entities: list[Entity]) -> list[Entity]:
    """A lone surname (LeCun) is a person when the text also names the full person (Yann LeCun)."""
    surnames = {e.text.split()[-1] for e in entities if e.kind == "person" and " " in e.text}
    return [
        Entity(e.start, e.end, e.text, e.key, "person", e.possessive)
        if e.kind == "other" and e.text in surnames
        else e
        for e in entities
    ]


def name_spans(text: str, lang: str | None) -> list[tuple[int, int]]:
    """Spans of names that contain digits (GPT-4o, Llama 3.1, COVID-19, G-20): not quantities."""
    return [(e.start, e.end) for e in extract_entities(text, lang) if any(ch.isdigit() for ch in e.text)]


def _candidate(tok: _Tok, text: str, code: str, prev: _Tok | None, title_line: bool, ctx: _Context) -> bool:
    """Is this single token evidence of a name, before run building?"""
    word = tok.text
    low = word.casefold()
    if low in _GENERIC_ACRONYMS or low in _TITLES or low in _MONTHS_DAYS:
        return False
    if _is_shape_name(word) or _known_name(word, code):
        return True
    if not word[0].isupper() or title_line:
        return False  # In Headline Style a capital is no evidence; lexicon and shape were checked above
    if word == "New" and _CAPITAL_WORD_AFTER.match(text, tok.end):
        return True  # "New York", "New Zealand", "New Delhi": "York Stock Exchange" was a person
    if low in (_STOP_DE if code == "de" else _STOP_EN) or low in _STOP_EN:
        return False
    initial = _is_sentence_initial(text, tok.start)
    if code == "de":
        return _german_candidate(tok, prev, initial, text) or (initial and word in ctx.inner_caps)
    if initial:
        # A capitalised first word is a name only if nothing says it is a common English word: the context
        # has it capitalised mid-sentence (Zuckerberg) or never lowercase and it has no common-word shape.
        if word in ctx.inner_caps:
            return True
        if low in _GIVEN_NAMES_COMMON_SHAPE and _CAPITAL_WORD_AFTER.match(text, tok.end):
            return True
        if low in ctx.lower_words or _EN_COMMON_SUFFIX.search(low):
            return False
        if _PLURAL_LOOKING.search(low):
            return False  # plural-looking ("Engineers are", "Protests by")
    return True


_PLURAL_LOOKING = re.compile(r"[^su]s$")
_CAPITAL_WORD_AFTER = re.compile(r" [A-Z][a-z]")


class _Context:
    """What the surrounding text says about words: seen lowercase, seen capitalised mid-sentence.

    Each set is built from the text on first use: only a capitalised sentence-initial word that nothing else
    decides consults them, and most sentences have none.
    """

    def __init__(self, text: str, inner_caps: set[str] | None = None) -> None:
        self._text = text
        self._lower: set[str] | None = None
        self._inner = inner_caps  # given: the German pre-pass names stand in for the text's inner capitals

    @property
    def lower_words(self) -> set[str]:
        """Words the text has in lower case."""
        if self._lower is None:
            self._lower = {t.text for t in _tokens(self._text) if t.text.islower()}
        return self._lower

    @property
    def inner_caps(self) -> set[str]:
        """Words the text capitalises where they do not start a sentence."""
        if self._inner is None:
            text = self._text
            caps = (t for t in _tokens(text) if t.text[:1].isupper())
            self._inner = {t.text for t in caps if not _is_sentence_initial(text, t.start)}
        return self._inner


_DE_DETERMINER = re.compile(
    r"^(?:der|die|das|den|dem|des|ein|eine|einen|einem|einer|eines|kein\w*|mein\w*|dein\w*|sein\w*|ihr\w*"
    r"|unser\w*|euer\w*|dies\w*|jed\w*|jen\w*|manch\w*|welch\w*|solch\w*|viel\w*|wenig\w*|einig\w*|mehrere"
    r"|alle\w*|beide\w*|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|zwölf|im|am|vom|zum|zur|beim|ins|ans"
    r"|aufs|übers|fürs|ums)$"
)


_GENITIVE_ARTICLE_AFTER = re.compile(r"\s+(?:der|des)\b")
_DE_ADJECTIVE_ENDING = re.compile(r"(?:ig|ch|isch|lich|ne|te|ige|che|en|er|es|em)$")


def _german_candidate(tok: _Tok, prev: _Tok | None, initial: bool, text: str) -> bool:
    """German capitalises every noun: a capitalised word is a name only without noun evidence."""
    word = tok.text
    low = word.casefold()
    if initial:
        return False  # sentence-initial German word: no evidence either way, favour precision
    if _GENITIVE_ARTICLE_AFTER.match(text, tok.end):
        return False  # followed by a genitive article: "Angaben der ...", "in Folge der ..."
    if prev is not None and text[prev.end : tok.start].strip() == "":
        p = prev.text
        pl = p.casefold()
        if p[0].isdigit():
            return False  # "drei Wochen", "28.000 Tote"
        if _DE_DETERMINER.match(pl):
            return False  # article or determiner: a common noun
        if (
            p.islower()
            and _DE_ADJECTIVE_ENDING.search(p)
            and not (_DE_PREPOSITION.match(p) or p in _DE_VERBS_BEFORE_NAMES)
        ):
            return False  # inflected adjective: "dem neuartigen Coronavirus", "britischer Eltern"
        if _is_title(pl):
            return True  # "Ministerpräsident Markus Söder"
        if pl in _DE_BARE_NOUN_PREP and not _DE_PLACE_OK.search(low):
            return False  # "zu Boden", "als Kind", "von Matrosen": bare nouns after these are common
    if len(word) > 12 and "-" not in word:
        return False  # long compounds are common nouns (Wirtschaftsministerium)
    if _DE_NOUN_SUFFIX.search(low) and not _DE_PLACE_OK.search(low):
        # A title, a given name, then this: a family name however noun-like ("Präsidentin Martina Keller",
        # whose "Keller" was cut off, so the quotation went to "Martina" alone).
        before = _TITLE_AND_GIVEN.search(text, max(0, tok.start - 60), tok.start)
        return before is not None and (
            _is_title(before.group(1).casefold())
            or _HYPHENATED_PERSON_NOUN.search(before.group(1)) is not None
            or before.group(1).casefold() in _SPEECH_BEFORE_NAME
        )
    return True


_TITLE_AND_GIVEN = re.compile(r"([\w-]+)\s+[A-ZÄÖÜ][a-zäöüß]+\s+$")
# "sagte Karin Wagner": after a verb of saying, a capitalised word and another are a given name and surname.
_SPEECH_BEFORE_NAME = frozenset(
    {"sagte", "sagt", "erklärte", "erklärt", "betonte", "betont", "meinte", "meint", "so", "schrieb"}
    | {"schreibt", "warnte", "warnt", "kritisierte"}
)
# "Foodwatch-Kampagnerin Anne Kessler", "Grünen-Politiker Jan Becker": a hyphenated compound naming a person
# by what she does stands before a name as a title does ("Kessler" was cut off, a held-out story).
_HYPHENATED_PERSON_NOUN = re.compile(
    r"\w-[A-ZÄÖÜ]\w*(?:er|erin|ist|istin|ent|entin|ant|antin|eur|eurin|or|orin)$"
)
# German compounds that end in a role are titles ("EVG-Verhandlungsführer Tobias Brenner", "Pressesprecherin",
# "Projektleiter"): the table cannot list them all, and "Brenner" after one was cut off as a noun, so the
# quotation went to "Tobias" alone (a held-out review story). Only compounds: "Richter" alone is a name too.
_DE_TITLE_SUFFIX = re.compile(
    r"(?<=\w)(?:führer|leiter|sprecher|chef|vorsitzende|direktor|präsident|minister|beauftragte|manager|sekretär"
    r"|kommissar|ermittler|anwalt|anwältin|richter|trainer|botschafter|experte|expertin)(?:in|r|n)?$"
)


_INITIALS_SKIP = frozenset({"of", "the", "and", "for", "der", "die", "das", "des", "für", "und", "&"})


def initials_of(full: str, short: str) -> bool:
    """Whether `short` is the initials of a name of more than one word ("DB" of "Deutsche(n) Bahn", "NAIB" of
    "National Accident Investigation Board"): a held-out review story reported "Deutsche Bahn" / "DB"."""
    letters = short.replace(".", "")
    if not 2 <= len(letters) <= 6 or not letters.isalpha() or not letters.isupper():
        return False
    words = [w for w in full.replace("-", " ").split() if w.casefold() not in _INITIALS_SKIP]
    if len(words) == len(letters) and all(w[:1].upper() == c for w, c in zip(words, letters, strict=True)):
        return True
    # An acronym inside the name gives all its letters: "USGS" of "US Geological Survey", "U.S. ...".
    spelt = "".join(
        bare if bare.isalpha() and bare.isupper() else w[:1].upper()
        for w in words
        for bare in (w.replace(".", ""),)
    )
    return len(words) > 1 and spelt == letters


def _is_title(word: str) -> bool:
    """Whether a case-folded word is a title or role before a name (präsidentin, evg-verhandlungsführer)."""
    return word in _TITLES or word.split("-")[-1] in _TITLES or _DE_TITLE_SUFFIX.search(word) is not None


# Prepositions after which an article-less capitalised word is usually a common noun; "in", "nach", "aus"
# and "bei" are left out because places follow them without an article ("in Spanien", "nach Tokio").
# fmt: off
_DE_BARE_NOUN_PREP = {
    "zu", "als", "von", "mit", "ohne", "gegen", "um", "für", "unter", "über", "durch", "vor",
}
# fmt: on
# Verbs that commonly stand right before a subject name in German inverted word order ("sagte Hu").
# fmt: off
_DE_VERBS_BEFORE_NAMES = {
    "sagte", "sagten", "hatte", "hatten", "erklärte", "betonte", "schrieb", "meinte", "warnte",
    "kritisierte", "forderte", "traf", "teilte", "berichtete", "ergänzte", "fügte", "antwortete", "wurde",
    "habe", "sei", "begrüßte", "besuchte", "gewann", "verlor",
}
# fmt: on
_DE_PREPOSITION = re.compile(
    r"^(?:in|aus|nach|von|bei|mit|gegen|für|über|unter|vor|zwischen|durch|ohne|um|seit|zu|an|auf|laut)$"
)


_QUOTED_SEGMENT = re.compile(r"[“\"„«»]([^“”\"„«»\n]{3,120})[”\"“«»]")


def _title_case_spans(text: str) -> list[tuple[int, int]]:
    """Lines and quoted titles written in Headline Style ("Meta GenAI Org in Panic Mode")."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        if _is_title_case(line):
            spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    for m in _QUOTED_SEGMENT.finditer(text):
        if len(m.group(1).split()) >= 3 and _is_title_case(m.group(1).rstrip(",.;:!? ")):
            spans.append((m.start(1), m.end(1)))
    return spans


def _latin_entities(text: str, code: str, ctx: _Context) -> list[Entity]:
    toks = _tokens(text)
    if all(tok.plain for tok in toks):
        return []  # most sentences of Chinese, and lowercase text: no token can start a name
    # German capitalises every noun, so "Headline Style" cannot be told from ordinary German prose.
    titled_spans = _title_case_spans(text) if code != "de" else []
    runs: list[tuple[list[_Tok], bool]] = []  # (tokens, preceded by a title such as CEO)
    current: list[_Tok] = []
    after_title = False
    pending_title = False
    # German: a capital right after a bare-noun preposition is taken for a common noun ("von Matrosen"), but
    # when a name of two or more words follows it at once, it is that name's first word: "von Harbor Bridge
    # Securities" lost "Harbor" and a translation was reported as naming "Bridge Securities".
    held: _Tok | None = None
    claims_held = False

    def flush() -> None:
        nonlocal current, after_title, claims_held
        if current:
            if claims_held and held is not None and len(current) >= 2:
                current.insert(0, held)
            runs.append((current, after_title))
        current = []
        after_title = False
        claims_held = False

    prev: _Tok | None = None
    chained_to = 0  # tokens before this index were taken into a run as family-name particles
    for i, tok in enumerate(toks):
        if i < chained_to:
            prev = tok
            continue
        if tok.plain and not (current and tok.text in _FAMILY_PARTICLES):
            # Exactly what the full checks below do for such a token (it is no title, particle, corporate
            # suffix, version, candidate or run continuation): end the run, cancel a pending title.
            if current:
                flush()
            pending_title = False
            held = None
            prev = tok
            continue
        gap = text[prev.end : tok.start] if prev else ""
        adjacent = (
            prev is not None
            and not prev.possessive
            and (gap in (" ", "\u00a0") or (gap == ". " and len(prev.text) == 1 and prev.text.isupper()))
        )  # "George W. Bush": a middle initial keeps the run going
        in_title = bool(titled_spans) and any(s <= tok.start < e for s, e in titled_spans)
        low = tok.text.casefold()
        upper = tok.text[:1].isupper()
        if current and not adjacent:
            flush()
        if _is_title(low):
            if current and adjacent and low in _QUALIFIED_TITLES and _is_portfolio(current):
                current = []  # "Federal Finance Minister", "Labour Minister": the office, not a name
                after_title = claims_held = False
            elif current and adjacent and low == "chief" and current[-1].text.casefold() in _SERVICES:
                # "Westbury Fire Chief Dana Whitlock": the place keeps its name, the service is the office's
                # (an editor was shown "Westbury Fire" as the speaker of a quotation).
                while current and current[-1].text.casefold() in _SERVICES:
                    current.pop()
            flush()
            pending_title = True
            if low in _PORTFOLIO_TITLES:
                chained_to = _portfolio_after(toks, i, text)  # "Secretary of State", "Minister of Finance"
            prev = tok
            continue
        if current and low.rstrip(".") in _CORP_SUFFIXES and upper:
            current.append(tok)  # "Meta Platforms Inc"
        elif (
            not current
            and runs
            and runs[-1][0][-1] is prev
            and gap == ", "
            and upper
            and low.rstrip(".") in _CORP_SUFFIXES
        ):
            runs[-1][0].append(tok)  # "Meta Platforms, Inc."
        elif current and _VERSION_NUMBER.fullmatch(tok.text) and _version_follows(current, toks, i, text):
            current.append(tok)  # "Llama 3.1", "Claude 3.5", "Qwen 2.5"
        elif (
            code == "de"
            and not current
            and _DE_NAME_ADJECTIVE.fullmatch(tok.text)
            and (chain := _german_name_adjective(toks, i, text))
        ):
            current.extend(toks[i : i + chain])  # "Deutsche Bank", "der Europäischen Zentralbank"
            chained_to = i + chain
        elif low in _FAMILY_PARTICLES and (
            chain := _family_particles(toks, i, text, code, bool(current), pending_title and adjacent)
        ):
            if not current:
                after_title = pending_title and adjacent
                claims_held = False
            current.extend(toks[i : i + chain])  # "Ursula von der Leyen", "Virgil van Dijk", "Erik ten Hag"
            chained_to = i + chain
        elif (
            current
            and low in _PARTICLES
            and i + 1 < len(toks)
            and toks[i + 1].text[:1].isupper()
            and text[tok.end : toks[i + 1].start] == " "
            and _particle_ok(low, current, code)
        ):
            current.append(tok)  # "Bank of America", "Leonardo da Vinci"
        elif (
            _candidate(tok, text, code, prev, in_title, ctx)
            or (current and adjacent and upper and not in_title and _run_continues(tok, code))
            or (pending_title and adjacent and upper and low not in _STOP_EN and low not in _GENERIC_ACRONYMS)
        ):
            if not current:
                after_title = pending_title and adjacent
                claims_held = held is not None and held is prev and adjacent
            current.append(tok)
        else:
            flush()
            after_preposition = code == "de" and adjacent and _after_bare_noun_preposition(tok, prev, text)
            held = tok if after_preposition else None
        pending_title = False
        if tok.possessive or (
            code == "de" and current and low.endswith("s") and _known_name(tok.text[:-1], code)
        ):
            flush()  # German genitive "Portugals Hauptstadt": the name ends before the noun it owns
        prev = tok
    flush()

    out: list[Entity] = []
    for run, titled in runs:
        # A particle must not dangle at the end ("of" after a run that ended).
        while run and (run[-1].text.casefold() in _PARTICLES or run[-1].text in _FAMILY_PARTICLES_SECOND):
            run = run[:-1]
        if not run:
            continue
        words = [t.text for t in run]
        if len(words) == 1 and words[0].casefold() in _DEMONYMS:
            continue  # "Chinese" alone is an adjective here
        start, end = run[0].start, run[-1].end
        surface = text[start:end]
        possessive = run[-1].possessive
        if code == "de" and not possessive and len(surface) > 3 and surface.endswith("s"):
            stem = surface[:-1]
            if stem.casefold() in _ORGS or stem.casefold() in _PLACES:
                end -= 1  # German genitive: "Metas Llama" names Meta
                surface = stem
                possessive = True
        key = fold_name(_german_adjective_base(surface) if code == "de" else surface)
        out.append(Entity(start, end, surface, key, _classify(words, titled), possessive))
    return out


def _after_bare_noun_preposition(tok: _Tok, prev: _Tok | None, text: str) -> bool:
    """A capital that _german_candidate refused only for the bare-noun preposition before it."""
    if prev is None or prev.text.casefold() not in _DE_BARE_NOUN_PREP or not tok.text[:1].isupper():
        return False
    low = tok.text.casefold()
    if low in _STOP_DE or low in _STOP_EN or low in _GENERIC_ACRONYMS or low in _MONTHS_DAYS:
        return False
    return _german_candidate(tok, None, False, text)


# Dutch and German family-name particles, and the article that may follow them: "von der Leyen", "van den
# Berg", "ter Stegen". English text has them only in names; German "von" is also "of/from" ("Scholz von der
# SPD"), so in German they join a name only as "van", "ter" and "ten" after a given name.
_FAMILY_PARTICLES = {"van", "von", "ter", "ten"}
_FAMILY_PARTICLES_SECOND = {"der", "den", "dem", "de", "het"}


# A minister's portfolio is written in capitals before the title ("Federal Finance Minister Christian
# Lindner", "Labour Minister Hubertus Heil"): those words named no "Federal Finance" person and no Labour
# party, which a translation that wrote Bundesfinanzminister was reported as dropping.
_PORTFOLIO_TITLES = {"minister", "secretary", "commissioner", "senator"}
# Titles whose office may be written in capitals before them: a minister's portfolio, and the service a
# chief heads ("Fire Chief Dana Reyes", "Police Commissioner").
_QUALIFIED_TITLES = _PORTFOLIO_TITLES | {"chief", "officer"}
# Services a chief heads, written between a place's name and the title ("Westbury Fire Chief").
_SERVICES = {"fire", "police", "rescue", "ambulance"}
# A minister's portfolio in three languages: office -> (English words, German stems before "minister",
# Chinese before 部长/大臣). The name extractor takes the English words as part of a title, and compare
# reports a minister given another office.
MINISTER_PORTFOLIOS: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "interior": (("interior", "home"), ("innen",), ("内政", "内务")),
    "defence": (("defence", "defense"), ("verteidigungs",), ("国防",)),
    "finance": (("finance",), ("finanz",), ("财政",)),
    "economy": (("economy", "economic affairs", "economics"), ("wirtschafts",), ("经济",)),
    "labour": (("labour", "labor", "employment"), ("arbeits",), ("劳工", "劳动")),
    "trade": (("commerce", "trade"), ("handels",), ("商务", "贸易", "商业")),
    "health": (("health",), ("gesundheits",), ("卫生",)),
    "foreign": (("foreign",), ("außen",), ("外交",)),
    "justice": (("justice",), ("justiz",), ("司法",)),
    "education": (("education",), ("bildungs",), ("教育",)),
    "agriculture": (("agriculture",), ("landwirtschafts", "agrar"), ("农业",)),
    "transport": (("transport",), ("verkehrs",), ("交通",)),
    "infrastructure": (("infrastructure",), ("infrastruktur",), ("基础设施",)),
    "digital": (("digital affairs", "digital"), ("digital",), ("数字",)),
    "environment": (("environment",), ("umwelt",), ("环境",)),
    "energy": (("energy",), ("energie",), ("能源",)),
    "culture": (("culture",), ("kultur",), ("文化",)),
    # A held-out story's Polish industry minister became an energy minister in translation, unreported.
    "industry": (("industry", "industrial"), ("industrie",), ("工业",)),
    "science": (("science", "research"), ("wissenschafts", "forschungs"), ("科技", "科学")),
    "housing": (("housing",), ("bau", "wohnungsbau"), ("住房",)),
}
# Words of a capitalised run before a minister's title that name the office, not a person: the portfolios'
# English words and what goes with them ("Federal Finance Minister", "Shadow Home Secretary").
_PORTFOLIO_WORDS = {
    word for english, _, _ in MINISTER_PORTFOLIOS.values() for name in english for word in name.split()
} | {
    "federal", "state", "deputy", "junior", "shadow", "financial", "treasury", "economic", "industry",
    "social", "climate", "development", "family", "housing", "science", "research", "european", "affairs",
    "security", "budget", "homeland", "veterans", "fire", "police", "operating", "technology", "information",
    "marketing", "investment", "risk", "medical", "scientific", "commercial", "legal",
}  # fmt: skip


def _portfolio_after(toks: Sequence[_Tok], i: int, text: str) -> int:
    """Index of the first token after "of (the) <portfolio>" following the title toks[i], else i + 1."""
    j = i + 1
    if j < len(toks) and toks[j].text == "of" and text[toks[i].end : toks[j].start] == " ":
        j += 1
        if j < len(toks) and toks[j].text == "the":
            j += 1
        first = j
        while j < len(toks) and toks[j].text[:1].isupper() and toks[j].text.casefold() in _PORTFOLIO_WORDS:
            j += 1
        if j > first:
            return j
    return i + 1


def _is_portfolio(run: list[_Tok]) -> bool:
    """Whether a capitalised run before a minister's title is the portfolio (and nationality) only."""
    words = [t.text.casefold() for t in run]
    return any(w in _PORTFOLIO_WORDS for w in words) and all(
        w in _PORTFOLIO_WORDS or w in _DEMONYMS or w in {"and", "of", "for"} or DEMONYM_SHAPE.search(w)
        for w in words
    )


# Nationalities the table does not list, by their endings (Belgian, Peruvian, Chilean, Portuguese, Polish,
# Israeli, Czech, Thai, Icelandic): asked of a run before a portfolio title ("Belgian Economy Minister") and,
# in compare, of two names that share their first letters (Polish / Poland).
DEMONYM_SHAPE = re.compile(r"(?:an|ese|ish|i|ch|ic)$")


# German writes adjectives in lower case except at a sentence start and inside a name, so a capitalised
# "Deutsche"/"Europäischen" inside a sentence starts one: Deutsche Bank, Deutsche Bahn, der Europäischen
# Zentralbank. Only "Bank" was found, and "Analysten der Deutschen Bank" rendered "Commerzbank analysts"
# went unreported.
_DE_NAME_ADJECTIVE = re.compile(
    r"(?:Deutsch|Europäisch|Französisch|Britisch|Amerikanisch|Schweizerisch|Österreichisch|Chinesisch"
    r"|Japanisch|Russisch|Italienisch|Spanisch|Niederländisch|Polnisch|Internationale?|Vereinigt)"
    r"(?:e|en|er|es|em)"
)


def starts_with_german_name_adjective(name: str) -> bool:
    """Whether a German name opens with a capitalised adjective of a name (Deutsche Bank, Europäischen
    Zentralbank): outside a sentence start, German capitalises adjectives only inside names."""
    head, space, _ = name.partition(" ")
    return bool(space) and _DE_NAME_ADJECTIVE.fullmatch(head) is not None


def _german_name_adjective(toks: Sequence[_Tok], i: int, text: str) -> int:
    """How many tokens from toks[i] (a capitalised adjective inside a German sentence) form a name with the
    capitalised word after it, or 0."""
    if _is_sentence_initial(text, toks[i].start) or i + 1 >= len(toks):
        return 0
    noun = toks[i + 1]
    if text[toks[i].end : noun.start] != " " or not noun.text[:1].isupper() or noun.text.isupper():
        return 0
    return 2


def _german_adjective_base(surface: str) -> str:
    """A German name with its leading adjective in the nominative ("Deutschen Bank" -> "Deutsche Bank"), so
    that every case of one name has one key."""
    head, space, rest = surface.partition(" ")
    if space and _DE_NAME_ADJECTIVE.fullmatch(head) and not head.endswith("e"):
        head = re.sub(r"(?:en|er|es|em)$", "e", head)
    return head + space + rest


def _family_particles(
    toks: Sequence[_Tok], i: int, text: str, code: str, after_name: bool, after_title: bool
) -> int:
    """How many tokens from toks[i] form a family-name particle ("von der") that a surname follows, or 0.

    after_name: a capitalised name run ends right before (a given name); otherwise the particle must start
    the surname itself: after a title ("President von der Leyen"), or in English text ("said van Dijk",
    "Von der Leyen said"); "ten" and "ter" only after a given name ("ten German soldiers").
    """
    word = toks[i].text
    low = word.casefold()
    if word not in (low, low.capitalize()):
        return 0
    if code == "de" and (low == "von" or not after_name):
        return 0
    if not after_name and (low in {"ter", "ten"} or not (after_title or code == "en")):
        return 0
    if not after_name and word != low and not _is_sentence_initial(text, toks[i].start) and not after_title:
        return 0  # "Van" capitalised mid-sentence: a word of a headline or a place, not a particle
    n = 1
    if (
        i + 1 < len(toks)
        and toks[i + 1].text in _FAMILY_PARTICLES_SECOND
        and text[toks[i].end : toks[i + 1].start] == " "
    ):
        n = 2
    if i + n >= len(toks):
        return 0
    surname = toks[i + n].text
    if text[toks[i + n - 1].end : toks[i + n].start] != " " or not surname[:1].isupper() or surname.isupper():
        return 0
    if surname.casefold() in _MONTHS_DAYS or surname.casefold() in _STOP_EN:
        return 0
    return n


def _particle_ok(particle: str, current: list[_Tok], code: str) -> bool:
    if particle == "of":
        return current[0].text.casefold() in _ORG_HEADS or current[-1].text.casefold() in _ORG_HEADS
    if particle == "von":
        return False  # German "von" mostly means "of/from", which would glue "LeCun von Meta"
    return code != "de" or particle in {"van", "de", "da", "di"}


def _run_continues(tok: _Tok, code: str) -> bool:
    """A capitalised token after a name run joins it unless it is a German noun or a stop word."""
    low = tok.text.casefold()
    if low in _STOP_EN or low in _GENERIC_ACRONYMS or low in _MONTHS_DAYS:
        return False
    if code == "de":
        return low not in _STOP_DE and not (_DE_NOUN_SUFFIX.search(low) and not _DE_PLACE_OK.search(low))
    return True


# A digit group after the number ("58,000", "1.200"): a figure, never a version.
_THOUSANDS_AFTER = re.compile(r"[,.]\d{3}(?!\d)")
_DECIMAL_THEN_WORD = re.compile(r"[,.]\d+[\s\u00a0]*(\w+)")
# Capitalised words that open a sentence with a figure: no product is named "Around" or "Rund".
_APPROXIMATORS = frozenset({
    "around", "about", "nearly", "almost", "some", "roughly", "approximately", "over", "under", "only",
    "just", "exactly", "more", "fewer", "less", "up", "at", "by", "rund", "etwa", "fast", "knapp", "über",
    "gut", "nur", "mehr", "weniger", "circa", "ca",
})  # fmt: skip


# Nouns a number labels or ranks ("Platz 15" is 15th place, not a product "Platz" in version 15: a held-out
# story's league position was compared with "2." of "2. Bundesliga").
_NUMBERED_NOUNS = frozenset({
    "platz", "rang", "tabellenplatz", "spieltag", "runde", "etappe", "stufe", "phase", "kapitel", "artikel",
    "paragraf", "paragraph", "absatz", "seite", "nummer", "gleis", "halle", "terminal", "gate", "zimmer",
    "page", "chapter", "article", "stage", "round", "room", "platform", "level", "grade", "section",
})  # fmt: skip


def _version_follows(current: list[_Tok], toks: Sequence[_Tok], i: int, text: str) -> bool:
    """A short number after a name is a version ("Llama 4") unless a unit or a year/date follows."""
    base = current[-1].text.casefold()
    if base in _MONTHS_DAYS or base in _NUMBERED_NOUNS or any(ch.isdigit() for ch in base):
        return False
    nxt = toks[i + 1].text.casefold() if i + 1 < len(toks) else ""
    after = text[toks[i].end : toks[i].end + 1]
    if nxt in _UNIT_WORDS or (after in "%$€" and after != ""):
        return False
    if _THOUSANDS_AFTER.match(text, toks[i].end) or base in _APPROXIMATORS:
        return False  # "Around 58,000 patients" opens a sentence with a figure, not a product "Around 58"
    decimal = _DECIMAL_THEN_WORD.match(text, toks[i].end)
    if decimal and (decimal.group(1).casefold() in _UNIT_WORDS or decimal.group(1) in ("Mio", "Mrd")):
        return False  # "hatte Fischer 2,4 Millionen Dollar zugesprochen": a figure after the name
    family = _HYPHEN_OR_SPACE.split(base)[0] in _PRODUCT_FAMILIES
    name = " ".join(t.text for t in current)
    if not family and figure_after_name(text, name, current[0].start, toks[i].end):
        return False
    return family or _is_shape_name(current[0].text) or len(current) == 1


_LIST_JOINERS = frozenset({"and", "or", "while", "whereas", "und", "oder", "sowie", "während", "et", "ou"})
_FIRST_WORD = re.compile(r"\s*(\w+)")


def figure_after_name(text: str, name: str, name_start: int, number_end: int) -> bool:
    """Whether a bare number right after a name is the name's figure in a list, not its version.

    "the Greens 23 and the AfD 14", "Bayern scored 3 goals and Dortmund 1.": a clause that leaves out the verb
    of an earlier figure gives each name its own figure. The number must end a list item (a conjunction, a
    comma or a clause end follows), and the name must be a party, firm or place of the lexicons or follow an
    earlier figure in the sentence. Product families keep their versions ("Llama 3 in 2024 and Llama 4.").
    """
    folded = name.casefold()
    if _HYPHEN_OR_SPACE.split(folded)[0] in _PRODUCT_FAMILIES:
        return False
    rest = text[number_end:].lstrip()
    if rest and rest[0] not in ",;.)!?":
        word = _FIRST_WORD.match(rest)
        if word is None or word.group(1).casefold() not in _LIST_JOINERS:
            return False
    last = folded.rsplit(" ", 1)[-1]
    if _lexicon_kind(folded) in ("org", "place") or _lexicon_kind(last) in ("org", "place"):
        return True
    if _is_shape_name(name.split()[0]):
        return False  # "iOS 18", "macOS 15": a name shaped like a product keeps its version
    return _HAS_DIGIT.search(text, 0, name_start) is not None


def _zh_entities(text: str, latin: Sequence[Entity]) -> list[Entity]:
    """Chinese-script names: known forms, org/place suffixes, 《titles》, and X·Y transliterated names."""
    out: list[Entity] = []
    taken = [(e.start, e.end) for e in latin]

    def add(start: int, end: int, kind: str) -> None:
        stripped = True
        while stripped:  # left extension cannot tell a verb from a name: strip common leading verbs
            stripped = False
            for prefix in _ZH_LEADING_VERBS:
                if text.startswith(prefix, start) and end - start - len(prefix) >= 2:
                    start += len(prefix)
                    stripped = True
                    break
        if end - start < 2 or any(s < end and start < e for s, e in taken):
            return
        taken.append((start, end))
        surface = text[start:end]
        out.append(Entity(start, end, surface, fold_name(surface), kind))

    # Each table entry is scanned only when its text occurs at all (a substring test is far cheaper than a
    # regex scan); the scan order, and so which overlapping candidate wins, is unchanged.
    if "《" in text:
        for m in _ZH_TITLE.finditer(text):
            add(m.start(1), m.end(1), "other")
    if "某" in text:
        for m in _ZH_ANONYMISED.finditer(text):
            add(m.start(), m.end(), "person")  # anonymised person (黄某某)
    for suffix, kind, pattern in _ZH_SUFFIX_SCANS:
        if suffix not in text:
            continue
        for m in pattern.finditer(text):
            end = m.end()
            if kind == "place" and (
                text[end : end + 1] in _ZH_NOT_PLACE_AFTER
                or text[m.start() - 1 : m.start()] in _ZH_NOT_PLACE_BEFORE
            ):
                continue  # 市场 market, 市民 citizens, 城市 city, 股市 stock market: not a place name
            start = m.start()
            while start > 0 and m.start() - start < 8 and _is_zh_name_char(text[start - 1]):
                start -= 1
            if m.start() - start >= 1:
                add(start, end, kind)
    # Transliterated foreign names (约翰·刘易斯); after suffixes so 约翰·霍普金斯大学 stays one org.
    if "·" in text:
        for m in _ZH_DOTTED_NAME.finditer(text):
            add(*_dotted_name_core(text, m.start(), m.end()), "person")
    for name, kind, pattern in _ZH_KNOWN_SCANS:
        if name in text:
            for m in pattern.finditer(text):
                add(m.start(), m.end(), kind)
    return out


# Common Chinese surnames (the most frequent hundred or so): a Chinese person's name in a translation is
# its pinyin, often with the given name first (段梦琪 = Duan Mengqi or Mengqi Duan).
ZH_SURNAMES = frozenset(
    "王李张刘陈杨黄赵周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
    "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
    "柳习"
    # Korean family names in Chinese text (朴成民 Park Seong-min, 申, 权, 洪): a quotation after "朴成民写道"
    # had no speaker (a held-out story).
    "朴申权洪"
)
# Job titles and forms of address that stand before a Chinese name (律师马克·埃文斯, AMD首席执行官苏姿丰,
# 主任王明): one list for the name extractor here, the speaker of a quotation (statements) and the names a
# translation renders (translation), which had kept three lists that each missed titles the others had.
ZH_PERSON_TITLES = (
    "首席执行官", "首席财务官", "董事长", "总经理", "发言人", "负责人", "创始人", "研究员", "检察官",
    "指令长", "驾驶员", "主教练", "律师", "法官", "总裁", "主席", "总统", "总理", "部长", "行长", "局长",
    "教授", "医生", "州长", "市长", "领袖", "队长", "队员", "专家", "教练", "前锋", "后卫", "门将", "中场",
    "球员", "选手", "经理", "主任", "书记", "议员", "委员", "大使", "博士", "作者", "导演", "演员", "先生",
    "女士", "首脑", "首相", "总督", "国王", "女王", "王子", "公主", "主教", "大臣", "总干事", "主帅",
    "画家", "作家", "歌手", "科学家", "艺术家", "企业家", "经济学家", "记者", "摄影师", "建筑师",
    "村民", "居民", "市民", "农民", "店主", "司机", "护士", "工人", "学生", "老师", "分析师", "总监", "督察",
)  # fmt: skip
# Titles before and verbs after a transliterated name that its pattern takes in (律师马克·埃文斯表示,
# 领袖玛丽克·范戴克领导的): an editor was shown 市长彼得·琴切尔 and 长安耶斯·特亚克斯表 as names that a
# translation did not render. Transliterations are written with a small set of characters that none of these
# words contains, so the rightmost title and the leftmost verb are the name's edges.
_ZH_TITLES_BEFORE_NAMES = (*ZH_PERSON_TITLES, "官", "长", "员", "者", "师", "人", "的")
# Verbs, and titles that follow a name (詹姆斯·惠特洛克博士说), as a name's right edge.
_ZH_WORDS_AFTER_NAMES = (
    "表示", "指出", "认为", "透露", "强调", "介绍", "警告", "宣布", "签署", "领导", "告诉", "提出", "博士",
    # "伊丽莎白·拉纳证实", "皮埃尔·勒梅尔承认发" were read as names (a held-out review story)
    "证实", "承认", "否认", "确认", "驳斥", "拒绝", "回应", "补充", "解释", "写道", "坦言", "提到", "呼吁",
    "批评", "指责", "称赞", "希望", "预计", "相信", "决定", "同意", "发现", "要求", "辞职", "离开", "抵达",
    "教授", "先生", "女士", "议员", "说", "称", "在", "于", "和", "与", "等", "罚", "接", "对", "向",
    "也", "则", "还", "曾", "将", "已", "是", "被", "的",
)  # fmt: skip


def _dotted_name_core(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of a dotted name (约翰·刘易斯) without the titles before it and the verbs or titles after it,
    also where the pattern's span cuts such a word in two."""
    dot = text.index("·", start, end)
    # The rightmost title that leaves a given name: of two characters after a one-character title (长, 员),
    # of one after a longer title (检察官简·奥卡福).
    for position in range(dot - 1, start - 5, -1):
        title = next((t for t in _ZH_TITLES_BEFORE_NAMES if text.startswith(t, max(position, 0))), None)
        if position < 0 or title is None:
            continue
        given = dot - (position + len(title))
        if position + len(title) >= start and given >= (2 if len(title) == 1 else 1):
            start = position + len(title)
            break
    if dot + 2 < end and text[dot + 1] in ZH_SURNAMES and text.startswith(_ZH_WORDS_AFTER_NAMES, dot + 2):
        return start, dot + 2  # a Chinese family name after a Western given name (雷切尔·陈表示)
    for position in range(dot + 3, end):  # the leftmost word after two characters of the family name
        if text.startswith(_ZH_WORDS_AFTER_NAMES, position):
            end = position
            break
    return start, end


# fmt: off
_ZH_LEADING_VERBS = (
    "根据", "依据", "按照", "关闭", "查看", "访问", "前往", "来自", "位于", "加入", "离开", "成立", "包括",
    "通过", "要求", "宣布", "表示", "请", "讲", "向", "对", "在",
)
# fmt: on


def _is_zh_name_char(ch: str) -> bool:
    return ("\u4e00" <= ch <= "\u9fff" or ch == "·") and ch not in _ZH_STOP


_ZH_NAME_CHAR = "[^\\W\\d_a-zA-Z" + re.escape("".join(sorted(_ZH_STOP - set(" \n")))) + "]"
_ZH_TITLE = re.compile(r"《([^《》\n]{1,30})》")
_ZH_ANONYMISED = re.compile(r"([\u4e00-\u9fff])某某?")
# Up to six characters a side (克里斯塔利娜·格奥尔基耶娃); _dotted_name_core trims titles and verbs off.
# After the dot, 因 is a sound of the name (克莱因 Klein, 爱因斯坦 Einstein), not "because" (因为): an
# editor's 马库斯·克莱因 was read as 马库斯·克莱.
_ZH_DOTTED_NAME = re.compile(rf"{_ZH_NAME_CHAR}{{1,6}}·(?:{_ZH_NAME_CHAR}|因(?!为)){{1,6}}")
_ZH_NOT_PLACE_AFTER = set("场民值长面区政委里级")
# Before 市/省/县: 城市 city, 股市 stock market, and determiners (本市 "this city", 全市 "the whole city",
# 各省 "every province", 两市 "the two cities"), which an editor was shown as a place name.
_ZH_NOT_PLACE_BEFORE = set("城都股超上本全各我此两每某")
# (text, kind, compiled scan), longest first, in the order _zh_entities has always tried them.
_ZH_SUFFIX_SCANS = [
    (suffix, kind, re.compile(re.escape(suffix)))
    for suffix, kind in sorted(
        [(s, "org") for s in _ZH_ORG_SUFFIX] + [(s, "place") for s in _ZH_PLACE_SUFFIX],
        key=lambda p: -len(p[0]),
    )
]
_ZH_KNOWN_SCANS = [
    (name, kind, re.compile(re.escape(name)))
    for name, kind in sorted(_ZH_KNOWN.items(), key=lambda p: -len(p[0]))
]


# ---------------------------------------------------------------------------------------------------------
# Attributions

_POSS_GAP_MAX = 3  # "Meta's unreleased Llama-4", "Meta's flagship AI Llama": a few modifiers, no more
_OF_WORDS = {"of", "from", "by", "von", "at"}
# fmt: off
_OWNER_ROLES = {
    "founder", "co-founder", "cofounder", "backer", "owner", "parent", "maker", "developer", "creator",
    "investor", "gründer", "eigentümer", "besitzer", "hersteller", "entwickler",
}
# fmt: on
_GAP_STOP = _STOP_EN - {"new", "latest"} | {"'s", "’s"}


def extract_attributions(
    text: str, lang: str | None, entities: Sequence[Entity] | None = None
) -> list[Attribution]:
    """Possessive and of/von/的 phrases saying who owns, made or employs what, in text order."""
    ents = sorted(entities if entities is not None else extract_entities(text, lang), key=lambda e: e.start)
    if len(ents) < 2:
        return []  # every attribution links two entities
    code = _lang(lang, text)
    out: list[Attribution] = []
    for i, owner in enumerate(ents):
        nxt = ents[i + 1] if i + 1 < len(ents) else None
        if nxt is None:
            break
        gap = text[owner.end : nxt.start]
        if code == "zh" and owner.kind == "product" and nxt.kind == "product":
            continue  # "运行iOS 18的iPhone 16 Pro": the iPhone that runs iOS 18, not iOS 18's iPhone
        if (code == "zh" and _zh_possessive_gap(gap)) or (owner.possessive and _possessive_gap_ok(gap, code)):
            out.append(_attr(text, owner, nxt, owner.start, nxt.end))
    # "the Llama model of Meta", "Yann LeCun from Meta", "Marc Andreessen, co-founder of Netscape".
    for i, thing in enumerate(ents[:-1]):
        if thing.possessive or any(a.thing == thing or a.owner == thing for a in out):
            continue
        j = i + 1
        gap = text[thing.end : ents[j].start]
        # "a subsidiary of Hong Kong-based High-Flyer": the -based name is a modifier, the owner follows.
        while j + 1 < len(ents) and _ATTACHED_TAILS.match(
            text[ents[j].end : ents[j + 1].start].split(" ")[0]
        ):
            gap += "x " + text[ents[j].end : ents[j + 1].start].split(" ", 1)[-1]
            j += 1
        owner = ents[j]
        m = _OF_GAP.fullmatch(gap)
        if not m or owner.kind == "product":
            continue
        role_words = (m.group("role") or "").casefold().split()
        role = role_words[-1] if role_words else ""
        link = m.group("link").casefold()
        if role in _OWNER_ROLES:
            out.append(_attr(text, thing, owner, thing.start, owner.end))  # X, the founder of Y: X owns Y
        elif link == "by" and role not in _MADE_BY:
            continue  # "prompted by", "post by": not ownership
        elif m.group("comma") and role not in _PART_OF:
            continue  # "Blind, purportedly from a Meta employee": an aside, not a relation
        else:
            out.append(_attr(text, owner, thing, thing.start, owner.end))
    out.sort(key=lambda a: a.start)
    return out


# fmt: off
_MADE_BY = {
    "made", "developed", "built", "created", "released", "owned", "published", "trained", "launched",
    "designed", "produced", "operated", "run", "backed", "funded", "acquired", "entwickelt", "hergestellt",
}
# fmt: on
# fmt: off
_PART_OF = {
    "subsidiary", "unit", "division", "part", "arm", "brand", "affiliate", "spin-off", "spinoff", "product",
    "model", "project", "startup", "company", "lab", "tochter", "tochterfirma", "tochtergesellschaft",
    "sparte", "produkt", "modell", "employee", "researcher", "scientist", "engineer", "partner", "",
}
# fmt: on


_OF_GAP = re.compile(
    r"(?P<comma>\s*,)?\s*(?:(?:a|an|the|ein|eine|der|die|das)\s+)?"
    r"(?P<role>(?:[a-zäöüß][\w-]*\s+){0,2}?)?"
    r"(?P<link>of|from|by|von|vom)\s+(?:(?:the|der|die|dem|den)\s+)?(?:[a-zäöüß][\w-]*\s+){0,2}",
)


_POSS_MARK = re.compile(r"^(?:['’]s|['’])?")
_DE_POSS_MARK = re.compile(r"^(?:['’]s|['’]|s(?=\s))?")
_GAP_WORD = re.compile(r"[\w-]+")
_ZH_POSS_GAP = re.compile(r"\s*(?:公司|集团)?的[^\s，。、；：！？的]{0,6}?\s*")


def _possessive_gap_ok(gap: str, code: str) -> bool:
    # gap starts with the possessive marker itself ("'s ", "’s ", "' "); German genitive has none.
    # German genitive leaves a bare "s" between the name and the gap ("Metas neues Modell").
    rest = (_DE_POSS_MARK if code == "de" else _POSS_MARK).sub("", gap)
    if rest and not rest[0].isspace():
        return False
    words = rest.split()
    if len(words) > _POSS_GAP_MAX:
        return False
    stop = _STOP_DE if code == "de" else _GAP_STOP
    for w in words:
        low = w.casefold()
        if not _GAP_WORD.fullmatch(w) or low in stop:
            return False
        if w[0].isupper() and low not in _TITLES and low not in _GENERIC_ACRONYMS and code != "de":
            return False
    return True


def _zh_possessive_gap(gap: str) -> bool:
    # "Meta的Llama", "深度求索的R1模型", "Meta公司的最新模型Llama": 的 plus at most a few modifier characters.
    return bool(_ZH_POSS_GAP.fullmatch(gap))


def _attr(text: str, owner: Entity, thing: Entity, start: int, end: int) -> Attribution:
    return Attribution(owner=owner, thing=thing, start=start, end=end, text=text[start:end])


# ---------------------------------------------------------------------------------------------------------
# Spelling variants

# rapidfuzz.fuzz.ratio on folded keys (normalised Indel similarity, 0-100). 88 admits one or two edits in
# names of 8+ characters (highflyer/higherflyer = 90, puttagunt/puttagunta = 95, nadella/nadela = 92) and
# rejects pairs that differ by a whole syllable (austria/australia = 87.5, gemini/gemma = 73).
NEAR_MISS_RATIO = 88.0
_NEAR_MISS_MIN_LEN = 6  # short keys (meta/metz, v3/r1, blind/bling) are too often distinct real names
_NEAR_MISS_MAX_EDITS = 2
_NEAR_MISS_ONE_SWAP_LEN = 8


def _capitals_only(a: str, b: str) -> bool:
    """Whether two spellings are one word written in capitals and in title case (BEIJING / Beijing); an
    acronym's styles (COVID-19 / Covid-19, NASA / Nasa) stay a variant an editor may want one of."""
    caps, title = (a, b) if a.isupper() else (b, a)
    return caps.isupper() and caps.isalpha() and len(caps) >= 5 and title == caps.title()


def spelling_surface(name: str) -> str:
    """A name as find_spelling_variants compares it: one form whatever the sentence position or German case
    ("Van Dijk" as "van Dijk", "Deutschen Bank" as "Deutsche Bank")."""
    return _german_adjective_base(_particle_in_lower_case(name))


def _particle_in_lower_case(name: str) -> str:
    """The name with a capitalised family particle in lower case ("Van Dijk" as "van Dijk"): only a
    sentence start capitalises it."""
    head, space, rest = name.partition(" ")
    if space and head.casefold() in _FAMILY_PARTICLES and head[:1].isupper() and head[1:].islower():
        return head.casefold() + space + rest
    return name


def find_spelling_variants(
    mentions: Sequence[Mention], aliases: AliasTable | None = None
) -> list[SpellingVariant]:
    """Pairs of surface spellings of one name across (or within) documents: same key, or a near-miss key."""
    first: dict[str, Mention] = {}  # surface -> its first mention; insertion order breaks ties
    surfaces: dict[str, list[SentenceRef]] = {}
    seen: set[tuple[str, str, int]] = set()  # (surface, doc, index): a set, not a scan of the list
    for m in mentions:
        surface = spelling_surface(m.entity.text)
        first.setdefault(surface, m)
        refs = surfaces.setdefault(surface, [])
        if (surface, m.doc, m.index) not in seen:
            seen.add((surface, m.doc, m.index))
            refs.append(SentenceRef(m.doc, m.index))
    by_key: dict[str, list[str]] = {}
    for surface in surfaces:
        by_key.setdefault(fold_name(surface), []).append(surface)
    order = {surface: i for i, surface in enumerate(surfaces)}

    def rank(surface: str) -> tuple[int, int]:
        return (-len(surfaces[surface]), order[surface])  # commonest, then earliest spelling first

    def variant(a: str, b: str, ratio: float, severity: str, kind: str, reason: str) -> SpellingVariant:
        if rank(b) < rank(a):
            a, b = b, a
        return SpellingVariant(
            first[a], first[b], tuple(surfaces[a]), tuple(surfaces[b]), ratio, severity, kind, reason
        )

    out: list[SpellingVariant] = []
    for forms in by_key.values():
        forms.sort(key=rank)
        for other in forms[1:]:
            if _capitals_only(forms[0], other):
                continue  # a dateline or headline in capitals ("BEIJING, July 25 -") spells nothing else
            out.append(
                variant(forms[0], other, 100.0, "info", "form", "same name, different case or hyphenation")
            )
    keys = sorted(by_key)
    # Only keys that _near_miss could accept take part (no digits, long enough), and only pairs within the
    # edit limit reach it: this keeps a corpus with thousands of names from costing K² fuzzy comparisons.
    candidates = [k for k in keys if len(k) >= _NEAR_MISS_MIN_LEN and not any(ch.isdigit() for ch in k)]
    canonical = {k: aliases.canonical(k) if aliases is not None else k for k in candidates}
    for i, ka in enumerate(candidates):
        # _near_miss accepts only keys within _NEAR_MISS_MAX_EDITS edits (so also lengths), and rapidfuzz
        # finds those few among the later keys in one C loop; sorted by index, they come in the order of a
        # pairwise loop over candidates[i + 1 :].
        close = process.extract(
            ka,
            candidates[i + 1 :],
            scorer=Levenshtein.distance,
            score_cutoff=_NEAR_MISS_MAX_EDITS,
            limit=None,
        )
        for kb, _distance, _j in sorted(close, key=lambda hit: hit[2]):
            if canonical[ka] == canonical[kb]:
                continue  # the user declared these one name
            ratio = _near_miss(ka, kb)
            if ratio is not None:
                reason = f"likely misspelling (similarity {ratio:.0f})"
                out.append(variant(by_key[ka][0], by_key[kb][0], ratio, "low", "near_miss", reason))
    return out


def likely_same_name(ka: str, kb: str) -> bool:
    """Whether two folded name keys are one name, allowing a likely misspelling (ma xuejun / ma xuejin)."""
    return ka == kb or _near_miss(ka, kb) is not None


def _near_miss(ka: str, kb: str) -> float | None:
    """Similarity when two different keys look like one name misspelt, else None."""
    if any(map(str.isdigit, ka)) or any(map(str.isdigit, kb)):  # map: no Python frame per character
        return None  # versions are meaningful: GPT-4 vs GPT-4o, Llama 3 vs Llama 3.1, V3 vs R1
    if min(len(ka), len(kb)) < _NEAR_MISS_MIN_LEN:
        return None
    short, long_ = sorted((ka, kb), key=len)
    if long_ in (short + "s", short + "es"):
        return None  # plural or German genitive (Meta/Metas)
    if long_.startswith(short) or long_.endswith(short):
        return None  # a part of a longer name (Andreessen / Andreessen Horowitz) is not a misspelling
    ratio = fuzz.ratio(ka, kb)
    edits = Levenshtein.distance(ka, kb)
    if edits > _NEAR_MISS_MAX_EDITS:
        return None
    # One letter swapped in a name of 8+ letters is a typo even where the Indel ratio, which counts a
    # substitution twice, stays under the bar (ma xuejun / ma xuejin = 87.5, like austria/australia, which
    # differ by two inserted letters).
    if ratio < NEAR_MISS_RATIO and not (edits == 1 and len(short) >= _NEAR_MISS_ONE_SWAP_LEN):
        return None
    return float(ratio)
