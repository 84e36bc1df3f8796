"""`driftcheck translation`: in-order alignment of source and translation, typed findings, CLI exit codes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import typer
from conftest import validate_report
from typer.testing import CliRunner

from driftcheck.report_json import report_dict
from driftcheck.translation import TranslationOptions, run_translation

GERMAN = """Neues Sprachmodell aus Hangzhou

Das Start-up Deepseek hat am Montag ein neues Sprachmodell vorgestellt. Das Modell hat rund 400 \
Milliarden Parameter und wurde in zwei Monaten trainiert. Nach Angaben des Unternehmens kostete das \
Training weniger als sechs Millionen Dollar. Analysten in New York zeigten sich überrascht von den \
niedrigen Kosten.

Die Aktie von Nvidia fiel daraufhin um 17 Prozent. Der Konzern verlor an einem Tag fast 600 \
Milliarden Dollar an Börsenwert. Das Wetter in Hangzhou war an diesem Tag sonnig und mild. Meta \
kündigte an, die eigenen Ausgaben für Rechenzentren zu überprüfen.

Deepseek wurde 2023 von Liang Wenfeng gegründet. Das Unternehmen beschäftigt etwa 160 Mitarbeiter.
"""
# One sentence dropped (the weather), one split in two (400 billion / two months), one scale word lost.
ENGLISH = """New language model from Hangzhou

The start-up Deepseek presented a new language model on Monday. The model has around 400 parameters. \
It was trained in two months. According to the company, training cost less than six million dollars. \
Analysts in New York were surprised by the low cost.

Nvidia's share price then fell by 17 percent. The group lost almost 600 billion dollars in market \
value in a single day. Meta announced that it would review its own spending on data centres.

Deepseek was founded in 2023 by Liang Wenfeng. The company employs about 160 people.
"""
ENGLISH_SOURCE = """Deepseek releases a new model

The Chinese start-up Deepseek released a new language model on Monday. The model was trained on 14.8 \
trillion tokens. Training cost about 5.6 million dollars, according to the company. Nvidia lost \
almost 600 billion dollars in market value in one day. The company has about 160 employees.
"""
# 5.6 million dollars became 56万 (560,000): a scale error; 14.8万亿 and 6000亿 are right.
CHINESE = """深度求索发布新模型

中国初创公司深度求索周一发布了一个新的语言模型。该模型在14.8万亿个词元上进行了训练。\
据该公司称，训练成本约为56万美元。\
英伟达一天之内市值蒸发近6000亿美元。该公司约有160名员工。
"""


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("translation")
    out = {}
    for name, text in (("de", GERMAN), ("en", ENGLISH), ("en_src", ENGLISH_SOURCE), ("zh", CHINESE)):
        path = root / f"story-{name}.txt"
        path.write_text(text, encoding="utf-8")
        out[name] = path
    return out


@pytest.fixture(scope="module")
def de_en(files: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    cache = tmp_path_factory.mktemp("cache")
    report = run_translation(str(files["de"]), str(files["en"]), TranslationOptions(cache_dir=str(cache)))
    return report_dict(report)


def _by_type(data: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [f for f in data["findings"] if f["type"] == kind]


def test_dropped_sentence_is_one_omission_naming_it(de_en: dict[str, Any]) -> None:
    omissions = _by_type(de_en, "omission")
    assert len(omissions) == 1
    f = omissions[0]
    assert f["severity"] == "medium" and f["b"] is None
    assert "Das Wetter in Hangzhou" in f["message"]
    source = next(d for d in de_en["documents"] if d["id"] == f["a"]["doc"])
    assert source["text"][f["a"]["start"] : f["a"]["end"]] == f["a"]["evidence"] == f["a"]["text"]


def test_lost_scale_word_is_number_scale_with_exact_spans(de_en: dict[str, Any]) -> None:
    scale = _by_type(de_en, "number_scale")
    assert len(scale) == 1
    f = scale[0]
    texts = {d["id"]: d["text"] for d in de_en["documents"]}
    assert f["a"]["evidence"] == "rund 400 Milliarden Parameter"
    assert f["b"]["evidence"] == "around 400 parameters"
    for side in ("a", "b"):
        e = f[side]
        assert texts[e["doc"]][e["start"] : e["end"]] == e["evidence"]
    # The target side of a split sentence points at the half that holds the figure.
    assert f["b"]["text"] == "The model has around 400 parameters."


def test_split_sentence_is_one_bead_and_no_false_findings(de_en: dict[str, Any]) -> None:
    split = [g for g in de_en["groups"] if len(g["members"]) == 3]
    assert len(split) == 1
    assert {m["doc"] for m in split[0]["members"]} == {"story-de", "story-en"}
    assert {f["type"] for f in de_en["findings"]} == {"omission", "number_scale"}
    assert de_en["reference"] == "story-de"


def test_report_validates_and_has_two_documents(de_en: dict[str, Any]) -> None:
    validate_report(de_en)
    assert [d["language"] for d in de_en["documents"]] == ["de", "en"]
    assert de_en["signature"]["dimension"] > 0
    assert "translation.suspect_score" in de_en["signature"]["thresholds"]


def test_english_source_chinese_target_scale_words(files: dict[str, Path], tmp_path: Path) -> None:
    options = TranslationOptions(cache_dir=str(tmp_path))
    report = run_translation(str(files["en_src"]), str(files["zh"]), options)
    data = report_dict(report)
    validate_report(data)
    findings = [f for f in data["findings"] if f["severity"] != "info"]
    assert [f["type"] for f in findings] == ["number_scale"]
    assert findings[0]["a"]["evidence"] == "about 5.6 million dollars"
    assert "56万美元" in findings[0]["b"]["evidence"]
    assert not _by_type(data, "omission") and not _by_type(data, "addition")


# --- CLI ---------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def app() -> typer.Typer:
    from driftcheck.cli import app as main_app
    from driftcheck.cli_translation import register

    register(main_app)
    register(main_app)  # idempotent: a second call must not add the commands twice
    names = [c.name for c in main_app.registered_commands]
    assert names.count("translation") == 1 and names.count("pairs") == 1
    return main_app


def test_cli_writes_json_and_exits_0(app: typer.Typer, files: dict[str, Path], tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    result = CliRunner().invoke(app, ["translation", str(files["de"]), str(files["en"]), "--json", str(out),
                                      "--quiet", "--cache-dir", str(tmp_path / "c")])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert {f["type"] for f in data["findings"]} == {"omission", "number_scale"}


@pytest.mark.parametrize(("fail_on", "code"), [("high", 1), ("medium", 1), (None, 0)])
def test_cli_fail_on(app: typer.Typer, files: dict[str, Path], tmp_path: Path, fail_on: str | None,
                     code: int) -> None:
    args = ["translation", str(files["de"]), str(files["en"]), "--json", str(tmp_path / "r.json"), "--quiet",
            "--cache-dir", str(tmp_path / "c")]
    result = CliRunner().invoke(app, args + (["--fail-on", fail_on] if fail_on else []))
    assert result.exit_code == code, result.output


def test_cli_fail_on_high_passes_when_only_medium(app: typer.Typer, files: dict[str, Path],
                                                  tmp_path: Path) -> None:
    # Same text on both sides except one dropped sentence: only a medium omission, so --fail-on high is 0.
    target = tmp_path / "short.txt"
    dropped = " Das Wetter in Hangzhou war an diesem Tag sonnig und mild."
    target.write_text(GERMAN.replace(dropped, ""), "utf-8")
    args = ["translation", str(files["de"]), str(target), "--json", str(tmp_path / "r.json"), "--quiet",
            "--cache-dir", str(tmp_path / "c")]
    assert CliRunner().invoke(app, [*args, "--fail-on", "high"]).exit_code == 0
    assert CliRunner().invoke(app, [*args, "--fail-on", "medium"]).exit_code == 1


@pytest.mark.parametrize("problem", ["missing", "binary", "empty"])
def test_bad_input_file_is_exit_2_one_line_no_output(app: typer.Typer, files: dict[str, Path], tmp_path: Path,
                                                     problem: str) -> None:
    bad = tmp_path / "bad.txt"
    if problem == "binary":
        bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    elif problem == "empty":
        bad.write_text("", encoding="utf-8")
    out = tmp_path / "r.json"
    args = ["translation", str(files["de"]), str(bad), "--json", str(out), "--quiet"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "bad.txt" in lines[0]
    assert not out.exists()


def test_bad_format_is_usage_error(app: typer.Typer, files: dict[str, Path]) -> None:
    result = CliRunner().invoke(app, ["translation", str(files["de"]), str(files["en"]), "--format", "pdf"])
    assert result.exit_code == 2


def test_an_added_sentence_with_a_figure_is_low_and_a_plain_one_info(tmp_path: Path) -> None:
    source = tmp_path / "src.txt"
    source.write_text(
        "Der Stadtrat hat am Montag über den neuen Bahnhof beraten.\n\n"
        "Die Bauarbeiten sollen im Frühjahr beginnen.\n\n"
        "Anwohner hatten sich über den Lärm beschwert.\n\n"
        "Die Verwaltung will die Pläne im Internet veröffentlichen.\n",
        encoding="utf-8",
    )
    target = tmp_path / "tgt.txt"
    target.write_text(
        "The city council discussed the new railway station on Monday.\n\n"
        "The station will cost 2.4 billion euros.\n\n"
        "Construction is to begin in spring.\n\n"
        "Residents had complained about the noise.\n\n"
        "That is remarkable.\n\n"
        "The administration wants to publish the plans online.\n",
        encoding="utf-8",
    )
    options = TranslationOptions(cache_dir=str(tmp_path / "c"))
    data = report_dict(run_translation(str(source), str(target), options))
    added = {f["a"]["text"]: f["severity"] for f in _by_type(data, "addition")}
    assert added == {"The station will cost 2.4 billion euros.": "low", "That is remarkable.": "info"}


def test_cli_refuses_a_translation_that_is_the_source_itself(
    app: typer.Typer, files: dict[str, Path], tmp_path: Path
) -> None:
    out = tmp_path / "r.json"
    copy = tmp_path / "copy.txt"
    copy.write_text(files["de"].read_text("utf-8"), "utf-8")
    for target in (files["de"], copy):  # the same file, or the same text under another name
        result = CliRunner().invoke(app, ["translation", str(files["de"]), str(target), "--json", str(out),
                                          "--cache-dir", str(tmp_path / "c")])
        assert result.exit_code == 2, result.output
        assert "same text as the source" in result.output
        assert not out.exists()


def test_translation_mode_gives_a_pronoun_speaker_the_person_named_before(tmp_path: Path) -> None:
    # A quotation given to another person under "sagte sie" (a held-out review story) in translation mode.
    source = tmp_path / "src.txt"
    source.write_text(
        "Wahlleiterin Anna Keller stellte am Montag das Ergebnis der Neuauszählung vor.\n\n"
        "„Jede Stimme zählt, und jede Stimme wurde gezählt“, sagte sie.\n",
        encoding="utf-8",
    )
    target = tmp_path / "tgt.txt"
    target.write_text(
        "Election chief Anna Keller presented the result of the recount on Monday.\n\n"
        "\"Every vote counts, and every vote was counted,\" Mayor Tom Lindner said.\n",
        encoding="utf-8",
    )
    options = TranslationOptions(cache_dir=str(tmp_path / "c"))
    data = report_dict(run_translation(str(source), str(target), options))
    assert any("Anna Keller" in f["message"] and "Tom Lindner" in f["message"] for f in data["findings"])
