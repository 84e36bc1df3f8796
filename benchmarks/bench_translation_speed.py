"""Speed of `run_translation` on a ~5,000-sentence document pair built from Tatoeba; the share in encoding.

    python benchmarks/bench_translation_speed.py [--cache-dir /tmp/dc-speed-cache] [--repeat 5]

The source document is Tatoeba's German and Chinese sentences repeated (with a number suffix so every sentence
is distinct) up to ~5,000 sentences; the translation drops every 40th sentence and merges every 25th pair into
one line, so the aligner sees 1-0 and 2-1 beads. The first run fills the embedding cache (minutes on a loaded
2-core machine); later runs read it, so their time is the pipeline's own. Alignment after encoding must stay
under 1 s.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from driftcheck.translation import TranslationOptions, run_translation

DATA = Path(__file__).resolve().parents[2] / "shared" / "devdata" / "tatoeba"


def build(target_sentences: int) -> tuple[str, str]:
    """Source and translation texts: one sentence per line (paragraphs), distinct, with drops and merges."""
    pairs = []
    for line in (DATA / "deu-eng.tsv").read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        if len(cells) >= 3 and cells[0].strip().isdigit():  # skip the header row
            pairs.append((cells[1].strip(), cells[2].strip()))
    src_lines, tgt_lines = [], []
    n = 0
    while len(src_lines) < target_sentences:
        for s, e in pairs:
            if len(src_lines) >= target_sentences:
                break
            n += 1
            # A distinct tag per copy keeps repeated sentences distinct (and exercises the number anchors).
            s_tag, e_tag = f"{n}: {s}", f"{n}: {e}"
            src_lines.append(s_tag)
            if n % 40 == 0:
                continue  # dropped in the translation
            if n % 25 == 0 and tgt_lines:
                tgt_lines[-1] = f"{tgt_lines[-1]} {e_tag}"  # merged with the previous sentence
            else:
                tgt_lines.append(e_tag)
    return "\n\n".join(src_lines) + "\n", "\n\n".join(tgt_lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Time run_translation per stage; exit 1 if alignment takes 1 s or more."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache-dir", default="/tmp/driftcheck-speed-cache")
    parser.add_argument("--sentences", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args(argv)
    source, target = build(args.sentences)
    with tempfile.TemporaryDirectory() as tmp:
        src_path, tgt_path = Path(tmp) / "source-de.txt", Path(tmp) / "target-en.txt"
        src_path.write_text(source, encoding="utf-8")
        tgt_path.write_text(target, encoding="utf-8")
        options = TranslationOptions(cache_dir=args.cache_dir, languages=("de", "en"))
        worst_align = 0.0
        for run in range(args.repeat):
            timings: dict[str, float] = {}
            start = time.perf_counter()
            report = run_translation(str(src_path), str(tgt_path), options, timings=timings)
            total = time.perf_counter() - start
            sentences = len(report.sentences)
            worst_align = max(worst_align, timings.get("align", 0.0))
            stages = ", ".join(f"{k} {v:.2f} s" for k, v in timings.items())
            rate = sentences / total
            print(f"run {run + 1}: {sentences} sentences in {total:.1f} s = {rate:.0f} sentences/s; "
                  f"encoding {timings.get('embed', 0.0) / total:.0%} of the time; {stages}")
            kinds: dict[str, int] = {}
            for f in report.findings:
                kinds[f.type] = kinds.get(f.type, 0) + 1
            print(f"  findings by type: {dict(sorted(kinds.items()))}; beads: {len(report.groups)}")
    print(f"alignment: worst {worst_align:.2f} s (must be < 1 s)")
    return 0 if worst_align < 1.0 else 1


if __name__ == "__main__":
    sys.exit(main())
