"""Sentences one version tells and another, aligned with most of it, leaves out (`compare`).

A translation that drops a sentence, or adds one, between two sentences it renders faithfully: reviews with
new stories found `compare` silent on both (only `driftcheck translation` reported them). The aligner's logic
runs on synthetic vectors; the end-to-end cases run the real encoder on real prose.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from conftest import run_cli, validate_report

from driftcheck.align import AlignInput, untold_between
from driftcheck.compare import untold_findings
from driftcheck.models import Alignment, ClaimGroup, Document, Sentence, SentenceRef, Untold


def _unit(rows: np.ndarray) -> np.ndarray:
    return (rows / np.linalg.norm(rows, axis=1, keepdims=True)).astype(np.float32)


def _input(doc: str, vectors: np.ndarray) -> AlignInput:
    count = len(vectors)
    return AlignInput(doc, tuple(range(count)), vectors, (frozenset(),) * count, (False,) * count)


def _links(pairs: list[tuple[int, int]]) -> list[Alignment]:
    return [Alignment(SentenceRef("src", i), SentenceRef("tgt", j), 2.0, f"g{i}") for i, j in pairs]


MEANINGS = _unit(np.random.default_rng(7).normal(size=(8, 64)))


def test_a_sentence_between_two_adjacent_counterparts_is_left_out() -> None:
    # The target renders sentences 0-2 and 4-7 of the source, in order; sentence 3 has no room between the
    # counterparts of 2 and 4.
    src = _input("src", MEANINGS)
    tgt = _input("tgt", MEANINGS[[0, 1, 2, 4, 5, 6, 7]])
    links = _links([(0, 0), (1, 1), (2, 2), (4, 3), (5, 4), (6, 5), (7, 6)])
    assert untold_between([src, tgt], links) == [Untold("src", 3, "tgt", 2, 3)]


def test_a_sentence_whose_counterpart_is_only_unaligned_is_not_left_out() -> None:
    # The target has a sentence between the two counterparts: the aligner missed a pair, nothing is missing.
    src = _input("src", MEANINGS)
    tgt = _input("tgt", MEANINGS)
    links = _links([(i, i) for i in range(8) if i != 3])
    assert untold_between([src, tgt], links) == []


def test_a_sentence_merged_into_its_neighbours_counterpart_is_not_left_out() -> None:
    # The target's sentence 2 tells source sentences 2 and 3 in one: adding 3 to 2 brings it closer.
    merged = _unit(MEANINGS[2:3] + MEANINGS[3:4])[0]
    tgt_vectors = np.stack([MEANINGS[0], MEANINGS[1], merged, *MEANINGS[4:]])
    src, tgt = _input("src", MEANINGS), _input("tgt", tgt_vectors)
    links = _links([(0, 0), (1, 1), (2, 2), (4, 3), (5, 4), (6, 5), (7, 6)])
    assert untold_between([src, tgt], links) == []


def test_documents_that_share_a_few_sentences_are_not_versions_of_one_text() -> None:
    # Two outlets telling one story in their own words: three of eight sentences aligned.
    src = _input("src", MEANINGS)
    tgt = _input("tgt", MEANINGS[[0, 1, 2, 4, 5, 6, 7]])
    assert untold_between([src, tgt], _links([(0, 0), (2, 2), (4, 3)])) == []
    assert untold_between([src, tgt], _links([(0, 0), (1, 1), (2, 2), (4, 3)])) == [
        Untold("src", 3, "tgt", 2, 3)
    ]


def _located(
    doc: str, lines: list[str], lang: str, original: str | None = None
) -> tuple[Document, dict[Any, Any]]:
    from driftcheck.compare import Located
    from driftcheck.facts import extract_facts

    document = Document(doc, f"{doc}.txt", "\n".join(lines), (), language=lang, original_language=original)
    located = {}
    for index, line in enumerate(lines):
        sentence = Sentence(doc, index, line, lang, "body", 0, len(line))
        located[(doc, index)] = Located(sentence, extract_facts(sentence, document), None, 0)
    return document, located


WIRE = [
    "The plane landed safely at 4.31pm.",
    "Two passengers were taken to hospital as a precaution.",
    "None of the crew were hurt.",
]
ZH = ["飞机于下午4时31分安全降落。", "机组人员无人受伤。", "两名飞行员已被停飞。"]


def _untold_findings(untold: list[Untold], original: str | None, *more: tuple[str, list[str]]) -> list[Any]:
    wire, located = _located("wire", WIRE, "en")
    zh, located_zh = _located("zh", ZH, "zh", original)
    documents = [wire, zh]
    located.update(located_zh)
    for doc, lines in more:
        document, extra = _located(doc, lines, "en")
        documents.append(document)
        located.update(extra)
    groups = [
        ClaimGroup("g1", (SentenceRef("wire", 0), SentenceRef("zh", 0)), ()),
        ClaimGroup("g2", (SentenceRef("wire", 2), SentenceRef("zh", 1)), ()),
    ]
    return untold_findings(untold, located, groups, documents, None)


LEFT_OUT = Untold("wire", 1, "zh", 0, 1)
ADDED = Untold("zh", 2, "wire", 2, 3)


def test_a_translation_that_leaves_out_a_sentence_of_its_source_is_an_omission() -> None:
    (found,) = _untold_findings([LEFT_OUT], "en")
    assert (found.type, found.severity, found.a.doc, found.a.index, found.b) == (
        "omission",
        "medium",
        "wire",
        1,
        None,
    )
    assert found.message.startswith("zh leaves out this sentence of wire")


def test_a_translation_that_adds_a_sentence_with_a_figure_is_a_low_addition() -> None:
    (found,) = _untold_findings([ADDED], "en")
    assert (found.type, found.severity, found.a.doc) == ("addition", "low", "zh")
    assert "zh adds this sentence: wire, which it renders" in found.message


def test_without_a_known_direction_the_sentence_is_told_by_one_version_only() -> None:
    # Neither document says it is a translation: which one left it out and which one added it is unknown.
    (found,) = _untold_findings([LEFT_OUT], None)
    assert (found.type, found.a.doc) == ("addition", "wire")
    assert found.message.startswith("only wire tells this: zh tells")


def test_a_sentence_only_one_of_several_originals_tells_is_not_left_out_by_the_translation() -> None:
    # zh may render the rewrite, which never had the sentence.
    rewrite = ("rewrite", ["The jet touched down at 4.31pm.", "No crew member was hurt."])
    found = _untold_findings([LEFT_OUT], "en", rewrite)
    assert [f.type for f in found] == ["addition"]


def test_part_of_a_quotation_over_several_sentences_is_not_reported() -> None:
    wire = [
        "The plane landed safely at 4.31pm.",
        '"There was a loud bang, and then the masks came down.',
        "None of the crew were hurt.",
    ]
    document, located = _located("wire", wire, "en")
    zh, located_zh = _located("zh", ZH, "zh", "en")
    located.update(located_zh)
    assert untold_findings([LEFT_OUT], located, [], [document, zh], None) == []


STORY_EN = [
    "Meridia Airways jet makes emergency landing in Stavholm",
    "",
    "A Meridia Airways passenger jet made an emergency landing in Stavholm on Monday after losing cabin "
    "pressure over the Baltic Sea.",
    "Flight MA417 from Lisbon to Helsinki was carrying 168 passengers and six crew.",
    "The pilots descended from 37,000 feet to 10,000 feet within four minutes.",
    "Eleven passengers were treated for ear pain and dizziness at the airport.",
    "Two of them were taken to hospital as a precaution and released later that evening.",
    "None of the crew members were injured.",
    "The airline said a replacement aircraft took the remaining passengers to Helsinki on Tuesday morning.",
    "Hanna Lindqvist of the National Accident Investigation Board said it was too early to name a cause.",
    "The board has secured both flight recorders.",
    "Meridia Airways operates a fleet of 38 aircraft.",
]
STORY_DE = [
    "Meridia-Jet landet nach Druckabfall in Stavholm",
    "",
    "Ein Passagierflugzeug von Meridia Airways ist am Montag nach einem Druckabfall über der Ostsee in "
    "Stavholm notgelandet.",
    "Flug MA417 von Lissabon nach Helsinki hatte 168 Passagiere und sechs Besatzungsmitglieder an Bord.",
    "Die Piloten sanken innerhalb von vier Minuten von 37.000 auf 10.000 Fuß.",
    "Elf Passagiere wurden am Flughafen wegen Ohrenschmerzen und Schwindel behandelt.",
    "Keines der Besatzungsmitglieder wurde verletzt.",
    "Die Fluggesellschaft teilte mit, ein Ersatzflugzeug habe die übrigen Passagiere am Dienstagmorgen nach "
    "Helsinki gebracht.",
    "Beide Piloten wurden für zwei Wochen vom Dienst freigestellt.",
    "Hanna Lindqvist von der nationalen Unfalluntersuchungsbehörde sagte, für eine Ursache sei es zu früh.",
    "Die Behörde hat beide Flugschreiber sichergestellt.",
    "Meridia Airways betreibt eine Flotte von 38 Flugzeugen.",
]
MANIFEST = """documents:
  - id: wire
    file: wire.txt
    language: en
  - id: blatt
    file: blatt.txt
    language: de
    original_language: en
"""


def _story(tmp_path: Path, session_cache: Path, de: list[str], manifest: bool) -> dict[str, Any]:
    folder = tmp_path / "story"
    folder.mkdir()
    (folder / "wire.txt").write_text("\n".join(STORY_EN) + "\n", encoding="utf-8")
    (folder / "blatt.txt").write_text("\n".join(de) + "\n", encoding="utf-8")
    if manifest:
        (folder / "manifest.yaml").write_text(MANIFEST, encoding="utf-8")
    out = tmp_path / "r.json"
    result = run_cli("compare", str(folder), "--json", str(out), "--quiet", cache=session_cache)
    assert result.returncode == 0, result.stderr
    data: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    validate_report(data)
    return data


def _one_sided(data: dict[str, Any]) -> list[tuple[str, str, str]]:
    return sorted(
        (f["type"], f["severity"], f["a"]["text"])
        for f in data["findings"]
        if f["type"] in {"omission", "addition"}
    )


def test_a_translation_leaving_out_one_sentence_and_adding_another_is_reported_end_to_end(
    tmp_path: Path, session_cache: Path
) -> None:
    data = _story(tmp_path, session_cache, STORY_DE, manifest=True)
    assert _one_sided(data) == [
        ("addition", "low", STORY_DE[8]),  # it states a figure ("zwei Wochen"): low
        ("omission", "medium", STORY_EN[6]),
    ]


@pytest.mark.parametrize("manifest", [True, False])
def test_a_faithful_translation_has_no_sentence_left_out_or_added(
    tmp_path: Path, session_cache: Path, manifest: bool
) -> None:
    hospital = "Zwei von ihnen kamen vorsorglich ins Krankenhaus und wurden am Abend wieder entlassen."
    faithful = [*STORY_DE[:6], hospital, *STORY_DE[6:8], *STORY_DE[9:]]
    assert _one_sided(_story(tmp_path, session_cache, faithful, manifest)) == []


def test_without_a_manifest_the_left_out_sentence_is_told_by_one_version_only(
    tmp_path: Path, session_cache: Path
) -> None:
    data = _story(tmp_path, session_cache, STORY_DE, manifest=False)
    assert [(kind, text) for kind, _, text in _one_sided(data)] == [
        ("addition", STORY_DE[8]),
        ("addition", STORY_EN[6]),
    ]


def test_a_translation_that_adds_a_sentence_without_a_figure_is_a_low_addition() -> None:
    # "警方已就彩票失窃一事展开调查" added by a translation stated no figure, date or name and went unseen at
    # info (a held-out review); between two outlets such a sentence stays info.
    wire, located = _located("wire", WIRE, "en")
    zh_lines = [*ZH[:2], "警方已就此事展开调查。"]
    for original, severity in (("en", "low"), (None, "info")):
        zh, located_zh = _located("zh", zh_lines, "zh", original)
        groups = [
            ClaimGroup("g1", (SentenceRef("wire", 0), SentenceRef("zh", 0)), ()),
            ClaimGroup("g2", (SentenceRef("wire", 2), SentenceRef("zh", 1)), ()),
        ]
        (found,) = untold_findings([ADDED], {**located, **located_zh}, groups, [wire, zh], None)
        assert (found.type, found.severity) == ("addition", severity), found.message
