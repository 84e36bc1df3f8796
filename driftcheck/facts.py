"""Facts: everything checkable in one sentence — numbers, dates, names, owners, quotes, hedges, negation."""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from .dates import DateFact, extract_dates
from .entities import Attribution, Entity, extract_attributions, extract_entities, name_spans
from .models import Document, Sentence
from .quantities import Quantity, extract_quantities
from .statements import (
    Marker,
    Quote,
    extract_hedges,
    extract_negations,
    extract_quotes,
    negation_polarity,
    with_pronoun_speakers,
)


@dataclass(frozen=True)
class SentenceFacts:
    """The facts of one sentence; spans are offsets into the sentence text."""

    quantities: tuple[Quantity, ...]
    dates: tuple[DateFact, ...]
    entities: tuple[Entity, ...]
    attributions: tuple[Attribution, ...]
    quotes: tuple[Quote, ...]
    hedges: tuple[Marker, ...]
    negations: tuple[Marker, ...]
    polarity: int
    anchors: frozenset[str]


def publication_date(document: Document) -> dt.date | None:
    """The document's publication date, when its metadata gives one."""
    if not document.published:
        return None
    try:
        return dt.date.fromisoformat(document.published[:10])
    except ValueError:
        return None


# A quotation of this many words (Han characters count one each) is evidence of its claim.
_QUOTE_ANCHOR_WORDS = 4
_QUOTE_WORD = re.compile(r"[\u3400-\u9fff]|[^\W_]+")


# A run of two or more match scores ("6-4, 3-6, 7-6 (7-5)", "6:4, 3:6"): set scores are no figures to
# compare one by one (English "3-6" read as a range and German "3:6" as two numbers put every later figure
# out of step).
_SCORE = r"\d{1,2}\s?[-–:]\s?\d{1,2}(?:\s*\(\d{1,2}\s?[-–:]\s?\d{1,2}\))?"
_SCORE_RUN = re.compile(rf"(?<![\d.,:-]){_SCORE}(?:\s*,\s*(?:und\s+|and\s+)?{_SCORE})+(?![\d:-])")


# "2. Bundesliga", "3. Liga": a league's name, not an ordinal figure of the story (a held-out review story).
_LEAGUE = re.compile(r"\b\d\.\s*(?:Frauen-|Handball-)?(?:Bundesliga|Liga)\b")


def _score_spans(text: str) -> list[tuple[int, int]]:
    """Spans of runs of match scores in text."""
    if "-" not in text and ":" not in text and "–" not in text:
        return []
    return [m.span() for m in _SCORE_RUN.finditer(text)]


def value_anchor(value: float) -> str:
    """A language-independent key for a number: three significant digits, so 5.6e6 == 5,6 Mio. == 560万."""
    if value == 0 or not math.isfinite(value):
        return "q:0"
    return f"q:{float(f'{value:.3g}'):.3g}"


def extract_facts(sentence: Sentence, document: Document) -> SentenceFacts:
    """Extract every fact driftcheck compares from one sentence."""
    return facts_of_text(sentence.text, sentence.language or document.language, publication_date(document))


@lru_cache(maxsize=65536)
def facts_of_text(text: str, lang: str | None, published: dt.date | None) -> SentenceFacts:
    """The facts of a sentence text; memoised, as sentences repeat (boilerplate, long files)."""
    dates = tuple(extract_dates(text, lang, published))
    entities = tuple(extract_entities(text, lang))
    protected = [*name_spans(text, lang), *((d.start, d.end) for d in dates), *_score_spans(text)]
    if "liga" in text or "Liga" in text:
        protected += [m.span() for m in _LEAGUE.finditer(text)]
    quantities = tuple(extract_quantities(text, lang, protected))
    attributions = tuple(extract_attributions(text, lang, entities))
    quotes = tuple(extract_quotes(text, lang))
    hedges = tuple(extract_hedges(text, lang))
    negations = tuple(extract_negations(text, lang))
    anchors: set[str] = set()
    for q in quantities:
        if q.unit == "ordinal" and q.text.isalpha():
            continue  # "a second chance", "die dritte Etappe", 第三: too common to tie two sentences together
        anchors.add(value_anchor(q.value))
        if q.high is not None:
            anchors.add(value_anchor(q.high))
        # A figure of the same kind and order of magnitude ("$5.6 million" / "$5.5 million") is evidence of
        # the same claim too, and exactly where drift happens: without it the drifted versions of a figure
        # would be the ones that lose their anchor.
        kind = q.currency or q.unit
        if kind and q.value > 0:
            anchors.add(f"qk:{kind}:{math.floor(math.log10(q.value))}")
    for d in dates:
        if d.year is not None and d.month is not None:
            anchors.add(f"d:{d.year}-{d.month}-{d.day}")
    anchors.update(f"n:{e.key}" for e in entities if e.key)
    for quote in quotes:
        if quote.words >= _QUOTE_ANCHOR_WORDS:
            # The words of a quotation, and its opening words (which a cut quotation keeps), tell the claim
            # wherever the sentence around it is rewritten: a quotation moved to another speaker inside a
            # longer sentence lost the best-match contest to that sentence's own claim and was never compared.
            words = _QUOTE_WORD.findall(quote.text.casefold())
            anchors.add("t:" + " ".join(words))
            anchors.add("t:" + " ".join(words[:_QUOTE_ANCHOR_WORDS]) + " …")
    return SentenceFacts(
        quantities=quantities,
        dates=dates,
        entities=entities,
        attributions=attributions,
        quotes=quotes,
        hedges=hedges,
        negations=negations,
        polarity=negation_polarity(text, lang),
        anchors=frozenset(anchors),
    )


def with_document_context(facts: Sequence[SentenceFacts]) -> tuple[SentenceFacts, ...]:
    """A document's sentence facts (in document order) with what one sentence cannot tell alone: the speaker
    of a quotation tagged by a pronoun ("…", sagte er), named in the sentences before."""
    if not any(q.by_pronoun for f in facts for q in f.quotes):
        return tuple(facts)
    # Places and organisations are no "he" or "she"; names of no known kind may be people.
    names = [[(e.start, e.text, e.kind == "person") for e in f.entities if e.kind not in ("place", "org")]
             for f in facts]  # fmt: skip
    quotes = with_pronoun_speakers([f.quotes for f in facts], names)
    return tuple(f if q == f.quotes else replace(f, quotes=q) for f, q in zip(facts, quotes, strict=True))
