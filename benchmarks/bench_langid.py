"""Benchmark driftcheck.language on Tatoeba: accuracy per language, µs per sentence, added start-up time.

Usage: python benchmarks/bench_langid.py [--devdata DIR]
DIR defaults to $DRIFTCHECK_DEVDATA or ../shared/devdata next to the repository (the data is never copied in).
"""

from __future__ import annotations

import argparse
import csv
import os
import subprocess
import sys
import time
from pathlib import Path

DEFAULT_DEVDATA = Path(
    os.environ.get("DRIFTCHECK_DEVDATA", Path(__file__).resolve().parents[2] / "shared/devdata")
)

# (file, column, expected language, label)
SIDES = [
    ("deu-eng.tsv", 1, "de", "de (deu-eng source)"),
    ("deu-eng.tsv", 2, "en", "en (deu-eng English side)"),
    ("cmn-eng.tsv", 1, "zh", "zh (cmn-eng source)"),
    ("cmn-eng.tsv", 2, "en", "en (cmn-eng English side)"),
]

STARTUP_SNIPPET = """
import time
t0 = time.perf_counter()
c0 = time.process_time()
from driftcheck.language import LanguageIdentifier
ident = LanguageIdentifier(("en", "de", "zh"))
t1 = time.perf_counter()
ident.detect("Mary said she didn't know where Tom was.")
t2 = time.perf_counter()
ident.detect("Maria sagte, sie wisse nicht, wo Tom sei.")
ident.detect("我们试试看！")
t3 = time.perf_counter()
print(t1 - t0, t2 - t1, t3 - t2, time.process_time() - c0)
"""


def read_side(devdata: Path, name: str, column: int) -> list[str]:
    """The sentences of one column of a Tatoeba TSV."""
    with (devdata / "tatoeba" / name).open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [row[column] for row in rows[1:]]


def startup(repeats: int = 3) -> tuple[float, float, float, float]:
    """Median (import+construct, first detect, first de+zh detects, CPU seconds) over fresh interpreters."""
    runs = []
    for _ in range(repeats):
        out = subprocess.run(
            [sys.executable, "-c", STARTUP_SNIPPET], check=True, capture_output=True, text=True
        ).stdout
        runs.append(tuple(float(x) for x in out.split()))
    runs.sort(key=lambda r: sum(r))
    a, b, c, cpu = runs[len(runs) // 2]
    return a, b, c, cpu


def main() -> int:
    """Run the benchmark and print a table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--devdata", type=Path, default=DEFAULT_DEVDATA)
    args = parser.parse_args()

    imp, first, others, cpu = startup()
    print(
        f"start-up: import+construct {imp * 1e3:.1f} ms, first detect {first * 1e3:.1f} ms, "
        f"first de+zh detects {others * 1e3:.1f} ms, total {(imp + first + others) * 1e3:.1f} ms wall, "
        f"{cpu * 1e3:.1f} ms CPU"
    )

    from driftcheck.language import LanguageIdentifier

    ident = LanguageIdentifier(("en", "de", "zh"))
    # Steady state: lingua loads each language's n-gram models on first use; that cost is in "start-up".
    for name, column, _, _ in SIDES:
        ident.detect_many(read_side(args.devdata, name, column)[:20])
    total_n = 0
    total_t = 0.0
    print(f"{'side':28} {'n':>5} {'accuracy':>9} {'µs/sent':>8}  top confusions")
    for name, column, expected, label in SIDES:
        texts = read_side(args.devdata, name, column)
        t0 = time.perf_counter()
        got = ident.detect_many(texts)
        elapsed = time.perf_counter() - t0
        correct = sum(g == expected for g in got)
        wrong: dict[str | None, int] = {}
        for g in got:
            if g != expected:
                wrong[g] = wrong.get(g, 0) + 1
        total_n += len(texts)
        total_t += elapsed
        confusions = ", ".join(f"{k}:{v}" for k, v in sorted(wrong.items(), key=lambda kv: -kv[1])) or "-"
        per_sentence = elapsed / len(texts) * 1e6
        print(f"{label:28} {len(texts):5d} {correct / len(texts):9.2%} {per_sentence:8.1f}  {confusions}")
    print(f"{'all':28} {total_n:5d} {'':9} {total_t / total_n * 1e6:8.1f}")
    second = LanguageIdentifier(("en", "de", "zh")).detect_many(read_side(args.devdata, "cmn-eng.tsv", 1))
    first_run = ident.detect_many(read_side(args.devdata, "cmn-eng.tsv", 1))
    print(f"deterministic across instances: {second == first_run}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
