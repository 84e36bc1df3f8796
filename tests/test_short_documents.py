"""Documents of one to three sentences (a wire flash, a brief): margins need neighbours they do not have.

The margin's k nearest neighbours are filled from a fixed background of news sentences
(driftcheck.background); these tests run the real encoder end to end.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from conftest import run_cli, validate_report

BRIEFS = {
    "wire.txt": "Heavy rain hit the coastal areas on Monday, killing 12 people.",
    "blatt.txt": "Am Montag traf starker Regen die Küstengebiete, 14 Menschen kamen ums Leben.",
    "xinwen.txt": "周一，暴雨袭击了沿海地区，造成12人死亡。",
}


def _compare(folder: Path, cache: Path, out: Path) -> dict[str, Any]:
    result = run_cli("compare", str(folder), "--json", str(out), "--quiet", cache=cache)
    assert result.returncode == 0, result.stderr
    data: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    validate_report(data)
    return data


def test_one_sentence_briefs_in_three_languages_align_and_their_drift_is_found(
    tmp_path: Path, session_cache: Path
) -> None:
    folder = tmp_path / "briefs"
    folder.mkdir()
    for name, text in BRIEFS.items():
        (folder / name).write_text(text + "\n", encoding="utf-8")
    data = _compare(folder, session_cache, tmp_path / "r.json")
    pairs = {frozenset((a["a"]["doc"], a["b"]["doc"])) for a in data["alignments"]}
    assert pairs == {frozenset(p) for p in (("wire", "blatt"), ("wire", "xinwen"), ("blatt", "xinwen"))}
    drifted = [f for f in data["findings"] if f["type"] == "number_value"]
    assert drifted and all("blatt" in (f["a"]["doc"], f["b"]["doc"]) for f in drifted)


def test_one_sentence_briefs_on_unrelated_matters_do_not_align(tmp_path: Path, session_cache: Path) -> None:
    folder = tmp_path / "unrelated"
    folder.mkdir()
    (folder / "rain.txt").write_text(BRIEFS["wire.txt"] + "\n", encoding="utf-8")
    (folder / "baker.txt").write_text("Der Bäcker am Markt verkauft jetzt auch Kaffee.\n", encoding="utf-8")
    (folder / "chess.txt").write_text("这位棋手在决赛中战胜了卫冕冠军。\n", encoding="utf-8")
    data = _compare(folder, session_cache, tmp_path / "r.json")
    assert data["alignments"] == []


def test_short_documents_give_the_same_bytes_cold_and_warm(tmp_path: Path) -> None:
    folder = tmp_path / "briefs"
    folder.mkdir()
    for name, text in BRIEFS.items():
        (folder / name).write_text(text + "\n", encoding="utf-8")
    cache = tmp_path / "cache"
    cold = _compare(folder, cache, tmp_path / "cold.json")
    warm = _compare(folder, cache, tmp_path / "warm.json")
    assert cold["alignments"]
    assert (tmp_path / "cold.json").read_bytes() == (tmp_path / "warm.json").read_bytes()
    assert warm == cold


def test_a_one_sentence_translation_is_linked_to_its_source(tmp_path: Path, session_cache: Path) -> None:
    source, target = tmp_path / "source.txt", tmp_path / "target.txt"
    source.write_text(BRIEFS["wire.txt"] + "\n", encoding="utf-8")
    target.write_text("周一，暴雨袭击了沿海地区，造成14人死亡。\n", encoding="utf-8")
    out = tmp_path / "t.json"
    result = run_cli(
        "translation", str(source), str(target), "--json", str(out), "--quiet", cache=session_cache
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert len(data["alignments"]) == 1
    types = {f["type"] for f in data["findings"]}
    assert "number_value" in types and "omission" not in types
