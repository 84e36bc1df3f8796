"""`driftcheck check`: the known-errors regression suite over the bundled corpus, and its failure modes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from conftest import REPO, run_cli

from driftcheck.errors import ConfigError
from driftcheck.known_errors import load_catalogue

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


def test_a_non_error_whose_sentences_never_align_checks_nothing_and_fails(
    tmp_path: Path, session_cache: Path
) -> None:
    corpus = copy_corpus(tmp_path)
    catalogue = corpus / "known_errors.yaml"
    data = yaml.safe_load(catalogue.read_text(encoding="utf-8"))
    # Two sentences about different things, which the tool (rightly) does not align.
    gap = {
        "id": "never-compared",
        "a": {"doc": "decoder", "contains": "more than a billion people"},
        "b": {"doc": "heise", "contains": "Yann LeCun from Meta wrote on X"},
    }
    data["non_errors"].append(gap)
    # And a compared pair that claims to be a gap: it must fail until the note goes.
    data["non_errors"][0]["known_gap"] = "pretend these do not align"
    catalogue.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = run_cli("check", str(catalogue), cache=session_cache)
    assert result.returncode == 1
    assert f"MISS non-error {gap['id']}: never compared" in result.stdout
    assert f"MISS non-error {data['non_errors'][0]['id']}: now compared and not flagged" in result.stdout


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


def test_the_reported_wrong_shape_is_exit_2_not_an_internal_error(tmp_path: Path) -> None:
    """`errors: 3` used to be exit 3, "internal error: TypeError: 'int' object is not iterable"."""
    path = tmp_path / "k2.yaml"
    path.write_text("errors: 3\n", encoding="utf-8")
    result = run_cli("check", str(path))
    assert result.returncode == 2, result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "internal error" not in lines[0]
    assert str(path) in lines[0] and "'errors' must be a list" in lines[0] and "not a number (3)" in lines[0]


ENTRY = "{id: x, type: date, min_severity: high, a: {doc: decoder, contains: y}}"


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("errors: 3\n", "'errors' must be a list of entries"),
        ("non_errors: yes\n", "'non_errors' must be a list of entries"),
        (
            "errors: {id: x}\n",
            "'errors' must be a list of entries (- id: ..., a: {doc, contains}, ...), not a mapping",
        ),
        ("- errors: []\n", "expected a mapping with 'errors' and 'non_errors', not a list"),
        ("errors: [5]\n", "errors #1 must be a mapping with an 'id', not a number (5)"),
        ("errors: [{type: date}]\n", "errors #1: every entry needs an 'id'"),
        (
            "errors: [{id: 7, type: date}]\n",
            "errors #1: 'id' must be text, not a number (7); put it in quotes",
        ),
        ("errors: [{id: [a, b]}]\n", "errors #1: 'id' must be text, not a list"),
        ("errors: [{id: x, type: [date], min_severity: high}]\n", "(x): type must be one of"),
        ("errors: [{id: x, type: date, min_severity: {a: 1}}]\n", "(x): min_severity must be one of"),
        ("errors: [{id: x, type: date, min_severity: high}]\n", "(x) a is missing; it must be a mapping"),
        (
            "errors: [{id: x, type: date, min_severity: high, a: [decoder, y]}]\n",
            "(x) a is a list; it must be",
        ),
        ("errors: [{id: x, type: date, min_severity: high, a: {doc: decoder}}]\n", "(x) a: needs 'doc'"),
        (
            "errors: [{id: x, type: date, min_severity: high, a: {doc: [d], contains: y}}]\n",
            "'doc' must be text",
        ),
        (f"errors: [{ENTRY}]\noptions: [model]\n", "'options' must be a mapping"),
        (f"errors: [{ENTRY}]\noptions: {{langauges: en}}\n", "unknown option 'langauges'"),
        (f"errors: [{ENTRY}]\noptions: {{model: [use]}}\n", "options: 'model' must be text, not a list"),
        (f"corpus: [a]\nerrors: [{ENTRY}]\n", "'corpus' must be a directory path (text), not a list"),
    ],
)
def test_wrong_shapes_name_the_file_and_the_key(tmp_path: Path, text: str, needle: str) -> None:
    path = tmp_path / "k.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_catalogue(str(path))
    message = str(caught.value)
    assert message.startswith(f"{path}: ") and needle in message and "\n" not in message


def test_languages_option_may_be_a_list(tmp_path: Path) -> None:
    path = tmp_path / "k.yaml"
    path.write_text(f"errors: [{ENTRY}]\noptions: {{languages: [en, de]}}\n", encoding="utf-8")
    assert load_catalogue(str(path)).options == {"languages": "en,de"}


def test_check_takes_a_cache_directory_as_compare_does(session_cache: Path, tmp_path: Path) -> None:
    cache = tmp_path / "own-cache"
    result = run_cli("check", str(CATALOGUE), "--cache-dir", str(cache), cache=session_cache)
    assert result.returncode == 0, result.stdout + result.stderr
    assert list(cache.glob("*.sqlite")), "vectors go to the directory named, not the default one"
