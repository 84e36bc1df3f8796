"""Alignment quality on the bundled corpus: recall of the hand-made gold pairs for each scoring variant.

    python benchmarks/bench_alignment.py [--model SPEC]

Gold: tests/data/gold_alignments.yaml (pairs an editor would align). Prints, per variant, how many gold pairs
were found, how many alignments were made in all, and which gold pairs were missed.
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import sys
import time
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from driftcheck.align import AlignmentSettings, align_documents, group_claims  # noqa: E402
from driftcheck.corpus import load_corpus  # noqa: E402
from driftcheck.embedding import EmbeddingCache, embed, load_encoder  # noqa: E402
from driftcheck.facts import extract_facts  # noqa: E402
from driftcheck.language import LanguageIdentifier  # noqa: E402
from driftcheck.pipeline import Segmented, _align_inputs, comparable, segment_document  # noqa: E402


def gold_pairs(segmented: list[Segmented]) -> set[frozenset[tuple[str, int]]]:
    """Resolve the gold file's (doc, substring) members to sentence refs and expand groups into pairs."""
    data = yaml.safe_load((REPO / "tests/data/gold_alignments.yaml").read_text(encoding="utf-8"))
    by_doc = {seg.document.id: seg.sentences for seg in segmented}
    pairs: set[frozenset[tuple[str, int]]] = set()
    for group in data["groups"]:
        refs = []
        for member in group["members"]:
            hits = [s for s in by_doc[member["doc"]] if member["contains"] in s.text]
            if len(hits) != 1:
                raise SystemExit(f"gold member {member} matches {len(hits)} sentences")
            refs.append((member["doc"], hits[0].index))
        for x, y in itertools.combinations(sorted(set(refs)), 2):
            pairs.add(frozenset((x, y)))
    return pairs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--model", default=None)
    args = parser.parse_args()
    corpus = load_corpus([str(REPO / "corpus")])
    identifier = LanguageIdentifier()
    segmented = []
    for document in corpus.documents:
        document, sentences = segment_document(document, identifier)
        segmented.append(
            Segmented(document, tuple(sentences), tuple(extract_facts(s, document) for s in sentences))
        )
    chosen = [
        (n, m) for n, seg in enumerate(segmented) for m, s in enumerate(seg.sentences) if comparable(s, False)
    ]
    encoder = load_encoder(args.model)
    vectors = embed([segmented[n].sentences[m].text for n, m in chosen], encoder, EmbeddingCache(None), None)
    inputs = _align_inputs(segmented, chosen, vectors)
    gold = gold_pairs(segmented)
    text = {(s.doc, s.index): s.text for seg in segmented for s in seg.sentences}
    base = AlignmentSettings()
    variants = {
        "plain mutual best (cosine floor only)": dataclasses.replace(
            base, anchor_weight=0.0, context_weight=0.0, mutual_threshold=0.0, single_threshold=float("inf")
        ),
        "embedding margin only, mutual best": dataclasses.replace(
            base, anchor_weight=0.0, context_weight=0.0, single_threshold=float("inf")
        ),
        "margin, one-to-two allowed": dataclasses.replace(base, anchor_weight=0.0, context_weight=0.0),
        "+ shared anchors": dataclasses.replace(base, context_weight=0.0),
        "+ anchors + context (default)": base,
    }
    print(f"encoder: {encoder.name}; gold pairs: {len(gold)}; comparable sentences: {len(chosen)}")
    print(f"{'variant':40s} {'gold found':>10s} {'aligned':>8s} {'seconds':>8s}")
    for name, settings in variants.items():
        started = time.perf_counter()
        found = align_documents(inputs, settings)
        found, _ = group_claims(found, [s.document.id for s in segmented], settings.max_per_doc)
        seconds = time.perf_counter() - started
        pairs = {frozenset(((x.a.doc, x.a.index), (x.b.doc, x.b.index))) for x in found}
        hit = gold & pairs
        print(f"{name:40s} {len(hit):>4d}/{len(gold):<5d} {len(pairs):>8d} {seconds:>8.3f}")
        for missed in sorted(gold - pairs, key=sorted):
            (d1, i1), (d2, i2) = sorted(missed)
            print(f"    missed {d1}#{i1} ~ {d2}#{i2}: {text[(d1, i1)][:60]!r} ~ {text[(d2, i2)][:60]!r}")


if __name__ == "__main__":
    main()
