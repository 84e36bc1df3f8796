"""Tatoeba top-1 retrieval (deu-eng, cmn-eng; 1,000 pairs each, both directions): the raw default encoder's
cosine, and the scoring the translation aligner uses (ratio margin + a bonus for shared exact anchors).

    python benchmarks/bench_retrieval.py [--cache-dir /tmp/dc-cache] [--model use]

Scores: raw = cosine; margin = LASER ratio margin cos(x,y) / mean(kNN_x, kNN_y) with k=4; margin+anchors adds
0.5 x (ratio margin units) when both sentences share an exact number or date anchor (facts.value_anchor).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

from driftcheck.embedding import EmbeddingCache, embed, load_encoder
from driftcheck.models import Document, Line, Sentence

DATA = Path(__file__).resolve().parents[2] / "shared" / "devdata" / "tatoeba"
K = 4
ANCHOR_BONUS = 0.5


def read(path: Path) -> tuple[list[str], list[str]]:
    """Foreign sentences and their English translations, in file order."""
    src, eng = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        if len(cells) >= 3 and cells[0].strip().isdigit():  # the first row is a header (id, deu, eng)
            src.append(cells[1])
            eng.append(cells[2])
    return src, eng


def anchors(texts: list[str], lang: str) -> list[frozenset[str]]:
    """Exact number/date anchors of each sentence (names are left out: they recur and change script)."""
    from driftcheck.facts import extract_facts

    out = []
    for k, text in enumerate(texts):
        doc = Document("d", "d", text, (Line(text, 0, len(text), "body"),), language=lang)
        facts = extract_facts(Sentence("d", k, text, lang, "body", 0, len(text)), doc)
        out.append(frozenset(a for a in facts.anchors if a.startswith(("q:", "d:"))))
    return out


def top1(scores: np.ndarray) -> float:
    """Share of rows whose best column is the diagonal one."""
    return float((scores.argmax(axis=1) == np.arange(len(scores))).mean())


def margin(cos: np.ndarray) -> np.ndarray:
    """Ratio margin: cosine over the mean of both sides' k-nearest-neighbour cosines."""
    kx = np.sort(cos, axis=1)[:, -K:].mean(axis=1)
    ky = np.sort(cos, axis=0)[-K:, :].mean(axis=0)
    return cos / ((kx[:, None] + ky[None, :]) / 2)


def main(argv: list[str] | None = None) -> int:
    """Print top-1 accuracy per language pair and direction, raw and with the pipeline's scoring."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache-dir", default="/tmp/driftcheck-bench-cache")
    parser.add_argument("--model", default=None)
    args = parser.parse_args(argv)
    encoder = load_encoder(args.model)
    cache = EmbeddingCache(args.cache_dir)
    print(f"encoder: {encoder.name}")
    print(f"{'pair':9s} {'direction':9s} {'raw':>6s} {'margin':>7s} {'margin+anchors':>15s}")
    for name, lang in (("deu-eng", "de"), ("cmn-eng", "zh")):
        src, eng = read(DATA / f"{name}.tsv")
        start = time.perf_counter()
        vs, ve = embed(src, encoder, cache), embed(eng, encoder, cache)
        seconds = time.perf_counter() - start
        cos = vs @ ve.T
        shared = np.zeros_like(cos)
        a_src, a_eng = anchors(src, lang), anchors(eng, "en")
        for i, a in enumerate(a_src):
            if a:
                for j, b in enumerate(a_eng):
                    if a & b:
                        shared[i, j] = ANCHOR_BONUS
        m = margin(cos)
        for direction, raw, mm, sh in (("xx->en", cos, m, shared), ("en->xx", cos.T, m.T, shared.T)):
            print(f"{name:9s} {direction:9s} {top1(raw):6.1%} {top1(mm):7.1%} {top1(mm + sh):15.1%}")
        print(f"  ({len(src)} pairs, encoding {seconds:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
