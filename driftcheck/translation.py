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

import bisect
import csv
import dataclasses
import functools
import io
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from . import __version__
from .background import BACKGROUND_SENTENCES
from .bilingual import SegmentPair, check_glossary, check_placeholders, load_glossary, read_pairs
from .compare import (
    CompareSettings,
    Located,
    compare_pair,
    evidence,
    fingerprint,
    make,
    modal_added_findings,
    modal_dropped_findings,
    whole,
)
from .corpus import inputs_sha256, load_corpus
from .entities import (
    _DE_BARE_NOUN_PREP,
    _DE_NOUN_SUFFIX,
    _DE_PLACE_OK,
    _GENERIC_ACRONYMS,
    STANDARD_ALIASES,
    ZH_PERSON_TITLES,
    ZH_SURNAMES,
    AliasTable,
    Entity,
    _is_shape_name,
    initials_of,
    starts_with_german_name_adjective,
)
from .errors import InputError
from .facts import SentenceFacts, extract_facts, with_document_context
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
from .ordered_align import KNN_K, Bead, align_ordered
from .pipeline import Segmented, cyclic_gc_paused, segment_document
from .quantities import extract_quantities
from .sounds import (
    collapse_keys,
    given_names_differ,
    han_key,
    keys_similar,
    latin_key,
    phonetic_in_latin,
    pinyin,
)

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
    facts = with_document_context([extract_facts(s, document) for s in sentences])
    return Segmented(document, tuple(sentences), facts)


def _measure_anchors(facts: SentenceFacts) -> frozenset[str]:
    # Numbers and dates only: names recur through a story ("Meta" in every sentence) and are spelt
    # differently across scripts, so they say little about WHICH sentence translates which.
    return frozenset(a for a in facts.anchors if a.startswith(("q:", "d:")))


def run_translation(source: str, target: str, options: TranslationOptions | None = None,
                    progress: Progress | None = None, timings: dict[str, float] | None = None) -> Report:
    """Align a source article with its translation in order and report what drifted, omitted or added."""
    with cyclic_gc_paused():  # see there: the collector's passes cost much and free nothing here
        return _run_translation(source, target, options, progress, timings)


def _run_translation(source: str, target: str, options: TranslationOptions | None,
                     progress: Progress | None, timings: dict[str, float] | None) -> Report:
    from .embedding import EmbeddingCache, embed, load_encoder
    from .pipeline import StageClock

    options = options or TranslationOptions()
    clock = StageClock(timings)
    src_doc, src_corpus = _load_one(source, "source")
    tgt_doc, tgt_corpus = _load_one(target, "target")
    if src_doc.text == tgt_doc.text:
        raise InputError(
            f"{target}: the same text as the source {source}; give the source and its translation"
        )
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
    background = None
    if src_rows and tgt_rows:
        cache = EmbeddingCache(options.cache_dir) if options.use_cache else None
        vectors = embed(texts, encoder, cache, progress)
        dimension = int(vectors.shape[1])
        src_vec, tgt_vec = vectors[: len(src_rows)], vectors[len(src_rows) :]
        if min(len(src_rows), len(tgt_rows)) < KNN_K:
            # A side this short has too few neighbours for a margin (driftcheck.background).
            background = embed(list(BACKGROUND_SENTENCES), encoder, cache)
    else:
        src_vec = np.zeros((len(src_rows), 1), dtype=np.float32)
        tgt_vec = np.zeros((len(tgt_rows), 1), dtype=np.float32)
    clock.lap("embed")

    src_anchors = [_measure_anchors(src.facts[k]) for k in src_rows]
    tgt_anchors = [_measure_anchors(tgt.facts[k]) for k in tgt_rows]

    def bonus(i: tuple[int, ...], j: tuple[int, ...]) -> float:
        return options.anchor_bonus if src_anchors[i[0]] & tgt_anchors[j[0]] else 0.0

    raw = align_ordered(
        src_vec, tgt_vec, extra_score=bonus if options.anchor_bonus else None, background=background
    )
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
    aliases = AliasTable([*STANDARD_ALIASES, *options.aliases])
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
            # A translation that adds a sentence stating a figure, a date or a name adds a claim the source
            # does not make (low); an added connective or a restated point is info.
            facts = loc.facts
            claims = bool(facts.quantities or facts.dates or facts.entities)
            f = make("addition", "low" if claims else "info", message, whole(loc), None)
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
# transliteration (休斯敦 = Houston) that pinyin cannot recover: those are compared by sound (consonant-class
# keys, below). Matches start at token (or pinyin syllable) boundaries, so "us" is not found in "houses".

_SHORT_FORMS = {"US": ("us", "usa", "america"), "GB": ("uk", "britain"), "AE": ("uae",), "CN": ("prc",),
                "EU": ("eu", "european"),
                # English names newsrooms still use beside CLDR's (Babel 2.18 says "Türkiye", "Czechia"): a
                # Turkey story's lead was reported as naming another country than its German "Türkei".
                "TR": ("turkey",), "CZ": ("czechrepublic",), "CI": ("ivorycoast",),
                "MM": ("myanmar", "burma"), "SZ": ("swaziland",), "MK": ("macedonia",), "TL": ("easttimor",),
                "HK": ("hongkong",),
                "MO": ("macao", "macau"), "BA": ("bosnia", "bosniaandherzegovina"),
                "CD": ("drc", "democraticrepublicofthecongo", "congo"), "CG": ("congo", "republicofthecongo")}
_HAN = re.compile(r"[\u3400-\u9fff]")
_SHORT_FORM_NAMES = {s: {*forms, n} for n, forms in (("unitedstates", _SHORT_FORMS["US"]),
                                                       ("unitedkingdom", _SHORT_FORMS["GB"]),
                                                       ("unitedarabemirates", _SHORT_FORMS["AE"]),
                                                       ("china", _SHORT_FORMS["CN"]),
                                                       ("europeanunion", _SHORT_FORMS["EU"])) for s in forms}
# English adjectives of nationality that do not share a stem with their country (_stem_match pairs Chinese
# and China): "the Dutch parliament" rendered 荷兰议会 was reported as dropping "Dutch" and adding 荷兰.
_DEMONYM_COUNTRIES = {
    "dutch": ("netherlands",), "british": ("unitedkingdom", "uk", "britain"), "swiss": ("switzerland",),
    "french": ("france",), "greek": ("greece",), "danish": ("denmark",), "welsh": ("wales",),
    "filipino": ("philippines",), "emirati": ("unitedarabemirates", "uae"), "saudi": ("saudiarabia",),
    "czech": ("czechia", "czechrepublic"), "spanish": ("spain",), "norwegian": ("norway",),
    "belgian": ("belgium",), "irish": ("ireland",), "thai": ("thailand",),
}  # fmt: skip
# Letters other than Han: a Latin name glued to Chinese text (农业协会Coldiretti) is a word of its own.
_LATIN_WORD = re.compile(r"[^\W\d_\u3400-\u9fff]+(?:[-'’][^\W\d_\u3400-\u9fff]+)*")
# Hyphen and apostrophe parts apart: Johns / Hopkins / Universität.
_LATIN_TOKEN = re.compile(r"[^\W\d_\u3400-\u9fff]+")
_HAN_RUN = re.compile(r"[\u3400-\u9fff·]+")
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
class _Tokens:
    """Folded tokens joined into one string, with the offsets where tokens start and end: a name matches
    only from a token start (so "us" is not found in "houses", nor "chen" in "königlichen")."""

    joined: str
    starts: frozenset[int]
    bounds: tuple[int, ...]  # every token end, ascending

    @staticmethod
    def of(tokens: Iterable[str]) -> _Tokens:
        joined, starts, ends = "", set(), []
        for tok in tokens:
            if tok:
                starts.add(len(joined))
                joined += tok
                ends.append(len(joined))
        return _Tokens(joined, frozenset(starts), tuple(ends))

    def has(self, key: str, inflected: bool = True) -> bool:
        """key starts at a token start and ends at a token end; with inflected, a key of 5+ letters may end
        inside a token (Mohammeds, Vinsonmassiv, Südafrikas) and one of 4 letters two letters short of it."""
        n = len(key)
        if not n:
            return False
        pos = self.joined.find(key)
        while pos >= 0:
            if pos in self.starts:
                end = pos + n
                k = bisect.bisect_left(self.bounds, end)
                rest = self.bounds[k] - end if k < len(self.bounds) else 0
                if rest == 0 or (inflected and (n >= 5 or (n == 4 and rest <= 2))):
                    return True
            pos = self.joined.find(key, pos + 1)
        return False


@dataclass(frozen=True)
class _NameIndex:
    """What one sentence offers for name matching: its Latin tokens, the pinyin syllables of its Han text,
    the English exonyms of the CLDR names it contains, and its Han runs for phonetic matching."""

    tokens: _Tokens
    syllables: _Tokens
    exonyms: frozenset[str]
    words: tuple[str, ...]  # folded Latin words
    han: tuple[str, ...] = ()  # runs of Han characters, CLDR names taken out (their English is known)
    capitalised: tuple[str, ...] = ()  # folded Latin words written with a capital (all, in lower-case text)


def _fold(text: str) -> str:
    from .entities import fold_place

    return fold_place(text)


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
    english = Locale.parse("en")
    # Chinese text comes in both scripts (美国 / 美國): the traditional-script names count too.
    locales = [lang, "zh_Hant"] if lang == "zh" else [lang]
    for local in map(Locale.parse, locales):
        for code, name in local.territories.items():
            en = english.territories.get(code)
            if en and name and code != "001":  # not "World" (世界, Welt): a word, not a place name
                rows.setdefault(name, set()).update({_fold(en), *_SHORT_FORMS.get(code, ())})
    for zone in sorted(zoneinfo.available_timezones()):
        if "/" not in zone or zone.startswith(("Etc/", "SystemV/", "US/", "posix/", "right/")):
            continue
        try:
            tz = get_timezone(zone)
            names = {get_timezone_location(tz, locale=x, return_city=True) for x in locales}
            en = get_timezone_location(tz, locale="en", return_city=True)
        except (LookupError, ValueError):
            continue
        for name in names:
            if name and en:
                rows.setdefault(name, set()).add(_fold(en))
    for table in (_WATERS, _ORGANISATIONS, _CITIES, _PEOPLE):
        for name, english_names in table.get(lang, {}).items():
            for form in _both_scripts(name) if lang == "zh" else (name,):
                rows.setdefault(form, set()).update(_fold(en) for en in english_names)
    # Names of 2+ characters only: one-character CJK entries would match inside unrelated words.
    return tuple((name, tuple(sorted(en))) for name, en in sorted(rows.items()) if len(name) >= 2)


_ROMAN = re.compile(r"[IVX]+")

# International organisations in the news, which CLDR does not name and translations render by meaning
# ("NASA" as 美国航天局, "WHO" as Weltgesundheitsorganisation: a review story's Chinese version was told it
# did not name NASA or ESA). German entries are stems, as for _WATERS below.
_ORGANISATIONS: dict[str, dict[str, tuple[str, ...]]] = {
    "de": {
        "Weltgesundheitsorganisation": ("WHO", "World Health Organization"),
        "Vereint Nation": ("UN", "United Nations"), "Uno": ("UN", "United Nations"),
        "International Währungsfonds": ("IMF", "International Monetary Fund"),
        "IWF": ("IMF", "International Monetary Fund"),
        "Europäisch Zentralbank": ("ECB", "European Central Bank"), "EZB": ("ECB", "European Central Bank"),
        "US-Notenbank": ("Fed", "Federal Reserve"), "Welthandelsorganisation": ("WTO",),
        "Weltbank": ("World Bank",), "Europäisch Weltraumorganisation": ("ESA", "European Space Agency"),
        "International Atomenergiebehörde": ("IAEA", "International Atomic Energy Agency"),
        "Internationale Atomenergiebehörde": ("IAEA",), "Rot Kreuz": ("Red Cross",),
        "Internationaler Währungsfonds": ("IMF",),
        # German institutions, which translations render by meaning (a desk's faithful "Federal Court of
        # Justice" for Bundesgerichtshof was reported as an added name "Federal Court").
        "Bundesgerichtshof": ("Federal Court of Justice", "Federal Court", "BGH"),
        "Bundesverfassungsgericht": ("Federal Constitutional Court", "Constitutional Court"),
        "Bundesverwaltungsgericht": ("Federal Administrative Court",),
        "Bundesfinanzhof": ("Federal Fiscal Court", "Federal Finance Court"),
        "Bundesarbeitsgericht": ("Federal Labour Court", "Federal Labor Court"),
        "Oberlandesgericht": ("Higher Regional Court",), "Landgericht": ("Regional Court",),
        "Amtsgericht": ("Local Court", "District Court"), "Bundeskartellamt": ("Federal Cartel Office",),
        "Bundesnetzagentur": ("Federal Network Agency",), "Bundesrechnungshof": ("Federal Court of Audit",),
        "Bundesamt für Verfassungsschutz": ("Federal Office for the Protection of the Constitution",),
        "Kanzleramt": ("Chancellery",), "Bundeskanzleramt": ("Chancellery", "Federal Chancellery"),
        "Auswärtig Amt": ("Foreign Office", "Federal Foreign Office"),
        "Unionsfraktion": ("CDU", "CSU", "CDU/CSU", "Union"), "Union": ("CDU", "CSU", "CDU/CSU"),
        "EU-Kommission": ("European Commission", "EU Commission"),
        "Europäisch Kommission": ("European Commission",),
        "Europäisch Parlament": ("European Parliament",), "EU-Parlament": ("European Parliament",),
    },
    "zh": {
        "美国航天局": ("NASA",), "美国国家航空航天局": ("NASA",), "美国宇航局": ("NASA",),
        "欧洲航天局": ("ESA", "European Space Agency"), "欧空局": ("ESA",),
        "中国国家航天局": ("CNSA",), "日本宇宙航空研究开发机构": ("JAXA",),
        "联合国": ("UN", "United Nations"), "世界卫生组织": ("WHO", "World Health Organization"),
        "世卫组织": ("WHO",), "北约": ("NATO",), "北大西洋公约组织": ("NATO",),
        "国际货币基金组织": ("IMF", "International Monetary Fund"), "世界银行": ("World Bank",),
        "世界贸易组织": ("WTO", "World Trade Organization"), "世贸组织": ("WTO",),
        "欧洲央行": ("ECB", "European Central Bank"), "欧洲中央银行": ("ECB", "European Central Bank"),
        "美联储": ("Fed", "Federal Reserve"), "欧佩克": ("OPEC",), "石油输出国组织": ("OPEC",),
        "国际原子能机构": ("IAEA", "International Atomic Energy Agency"), "国际奥委会": ("IOC",),
        "国际足联": ("FIFA",), "欧足联": ("UEFA",), "红十字会": ("Red Cross",),
        # Names Chinese renders by convention, not by sound: banks, indices, broadcasters, trade fairs,
        # weather services, and people with an established Chinese name (a desk's faithful translations
        # were told they dropped Goldman Sachs, CCTV, Computex and Lisa Su).
        "高盛": ("Goldman Sachs",), "摩根士丹利": ("Morgan Stanley",), "大摩": ("Morgan Stanley",),
        "摩根大通": ("JPMorgan", "JPMorgan Chase", "JP Morgan"), "小摩": ("JPMorgan",),
        "花旗": ("Citi", "Citigroup", "Citibank"), "汇丰": ("HSBC",), "瑞银": ("UBS",),
        "贝莱德": ("BlackRock",), "穆迪": ("Moody's",), "标普": ("S&P", "Standard & Poor's"),
        "惠誉": ("Fitch",), "上证综指": ("Shanghai Composite", "Shanghai Composite Index"),
        "上证指数": ("Shanghai Composite", "Shanghai Composite Index"),
        "深证成指": ("Shenzhen Component Index",), "恒生指数": ("Hang Seng", "Hang Seng Index"),
        "恒指": ("Hang Seng", "Hang Seng Index"), "日经指数": ("Nikkei",), "日经225指数": ("Nikkei",),
        "道琼斯": ("Dow Jones", "Dow"), "道指": ("Dow Jones", "Dow"), "纳斯达克": ("Nasdaq",),
        "纳指": ("Nasdaq",), "标普500": ("S&P 500",), "央视": ("CCTV",), "中央电视台": ("CCTV",),
        "新华社": ("Xinhua",), "路透社": ("Reuters",), "彭博": ("Bloomberg",), "彭博社": ("Bloomberg",),
        "美联社": ("AP", "Associated Press"), "法新社": ("AFP",), "台北国际电脑展": ("Computex",),
        "中央气象署": ("Central Weather Administration", "Central Weather Bureau"),
        "气象署": ("Central Weather Administration", "Central Weather Bureau"),
        "气象部门": ("Central Weather Administration", "Meteorological Agency", "Weather Bureau",
                 "Met Office", "Weather Service"),
        "日本气象厅": ("Japan Meteorological Agency", "Meteorological Agency", "Japan"),
        "气象厅": ("Meteorological Agency",),
        "世界气象组织": ("WMO", "World Meteorological Organization"),
        # Chinese state bodies and companies, named in English by meaning (a desk's faithful translation was
        # told it left out the Ministry of Finance, the Ministry of Emergency Management and the grid).
        "国务院": ("State Council",), "财政部": ("Ministry of Finance", "Finance Ministry"),
        "外交部": ("Foreign Ministry", "Ministry of Foreign Affairs"),
        "商务部": ("Commerce Ministry", "Ministry of Commerce"),
        "国防部": ("Defense Ministry", "Defence Ministry", "Ministry of National Defense"),
        "应急管理部": ("Ministry of Emergency Management", "Emergency Management Ministry"),
        "国家统计局": ("National Bureau of Statistics", "NBS", "Statistics Bureau"),
        "中国气象局": ("China Meteorological Administration", "CMA", "China"),
        "中国人民银行": ("People's Bank of China", "PBOC", "central bank", "China"),
        "国家发展和改革委员会": ("National Development and Reform Commission", "NDRC"),
        "国家发改委": ("NDRC",),
        "海关总署": ("General Administration of Customs", "customs"),
        "国家电网": ("State Grid",),
        "南方电网": ("China Southern Power Grid", "Southern Power Grid", "China Southern Grid", "China"),
    },
}  # fmt: skip


# Simplified characters of the hand-written tables' names and their traditional forms (波士顿 / 波士頓):
# Chinese text comes in both scripts, and CLDR's names are read in both.
_TO_TRADITIONAL = str.maketrans(
    "顿图旧华亚兰迈达费维圣奥硅尔汉莱锡诺纽伦来内萨鲁罗彻爱剑卫乌买广丽韦务门构际联盟组织银行报团盖",
    "頓圖舊華亞蘭邁達費維聖奧矽爾漢萊錫諾紐倫來內薩魯羅徹愛劍衛烏買廣麗韋務門構際聯盟組織銀行報團蓋",
)

def _both_scripts(name: str) -> tuple[str, ...]:
    """A Chinese name of the hand-written tables in the simplified script and, where it differs, the
    traditional one."""
    traditional = name.translate(_TO_TRADITIONAL)
    return (name, traditional) if traditional != name else (name,)


# People in the news with an established Chinese name that is no transliteration of their English one.
_PEOPLE: dict[str, dict[str, tuple[str, ...]]] = {
    "zh": {
        "苏姿丰": ("Lisa Su",), "张忠谋": ("Morris Chang",), "蔡崇信": ("Joe Tsai",),
        "孙正义": ("Masayoshi Son",), "李开复": ("Kai-Fu Lee",),
    },
}  # fmt: skip


# Cities in the news that CLDR does not name (it names countries and the cities time zones are named after:
# Berlin, not Hamburg): "汉堡市" for Hamburg was reported as a dropped and an added name. Two-character
# names that are common stretches of transliterated people's names (尼斯 in 丹尼斯 Dennis, 里昂 in 里昂纳多,
# 德里 in 德里克) are left out: a CLDR name's characters are not matched by sound.
_CITIES: dict[str, dict[str, tuple[str, ...]]] = {
    "zh": {
        "汉堡": ("Hamburg",), "慕尼黑": ("Munich", "München"), "法兰克福": ("Frankfurt",),
        "科隆": ("Cologne", "Köln"), "斯图加特": ("Stuttgart",), "杜塞尔多夫": ("Düsseldorf",),
        "莱比锡": ("Leipzig",), "德累斯顿": ("Dresden",), "汉诺威": ("Hanover", "Hannover"),
        "纽伦堡": ("Nuremberg", "Nürnberg"), "不来梅": ("Bremen",),
        "多特蒙德": ("Dortmund",), "海德堡": ("Heidelberg",), "波茨坦": ("Potsdam",),
        "日内瓦": ("Geneva", "Genf"), "巴塞尔": ("Basel",), "伯尔尼": ("Bern",), "达沃斯": ("Davos",),
        "萨尔茨堡": ("Salzburg",), "因斯布鲁克": ("Innsbruck",),
        "米兰": ("Milan", "Mailand"), "威尼斯": ("Venice", "Venedig"), "佛罗伦萨": ("Florence", "Florenz"),
        "那不勒斯": ("Naples", "Neapel"), "都灵": ("Turin",), "巴塞罗那": ("Barcelona",),
        "塞维利亚": ("Seville", "Sevilla"),
        "斯特拉斯堡": ("Strasbourg", "Straßburg"), "波尔多": ("Bordeaux",),
        "图卢兹": ("Toulouse",), "曼彻斯特": ("Manchester",), "伯明翰": ("Birmingham",),
        "爱丁堡": ("Edinburgh",), "格拉斯哥": ("Glasgow",), "利物浦": ("Liverpool",), "牛津": ("Oxford",),
        "剑桥": ("Cambridge",), "鹿特丹": ("Rotterdam",), "海牙": ("The Hague", "Den Haag"),
        "安特卫普": ("Antwerp", "Antwerpen"), "乌得勒支": ("Utrecht",), "克拉科夫": ("Krakow", "Krakau"),
        "圣彼得堡": ("St Petersburg", "Saint Petersburg", "Sankt Petersburg"), "华盛顿": ("Washington",),
        "旧金山": ("San Francisco",), "波士顿": ("Boston",), "西雅图": ("Seattle",), "休斯敦": ("Houston",),
        "亚特兰大": ("Atlanta",), "迈阿密": ("Miami",), "达拉斯": ("Dallas",), "费城": ("Philadelphia",),
        "拉斯维加斯": ("Las Vegas",), "圣迭戈": ("San Diego",), "奥斯汀": ("Austin",),
        "硅谷": ("Silicon Valley",), "华尔街": ("Wall Street",), "大阪": ("Osaka",), "京都": ("Kyoto",),
        "北京": ("Beijing", "Peking"), "深圳": ("Shenzhen",), "广州": ("Guangzhou", "Canton"),
        "杭州": ("Hangzhou",), "南京": ("Nanjing",), "武汉": ("Wuhan",), "成都": ("Chengdu",),
        "天津": ("Tianjin",), "孟买": ("Mumbai", "Bombay"), "新德里": ("New Delhi", "Neu-Delhi"),
        "班加罗尔": ("Bangalore", "Bengaluru"), "釜山": ("Busan",),
    },
    "de": {
        "München": ("Munich",), "Köln": ("Cologne",), "Nürnberg": ("Nuremberg",), "Hannover": ("Hanover",),
        "Genf": ("Geneva",), "Mailand": ("Milan",), "Venedig": ("Venice",), "Florenz": ("Florence",),
        "Neapel": ("Naples",), "Sevilla": ("Seville",), "Straßburg": ("Strasbourg",), "Nizza": ("Nice",),
        "Den Haag": ("The Hague",), "Antwerpen": ("Antwerp",), "Krakau": ("Krakow",),
        "Sankt Petersburg": ("St Petersburg", "Saint Petersburg"), "Peking": ("Beijing",),
        "Neu-Delhi": ("New Delhi",), "Kanton": ("Guangzhou", "Canton"),
    },
}  # fmt: skip


# Seas, oceans and waterways in the news, which CLDR does not name ("das Rote Meer" rendered "the Red Sea"
# was reported as a dropped name). German entries are stems: every word may take an ending (Rote, Roten,
# Rotes Meer; des Roten Meeres), so "Indisch Ozean" matches "Indischen Ozean"; nominatives in -er are extra.
_WATERS: dict[str, dict[str, tuple[str, ...]]] = {
    "de": {
        "Rot Meer": ("Red Sea",), "Schwarz Meer": ("Black Sea",), "Mittelmeer": ("Mediterranean",
        "Mediterranean Sea"), "Ostsee": ("Baltic Sea", "Baltic"), "Nordsee": ("North Sea",),
        "Südchinesisch Meer": ("South China Sea",), "Ostchinesisch Meer": ("East China Sea",),
        "Kaspisch Meer": ("Caspian Sea",), "Pazifik": ("Pacific", "Pacific Ocean"),
        "Atlantik": ("Atlantic", "Atlantic Ocean"), "Indisch Ozean": ("Indian Ocean",),
        "Indischer Ozean": ("Indian Ocean",), "Persisch Golf": ("Persian Gulf",),
        "Persischer Golf": ("Persian Gulf",), "Suezkanal": ("Suez Canal",),
        "Panamakanal": ("Panama Canal",), "Straße von Hormus": ("Strait of Hormuz",),
        "Ärmelkanal": ("English Channel",), "Schwarzmeer": ("Black Sea",),
        "Golf von Mexiko": ("Gulf of Mexico",),
    },
    "zh": {
        "红海": ("Red Sea",), "黑海": ("Black Sea",), "地中海": ("Mediterranean", "Mediterranean Sea"),
        "波罗的海": ("Baltic Sea", "Baltic"), "南海": ("South China Sea",), "东海": ("East China Sea",),
        "里海": ("Caspian Sea",), "太平洋": ("Pacific", "Pacific Ocean"),
        "大西洋": ("Atlantic", "Atlantic Ocean"),
        "印度洋": ("Indian Ocean",), "波斯湾": ("Persian Gulf",), "苏伊士运河": ("Suez Canal",),
        "巴拿马运河": ("Panama Canal",), "霍尔木兹海峡": ("Strait of Hormuz",),
        "英吉利海峡": ("English Channel",), "墨西哥湾": ("Gulf of Mexico",),
    },
}  # fmt: skip


@dataclass(frozen=True)
class _Exonyms:
    """CLDR names of one language, as one regex (found in any text in one pass) and by distinctive word."""

    english: dict[str, tuple[str, ...]]
    pattern: re.Pattern[str] | None
    by_word: dict[str, frozenset[str]]
    inflected: dict[str, str]  # uninflected form -> CLDR name

    def in_text(self, text: str) -> set[str]:
        """Folded English names of every CLDR name that occurs in text."""
        found: set[str] = set()
        for _, _, english in self.spans(text):
            found.update(english)
        return found

    def spans(self, text: str) -> list[tuple[int, int, tuple[str, ...]]]:
        """(start, end, folded English names) of every CLDR name in text, inflected forms included
        (der Vereinten Nationen, Roms)."""
        out = []
        if self.pattern is not None:
            for m in self.pattern.finditer(text):
                name = m.group()
                english = (self.english.get(name)
                           or self.english.get(self.inflected.get(_uninflect(name), ""))
                           or self.english.get(_INFLECTION_END.sub("", name)))  # Saudi-Arabiens
                if english:
                    out.append((m.start(), m.end(), english))
        return out


@cache
def _exonyms(lang: str) -> _Exonyms:
    table = dict(_exonym_table(lang))
    han = sorted((n for n in table if _HAN.search(n)), key=len, reverse=True)
    latin = sorted((n for n in table if not _HAN.search(n)), key=len, reverse=True)
    parts = []
    if latin:
        # German inflects names in running text (der Vereinten Nationen, Roms): each word may take an ending.
        forms = [r"\s+".join(re.escape(w) + _INFLECTION for w in name.split()) for name in latin]
        parts.append(r"(?<!\w)(?:" + "|".join(forms) + r")(?!\w)")
    if han:
        parts.append("|".join(map(re.escape, han)))
    pattern = re.compile("|".join(parts)) if parts else None
    by_word: dict[str, set[str]] = {}
    for name, english in table.items():
        for word in _LATIN_WORD.findall(name):
            if len(word) >= 5 and word != name:
                by_word.setdefault(word, set()).update(english)
    inflected = {_uninflect(n): n for n in latin}
    return _Exonyms(table, pattern, {w: frozenset(e) for w, e in by_word.items()}, inflected)


_INFLECTION = "(?:e|en|n|s|es)?"
_INFLECTION_END = re.compile(r"(?:e|en|n|s|es)$")


def _uninflect(name: str) -> str:
    return " ".join(_INFLECTION_END.sub("", w) if len(w) > 3 else w for w in name.split())


# Chinese abbreviates countries to one character before words like 方 (side), 军 (army), 总统 (president) or
# beside another abbreviation (中美 China-US): 美方 = "the US", 俄总统 = "the Russian president".
_ZH_COUNTRY_ABBREVIATIONS = {
    "美": "美国", "中": "中国", "英": "英国", "法": "法国", "德": "德国", "俄": "俄罗斯", "日": "日本",
    "韩": "韩国", "印": "印度", "澳": "澳大利亚", "加": "加拿大", "越": "越南", "朝": "朝鲜",
    "意": "意大利", "西": "西班牙", "葡": "葡萄牙", "荷": "荷兰", "泰": "泰国", "台": "台湾",
}
# A currency names its country: "US dollars" is 美元, which an editor was told left out "US".
_ZH_CURRENCY_COUNTRIES = {
    "美元": "美国", "美金": "美国", "港元": "香港", "港币": "香港", "日元": "日本", "英镑": "英国",
    "人民币": "中国", "新台币": "台湾", "韩元": "韩国", "卢布": "俄罗斯", "卢比": "印度",
}  # fmt: skip
_ZH_ABBREVIATED = re.compile(
    "([" + "".join(_ZH_COUNTRY_ABBREVIATIONS) + "])(?=[方军总媒籍企股政外通驻]|["
    + "".join(_ZH_COUNTRY_ABBREVIATIONS) + "][方关两边])"
    # and after a verb of travel: 访日 "visit Japan", 赴美 "go to the US"
    "|(?<=[访赴抵])([" + "".join(_ZH_COUNTRY_ABBREVIATIONS) + "])"
    # 在台投资, 在台扩张 "invest, expand in Taiwan" (not 在台上 "on stage": a verb must follow)
    "|(?<=在)(台)(?=[投扩设办建发营生工])")


def _abbreviated_countries(text: str) -> set[str]:
    table = _exonyms("zh").english
    found: set[str] = set()
    for m in _ZH_ABBREVIATED.finditer(text):
        found.update(table.get(_ZH_COUNTRY_ABBREVIATIONS[m.group(1) or m.group(2) or m.group(3)], ()))
    for currency, country in _ZH_CURRENCY_COUNTRIES.items():
        if currency in text:
            found.update(table.get(country, ()))
    return found


@lru_cache(maxsize=8192)
def _index(text: str, lang: str | None) -> _NameIndex:
    spans = _exonyms(lang).spans(text) if lang and lang != "en" else []
    exonyms = {e for _, _, english in spans for e in english}
    if lang == "zh":
        exonyms |= _abbreviated_countries(text)
    raw = _LATIN_WORD.findall(text)
    words = tuple(_fold(w) for w in raw)
    for w in words:
        exonyms |= _SHORT_FORM_NAMES.get(w, set())  # USA, UK: the short forms are names of the country too
        exonyms.update(_DEMONYM_COUNTRIES.get(w, ()))  # "the Dutch parliament" names the Netherlands
    if lang == "de":
        exonyms |= _compound_places(words)
    tokens = _Tokens.of(_fold(t) for t in _LATIN_TOKEN.findall(text))
    # A CLDR name's English is known (欧盟 is the EU): its characters are not matched by sound as well.
    masked = text
    for start, end, _ in spans:
        if _HAN.search(text[start:end]):
            masked = masked[:start] + " " * (end - start) + masked[end:]
    han = tuple(_HAN_RUN.findall(masked))
    syllables = _Tokens.of(_pinyin_syllables(text)) if _HAN.search(text) else _Tokens.of(())
    lowered = not any(ch.isupper() for ch in text)
    capitalised = tuple(_fold(w) for w in raw if lowered or w[:1].isupper())
    return _NameIndex(tokens, syllables, frozenset(exonyms), words, han, capitalised)


def _compound_places(words: Iterable[str]) -> set[str]:
    """English names of the CLDR places that end a German compound (Norditalien, Westafrika)."""
    heads = _de_compound_heads()
    found: set[str] = set()
    for w in words:
        for k in range(3, len(w) - 4):
            english = heads.get(w[k:])
            if english:
                found.update(english)
                break
    return found


@cache
def _de_compound_heads() -> dict[str, tuple[str, ...]]:
    return {_fold(name): english for name, english in _exonyms("de").english.items()
            if " " not in name and len(name) >= 5}


def _pinyin_syllables(text: str) -> list[str]:
    return [_fold(pinyin(ch)) for run in _HAN_RUN.findall(text) for ch in run if _HAN.match(ch)]


def _stem_match(word: str, names: Iterable[str]) -> bool:
    # Adjectives and demonyms share a stem with the country: Chinese/China, German/Germany, Turkish/Turkey.
    return len(word) >= 5 and any(len(n) >= 4 and word[:4] == n[:4] for n in names)


def _found(name: str, index: _NameIndex) -> bool:
    """Whether a target name is supported by the source's index (spelling, pinyin, exonyms, sound)."""
    key = _fold(name)
    if not key:
        return True
    if index.tokens.has(key) or index.syllables.has(key, inflected=False) or key in index.exonyms:
        return True
    if any(key in e or (len(e) >= 4 and e in key) for e in index.exonyms):
        return True
    if len(key) >= 8 and " " in name.strip() and _fuzzy_word(key, index.words):
        return True  # Soviet Union / Sowjetunion
    raw = [w for w in _LATIN_WORD.findall(name) if len(w) >= 3 and _fold(w) not in _EN_NOT_NAMES]
    # A multi-word name is present when one of its distinctive words is ("the Chinese Consulate General"
    # for 中国驻休斯敦总领馆 shares "China"; "Johns Hopkins University" for
    # Johns-Hopkins-Universität).
    for word in raw:
        w = _fold(word)
        if index.tokens.has(w) or index.syllables.has(w, inflected=False) or _stem_match(w, index.exonyms):
            return True
        if len(w) >= 5 and _fuzzy_word(w, index.words):
            return True
        if len(w) >= 6 and _fuzzy_part(w, index.words):
            return True  # a translated part of a German compound: Ministry / Wirtschaftsministerium
        if index.han and w not in _english_places() and _phonetic_in_han(word, index.han):
            return True  # a transliteration: 休斯敦 for Houston
        if len(w) >= 5 and _sounds_like_word(word, index.words):
            return True  # Mohammeds / Muhammad
    return False


def _sounds_like_word(word: str, words: Sequence[str]) -> bool:
    key = latin_key(word)
    return len(key) >= 3 and any(
        w[:1] == _fold(word)[:1] and keys_similar(key, latin_key(w)) for w in words if len(w) >= 4)


@lru_cache(maxsize=8192)
def _renderings(name: str, lang: str | None) -> frozenset[str]:
    """Folded forms a source name may take in a translation: itself, its CLDR exonyms, its pinyin."""
    forms = {_fold(name)}
    forms.update(_DEMONYM_COUNTRIES.get(_fold(name), ()))
    if lang and lang != "en":
        table = _exonyms(lang)
        # The CLDR name inside the source name (Südafrikas), or the source name as the distinctive word
        # of a longer official name (Moldau in "Republik Moldau").
        forms.update(table.in_text(name))
        forms.update(table.by_word.get(name, ()))
    if _HAN.search(name):
        syllables = _pinyin_syllables(name)
        forms.add("".join(syllables))
        if 2 <= len(syllables) <= 3 and name[0] in ZH_SURNAMES:
            forms.add("".join(syllables[1:]) + syllables[0])  # given name first: Mengqi Duan
    return frozenset(f for f in forms if f)


def _rendered(
    name: str, lang: str | None, target: _NameIndex, loose: bool = False, person: bool = False
) -> bool:
    """Whether a source name appears in the target under one of its renderings. A Chinese name is matched by
    sound against the capitalised words of the target (names), or with loose (a weak candidate that only
    counts as half of a swap) against any word. A person's name in a Chinese target is matched by sound on
    its family name (see below)."""
    forms = _renderings(name, lang)
    if any(target.tokens.has(f) or f in target.exonyms for f in forms):
        return True  # the same spelling, or a CLDR name of the target's language (Rome / Rom / 罗马)
    if target.syllables.starts and any(target.syllables.has(f, inflected=False) for f in forms):
        return True  # a Chinese name written in pinyin in the source (Xi Jinping / 习近平)
    if len(forms) > 2 and any(_stem_match(w, forms) for w in target.words):
        return True  # an exonym's adjective: 中国 / "Chinese", Spanien / "Spanish"
    if person and target.han and not _HAN.search(name):
        given = [w for w in _LATIN_TOKEN.findall(name) if len(w) >= 3 and _fold(w) not in _EN_NOT_NAMES]
        if len(given) >= 2 and _other_given_name(given[-2], given[-1], target.han):
            return False  # 马库斯·克莱因 for Martin Keller: the family names sound alike, the given ones not
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
        surname = _fold(pinyin(name))
        if any(len(w) >= 4 and surname.startswith(w) for w in target.words):
            return True
        # A foreign name in transliteration: the target word that sounds like it (阿隆索 / Alonso). Not for
        # CLDR places, whose English names are known (比利时 is Belgium, whatever sounds like it).
        cldr = lang is not None and lang != "en" and bool(_exonyms(lang).in_text(name))
        latin = target.words if loose else target.capitalised
        return not cldr and any(phonetic_in_latin(part, latin)
                                for part in _han_name_parts(name))
    if target.han and not _HAN.search(name) and _fold(name) not in _english_places():
        # (Not for a CLDR place, whose Chinese names are known: Rome is 罗马, whatever sounds like it.)
        # A Latin name in a Chinese target: its transliteration (Meloni / 梅洛尼), by any distinctive word.
        raw = [w for w in _LATIN_TOKEN.findall(name) if len(w) >= 3 and _fold(w) not in _EN_NOT_NAMES]
        if person and len(raw) >= 2 and len(latin_key(raw[-1])) >= 2 and not _ROMAN.fullmatch(raw[-1]):
            # Chinese writes a foreign person's family name whatever it does with the given name (汤姆·布赖特
            # or 布赖特), and a short given name sounds like some stretch of most sentences: "Tom" matched
            # the Chinese sentence that named 丹尼尔·莫斯 in his place (a review story). A family name of one
            # sound (Cook = 库克: K) cannot be matched alone, and "Charles III" has no family name.
            raw = raw[-1:]
        if any(_phonetic_in_han(w, target.han) for w in raw):
            return True
    if any(_SHORT_FORM_NAMES.get(_fold(w), set()) & target.exonyms for w in _LATIN_TOKEN.findall(name)):
        return True  # "EU Solidarity Fund" / 欧盟团结基金: the short form of a CLDR name
    return len(_fold(name)) >= 5 and _sounds_like_word(name, target.words)


def _han_name_parts(name: str) -> list[str]:
    """The parts of a Chinese name to match by sound: each side of the interpunct, and for a long
    transliteration run also its leading three or more characters (the run may run on into the next word:
    特斯拉尚未 = Tesla + 尚未 "not yet")."""
    parts = name.split("·")
    if len(parts) == 1 and len(name) >= 4:
        parts += [name[:n] for n in range(len(name) - 1, 2, -1)]
    return parts


def _fuzzy_part(word: str, words: Sequence[str]) -> bool:
    from rapidfuzz import fuzz

    return any(fuzz.partial_ratio(word, w) >= 85 for w in words if len(w) > len(word) + 3)


def _fuzzy_word(form: str, words: Sequence[str]) -> bool:
    from rapidfuzz import fuzz

    # Near spellings across languages (Tokio / Tokyo, Kalifornien / California) score 75-80; unrelated
    # words of similar length stay far below.
    return any(fuzz.ratio(form, w) >= 75 for w in words if abs(len(w) - len(form)) <= 3)


# --- phonetic keys (sounds.py): a foreign name against its Chinese transliteration ------------------------


@cache
def _translit_alphabet() -> frozenset[str]:
    """Characters Chinese uses to transliterate foreign names: those of at least two CLDR place names."""
    from collections import Counter

    # Organisations are translated by meaning (国际货币基金组织), not transliterated: their characters are not
    # an alphabet of sounds.
    # Nor are the cities listed by hand: several are translated (硅谷, 牛津, 剑桥) and the rest would widen
    # the alphabet beyond what was measured on DEMETR.
    by_hand = {**_ORGANISATIONS["zh"], **_CITIES["zh"], **_PEOPLE["zh"]}
    by_meaning = {form for name in by_hand for form in _both_scripts(name)}
    places = [name for name, _ in _exonym_table("zh") if name not in by_meaning]
    counts = Counter(ch for name in places for ch in set(name) if _HAN.match(ch))
    # Less the words and generic parts CLDR names also contain (和 "and", 的, 岛 "island", 国 "country").
    return frozenset(ch for ch, n in counts.items() if n >= 2 and ch not in _ZH_NOT_TRANSLIT)


_ZH_NOT_TRANSLIT = frozenset(
    "的和与及是在了地区国省市县州岛山河湖城群共民主大小新东西南北中美英法德俄日韩他她我你们都去知道说会让哥"
)


def _other_given_name(given: str, family: str, runs: Iterable[str]) -> bool:
    """Whether the Chinese text names someone with this family name's sound and a clearly other given name
    (马库斯·克莱因 against Martin Keller), and nobody with both: then the person is not rendered."""
    key = latin_key(family)
    apart = False
    for run in runs:
        parts = run.split("·")
        if len(parts) != 2 or len(parts[0]) < 2:
            continue
        if not any(keys_similar(key, collapse_keys(han_key(ch) for ch in parts[1][:n])) for n in range(1, 5)):
            continue
        # The run may hold a title before the given name (分析师马库斯): every tail of two to four characters.
        tails = [parts[0][-n:] for n in range(2, min(4, len(parts[0])) + 1)]
        if not all(given_names_differ(tail, given) for tail in tails):
            return False
        apart = True
    return apart


def _phonetic_in_han(word: str, runs: Iterable[str]) -> bool:
    """Whether a stretch of the Chinese text sounds like the Latin word (休斯敦 for Houston). Stretches are
    made of transliteration characters, one other character allowed in three or more."""
    key = latin_key(word)
    if len(key) < 2:
        return False
    alphabet = _translit_alphabet()
    for run in runs:
        if "·" in run:
            # A name written with the interpunct (约翰·刘易斯) is a transliteration on both sides of it.
            parts = run.split("·")
            around = [parts[0][-n:] for n in range(1, 5)] + [p[:n] for p in parts[1:] for n in range(1, 5)]
            if any(keys_similar(key, collapse_keys(han_key(ch) for ch in p)) for p in around if p):
                return True
            run = run.replace("·", "")
        keys = [han_key(ch) for ch in run]
        inside = [ch in alphabet for ch in run]
        for i in range(len(run)):
            other = 0
            for j in range(i + 1, min(len(run), i + 8) + 1):
                other += not inside[j - 1]
                if other > 1:
                    break
                if other and j - i < 3:
                    continue
                stretch = collapse_keys(keys[i:j])
                if len(stretch) > len(key) + 2:
                    break
                if keys_similar(key, stretch):
                    return True
    return False


# --- source names beyond the entity extractor --------------------------------------------------------
#
# The extractor favours precision for the corpus: German capitalises every noun, so it skips sentence-initial
# words and one-word names that look like nouns; it finds Chinese names only by suffix and lexicon. Against a
# translation, more is known: a CLDR place in any position is a name; so are German street names, acronyms
# heading a compound (ESPN-Angaben), demonyms of CLDR places (Münchner), Chinese names in transliteration
# characters and Chinese person names (a common surname and one or two characters). Candidates too uncertain
# to be reported alone ("weak") still count as the dropped half of a swap when the target brings in a name
# that nothing in the source supports.

_DE_STREET = re.compile(r"(?<!\w)[A-ZÄÖÜ][\w-]{2,}(?:straße|strasse|allee)(?!\w)")
_ACRONYM_HEAD = re.compile(r"(?<![\w-])([A-Z]{2,6})-(?=[A-Za-zÄÖÜäöüß])")
_DE_DEMONYM = re.compile(r"(?<!\w)([A-ZÄÖÜ][a-zäöüß]{3,})(?:er|erin|erinnen|ern)(?!\w)")
_CAPITALISED = re.compile(r"(?<![\w-])[A-ZÄÖÜ][\w]*(?:-[\w]+)*")
# German words that end a clause before a subject name ("sagte Hu", "erzählte Bush").
_DE_SPEECH_VERB = re.compile(r"(?:sagte|sagten|erklärte|betonte|erzählte|schrieb|meinte|teilte|berichtete|"
                             r"antwortete|ergänzte|warnte|kritisierte|forderte|half|verlor|gewann)\s+$")
_DE_DETERMINERS = frozenset((  # noqa: SIM905 - a word list reads better as text
    "der die das den dem des ein eine einen einem einer eines kein keine keinen keinem keiner im am vom zum "
    "zur beim ins ans dieser diese dieses diesem diesen jeder jede jedes jedem jeden sein seine seinen "
    "seinem seiner ihr ihre ihren ihrem ihrer unser unsere mein meine alle beide viele mehrere"
).split())
_DE_STOP_CAPS = frozenset((  # noqa: SIM905 - a word list reads better as text
    "der die das den dem des ein eine einen einem einer es er sie wir ich ihr man sein in im am an auf aus "
    "bei mit nach seit von vom zu zum zur für über unter vor nach wie wenn als nachdem während trotz laut "
    "insgesamt irgendwann ersten erste mehrere mit bis auch dass doch denn nur noch so da dort dies diese "
    "dieser dieses jede jeder man nicht kein keine herr frau hier heute gestern morgen dann jetzt nun"
).split())
_ZH_PERSON_BEFORE = (*ZH_PERSON_TITLES, "长", "员", "者", "家")
_ZH_PERSON_AFTER = ("说", "表示", "称", "指出", "认为", "介绍", "强调", "告诉", "透露", "回忆", "提到",
                    "重提")
_ZH_PERSON_AFTER_CHARS = frozenset(v[0] for v in _ZH_PERSON_AFTER) | frozenset("的在是和与")
_ZH_PLACE_TAIL = ("州", "岛", "社区", "旗")
_ZH_WEEKDAYS = frozenset("一二三四五六日天末")


@dataclass(frozen=True)
class _SourceName:
    start: int
    end: int
    text: str
    kind: str
    strong: bool  # reported alone when the target lacks it; a weak one only as half of a swap


# A candidate's strength, or a deferred test (the HanTa tagger, ~1.5 ms a German sentence) giving it: True or
# False, or None when the candidate is no name after all. Most candidates are rendered in the target, where
# their strength does not matter, so the test runs only for those that are not (or that overlap another).
_Strength = bool | Callable[[], bool | None]


@dataclass
class _Candidate:
    start: int
    end: int
    text: str
    kind: str
    strength: _Strength | None

    def strong(self) -> bool | None:
        """The strength, the deferred test run once; None when the candidate is dropped."""
        if callable(self.strength):
            self.strength = self.strength()
        return self.strength

    def name(self, strong: bool) -> _SourceName:
        return _SourceName(self.start, self.end, self.text, self.kind, strong)


def _source_names(loc: Located, lang: str | None) -> list[_SourceName]:
    """Names in a source sentence: the extractor's, then CLDR places and the rules above; no overlaps."""
    out = []
    for c in _source_candidates(loc, lang):
        strong = c.strong()
        if strong is not None:
            out.append(c.name(strong))
    return out


# A wire dateline at the start of a story: place in capitals, country, date, agency in brackets, a dash. A
# translation drops it or rewrites it as its own (据…报道), and its names are no claims of the story.
_DATELINE = re.compile(
    r"\s*[A-ZÄÖÜ][A-ZÄÖÜ .'-]+(?:,\s*[A-Z][\w .'-]{1,30})?(?:,\s*[A-Z][a-z]{2,4}\.?\s+\d{1,2})?"
    r"\s*\([^)]{2,40}\)\s*[-–—]+\s*"
)


def _missing_source_names(loc: Located, lang: str | None, target: _NameIndex) -> list[_SourceName]:
    """The source names the target does not render (as _source_names, filtered by _rendered), deciding a
    candidate's strength only when it is not rendered: loose matching concerns Chinese names alone."""
    missing = []
    dateline = _DATELINE.match(loc.sentence.text)
    for c in _source_candidates(loc, lang):
        if dateline is not None and c.start < dateline.end():
            continue  # "ZHANJIANG, China, Sept 15 (Pacific Wire) -": the wire's dateline, not the story's
        if callable(c.strength) and not _HAN.search(c.text):
            if _rendered(c.text, lang, target, person=c.kind == "person"):
                continue
            strong = c.strong()
            if strong is not None:
                missing.append(c.name(strong))
            continue
        strong = c.strong()
        person = c.kind == "person"
        if strong is not None and not _rendered(c.text, lang, target, loose=not strong, person=person):
            missing.append(c.name(strong))
    return missing


def _source_candidates(loc: Located, lang: str | None) -> list[_Candidate]:
    """The name candidates of _source_names, by start, with their strength possibly still deferred: a
    deferred one overlaps no other candidate, so its test cannot change which of two overlapping ones wins."""
    text = loc.sentence.text
    ops: list[tuple[int, int, str, _Strength]] = []

    def add(start: int, end: int, kind: str, strong: _Strength) -> None:
        ops.append((start, end, kind, strong))

    if lang and lang != "en":
        for start, end, _ in _exonyms(lang).spans(text):
            # A span of the people table is a person (苏姿丰); organisations count as places here, as
            # CLDR names do, so that one put in another's place is a swap (NASA / 欧洲航天局).
            add(start, end, "person" if text[start:end] in _PEOPLE.get(lang, {}) else "place", True)
    for e in loc.facts.entities:
        if _checkable_source_name(e.text, e.kind, lang):
            # A German common noun the extractor took for a name ("Angst", "Geld") is only the dropped
            # half of a swap; without the lexicon, so is a lone word that opens the sentence.
            strength: _Strength = True
            if lang == "de":
                strength = functools.partial(_de_source_strong, e.text, text, e.start)
            if lang == "en" and _LATIN_WORD.fullmatch(e.text) and _opens_sentence(text, e.start):
                # "Heavy rain ...", "Civil protection chief ...": an English sentence capitalises its first
                # word, so a lone one there is a name only by its shape or as a CLDR place.
                strength = not _plain_initial(e.text)
            if lang == "de" and _de_abbreviation(e.text):
                strength = False  # MwSt, Lkw: abbreviations of common nouns, translated (VAT, lorry)
            add(e.start, e.end, e.kind, strength)
        elif lang == "de" and _LATIN_WORD.fullmatch(e.text) and not any(ch.isdigit() for ch in e.text):
            short = len(e.text) < 4
            if short and _DE_SPEECH_VERB.search(text[: e.start]):
                add(e.start, e.end, e.kind, True)
            elif "-" in e.text:
                add(e.start, e.end, e.kind, False)
            else:
                add(e.start, e.end, e.kind, functools.partial(_de_name_or, e.text, text, e.start, False))
        elif _HAN.search(e.text) and e.kind == "org":
            add(e.start, e.end, e.kind, False)
    if lang == "de":
        _german_names(text, add)
    elif lang == "zh":
        _chinese_names(text, add)
    # Which candidates overlap: first come wins, unless a strong one meets a weak one. Only these need their
    # strength now.
    spans = [(start, end) for start, end, _, _ in ops]
    out: list[_Candidate] = []
    for i, (start, end, kind, deferred) in enumerate(ops):
        strong: _Strength | None = deferred
        if callable(deferred) and any(j != i and s < end and start < e for j, (s, e) in enumerate(spans)):
            strong = deferred()
            if strong is None:
                continue
        for k, n in enumerate(out):
            if n.start < end and start < n.end:
                if strong and not n.strength:
                    out[k] = _Candidate(start, end, text[start:end], kind, strong)
                break
        else:
            out.append(_Candidate(start, end, text[start:end], kind, strong))
    return sorted(out, key=lambda n: n.start)


def _de_name_or(word: str, sentence: str, start: int, otherwise: bool | None) -> bool | None:
    """True when HanTa takes the word for a name in context, else otherwise (the rules' verdict)."""
    return True if _de_name_like(word, sentence, start) is True else otherwise


def _german_names(text: str, add: Callable[[int, int, str, _Strength], None]) -> None:
    for m in _DE_STREET.finditer(text):
        add(m.start(), m.end(), "place", True)
    for m in _ACRONYM_HEAD.finditer(text):
        if m.group(1).casefold() not in _GENERIC_ACRONYMS:
            add(m.start(1), m.end(1), "org", True)
    table = _exonyms("de")
    for m in _DE_DEMONYM.finditer(text):
        stem = m.group(1)
        # Münchner (München), Londoner (London), Schwedin (Schweden): the stem begins a CLDR place name.
        if len(stem) >= 5 and any(
                n.startswith(stem) or (stem.endswith("n") and n == stem[:-1] + "en")
                for n in table.english if " " not in n and len(n) - len(stem) <= 3):
            add(m.start(), m.end(), "place", True)
    for m in _CAPITALISED.finditer(text):
        before = text[: m.start()].split()
        prev = before[-1].casefold().strip("„“\"'(") if before else ""
        word = m.group()
        if word.casefold() in _DE_STOP_CAPS:
            continue
        adjective = (prev.islower() and len(prev) > 3 and prev.endswith(("e", "en", "er", "es", "em"))
                     and prev not in _VERBS_OK)  # not the pronouns er, es, sie
        tagged = False
        if "-" in word:
            span = _de_name_parts(word)
            if span is not None:  # Dingolfing-Landau, Johns-Hopkins(-Universität), Rakoczy(-Reitturnier)
                add(m.start() + span[0], m.start() + span[1], "other", True)
                continue
        elif prev not in _DE_DETERMINERS and not adjective and len(word) >= 3 and word.isalpha():
            tagged = True  # strong when HanTa reads it as a name: Murray, Versailles, "von Eighmey"
        otherwise: bool | None
        if prev in _DE_DETERMINERS or (prev and prev[-1:].isdigit()):
            otherwise = None
        elif prev in _DE_BARE_NOUN_PREP or (_DE_NOUN_SUFFIX.search(word.casefold())
                                            and not _DE_PLACE_OK.search(word.casefold())):
            otherwise = None  # "von Matrosen", "Forderungen": common nouns
        elif adjective:
            otherwise = None  # an inflected adjective before a noun ("ein produktiver Schreiber")
        else:
            # Strong when the word came after a verb of saying ("sagte Hu"), else only the dropped half of a
            # swap.
            otherwise = bool(_DE_SPEECH_VERB.search(text[: m.start()])) and len(word) <= 12
        if tagged and otherwise is not True:
            add(m.start(), m.end(), "other", functools.partial(_de_name_or, word, text, m.start(), otherwise))
        elif otherwise is not None:
            add(m.start(), m.end(), "other", otherwise)


# --- German: names against common nouns --------------------------------------------------------------------
#
# German capitalises every noun, so a capitalised word is no evidence of a name. The Hanover Tagger (HanTa,
# a pure-Python morphological tagger with its German model inside the wheel) tells them apart: its lexicon
# tags "Angst", "Geld", "Hallo" as common words (NN, ITJ) and "Murray", "Versailles", "Genf" as names (NE),
# and words it has never seen are guessed from their morphology (Cuomo, Dingolfing: NE or FM, a foreign
# word; Kopfweh: a compound of known nouns). Loaded lazily, only when a German sentence is checked (about
# 0.3 s once; about 1.5 ms per sentence, cached). Without it, the rules fall back to German morphology.

_DE_KNOWN = -25.0  # HanTa log-probability: above, the word or its stems are in its lexicon; below, a guess


@cache
def _hanta() -> Any:
    try:
        from HanTa import HanoverTagger
    except ImportError:  # pragma: no cover - a declared dependency; the rules below then use morphology only
        return None
    tagger = HanoverTagger.HanoverTagger("morphmodel_ger.pgz")
    # The morphological analysis of a word outside its lexicon is most of the tagging time, and a pure
    # function of the word whose result HanTa only reads: memoised, a recurring word is analysed once.
    if callable(getattr(tagger, "analyze_forward", None)):  # HanTa 1.2.x; another version just runs slower
        tagger.analyze_forward = lru_cache(maxsize=65536)(tagger.analyze_forward)
    return tagger


_DE_TOKEN = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]")


@lru_cache(maxsize=8192)
def _de_tags(text: str) -> dict[int, str] | None:
    """HanTa's part-of-speech tag of every token of a German sentence, by start offset (None without HanTa).
    In context, "Essen und Trinken" is a noun and "in Essen" a name, "Du" a pronoun, "Green" a name."""
    tagger = _hanta()
    if tagger is None:
        return None
    out: dict[int, str] = {}
    chunk: list[re.Match[str]] = []
    # HanTa reads only the first token of its input as sentence-initial (case-insensitively): tag each
    # sentence of the segment on its own, from its first word ("„Was passiert?“ „Ich weiß nicht.“").
    for m in [*_DE_TOKEN.finditer(text), None]:
        if m is not None and (chunk or m.group()[0].isalnum()):
            chunk.append(m)
        if chunk and (m is None or m.group() in (".", "!", "?", "…")):
            # Tags only (taglevel 0): the lemmas would double the time.
            tags = tagger.tag_sent([t.group() for t in chunk], taglevel=0)
            out.update((t.start(), tag) for t, tag in zip(chunk, tags, strict=True))
            chunk = []
    return out


@lru_cache(maxsize=8192)
def _de_tokens(text: str) -> dict[int, str]:
    """The tokens _de_tags tags, by start offset."""
    return {m.start(): m.group() for m in _DE_TOKEN.finditer(text)}


def _de_may_tag_name(sentence: str, start: int) -> bool:
    """Whether _de_tags(sentence) may tag the token at start NE or FM (not when no token starts there)."""
    word = _de_tokens(sentence).get(start)
    return word is not None and _de_word_may_tag_name(word)


@lru_cache(maxsize=65536)
def _de_word_may_tag_name(word: str) -> bool:
    """Whether HanTa may tag the word NE or FM in some context. Its Viterbi search gives a word only the tags
    of its lexicon entry, when it has one; a word without one is analysed, and anything may come out."""
    tagger = _hanta()
    entry = tagger.cache.get(tagger.normalize(word))
    if entry is None:
        return True
    tags = {tag for tag, _ in entry}
    ids = tagger.tag2int
    return not tags or tags == {ids["UNKNOWN"]} or ids["NE"] in tags or ids["FM"] in tags


def _de_initial_ambiguous(word: str) -> bool:
    """Whether a sentence-initial word may as well be a common word: HanTa, reading it case-insensitively,
    gives another part of speech nearly as likely as the name (Los: name or particle)."""
    tags = _hanta().tag_word(word, casesensitive=False)
    names = [float(p) for t, p in tags if t in ("NE", "FM")]
    others = [float(p) for t, p in tags if t not in ("NE", "FM")]
    return bool(names and others) and max(others) > max(names) - 1.0  # within a factor e


@lru_cache(maxsize=65536)
def _de_word_class(word: str) -> str | None:
    """Out of context (a part of a hyphenated compound): 'name' when HanTa reads the word as a proper noun,
    or as a foreign word it cannot analyse, and it does not end in a German noun (Tripleformel); 'word'
    when its lexicon knows the word otherwise; 'unknown' else; None without HanTa."""
    tagger = _hanta()
    if tagger is None:
        return None
    tags = tagger.tag_word(word)
    if not tags:
        return "unknown"
    best, score = tags[0][0], float(tags[0][1])
    known = word.lower() in tagger.cache or score > _DE_KNOWN
    if best in ("NE", "FM") and (known or not _de_compound_noun(word)):
        return "name"
    return "word" if known else "unknown"


def _de_compound_noun(word: str) -> bool:
    """Whether the word ends in a common noun of four or more letters that HanTa knows (Triple|formel,
    Zart|gefühl): a German compound, not a name."""
    tagger = _hanta()
    nn = tagger.tag2int.get("NN")
    low = word.lower()
    for k in range(3, len(low) - 3):
        entry = tagger.cache.get(low[k:])
        if entry and entry[0][0] == nn:
            return True
    return False


def _de_name_like(text: str, sentence: str, start: int) -> bool | None:
    """Whether a German source name candidate (at start in sentence) is a name by HanTa in context: True
    when one of its capitalised words is tagged a name (NE) or foreign word (FM), False when every one is
    tagged otherwise; None without HanTa."""
    if _hanta() is None:
        return None
    words = [m for m in _DE_TOKEN.finditer(text) if m.group()[:1].isupper()]
    if not words:
        return None
    if not any(_de_may_tag_name(sentence, start + m.start()) for m in words):
        # No capitalised word can come out NE or FM, whatever the context: the verdict without tagging.
        return any("-" in m.group() and _de_name_parts(m.group()) is not None for m in words)
    tags = _de_tags(sentence)
    assert tags is not None
    found = [(m, tags.get(start + m.start())) for m in words]
    for m, tag in found:
        word = m.group()
        if tag in ("NE", "FM") and not any(ch.isdigit() for ch in word):
            # A word HanTa only guesses at that ends in a known noun is a compound (Tripleformel).
            if _opens_sentence(sentence, start + m.start()) and _de_initial_ambiguous(word):
                continue
            if word.lower() in _hanta().cache or not _de_compound_noun(word):
                return True
        if "-" in m.group() and _de_name_parts(m.group()) is not None:
            return True
    return False


def _de_name_parts(word: str) -> tuple[int, int] | None:
    """The span (within word) of the name parts of a hyphenated German compound: Dingolfing-Landau,
    Johns-Hopkins in Johns-Hopkins-Universität, Rakoczy in Rakoczy-Reitturnier; None when no part is one."""
    parts, pos, spans = word.split("-"), 0, []
    for part in parts:
        spans.append((pos, pos + len(part)))
        pos += len(part) + 1
    names = [k for k, part in enumerate(parts)
             if len(part) >= 3 and part[:1].isupper() and _de_word_class(part) == "name"]
    if not names:
        return None
    first, last = names[0], names[-1]
    return spans[first][0], spans[last][1]


def _de_source_strong(name: str, text: str, start: int) -> bool:
    """Whether a German name the extractor found is reported alone when the target lacks it."""
    if starts_with_german_name_adjective(name) and not _opens_sentence(text, start):
        return True  # "der Deutschen Bank": the tagger reads an adjective and a noun
    lexicon = _de_name_like(name, text, start)
    if lexicon is not None:
        return lexicon
    # Without the lexicon (or when it cannot tell): a lone capitalised word that opens the sentence is as
    # likely a noun as a name.
    return not (" " not in name.strip() and _opens_sentence(text, start))


_VOWELS = frozenset("aeiouyäöü")


def _de_abbreviation(word: str) -> bool:
    """Whether a word has the shape of a German abbreviation of a common noun: short, capitalised, with
    lower-case letters but no vowel among them (MwSt, Lkw, Kfz, GmbH). Names carry vowels (Lutz, Ott)."""
    lower = [c for c in word if c.islower()]
    return (word.isalpha() and len(word) <= 5 and word[:1].isupper() and bool(lower)
            and not any(c in _VOWELS for c in lower))


def _opens_sentence(text: str, start: int) -> bool:
    before = text[:start]
    return not re.sub(r"[\W\d_]+", "", before) or re.search(r"[.!?:]\s*[\"„“”'‚‘]?\s*$", before) is not None


_VERBS_OK = frozenset(("sagte", "erzählte", "teilte", "erklärte", "betonte", "meinte", "berichtete"))


def _chinese_names(text: str, add: Callable[[int, int, str, bool], None]) -> None:
    alphabet = _translit_alphabet()
    for m in _HAN_RUN.finditer(text):
        run, base = m.group(), m.start()
        # Transliterated names: three or more transliteration characters in a row (安达纳尔, 廷巴克图).
        k = 0
        while k < len(run):
            j = k
            while j < len(run) and (run[j] in alphabet or run[j] == "·"):
                j += 1
            if j - k >= 3:
                # Four or more in a row are rarely anything but a foreign name; three may be a word (阿拉伯).
                add(base + k, base + j, "other", j - k >= 4)
            elif k == 0 and j == 2 and run[j:].startswith(_ZH_PERSON_AFTER):
                # 米勒说 at the start of a clause: a short transliterated name that speaks.
                add(base + k, base + j, "person", True)
            k = max(j, k + 1)
        # Chinese person names: a surname and one or two characters, after a role or before a verb of saying.
        for i, ch in enumerate(run):
            if ch not in ZH_SURNAMES:
                continue
            # Before a verb of saying the verb ends the name (李明说); after a role alone, take three
            # characters unless the third begins a verb.
            sizes = [s for s in (2, 3) if run[i + s:].startswith(_ZH_PERSON_AFTER) and i + s <= len(run)]
            if not sizes and run[:i].endswith(_ZH_PERSON_BEFORE) and i + 2 <= len(run):
                sizes = [2] if run[i + 2:i + 3] in _ZH_PERSON_AFTER_CHARS or i + 3 > len(run) else [3]
            if sizes and not (ch == "周" and run[i + 1:i + 2] in _ZH_WEEKDAYS):
                add(base + i, base + i + sizes[0], "person", True)  # (周日 "Sunday" is no name)
        # Places named by a generic tail (帕拉州, 马略卡岛): the name part is the transliteration before it.
        for tail in _ZH_PLACE_TAIL:
            for t in re.finditer(re.escape(tail), run):
                start, other = t.start(), 0
                while start > 0 and t.start() - start < 5 and run[start - 1] not in _ZH_NOT_TRANSLIT:
                    other += run[start - 1] not in alphabet
                    if other > 1:
                        break
                    start -= 1
                if t.start() - start >= 2:
                    add(base + start, base + t.start(), "place", True)


def _checkable_source_name(text: str, kind: str, lang: str | None) -> bool:
    if _HAN.search(text):
        # Chinese organisation names are translated word by word (新华社 = Xinhua News Agency,
        # 总统委员会 = presidential committee), which neither pinyin nor CLDR recovers; only places and
        # people are checked. A placeholder name (黄某 "Mr Huang") starts with a surname (在某種 does not).
        return kind != "org" and ("某" not in text or text[0] in ZH_SURNAMES)
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
    # A capitalised first word is not evidence of a name ("Earlier, ...", "Born in ..."), unless its shape
    # is: an acronym or inner capital (NHL, WestLB), or letters English does not use (Hamáček).
    before = re.sub(r"[\W\d_]+", "", loc.sentence.text[:start])
    opens = not before or re.search(r"[.!?:\"“]\s*$", loc.sentence.text[:start]) is not None
    if len(words) == 1 and opens:
        return _is_shape_name(words[0]) or not words[0].isascii()
    return True


@cache
def _english_places() -> frozenset[str]:
    """Folded English names of the CLDR countries and cities and of the cities table (of the languages
    checked here): places whose names in the target language are known, so not matched by sound."""
    by_hand = {_fold(en) for tables in (_ORGANISATIONS, _PEOPLE) for table in tables.values()
               for names in table.values() for en in names}
    return frozenset(
        e for lang in ("de", "zh") for names in _exonyms(lang).english.values() for e in names
        if e not in by_hand
    )




# The source language's own country is often only implied (回国 "return home" = "return to China").
_HOME = {"zh": ("china", "chinese"), "de": ("germany", "german", "germans")}
_EN_ADJECTIVE = re.compile(r"(?:ish|ian|ians|ean|ese|ic|ans|ist|ists)$")


def name_findings(a: Located, b: Located) -> list[Finding]:
    """Names the translation drops, or brings in without support in the source (source = side a)."""
    la, lb = a.sentence.language, b.sentence.language
    ia, ib = _index(a.sentence.text, la), _index(b.sentence.text, lb)
    missing = _missing_source_names(a, la, ib)
    dropped = [n for n in missing if n.strong]
    weak = [n for n in missing if not n.strong]
    added = [e for e in b.facts.entities
             if _checkable_target_name(b, e.start, e.text) and not _found(e.text, ia)
             and not (lb and lb != "en" and _rendered(e.text, lb, ia))]  # Rom / Rome: the CLDR name
    if lb == "de" and added:
        added = _german_target_names(b, added, swap=bool(dropped))
    if lb and lb != "en" and added:
        # A word of a place name the target renders from the source ("Meer" of "das Rote Meer" for the Red
        # Sea): the place is there, so the word adds nothing.
        rendered_places = [(s, e) for s, e, english in _exonyms(lb).spans(b.sentence.text)
                           if any(_found(en, ia) for en in english)]
        added = [x for x in added if not any(s <= x.start and x.end <= e for s, e in rendered_places)]
    # Different spellings of one name inside a sentence count once.
    dropped = list({_fold(n.text): n for n in dropped}.values())
    added = list({_fold(e.text): e for e in added}.values())
    # A name given by its initials ("Deutsche Bahn" / "DB"), either way round, is the name.
    abbreviated = [(n, e) for n in dropped for e in added
                   if n.kind != "person" and (initials_of(n.text, e.text) or initials_of(e.text, n.text))]
    dropped = [n for n in dropped if not any(n is x for x, _ in abbreviated)]
    added = [e for e in added if not any(e is y for _, y in abbreviated)]
    target_han = bool(_HAN.search(b.sentence.text))
    if target_han and la != "zh":
        return _han_target_findings(a, b, ia, dropped, weak, added)
    # A Chinese target writes an English source's names in Chinese (Nvidia = 英伟达), which sound does not
    # always recover: a source name nothing explains beside a target name nothing explains is most likely
    # the same name; pair them off one for one. (Chinese source names against a Latin target are compared
    # by sound instead: 格里沃里 / Grigory Karasin matches, 格里沃里 / Putin does not.)
    pairable = [n for n in dropped if target_han]
    paired = min(len(pairable), len(added))
    if not any(ch.isupper() for ch in b.sentence.text):
        # A target with no capitals at all (lower-cased) hides its names from the name finder, so there is
        # nothing to pair a transliterated name with: leave those unchecked rather than report them.
        paired = len(pairable)
    dropped = [n for n in dropped if n not in pairable[:paired]]
    added = added[paired:]
    if len(dropped) == 1 and len(added) == 1 and (
            dropped[0].kind == added[0].kind or "other" in (dropped[0].kind, added[0].kind)):
        # One name out, one name in: one swap for the editor, with both names as evidence (not a "does not
        # name" and a "names" finding about the same change). A dropped place and an added person are two
        # changes (积石山县 left out, 马学军 misspelt "Ma Xuejin"), not one swap.
        n, e = dropped[0], added[0]
        message = f"{b.sentence.doc} names {e.text!r} where {a.sentence.doc} names {n.text!r} ({n.kind})"
        return [make("entity", "medium", message, evidence(a, n.start, n.end, _fold(n.text)),
                     evidence(b, e.start, e.end, e.key))]
    out = [_dropped_name(a, b, n) for n in dropped]
    for e in added:
        severity = _added_severity(_name_evidence(b, e), bool(dropped), bool(weak), a)
        out.append(make("entity", severity, _added_name_message(a, b, e.text), whole(a),
                        evidence(b, e.start, e.end, e.key)))
    return out


def _german_target_names(b: Located, added: list[Entity], swap: bool) -> list[Entity]:
    """The added names of a German target that are names by the rules and HanTa used for German sources.

    German capitalises every noun, and the extractor's capitalised runs in a German translation held "Hafen",
    "Kohle", "Meer" and "Ende" (a review with an English source and its German translation): as for a German
    source, a candidate HanTa and the rules call weak counts only beside a dropped source name (a swap).
    """
    names = _source_names(b, "de")

    def kept(e: Entity) -> bool:
        overlapping = [n for n in names if n.start < e.end and e.start < n.end]
        return any(n.strong for n in overlapping) or (swap and bool(overlapping))

    return [e for e in added if kept(e)]


def _dropped_name(a: Located, b: Located, n: _SourceName) -> Finding:
    """A source name the target does not render (medium)."""
    message = f"{b.sentence.doc} does not name {n.text!r}, which {a.sentence.doc} names ({n.kind})"
    return make("entity", "medium", message, evidence(a, n.start, n.end, _fold(n.text)), whole(b))


def _added_name_message(a: Located, b: Located, name: str) -> str:
    return (f"{b.sentence.doc} names {name!r}, which {a.sentence.doc} does not name "
            f"(no matching spelling, exonym or transliteration)")


def _han_target_findings(a: Located, b: Located, ia: _NameIndex, dropped: list[_SourceName],
                         weak: list[_SourceName], added: list[Entity]) -> list[Finding]:
    """A Latin-script source against a Chinese target. The target's own Chinese names (transliterations,
    CLDR names, persons after a role) are checked against the source by pinyin, sound and CLDR, as a Chinese
    source's are against a Latin target. A source place or person the target does not render is reported;
    a source name of another kind (organisations are mostly translated word by word: 欧盟委员会) only when
    the target brings in a Chinese name nothing in the source supports, its likely replacement."""
    han_added = [n for n in _source_names(b, "zh") if n.kind != "org" and _HAN.search(n.text)
                 and not _rendered(n.text, "zh", ia)]
    added = [e for e in added if not _HAN.search(e.text)]  # Latin names in the Chinese text
    swap = bool(han_added) or bool(added)
    # A CLDR city or country the extractor could not type is a place too ("In Manila, …" rendered 在宿务,
    # and Taipei, Osaka: a desk's city swaps went unreported).
    places = _english_places()
    report = [
        dataclasses.replace(n, kind="place") if n.kind == "other" and _fold(n.text) in places else n
        for n in dropped
        if swap or n.kind in ("place", "person") or _fold(n.text) in places
    ]
    if len(report) == 1 and len(han_added) == 1 and not added:
        # One name out, one Chinese name in: one swap for the editor, as between two Latin scripts (Fujian
        # rendered 广东省 came out as a "does not name" and a "names" finding about the same change).
        old, new = report[0], han_added[0]
        if old.kind == new.kind or "other" in (old.kind, new.kind):  # as between two Latin scripts
            message = (f"{b.sentence.doc} names {new.text!r} where {a.sentence.doc} names {old.text!r} "
                       f"({old.kind})")
            return [make("entity", "medium", message, evidence(a, old.start, old.end, _fold(old.text)),
                         evidence(b, new.start, new.end, _fold(new.text)))]
    out = [_dropped_name(a, b, n) for n in report]
    for n in han_added:
        if not (n.strong or report):
            continue
        message = _added_name_message(a, b, n.text)
        # Translators add context a reader of the target needs (意大利总理 "the Italian prime minister"):
        # a name in the target alone is a hint; beside a dropped source name it is the replacement.
        # A CLDR place the target adds is mostly that context too (意大利总理德拉吉 for "Prime Minister
        # Draghi"); a dropped place is reported on the source side.
        place = bool(_exonyms("zh").in_text(n.text))
        severity = "medium" if report and not place else "info"
        out.append(make("entity", severity, message, whole(a), evidence(b, n.start, n.end, _fold(n.text))))
    for e in added:
        severity = _added_severity(_name_evidence(b, e), bool(report), bool(weak), a)
        out.append(make("entity", severity, _added_name_message(a, b, e.text), whole(a),
                        evidence(b, e.start, e.end, e.key)))
    return out


def _name_evidence(loc: Located, e: Entity) -> Entity:
    """The target name as evidence of its kind: one that opens the sentence without a first word that only
    its capital makes look like a name ("Click Save" counts as "Save", of unknown kind)."""
    words = list(_LATIN_WORD.finditer(e.text))
    if len(words) >= 2 and _opens_sentence(loc.sentence.text, e.start) and _plain_initial(words[0].group()):
        rest = words[1].start()
        return dataclasses.replace(e, text=e.text[rest:], start=e.start + rest, key=_fold(e.text[rest:]),
                                   kind="other" if len(words) == 2 else e.kind)
    return e


def _plain_initial(word: str) -> bool:
    """Whether a capitalised first word of an English sentence is no evidence of a name: not name-shaped
    (USA, McKinsey, Hamáček) and not a CLDR place."""
    return word.isascii() and not _is_shape_name(word) and _fold(word) not in _english_places()


def _added_severity(e: Entity, swap: bool, weak_swap: bool, source: Located) -> str:
    """medium for a name that replaces a dropped one or is clearly a name; low when it may replace a source
    word that looks like a name; info when support may just be beyond what spelling, CLDR and sound show."""
    if swap:
        return "medium"
    key = _fold(e.text)
    lang = source.sentence.language or ""
    words = _LATIN_WORD.findall(e.text)
    places = {key} | {_fold(w) for w in words if len(w) >= 4}
    if any(p in _english_places() and p not in _HOME.get(lang, ()) for p in places):
        # A country or city CLDR knows (alone, or in a longer name: "Ministry of Health of Singapore"), and
        # none of its source-language names is there.
        return "medium"
    if len(words) == 1 and _EN_ADJECTIVE.search(words[0].lower()):
        return "info"  # Jewish, Christian: adjectives of a people or faith, often for a source noun
    if len(words) == 1 and words[0].isupper() and any(
            _de_abbreviation(w) for w in _LATIN_WORD.findall(source.sentence.text)):
        return "info"  # an acronym for the source's abbreviation of a common noun: MwSt / VAT
    if _HAN.search(source.sentence.text) or _HAN.search(e.text):
        # A Chinese source writes foreign names in transliteration (休斯敦 = Houston) and names things by
        # translation (基督 = Christ) that we cannot map back: an unsupported target name is a hint, unless
        # a source name that looks transliterated or personal is missing from the target as well.
        # Acronyms and short words (ASEAN, Ltd) are often translated names or company forms.
        name_like = any(len(w) >= 4 and not w.isupper() for w in words)
        return "low" if weak_swap and name_like else "info"
    # One-word names of unknown kind are often demonyms or translated nouns (Swede, Navy).
    if len(words) >= 2 or e.kind in ("person", "place", "org"):
        return "medium"
    return "low" if weak_swap else "info"


def translation_pair(a: Located, b: Located, settings: CompareSettings, aliases: AliasTable) -> list[Finding]:
    """compare_pair, plus the cross-language name check when compare_pair reports no name swap itself."""
    found = compare_pair(a, b, settings, aliases)
    if not any(f.type == "entity" for f in found):
        found += name_findings(a, b)
    if not any(f.type == "hedge" for f in found):
        found += modal_dropped_findings(a, b) or modal_added_findings(a, b)
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


# A segment of at least this many words (Chinese: characters / 2) is told by itself: lingua restricted to the
# expected languages scores 99.9% on Tatoeba's short sentences; shorter ones ("OK", "Seite 3") are not.
_OWN_LANGUAGE_WORDS = 4
_HAN_CHARS = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def _segment_languages(
    texts: Sequence[str], side: str | None, tagged: bool, identifier: LanguageIdentifier
) -> list[str | None]:
    """Each segment's language: the side's, except an untagged segment long enough to tell on its own.

    One language pair per file is the rule, but a TSV or JSONL may mix source languages (an English row
    among German ones was read as German: "1,300 GPUs" against "1.300 GPUs" became a changed magnitude).
    """
    if tagged:
        return [side] * len(texts)
    long_enough = [
        n for n, t in enumerate(texts)
        if len(t.split()) + len(_HAN_CHARS.findall(t)) // 2 >= _OWN_LANGUAGE_WORDS
    ]
    found: list[str | None] = [side] * len(texts)
    for n, language in zip(long_enough, identifier.detect_many([texts[n] for n in long_enough]), strict=True):
        found[n] = language or side
    return found


def _synthetic(
    doc_id: str,
    path: str,
    texts: Sequence[str],
    language: str | None,
    languages: Sequence[str | None] | None = None,
) -> Segmented:
    """A Document whose lines are the segments (joined by newlines), one Sentence per segment, with facts."""
    lines: list[Line] = []
    sentences: list[Sentence] = []
    pos = 0
    for k, text in enumerate(texts):
        # A newline inside a segment would split it into two lines of the synthetic text; a space keeps the
        # offsets one-to-one with the plain text.
        flat = text.replace("\r", " ").replace("\n", " ")
        lines.append(Line(flat, pos, pos + len(flat), "body"))
        own = languages[k] if languages is not None else language
        sentences.append(Sentence(doc_id, k, flat, own, "body", pos, pos + len(flat)))
        pos += len(flat) + 1
    document = Document(doc_id, path, "\n".join(line.text for line in lines), tuple(lines), language=language)
    facts = with_document_context([extract_facts(s, document) for s in sentences])
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
    with cyclic_gc_paused():
        return _run_pairs(path, options, glossary)


def _run_pairs(path: str, options: TranslationOptions | None, glossary: str | None) -> Report:
    options = options or TranslationOptions()
    pairs = read_pairs(path)
    terms = load_glossary(glossary) if glossary else None
    identifier = LanguageIdentifier(options.languages)
    src_lang = _side_language((p.source_lang for p in pairs), [p.source for p in pairs], identifier)
    tgt_lang = _side_language((p.target_lang for p in pairs), [p.target for p in pairs], identifier)
    src_texts, tgt_texts = [p.source for p in pairs], [p.target for p in pairs]
    src_tagged = any(_lang_code(p.source_lang) for p in pairs)
    tgt_tagged = any(_lang_code(p.target_lang) for p in pairs)
    src_languages = _segment_languages(src_texts, src_lang, src_tagged, identifier)
    tgt_languages = _segment_languages(tgt_texts, tgt_lang, tgt_tagged, identifier)
    src = _synthetic("source", str(path), src_texts, src_lang, src_languages)
    tgt = _synthetic("target", str(path), tgt_texts, tgt_lang, tgt_languages)
    aliases = AliasTable([*STANDARD_ALIASES, *options.aliases])

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
            key = f"{f.type}@{pair.id}"
            if f.message.startswith("placeholder "):
                key += f"@{f.a.value}"  # each lost or added tag is its own finding (evidence: the segment)
            f = dataclasses.replace(f, id=fingerprint(key, f.a, f.b), segment=pair.id)
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
