"""In-order alignment of a source document with its translation (vecalign / bertalign style).

Sentences are aligned by dynamic programming over sentence similarities, allowing 1-1, 1-2, 2-1,
1-0 and 0-1 beads. No encoder lives here: callers pass L2-normalised embeddings.

How it works, and why:

* Scores are margin-normalised cosines: ``cos(x, y) - (r(x) + r(y)) / 2`` where ``r`` is the mean of
  the k best cosines of a sentence against (a deterministic sample of) the other side. Encoders differ
  in where their cosines sit (USE puts unrelated pairs near 0.1, others near 0.3 or 0.6); subtracting
  each sentence's neighbourhood level removes any constant offset and damps "hub" sentences that are
  close to everything.
* The skip penalty is derived from the band's own score distribution (a fraction of the magnitude of a
  low percentile, which is dominated by non-matching pairs), so it scales with the encoder's spread
  instead of being an absolute cosine that only fits one model.
* Speed: a coarse alignment of block-averaged embeddings (vecalign's downsampling) gives a path; the
  exact DP then runs only in a band around it. Each DP row is vectorised with numpy; the within-row
  0-1 chain is a running maximum (``np.maximum.accumulate``), so there is no Python loop over cells.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from driftcheck.errors import InputError

__all__ = ["DEFAULT_BAND", "Bead", "align_ordered", "bead_cosine"]

# Half-width (in sentences) of the band around the coarse path. Block averaging blurs the coarse path
# by up to one block, which is added on top; 8 more sentences absorb local merges, splits and drops.
DEFAULT_BAND = 8
# k of the k-nearest-neighbour mean: 4 is the value used for margin scoring in LASER-style mining.
KNN_K = 4
# At most this many sentences of the other side are used to estimate a sentence's neighbourhood level;
# an evenly spaced sample keeps this O(n * 512 * d) instead of O(n * m * d) and stays deterministic.
KNN_SAMPLE = 512
# Skip penalty = SKIP_FRACTION * |percentile(band 1-1 scores, SKIP_PERCENTILE)|. Band cells are almost all
# non-matches, so a low percentile measures how far below its neighbourhood a wrong pair sits on this
# encoder; the penalty therefore scales with the encoder's spread instead of being an absolute cosine.
# A link is kept when its margin beats -2 x penalty (the cost of leaving both sentences out): a fifth of
# the low percentile keeps true-but-weak links (margins a little below 0) while leaving most unrelated
# sentences that sit at the same place unaligned. On the Tatoeba benchmark 0.1-0.5 all give 1-1
# precision/recall within 0.5 points; larger values link more unrelated pairs in short documents.
SKIP_PERCENTILE = 10.0
SKIP_FRACTION = 0.2
# A 1-2 or 2-1 bead also pays this many skip penalties, so it is chosen only when the merged embedding
# matches better than the best single sentence does (merging an unrelated sentence always lowers the
# cosine, by ~30% for orthogonal content; with only the skip price the merge won whenever that drop was
# smaller than one skip penalty, which happened for weakly matching pairs). vecalign likewise scales
# the cost of many-sentence beads up.
MERGE_PENALTY = 1.0
# Both sides are mean-centred (then re-normalised) when each has at least this many sentences. Encoders
# are anisotropic: a shared component (the "language" or "topic" direction) lifts every cosine by a
# constant. Margins cancel such an offset for 1-1 cells, but not for the summed embedding of a 1-2 / 2-1
# bead, which leans further into the shared direction and would be over-rewarded. Removing each side's
# mean removes that component (cf. language-wise centring in cross-lingual retrieval). With one or two
# sentences the mean is mostly the sentences themselves, so tiny inputs are left alone.
CENTER_MIN = 3
# Documents whose DP grid has at most this many cells are aligned in full, without a coarse pass.
FULL_DP_CELLS = 160_000
# Target side length of the coarse grid (in blocks); keeps the coarse full DP at ~300 x 300 cells.
COARSE_BLOCKS = 500
# Rows per chunk when computing band scores with a dense matmul: small enough that the column span of a
# chunk stays close to the band width, large enough to amortise numpy call overhead.
SCORE_CHUNK = 64

_NEG = -np.inf
# Bead kinds, in tie-break order: a 1-1 link wins ties against merges and skips.
_K11, _K12, _K21, _K10, _K01 = 0, 1, 2, 3, 4


@dataclass(frozen=True)
class Bead:
    """Aligned source and target sentence indices (either may be empty) and the bead's DP score."""

    src: tuple[int, ...]
    tgt: tuple[int, ...]
    # Margin-normalised similarity for links (without the merge penalty); minus the skip penalty for
    # 1-0 / 0-1 beads.
    score: float


ExtraScore = Callable[[tuple[int, ...], tuple[int, ...]], float]


def _check(name: str, emb: np.ndarray) -> np.ndarray:
    """Validate one embedding matrix and return it as C-contiguous float32."""
    arr = np.asarray(emb)
    if arr.ndim != 2:
        raise InputError(f"align_ordered: {name} embeddings must be 2-D (sentences, dim), not {arr.shape}")
    if arr.size and not np.isfinite(arr).all():
        raise InputError(f"align_ordered: {name} embeddings contain NaN or inf; re-encode the sentences")
    return np.ascontiguousarray(arr, dtype=np.float32)


def _normalise(x: np.ndarray) -> np.ndarray:
    """L2-normalise rows, leaving all-zero rows at zero."""
    norms = np.linalg.norm(x, axis=1, keepdims=True)
    return x / np.maximum(norms, 1e-12)


def _pair_norms(x: np.ndarray) -> np.ndarray:
    """|x[i] + x[i+1]|: the normaliser of a two-sentence bead's summed embedding (as vecalign sums them).

    cos(norm(a + b), y) = (a.y + b.y) / |a + b|, so every two-sentence score is derived from 1-1 cosines
    already computed; no second or third matmul is needed.
    """
    if len(x) < 2:
        return np.ones(0)
    a, b = x[:-1].astype(np.float64), x[1:].astype(np.float64)
    sq = np.einsum("ij,ij->i", a, a) + np.einsum("ij,ij->i", b, b) + 2 * np.einsum("ij,ij->i", a, b)
    return np.sqrt(np.maximum(sq, 1e-24))


def _top_mean(sims: np.ndarray) -> np.ndarray:
    """Mean of each row's k largest values, floored at the median over rows."""
    k = min(KNN_K, sims.shape[1])
    level = np.partition(sims, sims.shape[1] - k, axis=1)[:, -k:].mean(axis=1).astype(np.float64)
    # Floor at the document's median level: a sentence with no counterpart has only unrelated neighbours,
    # so its own level is low and would make any pairing of it look good (Artetxe-style margins assume
    # every sentence has a translation). Hubs, whose level is high, are still marked down.
    return np.maximum(level, np.median(level)) if len(level) else level


def _knn_levels(x: np.ndarray, other: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Neighbourhood levels of each row of x and of each adjacent pair of rows, against `other`."""
    if len(other) > KNN_SAMPLE:
        other = other[np.linspace(0, len(other) - 1, KNN_SAMPLE).round().astype(np.int64)]
    sims = x @ other.T
    single = _top_mean(sims)
    if len(x) < 2:
        return single, np.zeros(0)
    pair = _top_mean((sims[:-1] + sims[1:]) / _pair_norms(x)[:, None].astype(np.float32))
    return single, pair


def _band_cos(
    rows_emb: np.ndarray, cols_emb: np.ndarray, row_of: np.ndarray, col0: np.ndarray, width: int
) -> np.ndarray:
    """Cosines of rows_emb[row_of[r]] with cols_emb[col0[r] + 0..width-1]; -inf where out of range."""
    n_rows = len(row_of)
    out = np.full((n_rows, width), _NEG, dtype=np.float64)
    ar = np.arange(width)
    for a in range(0, n_rows, SCORE_CHUNK):
        b = min(a + SCORE_CHUNK, n_rows)
        rr = row_of[a:b]
        ok_rows = (rr >= 0) & (rr < len(rows_emb))
        if not ok_rows.any() or len(cols_emb) == 0:
            continue
        c_lo = max(int(col0[a:b].min()), 0)
        c_hi = min(int(col0[a:b].max()) + width, len(cols_emb))
        if c_hi <= c_lo:
            continue
        block = rows_emb[np.clip(rr, 0, len(rows_emb) - 1)] @ cols_emb[c_lo:c_hi].T
        cols = col0[a:b, None] + ar[None, :]
        ok = ok_rows[:, None] & (cols >= c_lo) & (cols < c_hi)
        vals = np.take_along_axis(block, np.clip(cols - c_lo, 0, c_hi - c_lo - 1), axis=1)
        out[a:b] = np.where(ok, vals, _NEG)
    return out


def _coarse_band(src: np.ndarray, tgt: np.ndarray, band: int) -> tuple[np.ndarray, np.ndarray]:
    """Per DP row, the [lo, hi] target columns around a path found on block-averaged embeddings."""
    n, m = len(src), len(tgt)
    r = max(2, math.ceil(max(n, m) / COARSE_BLOCKS))

    def blocks(x: np.ndarray) -> np.ndarray:
        pad = (-len(x)) % r
        padded = np.vstack([x, np.zeros((pad, x.shape[1]), dtype=x.dtype)]) if pad else x
        return _normalise(padded.reshape(-1, r, x.shape[1]).sum(axis=1))

    coarse = _align(blocks(src), blocks(tgt), lo=None, hi=None, penalty=None, extra=None)
    lo = np.full(n + 1, m, dtype=np.int64)
    hi = np.zeros(n + 1, dtype=np.int64)
    i_c = j_c = 0
    for bead in coarse:
        i_n, j_n = i_c + len(bead.src), j_c + len(bead.tgt)
        r0, r1 = min(i_c * r, n), min(i_n * r, n)
        c0, c1 = min(j_c * r, m), min(j_n * r, m)
        lo[r0 : r1 + 1] = np.minimum(lo[r0 : r1 + 1], c0)
        hi[r0 : r1 + 1] = np.maximum(hi[r0 : r1 + 1], c1)
        i_c, j_c = i_n, j_n
    # Widen by one block (a block boundary need not match a sentence boundary) plus the caller's band.
    slack = r + band
    lo = np.maximum.accumulate(np.maximum(lo - slack, 0))
    hi = np.maximum.accumulate(np.minimum(hi + slack, m))
    return lo, hi


def _align(
    src: np.ndarray,
    tgt: np.ndarray,
    *,
    lo: np.ndarray | None,
    hi: np.ndarray | None,
    penalty: float | None,
    extra: ExtraScore | None,
    background: np.ndarray | None = None,
) -> list[Bead]:
    """Banded DP proper; lo/hi None means the full grid."""
    n, m = len(src), len(tgt)
    if n == 0 or m == 0:
        return [Bead((i,), (), 0.0) for i in range(n)] + [Bead((), (j,), 0.0) for j in range(m)]
    # Neighbourhoods: the other side, and the background where that side is shorter than KNN_K (centred
    # like the side it stands in for).
    src_near, tgt_near = tgt, src
    if n >= CENTER_MIN and m >= CENTER_MIN:
        src_mean, tgt_mean = src.mean(axis=0), tgt.mean(axis=0)
        src, tgt = _normalise(src - src_mean), _normalise(tgt - tgt_mean)
        src_near, tgt_near = tgt, src
        if background is not None and len(background):
            if m < KNN_K:
                src_near = np.concatenate([tgt, _normalise(background - tgt_mean).astype(np.float32)])
            if n < KNN_K:
                tgt_near = np.concatenate([src, _normalise(background - src_mean).astype(np.float32)])
    elif background is not None and len(background):
        src_near = np.concatenate([tgt, background]) if m < KNN_K else tgt
        tgt_near = np.concatenate([src, background]) if n < KNN_K else src
    if lo is None or hi is None:
        lo = np.zeros(n + 1, dtype=np.int64)
        hi = np.full(n + 1, m, dtype=np.int64)
    width = int((hi - lo).max()) + 1
    ar = np.arange(width)

    # Two-sentence beads get their own neighbourhood level (not the mean of their parts): a sentence with
    # no counterpart has a low level, and averaging it in would make merging it look cheap.
    r_src, r_src2 = _knn_levels(src, src_near)
    r_tgt, r_tgt2 = _knn_levels(tgt, tgt_near)
    pn_src, pn_tgt = _pair_norms(src), _pair_norms(tgt)

    rows = np.arange(n + 1)
    cols = lo[:, None] + ar[None, :]  # DP column j of each band cell

    def at(r: np.ndarray, idx: np.ndarray) -> np.ndarray:
        return r[np.clip(idx, 0, len(r) - 1)] if len(r) else np.ones(idx.shape)

    # Scores of the bead that ends in DP cell (i, j): 1-1 uses src i-1 / tgt j-1, 1-2 tgt pair j-2..j-1,
    # 2-1 src pair i-2..i-1. Margin = cosine minus the mean neighbourhood level of its two sides.
    cos = _band_cos(src, tgt, rows - 1, lo - 1, width)  # cos[i, k] = src[i-1] . tgt[lo[i] + k - 1]
    s11 = cos - (at(r_src, rows - 1)[:, None] + at(r_tgt, cols - 1)) / 2
    s12 = np.full_like(cos, _NEG)  # tgt j-2 is the previous cell of the same band row
    s12[:, 1:] = (cos[:, :-1] + cos[:, 1:]) / at(pn_tgt, cols[:, 1:] - 2)
    s12 -= (at(r_src, rows - 1)[:, None] + at(r_tgt2, cols - 2)) / 2
    s21 = np.full_like(cos, _NEG)  # src i-2 is the row above, at the same column (shifted by lo)
    shift = ar[None, :] + (lo[1:] - lo[:-1])[:, None]
    above = np.take_along_axis(cos[:-1], np.minimum(shift, width - 1), axis=1)
    s21[1:] = np.where(shift < width, above + cos[1:], _NEG) / at(pn_src, rows[1:] - 2)[:, None]
    s21 -= (at(r_src2, rows - 2)[:, None] + at(r_tgt, cols - 1)) / 2
    s21[:2] = _NEG
    beyond = cols > m
    for s in (s11, s12, s21):
        s[beyond] = _NEG

    finite = s11[np.isfinite(s11)]
    low = float(np.percentile(finite, SKIP_PERCENTILE)) if finite.size else 0.0
    scale = abs(low)
    pen = SKIP_FRACTION * scale if penalty is None else float(penalty)

    if extra is not None and scale > 0:
        # Only plausible links are offered to the hook (those that beat leaving both sentences unaligned),
        # so a Python callable stays cheap: a handful of cells per row. The bonus is in units of `scale`
        # so a hook written once means the same for every encoder.
        ii, kk = np.nonzero(s11 > -2 * pen)
        for i, k in zip(ii.tolist(), kk.tolist(), strict=True):
            s11[i, k] += scale * float(extra((i - 1,), (int(cols[i, k]) - 1,)))

    s12 -= MERGE_PENALTY * pen
    s21 -= MERGE_PENALTY * pen

    pad = 2
    store = np.full((n + 1, pad + 2 * width + 2), _NEG)
    code = np.full((n + 1, width), _K01, dtype=np.int8)
    ramp = ar * pen
    cand = np.empty((4, width))

    def finish(i: int, best: np.ndarray) -> None:
        # 0-1 beads chain within a row: D[j] = max_{j' <= j} (A[j'] - (j - j') * pen), a running maximum.
        shifted = best + ramp
        run = np.maximum.accumulate(shifted)
        row = run - ramp
        row[beyond[i]] = _NEG
        code[i][run > shifted] = _K01
        store[i, pad : pad + width] = row

    first = np.full(width, _NEG)
    first[0 - lo[0]] = 0.0
    finish(0, first)
    for i in range(1, n + 1):
        o1 = pad + min(int(lo[i] - lo[i - 1]), width + 2)
        prev = store[i - 1]
        np.add(prev[o1 - 1 : o1 - 1 + width], s11[i], out=cand[_K11])
        np.add(prev[o1 - 2 : o1 - 2 + width], s12[i], out=cand[_K12])
        if i >= 2:
            o2 = pad + min(int(lo[i] - lo[i - 2]), width + 2)
            np.add(store[i - 2][o2 - 1 : o2 - 1 + width], s21[i], out=cand[_K21])
        else:
            cand[_K21] = _NEG
        np.subtract(prev[o1 : o1 + width], pen, out=cand[_K10])
        kind = cand.argmax(axis=0)
        code[i] = kind
        finish(i, cand[kind, ar])

    if not np.isfinite(store[n, pad + m - lo[n]]):
        # The band lost the path (should not happen: bands of consecutive rows overlap). Fall back to the
        # full grid rather than return a wrong alignment.
        return _align(src, tgt, lo=None, hi=None, penalty=pen, extra=extra)

    beads: list[Bead] = []
    i, j = n, m
    while i > 0 or j > 0:
        k = j - int(lo[i])
        kind = int(code[i, k])
        if kind == _K11:
            beads.append(Bead((i - 1,), (j - 1,), float(s11[i, k])))
            i, j = i - 1, j - 1
        elif kind == _K12:
            beads.append(Bead((i - 1,), (j - 2, j - 1), float(s12[i, k]) + MERGE_PENALTY * pen))
            i, j = i - 1, j - 2
        elif kind == _K21:
            beads.append(Bead((i - 2, i - 1), (j - 1,), float(s21[i, k]) + MERGE_PENALTY * pen))
            i, j = i - 2, j - 1
        elif kind == _K10:
            beads.append(Bead((i - 1,), (), -pen))
            i -= 1
        else:
            beads.append(Bead((), (j - 1,), -pen))
            j -= 1
    beads.reverse()
    return beads


def align_ordered(
    src_emb: np.ndarray,
    tgt_emb: np.ndarray,
    *,
    band: int | None = None,
    skip_penalty: float | None = None,
    extra_score: ExtraScore | None = None,
    background: np.ndarray | None = None,
) -> list[Bead]:
    """Align two documents in order; every source and target index appears in exactly one bead."""
    # band: half-width (sentences) of the exact DP around the coarse path; inputs of up to FULL_DP_CELLS
    # grid cells are aligned on the full grid, so band only matters for long documents.
    # skip_penalty: score charged per unaligned sentence (>= 0, in margin units); None derives it from the
    # score distribution (see SKIP_FRACTION).
    # extra_score(src_idx_tuple, tgt_idx_tuple) -> bonus: called only for plausible 1-1 band cells (those
    # whose margin beats leaving both sentences unaligned), typically a few per row; the bonus is scaled by
    # |low percentile of margins| so 1.0 is worth about one "wrong pair vs its neighbourhood" gap.
    # background: embeddings of unrelated sentences (driftcheck.background) that make up a side's
    # neighbourhood where the other side has fewer than KNN_K sentences: a one-sentence source and its
    # one-sentence translation otherwise score a margin of exactly 0 and are never linked.
    src, tgt = _check("source", src_emb), _check("target", tgt_emb)
    if len(src) and len(tgt) and src.shape[1] != tgt.shape[1]:
        raise InputError(
            f"align_ordered: source and target embeddings differ in dimension ({src.shape[1]} vs "
            f"{tgt.shape[1]}); encode both sides with the same encoder"
        )
    if band is not None and band < 0:
        raise InputError(f"align_ordered: band must be >= 0, got {band}")
    if skip_penalty is not None and not (math.isfinite(skip_penalty) and skip_penalty >= 0):
        raise InputError(f"align_ordered: skip_penalty must be a finite number >= 0, got {skip_penalty}")
    n, m = len(src), len(tgt)
    lo = hi = None
    if n and m and (n + 1) * (m + 1) > FULL_DP_CELLS:
        lo, hi = _coarse_band(src, tgt, DEFAULT_BAND if band is None else band)
    if background is not None:
        background = _check("background", background)
        if len(background) and len(src) and background.shape[1] != src.shape[1]:
            raise InputError("align_ordered: background embeddings differ in dimension from the documents'")
    return _align(src, tgt, lo=lo, hi=hi, penalty=skip_penalty, extra=extra_score, background=background)


def bead_cosine(bead: Bead, src_emb: np.ndarray, tgt_emb: np.ndarray) -> float | None:
    """Plain cosine between the (summed) sides of a bead; None for a 1-0 or 0-1 bead."""
    if not bead.src or not bead.tgt:
        return None
    a = np.asarray(src_emb)[list(bead.src)].sum(axis=0)
    b = np.asarray(tgt_emb)[list(bead.tgt)].sum(axis=0)
    denom = float(np.linalg.norm(a) * np.linalg.norm(b))
    return float(a @ b) / denom if denom > 0 else 0.0
