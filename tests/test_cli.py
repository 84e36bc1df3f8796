"""The command line: help, version, exit codes and one-line errors."""

from __future__ import annotations

import subprocess
import sys

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
