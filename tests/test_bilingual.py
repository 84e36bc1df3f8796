"""Tests for driftcheck.bilingual: readers, placeholders, glossary and input errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from driftcheck.bilingual import (
    SegmentPair,
    check_glossary,
    check_placeholders,
    load_glossary,
    markup_span,
    placeholders,
    read_pairs,
)
from driftcheck.errors import ConfigError, InputError

XLIFF12 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
 <file original="story.txt" source-language="de" target-language="en" datatype="plaintext">
  <body>
   <trans-unit id="u1">
    <source>Die Stadt hat <g id="1">1,2 Milliarden</g> Euro für {0} ausgegeben.<x id="2"/></source>
    <target>The city spent <g id="1">1.2 billion</g> euros on {0}.<x id="2"/></target>
   </trans-unit>
   <trans-unit id="u2">
    <source>Hallo %s, <ph id="3">&lt;b&gt;</ph>willkommen{I_START} {{name}}{I_END}</source>
    <target>Hello %s, welcome{I_START} {{name}}{I_END} <x id="9"/></target>
   </trans-unit>
  </body>
 </file>
</xliff>
""".replace("{I_START}", '<bpt id="4">&lt;i&gt;</bpt>').replace("{I_END}", '<ept id="4">&lt;/i&gt;</ept>')

XLIFF20 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="de" trgLang="en">
 <file id="f1">
  <unit id="u1">
   <segment><source>Der Rat tagte am <pc id="1">Dienstag</pc>.<ph id="2"/></source>
   <target>The council met on <pc id="1">Tuesday</pc>.<ph id="2"/></target></segment>
  </unit>
  <unit id="u2">
   <segment id="s1"><source>Eins.</source><target>One.</target></segment>
   <segment id="s2"><source>Zwei {0}.</source><target>Two.</target></segment>
  </unit>
 </file>
</xliff>
"""

TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
 <header srclang="de" datatype="plaintext" segtype="sentence" adminlang="en" o-tmf="x"
  creationtool="x" creationtoolversion="1"/>
 <body>
  <tu tuid="t1">
   <tuv xml:lang="en"><seg>The price rose by {B_START}5%{B_END}.</seg></tuv>
   <tuv xml:lang="de"><seg>Der Preis stieg um {B_START}5 %{B_END}.</seg></tuv>
  </tu>
  <tu>
   <tuv xml:lang="de"><seg>Hallo <ph x="1">{name}</ph> &amp; Co.</seg></tuv>
   <tuv xml:lang="en"><seg>Hello &amp; Co.</seg></tuv>
  </tu>
 </body>
</tmx>
""".replace("{B_START}", '<bpt i="1">&lt;b&gt;</bpt>').replace("{B_END}", '<ept i="1">&lt;/b&gt;</ept>')


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_tsv_without_id_uses_line_numbers(tmp_path: Path) -> None:
    path = _write(tmp_path, "p.tsv", "Es regnet.\tIt is raining.\n\nZwei Hunde.\tTwo dogs.\n")
    pairs = read_pairs(path)
    assert [(p.id, p.line, p.source, p.target) for p in pairs] == [
        ("1", 1, "Es regnet.", "It is raining."),
        ("3", 3, "Zwei Hunde.", "Two dogs."),
    ]
    assert pairs[0].source_lang is None


def test_tsv_with_id_column(tmp_path: Path) -> None:
    pairs = read_pairs(_write(tmp_path, "p.tsv", "Es regnet.\tIt is raining.\ta-17\n"))
    assert (pairs[0].id, pairs[0].source, pairs[0].target) == ("a-17", "Es regnet.", "It is raining.")


def test_tsv_header_reorders_columns_and_sets_languages(tmp_path: Path) -> None:
    text = "id\tdeu\teng\n0\tMaria sagte nein.\tMary said no.\n"
    pairs = read_pairs(_write(tmp_path, "tatoeba.tsv", text))
    assert len(pairs) == 1
    p = pairs[0]
    assert (p.id, p.source, p.target, p.source_lang, p.target_lang, p.line) == (
        "0",
        "Maria sagte nein.",
        "Mary said no.",
        "deu",
        "eng",
        2,
    )


def test_tsv_first_row_that_is_text_is_not_a_header(tmp_path: Path) -> None:
    pairs = read_pairs(_write(tmp_path, "p.tsv", "Hallo Welt\tHello world\n"))
    assert [p.source for p in pairs] == ["Hallo Welt"]


def test_jsonl_ids_and_line_numbers(tmp_path: Path) -> None:
    rows = [
        {"id": "s1", "source": "Drei Tote.", "target": "Three dead."},
        {"source": "Es sind {count} Personen.", "target": "There are {count} people.", "source_lang": "de"},
    ]
    path = _write(tmp_path, "p.jsonl", "\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n")
    pairs = read_pairs(path)
    assert [(p.id, p.line) for p in pairs] == [("s1", 1), ("2", 2)]
    assert pairs[1].source == "Es sind  Personen."
    assert pairs[1].source_markup == "Es sind {count} Personen."
    assert pairs[1].source_lang == "de"
    assert check_placeholders(pairs[1]) == []


def test_xliff12_inline_tags_plain_text_and_markup(tmp_path: Path) -> None:
    pairs = read_pairs(_write(tmp_path, "story.xlf", XLIFF12))
    assert [p.id for p in pairs] == ["u1", "u2"]
    u1 = pairs[0]
    assert (u1.source_lang, u1.target_lang, u1.line) == ("de", "en", 5)
    assert u1.source == "Die Stadt hat 1,2 Milliarden Euro für  ausgegeben."  # {0} is not text
    assert u1.target == "The city spent 1.2 billion euros on ."
    assert (
        u1.source_markup == 'Die Stadt hat <g id="1">1,2 Milliarden</g> Euro für {0} ausgegeben.<x id="2"/>'
    )
    assert placeholders(u1.source_markup) == ['<g id="1">', "</g>", "{0}", '<x id="2"/>']
    assert check_placeholders(u1) == []
    # A span of the plain text maps back to the markup, across the <g> tag.
    start = u1.source.index("1,2 Milliarden")
    a, b = markup_span(u1, "source", start, start + len("1,2 Milliarden"))
    assert u1.source_markup[a:b] == "1,2 Milliarden"
    a, b = markup_span(u1, "source", 0, len(u1.source))
    assert u1.source_markup[a:b].endswith("ausgegeben.")


def test_xliff12_code_content_is_not_text_and_placeholder_diffs(tmp_path: Path) -> None:
    u2 = read_pairs(_write(tmp_path, "story.xliff", XLIFF12))[1]
    assert "<b>" not in u2.source and "%s" not in u2.source and "{{name}}" not in u2.source
    assert u2.source == "Hallo , willkommen "
    assert check_placeholders(u2) == [
        'u2: placeholder <ph id="3">&lt;b&gt;</ph> missing in target',
        'u2: placeholder <x id="9"/> added in target',
    ]


def test_xliff20_segments(tmp_path: Path) -> None:
    pairs = read_pairs(_write(tmp_path, "v2.xlf", XLIFF20))
    assert [p.id for p in pairs] == ["u1", "u2::s1", "u2::s2"]
    assert pairs[0].source == "Der Rat tagte am Dienstag."
    assert pairs[0].target_markup == 'The council met on <pc id="1">Tuesday</pc>.<ph id="2"/>'
    assert (pairs[0].source_lang, pairs[0].target_lang) == ("de", "en")
    assert check_placeholders(pairs[0]) == []
    assert check_placeholders(pairs[2]) == ["u2::s2: placeholder {0} missing in target"]


def test_tmx_source_language_from_header_and_escapes(tmp_path: Path) -> None:
    pairs = read_pairs(_write(tmp_path, "mem.tmx", TMX))
    t1, t2 = pairs
    # The English tuv comes first in the file; the header's srclang decides which side is the source.
    assert (t1.id, t1.source_lang, t1.target_lang) == ("t1", "de", "en")
    assert t1.source == "Der Preis stieg um 5 %."
    assert t1.target == "The price rose by 5%."
    assert check_placeholders(t1) == []
    assert t2.id == str(t2.line)  # no tuid: the line number
    assert t2.source == "Hallo  & Co."
    assert t2.source_markup == 'Hallo <ph x="1">{name}</ph> &amp; Co.'
    a, b = markup_span(t2, "source", t2.source.index("&"), t2.source.index("&") + 1)
    assert t2.source_markup[a:b] == "&amp;"
    assert check_placeholders(t2) == [f'{t2.id}: placeholder <ph x="1">{{name}}</ph> missing in target']


def test_sniffing_without_extension(tmp_path: Path) -> None:
    assert read_pairs(_write(tmp_path, "mem", TMX))[0].id == "t1"
    assert read_pairs(_write(tmp_path, "pairs.txt", "a\tb\n"))[0].target == "b"
    assert read_pairs(_write(tmp_path, "rows", '{"source": "a", "target": "b"}\n'))[0].source == "a"


def test_placeholders_formats() -> None:
    text = "Hi {{ user }}, {0} of %1$s and %d items, ${var}, {name}; 100%ige Sicherheit, 5 % mehr"
    assert placeholders(text) == ["{{ user }}", "{0}", "%1$s", "%d", "${var}", "{name}"]


def test_placeholder_reordering_is_fine_but_count_matters() -> None:
    pair = SegmentPair("x", "", "", None, None, 1, "{0} und {1} und {0}", "{1} and {0}")
    assert check_placeholders(pair) == ["x: placeholder {0} missing in target"]


def test_glossary_tsv(tmp_path: Path) -> None:
    path = _write(
        tmp_path, "g.tsv", "# term\ttranslation\nGrundsteuer\tproperty tax\treal estate tax\niPhone\n"
    )
    glossary = load_glossary(path)
    assert glossary.terms[0].targets == ("property tax", "real estate tax")
    assert glossary.terms[0].line == 2
    assert glossary.do_not_translate == ("iPhone",)
    ok = SegmentPair("1", "Die Grundsteuer steigt.", "Property tax rises.", "de", "en", 1)
    assert check_glossary(ok, glossary) == []
    bad = SegmentPair(
        "2", "Die Grundsteuer steigt für iPhone-Nutzer.", "Land tax rises for Iphone users.", "de", "en", 2
    )
    issues = check_glossary(bad, glossary)
    assert [(i.kind, i.term) for i in issues] == [("missing_term", "Grundsteuer"), ("dnt_altered", "iPhone")]
    assert "property tax" in issues[0].message


def test_glossary_yaml_and_inflection(tmp_path: Path) -> None:
    text = (
        "terms:\n  Bundestag: [Bundestag, federal parliament]\n  Kanzler: chancellor\n"
        "do_not_translate: [DriftCheck]\n"
    )
    glossary = load_glossary(_write(tmp_path, "g.yaml", text))
    pair = SegmentPair(
        "1", "Der Kanzler sprach im Bundestages.", "The chancellors spoke in parliament.", None, None, 1
    )
    issues = check_glossary(pair, glossary)
    assert [(i.kind, i.term) for i in issues] == [("missing_term", "Bundestag")]
    assert issues[0].expected == ("Bundestag", "federal parliament")
    kept = SegmentPair("2", "DriftCheck prüft.", "DriftCheck checks.", None, None, 1)
    assert check_glossary(kept, glossary) == []


def test_glossary_cjk_term_matches_without_spaces(tmp_path: Path) -> None:
    glossary = load_glossary(_write(tmp_path, "g.tsv", "国务院\tState Council\n"))
    pair = SegmentPair("1", "昨天国务院发布了通知。", "Yesterday the cabinet issued a notice.", "zh", "en", 1)
    assert [i.term for i in check_glossary(pair, glossary)] == ["国务院"]


@pytest.mark.parametrize(
    ("name", "content", "needle"),
    [
        ("empty.tsv", "", "empty"),
        ("blank.jsonl", "\n  \n", "empty"),
        ("notab.tsv", "Es regnet.\tIt rains.\nKein Tab hier\n", r"notab\.tsv:2: row has no tab"),
        ("bad.jsonl", '{"source": "a", "target": "b"}\n{"source": "a",\n', r"bad\.jsonl:2: malformed JSON"),
        ("nokey.jsonl", '{"source": "a"}\n', r"nokey\.jsonl:1: \"target\" missing"),
        (
            "broken.xlf",
            '<?xml version="1.0"?>\n<xliff version="1.2">\n<file>\n</xliff>\n',
            r"broken\.xlf:4: XML",
        ),
        ("broken.tmx", "<tmx version='1.4'><body><tu></body></tmx>", r"broken\.tmx:1: XML"),
        ("story.docx", "whatever", "unsupported file type .docx"),
        ("other.xml", "<html><body/></html>", "neither TMX nor XLIFF"),
    ],
)
def test_bad_input_names_file_and_line(tmp_path: Path, name: str, content: str, needle: str) -> None:
    path = _write(tmp_path, name, content)
    with pytest.raises(InputError, match=needle) as info:
        read_pairs(path)
    assert "\n" not in str(info.value)


def test_missing_file_and_undecodable(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="file not found"):
        read_pairs(tmp_path / "nope.tsv")
    path = tmp_path / "latin1.tsv"
    path.write_bytes("Größe\tsize\n".encode("latin-1"))
    with pytest.raises(InputError, match="not UTF-8"):
        read_pairs(path)


def test_xliff_without_units_is_an_error(tmp_path: Path) -> None:
    text = (
        '<?xml version="1.0"?><xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
        '<file original="a" source-language="de" datatype="plaintext"><body/></file></xliff>'
    )
    with pytest.raises(InputError, match="no segment pairs"):
        read_pairs(_write(tmp_path, "none.xlf", text))


def test_bad_glossaries(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"g\.yaml:\d+: YAML does not parse"):
        load_glossary(_write(tmp_path, "g.yaml", "terms:\n  a: [b\n  c: d\n"))
    with pytest.raises(ConfigError, match="needs a target"):
        load_glossary(_write(tmp_path, "h.yaml", "terms:\n  a: 3\n"))
    with pytest.raises(InputError, match="unsupported glossary"):
        load_glossary(_write(tmp_path, "g.csv", "a,b\n"))


# A malformed glossary row is refused with the file and line; it used to be taken silently (a row with a tab
# and no target became a do-not-translate term). A row of one cell and no tab stays a do-not-translate term.
@pytest.mark.parametrize(
    ("name", "text", "where", "needle"),
    [
        ("g.tsv", "Grundsteuer\tproperty tax\nx\t\n", "g.tsv:2:", "'x' has no target term after the tab"),
        ("g.tsv", "# header\n\nx\t \t \n", "g.tsv:3:", "has no target term"),
        ("g.tab", "Grundsteuer    property tax\n", "g.tab:1:", "no tab in 'Grundsteuer    property tax'"),
        ("g.tsv", "\tproperty tax\n", "g.tsv:1:", "empty source term"),
        ("g.tsv", "# only a comment\n", "g.tsv:", "no glossary entries"),
        (
            "g.yaml",
            "terms:\n  Kanzler: chancellor\n  Bundestag:\n",
            "g.yaml:3:",
            "'Bundestag' needs a target",
        ),
        ("g.yaml", "terms:\n  Kanzler: ''\n", "g.yaml:2:", "'Kanzler' needs a target"),
        ("g.yaml", "terms:\n  Kanzler: [chancellor, 5]\n", "g.yaml:2:", "needs a target string or a list"),
        ("g.yaml", "terms:\n  ~: chancellor\n", "g.yaml:2:", "has no source text"),
        ("g.yaml", "do_not_translate: [iPhone, '', x]\n", "g.yaml:1:", "must be a term (text), not ''"),
        ("g.yaml", "do_not_translate:\n  - iPhone\n  - {a: b}\n", "g.yaml:3:", "must be a term (text)"),
        ("g.yaml", "term:\n  Kanzler: chancellor\n", "g.yaml:", "unknown key(s) term"),
        ("g.yaml", "terms: [Kanzler, chancellor]\n", "g.yaml:", "'terms' must map source term"),
        ("g.yaml", "terms: {}\n", "g.yaml:", "no glossary entries"),
    ],
)
def test_malformed_glossary_rows_name_file_and_line(
    tmp_path: Path, name: str, text: str, where: str, needle: str
) -> None:
    path = _write(tmp_path, name, text)
    with pytest.raises((ConfigError, InputError)) as caught:
        load_glossary(path)
    message = str(caught.value)
    assert message.startswith(str(tmp_path / where)) and needle in message and "\n" not in message


def test_glossary_formats_as_documented(tmp_path: Path) -> None:
    tsv = load_glossary(_write(tmp_path, "g.tsv", "x\nGrundsteuer\tproperty tax\t\treal estate tax\n"))
    assert tsv.do_not_translate == ("x",)  # one cell, no tab: do-not-translate
    assert tsv.terms[0].targets == ("property tax", "real estate tax") and tsv.terms[0].line == 2
    yml = load_glossary(
        _write(tmp_path, "g.yaml", "# c\nterms:\n  Kanzler: chancellor\ndo_not_translate: [X1]\n")
    )
    assert yml.terms[0].targets == ("chancellor",) and yml.terms[0].line == 3
    assert yml.do_not_translate == ("X1",)
