"""Suppression files: parsing, errors, and their effect on findings."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_cli

from driftcheck.errors import ConfigError, InputError
from driftcheck.models import Evidence, Finding
from driftcheck.suppress import EMPTY, apply_suppressions, load_suppressions


def finding(fid: str) -> Finding:
    side = Evidence("a", 0, "It cost $5.6 million.", "$5.6 million", 8, 20, "5.6e6 USD")
    return Finding(fid, "number_value", "high", "changed", side, side)


def test_entries_mark_findings_suppressed_and_keep_them(tmp_path: Path) -> None:
    path = tmp_path / "suppressions.yaml"
    path.write_text(
        "suppressions:\n  - {id: abc, reason: checked with the outlet, reviewer: jd, date: 2025-02-01}\n"
        "aliases:\n  - [Teamblind, Team Blind]\n",
        encoding="utf-8",
    )
    loaded = load_suppressions(str(path), None)
    out = apply_suppressions([finding("abc"), finding("def")], loaded)
    assert [f.suppressed for f in out] == [True, False]
    assert out[0].suppression is not None and out[0].suppression.reviewer == "jd"
    assert loaded.aliases == (("Teamblind", "Team Blind"),)


def test_default_file_beside_the_manifest_is_used(tmp_path: Path) -> None:
    (tmp_path / "suppressions.yaml").write_text(
        "suppressions: []\naliases: [[A Corp, ACorp]]\n", encoding="utf-8"
    )
    assert load_suppressions(None, str(tmp_path)).aliases == (("A Corp", "ACorp"),)
    assert load_suppressions(None, str(tmp_path / "elsewhere")) == EMPTY


@pytest.mark.parametrize(
    "text,problem",
    [
        ("suppressions:\n  - {reason: x}\n", "needs an 'id'"),
        ("suppressions:\n  - {id: abc}\n", "needs a 'reason'"),
        ("aliases:\n  - [Only One]\n", "at least two names"),
        ("surpressions: []\n", "unknown key"),
        ("suppressions: [\n", "not valid YAML"),
    ],
)
def test_malformed_files_name_the_file_and_the_problem(tmp_path: Path, text: str, problem: str) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_suppressions(str(path), None)
    message = str(caught.value)
    assert str(path) in message and problem in message and "\n" not in message


def test_a_missing_named_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        load_suppressions(str(tmp_path / "missing.yaml"), None)


def test_the_reported_wrong_shape_is_exit_2_not_an_internal_error(tmp_path: Path) -> None:
    """`suppressions: 5` used to be exit 3, "internal error: TypeError: 'int' object is not iterable"."""
    path = tmp_path / "s.yaml"
    path.write_text("suppressions: 5\n", encoding="utf-8")
    result = run_cli("compare", "corpus", "--suppressions", str(path), "--json", str(tmp_path / "r.json"))
    assert result.returncode == 2, result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "internal error" not in lines[0]
    assert (
        str(path) in lines[0]
        and "'suppressions' must be a list" in lines[0]
        and "not a number (5)" in lines[0]
    )
    assert not (tmp_path / "r.json").exists()


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (
            "suppressions: 5\n",
            "'suppressions' must be a list of entries (- id: ..., reason: ...), not a number (5)",
        ),
        ("suppressions: {id: abc, reason: ok}\n", "'suppressions' must be a list of entries"),
        (
            "suppressions: abc\n",
            "'suppressions' must be a list of entries (- id: ..., reason: ...), not text ('abc')",
        ),
        (
            "suppressions: [abc]\n",
            "suppression #1 must be a mapping with 'id' and 'reason', not text ('abc')",
        ),
        (
            "suppressions: [[abc, ok]]\n",
            "suppression #1 must be a mapping with 'id' and 'reason', not a list",
        ),
        (
            "suppressions: [{id: 1234, reason: ok}]\n",
            "suppression #1: 'id' must be text, not a number (1234); put",
        ),
        ("suppressions: [{id: [a], reason: ok}]\n", "suppression #1: 'id' must be text, not a list"),
        ("suppressions: [{id: true, reason: ok}]\n", "suppression #1: 'id' must be text, not true"),
        (
            "suppressions: [{id: abc, reason: [a, b]}]\n",
            "suppression #1 (abc): 'reason' must be text, not a list",
        ),
        ("aliases: 5\n", "'aliases' must be a list of name lists ([A, B]), not a number (5)"),
        ("aliases: {Team Blind: Teamblind}\n", "'aliases' must be a list of name lists"),
        ("aliases: [Teamblind]\n", "alias entry #1 must be a list of at least two names"),
        (
            "aliases: [{names: 5}]\n",
            "alias entry #1 must be a list of at least two names ([Team Blind, Teamblind]), not a number (5)",
        ),
        ("aliases: [[Team Blind, 5]]\n", "alias entry #1 must list at least two names as text"),
        ("5\n", "expected a mapping with 'suppressions' and/or 'aliases', not a number (5)"),
        ("1: x\n", "unknown key(s) 1"),
    ],
)
def test_wrong_shapes_name_the_file_the_key_and_the_expected_shape(
    tmp_path: Path, text: str, problem: str
) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_suppressions(str(path), None)
    message = str(caught.value)
    assert message.startswith(f"{path}: ") and problem in message and "\n" not in message


def test_quoted_numeric_ids_and_alias_mappings_still_load(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(
        "suppressions:\n  - {id: '0123456789012345', reason: ok, date: 2025-02-01}\n"
        "aliases:\n  - {names: [Team Blind, Teamblind]}\n",
        encoding="utf-8",
    )
    loaded = load_suppressions(str(path), None)
    assert (
        list(loaded.entries) == ["0123456789012345"]
        and loaded.entries["0123456789012345"].date == "2025-02-01"
    )
    assert loaded.aliases == (("Team Blind", "Teamblind"),)
