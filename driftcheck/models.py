"""Small frozen dataclasses for what flows between pipeline stages."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# Line kinds that carry the story and are compared by default.
CONTENT_KINDS = frozenset({"headline", "subheading", "body", "bullet"})
# Page furniture: kept in the document model, left out of comparison unless the user asks.
FURNITURE_KINDS = frozenset(
    {"caption", "credit", "byline", "boilerplate", "dateline", "teaser", "duplicate", "summary_label"}
)
LINE_KINDS = CONTENT_KINDS | FURNITURE_KINDS

SEVERITIES = ("high", "medium", "low", "info")
SEVERITY_RANK = {name: rank for rank, name in enumerate(reversed(SEVERITIES))}  # info=0 ... high=3

FINDING_TYPES = (
    "number_value",
    "number_scale",
    "number_unit",
    "qualifier",
    "range",
    "date",
    "entity",
    "attribution",
    "name_spelling",
    "quote",
    "hedge",
    "negation",
    "omission",
    "addition",
)


@dataclass(frozen=True)
class Line:
    """One line of a document's decoded text, with its kind (headline, body, caption, ...)."""

    text: str
    start: int  # code-point offset into Document.text
    end: int
    kind: str


@dataclass(frozen=True)
class Document:
    """One article as loaded: decoded text, its lines with kinds, and manifest or inferred metadata."""

    id: str
    path: str  # as the user gave it (or manifest dir joined with the manifest's file name)
    text: str
    lines: tuple[Line, ...]
    title: str | None = None
    outlet: str | None = None
    published: str | None = None  # ISO 8601 date or date-time, None when unknown
    language: str | None = None
    original_language: str | None = None
    url: str | None = None
    note: str | None = None  # translation / syndication note where the text says so


@dataclass(frozen=True)
class Sentence:
    """One sentence of a document; index is its position among all sentences of that document."""

    doc: str
    index: int
    text: str
    language: str | None
    kind: str
    start: int  # code-point offsets into Document.text
    end: int

    @property
    def is_content(self) -> bool:
        """True when the sentence carries the story (not page furniture)."""
        return self.kind in CONTENT_KINDS


@dataclass(frozen=True)
class SentenceRef:
    """A pointer to one sentence: (document id, sentence index)."""

    doc: str
    index: int


@dataclass(frozen=True)
class Alignment:
    """Two sentences, in different documents or in one, that say the same thing."""

    a: SentenceRef
    b: SentenceRef
    score: float
    group: str = ""
    # The pair shares strong exact evidence (rare figures or names); not written to reports, it tells claim
    # grouping which links to keep for comparison when they cannot join one claim group.
    anchored: bool = False


@dataclass(frozen=True)
class Untold:
    """A sentence of `doc` that `other` leaves out where it tells the sentences on either side.

    `before` and `after` are adjacent sentence indices of `other`, aligned with `doc`'s nearest aligned
    sentences before and after this one, so `other` has no room for it between them.
    """

    doc: str
    index: int
    other: str
    before: int
    after: int


@dataclass(frozen=True)
class ClaimGroup:
    """One claim as each outlet that tells it tells it."""

    id: str
    members: tuple[SentenceRef, ...]
    missing: tuple[str, ...]  # ids of documents that do not tell this claim


@dataclass(frozen=True)
class Evidence:
    """One side of a finding: the sentence, the exact span and its normalised value."""

    doc: str
    index: int
    text: str  # the whole sentence
    evidence: str  # the exact span
    start: int  # code-point offsets of the span into Document.text
    end: int
    value: str | None = None


@dataclass(frozen=True)
class Suppression:
    """An editor's acceptance of one finding, keyed by the finding's fingerprint."""

    id: str
    reason: str
    reviewer: str
    date: str


@dataclass(frozen=True)
class Finding:
    """A typed difference between two versions, with evidence on both sides (b is None when one-sided)."""

    id: str
    type: str
    severity: str
    message: str
    a: Evidence
    b: Evidence | None
    suppressed: bool = False
    segment: str | None = None
    suppression: Suppression | None = None


@dataclass(frozen=True)
class Signature:
    """The settings that produced a report, printed in every output (as sacrebleu does for scores)."""

    driftcheck: str
    encoder: str
    dimension: int
    languages: tuple[str, ...]
    thresholds: tuple[tuple[str, float], ...]
    inputs_sha256: str

    def as_dict(self) -> dict[str, Any]:
        """The JSON form of the signature."""
        return {
            "driftcheck": self.driftcheck,
            "encoder": self.encoder,
            "dimension": self.dimension,
            "languages": list(self.languages),
            "thresholds": dict(self.thresholds),
            "inputs_sha256": self.inputs_sha256,
        }

    def as_text(self) -> str:
        """One-line form, e.g. for a report footer."""
        thresholds = ",".join(f"{k}={v}" for k, v in self.thresholds)
        return (
            f"driftcheck:{self.driftcheck}|encoder:{self.encoder}|dim:{self.dimension}"
            f"|langs:{'+'.join(self.languages)}|{thresholds}|inputs:{self.inputs_sha256[:12]}"
        )


@dataclass(frozen=True)
class Skipped:
    """An input that was passed over, and why: reported, never silently dropped."""

    path: str
    reason: str


@dataclass(frozen=True)
class Corpus:
    """What the corpus loader produced: the documents, and what it skipped."""

    documents: tuple[Document, ...]
    skipped: tuple[Skipped, ...] = field(default=())
    root: str | None = None  # the directory holding the manifest, if one was used


@dataclass(frozen=True)
class Report:
    """Everything one run produced; report writers turn it into JSON, HTML, Markdown or CSV."""

    name: str
    signature: Signature
    documents: tuple[Document, ...]
    sentences: tuple[Sentence, ...]
    alignments: tuple[Alignment, ...]
    groups: tuple[ClaimGroup, ...]
    findings: tuple[Finding, ...]
    skipped: tuple[Skipped, ...]
    reference: str | None = None
    # Suppression ids that matched no finding (the text changed, or the entry is stale): said on stderr.
    stale_suppressions: tuple[str, ...] = ()
