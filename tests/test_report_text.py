"""Tests of the Markdown findings list and the rich terminal table."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from driftcheck.report_text import findings_table, md_escape, render_markdown

TINY = Path(__file__).parent / "data" / "report_tiny.json"


@pytest.fixture()
def tiny() -> dict[str, Any]:
    """The tiny report dict."""
    return json.loads(TINY.read_text(encoding="utf-8"))


def table_text(report: dict[str, Any]) -> str:
    """The table as plain terminal text."""
    console = Console(record=True, width=220, color_system=None)
    console.print(findings_table(report))
    return console.export_text()


def test_markdown_lists_each_active_finding_with_evidence(tiny: dict[str, Any]) -> None:
    md = render_markdown(tiny)
    assert md.startswith("# driftcheck findings\n")
    assert "7 findings (3 high, 2 medium, 1 low, 1 info), 1 suppressed." in md
    for f in tiny["findings"]:
        assert f"`{f['id']}`" in md
    assert "### 1. [HIGH] `number_value` — The Decoder vs Example Daily" in md
    assert "“$5.6 million”" in md and "“$5.5 million”" in md and "“560万美元”" in md
    assert "— normalised: 5600000 USD" in md
    assert "- other versions: — not told — (one-sided finding)" in md


def test_markdown_orders_by_severity(tiny: dict[str, Any]) -> None:
    md = render_markdown(tiny).split("## Suppressed", 1)[0]
    order = [md.index(f"[{s}]") for s in ("HIGH", "MEDIUM", "LOW", "INFO")]
    assert order == sorted(order)


def test_markdown_suppressed_section(tiny: dict[str, Any]) -> None:
    active, suppressed = render_markdown(tiny).split("## Suppressed", 1)
    assert "0a7b6c9e8fa30008" not in active
    assert "0a7b6c9e8fa30008" in suppressed and "Headlines differ by design." in suppressed


def test_markdown_reference_side_first(tiny: dict[str, Any]) -> None:
    tiny["reference"] = "daily"
    md = render_markdown(tiny)
    assert "Reference: **Example Daily** (daily); 4 findings deviate from it" in md
    first = md.split("### 1.", 1)[1].split("### 2.", 1)[0]
    assert "— Example Daily vs" in first
    assert first.index("**Example Daily** (reference)") < first.index("**The Decoder**")


def test_markdown_is_inert(tiny: dict[str, Any]) -> None:
    f = tiny["findings"][0]
    f["message"] = "line one\n# heading\n<script>alert(1)</script> [x](javascript:alert(1)) *bold* `code`"
    f["a"]["evidence"] = "<img src=x onerror=alert(1)>"
    md = render_markdown(tiny)
    assert not re.search(r"(?<!\\)<", md), "every < is backslash-escaped"
    assert "\\<script\\>" in md and "\\[x\\](javascript:alert(1))" in md and "\\*bold\\*" in md
    assert "\n# heading" not in md
    assert all(not line.startswith(("<", "# heading")) for line in md.splitlines())


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [("a_b*c", "a\\_b\\*c"), ("x\ny  z", "x y z"), ("A & B", "A &amp; B"), ("[l](u)", "\\[l\\](u)")],
)
def test_md_escape(raw: str, escaped: str) -> None:
    assert md_escape(raw) == escaped


def test_markdown_is_deterministic(tiny: dict[str, Any]) -> None:
    assert render_markdown(tiny) == render_markdown(json.loads(json.dumps(tiny)))


def test_table_has_one_row_per_active_finding(tiny: dict[str, Any]) -> None:
    table = findings_table(tiny)
    assert table.row_count == 7
    assert [c.header for c in table.columns][:6] == [
        "Severity", "Type", "Outlet A", "Evidence A", "Outlet B", "Evidence B"
    ]
    text = table_text(tiny)
    assert "▲ HIGH" in text and "ℹ INFO" in text
    assert "“405 billion parameters”" in text and "“around 400 parameters”" in text
    assert "— not told —" in text
    assert "1 suppressed not shown" in text


def test_table_does_not_interpret_rich_markup(tiny: dict[str, Any]) -> None:
    tiny["findings"][0]["a"]["evidence"] = "[bold red]boom[/bold red] [link=https://evil.example]x[/link]"
    text = table_text(tiny)
    assert "[bold red]boom[/bold red]" in text
    assert "[link=https://evil.example]x[/link]" in text


def test_table_reference_mode(tiny: dict[str, Any]) -> None:
    tiny["reference"] = "daily"
    text = table_text(tiny)
    assert "reference: Example Daily" in text
    assert "Example Daily (ref)" in text


def test_each_side_says_the_line_of_its_document_an_editor_can_search(tiny: dict[str, Any]) -> None:
    """Sentence numbers alone sent an editor searching the file for the text."""
    md = render_markdown(tiny)
    docs = {d["id"]: d["text"] for d in tiny["documents"]}
    shown = 0
    for f in tiny["findings"]:
        for side in (f["a"], f["b"]):
            if side is None or side["doc"] not in docs:
                continue
            line = docs[side["doc"]].count("\n", 0, side["start"]) + 1
            sentence = side["index"] + 1
            assert f"in {side['doc']}, line {line}, sentence {sentence}:" in md
            shown += 1
    assert shown
