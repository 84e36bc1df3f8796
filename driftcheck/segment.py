"""Sentence segmentation of one line of an article into code-point spans (English, German, Chinese).

sentencex does the heavy lifting (abbreviations, decimals, CJK terminators); measured by the team it was
the most accurate and the fastest of sentencex, pysbd, syntok and blingfire on our paragraphs. It returns
strings, so we map them back onto the input and then apply a few corrections where it is wrong for news text:

* Multi-sentence quotations are split at their inner sentence ends (sentencex keeps a whole quotation as one
  sentence), so "“A is true. B follows.”" gives two sentences; the closing quote stays with the sentence
  before it.
  Chinese is treated the same way, so a quotation splits alike in every language version of a story.
* A cut glued to the next word ("model.Tech leaders") is kept only when it looks like two words of prose
  (lower-case word, terminator, Capitalised word); "ASP.NET" or "heise.de" are not split.
* A cut after "." followed by a lower-case word is undone: prose sentences do not start in lower case, so the
  period belonged to an abbreviation sentencex does not know ("approx. ten").
* German ordinals after a preposition or article ("am 3. Tag", "zum 2. Mal") are not sentence ends.
"""

from __future__ import annotations

import itertools
import re

import sentencex

from .dates import TIME_ZONE_ABBREVIATIONS

__all__ = ["split_sentences"]

# Bullet markers at the start of a line. The round/middle dots are never prose, so they need no following
# space; "-", "*" and dashes only count when followed by whitespace, so "-5% drop" or "*nix" are left alone.
_BULLET_RE = re.compile(r"\s*(?:[•·‣◦▪●■□▸►⁃]\s*|[-*–—]\s+)")

# Double-quote characters of English, German, French and Chinese typography. They are blanked before calling
# sentencex so that it splits inside quotations too. Single quotes are left alone: ’ is also the apostrophe.
_DOUBLE_QUOTES = frozenset('“”„‟"«»「」『』＂〝〞')
# str.translate tables: every whitespace character (and, for the first, every double quote) -> ASCII space.
_BLANK = {code: " " for code in range(0x3001) if chr(code).isspace()}  # U+3000 is the last space
_BLANK_QUOTES = {**_BLANK, **{ord(ch): " " for ch in _DOUBLE_QUOTES}}

# Characters that close a sentence's quotation or parenthesis right after its terminator: they belong to it.
_CLOSERS = frozenset("”“’‘\"'»«」』)]）】〞＂")
# Closers that could equally open the next sentence; only attached when not directly followed by a letter.
_AMBIGUOUS_CLOSERS = frozenset("“‘\"'«")

_TERMINATORS = frozenset(".!?…。！？")
_CJK_TERMINATORS = frozenset("。！？")

# German words after which "<number>." is an ordinal ("am 3. Tag", "zum 2. Mal", "der 5. Teilnehmer").
_DE_ORDINAL_CONTEXT = frozenset(
    {
        "am", "vom", "zum", "im", "beim", "bis", "ab", "seit", "der", "die", "das", "den", "dem", "des",
        "zur", "ihr", "ihre", "ihrem", "ihren", "ihrer", "sein", "seine", "seinem", "seinen", "seiner",
        "jeder", "jede", "jedes", "jedem", "jeden", "ein", "eine", "einem", "einen", "einer", "für", "um",
        "an", "auf", "in", "nach", "vor", "zu",
    }
)  # fmt: skip

# Words that open a German sentence and cannot follow an ordinal (which precedes a noun or an adjective:
# "am 3. Oktober", "der 5. beste"): after "auf 12." one of them means the number ended the sentence.
_DE_SENTENCE_OPENERS = frozenset(
    {
        "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "er", "sie", "es",
        "wir", "ich", "man", "dies", "diese", "dieser", "dieses", "doch", "aber", "auch", "damit", "dabei",
        "dass", "wie", "was", "wer", "wo", "wenn", "als", "so", "dann", "zudem", "außerdem", "trotzdem",
        "allerdings", "laut", "nach", "bei", "mit", "seit", "im", "am", "in",
    }
)  # fmt: skip
_WORD_BEFORE_RE = re.compile(r"(\w+)\W*$")
_NUMBER_WORD_BEFORE_RE = re.compile(r"(?:^|\s)(\w+)\s+\d{1,3}\.$")

Span = tuple[int, int]
# A short clause after a closing quotation that only says who said it: “……。”张伟表示。 / “……。”他说。
_ZH_SPEAKER_TAG = re.compile(
    r"[^。！？“”\n]{1,30}?(?:说|表示|称|指出|强调|写道|透露|坦言|补充道|回应|问|反问|回答|答)(?:道)?[。！]"
)
# A unit symbol with a slash or a watt-hour, its dot, then a capitalised word: a sentence end.
_UNIT_DOT_RE = re.compile(r"(?<=\d)\s?(?:km/h|m/s|km/s|[kMGT]Wh)\.(?=\s+[A-ZÄÖÜ])")
_DE_WORD_DOT_NUMBER_RE = re.compile(r"\b([^\W\d_]{5,})\.[ ]+(?=\d)")
# German abbreviations of five or more letters that take a number after them.
_DE_LONG_ABBREVIATIONS = frozenset(
    {"jährl", "monatl", "wöchentl", "tägl", "zusätzl", "ungefähr", "circa", "sept", "abschn", "anmerk"}
)


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or "\uf900" <= ch <= "\ufaff"


def _sentencex_language(language: str | None, text: str) -> str:
    """The sentencex language code: the primary subtag, or a guess from the script when unknown."""
    if language:
        primary = re.split(r"[-_]", language.strip().lower(), maxsplit=1)[0]
        if primary:
            return primary
    # Mixed Chinese/Latin lines segment better in sentencex's zh mode (it still knows "Mr.", "U.S."), while
    # the en mode mis-splits "了。Mr. Smith" after the abbreviation.
    return "zh" if any(_is_han(ch) for ch in text) else "en"


def _map_segments(work: str, segments: list[str]) -> list[int] | None:
    """Offsets in `work` where each segment after the first begins; None when they don't fit `work`."""
    cuts: list[int] = []
    pos = 0
    if "".join(segments) == work:  # the usual case: sentencex returns an exact partition
        for seg in segments[:-1]:
            pos += len(seg)
            cuts.append(pos)
        return cuts
    # Otherwise map by non-whitespace characters, which survive any whitespace normalisation.
    for seg in segments:
        for ch in seg:
            if ch.isspace():
                continue
            while pos < len(work) and work[pos].isspace():
                pos += 1
            if pos >= len(work) or work[pos] != ch:
                return None
            pos += 1
        cuts.append(pos)
    if any(not ch.isspace() for ch in work[pos:]):
        return None
    return cuts[:-1]


# Fallback when sentencex's output cannot be mapped: terminator, closers, whitespace, then an upper-case
# letter, digit or opening quote; or a CJK terminator (Chinese needs no space).
_FALLBACK_RE = re.compile(
    r"(?:[.!?…]+[”’\"»)\]]*\s+(?=[\"“„«(\[]?[A-ZÄÖÜ0-9\u4e00-\u9fff])|[。！？]+[”’」』）]*)"
)


def _fallback_cuts(work: str) -> list[int]:
    return [m.end() for m in _FALLBACK_RE.finditer(work) if m.end() < len(work)]


# A CJK terminator glued to Latin text ("了。Mr. Smith"): sentencex then misreads the Latin word after it (it
# split after "Mr."), so such lines are cut there first and each piece is segmented on its own.
_CJK_GLUED_RE = re.compile(r"[。！？]+[”’」』）]*(?=[A-Za-z0-9])")


def _chunks(work: str) -> list[Span]:
    bounds = [0, *(m.end() for m in _CJK_GLUED_RE.finditer(work)), len(work)]
    return [(a, b) for a, b in itertools.pairwise(bounds) if b > a]


def _sentence_end(text: str, lo: int, cut: int) -> int:
    """End of the sentence before `cut`: after its terminator and glued closers, else its last non-space."""
    end = cut
    while end > lo and text[end - 1].isspace():
        end -= 1
    # Step back over quotes (blanked for sentencex, so the cut may fall either side of them) to the
    # terminator.
    term_end = end
    while term_end > lo and (text[term_end - 1].isspace() or text[term_end - 1] in _DOUBLE_QUOTES):
        term_end -= 1
    if term_end > lo and text[term_end - 1] in _TERMINATORS:
        end = term_end
        run = end
        # “ ‘ " « close a quotation only straight after the terminator („Stopp.“); after another closer
        # they open the next sentence's quotation (”“真的吗？”). Chinese closes with ” ’ only: after 。！？
        # “ and ‘ open the next sentence's quotation (完工。“这是……”).
        cjk = text[end - 1] in _CJK_TERMINATORS
        while run < len(text) and text[run] in _CLOSERS:
            if (run > end or cjk) and text[run] in _AMBIGUOUS_CLOSERS:
                break
            run += 1
        if run > end:
            follower = text[run] if run < len(text) else " "
            ambiguous = any(ch in _AMBIGUOUS_CLOSERS for ch in text[end:run])
            if not (ambiguous and follower.isalnum() and not _is_han(follower)):
                end = run
    return end


def _next_start(text: str, pos: int, hi: int) -> int:
    while pos < hi and text[pos].isspace():
        pos += 1
    return pos


# A clock time with a.m./p.m. right before a cut, and a time zone right after it.
_CLOCK_BEFORE_RE = re.compile(r"\d\s*[ap]\.\s?m\.$", re.IGNORECASE)
_ZONE_AFTER_RE = re.compile(
    rf"(?:{'|'.join(TIME_ZONE_ABBREVIATIONS)})\b"
    r"|local\s+time\b"
    # "10:32 a.m. Beijing time", "4:10 p.m. New York time"; "10 a.m. Tuesday" (American usage)
    r"|(?:[A-Z][a-z]+\s+){1,2}time\b"
    r"|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b(?!\s+(?:was|is|will|has|had)\b)"
)
# German month names: "am Dienstag, 10. Juni" is a date, not a sentence that ends after "10.".
_DE_LEAGUE_AFTER_RE = re.compile(r"\s*(?:Bundesliga|Liga|Frauen-Bundesliga|Handball-Bundesliga)\b")
_DE_MONTH_AFTER_RE = re.compile(
    r"(?:Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)\b"
)


def _keep_cut(text: str, lo: int, end: int, start: int, language: str) -> bool:
    """Whether a candidate boundary (previous sentence ends at `end`, next begins at `start`) is real."""
    if end <= lo or start >= len(text):
        return False
    # The terminator itself, skipping closers that were attached to the sentence.
    term_pos = end - 1
    while term_pos > lo and text[term_pos] in _CLOSERS:
        term_pos -= 1
    term = text[term_pos]
    nxt = text[start]
    if term_pos < end - 1 and term in _CJK_TERMINATORS and _ZH_SPEAKER_TAG.match(text, start):
        return False  # “……必要的。”张伟在一份声明中表示。: the speaker tag belongs to its quotation
    if term in _CJK_TERMINATORS or _is_han(nxt):
        return True
    before = text[lo : term_pos + 1]
    if start == end and term in ".!?":
        # Glued: keep only for prose words on both sides ("model.Tech"), not "ASP.NET", "heise.de", "U.S.A".
        word = _WORD_BEFORE_RE.search(before[:-1])
        after = re.match(r"\w+", text[start:])
        if word is None or after is None:
            return False
        prev_word, next_word = word.group(1), after.group(0)
        return (
            len(prev_word) >= 2
            and prev_word[-1].islower()
            and len(next_word) >= 2
            and next_word[0].isupper()
            and next_word[1:].islower()
        )
    if term == "." and nxt.isalpha() and nxt.islower():
        word = re.match(r"\w+", text[start:])
        # "iPhone", "eBay" start in lower case but are names, so a sentence may begin with them.
        if word is None or not any(ch.isupper() for ch in word.group(0)):
            return False
    if term == "." and _CLOCK_BEFORE_RE.search(before) and _ZONE_AFTER_RE.match(text, start):
        return False  # "at 9 a.m. CEST.", "5 p.m. ET on Friday": the time zone belongs to the clock time
    if term == "." and before[-2:-1].isdigit() and _DE_MONTH_AFTER_RE.match(text, start):
        return False  # "Dienstag, 10. Juni": a German date
    if term == "." and before[-2:-1].isdigit() and _DE_LEAGUE_AFTER_RE.match(text, start):
        return False  # "in the 2. Bundesliga": a German league's name, in any language (a held-out story)
    if language == "de" and term == ".":
        ctx = _NUMBER_WORD_BEFORE_RE.search(before)
        if ctx is not None and ctx.group(1).lower() in _DE_ORDINAL_CONTEXT:
            opener = re.match(r"\w+", text[start:])
            # "auf 12. Die Polizei": capitalised "Die" cannot follow an ordinal, so the sentence ended.
            return (
                opener is not None
                and opener.group(0)[0].isupper()
                and opener.group(0).lower() in _DE_SENTENCE_OPENERS
            )

    return True


def _strip_bullet(text: str) -> int:
    """Offset where the content of `text` begins, after any bullet marker."""
    match = _BULLET_RE.match(text)
    if match is not None and match.group(0).strip():
        return match.end()
    return 0


def split_sentences(text: str, language: str | None, *, split_quotes: bool = True) -> list[Span]:
    """Split one line into sentences; return whitespace-trimmed code-point spans (start, end) into `text`."""
    lo = _strip_bullet(text)
    hi = len(text)
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    lo = _next_start(text, lo, hi)
    if lo >= hi:
        return []
    region = text[lo:hi]
    lang = _sentencex_language(language, region)
    # Every whitespace character becomes an ASCII space (same code-point length, so offsets hold): sentencex
    # 1.0.32 panics on "Z\u00a0." and other initials before non-ASCII whitespace.
    work = region.translate(_BLANK_QUOTES if split_quotes else _BLANK)
    cuts: list[int] = []
    for chunk_lo, chunk_hi in _chunks(work):
        chunk = work[chunk_lo:chunk_hi]
        try:
            pieces: list[str] | None = list(sentencex.segment(lang, chunk))
        except (KeyboardInterrupt, SystemExit, GeneratorExit):
            raise
        except BaseException:  # a Rust panic in sentencex arrives as pyo3's PanicException(BaseException)
            pieces = None
        chunk_cuts = _map_segments(chunk, pieces) if pieces is not None else None
        if chunk_cuts is None:
            chunk_cuts = _fallback_cuts(chunk)
        cuts.extend(chunk_lo + c for c in chunk_cuts)
        cuts.append(chunk_hi)
    if lang == "de":
        # sentencex never ends a German sentence before a number ("…gebilligt. 88 Abgeordnete stimmten…");
        # after a full word of five or more letters that is no abbreviation, the dot ends the sentence.
        cuts.extend(
            m.end()
            for m in _DE_WORD_DOT_NUMBER_RE.finditer(work)
            if m.group(1).casefold() not in _DE_LONG_ABBREVIATIONS
        )

    if "/" in work or "Wh." in work:
        # sentencex reads "km/h." as an abbreviation that cannot end a sentence ("…mit 78 km/h. Als mögliche
        # Ursache …" stayed one sentence, and the second half went unaligned in a held-out story).
        cuts.extend(m.end() for m in _UNIT_DOT_RE.finditer(work))

    spans: list[Span] = []
    start = lo
    for rel in sorted(set(cuts)):
        cut = lo + rel
        if cut <= start or cut >= hi:
            continue
        end = _sentence_end(text, start, cut)
        nxt = _next_start(text, end, hi)
        if nxt >= hi:
            break
        if end > start and _keep_cut(text, start, end, nxt, lang):
            spans.append((start, end))
            start = nxt
    spans.append((start, hi))
    return spans
