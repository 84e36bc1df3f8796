"""The command line: help, version, exit codes and one-line errors."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from driftcheck import __version__
from driftcheck.cli import app

runner = CliRunner()
COMMANDS = ["compare", "check", "translation", "pairs"]


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.strip() == f"driftcheck {__version__}"


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command: str) -> None:
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage" in result.output and command in result.output


def test_python_dash_m_runs_the_same_cli() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "driftcheck", "--help"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0
    for command in COMMANDS:
        assert command in result.stdout


def test_unknown_option_is_a_usage_error_with_exit_2() -> None:
    result = runner.invoke(app, ["compare", "corpus", "--no-such-option"])
    assert result.exit_code == 2


def test_bad_fail_on_value_is_a_usage_error() -> None:
    result = runner.invoke(app, ["compare", "corpus", "--fail-on", "catastrophic"])
    assert result.exit_code == 2


def test_an_unexpected_error_is_one_line_and_exit_3(monkeypatch: pytest.MonkeyPatch) -> None:
    import driftcheck.pipeline as pipeline

    def boom(*args: object, **kwargs: object) -> None:
        raise ZeroDivisionError("something deep broke")

    monkeypatch.setattr(pipeline, "run_compare", boom)
    result = runner.invoke(app, ["compare", "corpus", "--json", "unused.json"])
    assert result.exit_code == 3
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1
    assert "ZeroDivisionError" in lines[0] and "--debug" in lines[0]


def test_debug_shows_the_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    import driftcheck.pipeline as pipeline

    def boom(*args: object, **kwargs: object) -> None:
        raise ZeroDivisionError("something deep broke")

    monkeypatch.setattr(pipeline, "run_compare", boom)
    result = runner.invoke(app, ["--debug", "compare", "corpus", "--json", "unused.json"])
    assert result.exit_code == 3
    assert "Traceback" in result.stderr


def test_bad_format_is_a_usage_error() -> None:
    result = runner.invoke(app, ["compare", "corpus", "--format", "pdf"])
    assert result.exit_code == 2


# ---------------------------------------------------------------------------------------------------------
# Where reports are written: a directory given as an output path, and one path named for two reports.


def _small_report(tmp_path: Path) -> Any:
    """A real report without a model: `pairs` over one segment pair."""
    from driftcheck.translation import run_pairs

    source = tmp_path / "m.tsv"
    source.write_text("Es kostet 5 Millionen Euro.\tIt costs 5 euros.\n", encoding="utf-8")
    return run_pairs(str(source))


@pytest.fixture()
def fake_pipelines(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """compare and translation return a small real report at once (no corpus, no model)."""
    import driftcheck.pipeline as pipeline
    import driftcheck.translation as translation

    report = _small_report(tmp_path)
    monkeypatch.setattr(pipeline, "run_compare", lambda *args, **kwargs: report)
    monkeypatch.setattr(translation, "run_translation", lambda *args, **kwargs: report)


def _files(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*")}


OUTPUT_CASES = [
    ("compare", "--json", None),
    ("compare", "--html", None),
    ("compare", "--markdown", None),
    ("translation", "--json", None),
    ("translation", "--html", None),
    ("translation", "--markdown", None),
    ("pairs", "--json", None),
    ("pairs", "--output", None),
    ("pairs", "-o", "html"),
    ("pairs", "-o", "csv"),
    ("pairs", "--json", "csv"),
]


def _command(command: str, tmp_path: Path) -> list[str]:
    if command == "compare":
        return ["compare", "corpus"]
    if command == "translation":
        return ["translation", "a.txt", "b.txt"]
    return ["pairs", str(tmp_path / "m.tsv")]


@pytest.mark.usefixtures("fake_pipelines")
@pytest.mark.parametrize(("command", "option", "fmt"), OUTPUT_CASES)
def test_a_directory_as_output_path_is_named_and_nothing_is_left(
    tmp_path: Path, command: str, option: str, fmt: str | None
) -> None:
    somedir = tmp_path / "somedir"
    somedir.mkdir()
    other = tmp_path / "other.json"
    extra = ["--format", fmt] if fmt else []
    # A second, writable output too: it must not be written when the first cannot be.
    second = ["--json", str(other)] if option != "--json" else ["--html", str(other)]
    if command == "pairs" and option == "--json":
        second = ["--output", str(other)]
    before = _files(tmp_path)
    result = runner.invoke(app, [*_command(command, tmp_path), option, str(somedir), *second, *extra])
    assert result.exit_code == 2, result.output
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, lines
    assert f"{somedir}: is a directory" in lines[0] and ".tmp" not in lines[0]
    assert _files(tmp_path) == before  # no temporary file, no report, nothing in somedir


@pytest.mark.usefixtures("fake_pipelines")
@pytest.mark.parametrize("command", ["compare", "translation"])
def test_one_path_for_two_reports_is_refused(tmp_path: Path, command: str) -> None:
    out = tmp_path / "r.out"
    result = runner.invoke(app, [*_command(command, tmp_path), "--json", str(out), "--html", str(out)])
    assert result.exit_code == 2, result.output
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and str(out) in lines[0] and "both the json and the html report" in lines[0]
    assert not out.exists()


@pytest.mark.usefixtures("fake_pipelines")
@pytest.mark.parametrize("command", ["compare", "translation"])
def test_json_html_markdown_go_exactly_where_named(tmp_path: Path, command: str) -> None:
    names = {
        "--json": tmp_path / "a" / "r.json",
        "--html": tmp_path / "b.html",
        "--markdown": tmp_path / "c.md",
    }
    args = [x for option, path in names.items() for x in (option, str(path))]
    result = runner.invoke(app, [*_command(command, tmp_path), *args, "--quiet"])
    assert result.exit_code == 0, result.output
    assert all(path.is_file() for path in names.values())
    assert _files(tmp_path) == {"m.tsv", "a", "a/r.json", "b.html", "c.md"}


def test_a_directory_as_json_path_through_the_real_cli(tmp_path: Path, session_cache: Path) -> None:
    """The reported case end to end: `driftcheck compare corpus --json somedir`."""
    from conftest import run_cli

    somedir = tmp_path / "somedir"
    somedir.mkdir()
    result = run_cli("compare", "corpus", "--json", str(somedir), "--quiet", cache=session_cache)
    assert result.returncode == 2, result.stderr
    assert (
        result.stderr.strip()
        == f"driftcheck: error: {somedir}: is a directory; give a file path for the report"
    )
    assert list(somedir.iterdir()) == []
