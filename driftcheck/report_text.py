"""Plain renderings of a driftcheck report: Markdown for tickets/CMS notes, a rich table for the terminal."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from rich.table import Table
from rich.text import Text

from driftcheck.models import SEVERITIES
from driftcheck.report_html import (
    SEVERITY_ICONS,
    SEVERITY_LABELS,
    doc_index,
    doc_label,
    involves,
    ordered_findings,
    oriented,
    reference_of,
    where,
)

__all__ = ["findings_table", "render_markdown"]

# Characters that could start Markdown/HTML syntax in a ticket or CMS note; escaped with a backslash.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")
_WS = re.compile(r"\s+")
SEVERITY_STYLES = {"high": "bold red", "medium": "bold yellow", "low": "cyan", "info": "dim"}


def md_escape(text: object) -> str:
    """Text made inert for Markdown: one line, syntax characters backslash-escaped, & as &amp;."""
    one_line = _WS.sub(" ", "" if text is None else str(text)).strip()
    return _MD_SPECIAL.sub(r"\\\1", one_line.replace("&", "&amp;"))


def _code(text: object) -> str:
    """A one-line Markdown code span (backticks and line breaks removed)."""
    return "`" + _WS.sub(" ", str(text)).replace("`", "'").strip() + "`"


def _quote(text: object) -> str:
    """An escaped, typographically quoted span."""
    return f"“{md_escape(text)}”"


def _side_line(docs: Mapping[str, Mapping[str, Any]], side: Mapping[str, Any], is_ref: bool) -> str:
    """One Markdown bullet for one side of a finding."""
    doc_id = str(side.get("doc"))
    ref = " (reference)" if is_ref else ""
    value = side.get("value")
    value_part = f" — normalised: {md_escape(value)}" if value is not None else ""
    return (
        f"- **{md_escape(doc_label(docs, doc_id))}**{ref}: {_quote(side.get('evidence'))}{value_part}  \n"
        f"  in {md_escape(doc_id)}, {md_escape(where(docs, side))}: "
        f"{_quote(side.get('text'))}"
    )


def _finding_md(report: Mapping[str, Any], finding: Mapping[str, Any], n: int) -> list[str]:
    """Markdown lines of one finding."""
    docs = doc_index(report)
    reference = reference_of(report)
    first, second = oriented(finding, reference)
    sev = str(finding.get("severity"))
    sides = [s for s in (first, second) if s is not None]
    outlets = " vs ".join(md_escape(doc_label(docs, str(s.get("doc")))) for s in sides)
    lines = [
        f"### {n}. [{SEVERITY_LABELS.get(sev, md_escape(sev))}] {_code(finding.get('type'))} — {outlets}",
        "",
        f"**Message:** {md_escape(finding.get('message'))}",
        "",
        _side_line(docs, first, str(first.get("doc")) == reference),
    ]
    if second is not None:
        lines.append(_side_line(docs, second, str(second.get("doc")) == reference))
    else:
        lines.append("- other versions: — not told — (one-sided finding)")
    lines.append(f"- finding id: {_code(finding.get('id'))}")
    supp = finding.get("suppression")
    if finding.get("suppressed") and isinstance(supp, Mapping):
        lines.append(
            f"- suppressed: {md_escape(supp.get('reason') or 'no reason given')} "
            f"({md_escape(supp.get('reviewer') or 'unknown reviewer')}, "
            f"{md_escape(supp.get('date') or 'no date')})"
        )
    lines.append("")
    return lines


def render_markdown(report: Mapping[str, Any]) -> str:
    """The findings as a Markdown list an editor can paste into a ticket or CMS note."""
    findings = ordered_findings(report)
    active = [f for f in findings if not f.get("suppressed")]
    suppressed = [f for f in findings if f.get("suppressed")]
    docs = doc_index(report)
    reference = reference_of(report)
    counts = {s: sum(1 for f in active if f.get("severity") == s) for s in SEVERITIES}
    count_text = ", ".join(f"{counts[s]} {s}" for s in SEVERITIES if counts[s])
    lines = ["# driftcheck findings", ""]
    lines.append(f"{len(active)} findings" + (f" ({count_text})" if count_text else "")
                 + (f", {len(suppressed)} suppressed" if suppressed else "") + ".")
    lines.append("")
    if reference is not None:
        n_ref = sum(1 for f in active if involves(f, reference))
        lines += [f"Reference: **{md_escape(doc_label(docs, reference))}** ({md_escape(reference)}); "
                  f"{n_ref} findings deviate from it and are listed first.", ""]
    for n, f in enumerate(active, start=1):
        lines += _finding_md(report, f, n)
    if suppressed:
        lines += ["## Suppressed", ""]
        for n, f in enumerate(suppressed, start=1):
            lines += _finding_md(report, f, n)
    sig = report.get("signature") or {}
    thresholds = sig.get("thresholds") or {}
    thr = ""
    if isinstance(thresholds, Mapping):
        thr = ",".join(f"{k}={v}" for k, v in sorted(thresholds.items()))
    langs = "+".join(str(x) for x in sig.get("languages") or [])
    lines.append(
        f"Signature: driftcheck {md_escape(sig.get('driftcheck'))}, encoder {md_escape(sig.get('encoder'))}, "
        f"dim {md_escape(sig.get('dimension'))}, langs {md_escape(langs)}, {md_escape(thr)}, "
        f"inputs {md_escape(str(sig.get('inputs_sha256') or '')[:12])}"
    )
    return "\n".join(lines).rstrip("\n") + "\n"


def findings_table(report: Mapping[str, Any]) -> Table:
    """A rich Table of the unsuppressed findings: severity, type, the two outlets and evidence spans."""
    docs = doc_index(report)
    reference = reference_of(report)
    findings = ordered_findings(report)
    active = [f for f in findings if not f.get("suppressed")]
    n_supp = len(findings) - len(active)
    caption = f"{len(active)} findings" + (f", {n_supp} suppressed not shown" if n_supp else "")
    if reference is not None:
        caption += f"; reference: {doc_label(docs, reference)}"
    table = Table(title="driftcheck findings", caption=caption, show_lines=True)
    table.add_column("Severity", no_wrap=True)
    table.add_column("Type", no_wrap=True)
    table.add_column("Outlet A")
    table.add_column("Evidence A", overflow="fold")
    table.add_column("Outlet B")
    table.add_column("Evidence B", overflow="fold")
    table.add_column("ID", overflow="fold")
    for f in active:
        first, second = oriented(f, reference)
        sev = str(f.get("severity"))
        sev_text = Text(f"{SEVERITY_ICONS.get(sev, '?')} {SEVERITY_LABELS.get(sev, sev)}",
                        style=SEVERITY_STYLES.get(sev, ""))
        out_a = doc_label(docs, str(first.get("doc"))) + (" (ref)" if first.get("doc") == reference else "")
        if second is not None:
            out_b = Text(doc_label(docs, str(second.get("doc"))))
            ev_b = Text(f"“{second.get('evidence')}”")
        else:
            out_b = Text("—", style="dim")
            ev_b = Text("— not told —", style="dim")
        table.add_row(
            sev_text,
            Text(str(f.get("type"))),
            Text(out_a),
            Text(f"“{first.get('evidence')}”"),
            out_b,
            ev_b,
            Text(str(f.get("id"))),
        )
    return table
