"""Source against translation: align a source and its translation in order, or read given segment pairs,
and report the facts that drifted with the same Report (JSON schema, HTML) as `driftcheck compare`.

Two entry points:

* :func:`run_translation` — two article files. Sentences are embedded and aligned *in order*
  (:func:`driftcheck.ordered_align.align_ordered`: 1-1, 1-2, 2-1, 1-0, 0-1 beads). Each linked bead is
  compared with the pair rules of :mod:`driftcheck.compare`; a 1-2 / 2-1 bead is compared as ONE combined
  sentence per side (the span from its first to its last sentence, facts re-extracted over the span), because
  comparing the parts one by one reads a split as "figure missing" / "negation flipped" whenever the fact
  sits in the other half. Evidence is then re-pointed at the sentence that holds the span. A 1-0 bead is an
  ``omission`` (medium), a 0-1 bead an ``addition`` (info).
* :func:`run_pairs` — a TSV / JSONL / TMX / XLIFF file whose pairing is given: no model is loaded; each
  segment is one sentence (never re-segmented), findings carry the segment id in ``Finding.segment``.

The source is always the reference (``Report.reference``) and always side ``a`` of a finding.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import itertools
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from . import __version__
from .bilingual import SegmentPair, check_glossary, check_placeholders, load_glossary, read_pairs
from .compare import CompareSettings, Located, compare_pair, evidence, fingerprint, make, whole
from .corpus import inputs_sha256, load_corpus
from .entities import AliasTable, Entity
from .errors import InputError
from .facts import SentenceFacts, extract_facts
from .language import LanguageIdentifier
from .models import (
    CONTENT_KINDS,
    Alignment,
    ClaimGroup,
    Corpus,
    Document,
    Evidence,
    Finding,
    Line,
    Report,
    Sentence,
    SentenceRef,
    Signature,
)
from .ordered_align import Bead, align_ordered
from .pipeline import Segmented, segment_document
from .quantities import extract_quantities

__all__ = ["TranslationOptions", "findings_csv", "run_pairs", "run_translation"]

Progress = Callable[[int, int], None]

# The encoder entry of the signature when the pairing is given and nothing is embedded.
PAIRS_ENCODER = "none (pairs given)"


@dataclass(frozen=True)
class TranslationOptions:
    """Settings of `driftcheck translation` and `pairs`; what changes results goes into the signature."""

    encoder: str | None = None  # "use" (default) or "st:NAME_OR_PATH"; ignored by run_pairs
    languages: tuple[str, ...] = ("en", "de", "zh")
    include_furniture: bool = False
    cache_dir: str | None = None
    use_cache: bool = True
    compare: CompareSettings = field(default_factory=CompareSettings)
    aliases: tuple[tuple[str, str], ...] = ()
    # A 1-1 bead whose margin is at or below this AND whose sentences share no exact anchor (number, date,
    # name) is treated as omission + addition rather than a translation. The aligner keeps true-but-weak
    # links with margins a little below 0 (free translations), so the score alone is not enough: a shared
    # figure or name is what tells a loose translation from two unrelated sentences sitting side by side.
    suspect_score: float = 0.0
    # Bonus (in the aligner's "wrong-pair gap" units) for a 1-1 cell whose sentences share an exact number
    # or date: figures rarely coincide by chance, and they survive translation verbatim.
    anchor_bonus: float = 0.5

    def thresholds(self) -> tuple[tuple[str, float], ...]:
        """The settings that change results, as (name, value) pairs for the report signature."""
        return tuple(sorted((
            *self.compare.as_thresholds(),
            ("include_furniture", float(self.include_furniture)),
            ("translation.anchor_bonus", self.anchor_bonus),
            ("translation.suspect_score", self.suspect_score),
        )))


# --- source against translation -----------------------------------------------------------------------


def _load_one(path: str, role: str) -> tuple[Document, Corpus]:
    """The single document of a file named on the command line (an unusable file raises InputError)."""
    corpus = load_corpus([path])
    if len(corpus.documents) != 1:
        raise InputError(
            f"{path}: the {role} must be one article file, but it holds {len(corpus.documents)} documents; "
            "name a single .txt, .md or .html file"
        )
    return corpus.documents[0], corpus


def _segment(document: Document, identifier: LanguageIdentifier) -> Segmented:
    document, sentences = segment_document(document, identifier)
    facts = tuple(extract_facts(s, document) for s in sentences)
    return Segmented(document, tuple(sentences), facts)


def _measure_anchors(facts: SentenceFacts) -> frozenset[str]:
    # Numbers and dates only: names recur through a story ("Meta" in every sentence) and are spelt
    # differently across scripts, so they say little about WHICH sentence translates which.
    return frozenset(a for a in facts.anchors if a.startswith(("q:", "d:")))


def run_translation(source: str, target: str, options: TranslationOptions | None = None,
                    progress: Progress | None = None, timings: dict[str, float] | None = None) -> Report:
    """Align a source article with its translation in order and report what drifted, omitted or added."""
    from .embedding import EmbeddingCache, embed, load_encoder
    from .pipeline import StageClock

    options = options or TranslationOptions()
    clock = StageClock(timings)
    src_doc, src_corpus = _load_one(source, "source")
    tgt_doc, tgt_corpus = _load_one(target, "target")
    if tgt_doc.id == src_doc.id:
        # Same file stem in two directories: ids must differ, or every finding would name one document.
        src_doc = dataclasses.replace(src_doc, id=f"{src_doc.id}-source")
        tgt_doc = dataclasses.replace(tgt_doc, id=f"{tgt_doc.id}-target")
    identifier = LanguageIdentifier(options.languages)
    clock.lap("load")
    src, tgt = _segment(src_doc, identifier), _segment(tgt_doc, identifier)
    clock.lap("segment+facts")

    def chosen(seg: Segmented) -> list[int]:
        keep = options.include_furniture
        return [k for k, s in enumerate(seg.sentences) if keep or s.kind in CONTENT_KINDS]

    src_rows, tgt_rows = chosen(src), chosen(tgt)
    texts = [src.sentences[k].text for k in src_rows] + [tgt.sentences[k].text for k in tgt_rows]
    encoder = load_encoder(options.encoder)
    dimension = 0
    if src_rows and tgt_rows:
        cache = EmbeddingCache(options.cache_dir) if options.use_cache else None
        vectors = embed(texts, encoder, cache, progress)
        dimension = int(vectors.shape[1])
        src_vec, tgt_vec = vectors[: len(src_rows)], vectors[len(src_rows) :]
    else:
        src_vec = np.zeros((len(src_rows), 1), dtype=np.float32)
        tgt_vec = np.zeros((len(tgt_rows), 1), dtype=np.float32)
    clock.lap("embed")

    src_anchors = [_measure_anchors(src.facts[k]) for k in src_rows]
    tgt_anchors = [_measure_anchors(tgt.facts[k]) for k in tgt_rows]

    def bonus(i: tuple[int, ...], j: tuple[int, ...]) -> float:
        return options.anchor_bonus if src_anchors[i[0]] & tgt_anchors[j[0]] else 0.0

    raw = align_ordered(src_vec, tgt_vec, extra_score=bonus if options.anchor_bonus else None)
    beads = [Bead(tuple(src_rows[i] for i in b.src), tuple(tgt_rows[j] for j in b.tgt), b.score) for b in raw]
    clock.lap("align")

    beads = _split_suspect(beads, src, tgt, options.suspect_score)
    alignments, groups, findings = _compare_beads(beads, src, tgt, options)
    clock.lap("compare")

    documents = (src.document, tgt.document)
    signature = Signature(
        driftcheck=__version__,
        encoder=encoder.name,
        dimension=dimension,
        languages=tuple(options.languages),
        thresholds=options.thresholds(),
        inputs_sha256=inputs_sha256(Corpus(documents=documents)),
    )
    return Report(
        name=_slug(f"{src.document.id}-vs-{tgt.document.id}"),
        signature=signature,
        documents=documents,
        sentences=src.sentences + tgt.sentences,
        alignments=tuple(alignments),
        groups=tuple(groups),
        findings=tuple(findings),
        skipped=src_corpus.skipped + tgt_corpus.skipped,
        reference=src.document.id,
    )


def _split_suspect(beads: list[Bead], src: Segmented, tgt: Segmented, threshold: float) -> list[Bead]:
    """Replace weak 1-1 links whose sentences share no exact fact by a 1-0 and a 0-1 bead."""
    out = []
    for bead in beads:
        if len(bead.src) == 1 and len(bead.tgt) == 1 and bead.score <= threshold:
            shared = src.facts[bead.src[0]].anchors & tgt.facts[bead.tgt[0]].anchors
            if not shared:
                out += [Bead(bead.src, (), bead.score), Bead((), bead.tgt, bead.score)]
                continue
        out.append(bead)
    return out


def _combined(seg: Segmented, indices: tuple[int, ...], order: int) -> Located:
    """One Located for the sentences of one side of a bead (a single sentence, or the span of a merge)."""
    first, last = seg.sentences[indices[0]], seg.sentences[indices[-1]]
    if len(indices) == 1:
        return Located(first, seg.facts[indices[0]], seg.document.published, order)
    text = seg.document.text[first.start : last.end]
    sentence = dataclasses.replace(first, text=text, end=last.end)
    return Located(sentence, extract_facts(sentence, seg.document), seg.document.published, order)


def _repoint(e: Evidence | None, seg: Segmented, indices: tuple[int, ...]) -> Evidence | None:
    """Point evidence found in a combined span at the real sentence holding it (offsets are document-wide)."""
    if e is None or len(indices) == 1:
        return e
    for k in indices:
        s = seg.sentences[k]
        if s.start <= e.start < s.end or k == indices[-1]:
            if e.start == seg.sentences[indices[0]].start and e.end == seg.sentences[indices[-1]].end:
                # A "whole sentence" evidence over the span: keep the first sentence, the bead's anchor.
                s = seg.sentences[indices[0]]
                return dataclasses.replace(e, index=s.index, text=s.text, evidence=s.text, end=s.end)
            return dataclasses.replace(e, index=s.index, text=s.text)
    return e


def _compare_beads(
    beads: Sequence[Bead], src: Segmented, tgt: Segmented, options: TranslationOptions
) -> tuple[list[Alignment], list[ClaimGroup], list[Finding]]:
    aliases = AliasTable(options.aliases)
    src_id, tgt_id = src.document.id, tgt.document.id
    alignments: list[Alignment] = []
    groups: list[ClaimGroup] = []
    findings: dict[str, Finding] = {}
    width = len(str(len(beads)))
    for n, bead in enumerate(beads, start=1):
        group = f"b{n:0{width}d}"
        members = tuple(SentenceRef(src_id, src.sentences[k].index) for k in bead.src) + tuple(
            SentenceRef(tgt_id, tgt.sentences[k].index) for k in bead.tgt
        )
        missing = () if bead.src and bead.tgt else ((tgt_id,) if bead.src else (src_id,))
        groups.append(ClaimGroup(group, members, missing))
        if bead.src and bead.tgt:
            for i in bead.src:
                for j in bead.tgt:
                    a_ref = SentenceRef(src_id, src.sentences[i].index)
                    b_ref = SentenceRef(tgt_id, tgt.sentences[j].index)
                    alignments.append(Alignment(a_ref, b_ref, bead.score, group))
            a, b = _combined(src, bead.src, 0), _combined(tgt, bead.tgt, 1)
            for f in translation_pair(a, b, options.compare, aliases):
                ea, eb = _repoint(f.a, src, bead.src), _repoint(f.b, tgt, bead.tgt)
                assert ea is not None
                f = dataclasses.replace(f, id=fingerprint(f.type, ea, eb), a=ea, b=eb)
                findings.setdefault(f.id, f)
        elif bead.src:
            loc = _combined(src, bead.src, 0)
            number = loc.sentence.index + 1
            message = f"{tgt_id} leaves out source sentence {number}: “{loc.sentence.text}”"
            f = make("omission", "medium", message, whole(loc), None)
            findings.setdefault(f.id, f)
        else:
            loc = _combined(tgt, bead.tgt, 1)
            message = (f"{tgt_id} adds sentence {loc.sentence.index + 1}, which {src_id} does not have: "
                       f"“{loc.sentence.text}”")
            f = make("addition", "info", message, whole(loc), None)
            findings.setdefault(f.id, f)
    return alignments, groups, list(findings.values())


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip("-") or "translation"


# --- names across languages ----------------------------------------------------------------------------
#
# compare_pair's entity rule needs a shared name on both sides and a one-for-one swap; across languages
# most names are spelt differently (Spanien / Spain, 重庆 / Chongqing), so a dropped or replaced name goes
# unseen.
# Here the source is the reference: every source name should be findable in the target and every target name
# should be supported by the source, through the same folded spelling, an exonym from CLDR (countries and
# cities, via Babel), or the pinyin of the Chinese source (pypinyin). A Chinese source writes foreign names in
# transliteration (格里沃里 = Karasin) that pinyin cannot recover; an unexplained Han-script source name and
# an unexplained target name are therefore taken to be the same name transliterated, and not reported.

_SHORT_FORMS = {"US": ("us", "usa", "america"), "GB": ("uk", "britain"), "AE": ("uae",), "CN": ("prc",)}
_HAN = re.compile(r"[\u3400-\u9fff]")
_LATIN_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
# German nouns are capitalised, so the German name finder also returns common nouns ("Pause", "Fahrzeuge").
# A one-word name of unknown kind with a typical German noun ending is not checked on the source side.
_DE_NOUN_END = re.compile(
    r"(?:e|en|er|ern|em|es|ung|ungen|heit|keit|schaft|tät|ion|ik|ei|nis|tum|ling|stadt|zeug|werk|raum|amt|"
    r"land|bau|haus|markt|recht|kraft|zeit|weg|zug|ort|teil)$", re.IGNORECASE)
_EN_NOT_NAMES = frozenset((  # noqa: SIM905 - a word list reads better as text
    "the a an this that these those he she it we they i you his her its our their there here then "
    "when while after before during since until earlier later born once much many more most some "
    "several below above according however meanwhile also but and or so yet if as at in on of for by "
    "with from to late early personal traffic republic west east north south mr mrs ms dr prof gov "
    "president minister"
).split())


@dataclass(frozen=True)
class _NameIndex:
    """What one sentence offers for name matching: folded text, pinyin, and English exonyms it contains."""

    folded: str
    pinyin: str
    exonyms: frozenset[str]
    words: tuple[str, ...] = ()  # folded Latin words, and adjacent pairs joined ("new"+"york")


def _fold(text: str) -> str:
    from .entities import fold_name

    return re.sub(r"[^\w]", "", fold_name(text))


@cache
def _exonym_table(lang: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(name in lang, folded English names) for CLDR countries and time-zone cities; empty without Babel."""
    try:
        from babel import Locale
        from babel.dates import get_timezone, get_timezone_location
    except ImportError:  # names then match by spelling and pinyin only
        return ()
    import zoneinfo

    rows: dict[str, set[str]] = {}
    local, english = Locale.parse(lang), Locale.parse("en")
    for code, name in local.territories.items():
        en = english.territories.get(code)
        if en and name:
            rows.setdefault(name, set()).update({_fold(en), *_SHORT_FORMS.get(code, ())})
    for zone in sorted(zoneinfo.available_timezones()):
        if "/" not in zone or zone.startswith(("Etc/", "SystemV/", "US/", "posix/", "right/")):
            continue
        try:
            tz = get_timezone(zone)
            name = get_timezone_location(tz, locale=lang, return_city=True)
            en = get_timezone_location(tz, locale="en", return_city=True)
        except (LookupError, ValueError):
            continue
        if name and en:
            rows.setdefault(name, set()).add(_fold(en))
    # Names of 2+ characters only: one-character CJK entries would match inside unrelated words.
    return tuple((name, tuple(sorted(en))) for name, en in sorted(rows.items()) if len(name) >= 2)


def _pinyin(text: str) -> str:
    try:
        from pypinyin import lazy_pinyin
    except ImportError:  # without pypinyin, Chinese names match through CLDR and Latin spellings only
        return ""
    return "".join(lazy_pinyin(text)).lower()


@dataclass(frozen=True)
class _Exonyms:
    """CLDR names of one language, as one regex (found in any text in one pass) and by distinctive word."""

    english: dict[str, tuple[str, ...]]
    pattern: re.Pattern[str] | None
    by_word: dict[str, frozenset[str]]

    def in_text(self, text: str) -> set[str]:
        """Folded English names of every CLDR name that occurs in text."""
        found: set[str] = set()
        if self.pattern is not None:
            for m in self.pattern.finditer(text):
                found.update(self.english[m.group()])
        return found


@cache
def _exonyms(lang: str) -> _Exonyms:
    table = dict(_exonym_table(lang))
    han = sorted((n for n in table if _HAN.search(n)), key=len, reverse=True)
    latin = sorted((n for n in table if not _HAN.search(n)), key=len, reverse=True)
    parts = []
    if latin:
        parts.append(r"(?<!\w)(?:" + "|".join(map(re.escape, latin)) + r")")
    if han:
        parts.append("|".join(map(re.escape, han)))
    pattern = re.compile("|".join(parts)) if parts else None
    by_word: dict[str, set[str]] = {}
    for name, english in table.items():
        for word in _LATIN_WORD.findall(name):
            if len(word) >= 5 and word != name:
                by_word.setdefault(word, set()).update(english)
    return _Exonyms(table, pattern, {w: frozenset(e) for w, e in by_word.items()})


@lru_cache(maxsize=8192)
def _index(text: str, lang: str | None) -> _NameIndex:
    exonyms = _exonyms(lang).in_text(text) if lang and lang != "en" else set()
    pinyin = _fold(_pinyin(text)) if lang == "zh" or _HAN.search(text) else ""
    words = [_fold(w) for w in _LATIN_WORD.findall(text)]
    pairs = [x + y for x, y in itertools.pairwise(words)]
    return _NameIndex(_fold(text), pinyin, frozenset(exonyms), tuple(words + pairs))


def _stem_match(word: str, names: Iterable[str]) -> bool:
    # Adjectives and demonyms share a stem with the country: Chinese/China, German/Germany, Turkish/Turkey.
    return len(word) >= 5 and any(len(n) >= 4 and word[:4] == n[:4] for n in names)


def _found(name: str, index: _NameIndex) -> bool:
    """Whether a target name is supported by the source's index (spelling, pinyin, exonyms)."""
    key = _fold(name)
    if not key:
        return True
    if key in index.folded or (index.pinyin and key in index.pinyin) or key in index.exonyms:
        return True
    if any(key in e or (len(e) >= 4 and e in key) for e in index.exonyms):
        return True
    words = [_fold(w) for w in _LATIN_WORD.findall(name)]
    words = [w for w in words if len(w) >= 3 and w not in _EN_NOT_NAMES]
    # A multi-word name is present when one of its distinctive words is ("the Chinese Consulate General"
    # for 中国驻休斯敦总领馆 shares "China"; "Johns Hopkins University" for
    # Johns-Hopkins-Universität).
    for w in words:
        if w in index.folded or (index.pinyin and w in index.pinyin) or _stem_match(w, index.exonyms):
            return True
        if len(w) >= 5 and _fuzzy_in(w, index.folded):
            return True
    return False


@lru_cache(maxsize=8192)
def _renderings(name: str, lang: str | None) -> frozenset[str]:
    """Folded forms a source name may take in a translation: itself, its CLDR exonyms, its pinyin."""
    forms = {_fold(name)}
    if lang and lang != "en":
        table = _exonyms(lang)
        # The CLDR name inside the source name (Südafrikas), or the source name as the distinctive word
        # of a longer official name (Moldau in "Republik Moldau").
        forms.update(table.in_text(name))
        forms.update(table.by_word.get(name, ()))
    if _HAN.search(name):
        forms.add(_fold(_pinyin(name)))
    return frozenset(f for f in forms if f)


def _rendered(name: str, lang: str | None, target: _NameIndex) -> bool:
    """Whether a source name appears in the target under one of its renderings."""
    forms = _renderings(name, lang)
    if any(f in target.folded for f in forms):
        return True
    if len(forms) > 2 and any(_stem_match(w, forms) for w in target.words):
        return True  # an exonym's adjective: 中国 / "Chinese", Spanien / "Spanish"
    words = [w for w in _LATIN_WORD.findall(name) if len(w) >= 4]
    if len(words) >= 2 and any(_rendered(w, lang, target) for w in words):
        return True  # "Stadtteil Bethnal Green": a distinctive word of a longer name is enough
    for form in forms:
        if _HAN.search(form):
            continue
        # Inflected or compounded source forms (Südafrikas, Johns-Hopkins-Universität): the exonym or a
        # near spelling of the word in the target.
        if len(form) >= 5 and _fuzzy_word(form, target.words):
            return True
    if _HAN.search(name):
        # Chinese person names with a placeholder given name (黄某某 = "Huang"): the surname's pinyin.
        pinyin = _fold(_pinyin(name))
        return any(len(w) >= 4 and pinyin.startswith(w) for w in target.words)
    return False


def _fuzzy_word(form: str, words: Sequence[str]) -> bool:
    from rapidfuzz import fuzz

    # Near spellings across languages (Tokio / Tokyo, Kalifornien / California) score 75-80; unrelated
    # words of similar length stay far below.
    return any(fuzz.ratio(form, w) >= 75 for w in words if abs(len(w) - len(form)) <= 3)


def _fuzzy_in(word: str, text: str) -> bool:
    from rapidfuzz import fuzz

    # Spelling across languages (Tokio / Tokyo, Kalifornien / California): a near match of the word
    # somewhere in the other text.
    return fuzz.partial_ratio(word, text) >= 80


def _checkable_source_name(text: str, kind: str, lang: str | None) -> bool:
    if _HAN.search(text):
        # Chinese organisation names are translated word by word (新华社 = Xinhua News Agency,
        # 总统委员会 = presidential committee), which neither pinyin nor CLDR recovers; only places and
        # people are checked.
        return kind != "org"
    words = _LATIN_WORD.findall(text)
    if not words or any(ch.isdigit() for ch in text):
        return False
    if len(words) == 1 and len(words[0]) < 4 and not words[0].isupper():
        return False  # "Süd", "Ost": compass words and other short capitalised words, not names
    if lang == "de" and kind == "other" and len(words) == 1 and (
            _DE_NOUN_END.search(words[0]) or len(words[0]) > 8):
        # Long one-word "names" of unknown kind are mostly German compounds (Sprachmodell, Börsenwert).
        return False
    if len(words) == 1 and _is_unit_word(words[0]):
        return False  # "Dollar", "Euro", "Prozent": the number check compares these, not the name check
    return not (len(words) == 1 and words[0].lower() in _EN_NOT_NAMES)


def _is_unit_word(word: str) -> bool:
    """Whether the quantity parser reads the word as a unit or currency after a number."""
    quantities = extract_quantities(f"5 {word}", None)
    return any(q.unit is not None or q.currency is not None for q in quantities)


def _checkable_target_name(loc: Located, start: int, text: str) -> bool:
    words = _LATIN_WORD.findall(text)
    if not words or all(w.lower() in _EN_NOT_NAMES for w in words):
        return False
    # A capitalised first word is not evidence of a name ("Earlier, ...", "Born in ...").
    before = re.sub(r"[\W\d_]+", "", loc.sentence.text[:start])
    return not (len(words) == 1 and not before)


def name_findings(a: Located, b: Located) -> list[Finding]:
    """Names the translation drops, or brings in without support in the source (source = side a)."""
    la, lb = a.sentence.language, b.sentence.language
    ia, ib = _index(a.sentence.text, la), _index(b.sentence.text, lb)
    dropped = [e for e in a.facts.entities
               if _checkable_source_name(e.text, e.kind, la) and not _rendered(e.text, la, ib)]
    added = [e for e in b.facts.entities
             if _checkable_target_name(b, e.start, e.text) and not _found(e.text, ia)]
    # Different spellings of one name inside a sentence count once.
    dropped = list({_fold(e.text): e for e in dropped}.values())
    added = list({_fold(e.text): e for e in added}.values())
    # A Han-script source name that nothing explains, beside a target name nothing explains: most likely
    # the same foreign name transliterated (约翰·刘易斯 / John Lewis). Pair them off one for one.
    # The same holds the other way round: a Chinese target writes an English source's names in Chinese
    # (Nvidia = 英伟达). Places CLDR knows have a known form: when that is absent, the place is absent.
    target_han = bool(_HAN.search(b.sentence.text))
    pairable = [e for e in dropped
                if target_han or (_HAN.search(e.text) and len(_renderings(e.text, la)) <= 2)]
    paired = min(len(pairable), len(added))
    if not any(ch.isupper() for ch in b.sentence.text):
        # A target with no capitals at all (lower-cased) hides its names from the name finder, so there is
        # nothing to pair a transliterated name with: leave those unchecked rather than report them.
        paired = len(pairable)
    dropped = [e for e in dropped if e not in pairable[:paired]]
    added = added[paired:]
    # Nested hits of one name ("Armed Forces Vladimir Putin" when "Putin" alone is found) are not new names.
    out = []
    for e in dropped:
        message = f"{b.sentence.doc} does not name {e.text!r}, which {a.sentence.doc} names ({e.kind})"
        out.append(make("entity", "medium", message, evidence(a, e.start, e.end, e.key), whole(b)))
    for e in added:
        message = (f"{b.sentence.doc} names {e.text!r}, which {a.sentence.doc} does not name "
                   f"(no matching spelling, exonym or transliteration)")
        out.append(make("entity", _added_severity(e, bool(dropped), a), message, whole(a),
                        evidence(b, e.start, e.end, e.key)))
    return out


def _added_severity(e: Entity, swap: bool, source: Located) -> str:
    """medium for a name that replaces a dropped one or is clearly a name; info when support may just be
    beyond what spelling, CLDR and pinyin can show."""
    if swap:
        return "medium"
    if _HAN.search(source.sentence.text) or _HAN.search(e.text):
        # A Chinese source writes foreign names in transliteration (休斯敦 = Houston) and names things by
        # translation (基督 = Christ) that we cannot map back: an unsupported target name is only a hint.
        return "info"
    words = _LATIN_WORD.findall(e.text)
    # One-word names of unknown kind are often demonyms or translated nouns (Swede, Jewish, Navy).
    return "medium" if len(words) >= 2 or e.kind in ("person", "place", "org") else "info"


def translation_pair(a: Located, b: Located, settings: CompareSettings, aliases: AliasTable) -> list[Finding]:
    """compare_pair, plus the cross-language name check when compare_pair reports no name swap itself."""
    found = compare_pair(a, b, settings, aliases)
    if not any(f.type == "entity" for f in found):
        found += name_findings(a, b)
    return found


# --- given pairs ---------------------------------------------------------------------------------------

_LANG_ALIASES = {"eng": "en", "deu": "de", "ger": "de", "zho": "zh", "chi": "zh", "cmn": "zh"}


def _lang_code(tag: str | None) -> str | None:
    """ISO 639-1 code of a file's language tag (de-DE, zh_CN, eng, ZH-Hans -> de, zh, en, zh)."""
    if not tag:
        return None
    base = re.split(r"[-_]", tag.strip().lower())[0]
    return _LANG_ALIASES.get(base, base) or None


def _side_language(
    tags: Iterable[str | None], texts: Sequence[str], identifier: LanguageIdentifier
) -> str | None:
    """The language of one side: the file's tag when it gives one, else detected over all its segments."""
    for tag in tags:
        code = _lang_code(tag)
        if code:
            return code
    # Detected over the whole side, not per segment: short segments ("OK", "Seite 3") fool per-text detection.
    return identifier.detect_document(list(texts))


def _synthetic(doc_id: str, path: str, texts: Sequence[str], language: str | None) -> Segmented:
    """A Document whose lines are the segments (joined by newlines), one Sentence per segment, with facts."""
    lines: list[Line] = []
    sentences: list[Sentence] = []
    pos = 0
    for k, text in enumerate(texts):
        # A newline inside a segment would split it into two lines of the synthetic text; a space keeps the
        # offsets one-to-one with the plain text.
        flat = text.replace("\r", " ").replace("\n", " ")
        lines.append(Line(flat, pos, pos + len(flat), "body"))
        sentences.append(Sentence(doc_id, k, flat, language, "body", pos, pos + len(flat)))
        pos += len(flat) + 1
    document = Document(doc_id, path, "\n".join(line.text for line in lines), tuple(lines), language=language)
    facts = tuple(extract_facts(s, document) for s in sentences)
    return Segmented(document, tuple(sentences), facts)


def _term_span(text: str, term: str) -> tuple[int, int] | None:
    if not term:
        return None
    match = re.search(re.escape(term), text, re.IGNORECASE)
    return (match.start(), match.end()) if match else None


def _pair_findings(pair: SegmentPair, a: Located, b: Located, options: TranslationOptions,
                   aliases: AliasTable) -> list[Finding]:
    """Pair rules, placeholder and (later) glossary findings of one segment pair, before segment ids."""
    found = translation_pair(a, b, options.compare, aliases)
    if pair.source.strip() and not pair.target.strip():
        found.append(make("omission", "medium", f"segment {pair.id} is not translated: the target is empty",
                          whole(a), None))
    prefix = f"{pair.id}: placeholder "
    for message in check_placeholders(pair):
        # check_placeholders words its messages "<id>: placeholder <token> missing|added in target".
        body = message[len(prefix):] if message.startswith(prefix) else message
        missing = body.endswith(" missing in target")
        token = body.rsplit(" ", 3)[0]
        # A lost placeholder loses content (a name or figure filled in at run time): omission. An added one
        # inserts content the source does not have: addition. Both break the software that fills them, so
        # both are medium. Placeholders are not in the plain text, so the evidence is the whole segment.
        kind = "omission" if missing else "addition"
        where = "missing from" if missing else "added in"
        text = f"placeholder {token} {where} the target of segment {pair.id}"
        found.append(make(kind, "medium", text, dataclasses.replace(whole(a), value=token),
                          dataclasses.replace(whole(b), value=token)))
    return found


def _glossary_findings(pair: SegmentPair, a: Located, b: Located, glossary: Any) -> list[Finding]:
    out = []
    for issue in check_glossary(pair, glossary):
        span = _term_span(a.sentence.text, issue.term)
        source = whole(a) if span is None else _span(a, *span)
        source = dataclasses.replace(source, value=issue.term)
        target = dataclasses.replace(whole(b), value=" | ".join(issue.expected))
        # A required term rendered otherwise names the thing differently: `entity` (a name/term swap).
        # A do-not-translate name not kept verbatim is the same name spelt another way: `name_spelling`.
        kind = "entity" if issue.kind == "missing_term" else "name_spelling"
        message = issue.message
        if message.startswith(f"{pair.id}: "):  # the segment is in Finding.segment; do not repeat it
            message = message.split(": ", 1)[1]
        out.append(make(kind, "medium", f"glossary: {message}", source, target))
    return out


def _span(loc: Located, start: int, end: int) -> Evidence:
    s = loc.sentence
    return Evidence(s.doc, s.index, s.text, s.text[start:end], s.start + start, s.start + end)


def run_pairs(path: str, options: TranslationOptions | None = None, glossary: str | None = None) -> Report:
    """Compare the facts of already-paired segments (TSV, JSONL, TMX, XLIFF); no embedding model is loaded."""
    options = options or TranslationOptions()
    pairs = read_pairs(path)
    terms = load_glossary(glossary) if glossary else None
    identifier = LanguageIdentifier(options.languages)
    src_lang = _side_language((p.source_lang for p in pairs), [p.source for p in pairs], identifier)
    tgt_lang = _side_language((p.target_lang for p in pairs), [p.target for p in pairs], identifier)
    src = _synthetic("source", str(path), [p.source for p in pairs], src_lang)
    tgt = _synthetic("target", str(path), [p.target for p in pairs], tgt_lang)
    aliases = AliasTable(options.aliases)

    alignments: list[Alignment] = []
    groups: list[ClaimGroup] = []
    findings: dict[str, Finding] = {}
    for k, pair in enumerate(pairs):
        a = Located(src.sentences[k], src.facts[k], None, 0)
        b = Located(tgt.sentences[k], tgt.facts[k], None, 1)
        group = f"s{k + 1}"
        alignments.append(Alignment(SentenceRef("source", k), SentenceRef("target", k), 1.0, group))
        groups.append(ClaimGroup(group, (SentenceRef("source", k), SentenceRef("target", k)), ()))
        found = _pair_findings(pair, a, b, options, aliases)
        if terms is not None:
            found += _glossary_findings(pair, a, b, terms)
        for f in found:
            # Translation memories repeat segments; the segment id is part of what a finding is about, so it
            # is part of the fingerprint (otherwise repeated segments would collapse into one finding).
            f = dataclasses.replace(f, id=fingerprint(f"{f.type}@{pair.id}", f.a, f.b), segment=pair.id)
            findings.setdefault(f.id, f)

    documents = (src.document, tgt.document)
    signature = Signature(
        driftcheck=__version__,
        encoder=PAIRS_ENCODER,
        dimension=0,
        languages=tuple(options.languages),
        thresholds=tuple(sorted(options.compare.as_thresholds())),
        inputs_sha256=inputs_sha256(Corpus(documents=documents)),
    )
    return Report(
        name=_slug(Path(path).stem),
        signature=signature,
        documents=documents,
        sentences=src.sentences + tgt.sentences,
        alignments=tuple(alignments),
        groups=tuple(groups),
        findings=tuple(findings.values()),
        skipped=(),
        reference="source",
    )


# --- CSV ----------------------------------------------------------------------------------------------

CSV_COLUMNS = ("segment", "id", "type", "severity", "message", "source_evidence", "target_evidence",
               "source_value", "target_value")


def findings_csv(report_dict: dict[str, Any]) -> str:
    """The findings of a report dict as CSV: one row per finding, keyed by segment id, header first."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for f in report_dict["findings"]:
        a, b = f["a"], f["b"] or {}
        writer.writerow([
            f.get("segment") or "", f["id"], f["type"], f["severity"], f["message"],
            a.get("evidence", ""), b.get("evidence", ""),
            a.get("value") or "", b.get("value") or "",
        ])
    return buffer.getvalue()
