"""Suppression files: parsing, errors, and their effect on findings."""

from __future__ import annotations

from pathlib import Path

import pytest

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
