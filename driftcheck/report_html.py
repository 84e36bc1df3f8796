"""Render a driftcheck JSON report as one self-contained, offline, deterministic HTML file."""

from __future__ import annotations

import base64
import bisect
import difflib
import functools
import hashlib
import html
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

from driftcheck.models import FINDING_TYPES, SEVERITIES, SEVERITY_RANK

__all__ = ["render_html"]

# Severity shown as text label + a distinct shape, never by colour alone.
SEVERITY_ICONS = {"high": "▲", "medium": "◆", "low": "●", "info": "ℹ"}
SEVERITY_LABELS = {"high": "HIGH", "medium": "MEDIUM", "low": "LOW", "info": "INFO"}
NOT_TOLD = "— not told —"
SUPPRESSION_DATE_PLACEHOLDER = "YYYY-MM-DD"

_LANG_RE = re.compile(r"^[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*$")
_CJK_LANGS = ("zh", "ja", "ko", "yue")
_CJK_RE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_WORD_RE = re.compile(r"\d+(?:[.,]\d+)*|\w+|\s+|[^\w\s]", re.UNICODE)


def ordinal(index: object) -> object:
    """A sentence index as editors count (1 for the first sentence); the JSON keeps 0-based indices."""
    return index + 1 if isinstance(index, int) and not isinstance(index, bool) else index


@functools.lru_cache(maxsize=64)
def _line_starts(text: str) -> tuple[int, ...]:
    """Offsets where the lines of a document's text begin."""
    return (0, *(m.end() for m in re.finditer("\n", text)))


def where(report_docs: Mapping[str, Mapping[str, Any]], side: Mapping[str, Any]) -> str:
    """Where one side of a finding stands in its document's text, as an editor searches it: "line 31,
    sentence 34" (the line of the decoded, extracted text; sentences count from 1)."""
    sentence = f"sentence {ordinal(side.get('index'))}"
    text = (report_docs.get(str(side.get("doc"))) or {}).get("text")
    start = side.get("start")
    if not isinstance(text, str) or not isinstance(start, int) or not 0 <= start <= len(text):
        return sentence
    return f"line {bisect.bisect_right(_line_starts(text), start)}, {sentence}"


def _e(value: object) -> str:
    """Escape any value for HTML text and attribute context (quote=True)."""
    return html.escape("" if value is None else str(value), quote=True)


def _json_for_script(data: object) -> str:
    """JSON safe to embed inside a <script type="application/json"> element."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return (
        text.replace("&", "\\u0026")
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def _lang_attr(lang: object) -> str:
    """A ` lang="..."` attribute when lang looks like a BCP 47 tag, else empty."""
    if isinstance(lang, str) and _LANG_RE.match(lang):
        return f' lang="{_e(lang)}"'
    return ""


def safe_http_url(url: object) -> str | None:
    """The URL when it is an absolute http(s) URL without whitespace/control characters, else None."""
    if not isinstance(url, str) or not url:
        return None
    if any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url


# ---------------------------------------------------------------------------------------------------------
# Report helpers shared with report_text


def doc_index(report: Mapping[str, Any]) -> dict[str, Mapping[str, Any]]:
    """Documents of the report keyed by id."""
    return {str(d.get("id")): d for d in report.get("documents") or []}


def doc_label(report_docs: Mapping[str, Mapping[str, Any]], doc_id: str) -> str:
    """The outlet of a document, falling back to its id when the outlet is unknown."""
    doc = report_docs.get(doc_id)
    outlet = doc.get("outlet") if doc else None
    return str(outlet) if outlet else str(doc_id)


def reference_of(report: Mapping[str, Any]) -> str | None:
    """The reference document id when the report names one that exists, else None."""
    ref = report.get("reference")
    if isinstance(ref, str) and ref in doc_index(report):
        return ref
    return None


def involves(finding: Mapping[str, Any], doc_id: str | None) -> bool:
    """True when either side of the finding is in the given document."""
    if doc_id is None:
        return False
    b = finding.get("b")
    return finding["a"].get("doc") == doc_id or (b is not None and b.get("doc") == doc_id)


def oriented(
    finding: Mapping[str, Any], reference: str | None
) -> tuple[Mapping[str, Any], Mapping[str, Any] | None]:
    """The two sides of a finding, the reference side first when the finding involves the reference."""
    a, b = finding["a"], finding.get("b")
    if reference is not None and b is not None and b.get("doc") == reference and a.get("doc") != reference:
        return b, a
    return a, b


def ordered_findings(report: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """Findings in display order: reference findings first, then by severity, type, position and id."""
    reference = reference_of(report)
    type_rank = {t: i for i, t in enumerate(FINDING_TYPES)}

    def key(f: Mapping[str, Any]) -> tuple[Any, ...]:
        a = f["a"]
        return (
            0 if involves(f, reference) else 1,
            -SEVERITY_RANK.get(f.get("severity", ""), -1),
            type_rank.get(f.get("type", ""), len(type_rank)),
            str(f.get("type", "")),
            str(a.get("doc", "")),
            int(a.get("index", 0)),
            str(f.get("id", "")),
        )

    return sorted(report.get("findings") or [], key=key)


def omitting_documents(report: Mapping[str, Any]) -> dict[str, list[str]]:
    """Per omission finding id, the documents that leave its claim out, in document order.

    An omission finding has one side, in a document that tells the claim; the documents that do not tell it
    are the `missing` of the claim group holding that sentence. compare gives each missing document its own
    finding, fingerprinted with that document, so when a group misses several the fingerprint picks the
    one; a report of two documents (translation, pairs) has the other one as the only candidate.
    """
    doc_order = [str(d.get("id")) for d in report.get("documents") or []]
    groups_at: dict[tuple[str, int], list[Mapping[str, Any]]] = {}
    for g in report.get("groups") or []:
        for m in g.get("members") or []:
            groups_at.setdefault((str(m.get("doc")), int(m.get("index", 0))), []).append(g)
    out: dict[str, list[str]] = {}
    for f in report.get("findings") or []:
        if f.get("type") != "omission" or f.get("b") is not None:
            continue
        a = f["a"]
        doc = str(a.get("doc"))
        candidates: list[str] = []
        for g in groups_at.get((doc, int(a.get("index", 0))), []):
            for missing in g.get("missing") or []:
                if str(missing) != doc and str(missing) not in candidates:
                    candidates.append(str(missing))
        if len(candidates) > 1:
            from driftcheck.compare import fingerprint
            from driftcheck.models import Evidence

            side = Evidence(doc, 0, str(a.get("text") or ""), str(a.get("evidence") or ""), 0, 0)
            chosen = [m for m in candidates if fingerprint(f"omission:{m}", side, None) == f.get("id")]
            candidates = chosen or candidates
        if not candidates and len(doc_order) == 2 and doc in doc_order:
            candidates = [d for d in doc_order if d != doc]
        if candidates:
            order = {d: n for n, d in enumerate(doc_order)}
            out[str(f.get("id"))] = sorted(candidates, key=lambda d: (order.get(d, len(order)), d))
    return out


def suppression_yaml(finding_id: str) -> str:
    """A ready-to-paste suppression-file entry for one finding (date left as a placeholder)."""
    return (
        f"- id: {json.dumps(str(finding_id), ensure_ascii=False)}\n"
        '  reason: ""\n'
        '  reviewer: ""\n'
        f"  date: {SUPPRESSION_DATE_PLACEHOLDER}\n"
    )


# ---------------------------------------------------------------------------------------------------------
# Publication times


def _parse_when(value: object) -> tuple[datetime, bool] | None:
    """(UTC-normalised datetime, has_time) for an ISO date or date-time string; None when unknown."""
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    try:
        when = datetime.fromisoformat(text)
    except ValueError:
        return None
    has_time = len(text) > 10
    if when.tzinfo is not None:
        when = when.astimezone(UTC).replace(tzinfo=None)
    return when, has_time


def strictly_before(x: object, y: object) -> bool | None:
    """True/False when the order of two publication times is known, None when it is not."""
    px, py = _parse_when(x), _parse_when(y)
    if px is None or py is None:
        return None
    (dx, tx), (dy, ty) = px, py
    if tx and ty:
        return None if dx == dy else dx < dy
    if dx.date() == dy.date():
        return None
    return dx.date() < dy.date()


def publication_order(report: Mapping[str, Any]) -> tuple[list[str], list[str]]:
    """Document ids ordered by published time (unknown last, input order), and the ids with unknown times."""
    docs = list(report.get("documents") or [])
    known: list[tuple[datetime, int, str]] = []
    unknown: list[str] = []
    for i, d in enumerate(docs):
        parsed = _parse_when(d.get("published"))
        if parsed is None:
            unknown.append(str(d.get("id")))
        else:
            known.append((parsed[0], i, str(d.get("id"))))
    known.sort()
    return [k[2] for k in known] + unknown, unknown


# ---------------------------------------------------------------------------------------------------------
# Word / character diff with evidence marks


def _is_cjk(text: str, lang: object) -> bool:
    """True when the text should be diffed character by character."""
    if isinstance(lang, str) and lang.lower().split("-")[0] in _CJK_LANGS:
        return True
    return bool(_CJK_RE.search(text))


def _tokens(text: str, cjk: bool) -> list[tuple[int, int]]:
    """Token spans (start, end) of the text: characters for CJK, words/spaces/punctuation otherwise."""
    if cjk:
        return [(i, i + 1) for i in range(len(text))]
    return [(m.start(), m.end()) for m in _WORD_RE.finditer(text)]


# Below this similarity a word-level diff marks nearly every word and hides the evidence it should point to;
# two outlets' paraphrases of one claim are typically 20-40% alike, near-copies 60% and more.
MIN_DIFF_RATIO = 0.5


def diff_ratio(text_a: str, text_b: str, cjk: bool) -> float:
    """How alike two sentences are, word by word (characters for CJK): difflib's ratio, 0..1."""
    wa = [text_a[s:e] for s, e in _tokens(text_a, cjk) if not text_a[s:e].isspace()]
    wb = [text_b[s:e] for s, e in _tokens(text_b, cjk) if not text_b[s:e].isspace()]
    return difflib.SequenceMatcher(None, wa, wb, autojunk=False).ratio()


def changed_chars(text_a: str, text_b: str, cjk: bool) -> tuple[list[bool], list[bool]]:
    """Per-character flags of what differs between two sentences (difflib on words, or characters)."""
    ta, tb = _tokens(text_a, cjk), _tokens(text_b, cjk)
    wa = [text_a[s:e] for s, e in ta]
    wb = [text_b[s:e] for s, e in tb]
    flags_a, flags_b = [False] * len(text_a), [False] * len(text_b)
    matcher = difflib.SequenceMatcher(None, wa, wb, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        for k in range(i1, i2):
            if not wa[k].isspace():
                for c in range(*ta[k]):
                    flags_a[c] = True
        for k in range(j1, j2):
            if not wb[k].isspace():
                for c in range(*tb[k]):
                    flags_b[c] = True
    return flags_a, flags_b


def _runs(flags: Sequence[bool], start: int, end: int) -> Iterable[tuple[int, int, bool]]:
    """Maximal runs (s, e, flag) of equal flags in flags[start:end]."""
    i = start
    while i < end:
        j = i
        while j < end and flags[j] == flags[i]:
            j += 1
        yield i, j, flags[i]
        i = j


def evidence_span(evidence: Mapping[str, Any], sentence_start: int | None) -> tuple[int, int] | None:
    """Where the evidence span sits inside its sentence text (code points), or None if it cannot be found."""
    text = str(evidence.get("text") or "")
    span = str(evidence.get("evidence") or "")
    if not span:
        return None
    if sentence_start is not None:
        try:
            s = int(evidence["start"]) - sentence_start
            e = int(evidence["end"]) - sentence_start
        except (KeyError, TypeError, ValueError):
            s = e = -1
        if 0 <= s < e <= len(text) and text[s:e] == span:
            return s, e
    pos = text.find(span)
    return (pos, pos + len(span)) if pos >= 0 else None


def highlight(text: str, changed: Sequence[bool] | None, mark: tuple[int, int] | None) -> str:
    """Escaped HTML of a sentence with changed words in <span class="chg"> and the evidence in <mark>."""
    flags = list(changed) if changed is not None else [False] * len(text)
    marked = [False] * len(text)
    if mark is not None:
        for i in range(max(0, mark[0]), min(len(text), mark[1])):
            marked[i] = True
    out: list[str] = []
    for ms, me, is_marked in _runs(marked, 0, len(text)):
        if is_marked:
            out.append("<mark>")
        for cs, ce, is_changed in _runs(flags, ms, me):
            chunk = _e(text[cs:ce])
            out.append(f'<span class="chg">{chunk}</span>' if is_changed else chunk)
        if is_marked:
            out.append("</mark>")
    return "".join(out)


# ---------------------------------------------------------------------------------------------------------
# Rendering


class _Ctx:
    """Everything the section renderers need, computed once."""

    def __init__(self, report: Mapping[str, Any]) -> None:
        self.report = report
        self.docs = doc_index(report)
        self.doc_order = [str(d.get("id")) for d in report.get("documents") or []]
        self.reference = reference_of(report)
        self.sentences: dict[tuple[str, int], Mapping[str, Any]] = {}
        for s in report.get("sentences") or []:
            self.sentences[(str(s.get("doc")), int(s.get("index", 0)))] = s
        self.findings = ordered_findings(report)
        self.active = [f for f in self.findings if not f.get("suppressed")]
        self.suppressed = [f for f in self.findings if f.get("suppressed")]
        self.pub_order, self.unknown_times = publication_order(report)
        labels: list[str] = []
        for doc_id in self.pub_order:
            label = self.label(doc_id)
            if label not in labels:
                labels.append(label)
        for f in self.findings:  # documents a finding names but the documents list lacks
            for side in (f["a"], f.get("b")):
                if side is not None and self.label(str(side.get("doc"))) not in labels:
                    labels.append(self.label(str(side.get("doc"))))
        self.labels = labels
        self.omitted_by = omitting_documents(report)

    def label(self, doc_id: str) -> str:
        """Outlet or doc id."""
        return doc_label(self.docs, doc_id)

    def omitted_labels(self, finding: Mapping[str, Any]) -> list[str]:
        """The outlets that leave an omission finding's claim out (empty when unknown or not an omission)."""
        return list(dict.fromkeys(self.label(d) for d in self.omitted_by.get(str(finding.get("id")), [])))

    def lang(self, side: Mapping[str, Any]) -> object:
        """Language of an evidence side: its sentence's, else its document's."""
        sent = self.sentences.get((str(side.get("doc")), int(side.get("index", 0))))
        if sent is not None and sent.get("language"):
            return sent.get("language")
        doc = self.docs.get(str(side.get("doc")))
        return doc.get("language") if doc else None

    def sentence_start(self, side: Mapping[str, Any]) -> int | None:
        """Offset of the side's sentence in its document text, when the sentence is in the report."""
        sent = self.sentences.get((str(side.get("doc")), int(side.get("index", 0))))
        if sent is None:
            return None
        try:
            return int(sent["start"])
        except (KeyError, TypeError, ValueError):
            return None


def _count_table(
    caption: str,
    table_id: str,
    names: Sequence[str],
    active: dict[str, int],
    suppressed: dict[str, int],
    icons: bool,
) -> str:
    """A small count table (severity or type)."""
    rows = []
    for name in names:
        if not active.get(name) and not suppressed.get(name):
            continue
        label = _e(name)
        if icons:
            label = (
                f'<span class="sev sev-{_e(name)}"><span aria-hidden="true">'
                f"{SEVERITY_ICONS.get(name, '?')}</span> {_e(SEVERITY_LABELS.get(name, name))}</span>"
            )
        rows.append(
            f'<tr><th scope="row">{label}</th><td>{active.get(name, 0)}</td>'
            f"<td>{suppressed.get(name, 0)}</td></tr>"
        )
    if not rows:
        rows.append('<tr><td colspan="3">No findings.</td></tr>')
    return (
        f'<table id="{table_id}" class="counts"><caption>{_e(caption)}</caption>'
        '<thead><tr><th scope="col">Name</th><th scope="col">Findings</th><th scope="col">Suppressed</th>'
        "</tr></thead><tbody>" + "".join(rows) + "</tbody></table>"
    )


def _documents_table(ctx: _Ctx) -> str:
    """Overview table of the documents, in publication order."""
    rows = []
    for doc_id in ctx.pub_order:
        d = ctx.docs[doc_id]
        url = safe_http_url(d.get("url"))
        if url is not None:
            link = f'<a href="{_e(url)}" rel="noopener noreferrer" class="doclink">{_e(url)}</a>'
        elif d.get("url"):
            link = f'<span class="badurl">{_e(d.get("url"))} (not linked)</span>'
        else:
            link = "—"
        ref = ' <span class="reflabel">reference</span>' if doc_id == ctx.reference else ""
        note = f'<div class="note">{_e(d.get("note"))}</div>' if d.get("note") else ""
        rows.append(
            f'<tr id="doc-{_e(doc_id)}"><th scope="row">{_e(ctx.label(doc_id))}{ref}'
            f'<div class="docid">{_e(doc_id)}</div></th>'
            f'<td data-label="Title"{_lang_attr(d.get("language"))}>{_e(d.get("title") or "—")}{note}</td>'
            f'<td data-label="Published">{_e(d.get("published") or "unknown")}</td>'
            f'<td data-label="Language">{_e(d.get("language") or "unknown")}</td>'
            f'<td data-label="Original language">{_e(d.get("original_language") or "unknown")}</td>'
            f'<td data-label="Sentences">{_e(d.get("sentence_count"))}</td>'
            f'<td data-label="Link" class="url">{link}</td></tr>'
        )
    return (
        '<div class="scroll"><table id="documents-table"><caption>Documents</caption><thead><tr>'
        '<th scope="col">Outlet</th><th scope="col">Title</th><th scope="col">Published</th>'
        '<th scope="col">Language</th><th scope="col">Original language</th>'
        '<th scope="col">Sentences</th>'
        '<th scope="col">Link</th></tr></thead><tbody>' + "".join(rows) + "</tbody></table></div>"
    )


def _pair_grid(ctx: _Ctx) -> str:
    """Outlet x outlet counts of (unsuppressed) findings; the last column counts one-sided findings."""
    labels = ctx.labels
    pairs: dict[tuple[str, str], int] = {}
    one_sided: dict[str, int] = {}
    for f in ctx.active:
        la = ctx.label(str(f["a"].get("doc")))
        if f.get("b") is None:
            one_sided[la] = one_sided.get(la, 0) + 1
            continue
        lb = ctx.label(str(f["b"].get("doc")))
        pairs[(la, lb)] = pairs.get((la, lb), 0) + 1
        if la != lb:
            pairs[(lb, la)] = pairs.get((lb, la), 0) + 1
    head = "".join(f'<th scope="col">{_e(lb)}</th>' for lb in labels)
    rows = []
    for la in labels:
        cells = []
        for lb in labels:
            n = pairs.get((la, lb), 0)
            if n:
                cells.append(
                    f'<td><a href="#findings" class="pairlink" data-a="{_e(la)}" data-b="{_e(lb)}" '
                    f'aria-label="{n} findings between {_e(la)} and {_e(lb)}">{n}</a></td>'
                )
            else:
                cells.append('<td class="zero">0</td>')
        n1 = one_sided.get(la, 0)
        if n1:
            cells.append(
                f'<td><a href="#findings" class="pairlink" data-a="{_e(la)}" data-b="" '
                f'aria-label="{n1} one-sided findings in {_e(la)}">{n1}</a></td>'
            )
        else:
            cells.append('<td class="zero">0</td>')
        rows.append(f'<tr><th scope="row">{_e(la)}</th>{"".join(cells)}</tr>')
    return (
        '<div class="scroll"><table id="pair-grid" class="grid"><caption>Findings per pair of outlets '
        "(click a number to show those findings)</caption>"
        f'<thead><tr><td></td>{head}<th scope="col">one-sided</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


def _overview(ctx: _Ctx) -> str:
    """The overview section."""
    sev_a: dict[str, int] = {}
    sev_s: dict[str, int] = {}
    typ_a: dict[str, int] = {}
    typ_s: dict[str, int] = {}
    for f in ctx.findings:
        sev, typ = str(f.get("severity")), str(f.get("type"))
        if f.get("suppressed"):
            sev_s[sev] = sev_s.get(sev, 0) + 1
            typ_s[typ] = typ_s.get(typ, 0) + 1
        else:
            sev_a[sev] = sev_a.get(sev, 0) + 1
            typ_a[typ] = typ_a.get(typ, 0) + 1
    sev_names = list(SEVERITIES) + sorted((set(sev_a) | set(sev_s)) - set(SEVERITIES))
    typ_names = list(FINDING_TYPES) + sorted((set(typ_a) | set(typ_s)) - set(FINDING_TYPES))
    skipped = ctx.report.get("skipped") or []
    skipped_html = ""
    if skipped:
        items = "".join(f"<li><code>{_e(s.get('path'))}</code>: {_e(s.get('reason'))}</li>" for s in skipped)
        skipped_html = (
            f'<h3 id="skipped">Skipped inputs ({len(skipped)})</h3><ul class="skipped">{items}</ul>'
        )
    return (
        '<section id="overview" aria-labelledby="overview-h"><h2 id="overview-h">Overview</h2>'
        f"{_documents_table(ctx)}"
        '<div class="countgrid">'
        f"{_count_table('Findings by severity', 'by-severity', sev_names, sev_a, sev_s, True)}"
        f"{_count_table('Findings by type', 'by-type', typ_names, typ_a, typ_s, False)}"
        "</div>"
        f"{_pair_grid(ctx)}{skipped_html}</section>"
    )


def _side_html(
    ctx: _Ctx, side: Mapping[str, Any], changed: Sequence[bool] | None, role: str, is_reference: bool
) -> str:
    """One side of a finding card."""
    text = str(side.get("text") or "")
    doc_id = str(side.get("doc"))
    mark = evidence_span(side, ctx.sentence_start(side))
    ref = ' <span class="reflabel">reference</span>' if is_reference else ""
    value = side.get("value")
    value_html = f"<code>{_e(value)}</code>" if value is not None else '<span class="muted">none</span>'
    missing_mark = (
        ""
        if mark is not None or not side.get("evidence")
        else (f'<p class="muted">Evidence “{_e(side.get("evidence"))}” not found in the sentence.</p>')
    )
    if mark == (0, len(text)) and value is None:
        # The side that lacks the marker (a hedge, a negation) or the claim: marking its whole sentence
        # shows nothing; say what the evidence is instead.
        return (
            f'<div class="side side-{role}"><div class="sidehead"><strong>{_e(ctx.label(doc_id))}</strong>'
            f'{ref} <span class="docid">{_e(doc_id)} · {_e(where(ctx.docs, side))}</span></div>'
            f"<blockquote{_lang_attr(ctx.lang(side))}>{highlight(text, changed, None)}</blockquote>"
            '<p class="value">Evidence: the whole sentence, which lacks what the other side has.</p></div>'
        )
    return (
        f'<div class="side side-{role}"><div class="sidehead"><strong>{_e(ctx.label(doc_id))}</strong>{ref} '
        f'<span class="docid">{_e(doc_id)} · {_e(where(ctx.docs, side))}</span></div>'
        f"<blockquote{_lang_attr(ctx.lang(side))}>{highlight(text, changed, mark)}</blockquote>{missing_mark}"
        f'<p class="value">Evidence: <q{_lang_attr(ctx.lang(side))}>{_e(side.get("evidence"))}</q> · '
        f"normalised: {value_html}</p></div>"
    )


def _one_sided_note(finding: Mapping[str, Any], label: str, omitted: Sequence[str] = ()) -> str:
    """Explanation for the empty side of a one-sided finding."""
    typ = finding.get("type")
    if typ == "omission" and omitted:
        verb = "does" if len(omitted) == 1 else "do"
        why = f"{', '.join(omitted)} {verb} not tell this; {label} does (omitted)."
    elif typ == "omission":
        why = f"The other versions do not tell this; only {label} has it (omitted elsewhere)."
    elif typ == "addition":
        why = f"Only {label} tells this; no other version has a matching sentence (added)."
    else:
        why = f"No counterpart sentence: this finding about {label} is one-sided."
    return (
        f'<div class="side side-empty"><div class="sidehead"><strong>No counterpart</strong></div>'
        f'<p class="empty">— not told —</p><p class="muted">{_e(why)}</p></div>'
    )


def _card(ctx: _Ctx, finding: Mapping[str, Any]) -> str:
    """One finding card."""
    fid = str(finding.get("id"))
    sev = str(finding.get("severity"))
    typ = str(finding.get("type"))
    first, second = oriented(finding, ctx.reference)
    ca: list[bool] | None = None
    cb: list[bool] | None = None
    if second is not None:
        la, lb = ctx.lang(first), ctx.lang(second)
        ta, tb = str(first.get("text") or ""), str(second.get("text") or "")
        same_lang = (la or "") == (lb or "") or (la is None or lb is None)
        cjk = _is_cjk(ta, la) or _is_cjk(tb, lb)
        shared = diff_ratio(ta, tb, cjk) if same_lang else 0.0
        if same_lang and shared >= MIN_DIFF_RATIO:
            ca, cb = changed_chars(ta, tb, cjk)
            diff_note = ""
        elif same_lang:
            diff_note = (
                f'<p class="muted">Worded differently ({round(100 * shared)}% alike): no word-level '
                "diff, evidence marked.</p>"
            )
        else:
            diff_note = '<p class="muted">Different languages: no word-level diff, evidence marked.</p>'
        body = _side_html(ctx, first, ca, "a", str(first.get("doc")) == ctx.reference) + _side_html(
            ctx, second, cb, "b", str(second.get("doc")) == ctx.reference
        )
    else:
        diff_note = ""
        body = _side_html(ctx, first, None, "a", str(first.get("doc")) == ctx.reference) + _one_sided_note(
            finding, ctx.label(str(first.get("doc"))), ctx.omitted_labels(finding)
        )
    outlets = " ↔ ".join(_e(ctx.label(str(s.get("doc")))) for s in (first, second) if s is not None)
    supp = finding.get("suppression")
    supp_html = ""
    if finding.get("suppressed"):
        if isinstance(supp, Mapping):
            supp_html = (
                f'<p class="suppinfo">Suppressed: {_e(supp.get("reason") or "no reason given")} '
                f"— {_e(supp.get('reviewer') or 'unknown reviewer')}, "
                f"{_e(supp.get('date') or 'no date')}</p>"
            )
        else:
            supp_html = '<p class="suppinfo">Suppressed.</p>'
    segment = ""
    if finding.get("segment"):
        segment = f' <span class="segment">segment {_e(finding.get("segment"))}</span>'
    pre_id = f"supp-{fid}"
    return (
        f'<article class="card sev-{_e(sev)}" id="finding-{_e(fid)}" tabindex="0" data-fid="{_e(fid)}" '
        f'aria-labelledby="h-{_e(fid)}">'
        f'<h3 id="h-{_e(fid)}" class="cardhead"><span class="sev sev-{_e(sev)}"><span aria-hidden="true">'
        f"{SEVERITY_ICONS.get(sev, '?')}</span> {_e(SEVERITY_LABELS.get(sev, sev))}</span> "
        f'<span class="type">{_e(typ)}</span> <span class="outlets">{outlets}</span></h3>'
        f'<p class="msg">{_e(finding.get("message"))}{segment}</p>{supp_html}'
        f'<div class="pair">{body}</div>{diff_note}'
        f'<div class="cardfoot"><a class="permalink" href="#finding-{_e(fid)}">Permalink #{_e(fid)}</a>'
        f'<details class="suppress"><summary>Suppression entry</summary>'
        f'<pre id="{_e(pre_id)}">{_e(suppression_yaml(fid))}</pre>'
        f'<button type="button" class="copy" data-copy="{_e(pre_id)}">Copy</button>'
        f'<span class="copied" role="status"></span></details></div></article>'
    )


def _filters(ctx: _Ctx) -> str:
    """The filter bar (severity checkboxes, type/outlet selects, search, count)."""
    present_sev = {str(f.get("severity")) for f in ctx.findings}
    sev_boxes = "".join(
        f'<label class="chk"><input type="checkbox" name="sev" value="{_e(s)}" checked> '
        f'<span aria-hidden="true">{SEVERITY_ICONS.get(s, "?")}</span> '
        f"{_e(SEVERITY_LABELS.get(s, s))}</label>"
        for s in list(SEVERITIES) + sorted(present_sev - set(SEVERITIES))
    )
    types = [t for t in FINDING_TYPES if any(f.get("type") == t for f in ctx.findings)]
    types += sorted({str(f.get("type")) for f in ctx.findings} - set(FINDING_TYPES))
    type_opts = "".join(f'<option value="{_e(t)}">{_e(t)}</option>' for t in types)
    outlet_opts = "".join(f'<option value="{_e(lb)}">{_e(lb)}</option>' for lb in ctx.labels)
    n = len(ctx.active)
    return (
        '<form class="filters" id="filters" role="search" aria-label="Filter findings" action="#">'
        f"<fieldset><legend>Severity</legend>{sev_boxes}</fieldset>"
        f'<label>Type <select id="f-type"><option value="">all types</option>{type_opts}</select></label>'
        '<label>Outlet <select id="f-outlet"><option value="">all outlets</option>'
        f"{outlet_opts}</select></label>"
        '<label>Search <input type="search" id="f-search" placeholder="words, numbers, outlet, id"></label>'
        '<span id="f-pair" class="pairchip" hidden><span id="f-pair-text"></span> '
        '<button type="button" id="f-pair-clear">clear pair</button></span>'
        '<button type="reset" id="f-reset">Reset filters</button>'
        f'<p id="shown-count" class="count" aria-live="polite">{n} of {n} findings shown</p>'
        '<p class="hint">Keys: <kbd>j</kbd>/<kbd>k</kbd> or <kbd>↓</kbd>/<kbd>↑</kbd> '
        "move between findings.</p>"
        "</form>"
    )


def _findings_section(ctx: _Ctx) -> str:
    """Findings cards; in reference mode, the deviations from the reference lead."""
    parts = [
        '<section id="findings" aria-labelledby="findings-h"><h2 id="findings-h">Findings</h2>',
        _filters(ctx),
        '<p class="legend">Legend: <mark>evidence</mark> · <span class="chg">differing words</span> · '
        "severity as label and shape: ▲ high, ◆ medium, ● low, ℹ info.</p>",
    ]
    if not ctx.active:
        parts.append('<p class="empty-all">No findings.</p>')
    if ctx.reference is not None:
        ref_f = [f for f in ctx.active if involves(f, ctx.reference)]
        other = [f for f in ctx.active if not involves(f, ctx.reference)]
        ref_label = _e(ctx.label(ctx.reference))
        parts.append(
            f'<h3 id="reference-findings" class="group">Deviations from the reference: {ref_label} '
            f"({len(ref_f)})</h3>"
        )
        parts.append('<div class="cards">' + "".join(_card(ctx, f) for f in ref_f) + "</div>")
        parts.append(f'<h3 id="other-findings" class="group">Other findings ({len(other)})</h3>')
        parts.append('<div class="cards">' + "".join(_card(ctx, f) for f in other) + "</div>")
    else:
        parts.append('<div class="cards">' + "".join(_card(ctx, f) for f in ctx.active) + "</div>")
    parts.append("</section>")
    return "".join(parts)


def _suppressed_section(ctx: _Ctx) -> str:
    """Suppressed findings, collapsed but present."""
    n = len(ctx.suppressed)
    cards = "".join(_card(ctx, f) for f in ctx.suppressed) if n else "<p>No suppressed findings.</p>"
    return (
        '<section id="suppressed" aria-labelledby="suppressed-h"><h2 id="suppressed-h">'
        f'Suppressed findings ({n})</h2><details id="suppressed-details">'
        f"<summary>Show suppressed findings ({n})</summary>"
        f'<div class="cards">{cards}</div></details></section>'
    )


def variant_marks(report: Mapping[str, Any]) -> dict[str, dict[str, list[tuple[str, str]]]]:
    """Per group, per doc id: (mark, value) pairs where mark is "introduced" or "repeated".

    A value is a variant when some unsuppressed finding between two member sentences of the group carries it
    on the later-published side. Among the documents carrying that value, the earliest-published one is
    "introduced" and later ones "repeated" — only when every carrier's time is known and strictly ordered.
    """
    docs = doc_index(report)

    def when(doc_id: str) -> object:
        d = docs.get(doc_id)
        return d.get("published") if d else None

    def vkey(side: Mapping[str, Any]) -> str:
        value = side.get("value")
        return str(value) if value is not None else str(side.get("evidence"))

    result: dict[str, dict[str, list[tuple[str, str]]]] = {}
    for g in report.get("groups") or []:
        members = {(str(m.get("doc")), int(m.get("index", 0))) for m in g.get("members") or []}
        carriers: dict[str, set[str]] = {}
        variants: set[str] = set()
        for f in report.get("findings") or []:
            b = f.get("b")
            if f.get("suppressed") or b is None:
                continue
            a = f["a"]
            ka, kb = (str(a.get("doc")), int(a.get("index", 0))), (str(b.get("doc")), int(b.get("index", 0)))
            if ka not in members or kb not in members:
                continue
            carriers.setdefault(vkey(a), set()).add(ka[0])
            carriers.setdefault(vkey(b), set()).add(kb[0])
            order = strictly_before(when(ka[0]), when(kb[0]))
            if order is True:
                variants.add(vkey(b))
            elif order is False:
                variants.add(vkey(a))
        marks: dict[str, list[tuple[str, str]]] = {}
        for value in sorted(variants):
            docs_v = sorted(carriers.get(value, set()))
            if any(_parse_when(when(d)) is None for d in docs_v):
                continue
            earliest = [
                d for d in docs_v if all(o == d or strictly_before(when(d), when(o)) is True for o in docs_v)
            ]
            if len(earliest) != 1:
                continue
            first = earliest[0]
            marks.setdefault(first, []).append(("introduced", value))
            for d in docs_v:
                if d != first:
                    marks.setdefault(d, []).append(("repeated", value))
        if marks:
            result[str(g.get("id"))] = marks
    return result


def _claims_section(ctx: _Ctx) -> str:
    """Claim groups: one row per group, one column per document in publication order."""
    groups = list(ctx.report.get("groups") or [])
    columns = list(ctx.pub_order)
    marks = variant_marks(ctx.report)
    if ctx.unknown_times:
        names = ", ".join(ctx.label(d) for d in ctx.unknown_times)
        order_note = (
            f'<p class="order-note" id="order-note">Columns are ordered by publication time. '
            f"Order unknown for {_e(names)}: no publication time, shown last in input order.</p>"
        )
    else:
        order_note = '<p class="order-note" id="order-note">Columns are ordered by publication time.</p>'
    head = "".join(
        f'<th scope="col">{_e(ctx.label(d))}'
        f"{' <span class=reflabel>reference</span>' if d == ctx.reference else ''}"
        f'<div class="docid">{_e(ctx.docs[d].get("published") or "time unknown")}</div></th>'
        for d in columns
    )
    rows = []
    for g in groups:
        gid = str(g.get("id"))
        by_doc: dict[str, list[Mapping[str, Any]]] = {}
        for m in g.get("members") or []:
            by_doc.setdefault(str(m.get("doc")), []).append(m)
        missing = {str(x) for x in g.get("missing") or []}
        gmarks = marks.get(gid, {})
        cells = []
        for d in columns:
            if d in by_doc:
                texts = []
                for m in sorted(by_doc[d], key=lambda m: int(m.get("index", 0))):
                    sent = ctx.sentences.get((d, int(m.get("index", 0))))
                    if sent is None:
                        absent = _e(ordinal(m.get("index")))
                        texts.append(f'<p class="muted">[sentence {absent} not in report]</p>')
                    else:
                        lang = sent.get("language") or ctx.docs[d].get("language")
                        texts.append(f"<p{_lang_attr(lang)}>{_e(sent.get('text'))}</p>")
                badges = "".join(
                    f'<span class="badge badge-{kind}">{kind}: {_e(value)}</span>'
                    for kind, value in gmarks.get(d, [])
                )
                cells.append(f"<td>{''.join(texts)}{badges}</td>")
            elif d in missing:
                cells.append(f'<td class="missing">{NOT_TOLD}</td>')
            else:
                cells.append('<td class="unknown"><span class="muted">—</span></td>')
        rows.append(f'<tr id="claim-{_e(gid)}"><th scope="row">{_e(gid)}</th>{"".join(cells)}</tr>')
    table = (
        (
            '<div class="scroll"><table id="claims-table" class="claims"><caption>Claims across documents'
            f'</caption><thead><tr><th scope="col">Claim</th>{head}</tr></thead><tbody>{"".join(rows)}'
            "</tbody></table></div>"
        )
        if groups
        else "<p>No claim groups.</p>"
    )
    return (
        f'<section id="claims" aria-labelledby="claims-h"><h2 id="claims-h">Claims</h2>{order_note}'
        '<p class="hint">“introduced” marks the earliest-published version carrying a drifted value, '
        "“repeated” later ones carrying the same value (only where both times are known).</p>"
        f"{table}</section>"
    )


def _footer(report: Mapping[str, Any]) -> str:
    """The signature footer."""
    sig = report.get("signature") or {}
    thresholds = sig.get("thresholds") or {}
    thr = ""
    if isinstance(thresholds, Mapping):
        thr = ", ".join(f"{k}={v}" for k, v in sorted(thresholds.items()))
    langs = sig.get("languages") or []
    items = [
        ("driftcheck", sig.get("driftcheck")),
        ("encoder", sig.get("encoder")),
        ("dimension", sig.get("dimension")),
        ("languages", "+".join(str(x) for x in langs)),
        ("thresholds", thr),
        ("inputs_sha256", sig.get("inputs_sha256")),
    ]
    dl = "".join(f"<dt>{_e(k)}</dt><dd><code>{_e(v)}</code></dd>" for k, v in items)
    return (
        f'<footer id="signature"><h2>Signature</h2><dl class="sig">{dl}</dl>'
        '<p class="muted">Generated by driftcheck. This file loads nothing from the network.</p>'
        "</footer>"
    )


_CSS = """
:root{--fg:#1a1a1a;--bg:#fff;--muted:#595959;--line:#c8c8c8;--card:#fafafa;--hi:#b00020;--me:#8a4b00;
--lo:#0b5394;--in:#3d3d3d;--mark:#ffe066;--chg:#dbeafe;--focus:#1d4ed8}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans CJK SC",
"Noto Sans CJK JP","PingFang SC","Microsoft YaHei",sans-serif;color:var(--fg);background:var(--bg);
overflow-wrap:break-word}
td.url,code,pre,blockquote,.docid{overflow-wrap:anywhere}
td p{margin:0 0 4px}
[lang|=zh],[lang|=ja],[lang|=ko]{font-family:"Noto Sans CJK SC","Noto Sans CJK JP","Noto Sans CJK KR",
"PingFang SC","Hiragino Sans","Microsoft YaHei",sans-serif}
header,main,footer{max-width:1200px;margin:0 auto;padding:0 16px}
h1{font-size:1.6rem;margin:16px 0 4px}
h2{font-size:1.3rem;margin:28px 0 8px;border-bottom:2px solid var(--line)}
h3{font-size:1.05rem}
a{color:#0645ad}a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible,
summary:focus-visible,.card:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.card:focus{outline:3px solid var(--focus);outline-offset:2px}
.skip{position:absolute;left:-9999px}.skip:focus{left:8px;top:8px;background:#fff;padding:4px;z-index:9}
nav.toc ul{display:flex;flex-wrap:wrap;gap:4px 16px;list-style:none;padding:0;margin:8px 0}
table{border-collapse:collapse;margin:8px 0;font-size:.92rem}
th,td{border:1px solid var(--line);padding:4px 6px;text-align:left;vertical-align:top}
caption{text-align:left;font-weight:600;padding:4px 0}
.scroll{overflow-x:auto;max-width:100%}
.countgrid{display:flex;flex-wrap:wrap;gap:8px 24px}
.grid td{text-align:center}.grid td.zero{color:var(--muted)}
.docid{font-size:.8rem;color:var(--muted);font-weight:normal}
.muted{color:var(--muted)}.note{font-size:.85rem;color:var(--muted)}
.reflabel{display:inline-block;border:1px solid var(--fg);border-radius:3px;padding:0 4px;font-size:.75rem;
font-weight:600;text-transform:uppercase}
.filters{position:sticky;top:0;z-index:2;background:#f2f4f7;border:1px solid var(--line);padding:8px;
display:flex;flex-wrap:wrap;gap:8px 16px;align-items:center}
.filters fieldset{border:0;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:4px 10px}
.filters legend{font-weight:600;float:left;margin-right:6px}
.filters input[type=search]{width:14em;max-width:100%}
.filters .count{font-weight:700;margin:0;flex-basis:100%}
.filters .hint{margin:0;font-size:.8rem;color:var(--muted);flex-basis:100%}
.pairchip{background:#fff;border:1px solid var(--focus);border-radius:12px;padding:0 8px}
.card{border:1px solid var(--line);border-left:6px solid var(--in);background:var(--card);margin:12px 0;
padding:8px 12px;border-radius:4px;scroll-margin-top:140px}
.card.sev-high{border-left-color:var(--hi)}.card.sev-medium{border-left-color:var(--me)}
.card.sev-low{border-left-color:var(--lo)}
.cardhead{margin:4px 0;display:flex;flex-wrap:wrap;gap:4px 12px;align-items:baseline}
.sev{font-weight:700;white-space:nowrap}.sev-high .sev,.sev.sev-high{color:var(--hi)}
.sev.sev-medium{color:var(--me)}.sev.sev-low{color:var(--lo)}.sev.sev-info{color:var(--in)}
.type{font-family:ui-monospace,Menlo,Consolas,monospace;background:#eee;padding:0 4px;border-radius:3px}
.pair{display:grid;grid-template-columns:1fr 1fr;gap:12px}
@media (max-width:700px){.pair{grid-template-columns:1fr}.filters{position:static}
#documents-table thead{display:none}
#documents-table tr{display:block;border:1px solid var(--line);margin:0 0 8px}
#documents-table th,#documents-table td{display:block;border:0;padding:2px 6px}
#documents-table td::before{content:attr(data-label) ": ";font-weight:600}}
.side{border:1px solid var(--line);background:#fff;padding:6px 8px;border-radius:3px;min-width:0}
.side-empty{border-style:dashed}.empty{font-style:italic}
.sidehead{font-size:.9rem}
blockquote{margin:6px 0;padding:0 0 0 8px;border-left:3px solid var(--line)}
mark{background:var(--mark);color:inherit;outline:1px solid #b59a00}
.chg{background:var(--chg);text-decoration:underline dotted 2px;text-underline-offset:3px}
mark .chg{background:transparent;font-weight:700;text-decoration:underline solid 2px}
.value{font-size:.88rem;margin:4px 0}
.cardfoot{display:flex;flex-wrap:wrap;gap:8px 16px;align-items:flex-start;font-size:.88rem;margin-top:6px}
pre{background:#f4f4f4;border:1px solid var(--line);padding:6px;overflow-x:auto;max-width:100%;margin:4px 0}
.badge{display:inline-block;font-size:.75rem;border:1px solid var(--fg);border-radius:3px;padding:0 4px;
margin:2px 4px 0 0}
.badge-introduced{font-weight:700;border-width:2px}.badge-repeated{border-style:dashed}
td.missing{color:var(--muted);font-style:italic;text-align:center}
.claims td,.claims th{min-width:10em}
.claims th[scope=row]{min-width:4em}
.sig{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px}.sig dd{margin:0}
footer{margin-top:32px;padding-bottom:32px;font-size:.9rem}
@media print{
.filters,.skip,nav.toc,button,.copy,.hint,.permalink{display:none!important}
.card[hidden]{display:block!important}
.card{break-inside:avoid;background:#fff}
.scroll{overflow:visible}
body{font-size:11pt}
a.doclink::after{content:""}
}
"""

_JS = r"""
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("driftcheck-data").textContent);
  var byId = {};
  data.findings.forEach(function (f) { byId[f.id] = f; });
  var cards = Array.prototype.slice.call(document.querySelectorAll("article.card"));
  var countEl = document.getElementById("shown-count");
  var typeSel = document.getElementById("f-type");
  var outSel = document.getElementById("f-outlet");
  var search = document.getElementById("f-search");
  var pairChip = document.getElementById("f-pair");
  var pairText = document.getElementById("f-pair-text");
  var form = document.getElementById("filters");
  var sevBoxes = Array.prototype.slice.call(document.querySelectorAll("input[name=sev]"));
  var pair = null;
  function pairOk(f) {
    if (!pair) { return true; }
    var o = f.outlets;
    if (pair[1] === "") { return o.length === 1 && o[0] === pair[0]; }
    return o.length === 2 &&
      ((o[0] === pair[0] && o[1] === pair[1]) || (o[0] === pair[1] && o[1] === pair[0]));
  }
  function outletOk(f, o) {
    // An omission concerns the outlet that tells the claim and the outlets that leave it out.
    return !o || f.outlets.indexOf(o) >= 0 || f.omitted.indexOf(o) >= 0;
  }
  function apply() {
    var sev = {};
    sevBoxes.forEach(function (b) { if (b.checked) { sev[b.value] = true; } });
    var t = typeSel.value, o = outSel.value, q = search.value.trim().toLowerCase(), shown = 0;
    cards.forEach(function (c) {
      var f = byId[c.getAttribute("data-fid")];
      if (!f) { return; }
      var ok = !!sev[f.severity] && (!t || f.type === t) && outletOk(f, o) &&
        (!q || f.text.indexOf(q) >= 0) && pairOk(f);
      c.hidden = !ok;
      if (ok && !f.suppressed) { shown++; }
    });
    countEl.textContent = shown + " of " + data.active + " findings shown";
  }
  function clearPair() { pair = null; pairChip.hidden = true; }
  sevBoxes.forEach(function (b) { b.addEventListener("change", apply); });
  typeSel.addEventListener("change", apply);
  outSel.addEventListener("change", apply);
  search.addEventListener("input", apply);
  form.addEventListener("submit", function (ev) { ev.preventDefault(); });
  form.addEventListener("reset", function () { clearPair(); setTimeout(apply, 0); });
  document.getElementById("f-pair-clear").addEventListener("click", function () { clearPair(); apply(); });
  document.querySelectorAll("a.pairlink").forEach(function (a) {
    a.addEventListener("click", function () {
      pair = [a.getAttribute("data-a"), a.getAttribute("data-b")];
      pairText.textContent = "Pair: " + pair[0] + " × " + (pair[1] === "" ? "(one-sided)" : pair[1]);
      pairChip.hidden = false;
      apply();
    });
  });
  function visibleCards() {
    return cards.filter(function (c) { return !c.hidden && c.offsetParent !== null; });
  }
  function reveal(el) {
    for (var d = el.closest("details"); d; d = d.parentElement ? d.parentElement.closest("details") : null) {
      d.open = true;
    }
    if (el.hidden) { form.reset(); clearPair(); cards.forEach(function (c) { c.hidden = false; }); apply(); }
  }
  function toHash() {
    var id = decodeURIComponent(location.hash.slice(1));
    var el = id ? document.getElementById(id) : null;
    if (el && el.classList.contains("card")) {
      reveal(el);
      el.scrollIntoView({block: "start"});
      el.focus({preventScroll: true});
    }
  }
  window.addEventListener("hashchange", toHash);
  toHash();
  document.addEventListener("keydown", function (ev) {
    var tag = (ev.target && ev.target.tagName) || "";
    if (/INPUT|SELECT|TEXTAREA|BUTTON/.test(tag) || ev.altKey || ev.ctrlKey || ev.metaKey) { return; }
    var k = ev.key;
    var dir = (k === "j" || k === "ArrowDown") ? 1 : (k === "k" || k === "ArrowUp") ? -1 : 0;
    if (!dir) { return; }
    var v = visibleCards();
    var i = v.indexOf(document.activeElement);
    if (!v.length || (i < 0 && (k === "ArrowDown" || k === "ArrowUp"))) { return; }
    ev.preventDefault();
    var n = i < 0 ? 0 : Math.max(0, Math.min(v.length - 1, i + dir));
    v[n].focus();
    v[n].scrollIntoView({block: "nearest"});
  });
  document.querySelectorAll("button.copy").forEach(function (b) {
    b.addEventListener("click", function () {
      var pre = document.getElementById(b.getAttribute("data-copy"));
      var status = b.nextElementSibling;
      function fallback() {
        var r = document.createRange();
        r.selectNodeContents(pre);
        var sel = window.getSelection();
        sel.removeAllRanges();
        sel.addRange(r);
        var ok = false;
        try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
        status.textContent = ok ? "Copied" : "Selected: press Ctrl+C";
      }
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(pre.textContent)
          .then(function () { status.textContent = "Copied"; }, fallback);
      } else {
        fallback();
      }
    });
  });
  var opened = [];
  window.addEventListener("beforeprint", function () {
    opened = [];
    document.querySelectorAll("details").forEach(function (d) {
      if (!d.open) { d.open = true; opened.push(d); }
    });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (d) { d.open = false; });
    opened = [];
  });
  apply();
})();
"""


def _csp_hash(source: str) -> str:
    """A CSP sha256 source expression for an inline element's exact content."""
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def _js_data(ctx: _Ctx) -> dict[str, Any]:
    """The data the filter script needs: per finding its severity, type, outlets (and, for an omission, the
    outlets that leave the claim out) and search text."""
    items = []
    for f in ctx.findings:
        first, second = oriented(f, ctx.reference)
        sides = [s for s in (first, second) if s is not None]
        outlets = [ctx.label(str(s.get("doc"))) for s in sides]
        # The outlets that leave an omission's claim out: the outlet filter shows the finding for them too.
        omitted = ctx.omitted_labels(f)
        haystack = " ".join(
            [str(f.get("id")), str(f.get("type")), str(f.get("severity")), str(f.get("message"))]
            + outlets
            + omitted
            + [str(s.get("doc")) for s in sides]
            + [str(s.get(k) or "") for s in sides for k in ("text", "evidence", "value")]
        )
        items.append(
            {
                "id": str(f.get("id")),
                "severity": str(f.get("severity")),
                "type": str(f.get("type")),
                "outlets": outlets,
                "omitted": omitted,
                "suppressed": bool(f.get("suppressed")),
                "text": haystack.lower(),
            }
        )
    return {"active": len(ctx.active), "findings": items}


def render_html(report: Mapping[str, Any]) -> str:
    """Render the JSON report dict as one self-contained HTML page (deterministic, no network loads)."""
    ctx = _Ctx(report)
    n_docs = len(ctx.docs)
    ref_line = ""
    if ctx.reference is not None:
        n_ref = sum(1 for f in ctx.active if involves(f, ctx.reference))
        ref_line = (
            f'<p class="refline">Reference: <strong>{_e(ctx.label(ctx.reference))}</strong> '
            f"(<code>{_e(ctx.reference)}</code>) — findings are read as deviations from it; "
            f'<a href="#reference-findings">{n_ref} deviations</a> lead the findings.</p>'
        )
    summary = (
        f"{n_docs} documents, {len(ctx.active)} findings"
        + (f", {len(ctx.suppressed)} suppressed" if ctx.suppressed else "")
        + "."
    )
    body = (
        '<a class="skip" href="#findings">Skip to findings</a>'
        f'<header><h1>driftcheck report</h1><p class="lead">{_e(summary)}</p>{ref_line}'
        '<nav class="toc" aria-label="Sections"><ul><li><a href="#overview">Overview</a></li>'
        '<li><a href="#findings">Findings</a></li><li><a href="#claims">Claims</a></li>'
        '<li><a href="#suppressed">Suppressed</a></li><li><a href="#signature">Signature</a></li></ul></nav>'
        "</header><main>"
        + _overview(ctx)
        + _findings_section(ctx)
        + _claims_section(ctx)
        + _suppressed_section(ctx)
        + "</main>"
        + _footer(report)
    )
    data_json = _json_for_script(_js_data(ctx))
    csp = (
        "default-src 'none'; img-src data:; font-src 'none'; connect-src 'none'; object-src 'none'; "
        f"base-uri 'none'; form-action 'none'; style-src {_csp_hash(_CSS)}; script-src {_csp_hash(_JS)}"
    )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{_e(csp)}">'
        '<meta name="referrer" content="no-referrer">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        "<title>driftcheck report</title>"
        f"<style>{_CSS}</style></head><body>{body}"
        f'<script type="application/json" id="driftcheck-data">{data_json}</script>'
        f"<script>{_JS}</script></body></html>\n"
    )
