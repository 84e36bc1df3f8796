"""Known errors: an editor's catalogue of real drifts (and equivalent forms) re-run as a regression check."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .errors import ConfigError, InputError
from .models import FINDING_TYPES, SEVERITIES, SEVERITY_RANK, Document, Evidence, Finding, Report
from .suppress import yaml_list, yaml_shape


@dataclass(frozen=True)
class Side:
    """One side of a catalogue entry: a document and a text unique in it (where the drift is)."""

    doc: str
    contains: str


@dataclass(frozen=True)
class Entry:
    """A known error (type and minimum severity expected) or a known non-error (nothing low or above)."""

    id: str
    a: Side
    b: Side | None
    type: str | None  # None for a non-error
    min_severity: str | None
    note: str = ""
    # A known error the tool does not find yet, or a known non-error whose two sentences it does not compare
    # yet, with the reason: reported, not failed (like a strict xfail). Once found (or compared), the entry
    # fails until the editor removes `known_gap`, so the catalogue stays true.
    known_gap: str | None = None

    @property
    def is_error(self) -> bool:
        """True for a known error, False for a known non-error."""
        return self.type is not None


@dataclass(frozen=True)
class Catalogue:
    """The parsed known-errors file."""

    path: str
    corpus: str
    entries: tuple[Entry, ...]
    options: dict[str, Any]


@dataclass(frozen=True)
class Outcome:
    """The result of one entry: passed or not, and the findings that decided it."""

    entry: Entry
    passed: bool
    detail: str
    findings: tuple[Finding, ...]


def _side(raw: Any, where: str) -> Side:
    expected = "needs 'doc' (a document id) and 'contains' (text unique in that document)"
    if not isinstance(raw, dict):
        got = "is missing" if raw is None else f"is {yaml_shape(raw)}"
        raise ConfigError(f"{where} {got}; it must be a mapping: {{doc: ..., contains: ...}}")
    if not raw.get("doc") or not raw.get("contains"):
        raise ConfigError(f"{where}: {expected}")
    for key in ("doc", "contains"):
        if not isinstance(raw[key], str | int | float) or isinstance(raw[key], bool):
            raise ConfigError(f"{where}: '{key}' must be text, not {yaml_shape(raw[key])}")
    return Side(str(raw["doc"]), str(raw["contains"]))


OPTION_KEYS = ("model", "reference", "languages")


def _options(raw: Any, path: str) -> dict[str, Any]:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise ConfigError(
            f"{path}: 'options' must be a mapping ({', '.join(OPTION_KEYS)}), not {yaml_shape(raw)}"
        )
    options: dict[str, Any] = {}
    for key, value in raw.items():
        if key not in OPTION_KEYS:
            raise ConfigError(f"{path}: unknown option {key!r}; options are {', '.join(OPTION_KEYS)}")
        if key == "languages" and isinstance(value, list) and all(isinstance(x, str) for x in value):
            value = ",".join(value)
        if value is not None and not isinstance(value, str):
            raise ConfigError(f"{path}: options: '{key}' must be text, not {yaml_shape(value)}")
        if value is not None:
            options[key] = value
    return options


def load_catalogue(path: str) -> Catalogue:
    """Read and validate a known-errors YAML file."""
    file = Path(path)
    if not file.is_file():
        raise InputError(f"{path}: known-errors file not found; give the path of a known_errors.yaml")
    try:
        data = yaml.safe_load(file.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise ConfigError(f"{path}: not valid YAML ({first}); fix the file") from None
    if not isinstance(data, dict):
        raise ConfigError(
            f"{path}: expected a mapping with 'errors' and 'non_errors', not {yaml_shape(data)}"
        )
    corpus_dir = data.get("corpus") or "."
    if not isinstance(corpus_dir, str):
        raise ConfigError(f"{path}: 'corpus' must be a directory path (text), not {yaml_shape(corpus_dir)}")
    corpus = str((file.parent / corpus_dir).resolve())
    entries: list[Entry] = []
    seen: set[str] = set()
    for key, is_error in (("errors", True), ("non_errors", False)):
        expected = "entries (- id: ..., a: {doc, contains}, ...)"
        for n, raw in enumerate(yaml_list(data, key, path, expected), start=1):
            where = f"{path}: {key} #{n}"
            if not isinstance(raw, dict):
                raise ConfigError(f"{where} must be a mapping with an 'id', not {yaml_shape(raw)}")
            if raw.get("id") is None or raw.get("id") == "":
                raise ConfigError(f"{where}: every entry needs an 'id'")
            if not isinstance(raw["id"], str):
                hint = "; put it in quotes" if isinstance(raw["id"], int | float) else ""
                raise ConfigError(f"{where}: 'id' must be text, not {yaml_shape(raw['id'])}{hint}")
            entry_id = str(raw["id"])
            if entry_id in seen:
                raise ConfigError(f"{where}: id {entry_id!r} is used twice")
            seen.add(entry_id)
            kind = severity = None
            if is_error:
                kind, severity = raw.get("type"), raw.get("min_severity")
                if not isinstance(kind, str) or kind not in FINDING_TYPES:
                    raise ConfigError(f"{where} ({entry_id}): type must be one of {', '.join(FINDING_TYPES)}")
                if not isinstance(severity, str) or severity not in SEVERITIES:
                    raise ConfigError(
                        f"{where} ({entry_id}): min_severity must be one of {', '.join(SEVERITIES)}"
                    )
            b = _side(raw["b"], f"{where} ({entry_id}) b") if raw.get("b") is not None else None
            gap = raw.get("known_gap")
            if gap is not None and not str(gap).strip():
                raise ConfigError(f"{where} ({entry_id}): known_gap needs a reason")
            if gap is not None and not is_error and raw.get("b") is None:
                raise ConfigError(
                    f"{where} ({entry_id}): known_gap on a non-error is for two sentences not yet compared; "
                    "give both a and b"
                )
            entries.append(
                Entry(
                    entry_id,
                    _side(raw.get("a"), f"{where} ({entry_id}) a"),
                    b,
                    kind,
                    severity,
                    str(raw.get("note") or ""),
                    str(gap) if gap is not None else None,
                )
            )
    if not entries:
        raise ConfigError(f"{path}: no entries under 'errors' or 'non_errors'")
    options = _options(data.get("options"), path)
    return Catalogue(path, corpus, tuple(entries), options)


def _span(side: Side, documents: dict[str, Document], entry: Entry, path: str) -> tuple[int, int]:
    doc = documents.get(side.doc)
    if doc is None:
        raise ConfigError(
            f"{path}: entry {entry.id}: no document {side.doc!r} in the corpus "
            f"(ids: {', '.join(sorted(documents))})"
        )
    first = doc.text.find(side.contains)
    if first < 0:
        raise ConfigError(
            f"{path}: entry {entry.id}: {side.contains!r} is not in {side.doc}; copy the text exactly"
        )
    if doc.text.find(side.contains, first + 1) >= 0:
        raise ConfigError(
            f"{path}: entry {entry.id}: {side.contains!r} occurs more than once in {side.doc}; "
            "quote more of the sentence"
        )
    return first, first + len(side.contains)


def _touches(e: Evidence | None, doc: str, span: tuple[int, int]) -> bool:
    """Whether a finding's evidence lies in the entry's text (overlapping spans in the same document)."""
    return e is not None and e.doc == doc and e.start < span[1] and span[0] < e.end


def _covers(finding: Finding, entry: Entry, spans: dict[str, tuple[int, int]]) -> bool:
    a_doc, a_span = entry.a.doc, spans["a"]
    if entry.b is None:
        return _touches(finding.a, a_doc, a_span) or _touches(finding.b, a_doc, a_span)
    b_doc, b_span = entry.b.doc, spans["b"]
    return (_touches(finding.a, a_doc, a_span) and _touches(finding.b, b_doc, b_span)) or (
        _touches(finding.a, b_doc, b_span) and _touches(finding.b, a_doc, a_span)
    )


def evaluate(catalogue: Catalogue, report: Report) -> list[Outcome]:
    """Check every entry against the findings of a report."""
    documents = {d.id: d for d in report.documents}
    outcomes = []
    for entry in catalogue.entries:
        spans = {"a": _span(entry.a, documents, entry, catalogue.path)}
        if entry.b is not None:
            spans["b"] = _span(entry.b, documents, entry, catalogue.path)
        touching = tuple(f for f in report.findings if _covers(f, entry, spans))
        if entry.is_error:
            assert entry.min_severity is not None
            floor = SEVERITY_RANK[entry.min_severity]
            hits = [f for f in touching if f.type == entry.type and SEVERITY_RANK[f.severity] >= floor]
            if hits and entry.known_gap:
                outcomes.append(
                    Outcome(
                        entry,
                        False,
                        f"now found as {hits[0].type}/{hits[0].severity}; remove its known_gap",
                        tuple(hits),
                    )
                )
            elif hits:
                outcomes.append(
                    Outcome(entry, True, f"found as {hits[0].type}/{hits[0].severity}", tuple(hits))
                )
            elif entry.known_gap:
                outcomes.append(Outcome(entry, True, f"known gap, not found: {entry.known_gap}", touching))
            else:
                got = ", ".join(sorted({f"{f.type}/{f.severity}" for f in touching})) or "no finding"
                outcomes.append(
                    Outcome(
                        entry,
                        False,
                        f"expected {entry.type} at {entry.min_severity} or above; got {got}",
                        touching,
                    )
                )
        else:
            flagged = [f for f in touching if SEVERITY_RANK[f.severity] >= SEVERITY_RANK["low"]]
            # A pair of sentences that were never compared proves nothing by drawing no finding.
            compared = entry.b is None or _compared(report, entry, spans)
            if flagged:
                got = ", ".join(sorted({f"{f.type}/{f.severity}" for f in flagged}))
                outcomes.append(Outcome(entry, False, f"a non-error was flagged: {got}", tuple(flagged)))
            elif compared and entry.known_gap:
                outcomes.append(
                    Outcome(entry, False, "now compared and not flagged; remove its known_gap", touching)
                )
            elif compared:
                outcomes.append(Outcome(entry, True, "not flagged", touching))
            elif entry.known_gap:
                outcomes.append(Outcome(entry, True, f"known gap, not compared: {entry.known_gap}", touching))
            else:
                outcomes.append(
                    Outcome(
                        entry,
                        False,
                        "never compared (the two sentences did not align), so this entry checks nothing; "
                        "mark it known_gap with the reason or choose sentences that align",
                        touching,
                    )
                )
    return outcomes


def _compared(report: Report, entry: Entry, spans: dict[str, tuple[int, int]]) -> bool:
    """Whether the report aligned a sentence under side a with a sentence under side b."""
    assert entry.b is not None

    def under(doc: str, span: tuple[int, int]) -> set[int]:
        return {s.index for s in report.sentences if s.doc == doc and s.start < span[1] and span[0] < s.end}

    side_a = {(entry.a.doc, i) for i in under(entry.a.doc, spans["a"])}
    side_b = {(entry.b.doc, i) for i in under(entry.b.doc, spans["b"])}
    for link in report.alignments:
        x, y = (link.a.doc, link.a.index), (link.b.doc, link.b.index)
        if (x in side_a and y in side_b) or (x in side_b and y in side_a):
            return True
    return False


def failures(outcomes: Sequence[Outcome]) -> list[Outcome]:
    """The outcomes that make `driftcheck check` exit 1."""
    return [o for o in outcomes if not o.passed]
