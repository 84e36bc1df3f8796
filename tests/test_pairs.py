"""`driftcheck pairs`: given segment pairs (TSV, JSONL, TMX, XLIFF) end to end through the CLI."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
import typer
from conftest import validate_report
from typer.testing import CliRunner

from driftcheck.report_json import report_dict
from driftcheck.translation import findings_csv, run_pairs

# Segment 2 loses a scale word, segment 3 a placeholder; segment 1 is a correct translation.
ROWS = [
    ("u1", "Hallo {name}, Sie haben %d neue Nachrichten.", "Hello {name}, you have %d new messages."),
    ("u2", "Das Modell hat rund 400 Milliarden Parameter.", "The model has around 400 parameters."),
    ("u3", "Willkommen zurück, {name}!", "Welcome back!"),
]


def _tsv(path: Path) -> None:
    lines = ["id\tsource\ttarget", *("\t".join(row) for row in ROWS)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _jsonl(path: Path) -> None:
    path.write_text(
        "".join(
            json.dumps({"id": i, "source": s, "target": t, "source_lang": "de", "target_lang": "en"}) + "\n"
            for i, s, t in ROWS
        ),
        encoding="utf-8",
    )


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;")


def _tmx(path: Path) -> None:
    units = "".join(
        f'<tu tuid="{i}"><tuv xml:lang="de"><seg>{_esc(s)}</seg></tuv>'
        f'<tuv xml:lang="en"><seg>{_esc(t)}</seg></tuv></tu>'
        for i, s, t in ROWS
    )
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?><tmx version="1.4"><header srclang="de" '
        'datatype="plaintext" segtype="sentence" adminlang="en" creationtool="t" '
        f'creationtoolversion="1" o-tmf="x"/><body>{units}</body></tmx>',
        encoding="utf-8",
    )


def _xliff(path: Path) -> None:
    units = "".join(
        f'<trans-unit id="{i}"><source>{_esc(s)}</source><target>{_esc(t)}</target></trans-unit>'
        for i, s, t in ROWS
    )
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?><xliff version="1.2" '
        'xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="de" '
        f'target-language="en" datatype="plaintext" original="x"><body>{units}</body></file>'
        "</xliff>",
        encoding="utf-8",
    )


WRITERS = {"tsv": _tsv, "jsonl": _jsonl, "tmx": _tmx, "xlf": _xliff}


@pytest.fixture(scope="module")
def app() -> typer.Typer:
    from driftcheck.cli import app as main_app
    from driftcheck.cli_translation import register

    register(main_app)
    return main_app


def _invoke(app: typer.Typer, *args: str) -> Any:
    return CliRunner().invoke(app, ["pairs", *args])


@pytest.mark.parametrize("ext", sorted(WRITERS))
def test_every_format_end_to_end_csv_and_json(app: typer.Typer, tmp_path: Path, ext: str) -> None:
    source = tmp_path / f"memory.{ext}"
    WRITERS[ext](source)
    out_csv, out_json = tmp_path / "f.csv", tmp_path / "f.json"
    result = _invoke(
        app, str(source), "--format", "csv", "--output", str(out_csv), "--json", str(out_json), "--quiet"
    )
    assert result.exit_code == 0, result.output
    data = json.loads(out_json.read_text(encoding="utf-8"))
    validate_report(data)
    assert data["signature"]["encoder"] == "none (pairs given)" and data["signature"]["dimension"] == 0
    found = {(f["segment"], f["type"]) for f in data["findings"] if f["severity"] != "info"}
    assert found == {("u2", "number_scale"), ("u3", "omission")}
    assert all(f["segment"] for f in data["findings"])
    rows = list(csv.DictReader(io.StringIO(out_csv.read_text(encoding="utf-8"))))
    assert {(r["segment"], r["type"]) for r in rows if r["severity"] != "info"} == found
    scale = next(r for r in rows if r["type"] == "number_scale")
    assert scale["source_evidence"] == "rund 400 Milliarden Parameter"
    assert scale["target_evidence"] == "around 400 parameters"
    lost = next(r for r in rows if r["type"] == "omission")
    assert lost["source_value"] == "{name}" and "{name}" in lost["message"]


def test_placeholders_never_read_as_numbers_and_offsets_are_plain_text(tmp_path: Path) -> None:
    source = tmp_path / "m.tsv"
    source.write_text("Kosten: {0} Euro für %d Nutzer.\tCost: {0} euros for %d users.\n", encoding="utf-8")
    data = report_dict(run_pairs(str(source)))
    assert data["findings"] == []  # {0} is not the number 0 and %d is not a figure
    src = data["documents"][0]
    assert src["text"] == "Kosten:  Euro für  Nutzer."  # the synthetic document holds the plain text


def test_segment_defaults_to_line_number_and_csv_is_deterministic(tmp_path: Path) -> None:
    source = tmp_path / "m.tsv"
    source.write_text(
        "Es kostet 5 Millionen Euro.\tIt costs 5 euros.\n\nDas ist gut.\tThat is good.\n", encoding="utf-8"
    )
    data = report_dict(run_pairs(str(source)))
    assert [f["segment"] for f in data["findings"]] == ["1"]
    text = findings_csv(data)
    assert text == findings_csv(report_dict(run_pairs(str(source))))
    assert text.splitlines()[0] == (
        "segment,id,type,severity,message,source_evidence,target_evidence,source_value,target_value"
    )


def test_repeated_segments_keep_one_finding_each(tmp_path: Path) -> None:
    source = tmp_path / "m.tsv"
    row = "Es kostet 5 Millionen Euro.\tIt costs 5 euros.\n"
    source.write_text(row * 2, encoding="utf-8")
    data = report_dict(run_pairs(str(source)))
    assert sorted(f["segment"] for f in data["findings"]) == ["1", "2"]
    assert len({f["id"] for f in data["findings"]}) == 2


def test_glossary_missing_term_and_altered_name(app: typer.Typer, tmp_path: Path) -> None:
    source = tmp_path / "m.tsv"
    source.write_text(
        "Der Bundestag tagt heute in Berlin.\tThe federal parliament meets in Berlin today.\n"
        "Das neue iPhone kommt im Herbst.\tThe new Iphone comes out in autumn.\n"
        "Der Bundestag stimmt zu.\tThe Bundestag agrees.\n",
        encoding="utf-8",
    )
    glossary = tmp_path / "g.tsv"
    glossary.write_text("Bundestag\tBundestag\tGerman parliament\niPhone\n", encoding="utf-8")
    out = tmp_path / "r.json"
    result = _invoke(app, str(source), "--glossary", str(glossary), "--output", str(out), "--quiet")
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    glossary_findings = [f for f in data["findings"] if f["message"].startswith("glossary:")]
    assert {(f["segment"], f["type"]) for f in glossary_findings} == {("1", "entity"), ("2", "name_spelling")}
    term = next(f for f in glossary_findings if f["type"] == "entity")
    assert term["a"]["evidence"] == "Bundestag" and term["severity"] == "medium"
    assert term["b"]["value"] == "Bundestag | German parliament"


@pytest.mark.parametrize(
    ("fail_on", "code"), [("high", 1), ("HIGH", 1), ("Medium", 1), ("medium", 1), ("info", 1), (None, 0)]
)
def test_fail_on(app: typer.Typer, tmp_path: Path, fail_on: str | None, code: int) -> None:
    source = tmp_path / "m.tsv"
    _tsv(source)
    args = [str(source), "--output", str(tmp_path / "r.json"), "--quiet"]
    assert _invoke(app, *args, *(["--fail-on", fail_on] if fail_on else [])).exit_code == code


def test_fail_on_high_is_0_when_only_medium(app: typer.Typer, tmp_path: Path) -> None:
    source = tmp_path / "m.tsv"
    source.write_text("Willkommen zurück, {name}!\tWelcome back!\n", encoding="utf-8")
    args = [str(source), "--output", str(tmp_path / "r.json"), "--quiet"]
    assert _invoke(app, *args, "--fail-on", "high").exit_code == 0
    assert _invoke(app, *args, "--fail-on", "medium").exit_code == 1


@pytest.mark.parametrize("content", ["", "just one column\n", "<html></html>"])
def test_bad_file_is_exit_2_one_line_and_no_output(app: typer.Typer, tmp_path: Path, content: str) -> None:
    source = tmp_path / "bad.tsv"
    source.write_text(content, encoding="utf-8")
    out = tmp_path / "r.csv"
    result = _invoke(app, str(source), "--format", "csv", "--output", str(out))
    assert result.exit_code == 2
    assert len([line for line in result.stderr.splitlines() if line.strip()]) == 1
    assert not out.exists()


def test_unknown_format_is_usage_error(app: typer.Typer, tmp_path: Path) -> None:
    source = tmp_path / "m.tsv"
    _tsv(source)
    assert _invoke(app, str(source), "--format", "xml").exit_code == 2


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_markdown_and_html_outputs(app: typer.Typer, tmp_path: Path, fmt: str) -> None:
    source = tmp_path / "m.tsv"
    _tsv(source)
    out = tmp_path / f"r.{fmt}"
    result = _invoke(app, str(source), "--format", fmt, "--output", str(out), "--quiet")
    assert result.exit_code == 0, result.output
    assert "400" in out.read_text(encoding="utf-8")


# --json, --output and --format together: each report goes exactly where it is named, and reports/ is used
# only for the --format report when no --output names it (--json alone used to be ignored for reports/m.json).
@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--json", "out/x.json"], {"out/x.json": "json"}),
        (["--output", "o.json", "--json", "x.json"], {"o.json": "json", "x.json": "json"}),
        (["--output", "o.json", "--json", "o.json"], {"o.json": "json"}),
        (["--format", "html", "--json", "x.json"], {"reports/m.html": "html", "x.json": "json"}),
        (
            ["--format", "html", "--output", "o.html", "--json", "x.json"],
            {"o.html": "html", "x.json": "json"},
        ),
        (["--format", "csv", "--json", "x.json"], {"reports/m.csv": "csv", "x.json": "json"}),
        (["--format", "markdown", "--output", "o.md"], {"o.md": "markdown"}),
        ([], {"reports/m.json": "json"}),
    ],
)
def test_outputs_go_exactly_where_named(
    app: typer.Typer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
    expected: dict[str, str],
) -> None:
    monkeypatch.chdir(tmp_path)
    _tsv(tmp_path / "m.tsv")
    result = _invoke(app, "m.tsv", *args, "--quiet")
    assert result.exit_code == 0, result.output
    written = {p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file()} - {"m.tsv"}
    assert written == set(expected)
    for name, kind in expected.items():
        text = (tmp_path / name).read_text(encoding="utf-8")
        if kind == "json":
            validate_report(json.loads(text))
        elif kind == "html":
            assert text.startswith("<!DOCTYPE html>")
        elif kind == "csv":
            assert text.startswith("segment,id,type")
    assert sorted(line.removeprefix("wrote ") for line in result.stdout.splitlines()) == sorted(expected)


def test_one_path_for_two_different_reports_is_refused(app: typer.Typer, tmp_path: Path) -> None:
    _tsv(tmp_path / "m.tsv")
    out = tmp_path / "r.html"
    result = _invoke(
        app, str(tmp_path / "m.tsv"), "--format", "html", "--output", str(out), "--json", str(out)
    )
    assert result.exit_code == 2
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and str(out) in lines[0] and "both the html and the json report" in lines[0]
    assert not out.exists()


# Glossary rows: a row with a tab but no target term is refused with file and line (it used to pass silently).
@pytest.mark.parametrize(
    ("glossary", "line"),
    [("Bundestag\tBundestag\nx\t\n", 2), ("x\t \t\n", 1), ("Bundestag   federal parliament\n", 1)],
)
def test_malformed_glossary_row_is_exit_2_with_file_and_line(
    app: typer.Typer, tmp_path: Path, glossary: str, line: int
) -> None:
    _tsv(tmp_path / "m.tsv")
    path = tmp_path / "g.tsv"
    path.write_text(glossary, encoding="utf-8")
    out = tmp_path / "r.json"
    result = _invoke(app, str(tmp_path / "m.tsv"), "--glossary", str(path), "--output", str(out))
    assert result.exit_code == 2, result.output
    lines = [text for text in result.stderr.splitlines() if text.strip()]
    assert len(lines) == 1 and f"{path}:{line}:" in lines[0]
    assert not out.exists()


def test_an_untagged_file_mixing_source_languages_reads_each_long_segment_in_its_own(tmp_path: Path) -> None:
    from driftcheck.translation import run_pairs

    # Three German rows and one English one: read as German, "1,300" would be 1.3 and "1.300" 1300.
    source = tmp_path / "mixed.tsv"
    source.write_text(
        "Meta bought 1,300 GPUs last year.\tMeta kaufte letztes Jahr 1.300 GPUs.\te1\n"
        "Das Rechenzentrum ist sehr groß.\tThe data centre is very large.\td1\n"
        "Die Firma hat 1.300 Mitarbeiter.\tThe company has 1,300 employees.\td2\n"
        "Der Umsatz stieg um 5,6 Prozent.\tRevenue rose by 5.6 percent.\td3\n",
        encoding="utf-8",
    )
    report = run_pairs(str(source))
    assert [s.language for s in report.sentences if s.doc == "source"] == ["en", "de", "de", "de"]
    assert [f for f in report.findings if f.severity in ("high", "medium")] == []
    # A real change in the odd row is still found.
    changed_text = source.read_text(encoding="utf-8").replace("1.300 GPUs", "13.000 GPUs")
    source.write_text(changed_text, encoding="utf-8")
    changed = run_pairs(str(source))
    assert {(f.segment, f.type) for f in changed.findings if f.severity == "high"} == {("e1", "number_value")}


def test_every_lost_or_added_placeholder_of_a_segment_is_its_own_finding(tmp_path: Path) -> None:
    from driftcheck.translation import run_pairs

    # Two placeholders lost and one added in one segment: three findings, not one (their evidence is the
    # whole segment, so the placeholder itself must be part of the id).
    source = tmp_path / "p.tsv"
    source.write_text("Hallo {name}, Sie haben %d Punkte und {extra}.\tHello {nom}, you have points.\ts1\n",
                      encoding="utf-8")
    report = run_pairs(str(source))
    placeholder = sorted((f.type, f.a.value) for f in report.findings if f.message.startswith("placeholder "))
    expected = [("addition", "{nom}"), ("omission", "%d"), ("omission", "{extra}"), ("omission", "{name}")]
    assert placeholder == expected
    assert len({f.id for f in report.findings}) == len(report.findings)
