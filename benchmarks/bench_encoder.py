"""Benchmark driftcheck.embedding: Tatoeba top-1 retrieval, sentences/s, start-up, peak memory, cache speed.

Usage: python benchmarks/bench_encoder.py [--devdata DIR] [--st NAME_OR_PATH ...] [--batch-size N]
DIR defaults to $DRIFTCHECK_DEVDATA or ../shared/devdata next to the repository (the data is never copied in).
Each encoder runs in its own child process, so start-up time and peak RSS are that encoder's alone.
Example: python benchmarks/bench_encoder.py --st all-MiniLM-L6-v2
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

DEFAULT_DEVDATA = Path(
    os.environ.get("DRIFTCHECK_DEVDATA", Path(__file__).resolve().parents[2] / "shared/devdata")
)
PAIRS = [("deu-eng.tsv", "de"), ("cmn-eng.tsv", "zh")]


def read_pairs(path: Path) -> tuple[list[str], list[str]]:
    """Source and English columns of a Tatoeba TSV (id, source, eng)."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [r[1] for r in rows[1:]], [r[2] for r in rows[1:]]


def top1(queries: np.ndarray, targets: np.ndarray) -> float:
    """Share of queries whose nearest target (cosine) is the one at the same index."""
    return float(np.mean(np.argmax(queries @ targets.T, axis=1) == np.arange(len(queries))))


def run_one(spec: str, devdata: Path, batch_size: int) -> dict[str, object]:
    """Measure one encoder in this process; returns the figures as a JSON-able dict."""
    started = time.perf_counter()
    from driftcheck.embedding import EmbeddingCache, embed, load_encoder

    encoder = load_encoder(spec)
    encoder.load()
    encoder.encode(["warm-up sentence"])
    startup = time.perf_counter() - started

    result: dict[str, object] = {"spec": spec, "name": encoder.name, "startup_s": startup}
    total_sentences, total_time, total_cpu = 0, 0.0, 0.0
    with tempfile.TemporaryDirectory() as tmp:
        cache = EmbeddingCache(tmp)
        all_texts: list[str] = []
        for file, lang in PAIRS:
            sources, english = read_pairs(devdata / "tatoeba" / file)
            t0, c0 = time.perf_counter(), time.process_time()
            src = embed(sources, encoder, None, batch_size=batch_size)
            eng = embed(english, encoder, None, batch_size=batch_size)
            total_time += time.perf_counter() - t0
            total_cpu += time.process_time() - c0
            total_sentences += len(sources) + len(english)
            result[f"{lang}->en"] = top1(src, eng)
            result[f"en->{lang}"] = top1(eng, src)
            all_texts += sources + english
        result["sent_per_s"] = total_sentences / total_time
        # CPU time too: on a shared 2-core machine wall-clock throughput depends on the neighbours' load.
        result["sent_per_cpu_s"] = total_sentences / total_cpu
        result["dimension"] = encoder.dimension
        # Cold cache fill, then a full-hit run with a fresh encoder (must not load the model).
        embed(all_texts, encoder, cache, batch_size=batch_size)
        fresh = load_encoder(spec)
        t0 = time.perf_counter()
        embed(all_texts, fresh, cache)
        result["cached_run_s"] = time.perf_counter() - t0
        result["cached_run_loaded_model"] = fresh.loaded
        result["cached_sentences"] = len(set(all_texts))
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    return result


def cache_lookup(n: int = 5000, dim: int = 512) -> tuple[float, float]:
    """Seconds to store, then to look up, n random unit vectors in a fresh cache."""
    from driftcheck.embedding import EmbeddingCache

    rng = np.random.default_rng(0)
    vectors = rng.standard_normal((n, dim)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    texts = [f"Sentence {i}: the council voted {i} to {i + 1} on the budget." for i in range(n)]
    with tempfile.TemporaryDirectory() as tmp:
        cache = EmbeddingCache(tmp)
        t0 = time.perf_counter()
        for start in range(0, n, 64):  # as embed() writes: one transaction per batch
            cache.put("bench", texts[start : start + 64], vectors[start : start + 64])
        put_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        found = cache.get("bench", texts)
        get_s = time.perf_counter() - t0
        assert len(found) == n
    return put_s, get_s


def main() -> None:
    """Run every encoder in a child process and print one table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--devdata", type=Path, default=DEFAULT_DEVDATA)
    parser.add_argument("--st", action="append", default=[], help="also run st:NAME_OR_PATH (repeatable)")
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--one", help=argparse.SUPPRESS)  # internal: measure one spec and print JSON
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, args.devdata, args.batch_size)))
        return

    rows = []
    for spec in ["use", *(f"st:{name}" for name in args.st)]:
        command = [sys.executable, __file__, "--one", spec, "--devdata", str(args.devdata)]
        command += ["--batch-size", str(args.batch_size)]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode:
            print(f"{spec}: failed\n{done.stderr.strip().splitlines()[-1:]}", file=sys.stderr)
            continue
        rows.append(json.loads(done.stdout.strip().splitlines()[-1]))

    columns = ["de->en", "en->de", "zh->en", "en->zh"]
    cores = os.cpu_count()
    print(f"Tatoeba top-1 among 1,000 (devdata {args.devdata}), batch {args.batch_size}, {cores} cores")
    header = f"{'encoder':<58} " + " ".join(f"{c:>7}" for c in columns)
    header += f" {'sent/s':>7} {'/cpu-s':>7} {'start s':>7} {'peak MB':>8} {'cached s':>8}"
    print(header)
    for row in rows:
        line = f"{str(row['name'])[:58]:<58} " + " ".join(f"{100 * float(row[c]):6.1f}%" for c in columns)
        line += f" {float(row['sent_per_s']):7.0f} {float(row['sent_per_cpu_s']):7.0f}"
        line += f" {float(row['startup_s']):7.2f}"
        line += f" {float(row['peak_rss_mb']):8.0f} {float(row['cached_run_s']):8.3f}"
        if row["cached_run_loaded_model"]:
            line += "  (!) cached run loaded the model"
        print(line)
    put_s, get_s = cache_lookup()
    print(f"cache: 5,000 x 512-d vectors stored in {put_s:.3f} s (64 per transaction), read in {get_s:.3f} s")
    print("cached s = second embed() of all 4,000 Tatoeba sentences from the cache, fresh unloaded encoder")
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"load average at the end: {load} (sent/s is wall-clock, /cpu-s per CPU second)")


if __name__ == "__main__":
    main()
