"""Tests for driftcheck.quantities: table tests per language, round-trip properties, comparison rules."""

from __future__ import annotations

import itertools
import math
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from driftcheck.quantities import (
    Quantity,
    compare_quantities,
    describe,
    extract_quantities,
    format_value,
    match_quantities,
    rate_over_its_duration,
)

SEEDS = Path("/work/shared/seeds")


def one(text: str, lang: str | None) -> Quantity:
    """The single quantity in `text` (fails the test when there is not exactly one)."""
    qs = extract_quantities(text, lang)
    assert len(qs) == 1, f"{text!r}: {[q.text for q in qs]}"
    return qs[0]


def close(x: float | None, y: float | None) -> bool:
    """Float equality up to noise; None only equals None."""
    if x is None or y is None:
        return x is y
    return math.isclose(x, y, rel_tol=1e-9)


# (text, value, high, unit, currency, qualifier, scale)
EN_ROWS = [
    ("cost just $5.6 million to train", 5.6e6, None, None, "USD", "none", 6),
    ("5.6 million US dollars", 5.6e6, None, None, "USD", "none", 6),
    ("2.78 million GPU hours", 2.78e6, None, "gpu_hour", None, "none", 6),
    ("with 405 billion parameters", 4.05e11, None, "parameter", None, "none", 9),
    ("about eleven times that amount", 11, None, "times", None, "approx", 0),
    ("more than a billion people", 1e9, None, "person", None, "more_than", 9),
    ("more than 1 billion people", 1e9, None, "person", None, "more_than", 9),
    ("serving more than billion people", 1e9, None, "person", None, "more_than", 9),
    ("more than two gigawatts of power", 2e9, None, "W", None, "more_than", 0),
    ("about one gigawatt of computing power", 1e9, None, "W", None, "approx", 0),
    ("over 1.3 million GPUs", 1.3e6, None, "gpu", None, "more_than", 6),
    ("investments of $60-65 billion", 6e10, 6.5e10, None, "USD", "none", 9),
    ("the planned 2GW+ data center", 2e9, None, "W", None, "more_than", 0),
    ("between $60 and $65 billion on the project", 6e10, 6.5e10, None, "USD", "none", 9),
    ("$60 billion to $65 billion in capital expenditures", 6e10, 6.5e10, None, "USD", "none", 9),
    ("a massive 2-gigawatt datacenter", 2e9, None, "W", None, "none", 0),
    ("approximately 1.3 million GPUs", 1.3e6, None, "gpu", None, "approx", 6),
    ("a model boasting 685 billion parameters", 6.85e11, None, "parameter", None, "none", 9),
    ("a nearly 58% increase", 58, None, "percent", None, "just_under", 0),
    ("around $38 billion expected", 3.8e10, None, None, "USD", "approx", 9),
    ("more than 1.3 million graphics processing units (GPUs)", 1.3e6, None, "gpu", None, "more_than", 6),
    ("the up to $65 billion of Capex", 6.5e10, None, None, "USD", "at_most", 9),
    ("at least 146,000 deaths", 146000, None, None, None, "at_least", 0),
    ("a total of 4.176 million confirmed cases", 4.176e6, None, None, None, "none", 6),
    ("1,300,000 people", 1.3e6, None, "person", None, "none", 0),
    ("1 300 000 people", 1.3e6, None, "person", None, "none", 0),
    ("S$1.2 billion", 1.2e9, None, None, "SGD", "none", 9),
    ("1.5bn euros", 1.5e9, None, None, "EUR", "none", 9),
    ("a $5m round", 5e6, None, None, "USD", "none", 6),
    ("sixty-five people", 65, None, "person", None, "none", 0),
    ("3.5 percentage points", 3.5, None, "percentage_point", None, "none", 0),
    ("up to 20 feet high", 20 * 0.3048, None, "m", None, "at_most", 0),
    ("a 17-year-old", 17, None, "year", None, "none", 0),
    ("fewer than 300 people", 300, None, "person", None, "less_than", 0),
    ("１３０ people", 130, None, "person", None, "none", 0),
]

DE_ROWS = [
    ("rund 400 Milliarden Parameter", 4e11, None, "parameter", None, "approx", 9),
    ("60 bis 65 Milliarden Dollar", 6e10, 6.5e10, None, "USD", "none", 9),
    ("zwischen 60 und 65 Milliarden Dollar", 6e10, 6.5e10, None, "USD", "none", 9),
    ("5,6 Millionen US-Dollar", 5.6e6, None, None, "USD", "none", 6),
    ("5,6 Mio. Euro", 5.6e6, None, None, "EUR", "none", 6),
    ("1.300.000 Menschen", 1.3e6, None, "person", None, "none", 0),
    ("mehr als 272.000 Infektionen", 272000, None, None, None, "more_than", 0),
    ("rund 5000 Menschen", 5000, None, "person", None, "approx", 0),
    ("knapp 58 Prozent", 58, None, "percent", None, "just_under", 0),
    ("über 1,3 Millionen GPUs", 1.3e6, None, "gpu", None, "more_than", 6),
    ("bis zu 65 Milliarden Dollar", 6.5e10, None, None, "USD", "at_most", 9),
    ("mindestens 100 Menschen", 100, None, "person", None, "at_least", 0),
    ("eine Milliarde Menschen", 1e9, None, "person", None, "none", 9),
    ("2 Billionen Euro", 2e12, None, None, "EUR", "none", 12),
    ("2,78 Mio. GPU-Stunden", 2.78e6, None, "gpu_hour", None, "none", 6),
    ("671 Mrd. Parameter", 6.71e11, None, "parameter", None, "none", 9),
    ("etwa elfmal so viele", 11, None, "times", None, "approx", 0),
    ("vor drei Wochen", 3, None, "week", None, "none", 0),
    ("zwei Gigawatt", 2e9, None, "W", None, "none", 0),
    ("die 17-jährige Thunberg", 17, None, "year", None, "none", 0),
    ("einundzwanzig Menschen", 21, None, "person", None, "none", 0),
    ("seit 300 Jahren", 300, None, "year", None, "none", 0),
    ("1.234,5 Menschen", 1234.5, None, "person", None, "none", 0),
    ("2 Tsd. Euro", 2000, None, None, "EUR", "none", 3),
    ("weniger als 10 Prozent", 10, None, "percent", None, "less_than", 0),
    ("ungefähr 3 Mrd. €", 3e9, None, None, "EUR", "approx", 9),
]

ZH_ROWS = [
    ("600亿至650亿美元", 6e10, 6.5e10, None, "USD", "none", 8),
    ("六千八百五十亿参数", 6.85e11, None, "parameter", None, "none", 8),
    ("确诊总数已经达到417.6万例", 4.176e6, None, "case", None, "none", 4),
    ("至少14.6万人死亡", 1.46e5, None, "person", None, "at_least", 4),
    ("28万余人次", 2.8e5, None, "person", None, "more_than", 4),
    ("140多台农机具", 140, None, None, None, "more_than", 0),
    ("效率可提升20%左右", 20, None, "percent", None, "approx", 0),
    ("发布两个洪水预警", 2, None, None, None, "none", 0),
    ("１３０人", 130, None, "person", None, "none", 0),
    ("百分之二十", 20, None, "percent", None, "none", 0),
    ("2兆瓦", 2e6, None, "W", None, "none", 0),
    ("5兆元", 5e12, None, None, "CNY", "none", 12),
    ("约400亿参数", 4e10, None, "parameter", None, "approx", 8),
    ("5000万美元", 5e7, None, None, "USD", "none", 4),
    ("大约一千人", 1000, None, "person", None, "approx", 0),
    ("将近三倍", 3, None, "times", None, "just_under", 0),
    ("最多65亿美元", 6.5e9, None, None, "USD", "at_most", 8),
    ("超过16万例", 1.6e5, None, "case", None, "more_than", 4),
    ("逾14万例", 1.4e5, None, "case", None, "more_than", 4),
    ("未来三天", 3, None, "day", None, "none", 0),
    ("每隔10年", 10, None, "year", None, "none", 0),
    ("2吉瓦以上", 2e9, None, "W", None, "more_than", 0),
    ("130万个GPU", 1.3e6, None, "gpu", None, "none", 4),
    ("55亿元人民币", 5.5e9, None, None, "CNY", "none", 8),
    ("305名居民", 305, None, "person", None, "none", 0),
    ("十一倍", 11, None, "times", None, "none", 0),
    ("一万亿元", 1e12, None, None, "CNY", "none", 12),
]


def _check_row(row: tuple, lang: str | None) -> None:
    text, value, high, unit, currency, qualifier, scale = row
    q = one(text, lang)
    assert close(q.value, value), (text, q)
    assert close(q.high, high), (text, q)
    assert (q.unit, q.currency, q.qualifier, q.scale) == (unit, currency, qualifier, scale), (text, q)
    assert text[q.start : q.end] == q.text


@pytest.mark.parametrize("row", EN_ROWS, ids=[r[0] for r in EN_ROWS])
def test_english_table(row: tuple) -> None:
    _check_row(row, "en")


@pytest.mark.parametrize("row", DE_ROWS, ids=[r[0] for r in DE_ROWS])
def test_german_table(row: tuple) -> None:
    _check_row(row, "de")


@pytest.mark.parametrize("row", ZH_ROWS, ids=[r[0] for r in ZH_ROWS])
def test_chinese_table(row: tuple) -> None:
    _check_row(row, "zh")


@pytest.mark.parametrize("row", EN_ROWS[:12] + DE_ROWS[:6] + ZH_ROWS[:6], ids=lambda r: r[0])
def test_language_guessed_when_none(row: tuple) -> None:
    _check_row(row, None)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Deepseek-V3 beat Llama-3 and GPT-4o", "en"),
        ("COVID-19 and the G-20 summit", "en"),
        ("Llama 3.1, OpenAI's GPT-4, and Alibaba's Qwen 2.5", "en"),
        ("GPT-4o and Anthropic's Claude 3.5", "en"),
        ("upgrade Llama 4 to compete", "en"),
        ("Nvidia A100 GPUs", "en"),
        ("Deepseek-R1 matches OpenAI's o1", "en"),
        ("The Nasdaq 100 fell", "en"),
        ("tested daily for Covid-19 and Sars-CoV-2", "de"),
        ("one of the most impressive breakthroughs", "en"),
        ("Protests were ended there in 1989.", "en"),
        ("In 2025, Meta aims", "en"),
        ("launched in late 2024", "en"),
        ("2025-01-28 10:57", None),
        ("At 15:50 on July 24", "en"),
        ("gegen 3.40 Uhr", "de"),
        ("7月24日15时50分", "zh"),
        ("中国驻休斯敦总领馆建于1979年", "zh"),
        ("noch einmal", "de"),
        ("一名受感染的职员", "zh"),
        ("十分重要", "zh"),
    ],
)
def test_names_years_and_times_are_not_quantities(text: str, lang: str | None) -> None:
    assert extract_quantities(text, lang) == []


def test_protected_spans_are_skipped() -> None:
    text = "Project 2049 raised $5 million"
    assert [q.text for q in extract_quantities(text, "en")] == ["$5 million"]
    start = text.index("$")
    assert extract_quantities(text, "en", protected=[(start + 1, start + 2)]) == []


def test_spans_point_into_original_text_with_fullwidth_digits() -> None:
    text = "共有１３０万人参加"
    q = one(text, "zh")
    assert text[q.start : q.end] == q.text == "１３０万人"
    assert close(q.value, 1.3e6)


def test_several_quantities_in_one_sentence_keep_order() -> None:
    text = "It took 2.78 million GPU hours, while a model with 405 billion parameters took eleven times that."
    qs = extract_quantities(text, "en")
    assert [q.unit for q in qs] == ["gpu_hour", "parameter", "times"]
    assert all(a.end <= b.start for a, b in itertools.pairwise(qs))


# ------------------------------------------------------------------------------ round-trip properties
def _zh_numeral(n: int) -> str:
    """Write 1 <= n < 10^12 in Chinese numerals (一亿零五百万, 三千零二)."""
    digits = "零一二三四五六七八九"

    def section(x: int) -> str:
        out, zero = "", False
        for unit, val in (("千", 1000), ("百", 100), ("十", 10), ("", 1)):
            d = x // val % 10
            if d:
                out += ("零" if zero else "") + digits[d] + unit
                zero = False
            elif out:
                zero = True
        return out

    yi, rest = divmod(n, 10**8)
    wan, ge = divmod(rest, 10**4)
    out = section(yi) + "亿" if yi else ""
    if wan:
        out += ("零" if out and wan < 1000 else "") + section(wan) + "万"
    if ge:
        out += ("零" if out and (ge < 1000 or not wan) else "") + section(ge)
    return out


def _roundtrip(text: str, lang: str, expected: float) -> None:
    qs = extract_quantities(text, lang)
    assert len(qs) == 1, (text, [q.text for q in qs])
    assert math.isclose(qs[0].value, expected, rel_tol=1e-9), (text, qs[0])


ints = st.integers(min_value=10_000, max_value=999_999_999_999)
mantissas = st.integers(min_value=11, max_value=999).map(lambda n: n / 10)  # 1.1 .. 99.9, one decimal


@settings(max_examples=60, deadline=None)
@given(ints)
def test_roundtrip_en_grouped_integers(n: int) -> None:
    _roundtrip(f"{n:,} people", "en", n)


@settings(max_examples=60, deadline=None)
@given(mantissas, st.sampled_from([("thousand", 3), ("million", 6), ("billion", 9), ("trillion", 12)]))
def test_roundtrip_en_scale_words(m: float, scale: tuple[str, int]) -> None:
    _roundtrip(f"${m:g} {scale[0]}", "en", m * 10 ** scale[1])


@settings(max_examples=60, deadline=None)
@given(ints)
def test_roundtrip_de_grouped_integers(n: int) -> None:
    _roundtrip(f"{n:,} Menschen".replace(",", "."), "de", n)


@settings(max_examples=60, deadline=None)
@given(
    mantissas,
    st.sampled_from([("Millionen", 6), ("Milliarden", 9), ("Mio.", 6), ("Mrd.", 9), ("Billionen", 12)]),
)
def test_roundtrip_de_decimal_comma_scale(m: float, scale: tuple[str, int]) -> None:
    _roundtrip(
        f"{m:g} {scale[0]} Euro".replace(".", ",", 1) if "." in f"{m:g}" else f"{m:g} {scale[0]} Euro",
        "de",
        m * 10 ** scale[1],
    )


@settings(max_examples=60, deadline=None)
@given(mantissas, st.sampled_from([("万", 4), ("亿", 8), ("万亿", 12), ("百万", 6)]))
def test_roundtrip_zh_digits_with_scale(m: float, scale: tuple[str, int]) -> None:
    _roundtrip(f"{m:g}{scale[0]}美元", "zh", m * 10 ** scale[1])


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=2, max_value=999_999_999_999))
def test_roundtrip_zh_numerals(n: int) -> None:
    _roundtrip(_zh_numeral(n) + "人", "zh", n)


def test_zh_numeral_helper_is_conventional() -> None:
    assert _zh_numeral(685_000_000_000) == "六千八百五十亿"
    assert _zh_numeral(100_050_000) == "一亿零五万"
    assert _zh_numeral(3002) == "三千零二"


# ------------------------------------------------------------------------------ comparison rules
def diff(a_text: str, b_text: str, a_lang: str = "en", b_lang: str = "en") -> list[tuple[str, str]]:
    """(type, severity) of the differences between the single quantities of two texts."""
    return [(d.type, d.severity) for d in compare_quantities(one(a_text, a_lang), one(b_text, b_lang))]


@pytest.mark.parametrize(
    ("a", "b", "b_lang"),
    [
        ("$5.6 million", "5.6 million US dollars", "en"),
        ("2GW+", "more than two gigawatts", "en"),
        ("$60-65 billion", "$60 billion to $65 billion", "en"),
        ("$60-65 billion", "between $60 and $65 billion", "en"),
        ("$60-65 billion", "600亿至650亿美元", "zh"),
        ("$60-65 billion", "60 bis 65 Milliarden Dollar", "de"),
        ("more than a billion people", "more than 1 billion people", "en"),
        ("1.3 million GPUs", "1.3 million graphics processing units (GPUs)", "en"),
        ("about 400 parameters", "around 400 parameters", "en"),
        ("about 400 parameters", "rund 400 Parameter", "de"),
        ("more than 160,000 cases", "超过16万例", "zh"),
        ("4.176 million", "417.6万例", "zh"),
        ("two gigawatts", "2GW", "en"),
        ("5.5 million training budget", "$5.5 million", "en"),
    ],
)
def test_equivalent_forms_give_no_difference(a: str, b: str, b_lang: str) -> None:
    assert diff(a, b, "en", b_lang) == []
    assert diff(b, a, b_lang, "en") == []


def test_changed_number_is_high() -> None:
    assert diff("$5.6 million", "$5.5 million") == [("number_value", "high")]
    assert diff("5.5 million training budget", "$5.6 million") == [("number_value", "high")]


def test_lost_scale_is_high_and_named() -> None:
    ds = compare_quantities(one("405 billion parameters", "en"), one("around 400 parameters", "en"))
    assert ("number_scale", "high") in [(d.type, d.severity) for d in ds]
    assert any("scale word missing" in d.text and "billion" in d.text for d in ds)


def test_cross_language_lost_scale() -> None:
    ds = compare_quantities(one("rund 400 Milliarden Parameter", "de"), one("around 400 parameters", "en"))
    assert [(d.type, d.severity) for d in ds] == [("number_scale", "high")]


def test_rounding_marked_approximate_is_low() -> None:
    assert diff("405 billion parameters", "about 400 billion parameters") == [("number_value", "low")]
    assert diff("about 400 billion parameters", "405 billion parameters") == [("number_value", "low")]


def test_rounding_without_marker_is_a_changed_number() -> None:
    assert diff("405 billion parameters", "400 billion parameters") == [("number_value", "high")]


def test_approximate_marker_on_the_more_precise_side_does_not_excuse() -> None:
    # "about 5.5" for 5.6: same precision, so it is a different number, not a rounding
    assert ("number_value", "high") in diff("$5.6 million", "about $5.5 million")


def test_rounding_beyond_two_percent_is_high() -> None:
    assert ("number_value", "high") in diff("1.3 million GPUs", "about 1 million GPUs")


def test_qualifier_class_change_is_low_and_synonyms_are_not() -> None:
    assert diff("more than 1.3 million GPUs", "about 1.3 million GPUs") == [("qualifier", "low")]
    assert diff("1.3 million GPUs", "approximately 1.3 million GPUs") == [("qualifier", "low")]
    assert diff("over 1.3 million GPUs", "more than 1.3 million GPUs") == []
    assert diff("nearly 58%", "almost 58%") == []
    ds = compare_quantities(one("1.3 million GPUs", "en"), one("approximately 1.3 million GPUs", "en"))
    assert "qualifier 'approximately' added" in ds[0].text


def test_range_collapsed_to_one_end_is_low() -> None:
    assert diff("$60-65 billion", "up to $65 billion") == [("range", "low")]
    assert diff("$60-65 billion", "$60 billion") == [("range", "low")]
    assert diff("$65 billion", "$60 billion to $65 billion") == [("range", "low")]


def test_changed_range_end_is_high() -> None:
    assert diff("$60-65 billion", "$60-70 billion") == [("number_value", "high")]


def test_currency_change_is_reported() -> None:
    assert ("number_unit", "high") in diff("$5.6 million", "€5.6 million")


def test_missing_unit_is_compatible_but_value_is_compared() -> None:
    a, b = one("5.5 million training budget", "en"), one("$5.6 million", "en")
    assert match_quantities([a], [b]) == [(a, b)]
    assert [d.type for d in compare_quantities(a, b)] == ["number_value"]


def test_difference_text_shows_both_spans() -> None:
    (d,) = compare_quantities(one("$5.6 million", "en"), one("$5.5 million", "en"))
    assert "5.6 million" in d.text and "5.5 million" in d.text and "→" in d.text


# ------------------------------------------------------------------------------ matching
def test_match_pairs_by_unit_then_value() -> None:
    a = extract_quantities(
        "Deepseek-V3 needed only 2.78 million GPU hours, while Llama-3 (with 405 billion parameters) "
        "required about eleven times that amount.",
        "en",
    )
    b = extract_quantities(
        "Meta's Llama with around 400 parameters has around eleven times as many GPU hours, "
        "and it cost 5.6 million US dollars.",
        "en",
    )
    pairs = {(x.unit if x else None, y.unit if y else None) for x, y in match_quantities(a, b)}
    assert ("parameter", "parameter") in pairs
    assert ("times", "times") in pairs
    assert ("gpu_hour", None) in pairs and (None, None) in pairs  # unmatched on each side, paired with None


def test_match_prefers_closest_value_among_compatible() -> None:
    a = extract_quantities("more than 160,000 and 150,000 cases, and more than 140,000", "en")
    b = extract_quantities("超过16万例和15万例，均逾14万例", "zh")
    pairs = match_quantities(a, b)
    assert all(x is not None and y is not None and close(x.value, y.value) for x, y in pairs)


def test_match_never_pairs_incompatible_units() -> None:
    a = extract_quantities("two gigawatts", "en")
    b = extract_quantities("$2 billion", "en")
    assert match_quantities(a, b) == [(a[0], None), (None, b[0])]


# ------------------------------------------------------------------------------ formatting
def test_format_value_and_describe() -> None:
    q = one("405 billion parameters", "en")
    assert format_value(q) == "4.05e11 parameters"
    assert describe(q) == "4.05×10¹¹ parameters"
    assert format_value(one("2GW+", "en")) == ">2e9 W"
    assert format_value(one("$60-65 billion", "en")) == "6e10-6.5e10 USD"
    assert describe(one("around 400 parameters", "en")) == "about 400 parameters"


# ------------------------------------------------------------------------------ seeds
def _seed_sentences() -> list[str]:
    out: list[str] = []
    for path in sorted(SEEDS.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            out.extend(s for s in re.split(r"(?<=[.!?])\s+", line.strip()) if s)
    return out


@pytest.mark.skipif(not SEEDS.is_dir(), reason="seed articles not present")
def test_seed_articles_facts() -> None:
    pairs = [(s, q) for s in _seed_sentences() for q in extract_quantities(s, None)]
    found = {format_value(q) for _s, q in pairs}
    for expected in [
        "5.6e6 USD",
        "5.5e6 USD",
        "2.78e6 GPU hours",
        "4.05e11 parameters",
        "~400 parameters",
        "6.85e11 parameters",
        ">1e9 people",
        ">2e9 W",
        "2e9 W",
        "6e10-6.5e10 USD",
        "<=6.5e10 USD",
        ">1.3e6 GPUs",
        "~1.3e6 GPUs",
        "5.13e10 USD",
        "<~58%",
        "~3.8e10 USD",
        "5e11 USD",
    ]:
        assert expected in found, expected
    # no model names, versions or years leak in as numbers
    assert not found & {"2025", "2024", "1989", "2023", "3.1", "2.5", "3.5"}
    named = re.compile(r"(?:Llama|Qwen|Claude|GPT|A|V|R|o)[ -]?$")
    # (an ordinal said in words, "A third war room", is no model name)
    digits = [(s, q) for s, q in pairs if any(ch.isdigit() for ch in q.text)]
    assert [q.text for s, q in digits if named.search(s[: q.start])] == []


# ------------------------------------------------------------------------------ known gaps
def test_half_a_million() -> None:
    assert close(one("half a million people", "en").value, 5e5)
    assert close(one("a quarter of a million people", "en").value, 2.5e5)


def test_a_dozen() -> None:
    assert close(one("a dozen people", "en").value, 12)
    assert one("At least a dozen people were killed.", "en").qualifier == "at_least"
    assert close(one("Ein Dutzend Menschen starb.", "de").value, 12)
    assert extract_quantities("Dozens of people came.", "en") == []  # "dozens" is no number


@pytest.mark.xfail(strict=True, reason="a classifier between numeral and unit ('三个人') hides the unit")
def test_classifier_before_person_unit() -> None:
    assert one("三个人", "zh").unit == "person"


@pytest.mark.parametrize(
    "text,value,unit,currency",
    [
        ("耗电超过20亿瓦", 2e9, "W", None),
        ("装机5万千瓦", 5e7, "W", None),
        ("约130万块GPU", 1.3e6, "gpu", None),
        ("花了5块钱", 5.0, None, "CNY"),
        ("10万米", 1e5, "m", None),
    ],
)
def test_chinese_scale_before_a_unit_and_the_measure_word_kuai(
    text: str, value: float, unit: str | None, currency: str | None
) -> None:
    (q,) = extract_quantities(text, "zh")
    assert q.value == pytest.approx(value) and q.unit == unit and q.currency == currency


@settings(max_examples=400, deadline=None)
@given(
    st.tuples(
        st.sampled_from([1.0, 2.0, 5.5, 5.6, 60.0, 65.0, 1000.0, 1.3e6, 6e10, 6.5e10]),
        st.sampled_from([None, 65.0, 6.5e10, 1.4e6]),
        st.sampled_from([None, "USD", "EUR"]),
        st.sampled_from([None, "gpu", "W"]),
        st.sampled_from(["none", "approx", "more_than", "at_most"]),
        st.sampled_from([0, 6, 9]),
    ),
    st.tuples(
        st.sampled_from([1.0, 2.0, 5.5, 5.6, 60.0, 65.0, 1000.0, 1.3e6, 6e10, 6.5e10, 1.01, 59.0]),
        st.sampled_from([None, 65.0, 6.5e10, 1.4e6]),
        st.sampled_from([None, "USD", "EUR"]),
        st.sampled_from([None, "gpu", "W"]),
        st.sampled_from(["none", "approx", "more_than", "at_most"]),
        st.sampled_from([0, 6, 9]),
    ),
)
def test_may_agree_is_necessary_for_agreement(x: tuple[Any, ...], y: tuple[Any, ...]) -> None:
    from driftcheck.quantities import Quantity, compare_quantities, may_agree

    def make(t: tuple[Any, ...]) -> Quantity:
        value, high, currency, unit, qualifier, scale = t
        high = high if high is not None and high > value else None
        return Quantity(0, 1, "x", value, high, unit, currency, qualifier, None, scale, None, "en")

    a, b = make(x), make(y)
    agree = all(d.severity in ("low", "info") for d in compare_quantities(a, b))
    assert may_agree(a, b) or not agree


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # The year after "percent more than" is the baseline of the change, not a bounded figure.
        ("Das sind 3,1 Prozent mehr als 2023, als der Umschlag sank.", "de", "3,1 Prozent"),
        ("Exports were 5% less than 2022.", "en", "5%"),
        # Counts that merely look like years keep their qualifier.
        ("More than 2023 people came.", "en", "More than 2023 people"),
        ("Es kamen mehr als 2000 Menschen.", "de", "mehr als 2000 Menschen"),
    ],
)
def test_a_year_after_a_percentage_comparison_is_not_a_figure(text: str, lang: str, expected: str) -> None:
    assert one(text, lang).text == expected


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Direct losses could exceed 1.2 billion yuan.", "en"),
        ("Sales topped 1 million units.", "en"),
        ("Die Verluste überstiegen 1,2 Milliarden Euro.", "de"),
    ],
)
def test_verbs_of_exceeding_are_a_more_than_qualifier(text: str, lang: str) -> None:
    assert one(text, lang).qualifier == "more_than"


@pytest.mark.parametrize(
    ("text", "lang", "value", "unit"),
    [
        ("six and a half years", "en", 6.5, "year"),
        ("6 and a half years", "en", 6.5, "year"),
        ("two and a half million people", "en", 2.5e6, "person"),
        ("zweieinhalb Jahre", "de", 2.5, "year"),
        ("Anderthalb Jahre", "de", 1.5, "year"),
        ("eineinhalb Millionen Menschen", "de", 1.5e6, "person"),
    ],
)
def test_a_number_and_a_half_is_read_whole(text: str, lang: str, value: float, unit: str) -> None:
    q = one(text, lang)
    assert q.text == text and close(q.value, value) and q.unit == unit


def test_six_and_a_half_years_agrees_with_six_point_five() -> None:
    a = one("an average of 6.5 years", "en")
    b = one("six and a half years on average", "en")
    assert compare_quantities(a, b) == []


def test_german_von_bis_is_a_range_and_von_auf_a_change() -> None:
    q = one("im Alter von 60 bis 79 Jahren", "de")
    assert (q.value, q.high, q.unit) == (60.0, 79.0, "year")
    assert [x.text for x in extract_quantities("Der Preis stieg von 20 auf 30 Euro.", "de")] == [
        "20",
        "30 Euro",
    ]


@pytest.mark.parametrize(
    ("text", "lang", "value", "unit"),
    [
        ("12,400 hectares", "en", 1.24e8, "m²"),
        ("124 Quadratkilometer", "de", 1.24e8, "m²"),
        ("12400公顷", "zh", 1.24e8, "m²"),
        ("30,600 acres", "en", 30_600 * 4046.8564224, "m²"),
        ("70 kilometres per hour", "en", 70 / 3.6, "m/s"),
        ("70 Stundenkilometer", "de", 70 / 3.6, "m/s"),
        ("43 mph", "en", 43 * 0.44704, "m/s"),
        ("16GB", "en", 16e9, "B"),
        ("3,78 GHz", "de", 3.78e9, "Hz"),
        ("5050毫安时", "zh", 5050.0, "mAh"),
    ],
)
def test_areas_speeds_and_specifications_have_units(text: str, lang: str, value: float, unit: str) -> None:
    q = one(text, lang)
    assert q.unit == unit and math.isclose(q.value, value, rel_tol=1e-9), (q.value, q.unit)


@pytest.mark.parametrize(
    ("a", "b", "lang_b"),
    [
        ("12,400 hectares", "some 30,600 acres", "en"),  # 12,383 ha: rounded where 30,600 stops
        ("12,400 hectares", "124 Quadratkilometer", "de"),
        ("12,400 hectares", "about 30,000 acres", "en"),
        ("70 kilometres per hour", "43 mph", "en"),
        ("45 mph", "70 km/h", "en"),  # 72.4 km/h, rounded to tens
        ("40 metres", "130 feet", "en"),
        ("25 km", "15.5 miles", "en"),
    ],
)
def test_a_conversion_rounded_where_it_stops_agrees(a: str, b: str, lang_b: str) -> None:
    assert compare_quantities(one(a, "en"), one(b, lang_b)) == []


@pytest.mark.parametrize(
    ("a", "b", "kind"),
    [
        ("27,000 hectares", "27,000 acres", "number_unit"),  # the same number, another unit
        ("70 kilometres per hour", "70 mph", "number_unit"),
        ("12,400 hectares", "50,000 acres", "number_value"),  # a wrong conversion
        ("70 km/h", "50 mph", "number_value"),
        ("12 GB", "16GB", "number_value"),
    ],
)
def test_a_changed_unit_or_a_wrong_conversion_is_high(a: str, b: str, kind: str) -> None:
    (difference,) = compare_quantities(one(a, "en"), one(b, "en"))
    assert (difference.type, difference.severity) == (kind, "high")


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("Die Union verfügt über 42 Sitze.", "none"),  # the verb's preposition
        ("Sie stimmten über 3 Anträge ab.", "none"),
        ("Über 42 Menschen starben.", "more_than"),
        ("Es kamen über 500 Besucher.", "more_than"),
    ],
)
def test_german_ueber_after_a_verb_that_takes_it_is_no_qualifier(text: str, qualifier: str) -> None:
    assert one(text, "de").qualifier == qualifier


@pytest.mark.parametrize(
    ("text", "lang", "values"),
    [
        ("He came 1st and she 20th", "en", [1.0, 20.0]),
        ("sent off in the 81st minute", "en", [81.0]),
        ("der 2. Weltkrieg", "de", [2.0]),
        ("in der 81. Minute", "de", [81.0]),
        ("第3名", "zh", [3.0]),
        ("第八十一分钟", "zh", [81.0]),
    ],
)
def test_ordinals_are_read_as_ordinals(text: str, lang: str, values: list[float]) -> None:
    found = extract_quantities(text, lang)
    assert [q.value for q in found] == values and {q.unit for q in found} == {"ordinal"}


@pytest.mark.parametrize(("text", "lang"), [("On March 3rd he came.", "en"), ("Am 3. März kam er.", "de")])
def test_the_day_of_a_date_is_no_ordinal(text: str, lang: str) -> None:
    assert extract_quantities(text, lang) == []


def test_an_ordinal_is_compared_with_ordinals_only() -> None:
    (minute,) = extract_quantities("in the 81st minute", "en")
    (count,) = extract_quantities("81 minutes", "en")
    (other,) = extract_quantities("in the 18th minute", "en")
    assert match_quantities([minute], [count]) == [(minute, None), (None, count)]
    assert [d.type for d in compare_quantities(minute, other)] == ["number_value"]


@pytest.mark.parametrize(
    ("text", "texts"),
    [
        ("Walking 7,500 steps a day may help.", ["7,500"]),
        ("It costs $5 a month.", ["$5"]),
        ("It took a day to fix.", ["a day"]),  # no figure before: one day
    ],
)
def test_a_day_after_a_figure_is_a_rate_not_one_day(text: str, texts: list[str]) -> None:
    assert [q.text for q in extract_quantities(text, "en")] == texts


@pytest.mark.parametrize(
    ("a", "b", "severity"),
    [
        ("more than 272,000", "less than 272,000", "high"),
        ("at least 5 people", "up to 5 people", "high"),
        ("nearly 300 people", "more than 300 people", "high"),
        ("about 300 people", "more than 300 people", "low"),
    ],
)
def test_a_reversed_bound_is_high_and_another_qualifier_low(a: str, b: str, severity: str) -> None:
    (difference,) = compare_quantities(one(a, "en"), one(b, "en"))
    assert (difference.type, difference.severity) == ("qualifier", severity)


def test_a_chinese_speed_per_hour_is_a_speed() -> None:
    speed = one("阵风时速高达70公里。", "zh")
    assert (
        speed.unit == "m/s"
        and compare_quantities(speed, one("gusts of up to 70 kilometres per hour", "en")) == []
    )
    assert one("距离70公里", "zh").unit == "m"


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("The plan costs $5 billion over four years.", "none"),  # an amount spread over a period
        ("It is not rare to live over ninety years.", "more_than"),
        ("He lived to be over 90 years old.", "more_than"),
        ("It happened over two years ago.", "more_than"),
        ("Over 40 years of experience.", "more_than"),
    ],
)
def test_over_a_duration_is_a_period_unless_an_age_or_amount(text: str, qualifier: str) -> None:
    years = [q for q in extract_quantities(text, "en") if q.unit == "year"]
    assert len(years) == 1 and years[0].qualifier == qualifier


@pytest.mark.parametrize(
    ("a", "lang_a", "b", "lang_b", "kind"),
    [
        ("18 months", "en", "18 weeks", "en", "number_unit"),  # the same number in another unit
        ("a six-week trial", "en", "ein sechsmonatiger Prozess", "de", "number_unit"),
        ("18 months", "en", "19 months", "en", "number_value"),
        ("18 months", "en", "a year and a half", "en", None),
        ("two weeks", "en", "14 days", "en", None),
        ("18 months", "en", "18个月", "zh", None),
        ("eight years and six months", "en", "eight and a half years", "en", None),
        ("acht Jahre und sechs Monate", "de", "8.5 years", "en", None),
        ("25 basis points", "en", "a quarter of a percentage point", "en", None),
        ("25 Basispunkte", "de", "0.25 percent", "en", "number_unit"),  # points are not percent
    ],
)
def test_durations_and_rate_steps_compare_across_units(
    a: str, lang_a: str, b: str, lang_b: str, kind: str | None
) -> None:
    differences = compare_quantities(one(a, lang_a), one(b, lang_b))
    assert [d.type for d in differences if d.severity in ("high", "medium")] == ([kind] if kind else [])


def test_three_quarters_of_an_hour_is_one_figure() -> None:
    assert [(q.text, q.value) for q in extract_quantities("three-quarters of an hour", "en")] == [
        ("three-quarters of an hour", 0.75)
    ]


@pytest.mark.parametrize("text", ["被判处八年零六个月监禁", "被判处8年6个月监禁"])
def test_a_chinese_sentence_length_in_years_and_months_is_one_figure(text: str) -> None:
    q = one(text, "zh")
    assert (q.value, q.unit) == (8.5, "year")


def test_a_figure_with_a_unit_is_no_version_of_a_bare_number_far_from_it() -> None:
    week = one("begann eine einwöchige Reise", "de")
    bare = extract_quantities("16 people and 16", "en")[-1]
    assert week.unit == "week" and bare.unit is None
    assert match_quantities([week], [bare]) == [(week, None), (None, bare)]
    # A bare number near the figure can still be its version (the unit left out).
    assert match_quantities([one("5.6 million GPUs", "en")], [one("5.5 million", "en")])[0][1] is not None


def test_a_scale_error_says_how_far_off_the_figure_is() -> None:
    """The message "scale word added ('万')" alone hid that 超过6万 is a tenth of "more than 600,000"."""
    (a,) = extract_quantities("More than 600,000 households lost power.", "en")
    (b,) = extract_quantities("超过6万户家庭停电。", "zh")
    (difference,) = [d for d in compare_quantities(a, b) if d.type == "number_scale"]
    assert difference.text == "scale word added ('万') (10× smaller)"


@pytest.mark.parametrize(
    ("text", "lang", "evidence", "value", "high", "currency", "qualifier"),
    [
        # A fraction of a scale word, whatever follows it (an unknown currency left "a million").
        ("give half a million taka to each family", "en", "half a million", 5e5, None, None, "none"),
        ("a quarter of a billion", "en", "a quarter of a billion", 2.5e8, None, None, "none"),
        # The unit written after both ends of a range.
        ("a 25% to 30% chance", "en", "25% to 30%", 25, 30, None, "none"),
        ("about 25 percent to 30 percent", "en", "about 25 percent to 30 percent", 25, 30, None, "approx"),
        ("震级为4.5级至5.8级", "zh", "4.5级至5.8", 4.5, 5.8, None, "none"),
        ("savings of €400 million-€500 million", "en", "€400 million-€500 million", 4e8, 5e8, "EUR", "none"),
        # Currency codes beyond the big five, with the qualifier before them.
        ("about CZK 60 billion", "en", "about CZK 60 billion", 6e10, None, "CZK", "approx"),
        ("rund 60 Mrd. PLN", "de", "rund 60 Mrd. PLN", 6e10, None, "PLN", "approx"),
        # Chinese "about" forms.
        ("（约合9500万美元）", "zh", "约合9500万美元", 9.5e7, None, "USD", "approx"),
        ("成本约低40%", "zh", "约低40%", 40, None, None, "approx"),
        # Chinese forms of "about" and "up to" an editor's review found unread.
        ("约占全国产量的90%", "zh", "90%", 90, None, None, "approx"),
        ("约需六个月", "zh", "约需六个月", 6, None, None, "approx"),
        ("保险公司面临最高8亿元的理赔", "zh", "最高8亿元", 8e8, None, "CNY", "at_most"),
        ("载荷最高可达15吨", "zh", "最高可达15吨", 1.5e7, None, None, "at_most"),
        # Centimetres and millimetres in metres; "francs" alone are Swiss (German "Franken" was already).
        ("a gap of 78 centimetres", "en", "78 centimetres", 0.78, None, None, "none"),
        ("eine Lücke von 78 Millimeter", "de", "78 Millimeter", 0.078, None, None, "none"),
        ("积雪深达20厘米", "zh", "20厘米", 0.2, None, None, "none"),
        ("a fine of up to 100,000 francs", "en", "up to 100,000 francs", 1e5, None, "CHF", "at_most"),
        ("1 million CFA francs", "en", "1 million CFA francs", 1e6, None, "XOF", "none"),
        # "not below" is "at least".
        (
            "temperatures will not fall below 25 degrees",
            "en",
            "not fall below 25",
            25,
            None,
            None,
            "at_least",
        ),
        ("气温不低于25度", "zh", "不低于25", 25, None, None, "at_least"),
        # "über" after a noun of money is "of" (worth), not "more than".
        ("Sie richtet einen Fonds über 50 Mio. Euro ein.", "de", "50 Mio. Euro", 5e7, None, "EUR", "none"),
        ("Die Bank gab einen Kredit über 2 Mrd. Euro.", "de", "2 Mrd. Euro", 2e9, None, "EUR", "none"),
        ("Es starben über 50 Menschen.", "de", "über 50 Menschen", 50, None, None, "more_than"),
        # "as long as" and 长达 say "up to" of a duration.
        (
            "may run for as long as three months",
            "en",
            "for as long as three months",
            3,
            None,
            None,
            "at_most",
        ),
        # 长达 ("a full", "as long as") is emphasis more often than a bound: "长达97天" for "97 days".
        ("可能持续长达三个月", "zh", "三个月", 3, None, None, "none"),
    ],
)
def test_figures_an_editors_review_misread(
    text: str,
    lang: str,
    evidence: str,
    value: float,
    high: float | None,
    currency: str | None,
    qualifier: str,
) -> None:
    (q,) = [q for q in extract_quantities(text, lang) if q.text == evidence]
    assert math.isclose(q.value, value)
    assert (q.high is None and high is None) or (
        q.high is not None and high is not None and math.isclose(q.high, high)
    )
    assert (q.currency, q.qualifier) == (currency, qualifier)


@pytest.mark.parametrize(
    "text",
    ["he bought 5 pens", "2 cop cars arrived", "as long as 3 people agree", "from 25% to 30%"],
)
def test_words_that_only_look_like_codes_or_qualifiers(text: str) -> None:
    for q in extract_quantities(text, "en"):
        assert q.currency is None and q.qualifier == "none" and q.high is None


@pytest.mark.parametrize(
    "text",
    [
        "Ferreira won 6-4, 3-6, 7-6 (7-5), 6-7 (4-7), 7-5 in the final.",
        "Ferreira gewann das Finale mit 6:4, 3:6, 7:6 (7:5), 6:7 (4:7), 7:5.",
    ],
)
def test_a_run_of_set_scores_is_no_figure(text: str) -> None:
    import datetime as dt

    from driftcheck.facts import facts_of_text

    assert facts_of_text(text, None, dt.date(2025, 9, 7)).quantities == ()


def test_one_score_or_ranges_in_a_list_are_still_figures() -> None:
    import datetime as dt

    from driftcheck.facts import facts_of_text

    assert [q.text for q in facts_of_text("The board voted 7-2.", "en", None).quantities] == ["7", "2"]
    ranges = facts_of_text("The index rose 3-4% on Monday, 2-3% on Tuesday.", "en", dt.date(2025, 9, 7))
    assert [q.text for q in ranges.quantities] == ["3-4%", "2-3%"]


def test_german_miles_per_hour_are_a_speed() -> None:
    # "70 Meilen pro Stunde" was a length of 112,654 m, so 70 km/h → 70 mph went unreported.
    (speed,) = extract_quantities("Böen von bis zu 70 Meilen pro Stunde fachten die Flammen an.", "de")
    assert speed.unit == "m/s" and math.isclose(speed.value, 70 * 0.44704)


@pytest.mark.parametrize(
    ("text", "lang", "grams"),
    [
        ("The limit is 0.096 micrograms per tablet.", "en", 9.6e-8),
        ("The limit is 96 nanograms per tablet.", "en", 9.6e-8),
        ("Der Grenzwert liegt bei 96 Nanogramm.", "de", 9.6e-8),
        ("每片含0.12毫克。", "zh", 1.2e-4),
        ("a 500 mg tablet", "en", 0.5),
    ],
)
def test_doses_are_masses_in_grams(text: str, lang: str, grams: float) -> None:
    # "0.096 micrograms" against "96 nanograms" was a 10³ slip, and hid a collapsed range beside it.
    (dose,) = extract_quantities(text, lang)
    assert dose.unit == "g" and math.isclose(dose.value, grams)


def test_pounds_after_a_scale_word_are_sterling_and_kronor_are_no_grams() -> None:
    assert [q.currency for q in extract_quantities("Kingsbridge paid 48 million pounds.", "en")] == ["GBP"]
    assert [q.currency for q in extract_quantities("Kingsbridge zahlte 48 Millionen Pfund.", "de")] == ["GBP"]
    assert [q.currency for q in extract_quantities("He weighs 200 pounds.", "en")] == [None]
    assert [q.unit for q in extract_quantities("储备达45亿克朗。", "zh")] == [None]


@pytest.mark.parametrize(
    ("text", "lang", "qualifier"),
    [
        ("周四体检后签约五年。", "zh", "none"),  # 签约 "sign": no 约 "about"
        ("他约五年前来到这里。", "zh", "approx"),
        ("Alvarenga lehnte ein früheres Angebot über 40 Millionen Pfund ab.", "de", "none"),  # an offer of
        ("Es kamen über 40 Menschen.", "de", "more_than"),
    ],
)
def test_words_that_only_look_like_qualifiers(text: str, lang: str, qualifier: str) -> None:
    (figure,) = extract_quantities(text, lang)
    assert figure.qualifier == qualifier


@pytest.mark.parametrize(
    ("text", "lang", "value", "currency"),
    [
        ("Kingsbridge einigt sich auf 48-Millionen-Pfund-Transfer.", "de", 48e6, "GBP"),
        ("a $48-million deal", "en", 48e6, "USD"),
        ("a 48-million-pound transfer", "en", 48e6, "GBP"),
        ("ein 2-Milliarden-Euro-Paket", "de", 2e9, "EUR"),
    ],
)
def test_a_scale_word_joined_by_a_hyphen_scales_its_number(
    text: str, lang: str, value: float, currency: str
) -> None:
    # "48-Millionen-Pfund-Transfer" was 48, a "scale word added" against the body's "48 Millionen Pfund".
    (amount,) = extract_quantities(text, lang)
    assert math.isclose(amount.value, value) and amount.currency == currency


def test_a_single_figure_pairs_with_the_range_whose_end_it_is() -> None:
    # A review story: "30 km/h" was paired with "up to 43 mph" (a gust of 70 km/h) instead of "12–19 mph".
    from driftcheck.quantities import match_quantities

    (single,) = extract_quantities("Der Wind soll auf 30 km/h abflauen.", "de")
    gust, forecast = extract_quantities("Gusts of up to 43 mph eased; the wind will drop to 12–19 mph.", "en")
    assert match_quantities([single], [gust, forecast])[0] == (single, forecast)


@pytest.mark.parametrize(
    ("text", "lang", "value", "unit"),
    [
        # Held-out review story: read as 2 and 20, "two minutes and 20 seconds" met "140 seconds".
        ("The rocket exploded two minutes and 20 seconds after lift-off.", "en", 140.0, "second"),
        ("Die Rakete explodierte zwei Minuten und 20 Sekunden nach dem Start.", "de", 140.0, "second"),
        ("火箭在升空2分20秒后爆炸。", "zh", 140.0, "second"),
        ("The flight took 1 hour 30 minutes.", "en", 90.0, "minute"),
        ("飞行了1小时30分钟。", "zh", 90.0, "minute"),
    ],
)
def test_a_duration_told_in_two_units_is_one_figure(text: str, lang: str, value: float, unit: str) -> None:
    q = one(text, lang)
    assert (q.value, q.unit) == (value, unit)


def test_two_durations_in_a_list_stay_two() -> None:
    assert len(extract_quantities("In 2 days, 3 hours of footage were lost.", "en")) == 2
    assert len(extract_quantities("Es dauerte 20 Sekunden und 2 Minuten.", "de")) == 2  # smaller unit first


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # Held-out review story: "von 5,2 auf 4,6 Milliarden" read as a bare 5.2 drew "scale word missing".
        ("Der Umsatz soll von 5,2 auf 4,6 Milliarden Euro sinken.", "de"),
        ("Revenue will fall from 5.2 to 4.6 billion euros.", "en"),
        ("Revenue will fall from about 5.2 to 4.6 billion euros.", "en"),
    ],
)
def test_the_scale_said_once_for_a_change_belongs_to_both_figures(text: str, lang: str) -> None:
    first, second = extract_quantities(text, lang)
    assert close(first.value, 5.2e9) and first.currency == "EUR" and close(second.value, 4.6e9)


def test_a_scale_is_not_carried_across_orders_of_magnitude_or_without_from() -> None:
    first, _ = extract_quantities("Staff rose from 500 to 4.6 billion in sales.", "en")
    assert first.value == 500.0 and first.scale == 0
    first, _ = extract_quantities("Sales grew 5.2 times, to 4.6 billion euros.", "en")
    assert first.value == 5.2 and first.scale == 0


def test_a_league_place_is_an_ordinal_and_a_league_number_no_figure() -> None:
    from driftcheck.facts import facts_of_text

    # held-out round J: "auf Platz 15 der 2. Bundesliga" / "15th in the 2. Bundesliga" / 排在德乙第15位
    facts = facts_of_text("Lindenthal liegt mit 22 Punkten auf Platz 15 der 2. Bundesliga.", "de", None)
    assert [(q.value, q.unit) for q in facts.quantities] == [(22.0, None), (15.0, "ordinal")]
    facts = facts_of_text("Lindenthal are 15th in the 2. Bundesliga with 20 points.", "en", None)
    assert [(q.value, q.unit) for q in facts.quantities] == [(15.0, "ordinal"), (20.0, None)]
    facts = facts_of_text("Der Klub spielt in der 3. Liga und hat 30 Punkte.", "de", None)
    assert [q.value for q in facts.quantities] == [30.0]


@pytest.mark.parametrize(
    ("text", "lang", "value", "currency"),
    [
        ("lifting the fare by 20 cents to €4.10", "en", 0.2, "EUR"),
        ("a stamp costs 73 cents, up from $0.68", "en", 0.73, "USD"),
        ("a stamp costs 73 cents", "en", 0.73, None),  # no currency named: a cent says not which
        ("Die Fahrt kostet 20 Cent mehr", "de", 0.2, None),
        ("Der Preis steigt um 20 Euro-Cent", "de", 0.2, "EUR"),
        ("Er zahlte 30 Rappen", "de", 0.3, "CHF"),
        ("It rose 5 pence", "en", 0.05, "GBP"),
        ("票价上涨20美分", "zh", 0.2, "USD"),
    ],
)
def test_hundredths_of_a_currency_are_read_as_its_value(
    text: str, lang: str, value: float, currency: str | None
) -> None:
    q = extract_quantities(text, lang)[0]
    assert close(q.value, value) and q.currency == currency and q.high is None, q


@pytest.mark.parametrize(
    ("text", "lang", "figures"),
    [
        ("lifting the fare by €0.20 to €4.10", "en", [(0.2, None), (4.1, None)]),
        ("its share grew by 15% to 63%", "en", [(15, None), (63, None)]),
        # within a factor of three: a range of the change
        ("sales grew by 5% to 10%", "en", [(5, 10)]),
        ("预计将下降2%至3%", "zh", [(2, 3)]),
        ("票价上涨0.2元至4.1元", "zh", [(0.2, None), (4.1, None)]),
        # one unit for both numbers: the size of the change given as a range
        ("prices rose by 5 to 10 percent", "en", [(5, 10)]),
        ("温度从5至10度", "zh", [(5, 10)]),
    ],
)
def test_a_change_and_where_it_ends_are_no_range(
    text: str, lang: str, figures: list[tuple[float, Any]]
) -> None:
    assert [(q.value, q.high) for q in extract_quantities(text, lang)] == figures


def test_a_bare_small_number_is_no_version_of_an_amount_thousands_of_times_larger() -> None:
    money = one("awarded $4.2 million in damages", "en")
    vote = extract_quantities("mit 5 zu 2 Stimmen", "de")[0]
    assert match_quantities([money], [vote]) == [(money, None), (None, vote)]
    # the amount with its scale word lost is still the amount
    lost = one("Die Jury sprach ihr 4,2 zu", "de")
    assert match_quantities([money], [lost]) == [(money, lost)]


def test_odds_with_a_scale_word_are_no_share_of_the_bare_number() -> None:
    # "one in 140 million" was read as "one in 140" (0.71%) and met German "etwa 1" as a changed figure
    found = extract_quantities("The odds are about one in 140 million.", "en")
    assert [q.value for q in found] == [1.4e8] and all(q.unit != "percent" for q in found)
    assert extract_quantities("nine in ten voters", "en")[0].value == 90.0


@pytest.mark.parametrize(
    ("text", "lang", "per"),
    [
        ("Er verdient rund zwölf Millionen Euro brutto pro Jahr.", "de", "year"),
        ("He earns around 12 million euros gross a month.", "en", "month"),
        ("The union wants at least 380 euros more a month.", "en", "month"),
        ("年薪1200万欧元", "zh", "year"),
        ("该市每年投入600万美元", "zh", "year"),
        ("a salary of $80,000/yr", "en", "year"),
        ("Gross margin widened to 47.3%, up 1.8 percentage points from a year earlier.", "en", None),
        ("Im Jahr 2024 kostete es 5 Millionen Euro.", "de", None),
        ("阵风最高为每小时40公里。", "zh", None),
    ],
)
def test_the_period_of_a_rate(text: str, lang: str, per: str | None) -> None:
    money = [q for q in extract_quantities(text, lang) if q.unit not in ("year", "percent")]
    assert money[-1].per == per


def test_a_changed_period_is_high_and_one_amount_per_another_period_is_none() -> None:
    year = extract_quantities("12 million euros a year", "en")[0]
    month = extract_quantities("12 million euros a month", "en")[0]
    diffs = compare_quantities(year, month)
    assert [(d.type, d.severity) for d in diffs] == [("number_unit", "high")] and "period" in diffs[0].text
    one_million_a_month = extract_quantities("1 million euros a month", "en")[0]
    assert compare_quantities(year, one_million_a_month) == []


def test_a_rate_over_the_years_it_runs_is_its_total() -> None:
    rate = extract_quantities("$6 million a year for three years", "en")
    total = extract_quantities("$18 million over three years", "en")
    assert rate_over_its_duration(rate[0], total[0], [*rate, *total])
    wrong = extract_quantities("$8 million a year for three years", "en")
    assert not rate_over_its_duration(wrong[0], total[0], [*wrong, *total])
