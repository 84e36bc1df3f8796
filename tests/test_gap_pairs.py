"""Sentences left unaligned in the same slot of two versions of one text are paired by their place."""

from __future__ import annotations

import numpy as np

from driftcheck.align import AlignInput, gap_pairs
from driftcheck.models import Alignment, SentenceRef


def _unit(vectors: np.ndarray) -> np.ndarray:
    return (vectors / np.linalg.norm(vectors, axis=1, keepdims=True)).astype(np.float32)


def _input(doc: str, vectors: np.ndarray) -> AlignInput:
    count = len(vectors)
    return AlignInput(doc, tuple(range(count)), vectors, (frozenset(),) * count, (False,) * count)


def _links(pairs: list[tuple[int, int]]) -> list[Alignment]:
    return [Alignment(SentenceRef("src", i), SentenceRef("tgt", j), 2.0, f"g{i}") for i, j in pairs]


MEANINGS = _unit(np.random.default_rng(11).normal(size=(6, 64)))


def _drifted(meaning: np.ndarray, similarity: float) -> np.ndarray:
    """A vector at a given cosine from `meaning` (a drift makes a sentence unlike its counterpart)."""
    other = MEANINGS[5] - (MEANINGS[5] @ meaning) * meaning
    other /= np.linalg.norm(other)
    return (similarity * meaning + np.sqrt(1 - similarity**2) * other).astype(np.float32)


def test_one_unaligned_sentence_each_between_the_same_neighbours_is_a_pair() -> None:
    src = _input("src", MEANINGS[:5])
    tgt = _input("tgt", np.stack([MEANINGS[0], MEANINGS[1], _drifted(MEANINGS[2], 0.39), *MEANINGS[3:5]]))
    pairs = gap_pairs([src, tgt], _links([(0, 0), (1, 1), (3, 3), (4, 4)]))
    assert [(p.a.index, p.b.index, p.group) for p in pairs] == [(2, 2, "")]
    assert 0.38 <= pairs[0].score <= 0.40


def test_no_pair_below_the_cosine_floor_or_where_the_slots_differ() -> None:
    src = _input("src", MEANINGS[:5])
    unlike = np.stack([MEANINGS[0], MEANINGS[1], _drifted(MEANINGS[2], 0.1), *MEANINGS[3:5]])
    assert gap_pairs([src, _input("tgt", unlike)], _links([(0, 0), (1, 1), (3, 3), (4, 4)])) == []
    # Two sentences between the neighbours on one side: no one-for-one slot.
    six = _input("tgt", np.stack([MEANINGS[0], MEANINGS[1], MEANINGS[2], MEANINGS[5], *MEANINGS[3:5]]))
    assert gap_pairs([src, six], _links([(0, 0), (1, 1), (3, 4), (4, 5)])) == []


def test_documents_that_are_no_versions_of_one_text_are_not_paired() -> None:
    src = _input("src", MEANINGS[:5])
    tgt = _input("tgt", np.stack([MEANINGS[0], MEANINGS[1], _drifted(MEANINGS[2], 0.39), *MEANINGS[3:5]]))
    # Two of five sentences aligned: below half of either document.
    assert gap_pairs([src, tgt], _links([(1, 1), (3, 3)])) == []

