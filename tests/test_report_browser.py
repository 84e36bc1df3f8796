"""The HTML report in real headless Chromium: filters, permalinks, phone width, injection, CLI output."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from driftcheck.report_html import render_html

pytestmark = [pytest.mark.browser, pytest.mark.slow]

REPO = Path(__file__).resolve().parent.parent
TINY = REPO / "tests" / "data" / "report_tiny.json"
INJECTION = REPO / "tests" / "data" / "injection"
SCHEMA = REPO / "driftcheck" / "schema" / "report.schema.json"
CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

if not CHROMIUM.exists():
    if os.environ.get("CI"):
        raise RuntimeError("/usr/bin/chromium is required for browser tests when CI is set")
    pytest.skip("Debian chromium not installed", allow_module_level=True)

sync_api = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """One headless Chromium for the module."""
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


class Watched:
    """A page with every dialog, console error, page error and non-file request recorded."""

    def __init__(self, browser: Any, width: int = 1280, height: int = 900) -> None:
        self.context = browser.new_context(viewport={"width": width, "height": height})
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.requests: list[str] = []

        def on_route(route: Any) -> None:
            if route.request.url.startswith("file://"):
                route.continue_()
            else:
                self.requests.append(route.request.url)
                route.abort()

        self.context.route("**/*", on_route)
        self.page = self.context.new_page()
        self.page.on("dialog", self._on_dialog)
        self.page.on("console", self._on_console)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", self._on_request)

    def _on_dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def _on_console(self, msg: Any) -> None:
        if msg.type in ("error", "warning"):
            self.errors.append(msg.text)

    def _on_request(self, request: Any) -> None:
        if not request.url.startswith("file://"):
            self.requests.append(request.url)

    def open(self, path: Path, fragment: str = "") -> Any:
        """Load a file and wait for it."""
        self.page.goto(path.as_uri() + fragment)
        self.page.wait_for_load_state("load")
        return self.page

    def close(self) -> None:
        """Close the context."""
        self.context.close()


@pytest.fixture()
def tiny_html(tmp_path: Path) -> Path:
    """The tiny report rendered to a file."""
    out = tmp_path / "report_tiny.html"
    out.write_text(render_html(json.loads(TINY.read_text(encoding="utf-8"))), encoding="utf-8")
    return out


@pytest.fixture()
def watched(browser: Any) -> Iterator[Watched]:
    """A watched desktop-size page."""
    w = Watched(browser)
    yield w
    w.close()


def shown(page: Any) -> int:
    """Number of visible finding cards in the findings section."""
    return int(page.locator("#findings article.card:visible").count())


def test_opens_cleanly_and_counts(watched: Watched, tiny_html: Path) -> None:
    page = watched.open(tiny_html)
    assert shown(page) == 7
    assert page.inner_text("#shown-count") == "7 of 7 findings shown"
    assert watched.errors == [] and watched.requests == [] and watched.dialogs == []


def test_severity_filter(watched: Watched, tiny_html: Path) -> None:
    page = watched.open(tiny_html)
    page.locator("input[name=sev][value=high]").uncheck()
    assert shown(page) == 4
    assert page.inner_text("#shown-count") == "4 of 7 findings shown"
    page.locator("input[name=sev][value=high]").check()
    assert shown(page) == 7


def test_type_filter(watched: Watched, tiny_html: Path) -> None:
    page = watched.open(tiny_html)
    page.select_option("#f-type", "entity")
    assert shown(page) == 1
    assert page.locator("#finding-c3d2e5b4a6970004").is_visible()


def test_outlet_filter(watched: Watched, tiny_html: Path) -> None:
    page = watched.open(tiny_html)
    page.select_option("#f-outlet", "Wire Service")
    assert shown(page) == 1
    page.select_option("#f-outlet", "Example Daily")
    assert shown(page) == 4


def test_outlet_filter_shows_omissions_for_the_outlet_that_omits(watched: Watched, tmp_path: Path) -> None:
    """An omission is keyed to the outlet that tells the claim; choosing the outlet that leaves it out must
    show it too (it used to be hidden)."""
    report = json.loads(TINY.read_text(encoding="utf-8"))
    omission = "0a7b6c9e8fa30008"  # heise sentence 0; put it in a claim group Wire Service does not tell
    report["groups"].append({"id": "g009", "members": [{"doc": "heise", "index": 0}], "missing": ["wire"]})
    finding = next(f for f in report["findings"] if f["id"] == omission)
    finding["suppressed"], finding["suppression"] = False, None  # among the findings, not the suppressed
    out = tmp_path / "omission.html"
    out.write_text(render_html(report), encoding="utf-8")
    page = watched.open(out)
    page.select_option("#f-outlet", "Wire Service")
    assert shown(page) == 2  # its number_value finding and the omission it leaves out
    assert page.locator(f"#finding-{omission}").is_visible()
    page.select_option("#f-outlet", "heise online")
    assert page.locator(f"#finding-{omission}").is_visible()
    page.select_option("#f-outlet", "Example Daily")
    assert shown(page) == 4 and not page.locator(f"#finding-{omission}").is_visible()
    assert watched.errors == []


def test_search_filter(watched: Watched, tiny_html: Path) -> None:
    page = watched.open(tiny_html)
    page.fill("#f-search", "405 billion")
    assert shown(page) == 1
    page.fill("#f-search", "560万")
    assert shown(page) == 1
    page.fill("#f-search", "no such words")
    assert shown(page) == 0
    assert page.inner_text("#shown-count") == "0 of 7 findings shown"
    page.click("#f-reset")
    page.wait_for_function("document.getElementById('shown-count').textContent.startsWith('7 of')")
    assert shown(page) == 7


def test_pair_grid_link_filters(watched: Watched, tiny_html: Path) -> None:
    page = watched.open(tiny_html)
    page.click('#pair-grid a.pairlink[data-a="The Decoder"][data-b="Example Daily"]')
    assert shown(page) == 2
    assert "The Decoder × Example Daily" in page.inner_text("#f-pair")
    page.click("#f-pair-clear")
    assert shown(page) == 7


def test_permalink_scrolls_card_into_view(watched: Watched, tiny_html: Path) -> None:
    page = watched.open(tiny_html, "#finding-f6a5b8d7e92a0007")
    card = page.locator("#finding-f6a5b8d7e92a0007")
    sync_api.expect(card).to_be_in_viewport()
    assert page.evaluate("window.scrollY") > 0
    assert page.evaluate("document.activeElement.id") == "finding-f6a5b8d7e92a0007"


def test_permalink_opens_suppressed_section(watched: Watched, tiny_html: Path) -> None:
    page = watched.open(tiny_html)
    assert not page.locator("#finding-0a7b6c9e8fa30008").is_visible()
    page.goto(tiny_html.as_uri() + "#finding-0a7b6c9e8fa30008")
    sync_api.expect(page.locator("#finding-0a7b6c9e8fa30008")).to_be_in_viewport()


def test_keyboard_walks_cards(watched: Watched, tiny_html: Path) -> None:
    page = watched.open(tiny_html)
    page.locator("#findings article.card").first.focus()
    first = page.evaluate("document.activeElement.id")
    page.keyboard.press("j")
    second = page.evaluate("document.activeElement.id")
    page.keyboard.press("ArrowDown")
    third = page.evaluate("document.activeElement.id")
    page.keyboard.press("k")
    assert len({first, second, third}) == 3
    assert page.evaluate("document.activeElement.id") == second
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"


def test_copy_button_reports(watched: Watched, tiny_html: Path) -> None:
    page = watched.open(tiny_html)
    card = page.locator("#finding-a1f0c3d2e4b50001")
    card.locator("summary").click()
    card.locator("button.copy").click()
    sync_api.expect(card.locator(".copied")).not_to_have_text("")


@pytest.mark.parametrize("width", [375, 1280])
def test_no_horizontal_page_scroll(browser: Any, tiny_html: Path, width: int, tmp_path: Path) -> None:
    w = Watched(browser, width=width, height=900)
    try:
        page = w.open(tiny_html)
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        page.screenshot(path=str(tmp_path / f"overview_{width}.png"))
        page.locator("#claims").screenshot(path=str(tmp_path / f"claims_{width}.png"))
        assert w.errors == []
    finally:
        w.close()


def test_chinese_text_uses_cjk_font(watched: Watched, tiny_html: Path) -> None:
    page = watched.open(tiny_html)
    family = page.evaluate("getComputedStyle(document.querySelector('blockquote[lang=zh]')).fontFamily")
    assert "Noto Sans CJK" in family


def test_print_media_hides_filters_and_shows_all_cards(watched: Watched, tiny_html: Path) -> None:
    page = watched.open(tiny_html)
    page.select_option("#f-type", "entity")
    page.emulate_media(media="print")
    assert not page.locator("#filters").is_visible()
    assert page.locator("#findings article.card:visible").count() == 7


# ---------------------------------------------------------------------------------------------------------
# Injection


def injection_report() -> dict[str, Any]:
    """A hand-made, schema-valid report whose sentences and evidence are the injection corpus lines."""
    documents, sentences, findings, groups = [], [], [], []
    files = sorted(INJECTION.glob("*.txt"))
    per_doc: dict[str, list[str]] = {}
    for path in files:
        text = path.read_text(encoding="utf-8")
        doc_id = path.stem
        lines = [ln for ln in text.split("\n") if ln.strip()]
        per_doc[doc_id] = lines
        for i, line in enumerate(lines):
            start = text.index(line)
            sentences.append(
                {
                    "doc": doc_id,
                    "index": i,
                    "text": line,
                    "language": "en",
                    "kind": "body",
                    "start": start,
                    "end": start + len(line),
                }
            )
        documents.append(
            {
                "id": doc_id,
                "path": str(path),
                "url": "javascript:alert(1)",
                "title": lines[0],
                "outlet": lines[0][:40],
                "published": None,
                "language": "en",
                "original_language": None,
                "note": "</script><script>alert(1)</script>",
                "sentence_count": len(lines),
                "text": text,
            }
        )
    ids = sorted(per_doc)
    n = 0
    for x in range(len(ids)):
        for y in range(x + 1, len(ids)):
            for i in range(min(len(per_doc[ids[x]]), len(per_doc[ids[y]]))):
                la, lb = per_doc[ids[x]][i], per_doc[ids[y]][i]
                n += 1
                findings.append(
                    {
                        "id": f"inj{n:05d}<x>",
                        "type": "quote",
                        "severity": "high",
                        "message": la + " vs " + lb,
                        "suppressed": n % 5 == 0,
                        "segment": "<b>seg</b>",
                        "a": {
                            "doc": ids[x],
                            "index": i,
                            "text": la,
                            "evidence": la[:20],
                            "start": 0,
                            "end": 20,
                            "value": "<script>alert(1)</script>",
                        },
                        "b": {
                            "doc": ids[y],
                            "index": i,
                            "text": lb,
                            "evidence": lb[-20:],
                            "start": 0,
                            "end": 20,
                            "value": "javascript:alert(1)",
                        },
                    }
                )
    groups.append({"id": "<g1>", "members": [{"doc": d, "index": 0} for d in ids], "missing": []})
    report = {
        "schema": "driftcheck.report/1",
        "signature": {
            "driftcheck": "<script>alert(1)</script>",
            "encoder": "{{x}}",
            "dimension": 1,
            "languages": ["en"],
            "thresholds": {"</style>": 0.5},
            "inputs_sha256": "0" * 64,
        },
        "reference": ids[0],
        "documents": documents,
        "sentences": sentences,
        "alignments": [],
        "groups": groups,
        "findings": findings,
        "skipped": [{"path": "<img src=x onerror=alert(1)>", "reason": "</textarea>"}],
        "summary": {
            "documents": len(documents),
            "sentences": len(sentences),
            "alignments": 0,
            "findings_by_type": {"quote": len(findings)},
            "findings_by_severity": {"high": len(findings)},
        },
    }
    jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text(encoding="utf-8"))).validate(report)
    return report


def test_injection_corpus_renders_inert(watched: Watched, tmp_path: Path) -> None:
    report = injection_report()
    out = tmp_path / "injection.html"
    out.write_text(render_html(report), encoding="utf-8")
    page = watched.open(out)
    page.locator("#suppressed-details > summary").click()
    page.locator("details.suppress > summary").first.click()
    page.fill("#f-search", "alert")
    page.fill("#f-search", "")
    assert watched.dialogs == []
    assert watched.errors == []
    assert watched.requests == []
    assert page.locator("img, iframe, svg, b").count() == 0
    body = page.inner_text("body")
    assert "<script>alert(1)</script>" in body
    assert "<img src=x onerror=alert(1)>" in body
    assert '<a href="javascript:alert(1)">details</a>' in body
    assert "</textarea></script><svg onload=alert(1)>" in body
    assert "{{constructor.constructor('alert(1)')()}}" in body
    assert page.locator("a[href^=javascript]").count() == 0
    data = page.evaluate("JSON.parse(document.getElementById('driftcheck-data').textContent)")
    assert len(data["findings"]) == len(report["findings"])
    assert data["findings"][0]["id"] == "inj00001<x>"


# ---------------------------------------------------------------------------------------------------------
# Through the CLI (needs the lead's `driftcheck compare`)


def run_cli(inputs: str, tmp_path: Path) -> tuple[Path, dict[str, Any]]:
    """Run `driftcheck compare INPUTS --html --json` from the repo root; return the HTML path and report."""
    html_out, json_out = tmp_path / "out.html", tmp_path / "out.json"
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "driftcheck",
            "compare",
            inputs,
            "--html",
            str(html_out),
            "--json",
            str(json_out),
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert proc.returncode in (0, 1), proc.stderr[-2000:]
    assert html_out.exists() and json_out.exists(), proc.stderr[-2000:]
    report = json.loads(json_out.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text(encoding="utf-8"))).validate(report)
    return html_out, report


def test_cli_bundled_corpus_html(watched: Watched, tmp_path: Path) -> None:
    html_out, report = run_cli("corpus", tmp_path)
    assert html_out.read_text(encoding="utf-8") == render_html(report)
    page = watched.open(html_out)
    active = [f for f in report["findings"] if not f["suppressed"]]
    assert page.inner_text("#shown-count") == f"{len(active)} of {len(active)} findings shown"
    assert page.locator("article.card").count() == len(report["findings"])
    assert watched.errors == [] and watched.requests == [] and watched.dialogs == []
    page.screenshot(path=str(tmp_path / "corpus_overview.png"))
    page.set_viewport_size({"width": 375, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth") <= 375


def test_cli_bundled_corpus_filters_and_permalink(watched: Watched, tmp_path: Path) -> None:
    """On the real corpus report: every filter changes what is shown, by the counts the JSON implies."""
    html_out, report = run_cli("corpus", tmp_path)
    active = [f for f in report["findings"] if not f["suppressed"]]
    page = watched.open(html_out)
    assert shown(page) == len(active)
    high = sum(1 for f in active if f["severity"] == "high")
    assert 0 < high < len(active), "the corpus has high findings and others"
    page.locator("input[name=sev][value=high]").uncheck()
    assert shown(page) == len(active) - high
    page.locator("input[name=sev][value=high]").check()
    page.select_option("#f-type", "number_scale")
    assert shown(page) == sum(1 for f in active if f["type"] == "number_scale") >= 1
    page.select_option("#f-type", "")
    involving_heise = sum(1 for f in active if "heise" in (f["a"]["doc"], (f["b"] or {}).get("doc")))
    page.select_option("#f-outlet", "heise")
    assert shown(page) == involving_heise
    # An omission shows for the outlet that tells the claim and for the one that leaves it out (compare words
    # its message "<doc> does not tell this claim, ..."; `summary` has no outlet: its label is its id).
    omissions = [
        f for f in active if f["type"] == "omission" and f["message"].startswith("summary does not tell")
    ]
    assert omissions, "the corpus summary leaves claims out"
    involving_summary = sum(1 for f in active if "summary" in (f["a"]["doc"], (f["b"] or {}).get("doc")))
    page.select_option("#f-outlet", "summary")
    assert shown(page) == involving_summary + len(omissions)
    for f in omissions:
        assert page.locator(f"#finding-{f['id']}").is_visible()
    page.select_option("#f-outlet", "")
    page.fill("#f-search", "405 billion")
    assert 1 <= shown(page) < len(active)
    page.click("#f-reset")
    reset = f"document.getElementById('shown-count').textContent.startsWith('{len(active)} of')"
    page.wait_for_function(reset)
    target = next(f for f in active if f["type"] == "addition")
    permalink = watched.open(html_out, f"#finding-{target['id']}")
    sync_api.expect(permalink.locator(f"#finding-{target['id']}")).to_be_in_viewport()
    assert watched.errors == [] and watched.requests == [] and watched.dialogs == []


def test_cli_injection_corpus_html(watched: Watched, tmp_path: Path) -> None:
    html_out, report = run_cli(str(INJECTION.relative_to(REPO)), tmp_path)
    page = watched.open(html_out)
    if page.locator("#suppressed-details").count():
        page.locator("#suppressed-details > summary").click()
    assert watched.dialogs == [] and watched.errors == [] and watched.requests == []
    assert page.locator("img, iframe, svg").count() == 0
    body = " ".join(page.inner_text("body").split())
    for f in report["findings"]:
        assert " ".join(f["a"]["text"].split()) in body
