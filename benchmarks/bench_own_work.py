"""The pipeline's own work (everything but encoding) of this checkout against another, interleaved.

    python benchmarks/bench_own_work.py --baseline DIR [--pairs 4] [--repeats 3] [--devdata DIR]

DIR is another checkout of driftcheck (e.g. `git worktree add /tmp/old <commit>`). Both run run_compare over
the throughput corpus of bench_pipeline.py (~5,100 distinct sentences) with a warm embedding cache, so the
encoder is never loaded and what is timed is the own work alone; every text-keyed memo is emptied before each
run, as in a fresh process. Each checkout runs in its own child process, `--repeats` runs each (the best is
kept), and the two alternate `--pairs` times, so both see the same moments of a shared machine: on 2 shared
cores the speed of a whole run moves by 20-30% within minutes, more than most changes being measured.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_pipeline import DEFAULT_DEVDATA, FULL, REPO, build_corpus, load1

CHILD = """
import sys, time
sys.path.insert(0, sys.argv[1])
import driftcheck
assert driftcheck.__file__.startswith(sys.argv[1]), driftcheck.__file__
from driftcheck.pipeline import CompareOptions, run_compare
options = CompareOptions(cache_dir=sys.argv[3])
run_compare([sys.argv[2]], options)  # start-up (lingua, lazy imports) and the cache, untimed
best = float("inf")
for _ in range(int(sys.argv[4])):
    for name, module in list(sys.modules.items()):
        if name.startswith("driftcheck"):
            for value in vars(module).values():
                clear = getattr(value, "cache_clear", None)
                code = getattr(getattr(value, "__wrapped__", None), "__code__", None)
                if clear is not None and code is not None and code.co_argcount:
                    clear()
    started = time.perf_counter()
    run_compare([sys.argv[2]], options)
    best = min(best, time.perf_counter() - started)
print(best)
"""


def own_work(checkout: Path, corpus: Path, cache: Path, repeats: int) -> float:
    """Best wall seconds of run_compare (all vectors cached) in a child importing driftcheck from checkout."""
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(checkout), str(corpus), str(cache), str(repeats)],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        sys.exit(f"FAILED in {checkout}:\n{result.stderr[-3000:]}")
    return float(result.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--baseline", type=Path, required=True, help="another checkout of driftcheck")
    parser.add_argument("--pairs", type=int, default=4)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--devdata", type=Path, default=DEFAULT_DEVDATA)
    args = parser.parse_args()
    baseline = args.baseline.resolve()
    if not (baseline / "driftcheck" / "pipeline.py").is_file():
        sys.exit(f"{baseline}: not a driftcheck checkout (no driftcheck/pipeline.py); give --baseline DIR")
    with tempfile.TemporaryDirectory(prefix="dc_bench_own_") as tmp:
        corpus, cache = Path(tmp) / "corpus", Path(tmp) / "cache"
        corpus.mkdir()
        counts = build_corpus(args.devdata, corpus, FULL)
        print(f"# bench_own_work: {counts['documents']} documents; this checkout {REPO} against {baseline}")
        own_work(REPO, corpus, cache, 1)  # fills the embedding cache (the only run that loads the model)
        rows: list[tuple[float, float]] = []
        workers = os.environ.get("DRIFTCHECK_WORKERS", "default")
        for n in range(args.pairs):
            load = load1()
            # Alternate which goes first, so neither always meets the machine in the same state.
            if n % 2:
                new = own_work(REPO, corpus, cache, args.repeats)
                old = own_work(baseline, corpus, cache, args.repeats)
            else:
                old = own_work(baseline, corpus, cache, args.repeats)
                new = own_work(REPO, corpus, cache, args.repeats)
            rows.append((old, new))
            print(
                f"  pair {n + 1}: baseline {old:.2f} s  this checkout {new:.2f} s  "
                f"({100 * (new - old) / old:+.0f}%)  (load {load:.2f}, workers {workers})"
            )
        olds, news = [r[0] for r in rows], [r[1] for r in rows]
        print(
            f"  best: baseline {min(olds):.2f} s, this checkout {min(news):.2f} s "
            f"({100 * (min(news) - min(olds)) / min(olds):+.0f}%); median of pairs' change "
            f"{statistics.median(100 * (n - o) / o for o, n in rows):+.0f}%"
        )
        print(
            f"  $ python benchmarks/bench_own_work.py --baseline {baseline} --pairs {args.pairs} "
            f"--repeats {args.repeats}"
        )


if __name__ == "__main__":
    main()
