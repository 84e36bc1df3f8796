"""Property tests for the fact extractors' fast paths: each pre-check only skips work that finds nothing.

Every fast path is compared with the slow path it short-cuts, on real sentences (the bundled corpus and, when
present, ../shared/devdata: Tatoeba both sides, DEMETR source, translation and perturbed sentences), on their
upper- and title-cased forms (the case-insensitive patterns), and on a few hand-made edge cases.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import json
import re
from functools import cache

import pytest
from conftest import DEVDATA, REPO

from driftcheck import dates, entities, quantities, statements


@cache
def sentences() -> tuple[str, ...]:
    """Distinct sentences of the corpus and the dev data, with upper- and title-case variants."""
    texts: list[str] = []
    for path in sorted((REPO / "corpus").glob("*.txt")):
        texts += path.read_text(encoding="utf-8").split("\n")
    for name in ("deu-eng.tsv", "cmn-eng.tsv"):
        path = DEVDATA / "tatoeba" / name
        if path.exists():
            with path.open(encoding="utf-8", newline="") as handle:
                for row in list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))[1:]:
                    texts += row[1:3]
    path = DEVDATA / "demetr" / "demetr_de_zh_dev.jsonl"
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            item = json.loads(line)
            texts += [item["src_sent"], item["mt_sent"], item["pert_sent"]]
    base = [t.strip() for t in texts if t.strip()]
    return tuple(dict.fromkeys([*base, *(t.upper() for t in base), *(t.title() for t in base)]))


# Letters re.IGNORECASE equates with ASCII ones although str.lower() does not produce them.
ODD = (
    "It is ſaid to be big.",
    "He İS SAİD TO lead.",
    "It ıs saıd to be so.",
    "Was not ſo.",
    "He did NOT know.",
    "It ISN’T so, is it?",
    "SHE CAN’T HELP THINKING.",
    "Nobody but him.",
    "Reportedly, apparently, CITED, Rumours.",
    "LAST SUNDAY, YESTERDAY, NEXT YEAR at 5 PM",
    "laſt Sunday and thıs year, MİTTWOCH, yeſterday, laſt jahr",
    "Am Montagabend, letztes JAHR, 3. März 2024 um 15 Uhr",
    "去年3月5日下午三点半，上周五",
)


GATED_TABLES = [
    (f"{kind}-{code}", code, table)
    for kind, tables in (("hedge", statements._HEDGE_TABLES), ("negation", statements._NEG_TABLES))
    for code, table in tables.items()
    if table.keywords is not None
]


@pytest.mark.parametrize(("code", "table"), [t[1:] for t in GATED_TABLES], ids=[t[0] for t in GATED_TABLES])
def test_keyword_gate_never_hides_a_marker(code: str, table: statements._ScanTable) -> None:
    """_scan with a keyword gate returns what it returns without one."""
    assert table.keywords is not None
    ungated = dataclasses.replace(table, keywords=None)
    for text in (*sentences(), *ODD):
        scan_text = statements.fold_han(text) if code == "zh" else None
        assert statements._scan(text, table, scan_text) == statements._scan(text, ungated, scan_text), text
        # Stronger than equal output: the gate passes every text any pattern matches at all.
        if table.any_match.search(text):
            assert table.keywords.search(text.lower()), text


def test_date_triggers_are_necessary() -> None:
    """Where a date pattern matches, its trigger fires on the lowered text; where any one fires, the gate."""
    for text in (*sentences(), *ODD):
        low = text.lower()
        for kind, pattern in dates._PATTERNS:
            if pattern.search(text):
                assert dates._TRIGGERS[dates._TRIGGER_OF[kind]].search(low), (kind, text)
        if any(trigger.search(low) for trigger in dates._TRIGGERS.values()):
            assert dates._ANY_TRIGGER_CHAR.search(low) or dates._ANY_TRIGGER_WORD.search(low), text


def test_date_triggers_change_no_result(monkeypatch: pytest.MonkeyPatch) -> None:
    """extract_dates with every pattern run on every text finds exactly what the triggered run finds."""
    published = dt.date(2025, 1, 28)
    texts = (*sentences(), *ODD)
    dates._chosen_matches.cache_clear()
    fast = [dates.extract_dates(t, None, published) for t in texts]
    always = re.compile("")
    monkeypatch.setattr(dates, "_ANY_TRIGGER_CHAR", always)
    monkeypatch.setattr(dates, "_TRIGGERS", {name: always for name in dates._TRIGGERS})
    dates._chosen_matches.cache_clear()  # memoised matches were found with the triggers
    try:
        assert [dates.extract_dates(t, None, published) for t in texts] == fast
    finally:
        dates._chosen_matches.cache_clear()


def test_dates_with_and_without_publication_date() -> None:
    """The memo shared by both readings gives what each reading gives from scratch, in either order."""
    published = dt.date(2025, 1, 28)
    texts = (*sentences(), *ODD)
    results = []
    for order in ((published, None), (None, published)):
        found: dict[dt.date | None, list[list[dates.DateFact]]] = {}
        for when in order:
            found[when] = [dates.extract_dates(t, None, when) for t in texts]
        dates._chosen_matches.cache_clear()
        results.append(found)
    assert results[0] == results[1]


def test_near_miss_candidates_are_all_the_pairs() -> None:
    """find_spelling_variants finds the near misses a plain loop over every pair of keys finds, in order."""
    texts = sentences()[:4000]
    surfaces = list(dict.fromkeys(e.text for t in texts for e in entities.extract_entities(t, None)))
    # Misspell some names (a letter dropped, doubled, swapped or replaced) so that there is much to find.
    for n, name in enumerate(surfaces[:600]):
        k = len(name) // 2
        dropped, doubled = name[:k] + name[k + 1 :], name[:k] + name[k] + name[k:]
        swapped, replaced = (
            name[:k] + name[k + 1 : k + 2] + name[k] + name[k + 2 :],
            name[:k] + "x" + name[k + 1 :],
        )
        surfaces.append((dropped, doubled, swapped, replaced)[n % 4])
    mentions = [
        entities.Mention(str(i), 0, entities.Entity(0, len(s), s, entities.fold_name(s), "other"))
        for i, s in enumerate(surfaces)
    ]
    def key(name: str) -> str:  # names are compared in one form whatever their case ("Deutschen Bank")
        return entities.fold_name(entities.spelling_surface(name))

    found = [
        (frozenset((key(v.a.entity.text), key(v.b.entity.text))), v.ratio)
        for v in entities.find_spelling_variants(mentions)
        if v.kind == "near_miss"
    ]
    keys = sorted({key(m.entity.text) for m in mentions})
    expected = []
    for i, ka in enumerate(keys):
        for kb in keys[i + 1 :]:
            if abs(len(ka) - len(kb)) > entities._NEAR_MISS_MAX_EDITS:
                continue  # as the loop before rapidfuzz did: more edits than _near_miss allows
            ratio = entities._near_miss(ka, kb)
            if ratio is not None:
                expected.append((frozenset((ka, kb)), ratio))
    assert len(expected) > 50
    assert found == expected


def test_alias_memo_follows_added_pairs() -> None:
    """A canonical key asked for before a pair is added is not served stale after it."""
    table = entities.AliasTable()
    assert table.canonical("Team Blind") == "teamblind"
    assert table.canonical("Blind") == "blind"
    table.add("Blind", "Team Blind")
    assert table.canonical("Blind") == "teamblind"
    table.add("Team Blind", "Teamblind App")
    assert table.canonical("Blind") == table.canonical("Team Blind") == "teamblindapp"


def test_fullwidth_gate_matches_exactly_the_translated_characters() -> None:
    """extract_quantities translates only where _FULLWIDTH_CHAR finds something: it finds each mapped char."""
    chars = (chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    assert {ord(ch) for ch in chars if quantities._FULLWIDTH_CHAR.match(ch)} == set(quantities._FULLWIDTH)


def _scan_line_every_char(line: str, base: int) -> list[tuple[int, int, int]]:
    """statements._scan_line as it was, visiting every character: the reference for the mark-only loop."""
    stack: list[tuple[str, int]] = []
    found: list[tuple[int, int, int]] = []
    for i, ch in enumerate(line):
        prev = line[i - 1] if i > 0 else " "
        nxt = line[i + 1] if i + 1 < len(line) else " "
        if ch in "’‘" and prev.isalnum() and nxt.isalnum():
            continue
        if ch in statements._CLOSERS:
            depth = next(
                (d for d in range(len(stack) - 1, -1, -1) if ch in statements._PAIRS[stack[d][0]]), None
            )
            if depth is not None:
                pos = stack[depth][1]
                del stack[depth:]
                if i - pos > 1:
                    found.append((base + pos, base + pos + 1, base + i))
                continue
        if ch in statements._PAIRS and ch != "’":
            if ch in '‘"' and prev.isalnum():
                continue
            stack.append((ch, i))
    return found


def test_quote_scan_visits_enough_characters() -> None:
    """_scan_line finds the quotes a scan of every character finds."""
    marks = "".join(sorted(set(statements._PAIRS) | statements._CLOSERS))
    made = [f"a{o}b c{c}d {o}{c} x{o}y{o}z{c}w{c}" for o in marks for c in marks]
    for text in (*sentences(), *made):
        assert statements._scan_line(text, 3) == _scan_line_every_char(text, 3), text
