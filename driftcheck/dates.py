"""Table-driven extraction and comparison of dates and clock times in English, German and Chinese text.

Also defines ``Difference``, the small typed result shared with ``driftcheck.quantities`` (which imports
it from here so the two modules have no import cycle).
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

__all__ = [
    "DateFact",
    "Difference",
    "comparable_fields",
    "compare_dates",
    "date_spans",
    "extract_dates",
    "match_dates",
]


@dataclass(frozen=True)
class Difference:
    """One typed difference between two facts: type (a FINDING_TYPES name), severity and an editor message."""

    type: str
    severity: str
    text: str


@dataclass(frozen=True)
class DateFact:
    """A date or time as stated in text; fields the text does not state are None."""

    start: int  # code-point offsets into the text
    end: int
    text: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    hour: int | None = None
    minute: int | None = None
    relative: bool = False  # stated relative to publication ("last Friday", "上周五", "letztes Jahr")
    weekday: int | None = None  # 0 = Monday; kept for relative weekdays that cannot be resolved
    zone: str | None = None  # the time zone named with a clock time ("utc", "北京时间", "local"), folded


# ---------------------------------------------------------------------------------------------- tables
_EN_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
_DE_MONTHS = {
    "januar": 1, "jänner": 1, "jan": 1, "februar": 2, "feb": 2, "märz": 3, "mär": 3, "april": 4, "apr": 4,
    "mai": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9,
    "sep": 9, "oktober": 10, "okt": 10, "november": 11, "nov": 11, "dezember": 12, "dez": 12,
}  # fmt: skip
_MONTHS = {**_EN_MONTHS, **_DE_MONTHS}
_EN_WEEKDAYS = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}
_DE_WEEKDAYS = {
    "montag": 0, "dienstag": 1, "mittwoch": 2, "donnerstag": 3, "freitag": 4, "samstag": 5, "sonnabend": 5,
    "sonntag": 6,
}  # fmt: skip
_WEEKDAYS = {**_EN_WEEKDAYS, **_DE_WEEKDAYS}
_ZH_WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
_ZH_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
              "八": 8,               "九": 9}  # fmt: skip

# Relative words: how far each shifts from the publication date.  "last"/"letzten" mean the most recent
# such weekday strictly before publication (news usage); "上周" means the previous calendar week, which on
# most days is the same.
_REL_WEEKDAY_SHIFT = {
    "last": "prev", "past": "prev", "letzten": "prev", "letzter": "prev", "vergangenen": "prev",
    "vergangener": "prev", "this": "this", "diesen": "this", "dieser": "this", "next": "next",
    "coming": "next",
    "nächsten": "next", "kommenden": "next", "上": "prev_week", "本": "this_week", "这": "this_week",
    "下": "next_week",
}  # fmt: skip
# Words that put a sentence's event after its publication: a bare weekday there is the coming one.
_FUTURE = re.compile(
    r"\b(?:will|would|shall|is\s+due|are\s+due|scheduled|plans?\s+to|expected\s+to|next|upcoming|wird|werden|werde|"
    r"geplant|kommenden|nächsten)\b"
    # "soll am Montag trainieren", "dürfte am Mittwoch … steigen": ahead; "soll am Montag gestorben sein" is
    # reported of the past (two held-out stories dated the German a week back).
    r"|\b(?:soll|sollen|dürfte|dürften)\b(?![^.;!?]*\b(?:haben|sein|worden)\b)|将|将于|计划|预计|下周",
    re.IGNORECASE,
)
_PAST = re.compile(
    # 直到周一，…，才派出 "not until Monday did they send": 才 before a past verb, not 才会/才能/才将.
    r"\b(?:was|were|had|did|wurden?|waren|war|hatten?)\b(?=[^.;!?]*\b\w+(?:ed|t|en)\b)|截至|才(?![会能将可])",
    re.IGNORECASE,
)
# A weekday that dates a statement ("said on Wednesday it would", "kündigte am Mittwoch an", 周三表示将…) is
# the day it was said, however future what was said: two held-out stories dated it a week ahead.
_SAID_ON_BEFORE = re.compile(
    r"\b(?:said|says|announced|confirmed|stated|added|warned|told\s+\w+(?:\s+\w+)?|sagte|erklärte|kündigte"
    r"|teilte\s+(?:\w+\s+){0,3}mit|warnte)\s+(?:on\s+|am\s+)?$",
    re.IGNORECASE,
)
_ZH_SAID_AFTER = re.compile(r"(?:上午|下午|晚间|晚上|早些时候)?(?:表示|说|称|宣布|透露|证实|发表声明)")
# ...unless the deadline was set then ("was postponed until Monday", "wurde bis Montag verlängert", 推迟).
_DEADLINE_SET = re.compile(
    r"\b(?:postpon\w*|delay\w*|extend\w*|adjourn\w*|deferr?\w*|verschoben|vertagt|verlängert|ausgesetzt)\b"
    r"|推迟|延长|延期|暂停",
    re.IGNORECASE,
)
# A weekday after these is a deadline ahead: "until Sunday", "bis Sonntag", "至周二".
_UNTIL_BEFORE = re.compile(r"(?:\b(?:until|till|through|bis)\s+(?:zum\s+)?|[至到]|直到)$", re.IGNORECASE)
# A weekday after these is past, whatever else the sentence says: "closed since 6 p.m. on Tuesday, and will
# remain closed" (a review story's "will" moved it to the next Tuesday), "seit Dienstag", "自周二以来".
# "in der Nacht zum Mittwoch" / "in der Nacht auf Mittwoch" is the night English tells as "overnight on
# Tuesday" or "early Wednesday": which day it names cannot be compared (a review story's high finding).
_NIGHT_BEFORE = re.compile(r"\bNacht\s+(?:zum|auf\s+den|auf)\s+$", re.IGNORECASE)
_SINCE_BEFORE = re.compile(r"(?:\b(?:since|seit)\b[^;,!?]{0,16}|自[^，。；]{0,6})$", re.IGNORECASE)
_REL_DAY = {
    "yesterday": -1, "today": 0, "tomorrow": 1, "gestern": -1, "vorgestern": -2, "heute": 0, "morgen": 1,
    "übermorgen": 2, "昨天": -1, "昨日": -1, "前天": -2, "今天": 0, "今日": 0, "明天": 1, "明日": 1,
}  # fmt: skip
_REL_YEAR = {
    "last year": -1, "this year": 0, "next year": 1, "letztes jahr": -1, "letzten jahr": -1,
    "vergangenes jahr": -1, "vergangenen jahr": -1, "dieses jahr": 0, "diesem jahr": 0, "nächstes jahr": 1,
    "nächsten jahr": 1, "去年": -1, "今年": 0, "明年": 1, "前年": -2,
}  # fmt: skip
# "said last month" in a May story is April: read, it pairs with another version's "in April" instead of the
# other month the sentence names ("a cut in May"), which a held-out story reported as a changed date.
_REL_MONTH = {
    "last month": -1, "this month": 0, "next month": 1, "letzten monat": -1, "vergangenen monat": -1,
    "diesen monat": 0, "diesem monat": 0, "nächsten monat": 1, "kommenden monat": 1, "上个月": -1, "上月": -1,
    "本月": 0, "这个月": 0, "下个月": 1, "下月": 1,
}  # fmt: skip

_EN_MONTH_RE = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_DE_MONTH_RE = (
    r"(?:Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|"
    r"Jan\.|Feb\.|Mär\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Okt\.|Nov\.|Dez\.)"
)
_ZH_NUM = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})"
_YEAR = r"(?:1[0-9]{3}|20[0-9]{2})"
# ASCII-only guards: CJK characters are \w in Python, so \b would not split "于2017年" or "2020湖南".
_L = r"(?<![0-9A-Za-z.,:/])"
_R = r"(?![0-9A-Za-z]|[.,:]\d)"

# Words after a bare four-digit number that make it a count, not a year ("1500 people", "2000 Menschen").
_NOT_YEAR_AFTER = (
    r"(?!\s*(?:%|％|percent|per\s+cent|Prozent|people|persons|Menschen|Personen|parameters?|Parameter|GPUs?|"
    r"[a-z]*illion|[mM]illiarde|Mio|Mrd|Tsd|thousand|Tausend|[A-Za-z]*watts?|times|mal\b|m\b|km|kg|t\b|[人名例万亿倍]|"
    r"US\$|\$|€|dollars?|Dollar|euros?|Euro|美元|元))"
)
# Words before a bare year that make it a quantity instead ("more than 2000", "$2025", "rund 2000").
_NOT_YEAR_BEFORE = re.compile(
    r"(?:[$€£¥]|\b(?:more\s+than|over|about|around|approximately|roughly|nearly|almost|up\s+to|at\s+least|"
    r"rund|etwa|über|mehr\s+als|knapp|fast|bis\s+zu|mindestens)|[约近逾超过]|至少|高达)\s*$",
    re.IGNORECASE,
)
_YEAR_PREP = (
    r"(?:in|since|by|until|till|from|of|before|after|im|seit|bis|von|ab|vor|nach|Jahr|year|于|在|自|到)"
)

_I = re.IGNORECASE
# Each pattern runs only when its trigger is present: most sentences have no digits or weekday words, and
# skipping whole patterns keeps extraction at several thousand sentences per second. A trigger must find
# something in every text its patterns can match in (tests/test_fact_fast_paths.py checks this).
#
# Triggers are searched case-sensitively in the lower-cased text, which is much faster than re.IGNORECASE.
# That finds every case-insensitive occurrence of a lower-case word except through the three letters that
# re.IGNORECASE equates with an ASCII letter and str.lower() does not map to it (ı and ſ stay, İ becomes
# "i" plus U+0307); _CASE_ODD makes the word triggers fire on those too. Lower-casing changes no digit or
# Han character. A trigger firing where its patterns find nothing only costs their scan.
_CASE_ODD = "|[ıſ\u0307]"
_MONTH_WORDS = (
    r"january|february|march|april|may|june|july|august|september|october|november|december|januar|jänner"
    r"|februar|märz|mai|juni|juli|oktober|dezember"
)
_TRIGGERS = {
    "digit": re.compile(r"\d"),
    "zh": re.compile(r"[年月日号时点點]"),
    "weekday": re.compile(r"day|tag|mittwoch|sonnabend" + _CASE_ODD),
    "zh_week": re.compile(r"周|星期|礼拜"),
    "rel_day": re.compile(r"yesterday|today|tomorrow|gestern|heute|morgen|[昨今明前][天日]" + _CASE_ODD),
    "rel_year": re.compile(r"year|jahr|[去今明前]年" + _CASE_ODD),
    "rel_month": re.compile(r"month|monat|[上本这下]个?月" + _CASE_ODD),
    "month": re.compile(_MONTH_WORDS + _CASE_ODD),
}
# Any trigger at all, to settle the common sentence with none (no digit, no date word) at once: a character
# of any trigger that starts with one (digits, Han), or a word of any other. Two searches, because the
# regex engine scans a character class or a plain word list much faster than one mixed alternation.
_ANY_TRIGGER_CHAR = re.compile(r"[\d年月日号时点點周星礼昨今明前去]")
_ANY_TRIGGER_WORD = re.compile(
    r"day|tag|mittwoch|sonnabend|yesterday|today|tomorrow|gestern|heute|morgen|year|jahr|month|monat|"
    + _MONTH_WORDS
    + _CASE_ODD
)
_TRIGGER_OF = {
    "iso": "digit", "de_numeric": "digit", "en_mdy": "digit", "en_dmy": "digit", "de_dmy": "digit",
    "month_year": "digit", "zh_date": "zh", "zh_year": "zh", "zh_day": "zh", "en_time": "digit",
    "de_time": "digit", "clock": "digit", "hhmm_zone": "digit", "zh_time": "zh", "rel_weekday": "weekday",
    "zh_rel_weekday": "zh_week",
    "weekday": "weekday", "zh_weekday": "zh_week", "rel_day": "rel_day", "rel_year": "rel_year",
    "rel_month": "rel_month",
    "year": "digit", "month_only": "month",
}  # fmt: skip
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "iso",
        re.compile(
            _L + r"(?P<year>" + _YEAR + r")[-/.](?P<month>0?[1-9]|1[0-2])[-/.](?P<day>0?[1-9]|[12]\d|3[01])"
            r"(?:(?:T|\s+)(?P<hour>[01]?\d|2[0-3]):(?P<minute>[0-5]\d)(?::[0-5]\d)?)?" + _R
        ),
    ),
    (
        "de_numeric",
        re.compile(
            _L + r"(?P<day>0?[1-9]|[12]\d|3[01])\.(?P<month>0?[1-9]|1[0-2])\.(?P<year>" + _YEAR + r")" + _R
        ),
    ),
    (
        "en_mdy",
        re.compile(
            # Not after a German preposition: "im April 15 Tonnen" is fifteen tonnes in April (German puts
            # the day first, "15. April"); read as April 15, the figure went unread in a held-out story.
            r"(?<!\b[Ii]m\s)(?<!\b[Ss]eit\s)(?<!\b[Aa]nfang\s)(?<!\b[Ee]nde\s)(?<!\b[Mm]itte\s)"
            r"(?=[A-Z])\b(?P<month>" + _EN_MONTH_RE + r")\s+(?P<day>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?\b"
            r"(?:,?\s+(?P<year>" + _YEAR + r")\b)?"
        ),
    ),
    (
        "en_dmy",
        re.compile(
            r"(?=\d)\b(?P<day>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>"
            + _EN_MONTH_RE
            + r")"
            r"(?:,?\s+(?P<year>" + _YEAR + r")\b)?"
        ),
    ),
    (
        "de_dmy",
        re.compile(
            # "vom 12. bis 14. September" is read as its first day, as English "Sept. 12-14" is.
            r"(?=\d)\b(?P<day>[1-9]|[12]\d|3[01])\.(?:\s*(?:bis|-|–)\s*(?:[1-9]|[12]\d|3[01])\.)?\s*"
            r"(?P<month>" + _DE_MONTH_RE + r")(?![a-zäöü])"
            r"(?:\s+(?P<year>" + _YEAR + r")\b)?"
        ),
    ),
    (
        "month_year",
        re.compile(
            r"(?=[A-Z])\b(?P<month>" + _EN_MONTH_RE + r"|" + _DE_MONTH_RE + r")\s+(?P<year>" + _YEAR + r")\b"
        ),
    ),
    # A month alone, after a word that makes it a time ("as early as April", "since October", "im Mai"): a
    # Chinese 5月 is a date, and "as early as April" rendered 最早于5月 went unreported. Not a bare "May".
    (
        "month_only",
        re.compile(
            r"(?<![A-Za-z])(?:(?P<de_before>(?i:im|seit|anfang|ende|mitte)\s+)|(?i:in|since|until|till|by|from|through"
            r"|before|after|early|late|mid|as\s+early\s+as|as\s+late\s+as|bis|ab|vor|nach)\s+|(?i:mid)-)"
            r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December"
            # After a German preposition a number is no day ("im April 15 Tonnen"), a year is (month_year).
            r"|Januar|Jänner|Februar|März|Mai|Juni|Juli|Oktober|Dezember)\b(?(de_before)(?!\s*\d{4}\b)|(?!\s*\d))(?!-)"
        ),
    ),
    (
        "zh_date",
        re.compile(
            r"(?=[0-9〇零一二三四五六七八九十])(?:(?P<year>\d{4}|[〇零一二三四五六七八九]{4})年)?(?P<month>"
            + _ZH_NUM
            + r")月"
            r"(?:(?P<day>" + _ZH_NUM + r")[日号])?"
        ),
    ),
    (
        "zh_year",
        re.compile(
            r"(?=[0-9〇零一二三四五六七八九])(?<![0-9])(?P<year>\d{4}|[〇零一二三四五六七八九]{4})年(?!代|来|内|间|多|左右)"
        ),
    ),
    # Not after a hyphen: 极光-7号 is a rocket's name (号 "number"), not the 7th.
    ("zh_day", re.compile(r"(?=[0-9])(?<![0-9月.\-])(?P<day>[1-9]|[12]\d|3[01])[日号](?![元本])")),
    (
        "en_time",
        re.compile(
            # Not after a hyphen: "Aurora-7 am Donnerstag" is a rocket's name and German "am".
            r"(?=\d)(?<!-)\b(?P<hour>1[0-2]|0?[1-9])(?:[:.](?P<minute>[0-5]\d))?\s*(?P<ampm>[ap]\.\s?m\.|[ap]m\b)",
            _I,
        ),
    ),
    ("de_time", re.compile(_L + r"(?P<hour>[01]?\d|2[0-3])(?:[.:](?P<minute>[0-5]\d))?\s*Uhr\b")),
    ("clock", re.compile(_L + r"(?P<hour>[01]?\d|2[0-3])[:：](?P<minute>[0-5]\d)(?![0-9])(?!\s*[:/]\d)")),
    # Wire style "0232 GMT", "1740 UTC": four digits are a clock time only with the zone after them.
    ("hhmm_zone", re.compile(_L + r"(?P<hour>[01]\d|2[0-3])(?P<minute>[0-5]\d)(?=\s*(?:GMT|UTC)\b)")),
    (
        "zh_time",
        re.compile(
            r"(?=[上下晚凌早中傍夜0-9零一二两三四五六七八九十])(?P<ap>上午|下午|晚上|凌晨|早上|中午|傍晚|夜里|夜间)?"
            r"(?P<hour>\d{1,2}|[零一二两三四五六七八九十]{1,3})(?:时|點|点(?!儿))"
            r"(?:(?P<minute>\d{1,2}|[零一二三四五六七八九十]{1,3})分|(?P<half>半)|(?P<quarter>[一三])刻)?"
        ),
    ),
    (
        "rel_weekday",
        re.compile(
            r"(?=[lLpPtTnNcCdDvVkK])\b(?P<rel>last|past|this|next|coming|letzten|letzter|vergangenen|vergangener|diesen|dieser|"
            r"nächsten|kommenden)\s+(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Montag|Dienstag|"
            r"Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag)\b",
            _I,
        ),
    ),
    ("zh_rel_weekday", re.compile(r"(?P<rel>[上本这下])(?:个)?(?:周|星期|礼拜)(?P<wd>[一二三四五六日天])")),
    (
        "weekday",
        re.compile(
            r"(?=[MTWFSD])\b(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Montag|Dienstag|Mittwoch|"
            r"Donnerstag|Freitag|Samstag|Sonnabend|Sonntag)(?:abend|morgen|nachmittag|vormittag|nacht|mittag)?\b"
        ),
    ),
    ("zh_weekday", re.compile(r"(?:周|星期|礼拜)(?P<wd>[一二三四五六日天])")),
    (
        "rel_day",
        re.compile(
            r"(?=[yYtTgGhHmMüÜ昨今明前])(?:\b(?P<relday>yesterday|today|tomorrow|gestern|vorgestern|heute|übermorgen)\b|(?-i:\bmorgen\b)|"
            r"(?P<zhday>昨天|昨日|前天|今天|今日|明天|明日))",
            _I,
        ),
    ),
    (
        "rel_year",
        re.compile(
            r"(?=[lLtTnNvVdD去今明前])(?:\b(?P<relyear>(?:last|this|next)\s+year|(?:letztes|letzten|vergangenes|vergangenen|dieses|diesem|"
            r"nächstes|nächsten)\s+Jahr)\b|(?P<zhyear>去年|今年|明年|前年))",
            _I,
        ),
    ),
    (
        "rel_month",
        re.compile(
            r"(?=[lLtTnNdDvVkK上本这下])(?:\b(?P<relmonth>(?:last|this|next)\s+month|(?:letzten|vergangenen|diesen|diesem|"
            r"nächsten|kommenden)\s+Monat)\b|(?P<zhmonth>上个?月|本月|这个月|下个?月))",
            _I,
        ),
    ),
    (
        "year",
        re.compile(
            r"(?=[0-9eEmMlLbBAaFfHh])(?:\b(?P<mod>early|mid|late|end\s+of|beginning\s+of|Anfang|Mitte|Ende|Frühjahr|Herbst)[\s-]+)?"
            + _L
            + r"(?P<year>"
            + _YEAR
            + r")"
            + _R
            + r"(?!-?\d)"
            + _NOT_YEAR_AFTER
        ),
    ),
)


def _zh_int(s: str) -> int | None:
    """Read a small Chinese numeral (一..九十九) or ASCII digits; None when it is neither."""
    if s.isdigit():
        return int(s)
    if len(s) == 4 and all(c in _ZH_DIGITS for c in s):  # 二〇二五
        return int("".join(str(_ZH_DIGITS[c]) for c in s))
    if "十" in s:
        tens, _, ones = s.partition("十")
        t = _ZH_DIGITS.get(tens) if tens else 1
        o = _ZH_DIGITS.get(ones) if ones else 0
        return None if t is None or o is None else t * 10 + o
    if len(s) == 1 and s in _ZH_DIGITS:
        return _ZH_DIGITS[s]
    return None


def _shift_weekday(published: _dt.date, weekday: int, how: str) -> _dt.date:
    """The date of `weekday` relative to `published` for prev/this/next (or their calendar-week variants)."""
    if how == "latest":
        return published - _dt.timedelta(days=(published.weekday() - weekday) % 7)
    if how == "coming":
        return published + _dt.timedelta(days=(weekday - published.weekday()) % 7)
    if how == "prev":
        delta = (published.weekday() - weekday) % 7 or 7
        return published - _dt.timedelta(days=delta)
    if how == "next":
        delta = (weekday - published.weekday()) % 7 or 7
        return published + _dt.timedelta(days=delta)
    monday = published - _dt.timedelta(days=published.weekday())
    week_shift = {"prev_week": -7, "next_week": 7}.get(how, 0)
    return monday + _dt.timedelta(days=week_shift + weekday)


_YEAR_PREP_BEFORE = re.compile(_YEAR_PREP + r"\s+$")  # compiled once, not per bare year
_SPACES = re.compile(r"\s+")


def _bare_year_ok(text: str, start: int, mod: str | None) -> bool:
    """Whether a bare four-digit number at `start` reads as a year rather than a count."""
    before = text[max(0, start - 24) : start]
    if _NOT_YEAR_BEFORE.search(before):
        return False
    if mod:
        return True
    year = int(text[start : start + 4])
    if 1900 <= year <= 2099:  # news years; older four-digit numbers are more often counts ("1500 Menschen")
        return True
    return _YEAR_PREP_BEFORE.search(before) is not None


# re.IGNORECASE matches "ſunday" and "İn" where str.lower() leaves ſ/ı (and İ gives i + U+0307): table lookups
# of matched words use this folding, or such text raised KeyError.
_ODD_CASE = str.maketrans({"ı": "i", "ſ": "s", "\u0307": ""})


def _lookup_key(word: str) -> str:
    """A matched word as the tables spell it: lower-cased, with ı, ſ and a combining dot above folded."""
    return word.lower().translate(_ODD_CASE)


def _fact_from_match(kind: str, m: re.Match[str], text: str, published: _dt.date | None) -> DateFact | None:
    """Turn one pattern match into a DateFact, or None when the match is not a date after all."""
    g = m.groupdict()
    start, end = m.start(), m.end()
    year = month = day = hour = minute = weekday = None
    relative = False
    if kind == "month_only":
        start = m.start("month")
    if kind == "year":
        start = m.start("mod") if g.get("mod") else m.start("year")
        if not _bare_year_ok(text, m.start("year"), g.get("mod")):
            return None
    if g.get("year"):
        year = _zh_int(g["year"])
    if g.get("month"):
        key = _lookup_key(g["month"].rstrip("."))
        month = (
            _MONTHS.get(key)
            if not key[0].isdigit() and key[0] not in "一二三四五六七八九十"
            else _zh_int(key)
        )
        if month is None or not 1 <= month <= 12:
            return None
    if g.get("day"):
        day = _zh_int(g["day"])
        if day is None or not 1 <= day <= 31:
            return None
    if g.get("hour"):
        hour = _zh_int(g["hour"])
        if hour is None or hour > 24:
            return None
        minute = _zh_int(g["minute"]) if g.get("minute") else (30 if g.get("half") else None)
        if g.get("quarter"):
            minute = 15 if g["quarter"] == "一" else 45
        # a bare "N点" is a time only with digits or a day-part word; "一点" alone often means "a little"
        bare = g.get("minute") is None and not g.get("half") and not g.get("quarter")
        if kind == "zh_time" and bare and not (g["hour"].isdigit() or g.get("ap")):
            return None
        ampm = _lookup_key(g.get("ampm") or "").replace(".", "").replace(" ", "")
        if (ampm == "pm" or g.get("ap") in {"下午", "晚上", "傍晚", "夜里", "夜间"}) and hour < 12:
            hour += 12
        if ampm == "am" and hour == 12:
            hour = 0
    if g.get("wd"):
        if _NIGHT_BEFORE.search(text, max(0, start - 20), start):
            return None  # "in der Nacht zum Mittwoch": the night before Wednesday, told as Tuesday's too
        wd = g["wd"]
        weekday = _ZH_WEEKDAYS[wd] if wd in _ZH_WEEKDAYS else _WEEKDAYS[_lookup_key(wd)]
        relative = True
        how = _REL_WEEKDAY_SHIFT.get(_lookup_key(g.get("rel") or "")) if g.get("rel") else None
        if how is None and published is not None:
            # A bare weekday in news is the nearest one: on or before publication for what happened ("on
            # Wednesday" in Thursday's paper), on or after it for what is announced ("will meet on Friday").
            until = _UNTIL_BEFORE.search(text, max(0, start - 12), start)
            since = _SINCE_BEFORE.search(text, max(0, start - 24), start)
            # "until" in a sentence told in the past ("Bis Samstagvormittag wurden 1200 Menschen gebracht",
            # "had not sent air tankers until Monday", 截至周三) counts back, not ahead (held-out stories).
            if until and not _FUTURE.search(text) and _PAST.search(text) and not _DEADLINE_SET.search(text):
                until = None
            how = "coming" if until or (_FUTURE.search(text) and not since) else "latest"
            if (
                how == "coming"
                and not until
                and (
                    _SAID_ON_BEFORE.search(text, max(0, start - 40), start) or _ZH_SAID_AFTER.match(text, end)
                )
            ):
                # "said on Wednesday it would …", 周三表示将…: the day it was said, before publication.
                how = "latest"
        if published is not None and how is not None:
            d = _shift_weekday(published, weekday, how)
            year, month, day = d.year, d.month, d.day
    if kind == "rel_day":
        key = _lookup_key(g.get("relday") or g.get("zhday") or m.group(0))
        relative = True
        if published is not None and key in _REL_DAY:
            d = published + _dt.timedelta(days=_REL_DAY[key])
            year, month, day = d.year, d.month, d.day
    if kind == "rel_year":
        key = _SPACES.sub(" ", _lookup_key(g.get("relyear") or g.get("zhyear") or ""))
        relative = True
        if published is not None and key in _REL_YEAR:
            year = published.year + _REL_YEAR[key]
    if kind == "rel_month":
        key = _SPACES.sub(" ", _lookup_key(g.get("relmonth") or g.get("zhmonth") or ""))
        relative = True
        if published is not None and key in _REL_MONTH:
            months = published.year * 12 + published.month - 1 + _REL_MONTH[key]
            year, month = divmod(months, 12)
            month += 1
    return DateFact(start, end, text[start:end], year, month, day, hour, minute, relative, weekday)


# Chinese names of time zones, written before the clock time (北京时间22时32分, 格林尼治时间8时42分).
_ZH_ZONES = "|".join((
    "北京时间", "当地时间", "格林尼治时间", "格林威治时间", "协调世界时", "世界标准时间", "香港时间",
    "台北时间", "东京时间", "日本时间", "中欧时间", "英国时间", "伦敦时间",
))  # fmt: skip
_MERGE_GAP = re.compile(
    # "3:40 a.m. local time on Wednesday": one time on one day (a held-out story compared the time alone)
    r"\s*(?:,\s*)?(?:(?:at|on|um|am|gegen|around|the|of|local\s+time|Ortszeit|UTC|GMT|CET|CEST|MEZ|MESZ|BST|EST"
    r"|EDT|PST|PDT|ET|PT)"
    rf"\s+|(?:{_ZH_ZONES}))*\s*",
    re.IGNORECASE,
)
_FIELDS = ("year", "month", "day", "hour", "minute")


# Between a weekday and the date it names: "Friday, May 16", "Freitag, den 16. Mai", "May 16 (Friday)",
# "10月16日（星期四）", "10月16日周四".
# Between a date and its weekday: "Sunday, the 10th", "Sonntag, den 10.", "10. August, einem Sonntag",
# "Aug. 10, a Sunday", "10月10日（星期日）".
_WEEKDAY_GAP = re.compile(r"\s*(?:,\s*)?(?:(?:the|den|dem|einem|a)\s+)?|\s*[（(]\s*")


def weekday_only(fact: DateFact) -> bool:
    """Whether a fact is a weekday alone (its day, if any, was counted from the publication date)."""
    return fact.weekday is not None and fact.relative and not any(c.isdigit() for c in fact.text)


def _merge(a: DateFact, b: DateFact, text: str) -> DateFact | None:
    """Join a date and a time that are stated next to each other ("July 24 at 15:50", "7月24日15时50分"),
    and a weekday with the date it names ("Friday, May 16"): the stated date is the day, not the weekday
    counted from the publication date (which made "released on Friday, May 16" say May 9)."""
    gap = text[a.end : b.start]
    if weekday_only(a) != weekday_only(b) and _WEEKDAY_GAP.fullmatch(gap):
        day_name, stated = (a, b) if weekday_only(a) else (b, a)
        if stated.day is not None and stated.month is not None and not stated.relative:
            fields = {f: getattr(stated, f) for f in _FIELDS}
            closed = gap.strip() in ("(", "（") and text.startswith((")", "）"), b.end)
            end = b.end + 1 if closed else b.end
            return DateFact(a.start, end, text[a.start : end], weekday=day_name.weekday, **fields)
    timed, stated = a, b
    if (
        timed.relative
        and timed.weekday is not None
        and timed.hour is not None
        and not stated.relative
        and stated.day is not None
        and stated.month is not None
        and stated.hour is None
        and _WEEKDAY_GAP.fullmatch(gap)
    ):
        # "6 p.m. on Tuesday, Aug. 12": the stated day with the clock time (a review story's two facts, the
        # weekday's day counted from the publication date, were paired with two other versions' one).
        fields = {f: getattr(stated, f) for f in _FIELDS} | {"hour": timed.hour, "minute": timed.minute}
        span = text[a.start : b.end]
        return DateFact(a.start, b.end, span, weekday=timed.weekday, zone=timed.zone, **fields)
    if not _MERGE_GAP.fullmatch(gap):
        return None
    for f in _FIELDS:
        if getattr(a, f) is not None and getattr(b, f) is not None:
            return None
    vals = {f: getattr(a, f) if getattr(a, f) is not None else getattr(b, f) for f in _FIELDS}
    weekday = a.weekday if a.weekday is not None else b.weekday
    return DateFact(
        a.start,
        b.end,
        text[a.start : b.end],
        relative=a.relative or b.relative,
        weekday=weekday,
        zone=a.zone or b.zone,
        **vals,
    )


def extract_dates(text: str, lang: str | None = None, published: _dt.date | None = None) -> list[DateFact]:
    """Dates and clock times stated in `text`, relative ones resolved against `published` when given."""
    del lang  # the tables are disjoint enough that all languages are tried; kept for API symmetry
    chosen: list[DateFact] = []
    for kind, m, fact in _chosen_matches(text):
        if published is not None:
            # Read again to resolve relative dates: fields change, never the span or whether it is a date.
            fact = _fact_from_match(kind, m, text, published) or fact
        chosen.append(fact)
    merged: list[DateFact] = []
    for fact in chosen:
        if merged:
            joined = _merge(merged[-1], fact, text)
            if joined is not None:
                merged[-1] = joined
                continue
        merged.append(fact)
    zoned = [_with_zone(fact, text) for fact in merged]
    # A range of clock times names its zone once: "between 03:10 and 03:25 local time", "北京时间10时10分至
    # 10时25分". Each end is in that zone (the first end alone was compared as a time of no zone).
    for first, second in itertools.pairwise(range(len(zoned))):
        x, y = zoned[first], zoned[second]
        if x.hour is None or y.hour is None or bool(x.zone) == bool(y.zone):
            continue
        if _TIME_RANGE_GAP.fullmatch(text, x.end, y.start):
            zone = x.zone or y.zone
            zoned[first], zoned[second] = dataclasses.replace(x, zone=zone), dataclasses.replace(y, zone=zone)
    return zoned


_TIME_RANGE_GAP = re.compile(r"\s*(?:Uhr\s+)?(?:and|to|until|und|bis|-|–|至|到)\s*", re.IGNORECASE)


# Abbreviations of time zones written after a clock time ("9 a.m. CEST", "07:00 MESZ"): segmentation keeps
# them with the time, and the name extractor does not take them for names. The zones this module compares
# are the ones with an offset below (CST is China's and America's Central time both, so no offset is known).
TIME_ZONE_ABBREVIATIONS = (
    "UTC", "GMT", "CET", "CEST", "MEZ", "MESZ", "BST", "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT",
    "JST", "AEST", "AEDT", "IST", "ET", "PT", "CT", "MT",
)  # fmt: skip
# Time zones named with a clock time, and their offsets from UTC in hours where the name fixes one. "Local
# time", Ortszeit and 当地时间 name a zone without saying which; ET and PT shift with daylight saving.
_ZONE_OFFSETS: dict[str, float | None] = {
    "utc": 0, "gmt": 0, "cet": 1, "mez": 1, "cest": 2, "mesz": 2, "bst": 1, "est": -5, "edt": -4, "pst": -8,
    "pdt": -7, "jst": 9, "北京时间": 8, "beijing time": 8, "et": None, "pt": None, "local time": None,
    "格林尼治时间": 0, "格林威治时间": 0, "协调世界时": 0, "世界标准时间": 0, "香港时间": 8, "台北时间": 8,
    "东京时间": 9, "日本时间": 9, "中欧时间": 1,
}  # fmt: skip
# One zone in three languages: "local time", Ortszeit and 当地时间 name the same (unknown) zone; the UK's
# clock time is one zone whatever it is called.
_ZONE_SAME = {
    "ortszeit": "local time", "当地时间": "local time", "in beijing": "beijing time",
    "uk time": "UK time", "british time": "UK time", "london time": "UK time", "britischer zeit": "UK time",
    "londoner zeit": "UK time", "英国时间": "UK time", "伦敦时间": "UK time",
}  # fmt: skip
_ZONE_AFTER = re.compile(
    r"\s*(?:Uhr\s+)?\(?(?P<z>UTC|GMT|CET|CEST|MEZ|MESZ|BST|EST|EDT|PST|PDT|JST|ET|PT|local\s+time|Ortszeit|"
    r"Beijing\s+time|in\s+Beijing|(?:British|UK|London)\s+time|(?:britischer|Londoner)\s+Zeit)\b",
    re.IGNORECASE,
)


def _offset(zone: str | None, fact: DateFact) -> float | None:
    """A zone's offset from UTC in hours at the fact's date; None where unknown. The UK's time is GMT in
    winter and BST (+1) from the end of March to the end of October: known from the month, except in the
    two months where it changes."""
    if zone == "UK time":
        if fact.month is None or fact.month in (3, 10):
            return None
        return 1 if 4 <= fact.month <= 9 else 0
    return _ZONE_OFFSETS.get(zone or "")


_ZONE_INSIDE_ZH = re.compile(rf"(?P<z>{_ZH_ZONES})")
_ZONE_BEFORE = re.compile(rf"(?P<z>{_ZH_ZONES}|Beijing\s+time)[\s,：:]*$", re.IGNORECASE)


def _with_zone(fact: DateFact, text: str) -> DateFact:
    """The fact with the time zone named right after its clock time ("14:32 UTC", "14:32 Uhr Ortszeit") or
    right before it ("北京时间22时32分")."""
    if fact.hour is None:
        return fact
    # "23:30 UTC on 3 June", "昨天北京时间22时32分": merged around the zone's name
    inside = _ZONE_AFTER.search(text, fact.start, fact.end) or _ZONE_INSIDE_ZH.search(
        text, fact.start, fact.end
    )
    after = _ZONE_AFTER.match(text, fact.end)
    before = _ZONE_BEFORE.search(text, max(0, fact.start - 12), fact.start)
    found = inside or after or before
    if found is None:
        return fact
    zone = _SPACES.sub(" ", found.group("z").lower())
    return dataclasses.replace(fact, zone=_ZONE_SAME.get(zone, zone))


def _in_zone_of(b: DateFact, a: DateFact) -> DateFact | None:
    """b's clock time moved into a's time zone when both name zones with known offsets, else None."""
    # The month of either side dates a seasonal zone (one event, told twice).
    oa = _offset(a.zone, a if a.month is not None else b)
    ob = _offset(b.zone, b if b.month is not None else a)
    if oa is None or ob is None or b.hour is None:
        return None
    minutes = b.hour * 60 + (b.minute or 0) + round((oa - ob) * 60)
    days, minutes = divmod(minutes, 24 * 60)
    day = b.day
    if day is not None and days and b.year is not None and b.month is not None:
        moved = _dt.date(b.year, b.month, day) + _dt.timedelta(days=days)
        return dataclasses.replace(
            b,
            year=moved.year,
            month=moved.month,
            day=moved.day,
            hour=minutes // 60,
            minute=minutes % 60 if b.minute is not None else None,
            zone=a.zone,
        )
    if day is not None and days:
        day = None  # a day of an unknown month cannot be moved across midnight: leave it out
    # The weekday moves with the clock: 19:15 MEZ on a Sunday is 02:15 Beijing time on the Monday (a review
    # story's correct conversion was reported as "weekday differ").
    weekday = (b.weekday + days) % 7 if b.weekday is not None and days else b.weekday
    return dataclasses.replace(
        b,
        day=day,
        weekday=weekday,
        hour=minutes // 60,
        minute=minutes % 60 if b.minute is not None else None,
        zone=a.zone,
    )


# Memoised because a sentence is read twice: by facts (with its publication date) and by quantities
# (date_spans, without one). Which matches become facts, and their spans, never depend on the publication
# date, which only fills in the fields of relative dates; the facts here are read without it.
@lru_cache(maxsize=4096)
def _chosen_matches(text: str) -> tuple[tuple[str, re.Match[str], DateFact], ...]:
    """The matches that state dates in text, overlaps resolved (longest, then table order), in text order."""
    low = text.lower()
    if not (_ANY_TRIGGER_CHAR.search(low) or _ANY_TRIGGER_WORD.search(low)):
        return ()  # no pattern can match without its trigger
    cands: list[tuple[int, int, int, tuple[str, re.Match[str], DateFact]]] = []
    present = {name: rx.search(low) is not None for name, rx in _TRIGGERS.items()}
    for order, (kind, pat) in enumerate(_PATTERNS):
        if not present[_TRIGGER_OF[kind]]:
            continue
        for m in pat.finditer(text):
            fact = _fact_from_match(kind, m, text, None)
            if fact is not None and fact.end > fact.start:
                cands.append((fact.start, -(fact.end - fact.start), order, (kind, m, fact)))
    cands.sort(key=lambda c: (c[0], c[1], c[2]))
    chosen: list[tuple[str, re.Match[str], DateFact]] = []
    for _s, _l, _o, cand in sorted(cands, key=lambda c: (c[1], c[2])):  # longest first, then table order
        fact = cand[2]
        if all(fact.end <= c.start or fact.start >= c.end for _k, _m, c in chosen):
            chosen.append(cand)
    chosen.sort(key=lambda c: c[2].start)
    return tuple(chosen)


def date_spans(text: str, lang: str | None = None) -> list[tuple[int, int]]:
    """(start, end) of every date or time in `text`, usable as `protected` spans for quantities."""
    return [(f.start, f.end) for f in extract_dates(text, lang)]


def _shared_fields(a: DateFact, b: DateFact) -> list[str]:
    """Names of the fields both facts state (weekday only counts when neither is resolved to a day)."""
    fields = [f for f in _FIELDS if getattr(a, f) is not None and getattr(b, f) is not None]
    if a.weekday is not None and b.weekday is not None and (a.day is None or b.day is None):
        fields.append("weekday")
    return fields


def comparable_fields(a: DateFact, b: DateFact) -> list[str]:
    """The fields two facts both state and compare_dates weighs: clock fields drop out between two named
    time zones whose offset is unknown ("11:32 local time" / "北京时间22时32分")."""
    fields = _shared_fields(a, b)
    if a.zone and b.zone and a.zone != b.zone and _in_zone_of(b, a) is None:
        fields = [f for f in fields if f not in ("hour", "minute")]
    return fields


def compare_dates(a: DateFact, b: DateFact) -> Difference | None:
    """A high-severity "date" Difference when a field both facts state disagrees, else None.

    Clock times in two named time zones are compared in one of them ("14:32 UTC" = "北京时间22时32分");
    where a zone's offset is unknown ("local time", Ortszeit) the hours are not compared, and the same clock
    time under two zone names is a medium finding ("14:32 UTC" / "14:32 Uhr Ortszeit").
    """
    if a.zone and b.zone and a.zone != b.zone and a.hour is not None and b.hour is not None:
        moved = _in_zone_of(b, a)
        if moved is not None:
            b = moved
        elif (a.hour, a.minute) == (b.hour, b.minute):
            zones = [z.upper() if len(z) <= 4 and z.isascii() else z for z in (a.zone, b.zone) if z]
            return Difference(
                "date", "medium", f"the same clock time in another time zone: {zones[0]} → {zones[1]}"
            )
        else:
            a = dataclasses.replace(a, hour=None, minute=None)
            b = dataclasses.replace(b, hour=None, minute=None)
    a, b = _undated_weekday(a, b), _undated_weekday(b, a)
    conflicts = [f for f in _shared_fields(a, b) if getattr(a, f) != getattr(b, f)]
    same_weekday = a.relative and b.relative and a.weekday is not None and a.weekday == b.weekday
    if conflicts and same_weekday and set(conflicts) <= {"year", "month", "day"}:
        # "on Monday" in two copies published a week apart: stale rather than wrong.
        return Difference(
            "date", "low", f"the same weekday from another publication date names another day: '{a.text}'"
        )
    if not conflicts:
        if _stated_weekday(a) and _stated_weekday(b) and a.weekday != b.weekday and a.day == b.day:
            # "Thursday, November 20" / "11月20日（星期五）": one date, two weekdays; one of them is wrong.
            return Difference("date", "high", f"the same date on another weekday: '{a.text}' → '{b.text}'")
        return None
    return Difference(
        "date", "high", f"date changed: '{a.text}' → '{b.text}' ({', '.join(conflicts)} differ)"
    )


def _undated_weekday(weekday: DateFact, stated: DateFact) -> DateFact:
    """A weekday without its date ("on Saturday", "6 p.m. on Tuesday") against a stated date that falls on
    that weekday ("8月23日（周六）"): the weekday without the day counted for it, which was only a guess of
    the week from the sentence's tense (a review story: "Kingsbridge host Dunmore City on Saturday", present
    tense, was counted back to the previous Saturday and reported as a changed date)."""
    if not (weekday.relative and weekday.weekday is not None) or stated.relative or stated.day is None:
        return weekday
    falls_on = stated.weekday
    if falls_on is None and stated.year is not None and stated.month is not None:
        try:
            falls_on = _dt.date(stated.year, stated.month, stated.day).weekday()
        except ValueError:
            return weekday
    if falls_on != weekday.weekday:
        return weekday
    return dataclasses.replace(weekday, year=None, month=None, day=None)


def _stated_weekday(fact: DateFact) -> bool:
    """Whether a fact states both a weekday and the day of the month it falls on ("Friday, May 16")."""
    return fact.weekday is not None and fact.day is not None and not fact.relative


def match_dates(
    a: Sequence[DateFact], b: Sequence[DateFact]
) -> list[tuple[DateFact | None, DateFact | None]]:
    """Pair date facts of two sentences that share fields, most agreeing first; the rest with None."""
    scored: list[tuple[int, int, int, int]] = []
    for i, x in enumerate(a):
        for j, y in enumerate(b):
            shared = _shared_fields(x, y)
            if shared:
                agree = sum(getattr(x, f) == getattr(y, f) for f in shared)
                # agreeing fields first, then more shared fields, then order in the sentence
                scored.append((-agree, -len(shared), abs(i - j), i * 1000 + j))
    used_a: dict[int, int] = {}
    used_b: set[int] = set()
    for *_rest, key in sorted(scored):
        i, j = divmod(key, 1000)
        if i not in used_a and j not in used_b:
            used_a[i] = j
            used_b.add(j)
    pairs: list[tuple[DateFact | None, DateFact | None]] = [
        (x, b[used_a[i]] if i in used_a else None) for i, x in enumerate(a)
    ]
    pairs.extend((None, y) for j, y in enumerate(b) if j not in used_b)
    return pairs
