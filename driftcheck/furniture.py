"""Classify every line of an article as content (headline, body, ...) or furniture (caption, byline, ...).

The rules here are GENERIC: they describe how news pages are built (reading-time badges, image credits,
follow-us prompts, Chinese syndication wrappers, datelines, ...) and never name one article. What no generic
rule can know (a publication's own section label, say) comes from the manifest as per-document `furniture`
patterns or `kinds` overrides, passed in here as `rules` and `kinds`.

Blank lines are not Lines: they carry no text. Every other line becomes exactly one Line whose text is the
line without surrounding whitespace, so that `text[line.start:line.end] == line.text` always holds.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from driftcheck.errors import ConfigError
from driftcheck.models import CONTENT_KINDS, LINE_KINDS, Line

__all__ = ["FurnitureRule", "classify_lines", "content_lines", "is_heading_like", "physical_lines"]

# A heading is short: longer unpunctuated lines are body text that merely lacks a final period.
HEADING_MAX_WORDS = 20
HEADING_MAX_CHARS = 160
HEADING_MAX_CJK_CHARS = 40
# A line with more words than this is a paragraph; furniture patterns that could also occur inside prose
# (follow-us, translation notes) only fire on lines up to this length.
SHORT_WORDS = 8
NOTE_MAX_WORDS = 45
# How many heading-like lines directly above an image credit are taken as that image's caption/alt text.
CAPTION_LOOKBACK = 2
# Repeated lines shorter than this are left alone: "Share" twice is not a duplicated paragraph.
DUPLICATE_MIN_CHARS = 12


@dataclass(frozen=True)
class FurnitureRule:
    """A manifest-supplied pattern: a stripped line that re.match()es `pattern` gets `kind`."""

    pattern: re.Pattern[str]
    kind: str


_I = re.IGNORECASE
_TERMINAL = ".。,，;；:：…"
# “ and ‘ close German quotations („Wir bleiben.“): a quoted line ending in them ends a sentence (a review
# found a short German quotation paragraph taken for a subheading).
_CLOSERS = "\"'”’“‘»«)]）】」』"

# --- generic patterns, each documented with the page furniture it describes --------------------------------

# Reading-time badges: "5 min. read", "3 minute read", "Lesezeit: 4 Min.", "阅读时间 3 分钟".
_READING_TIME = re.compile(
    r"^(?:\d+\s*(?:min\.?|mins?\.?|minutes?|minuten)\s*(?:read|lesezeit|lesen)?\.?"
    r"|(?:lesezeit|reading time|read time)\s*:?\s*\d+.*|阅读(?:时间)?\s*[:：]?\s*\d+.*)$",
    _I,
)
# Media-section labels: "Videos by heise", "Podcasts from X", "Mehr von Y".
_MEDIA_BY = re.compile(
    r"^(?:videos?|podcasts?|more|mehr|galleries|bilder)\s+(?:by|from|von)\s+\S+(?:\s+\S+)?$", _I
)
# Social prompts and newsletter pitches.
_FOLLOW_US = re.compile(
    r"\b(?:follow us|folgen sie uns|subscribe to our newsletter|sign up for our newsletter"
    r"|newsletter abonnieren)\b|关注我们|扫码关注",
    _I,
)
# Notes saying the text is a translation/republication: furniture; the manifest's `note` keeps the fact.
_TRANSLATION_NOTE = re.compile(
    r"\b(?:originally|first)\s+(?:published|written|appeared)\s+in\s+[A-Z]\w+"
    r"|\b(?:was|been|is)\s+(?:machine[- ])?translated\b"
    r"|\bursprünglich\s+(?:auf|in)\s+\w+\s+erschienen\b|\bübersetzt\b"
    r"|本文(?:译自|编译自|首发于)",
    _I,
)
# Lines made only of UI controls: "listen Print view", "Share", "Drucken Teilen".
_UI_WORDS = frozenset(
    {
        "listen",
        "print",
        "view",
        "share",
        "tweet",
        "email",
        "e-mail",
        "comment",
        "comments",
        "save",
        "bookmark",
        "copy",
        "link",
        "read",
        "aloud",
        "later",
        "vorlesen",
        "drucken",
        "druckansicht",
        "teilen",
        "kommentare",
        "merken",
        "分享",
        "收藏",
        "打印",
        "评论",
        "朗读",
    }
)
_ADVERT = re.compile(r"^(?:advertisement|anzeige|werbung|sponsored|广告)$", _I)
_COPYRIGHT = re.compile(r"^(?:©|\(c\)|copyright\b).*(?:rights reserved|alle rechte|版权所有)|^版权所有", _I)
# "Sources" heading; the non-blank lines right after it are the source list.
_SOURCES_LABEL = re.compile(
    r"^(?:sources?|quellen?|references|further reading|参考资料|参考文献)\s*[:：]?$", _I
)
# One-line source attributions: "Source: Reuters", "来源:钛媒体" (syndication wrappers).
_SOURCE_LINE = re.compile(r"^(?:sources?|quelle|来源|出处|原文来源|本文来源)\s*[:：]\s*\S", _I)
_DISCLAIMER = re.compile(r"^(?:免责声明|声明|disclaimer)\s*[:：]", _I)

# Image credits standing alone: "(Image: vchal/Shutterstock.com)", "Image credit: X/AFP", "Credit:Shanghai
# Observer", "Foto: dpa", "图片来源：视觉中国".
_CREDIT_LABEL = re.compile(
    r"^[(\[（]?\s*(?:images?|photos?|pictures?|photograph|illustration|graphic|video|bild(?:er)?|fotos?|grafik"
    r"|credits?|image credits?|photo credits?|image source|bildquelle|图片来源|图源|图片|摄影)\s*[:：]",
    _I,
)
# AI-image credits: "Midjourney prompted by THE DECODER", "Generated with DALL-E".
_AI_CREDIT = re.compile(
    r"\b(?:prompted|generated)\s+(?:by|with)\b|^(?:midjourney|dall[-·]?e|stable diffusion|adobe firefly)\b",
    _I,
)
# Agency-only lines: "Julien De Rosa/AFP", "© Reuters".
_AGENCY = re.compile(
    r"(?:^©\s*\S.*|/\s*(?:getty images|afp|reuters|ap|dpa|shutterstock(?:\.com)?|imago|epa|bloomberg|xinhua"
    r"|picture alliance)\s*)$",
    _I,
)
# Caption text with the credit on the same line: "... | Image: via Facebook", "... (Photo: AFP)".
_INLINE_CREDIT = re.compile(
    r"[|·•]\s*(?:images?|photos?|bild|foto|credits?|source|quelle)\s*[:：]"
    r"|\((?:images?|photos?|bild|foto)\s*[:：][^)]*\)\s*$",
    _I,
)
# Lines that describe a screenshot/figure, and Markdown images.
_CAPTION_START = re.compile(
    r"^(?:screenshots?\b|bildschirmfoto\b|截图|(?:figure|fig\.|abbildung|abb\.)\s*\d+\s*[:.]|!\[)", _I
)

# Bylines: "By Jane Doe", "Von Max Muster", "Author: X", "责任编辑：张三", editor initials "(emw)".
_BY = re.compile(r"^(?i:by|von|written by|reporting by|text)\s*:?\s+[A-ZÀ-Þ]")
_BY_LABEL = re.compile(r"^(?:author|autor(?:in)?|作者|记者|编辑|责任编辑|撰文|文)\s*[:：|]", _I)
_EDITOR_INITIALS = re.compile(r"^\((?:[a-z]{2,5})(?:\s*/\s*[a-z]{2,5})*\)$")
# Author bios: "<role> <Name> is/was/has ..." e.g. "Online journalist Matthias is the co-founder of ...".
_BIO = re.compile(
    # "The editor Jane Smith is said to ..." is prose: a bio starts with a role or modifier, not an article.
    r"^(?!(?i:the|a|an|this|that|our|their|his|her)\s)(?:[A-Z][a-z]+\s+)?"
    r"(?i:journalist|reporter|editor|writer|author|correspondent|columnist|redakteur(?:in)?"
    r"|autor(?:in)?|journalistin)\s+[A-ZÀ-Þ][\w'’.-]+(?:\s+[A-ZÀ-Þ][\w'’.-]+){0,2}\s+"
    r"(?:is|was|has|writes|covers|works|ist|schreibt)\b"
)

# Datelines: a date with a few words around it and no sentence: "date 2025-01-25 AI in practice",
# "360影视 2025-01-28 10:57 2", "Published January 25, 2025", "25.01.2025, 10:57 Uhr".
_MONTHS = (
    r"(?:jan(?:uary|uar)?|feb(?:ruary|ruar)?|mar(?:ch)?|märz|apr(?:il)?|may|mai|june?|juni|july?|juli|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|okt(?:ober)?|nov(?:ember)?|dec(?:ember)?|dez(?:ember)?)"
)
_DATE = re.compile(
    r"\b\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\b|\b\d{1,2}\.\s?\d{1,2}\.\s?\d{4}\b|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
    rf"|\b{_MONTHS}\.?\s+\d{{1,2}},?\s+\d{{4}}\b|\b\d{{1,2}}\.?\s+{_MONTHS}\.?\s+\d{{4}}\b",
    _I,
)
_DATELINE_MAX_TOKENS = 8

# "summary Summary", "Zusammenfassung", "TL;DR"; and the Chinese aggregator abstract "摘要:..." whose text
# is a machine-truncated copy of the first paragraph (an English "Summary: ..." line is a real standfirst,
# so only the Chinese label takes the rest of the line with it).
_SUMMARY_LABEL = re.compile(
    r"^(summary|zusammenfassung|tl;?dr|key points|key takeaways|auf einen blick|摘要|导读|内容提要)"
    r"(?:\s+\1)*\s*[:：]?$",
    _I,
)
_SUMMARY_CJK = re.compile(r"^(?:摘要|导读|内容提要)\s*[:：]")
# Related-article labels; heading-like lines right after one are the teased headlines.
_TEASER_LABEL = re.compile(
    r"^(?:related(?:\s+(?:articles?|stories|posts|content|news))?|read more|read also|also read|see also"
    r"|more on (?:this|the) topic|recommended(?: for you)?|you (?:may|might) also like|mehr zum thema"
    r"|lesen sie auch|auch interessant|das könnte sie auch interessieren|相关推荐|相关阅读|推荐阅读|延伸阅读"
    r"|相关新闻|猜你喜欢)\s*[:：]?$",
    _I,
)
_BULLET = re.compile(r"^(?:[•·▪◦●○■□‣⁃*+-]|–|\d{1,2}[.)])\s+\S")
_MD_HEADING = re.compile(r"^#{1,6}\s+\S")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")


def physical_lines(text: str) -> list[tuple[int, int, int]]:
    """(1-based line number, start, end) of every non-blank line; offsets exclude surrounding whitespace."""
    out: list[tuple[int, int, int]] = []
    pos = 0
    for number, raw in enumerate(text.split("\n"), start=1):
        stripped = raw.strip()
        if stripped:
            start = pos + (len(raw) - len(raw.lstrip()))
            out.append((number, start, start + len(stripped)))
        pos += len(raw) + 1
    return out


def _words(line: str) -> int:
    return len(line.split())


def is_heading_like(line: str) -> bool:
    """True for a short line that does not end a sentence (headline, subheading, caption or label shape)."""
    core = _MD_HEADING.sub("", line).strip().rstrip(_CLOSERS).rstrip()
    if not core or not any(ch.isalnum() for ch in core):
        return False
    if core[-1] in _TERMINAL:
        return False
    if len(_CJK.findall(core)) > len(core) / 3:
        return len(core) <= HEADING_MAX_CJK_CHARS
    return _words(core) <= HEADING_MAX_WORDS and len(core) <= HEADING_MAX_CHARS


def _normalise(line: str) -> str:
    return " ".join(unicodedata.normalize("NFC", line).casefold().split())


def _generic_kind(line: str, bylines: Sequence[str]) -> str | None:
    """The furniture kind a generic pattern gives this stripped line, or None when no pattern applies."""
    words = _words(line)
    short = words <= SHORT_WORDS
    lowered = _normalise(line)
    if any(lowered == b or lowered == f"by {b}" or lowered == f"von {b}" for b in bylines):
        return "byline"
    if _SUMMARY_LABEL.match(line) or _SUMMARY_CJK.match(line):
        return "summary_label"
    if _TEASER_LABEL.match(line):
        return "teaser"
    if short and (_READING_TIME.match(line) or _MEDIA_BY.match(line) or _ADVERT.match(line)):
        return "boilerplate"
    if short and all(tok.casefold() in _UI_WORDS for tok in line.split()):
        return "boilerplate"
    if _SOURCES_LABEL.match(line) or _COPYRIGHT.match(line) or _DISCLAIMER.match(line):
        return "boilerplate"
    if words <= NOTE_MAX_WORDS and (_FOLLOW_US.search(line) or _TRANSLATION_NOTE.search(line)):
        return "boilerplate"
    if _SOURCE_LINE.match(line) and words <= SHORT_WORDS and is_heading_like(line):
        return "boilerplate"
    if _EDITOR_INITIALS.match(line) or _BY_LABEL.match(line) or _BIO.match(line):
        return "byline"
    if _BY.match(line) and words <= 12 and is_heading_like(line):
        return "byline"
    if _CREDIT_LABEL.match(line):
        # "Image: AFP" is a credit; "Photo: Zuckerberg speaking in Menlo Park in 2024 ..." is a caption.
        return "credit" if words <= SHORT_WORDS else "caption"
    if short and is_heading_like(line) and (_AI_CREDIT.search(line) or _AGENCY.search(line)):
        return "credit"
    if _INLINE_CREDIT.search(line) or _CAPTION_START.match(line):
        return "caption"
    if is_heading_like(line) and len(line.split()) <= _DATELINE_MAX_TOKENS and _DATE.search(line):
        return "dateline"
    return None


def classify_lines(
    text: str,
    *,
    rules: Sequence[FurnitureRule] = (),
    kinds: Mapping[int, str] | None = None,
    bylines: Sequence[str] = (),
) -> tuple[Line, ...]:
    """Each non-blank line as a Line with its kind (manifest `kinds`, then `rules`, then generic)."""
    kinds = kinds or {}
    for given in kinds.values():
        if given not in LINE_KINDS:
            raise ConfigError(f"line kind override {given!r} is not one of {', '.join(sorted(LINE_KINDS))}")
    byline_names = tuple(_normalise(b) for b in bylines if b.strip())
    spans = physical_lines(text)
    lines = [text[s:e] for _, s, e in spans]
    n = len(lines)
    # gap_before[i]: a blank line separates line i from line i-1 (source lists end at the first blank line).
    gap_before = [i > 0 and spans[i][0] > spans[i - 1][0] + 1 for i in range(n)]
    kind: list[str | None] = [None] * n

    # 1. Fixed kinds: manifest line overrides, manifest patterns, generic patterns, source lists.
    in_sources = False
    for i, line in enumerate(lines):
        if in_sources and gap_before[i]:
            in_sources = False
        number = spans[i][0]
        if number in kinds:
            kind[i] = kinds[number]
        else:
            for rule in rules:
                if rule.pattern.match(line):
                    kind[i] = rule.kind
                    break
            else:
                kind[i] = "boilerplate" if in_sources else _generic_kind(line, byline_names)
        if _SOURCES_LABEL.match(line):
            in_sources = True

    # 2. A line repeating an earlier line (a headline printed twice by the page template) is a duplicate.
    seen: set[str] = set()
    for i, line in enumerate(lines):
        key = _normalise(line)
        if kind[i] is None and len(key) >= DUPLICATE_MIN_CHARS and key in seen:
            kind[i] = "duplicate"
        seen.add(key)

    # 3. Bullets by their marker.
    for i, line in enumerate(lines):
        if kind[i] is None and _BULLET.match(line):
            kind[i] = "bullet"

    # 4. Headline: the first line not yet placed, if it has a headline's shape (seed texts without a headline
    #    start with a lead sentence, which is body).
    headline = next((i for i in range(n) if kind[i] == "headline"), None)
    if headline is None:
        first = next((i for i in range(n) if kind[i] is None), None)
        if first is not None and is_heading_like(lines[first]):
            kind[first] = "headline"
            headline = first

    # 5. Heading-like lines directly above an image credit are that image's alt text / caption.
    for i in range(n):
        if kind[i] != "credit":
            continue
        for j in range(i - 1, max(i - 1 - CAPTION_LOOKBACK, -1), -1):
            if kind[j] is not None or not is_heading_like(lines[j]):
                break
            kind[j] = "caption"

    # 6. Heading-like lines right after a teaser label are the teased headlines.
    for i in range(n):
        if kind[i] != "teaser":
            continue
        j = i + 1
        while j < n and kind[j] is None and is_heading_like(lines[j]):
            kind[j] = "teaser"
            j += 1

    # 7. The rest: long lines are body; a heading-like line is a subheading when story content follows it,
    #    and a teaser when nothing does (a related headline tacked onto the end of the page).
    content_after = [False] * (n + 1)
    for i in range(n - 1, -1, -1):
        own = kind[i] == "bullet" or (kind[i] is None and not is_heading_like(lines[i])) or kind[i] == "body"
        content_after[i] = content_after[i + 1] or own
    for i, line in enumerate(lines):
        if kind[i] is not None:
            continue
        if _MD_HEADING.match(line) or is_heading_like(line):
            kind[i] = "subheading" if content_after[i + 1] else "teaser"
        else:
            kind[i] = "body"

    return tuple(
        Line(text=lines[i], start=spans[i][1], end=spans[i][2], kind=kind[i] or "body") for i in range(n)
    )


def content_lines(lines: Sequence[Line]) -> tuple[Line, ...]:
    """The lines that carry the story (headline, subheading, body, bullet)."""
    return tuple(line for line in lines if line.kind in CONTENT_KINDS)
