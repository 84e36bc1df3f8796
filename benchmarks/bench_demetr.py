"""DEMETR (de->en, zh->en dev half): does `driftcheck pairs` catch injected translation errors and leave
correct translations alone?

Each item gives a source sentence, a correct machine translation (mt_sent) and the same translation with one
injected error (pert_sent). Positives: (src_sent, pert_sent) of the critical kinds we claim to check; a hit is
any finding of severity low or above. Negatives: each distinct (src_sent, mt_sent) — a correct translation,
flagged when it gets any finding at low or above. Benign kinds (punctuation dropped, tokenised, lower-cased,
human reference) must not be flagged either.

    python benchmarks/bench_demetr.py [--data PATH] [--misses KIND] [--json OUT]

The comparison runs through `run_pairs` in-process (the same code as `driftcheck pairs`), on a JSONL file
written to a temporary directory; no embedding model is involved.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from driftcheck.models import SEVERITY_RANK
from driftcheck.translation import run_pairs

DATA = Path(__file__).resolve().parents[2] / "shared" / "devdata" / "demetr" / "demetr_de_zh_dev.jsonl"

# The error kinds driftcheck claims to check, and the recall each must reach per language.
TARGETS: dict[str, dict[str, float]] = {
    "critical_id10_numbers_replaced": {"de": 0.95, "zh": 0.95},
    "critical_id9_ne_replaced": {"de": 0.80, "zh": 0.60},
    "critical_id25_ne_removed": {"de": 0.80, "zh": 0.60},
    "critical_id8_negation": {"de": 0.70, "zh": 0.70},
    "critical_id7_antonym": {},  # reported, no target: antonyms need lexical semantics we do not have
}
BENIGN = (
    "minor_id28_final_punc_removed", "minor_id30_tokenized", "minor_id31_full_lower", "base_id35_reference"
)
MAX_CORRECT_FLAGGED = 0.03
LANGS = {"german": "de", "chinese_simple": "zh"}


def _flagged(findings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [f for f in findings if SEVERITY_RANK[f["severity"]] >= SEVERITY_RANK["low"]]


def evaluate(path: Path = DATA) -> dict[str, Any]:
    """Run every positive, negative and benign pair through run_pairs; recall and flag rates per language."""
    from driftcheck.report_json import report_dict

    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    items: list[tuple[str, str, str, str, str]] = []  # (pair id, role, lang, source, target)
    seen: set[tuple[str, str]] = set()
    for row in rows:
        lang = LANGS[row["lang_tag"]]
        kind = row["pert_name"]
        if kind in TARGETS or kind in BENIGN:
            items.append((f"p{row['id']}-{kind}", kind, lang, row["src_sent"], row["pert_sent"]))
        if (row["src_sent"], row["mt_sent"]) not in seen:
            seen.add((row["src_sent"], row["mt_sent"]))
            items.append((f"n{row['id']}", "correct", lang, row["src_sent"], row["mt_sent"]))
    start = time.perf_counter()
    by_pair: dict[str, list[dict[str, Any]]] = defaultdict(list)
    with tempfile.TemporaryDirectory() as tmp:
        for lang in ("de", "zh"):
            # One file per source language, as a translation desk would have: the language tags are given.
            file = Path(tmp) / f"demetr-{lang}.jsonl"
            with file.open("w", encoding="utf-8") as out:
                for pid, _, item_lang, src, tgt in items:
                    if item_lang == lang:
                        out.write(json.dumps({"id": pid, "source": src, "target": tgt, "source_lang": lang,
                                              "target_lang": "en"}, ensure_ascii=False) + "\n")
            data = report_dict(run_pairs(str(file)))
            for f in data["findings"]:
                by_pair[f["segment"]].append(f)
    seconds = time.perf_counter() - start
    results: dict[str, Any] = {"seconds": round(seconds, 2), "pairs": len(items), "kinds": {}, "misses": {}}
    counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for pid, role, lang, src, tgt in items:
        hit = bool(_flagged(by_pair.get(pid, [])))
        counts[(role, lang)][0] += hit
        counts[(role, lang)][1] += 1
        wanted_hit = role in TARGETS
        if hit != wanted_hit:
            results["misses"].setdefault(f"{role}/{lang}", []).append(
                {"id": pid, "source": src, "target": tgt,
                 "findings": [f"{f['type']}/{f['severity']}: {f['message']}" for f in by_pair.get(pid, [])]})
    for (role, lang), (hits, total) in sorted(counts.items()):
        results["kinds"].setdefault(role, {})[lang] = {"hits": hits, "total": total, "rate": hits / total}
    return results


def main(argv: list[str] | None = None) -> int:
    """Print recall per kind and language and flag rates on correct and benign pairs; exit 1 on a miss."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--misses", help="print the misses of one role, e.g. critical_id9_ne_replaced/zh")
    parser.add_argument("--json", type=Path, help="write the full results here")
    args = parser.parse_args(argv)
    results = evaluate(args.data)
    failed = []
    print(f"{results['pairs']} pairs in {results['seconds']} s")
    print(f"{'kind':36s} {'lang':4s} {'hits':>5s} {'total':>5s} {'rate':>6s}  target")
    for role, per_lang in results["kinds"].items():
        for lang, c in per_lang.items():
            if role in TARGETS:
                target = TARGETS[role].get(lang)
                ok = target is None or c["rate"] >= target
                note = "" if target is None else f">= {target:.0%} {'ok' if ok else 'MISSED'}"
            else:
                target = MAX_CORRECT_FLAGGED
                ok = role != "correct" or c["rate"] <= target
                verdict = "ok" if ok else "MISSED"
                note = f"<= {target:.0%} flagged {verdict}" if role == "correct" else "flagged"
            if not ok:
                failed.append(f"{role}/{lang}")
            print(f"{role:36s} {lang:4s} {c['hits']:5d} {c['total']:5d} {c['rate']:6.1%}  {note}")
    if args.misses:
        for miss in results["misses"].get(args.misses, []):
            print(f"- {miss['id']}\n  S: {miss['source']}\n  T: {miss['target']}")
            for line in miss["findings"]:
                print(f"  F: {line[:200]}")
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    if failed:
        print("targets missed: " + ", ".join(failed), file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
