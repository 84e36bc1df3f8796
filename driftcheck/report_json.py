"""The JSON report: a stable contract (driftcheck.report/1) that later features and scripts read."""

from __future__ import annotations

import json
from collections import Counter
from functools import cache
from importlib import resources
from typing import Any

from .models import SEVERITIES, Evidence, Finding, Report

SCHEMA_ID = "driftcheck.report/1"
# Vectors differ in the 7th decimal between encoding a sentence alone and in a batch; 4 decimals keep the
# report byte-identical whether or not the cache was warm.
SCORE_DECIMALS = 4


def _evidence(e: Evidence | None) -> dict[str, Any] | None:
    if e is None:
        return None
    return {
        "doc": e.doc,
        "index": e.index,
        "text": e.text,
        "evidence": e.evidence,
        "start": e.start,
        "end": e.end,
        "value": e.value,
    }


def finding_dict(f: Finding) -> dict[str, Any]:
    """The JSON form of one finding."""
    out: dict[str, Any] = {
        "id": f.id,
        "type": f.type,
        "severity": f.severity,
        "message": f.message,
        "suppressed": f.suppressed,
        "segment": f.segment,
        "a": _evidence(f.a),
        "b": _evidence(f.b),
    }
    if f.suppression is not None:
        out["suppression"] = {
            "reason": f.suppression.reason,
            "reviewer": f.suppression.reviewer,
            "date": f.suppression.date,
        }
    return out


def finding_sort_key(f: Finding) -> tuple[Any, ...]:
    """Findings are listed by (doc, index) of their first side, then by type and id."""
    return (f.a.doc, f.a.index, f.a.start, f.type, f.id)


def report_dict(report: Report) -> dict[str, Any]:
    """The report as a plain dict in the shape of the JSON schema."""
    counts = Counter(s.doc for s in report.sentences)
    documents = [
        {
            "id": d.id,
            "path": d.path,
            "url": d.url,
            "title": d.title,
            "outlet": d.outlet,
            "published": d.published,
            "language": d.language,
            "original_language": d.original_language,
            "note": d.note,
            "sentence_count": counts.get(d.id, 0),
            "text": d.text,
        }
        for d in report.documents
    ]
    sentences = [
        {
            "doc": s.doc,
            "index": s.index,
            "text": s.text,
            "language": s.language,
            "kind": s.kind,
            "start": s.start,
            "end": s.end,
        }
        for s in sorted(report.sentences, key=lambda s: (s.doc, s.index))
    ]
    text_of = {(s.doc, s.index): s.text for s in report.sentences}
    alignments = [
        {
            "a": {"doc": x.a.doc, "index": x.a.index, "text": text_of.get((x.a.doc, x.a.index), "")},
            "b": {"doc": x.b.doc, "index": x.b.index, "text": text_of.get((x.b.doc, x.b.index), "")},
            "score": round(x.score, SCORE_DECIMALS),
            "group": x.group or None,
        }
        for x in sorted(report.alignments, key=lambda x: (x.a.doc, x.a.index, x.b.doc, x.b.index))
    ]
    groups = [
        {
            "id": g.id,
            "members": [{"doc": m.doc, "index": m.index} for m in g.members],
            "missing": list(g.missing),
        }
        for g in report.groups
    ]
    findings = [finding_dict(f) for f in sorted(report.findings, key=finding_sort_key)]
    by_type = Counter(f.type for f in report.findings)
    by_severity = Counter(f.severity for f in report.findings)
    return {
        "schema": SCHEMA_ID,
        "name": report.name,
        "signature": report.signature.as_dict(),
        "reference": report.reference,
        "documents": documents,
        "sentences": sentences,
        "alignments": alignments,
        "groups": groups,
        "findings": findings,
        "skipped": [{"path": s.path, "reason": s.reason} for s in report.skipped],
        "summary": {
            "documents": len(report.documents),
            "sentences": len(report.sentences),
            "alignments": len(report.alignments),
            "findings_by_type": dict(sorted(by_type.items())),
            "findings_by_severity": {s: by_severity.get(s, 0) for s in SEVERITIES},
        },
    }


def dumps(data: dict[str, Any]) -> str:
    """Deterministic UTF-8 JSON text: sorted keys, no ASCII escaping, trailing newline."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True, indent=2) + "\n"


@cache
def load_schema() -> dict[str, Any]:
    """The committed JSON Schema of the report."""
    text = resources.files("driftcheck").joinpath("schema/report.schema.json").read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema
