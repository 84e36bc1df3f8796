"""Benchmark the fact extractors: µs per sentence for each extractor and language, and the cold total.

Usage: python benchmarks/bench_facts.py [--devdata DIR] [--repeat N] [--limit N] [--src DIR]
DIR defaults to $DRIFTCHECK_DEVDATA or ../shared/devdata next to the repository (the data is never copied in).
--src names the directory holding the driftcheck package to measure (default: this checkout, whatever the
installed copy points at), e.g. a pristine copy for a before/after comparison.

Sentences: Tatoeba deu-eng and cmn-eng (both sides), DEMETR de/zh dev (src_sent and mt_sent) and the lines
of the bundled corpus; distinct (text, language) pairs. Every pass starts with every memo cleared, so each
figure is the cost of sentences seen for the first time (what the pipeline pays on a new story). The
"facts_of_text" row is the whole per-sentence extraction as driftcheck.facts runs it; it is less than the
sum of the rows when extractors share work (an entity list reused by name spans, quotes, attributions).
The last line times the corpus-wide name-spelling search (find_spelling_variants) over every entity found.
Each cell is the best of --repeat passes in process CPU time, because the machine is shared and noisy.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import gc
import importlib
import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DEVDATA = Path(os.environ.get("DRIFTCHECK_DEVDATA", REPO.parent / "shared" / "devdata"))
LANGS = ("en", "de", "zh")
PUBLISHED = dt.date(2025, 1, 28)


def load_sentences(devdata: Path) -> list[tuple[str, str]]:
    """Distinct (text, lang) pairs, in file order."""
    pairs: list[tuple[str, str]] = []
    for name, lang in (("deu-eng.tsv", "de"), ("cmn-eng.tsv", "zh")):
        with (devdata / "tatoeba" / name).open(encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
        for row in rows[1:]:
            pairs += [(row[1], lang), (row[2], "en")]
    with (devdata / "demetr" / "demetr_de_zh_dev.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            item = json.loads(line)
            lang = "zh" if item["lang_tag"].startswith("chinese") else "de"
            pairs += [(item["src_sent"], lang), (item["mt_sent"], "en")]
    for path in sorted((REPO / "corpus").glob("*.txt")):
        pairs += [(line, "en") for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]
    return list(dict.fromkeys((text.strip(), lang) for text, lang in pairs if text.strip()))


def import_driftcheck(src: Path) -> dict[str, ModuleType]:
    """The extractor modules imported from src, first on the path (the installed copy may be elsewhere)."""
    sys.path.insert(0, str(src))
    names = ("dates", "entities", "facts", "quantities", "statements")
    modules = {name: importlib.import_module(f"driftcheck.{name}") for name in names}
    assert Path(modules["facts"].__file__ or "").resolve().is_relative_to(src.resolve()), "wrong driftcheck"
    return modules


def clear_caches(modules: dict[str, ModuleType]) -> None:
    """Forget every memo in the extractor modules, so the next pass measures cold work."""
    for module in modules.values():
        for obj in vars(module).values():
            if (
                callable(getattr(obj, "cache_clear", None))
                and getattr(obj, "__module__", "") == module.__name__
            ):
                obj.cache_clear()


Extractor = Callable[[str, str, Any], object]


def extractors(m: dict[str, ModuleType]) -> dict[str, Extractor]:
    """One row per extractor, called as driftcheck.facts calls it, plus the whole facts_of_text."""
    return {
        "quantities": lambda t, lang, _e: m["quantities"].extract_quantities(t, lang),
        "dates": lambda t, lang, _e: m["dates"].extract_dates(t, lang, PUBLISHED),
        "entities": lambda t, lang, _e: m["entities"].extract_entities(t, lang),
        "name_spans": lambda t, lang, _e: m["entities"].name_spans(t, lang),
        "attributions": lambda t, lang, ents: m["entities"].extract_attributions(t, lang, ents),
        "quotes": lambda t, lang, _e: m["statements"].extract_quotes(t, lang),
        "hedges": lambda t, lang, _e: m["statements"].extract_hedges(t, lang),
        "negations": lambda t, lang, _e: m["statements"].extract_negations(t, lang),
        "polarity": lambda t, lang, _e: m["statements"].negation_polarity(t, lang),
        "facts_of_text": lambda t, lang, _e: m["facts"].facts_of_text(t, lang, PUBLISHED),
    }


def time_pass(fn: Extractor, items: list[tuple[str, str, Any]], modules: dict[str, ModuleType]) -> float:
    """CPU seconds of this process for one cold pass of fn over items.

    CPU time rather than wall time: on a shared, loaded machine wall time also counts the time other
    processes hold the core, which swamped the differences being measured.
    """
    clear_caches(modules)
    gc.collect()
    t0 = time.process_time()
    for text, lang, ents in items:
        fn(text, lang, ents)
    return time.process_time() - t0


def time_spelling(
    modules: dict[str, ModuleType], items: list[tuple[str, str, Any]], repeat: int
) -> tuple[float, str]:
    """Best CPU milliseconds of the name-spelling search over every entity of every sentence, and its size.

    The sentences are dealt into documents of 40, so that names recur across and within documents as in a
    corpus. Memos stay warm (the pipeline folds each name while extracting it); each pass gets a fresh alias
    table, as each run does.
    """
    entities = modules["entities"]
    mentions = [
        entities.Mention(f"doc{i // 40}", i % 40, e)
        for i, (_t, _lang, ents) in enumerate(items)
        for e in ents
    ]
    times = []
    for _ in range(repeat):
        gc.collect()
        t0 = time.process_time()
        entities.find_spelling_variants(mentions, entities.AliasTable())
        times.append(time.process_time() - t0)
    keys = len({m.entity.key for m in mentions})
    return min(times) * 1e3, f"{len(mentions)} mentions, {keys} keys"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--devdata", type=Path, default=DEFAULT_DEVDATA)
    parser.add_argument("--repeat", type=int, default=3, help="passes per cell; the best is reported")
    parser.add_argument("--limit", type=int, default=0, help="use only the first N sentences (0 = all)")
    parser.add_argument("--src", type=Path, default=REPO, help="directory holding the driftcheck package")
    args = parser.parse_args(argv)
    modules = import_driftcheck(args.src)
    entities = modules["entities"]

    pairs = load_sentences(args.devdata)
    if args.limit:
        pairs = pairs[: args.limit]
    # Attributions get the entity list the pipeline passes in; computing it is not part of their cost.
    by_lang = {
        lang: [(t, lg, entities.extract_entities(t, lg)) for t, lg in pairs if lg == lang] for lang in LANGS
    }
    every = [item for lang in LANGS for item in by_lang[lang]]

    rows = extractors(modules)
    table: dict[str, dict[str, float]] = {}
    for name, fn in rows.items():
        table[name] = {}
        for lang, items in (*by_lang.items(), ("all", every)):
            best = min(time_pass(fn, items, modules) for _ in range(args.repeat))
            table[name][lang] = best / max(len(items), 1) * 1e6
    table["sum of rows"] = {
        col: sum(v[col] for k, v in table.items() if k != "facts_of_text") for col in (*LANGS, "all")
    }

    spelling_ms, spelling_size = time_spelling(modules, every, args.repeat)

    counts = {lang: len(items) for lang, items in by_lang.items()}
    print(
        f"python {sys.version.split()[0]}; sentences: {len(every)} "
        + " ".join(f"{k}={v}" for k, v in counts.items())
    )
    print(f"driftcheck from {Path(modules['facts'].__file__ or '').parent}")
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"best of {args.repeat} cold passes (process CPU time); load average {load}")
    cols = (*LANGS, "all")
    print(f"{'µs/sentence':<16}" + "".join(f"{c:>10}" for c in cols))
    for name, vals in table.items():
        if name in ("facts_of_text", "sum of rows"):
            print("-" * (16 + 10 * len(cols)))
        print(f"{name:<16}" + "".join(f"{vals[c]:>10.1f}" for c in cols))
    print(f"find_spelling_variants over {spelling_size}: {spelling_ms:.1f} ms (best of {args.repeat})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
