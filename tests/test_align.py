"""The aligner's logic on synthetic vectors (a fake encoder is fine: this tests scoring, not a model)."""

from __future__ import annotations

import numpy as np
import pytest

from driftcheck.align import (
    AlignInput,
    AlignmentSettings,
    align_documents,
    anchor_overlap,
    anchor_weights,
    group_claims,
    ratio_margin,
)
from driftcheck.models import Alignment, SentenceRef


def unit(rows: np.ndarray) -> np.ndarray:
    return (rows / np.linalg.norm(rows, axis=1, keepdims=True)).astype(np.float32)


TOPIC = unit(np.random.default_rng(1234).normal(size=(1, 64)))[0]


def meanings(count: int, dim: int = 64, seed: int = 0) -> np.ndarray:
    # Articles on one story share a topic: unrelated sentences of the same story still have cosine ~0.4, as
    # real encoders give them, which is what makes an absolute threshold fragile and a margin necessary.
    specific = unit(np.random.default_rng(seed).normal(size=(count, dim)))
    return unit(specific + 0.8 * TOPIC[:dim])


def noisy(vectors: np.ndarray, noise: float, seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    # Scale per component so that `noise` is the noise vector's expected norm relative to a unit vector.
    return unit(vectors + noise * rng.normal(size=vectors.shape) / np.sqrt(vectors.shape[1]))


def doc(
    name: str, vectors: np.ndarray, anchors: list[set[str]] | None = None, summary: list[bool] | None = None
) -> AlignInput:
    n = len(vectors)
    return AlignInput(
        name,
        tuple(range(n)),
        vectors,
        tuple(frozenset(a) for a in (anchors or [set()] * n)),
        tuple(summary or [False] * n),
    )


def pairs(found: list[Alignment]) -> set[tuple[str, int, str, int]]:
    return {(x.a.doc, x.a.index, x.b.doc, x.b.index) for x in found}


def test_paraphrases_in_shuffled_order_are_aligned_and_unrelated_ones_are_not() -> None:
    base = meanings(12)
    a = noisy(base[:10], 0.5, 1)
    order = [3, 0, 7, 1, 9, 4, 2, 8, 6, 5]
    # b tells 10 of a's claims reordered, plus two claims a does not tell.
    b = np.vstack([noisy(base[order], 0.5, 2), base[10:]])
    found = pairs(align_documents([doc("a", a), doc("b", b)], within=False))
    expected = {("a", i, "b", pos) for pos, i in enumerate(order)}
    assert expected <= found
    assert not any(j >= 10 for (_, _, _, j) in found), "the two untold claims must stay unaligned"


def test_margin_is_invariant_to_an_encoder_that_scores_everything_higher() -> None:
    base = meanings(8)
    sim = noisy(base, 0.4, 3) @ base.T
    low, high = ratio_margin(sim, 4), ratio_margin(sim * 0.5, 4)
    # A uniform rescaling of cosines (another encoder's range) leaves the ratio margin unchanged.
    np.testing.assert_allclose(low, high, rtol=1e-5)


def weak_rewrite() -> tuple[np.ndarray, np.ndarray]:
    """Two documents telling six claims in order; b's sentence 2 is a loose rewrite barely like a's."""
    base = meanings(6, seed=5)
    a = noisy(base, 0.3, 6)
    b = noisy(base, 0.3, 7)
    b[2] = unit((0.05 * b[2] + meanings(1, seed=99)[0])[None, :])[0]
    return a, b


# Thresholds fixed here rather than the defaults: these tests check the mechanism, not the tuning.
STRICT = {"mutual_threshold": 1.2, "single_threshold": 1.4}


def test_shared_rare_anchors_rescue_a_weak_embedding_match() -> None:
    a, b = weak_rewrite()
    no_context = AlignmentSettings(context_weight=0.0, **STRICT)
    anchors_a: list[set[str]] = [set() for _ in range(6)]
    anchors_b: list[set[str]] = [set() for _ in range(6)]
    without = pairs(
        align_documents([doc("a", a, anchors_a), doc("b", b, anchors_b)], no_context, within=False)
    )
    anchors_a[2] = {"q:5.6e+06", "q:2.78e+06"}
    anchors_b[2] = {"q:5.6e+06", "q:2.78e+06"}
    with_anchors = pairs(
        align_documents([doc("a", a, anchors_a), doc("b", b, anchors_b)], no_context, within=False)
    )
    assert ("a", 2, "b", 2) not in without
    assert ("a", 2, "b", 2) in with_anchors


def test_neighbours_carry_a_sentence_that_names_its_subject_only_by_pronoun() -> None:
    a, b = weak_rewrite()
    no_context = pairs(
        align_documents(
            [doc("a", a), doc("b", b)], AlignmentSettings(context_weight=0.0, **STRICT), within=False
        )
    )
    with_context = pairs(
        align_documents([doc("a", a), doc("b", b)], AlignmentSettings(**STRICT), within=False)
    )
    assert ("a", 2, "b", 2) not in no_context
    assert ("a", 2, "b", 2) in with_context


def test_anchor_weights_favour_rare_anchors() -> None:
    sentences = [frozenset({"n:meta", "q:4.05e+11"}), frozenset({"n:meta", "q:4.05e+11"})]
    sentences += [frozenset({"n:meta"}) for _ in range(8)]
    weights = anchor_weights(sentences)
    assert weights["q:4.05e+11"] == 1.0  # shared by two sentences only: the strongest evidence there is
    assert weights["n:meta"] == 0.0  # in every sentence: no evidence at all
    rare = anchor_overlap([frozenset({"q:4.05e+11"})], [frozenset({"q:4.05e+11", "n:meta"})], weights)
    common = anchor_overlap([frozenset({"n:meta"})], [frozenset({"q:4.05e+11", "n:meta"})], weights)
    assert rare[0, 0] > common[0, 0]


def test_one_sentence_may_match_two_when_it_was_split() -> None:
    base = meanings(6, seed=11)
    a = noisy(base, 0.2, 12)
    # b splits a's sentence 3 into two halves that each carry part of its meaning.
    half1 = unit((base[3] + 0.35 * meanings(1, seed=13)[0])[None, :])
    half2 = unit((base[3] + 0.35 * meanings(1, seed=14)[0])[None, :])
    b = np.vstack([noisy(base[:3], 0.2, 15), half1, half2, noisy(base[4:], 0.2, 16)])
    found = pairs(align_documents([doc("a", a), doc("b", b)], AlignmentSettings(**STRICT), within=False))
    assert ("a", 3, "b", 3) in found and ("a", 3, "b", 4) in found


def test_summary_lines_align_with_the_body_of_their_own_document() -> None:
    base = meanings(6, seed=21)
    body = noisy(base, 0.2, 22)
    bullets = noisy(base[[4, 1]], 0.5, 23)
    vectors = np.vstack([body, bullets])
    summary = [False] * 6 + [True, True]
    found = pairs(align_documents([doc("a", vectors, summary=summary)]))
    assert ("a", 4, "a", 6) in found and ("a", 1, "a", 7) in found
    assert all(x[1] < 6 <= x[3] for x in found), "only summary-to-body pairs inside one document"


def test_claim_groups_link_across_documents_and_record_who_is_missing() -> None:
    links = [
        Alignment(SentenceRef("a", 0), SentenceRef("b", 2), 1.5),
        Alignment(SentenceRef("b", 2), SentenceRef("c", 1), 1.4),
        Alignment(SentenceRef("a", 5), SentenceRef("c", 4), 1.3),
    ]
    kept, groups = group_claims(links, ["a", "b", "c", "d"])
    assert len(kept) == 3
    first = next(g for g in groups if SentenceRef("a", 0) in g.members)
    assert set(first.members) == {SentenceRef("a", 0), SentenceRef("b", 2), SentenceRef("c", 1)}
    assert first.missing == ("d",)
    assert {x.group for x in kept if x.a == SentenceRef("a", 0)} == {first.id}


def test_claim_groups_refuse_chains_that_swallow_a_document() -> None:
    # A chain a0-b0-a1-b1-a2-b2-a3-b3 would put four sentences of each document in one claim.
    links = []
    for i in range(4):
        links.append(Alignment(SentenceRef("a", i), SentenceRef("b", i), 1.5 - i * 0.01))
        if i < 3:
            links.append(Alignment(SentenceRef("b", i), SentenceRef("a", i + 1), 1.2))
    kept, groups = group_claims(links, ["a", "b"], max_per_doc=3)
    assert all(sum(1 for m in g.members if m.doc == "a") <= 3 for g in groups)
    assert len(kept) < len(links)


def test_one_link_does_not_chain_a_sentence_into_a_claim_it_does_not_tell() -> None:
    # a0, b0, c0, e0 tell one claim (all aligned with each other); d0 aligns with c0 alone. Merging d0 would
    # make one of four cross pairs aligned: a chain, not the same claim.
    told = [SentenceRef(doc, 0) for doc in "abce"]
    links = [Alignment(x, y, 2.0) for n, x in enumerate(told) for y in told[n + 1 :]]
    weak = Alignment(SentenceRef("c", 0), SentenceRef("d", 0), 1.9)
    kept, groups = group_claims([*links, weak], ["a", "b", "c", "d", "e"])
    claim = next(g for g in groups if SentenceRef("a", 0) in g.members)
    assert SentenceRef("d", 0) not in claim.members and claim.missing == ("d",)
    assert weak not in kept and {(x.a, x.b) for x in kept} == {(x.a, x.b) for x in links}
    # The same link with strong exact evidence (a sentence telling two claims) is still compared, ungrouped.
    anchored = Alignment(SentenceRef("c", 0), SentenceRef("d", 0), 1.9, anchored=True)
    kept, groups = group_claims([*links, anchored], ["a", "b", "c", "d", "e"])
    assert [x.group for x in kept if x.b == SentenceRef("d", 0)] == [""]
    assert SentenceRef("d", 0) not in next(g for g in groups if SentenceRef("a", 0) in g.members).members


@pytest.mark.parametrize("n,m", [(0, 5), (5, 0), (1, 1)])
def test_degenerate_sizes_do_not_crash(n: int, m: int) -> None:
    a = meanings(max(n, 1))[:n]
    b = meanings(max(m, 1), seed=1)[:m]
    found = align_documents([doc("a", a), doc("b", b)], AlignmentSettings(), within=False)
    assert len(found) <= min(n, m) * 2


@pytest.mark.parametrize("with_background", [False, True])
@pytest.mark.parametrize("cores", [1, 3])
@pytest.mark.parametrize("block_cells", [10, 200, 4_000_000])
def test_batched_alignment_equals_the_pair_by_pair_reference(
    block_cells: int, cores: int, with_background: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    # align_documents scores one document against all later ones at once, and only above the cosine floor,
    # on one thread per core; align_pair is the plain per-pair arithmetic. Same pairs and scores on many
    # random corpora, with one-sentence documents, documents shorter than k, shared anchors and summary lines,
    # and small blocks, whether the documents are worked on by one thread or several.
    import random

    import driftcheck.align

    monkeypatch.setattr(driftcheck.align, "available_cores", lambda: cores)

    from driftcheck.align import _align_within, align_pair

    pick = random.Random(7)
    settings = AlignmentSettings(
        mutual_threshold=1.1, single_threshold=1.2, min_cosine=0.1, block_cells=block_cells
    )
    total = 0
    for _ in range(25):
        base = meanings(40, dim=16, seed=pick.randrange(1000))
        docs = []
        for d in range(pick.randint(2, 8)):
            n = pick.choice([1, 2, 3, 5, 8, 13, 30])
            rows = [pick.randrange(40) for _ in range(n)]
            anchors = [{f"q:{r % 7}"} if pick.random() < 0.4 else set() for r in rows]
            summary = [pick.random() < 0.1 for _ in rows]
            docs.append(doc(f"d{d}", noisy(base[rows], 0.9, pick.randrange(1000)), anchors, summary))
        weights = anchor_weights([x for d in docs for x in d.anchors])
        background = meanings(12, dim=16, seed=pick.randrange(1000)) if with_background else None
        reference = []
        for n, a in enumerate(docs):
            for b in docs[n + 1 :]:
                reference += align_pair(a, b, weights, settings, background)
            reference += _align_within(a, weights, settings)
        batched = align_documents(docs, settings, background=background)

        def key(x: Alignment) -> tuple[str, int, str, int, float]:
            return (x.a.doc, x.a.index, x.b.doc, x.b.index, round(x.score, 5))

        expected = sorted(map(key, reference))
        assert sorted(map(key, batched)) == expected
        total += len(expected)
    assert total > 500  # the corpora did produce alignments to compare


def _group_claims_plainly(
    alignments: list[Alignment], doc_ids: list[str], max_per_doc: int = 3, min_cohesion: float = 1 / 3
) -> list[tuple[tuple[str, int], ...]]:
    """Claim grouping written for clarity, not speed: sets of members, cohesion counted pair by pair."""
    group_of: dict[SentenceRef, frozenset[SentenceRef]] = {}
    for link in alignments:
        for ref in (link.a, link.b):
            group_of.setdefault(ref, frozenset({ref}))
    linked = {frozenset((x.a, x.b)) for x in alignments}
    for link in sorted(alignments, key=lambda x: -x.score):  # stable: ties keep input order
        first, second = group_of[link.a], group_of[link.b]
        if first == second:
            continue
        docs = [r.doc for r in first | second]
        if any(docs.count(d) > max_per_doc for d in set(docs)):
            continue
        cross = [(x, y) for x in first for y in second if x.doc != y.doc]
        if cross and sum(frozenset(p) in linked for p in cross) < min_cohesion * len(cross):
            continue
        merged = first | second
        for ref in merged:
            group_of[ref] = merged
    return sorted({tuple(sorted((r.doc, r.index) for r in g)) for g in group_of.values()})


@pytest.mark.parametrize("seed", range(12))
def test_claim_grouping_equals_a_plain_reference_on_random_links(seed: int) -> None:
    rng = np.random.default_rng(seed)
    doc_ids = [f"d{n}" for n in range(int(rng.integers(2, 7)))]
    refs = [SentenceRef(d, i) for d in doc_ids for i in range(int(rng.integers(1, 8)))]
    links = []
    for _ in range(int(rng.integers(1, 60))):
        a, b = rng.choice(len(refs), size=2, replace=False)
        # Few distinct scores, so that ties (input order decides) are exercised too.
        links.append(
            Alignment(refs[a], refs[b], float(rng.integers(10, 16)) / 10, anchored=bool(rng.random() < 0.2))
        )
    kept, groups = group_claims(links, doc_ids)
    found = sorted(tuple((r.doc, r.index) for r in g.members) for g in groups)
    assert found == _group_claims_plainly(links, doc_ids)
    for group in groups:
        told = {m.doc for m in group.members}
        assert group.missing == tuple(d for d in doc_ids if d not in told)
    member_group = {m: g.id for g in groups for m in g.members}
    for link in kept:
        if link.group:  # an accepted link joins two sentences of its group
            assert member_group[link.a] == member_group[link.b] == link.group
        else:  # refused links survive only with strong exact evidence
            assert link.anchored


@pytest.mark.parametrize(
    ("shared", "kept"),
    [
        # A figure's kind and order of magnitude only: a union's demand ("12 percent ... 12 months") and the
        # employer's offer ("10 Prozent ... 27 Monate") in a held-out review story.
        ({"qk:percent:1", "qk:month:1"}, False),
        # The same figure exactly, beside its magnitude: the strong evidence the rule is for.
        ({"v:5.6e6", "qk:USD:6"}, True),
        # A name most sentences of the story carry and a magnitude: a revenue forecast and a content budget
        # of one company (held-out review story).
        ({"n:lumora", "qk:USD:10"}, False),
        # A small whole number and a magnitude: "over two years" and "a 2 percent raise" (another story).
        ({"q:2", "qk:percent:0"}, False),
    ],
)
def test_strong_evidence_needs_an_exactly_shared_anchor(shared: set[str], kept: bool) -> None:
    from driftcheck.align import AlignmentSettings, _select

    # Sentence 0 of a prefers 0 of b and the other way round; (0, 1) is nobody's best match but clears the
    # mutual threshold and shares anchors summing past the strong bar.
    combined = np.array([[2.0, 1.45], [1.0, 1.0]], dtype=np.float32)
    cosine = np.full((2, 2), 0.6, dtype=np.float32)
    overlap = np.array([[0.0, 1.0], [0.0, 0.0]], dtype=np.float32)
    anchors_a = (frozenset(shared | {"n:union"}), frozenset())
    anchors_b = (frozenset({"n:bahn"}), frozenset(shared | {"n:bahn"}))
    weights = {"qk:percent:1": 0.5, "qk:month:1": 0.5, "v:5.6e6": 0.9, "qk:USD:6": 0.4, "n:lumora": 0.41}
    weights |= {"qk:USD:10": 0.53, "n:union": 0.3, "n:bahn": 0.3, "q:2": 0.55, "qk:percent:0": 0.51}
    pairs = {
        (i, j)
        for i, j, _, _ in _select(
            combined, cosine, AlignmentSettings(), overlap, (anchors_a, anchors_b), weights
        )
    }
    assert ((0, 1) in pairs) is kept
    assert (0, 0) in pairs
