"""DEMETR dev half (de->en, zh->en): measured recall of injected errors and flag rate on correct translations.

Runs benchmarks/bench_demetr.py's evaluation (run_pairs, no embedding model). Targets not met yet are strict
xfails with the measured figure and its cause, so that a fix makes them fail loudly until the marker goes.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO, require_devdata

sys.path.insert(0, str(REPO / "benchmarks"))
from bench_demetr import MAX_CORRECT_FLAGGED, evaluate


@pytest.fixture(scope="module")
def results() -> dict[str, Any]:
    path: Path = require_devdata("demetr", "demetr_de_zh_dev.jsonl")
    return evaluate(path)


def _rate(results: dict[str, Any], kind: str, lang: str) -> float:
    rate: float = results["kinds"][kind][lang]["rate"]
    return rate


@pytest.mark.parametrize("lang", ["de", "zh"])
def test_changed_numbers_are_caught(results: dict[str, Any], lang: str) -> None:
    assert _rate(results, "critical_id10_numbers_replaced", lang) >= 0.95


def test_correct_translations_are_rarely_flagged(results: dict[str, Any]) -> None:
    per_lang = results["kinds"]["correct"]
    flagged = sum(c["hits"] for c in per_lang.values())
    total = sum(c["total"] for c in per_lang.values())
    assert total == 100  # 50 distinct correct translations per language
    assert flagged / total <= MAX_CORRECT_FLAGGED


def test_benign_edits_are_rarely_flagged(results: dict[str, Any]) -> None:
    # Lower-casing, tokenising or dropping the final full stop changes no fact: at most the rate of the
    # untouched translations plus a little (the same source sentences carry the same extractor slips).
    for kind in ("minor_id28_final_punc_removed", "minor_id30_tokenized", "minor_id31_full_lower"):
        for lang in ("de", "zh"):
            assert _rate(results, kind, lang) <= 0.06, (kind, lang)


def test_replaced_names_are_caught(results: dict[str, Any]) -> None:
    assert _rate(results, "critical_id9_ne_replaced", "de") >= 0.80
    assert _rate(results, "critical_id9_ne_replaced", "zh") >= 0.60


def test_removed_names_are_caught(results: dict[str, Any]) -> None:
    assert _rate(results, "critical_id25_ne_removed", "de") >= 0.80
    assert _rate(results, "critical_id25_ne_removed", "zh") >= 0.60


@pytest.mark.parametrize("lang", ["de", "zh"])
def test_negation_is_caught(results: dict[str, Any], lang: str) -> None:
    assert _rate(results, "critical_id8_negation", lang) >= 0.70
