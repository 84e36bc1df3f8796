"""`driftcheck check`: the known-errors regression suite over the bundled corpus, and its failure modes."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml
from conftest import REPO, run_cli

CATALOGUE = REPO / "corpus" / "known_errors.yaml"


def test_catalogue_has_at_least_ten_real_drifts_and_some_non_errors() -> None:
    data = yaml.safe_load(CATALOGUE.read_text(encoding="utf-8"))
    errors = data["errors"]
    assert len([e for e in errors if not e.get("known_gap")]) >= 10
    assert len(data["non_errors"]) >= 5
    ids = {e["id"] for e in errors}
    assert {"llama-parameters-scale", "meta-owns-deepseek-v3"} <= ids  # the two that started the project


def test_bundled_catalogue_passes(session_cache: Path) -> None:
    result = run_cli("check", str(CATALOGUE), cache=session_cache)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "MISS" not in result.stdout
    assert "llama-parameters-scale: found as number_scale/high" in result.stdout


def copy_corpus(tmp_path: Path) -> Path:
    target = tmp_path / "corpus"
    shutil.copytree(REPO / "corpus", target)
    return target


def edit(catalogue: Path, change: dict[str, object], section: str = "errors", index: int = 0) -> None:
    data = yaml.safe_load(catalogue.read_text(encoding="utf-8"))
    data[section][index].update(change)
    catalogue.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_a_missed_known_error_exits_1_and_is_named(tmp_path: Path, session_cache: Path) -> None:
    corpus = copy_corpus(tmp_path)
    edit(corpus / "known_errors.yaml", {"type": "date"})  # the scale loss is not a date finding
    result = run_cli("check", str(corpus / "known_errors.yaml"), cache=session_cache)
    assert result.returncode == 1
    assert "MISS error     llama-parameters-scale" in result.stdout
    assert "llama-parameters-scale" in result.stderr


def test_a_flagged_non_error_exits_1(tmp_path: Path, session_cache: Path) -> None:
    corpus = copy_corpus(tmp_path)
    # Declare the real 405-billion drift a non-error: the check must refuse it.
    data = yaml.safe_load((corpus / "known_errors.yaml").read_text(encoding="utf-8"))
    data["non_errors"].append({"id": "not-really", "a": data["errors"][0]["a"], "b": data["errors"][0]["b"]})
    (corpus / "known_errors.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = run_cli("check", str(corpus / "known_errors.yaml"), cache=session_cache)
    assert result.returncode == 1
    assert "MISS non-error not-really" in result.stdout


def test_a_known_gap_that_is_now_found_fails_until_the_note_is_removed(
    tmp_path: Path, session_cache: Path
) -> None:
    corpus = copy_corpus(tmp_path)
    edit(corpus / "known_errors.yaml", {"known_gap": "pretend we could not find it"})
    result = run_cli("check", str(corpus / "known_errors.yaml"), cache=session_cache)
    assert result.returncode == 1
    assert "remove its known_gap" in result.stdout


def test_malformed_catalogue_is_a_one_line_error_with_exit_2(tmp_path: Path) -> None:
    corpus = copy_corpus(tmp_path)
    edit(corpus / "known_errors.yaml", {"type": "no_such_type"})
    result = run_cli("check", str(corpus / "known_errors.yaml"))
    assert result.returncode == 2
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "known_errors.yaml" in lines[0] and "type must be one of" in lines[0]


def test_text_not_in_the_document_is_reported(tmp_path: Path, session_cache: Path) -> None:
    corpus = copy_corpus(tmp_path)
    edit(corpus / "known_errors.yaml", {"a": {"doc": "decoder", "contains": "words nobody wrote"}})
    result = run_cli("check", str(corpus / "known_errors.yaml"), cache=session_cache)
    assert result.returncode == 2
    assert "words nobody wrote" in result.stderr and "not in decoder" in result.stderr
