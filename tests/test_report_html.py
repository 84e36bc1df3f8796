"""Unit tests of the HTML report renderer on the hand-made tiny report (tests/data/report_tiny.json)."""

from __future__ import annotations

import base64
import copy
import hashlib
import json
import os
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from driftcheck.report_html import (
    changed_chars,
    evidence_span,
    highlight,
    render_html,
    safe_http_url,
    strictly_before,
)

HERE = Path(__file__).parent
TINY = HERE / "data" / "report_tiny.json"
GOLDEN = HERE / "golden" / "report_tiny.outline.txt"
SCHEMA = HERE.parent / "driftcheck" / "schema" / "report.schema.json"
PAYLOAD = "\"'><script>alert(1)</script><img src=x onerror=alert(1)></textarea>{{x}}&amp;\u2028"


def load_tiny() -> dict[str, Any]:
    """A fresh copy of the tiny report."""
    return json.loads(TINY.read_text(encoding="utf-8"))


@pytest.fixture()
def tiny() -> dict[str, Any]:
    """The tiny report dict."""
    return load_tiny()


class Tags(HTMLParser):
    """Collects start tags with attributes, text by element id, and a structural outline."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self._in_script: dict[str, str | None] | None = None
        self._script_text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._in_script = dict(attrs)
            self._script_text = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._in_script is not None:
            self.scripts.append((self._in_script, "".join(self._script_text)))
            self._in_script = None

    def handle_data(self, data: str) -> None:
        if self._in_script is not None:
            self._script_text.append(data)


def parse(html_text: str) -> Tags:
    """Parse HTML into a Tags collector."""
    p = Tags()
    p.feed(html_text)
    p.close()
    return p


class Outline(HTMLParser):
    """A normalised structural outline: headings, sections, cards, tables (rows x cols), details, pre ids."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self._heading: tuple[str, str, list[str]] | None = None
        self._tables: list[dict[str, Any]] = []
        self._summary: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        ident = f" #{a['id']}" if a.get("id") else ""
        if tag in ("h1", "h2", "h3"):
            self._heading = (tag, ident, [])
        elif tag in ("section", "article", "footer", "details", "pre", "form"):
            self.lines.append(f"{tag}{ident}")
        elif tag == "table":
            self._tables.append({"id": ident, "rows": 0, "cols": 0, "cur": 0})
        elif tag == "tr" and self._tables:
            t = self._tables[-1]
            t["rows"] += 1
            t["cur"] = 0
        elif tag in ("td", "th") and self._tables:
            t = self._tables[-1]
            t["cur"] += 1
            t["cols"] = max(t["cols"], t["cur"])
        elif tag == "summary":
            self._summary = []

    def handle_endtag(self, tag: str) -> None:
        if self._heading is not None and tag == self._heading[0]:
            level, ident, text = self._heading
            self.lines.append(f"{level}{ident}: {' '.join(''.join(text).split())}")
            self._heading = None
        elif tag == "table" and self._tables:
            t = self._tables.pop()
            self.lines.append(f"table{t['id']}: {t['rows']}x{t['cols']}")
        elif tag == "summary" and self._summary is not None:
            self.lines.append(f"summary: {' '.join(''.join(self._summary).split())}")
            self._summary = None

    def handle_data(self, data: str) -> None:
        if self._heading is not None:
            self._heading[2].append(data)
        if self._summary is not None:
            self._summary.append(data)


def outline(html_text: str) -> str:
    """The outline text of an HTML page."""
    p = Outline()
    p.feed(html_text)
    p.close()
    return "\n".join(p.lines) + "\n"


def table_cells(html_text: str, table_id: str) -> list[list[str]]:
    """Text of each cell of one table, row by row."""
    m = re.search(rf'<table id="{table_id}".*?</table>', html_text, re.S)
    assert m, table_id
    rows = []
    for tr in re.findall(r"<tr.*?</tr>", m.group(0), re.S):
        cells = re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", tr, re.S)
        rows.append([" ".join(re.sub(r"<[^>]+>", " ", c).split()) for c in cells])
    return rows


def map_strings(obj: Any, fn: Any) -> Any:
    """Apply fn to every string value (not keys) in a JSON-like structure."""
    if isinstance(obj, dict):
        return {k: map_strings(v, fn) for k, v in obj.items()}
    if isinstance(obj, list):
        return [map_strings(v, fn) for v in obj]
    if isinstance(obj, str):
        return fn(obj)
    return obj


# ----------------------------------------------------------------------------------------------------------


def test_fixture_validates_against_schema(tiny: dict[str, Any]) -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(tiny)


def test_output_is_deterministic_and_independent_of_key_order(tiny: dict[str, Any]) -> None:
    first = render_html(tiny)
    reordered = json.loads(json.dumps(tiny, sort_keys=False))
    reordered = {k: reordered[k] for k in reversed(list(reordered))}
    assert render_html(copy.deepcopy(tiny)) == first
    assert render_html(reordered) == first


def test_every_field_is_escaped(tiny: dict[str, Any]) -> None:
    hostile = map_strings(tiny, lambda s: s + PAYLOAD)
    hostile["reference"] = tiny["documents"][0]["id"] + PAYLOAD
    html_text = render_html(hostile)
    assert "<script>alert" not in html_text
    assert "<img" not in html_text
    assert "</textarea>" not in html_text
    assert "\u2028" not in html_text.split('id="driftcheck-data">', 1)[1]
    p = parse(html_text)
    names = {t for t, _ in p.tags}
    assert "img" not in names and "iframe" not in names and "svg" not in names
    for tag, attrs in p.tags:
        assert not any(k.startswith("on") for k in attrs), (tag, attrs)
    assert len(p.scripts) == 2
    data_attrs, data_text = p.scripts[0]
    assert data_attrs.get("type") == "application/json"
    assert "<" not in data_text and ">" not in data_text and "&" not in data_text
    data = json.loads(data_text)
    assert data["findings"][0]["text"].count("<script>alert(1)</script>") >= 1
    # the payload is shown as text: its escaped form is in the page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html_text


def test_script_data_escapes_line_separators_and_markup(tiny: dict[str, Any]) -> None:
    tiny["findings"][0]["message"] = "a\u2028b\u2029c </script><!-- & >"
    html_text = render_html(tiny)
    blob = html_text.split('id="driftcheck-data">', 1)[1].split("</script>", 1)[0]
    assert "\\u2028" in blob and "\\u2029" in blob and "\\u003c/script\\u003e" in blob and "\\u0026" in blob
    assert "\u2028" not in blob


def test_csp_forbids_network_and_hashes_the_inline_code(tiny: dict[str, Any]) -> None:
    html_text = render_html(tiny)
    m = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', html_text)
    assert m
    csp = m.group(1).replace("&#x27;", "'")
    assert "default-src 'none'" in csp and "connect-src 'none'" in csp
    script = parse(html_text).scripts[1][1]
    style = re.search(r"<style>(.*?)</style>", html_text, re.S)
    assert style
    for src in (script, style.group(1)):
        digest = base64.b64encode(hashlib.sha256(src.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in csp


def test_no_external_urls_except_document_links(tiny: dict[str, Any]) -> None:
    tiny["documents"][1]["url"] = "javascript:alert(1)"  # decoder
    html_text = render_html(tiny)
    p = parse(html_text)
    external = []
    for tag, attrs in p.tags:
        assert "src" not in attrs, (tag, attrs)
        assert tag not in ("link", "iframe", "object", "embed", "img", "base")
        href = attrs.get("href")
        if href is not None and not href.startswith("#"):
            external.append(href)
            assert href.startswith(("https://", "http://"))
            assert attrs.get("rel") == "noopener noreferrer"
    assert sorted(external) == sorted(
        d["url"] for d in tiny["documents"] if d["url"] and d["url"].startswith("http")
    )
    assert "javascript:alert(1) (not linked)" in html_text
    assert "url(" not in re.search(r"<style>(.*?)</style>", html_text, re.S).group(1)  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://example.com/a?b=1", True),
        ("http://example.com", True),
        ("HTTPS://EXAMPLE.COM", True),
        ("javascript:alert(1)", False),
        (" javascript:alert(1)", False),
        ("data:text/html,<script>", False),
        ("//evil.example/", False),
        ("https://exa mple.com", False),
        ("https:evil", False),
        (None, False),
    ],
)
def test_safe_http_url(url: str | None, ok: bool) -> None:
    assert (safe_http_url(url) is not None) is ok


def test_pair_grid_counts(tiny: dict[str, Any]) -> None:
    rows = table_cells(render_html(tiny), "pair-grid")
    header = rows[0]
    labels = ["The Decoder", "heise online", "Example Daily", "Wire Service", "tmtpost-zh"]
    assert header[1:] == [*labels, "one-sided"]
    grid = {r[0]: dict(zip(header[1:], (int(x) for x in r[1:]), strict=True)) for r in rows[1:]}
    assert grid["The Decoder"]["Example Daily"] == 2 == grid["Example Daily"]["The Decoder"]
    assert grid["heise online"]["Example Daily"] == 1
    assert grid["The Decoder"]["heise online"] == 1
    assert grid["The Decoder"]["Wire Service"] == 1
    assert grid["tmtpost-zh"]["Example Daily"] == 1
    assert grid["tmtpost-zh"]["one-sided"] == 1
    assert grid["heise online"]["one-sided"] == 0  # the suppressed omission is not counted
    assert sum(sum(v for k, v in r.items() if k != "one-sided") for r in grid.values()) == 2 * 6


def test_outlet_falls_back_to_doc_id(tiny: dict[str, Any]) -> None:
    html_text = render_html(tiny)
    assert '<option value="tmtpost-zh">tmtpost-zh</option>' in html_text
    assert '<option value="The Decoder">The Decoder</option>' in html_text


def test_severity_and_type_counts(tiny: dict[str, Any]) -> None:
    html_text = render_html(tiny)
    sev = {r[0]: r[1:] for r in table_cells(html_text, "by-severity")[1:]}
    assert sev == {"▲ HIGH": ["3", "0"], "◆ MEDIUM": ["2", "0"], "● LOW": ["1", "1"], "ℹ INFO": ["1", "0"]}
    typ = {r[0]: r[1:] for r in table_cells(html_text, "by-type")[1:]}
    assert typ["number_value"] == ["4", "0"] and typ["omission"] == ["0", "1"]
    assert "7 of 7 findings shown" in html_text


def test_claims_columns_follow_publication_order_with_unknown_last(tiny: dict[str, Any]) -> None:
    html_text = render_html(tiny)
    head = table_cells(html_text, "claims-table")[0]
    assert [h.split()[0] for h in head] == ["Claim", "The", "heise", "Example", "Wire", "tmtpost-zh"]
    assert "Order unknown for tmtpost-zh" in html_text


def test_claims_unknown_dates_keep_input_order_and_are_named(tiny: dict[str, Any]) -> None:
    for d in tiny["documents"]:
        if d["id"] in ("heise", "wire"):
            d["published"] = None
    html_text = render_html(tiny)
    head = table_cells(html_text, "claims-table")[0]
    # known: decoder (01-25), daily (01-28); unknown in input order: heise, tmtpost-zh, wire
    assert [h.split()[0] for h in head[1:]] == ["The", "Example", "heise", "tmtpost-zh", "Wire"]
    assert "Order unknown for heise online, tmtpost-zh, Wire Service" in html_text


def test_claims_unparseable_date_is_unknown_not_guessed(tiny: dict[str, Any]) -> None:
    tiny["documents"][0]["published"] = "last Tuesday"  # daily
    html_text = render_html(tiny)
    assert "Order unknown for Example Daily, tmtpost-zh" in html_text


def test_claims_cells_and_not_told(tiny: dict[str, Any]) -> None:
    rows = {r[0]: r[1:] for r in table_cells(render_html(tiny), "claims-table")[1:]}
    assert rows["g002"][2:] == ["— not told —"] * 3
    assert rows["g003"][:4] == ["— not told —"] * 4
    assert rows["g003"][4].startswith("Meta计划今年投入")


def test_claims_introduced_and_repeated_marks(tiny: dict[str, Any]) -> None:
    rows = {r[0]: r[1:] for r in table_cells(render_html(tiny), "claims-table")[1:]}
    decoder, _heise, daily, wire, zh = rows["g001"]
    assert "introduced: 5500000 USD" in daily and "repeated: 5500000 USD" in wire
    assert "introduced" not in decoder and "repeated" not in decoder
    assert "introduced" not in zh and "repeated" not in zh  # time unknown: never guessed
    assert "introduced: 400 parameters" in rows["g002"][1]


def test_claims_marks_need_known_times(tiny: dict[str, Any]) -> None:
    for d in tiny["documents"]:
        if d["id"] == "daily":
            d["published"] = None
    rows = {r[0]: r[1:] for r in table_cells(render_html(tiny), "claims-table")[1:]}
    assert not any("5500000 USD" in cell for cell in rows["g001"])


@pytest.mark.parametrize(
    ("x", "y", "expected"),
    [
        ("2025-01-25", "2025-01-27T08:30:00+01:00", True),
        ("2025-01-27T08:30:00+01:00", "2025-01-27T08:00:00Z", True),
        ("2025-01-27", "2025-01-27T08:00:00Z", None),
        ("2025-01-28", "2025-01-27", False),
        (None, "2025-01-27", None),
        ("soon", "2025-01-27", None),
    ],
)
def test_strictly_before(x: str | None, y: str | None, expected: bool | None) -> None:
    assert strictly_before(x, y) is expected


def test_reference_mode_leads_with_reference_findings(tiny: dict[str, Any]) -> None:
    tiny["reference"] = "daily"
    html_text = render_html(tiny)
    assert html_text.index('id="reference-findings"') < html_text.index('id="other-findings"')
    findings_part = html_text.split('id="reference-findings"', 1)[1].split('id="other-findings"', 1)[0]
    cards = re.findall(r'<article class="card[^"]*" id="finding-([^"]+)"', findings_part)
    assert sorted(cards) == ["a1f0c3d2e4b50001", "a1f0c3d2e4b50002", "c3d2e5b4a6970004", "d4c3f6a5b7080005"]
    for card in re.findall(r'<article class="card.*?</article>', findings_part, re.S):
        first_side = re.search(r'<div class="side side-a">(.*?)</div>', card, re.S)
        assert first_side and "Example Daily" in first_side.group(1) and "reference" in first_side.group(1)
    assert "Reference: <strong>Example Daily</strong>" in html_text


def test_no_reference_section_without_reference(tiny: dict[str, Any]) -> None:
    html_text = render_html(tiny)
    assert 'id="reference-findings"' not in html_text
    tiny["reference"] = "no-such-doc"
    assert render_html(tiny) == html_text


def test_suppressed_findings_in_collapsed_section(tiny: dict[str, Any]) -> None:
    html_text = render_html(tiny)
    findings_part = html_text.split('<section id="findings"', 1)[1].split("</section>", 1)[0]
    suppressed_part = html_text.split('<section id="suppressed"', 1)[1].split("</section>", 1)[0]
    assert 'id="finding-0a7b6c9e8fa30008"' not in findings_part
    assert 'id="finding-0a7b6c9e8fa30008"' in suppressed_part
    assert '<details id="suppressed-details">' in suppressed_part  # collapsed: no "open" attribute
    assert "Headlines differ by design." in suppressed_part and "jd" in suppressed_part


def test_permalinks_and_suppression_entries(tiny: dict[str, Any]) -> None:
    html_text = render_html(tiny)
    for f in tiny["findings"]:
        fid = f["id"]
        assert html_text.count(f'id="finding-{fid}"') == 1
        assert f'href="#finding-{fid}"' in html_text
        pre = re.search(rf'<pre id="supp-{fid}">(.*?)</pre>', html_text, re.S)
        assert pre
        entry = yaml.safe_load(pre.group(1).replace("&quot;", '"'))
        assert entry == [{"id": fid, "reason": "", "reviewer": "", "date": "YYYY-MM-DD"}]
        assert f'data-copy="supp-{fid}"' in html_text


def test_numeric_looking_id_stays_a_string_in_yaml(tiny: dict[str, Any]) -> None:
    tiny["findings"][0]["id"] = "00012345"
    pre = re.search(r'<pre id="supp-00012345">(.*?)</pre>', render_html(tiny), re.S)
    assert pre
    assert yaml.safe_load(pre.group(1).replace("&quot;", '"'))[0]["id"] == "00012345"


def test_one_sided_finding_explained(tiny: dict[str, Any]) -> None:
    html_text = render_html(tiny)
    card = re.search(r'<article[^>]+id="finding-f6a5b8d7e92a0007".*?</article>', html_text, re.S)
    assert card
    assert 'class="side side-empty"' in card.group(0) and "— not told —" in card.group(0)
    assert "added" in card.group(0)


def test_sentence_text_carries_lang(tiny: dict[str, Any]) -> None:
    html_text = render_html(tiny)
    assert '<blockquote lang="zh">DeepSeek-V3的训练成本仅为<mark>560万美元</mark>。</blockquote>' in html_text
    assert '<p lang="de">Das Training von Deepseek-V3' in html_text


def test_evidence_marked_by_offsets_not_first_occurrence() -> None:
    side = {"text": "5 apples and 5 pears", "evidence": "5", "start": 113, "end": 114}
    assert evidence_span(side, 100) == (13, 14)
    assert evidence_span(side, None) == (0, 1)  # sentence unknown: first occurrence
    assert evidence_span({"text": "abc", "evidence": "zzz", "start": 0, "end": 3}, 0) is None


def test_word_diff_and_mark_nesting() -> None:
    a, b = "It cost $5.6 million to train.", "It cost just $5.5 million to train."
    fa, fb = changed_chars(a, b, cjk=False)
    changed_a = "".join(ch for ch, f in zip(a, fa, strict=True) if f)
    changed_b = "".join(ch for ch, f in zip(b, fb, strict=True) if f)
    assert changed_a == "5.6" and changed_b == "just5.5"
    out = highlight(a, fa, (8, 20))
    assert out == 'It cost <mark>$<span class="chg">5.6</span> million</mark> to train.'


def test_character_diff_for_chinese() -> None:
    a, b = "训练成本仅为560万美元。", "训练成本仅为550万美元。"
    fa, _ = changed_chars(a, b, cjk=True)
    assert "".join(ch for ch, f in zip(a, fa, strict=True) if f) == "6"


def test_cross_language_pairs_skip_the_diff(tiny: dict[str, Any]) -> None:
    html_text = render_html(tiny)
    card = re.search(r'<article[^>]+id="finding-e5b4a7c6d8190006".*?</article>', html_text, re.S)
    assert card and 'class="chg"' not in card.group(0) and "Different languages" in card.group(0)


def test_signature_footer(tiny: dict[str, Any]) -> None:
    footer = render_html(tiny).split('<footer id="signature">', 1)[1]
    for needle in (
        "0.1.0",
        "fast-use:universal-sentence-encoder-multilingual",
        "512",
        "de+en+zh",
        "align=0.6, group=0.55",
        tiny["signature"]["inputs_sha256"],
    ):
        assert needle in footer


def test_empty_report_renders() -> None:
    tiny = load_tiny()
    for key in ("documents", "sentences", "alignments", "groups", "findings", "skipped"):
        tiny[key] = []
    html_text = render_html(tiny)
    assert "0 of 0 findings shown" in html_text and "No findings." in html_text


def test_outline_matches_golden(tiny: dict[str, Any]) -> None:
    got = outline(render_html(tiny))
    if os.environ.get("DRIFTCHECK_UPDATE_GOLDEN") == "1":
        GOLDEN.parent.mkdir(parents=True, exist_ok=True)
        GOLDEN.write_text(got, encoding="utf-8")
    assert GOLDEN.exists(), "run with DRIFTCHECK_UPDATE_GOLDEN=1 to create the golden outline"
    assert got == GOLDEN.read_text(encoding="utf-8")


def test_word_diff_only_where_the_sentences_are_alike(tiny: dict[str, Any]) -> None:
    from driftcheck.report_html import MIN_DIFF_RATIO, diff_ratio

    near = ("Meta plans to invest $65 billion in 2025.", "Meta plans to invest $60 billion in 2025.")
    loose = (
        "The startup achieved this with a training budget of just $5.5 million.",
        "Specifically, it is said to have cost 5.6 million US dollars in pure training costs.",
    )
    assert diff_ratio(*near, cjk=False) >= MIN_DIFF_RATIO > diff_ratio(*loose, cjk=False)

    def card_for(a: str, b: str) -> str:
        report = copy.deepcopy(tiny)
        finding = copy.deepcopy(next(f for f in report["findings"] if f["b"] is not None))
        finding["a"].update(text=a, evidence=a.split()[0], start=0, end=len(a.split()[0]))
        finding["b"].update(text=b, evidence=b.split()[0], start=0, end=len(b.split()[0]))
        finding["b"]["doc"] = finding["a"]["doc"]
        report["findings"] = [finding]
        return render_html(report)

    assert "Worded differently" not in card_for(*near)
    assert "Worded differently" in card_for(*loose)


# ---------------------------------------------------------------------------------------------------------
# Omissions and the outlet filter: an omission is about the outlet that tells the claim AND the outlets that
# leave it out; the filter data carries the latter ("omitted"), so choosing an omitting outlet shows it.

OMISSION = "0a7b6c9e8fa30008"  # tiny: heise sentence 0, one-sided


def with_omission_group(
    report: dict[str, Any], missing: list[str], keyed_to: str | None = None
) -> dict[str, Any]:
    """The tiny report with a claim group holding the omission's sentence and leaving `missing` out.

    With `keyed_to`, the finding gets the fingerprint compare gives the omission of that document."""
    report["groups"].append({"id": "g009", "members": [{"doc": "heise", "index": 0}], "missing": missing})
    if keyed_to is not None:
        from driftcheck.compare import fingerprint
        from driftcheck.models import Evidence

        finding = next(f for f in report["findings"] if f["id"] == OMISSION)
        a = finding["a"]
        side = Evidence(a["doc"], a["index"], a["text"], a["evidence"], a["start"], a["end"], a["value"])
        finding["id"] = fingerprint(f"omission:{keyed_to}", side, None)
    return report


def filter_data(html_text: str) -> dict[str, dict[str, Any]]:
    """The filter script's data per finding id."""
    data = json.loads(parse(html_text).scripts[0][1])
    return {f["id"]: f for f in data["findings"]}


def test_omission_filter_data_names_the_omitting_outlet(tiny: dict[str, Any]) -> None:
    html_text = render_html(with_omission_group(tiny, ["wire"]))
    data = filter_data(html_text)
    assert data[OMISSION]["outlets"] == ["heise online"]
    assert data[OMISSION]["omitted"] == ["Wire Service"]
    assert "wire service" in data[OMISSION]["text"]  # the search finds it by the omitting outlet too
    assert all(f["omitted"] == [] for fid, f in data.items() if fid != OMISSION)
    card = re.search(rf'<article[^>]+id="finding-{OMISSION}".*?</article>', html_text, re.S)
    assert card and "Wire Service does not tell this; heise online does (omitted)." in card.group(0)
    # the filter script consults it
    script = parse(html_text).scripts[1][1]
    assert "f.omitted.indexOf(o) >= 0" in script


def test_omission_of_a_group_missing_several_is_keyed_by_its_fingerprint(tiny: dict[str, Any]) -> None:
    report = with_omission_group(tiny, ["daily", "wire", "tmtpost-zh"], keyed_to="tmtpost-zh")
    data = filter_data(render_html(report))
    omission = next(f for f in data.values() if f["type"] == "omission")
    assert omission["omitted"] == ["tmtpost-zh"]  # no outlet: labelled by its id


def test_omission_in_a_two_document_report_is_the_other_documents(tmp_path: Path) -> None:
    from driftcheck.report_json import report_dict
    from driftcheck.translation import run_pairs

    source = tmp_path / "m.jsonl"  # segment u1 is not translated: a one-sided omission in the source
    rows = [
        {"id": "u1", "source": "Willkommen zurück!", "target": ""},
        {"id": "u2", "source": "Gut.", "target": "Good."},
    ]
    source.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    data = filter_data(render_html(report_dict(run_pairs(str(source)))))
    [omission] = [f for f in data.values() if f["type"] == "omission"]
    assert omission["outlets"] == ["source"] and omission["omitted"] == ["target"]


def test_omission_without_group_information_omits_nothing(tiny: dict[str, Any]) -> None:
    assert filter_data(render_html(tiny))[OMISSION]["omitted"] == []


def test_sentences_are_numbered_as_editors_count(tiny: dict[str, Any]) -> None:
    # The JSON keeps 0-based indices; cards say "sentence 1" for the first sentence, as finding messages do.
    from driftcheck.report_text import render_markdown

    finding = next(f for f in tiny["findings"] if f["a"]["index"] == 0)
    doc = finding["a"]["doc"]
    html_text = render_html(tiny)
    assert f"{doc} · line 1, sentence 1</span>" in html_text
    assert f"{doc} · line 1, sentence 0</span>" not in html_text
    assert f"in {doc}, line 1, sentence 1:" in render_markdown(tiny)


def test_a_side_without_its_document_text_says_the_sentence_only(tiny: dict[str, Any]) -> None:
    finding = next(f for f in tiny["findings"] if f["a"]["index"] == 0)
    doc = finding["a"]["doc"]
    for d in tiny["documents"]:
        if d["id"] == doc:
            d["text"] = None
    assert f"{doc} · sentence 1</span>" in render_html(tiny)


def test_the_side_that_lacks_a_marker_is_not_marked_whole(tiny: dict[str, Any]) -> None:
    """A hedge card marked the whole unhedged sentence as evidence, with "normalised: none"."""
    finding = tiny["findings"][0]
    side = finding["b"]
    sentence_start = next(
        s["start"] for s in tiny["sentences"] if (s["doc"], s["index"]) == (side["doc"], side["index"])
    )
    finding["type"], finding["message"] = "hedge", "a hedges the claim ('is said to'); b states it as fact"
    side.update(
        evidence=side["text"], value=None, start=sentence_start, end=sentence_start + len(side["text"])
    )
    card = render_html(tiny).split(f'id="finding-{finding["id"]}"', 1)[1].split("</article>", 1)[0]
    assert "the whole sentence, which lacks what the other side has" in card
    assert card.count("<mark") == 1  # the hedged side's marker only
