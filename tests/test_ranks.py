"""Superlatives as ranks: "the highest" against "die zweithöchste", "largest" against "smallest"."""

from __future__ import annotations

import pytest

from driftcheck.compare import CompareSettings, Located, compare_pair
from driftcheck.entities import AliasTable
from driftcheck.facts import extract_facts
from driftcheck.models import Document, Finding, Sentence
from driftcheck.quantities import superlative_ranks


def loc(text: str, lang: str, doc: str) -> Located:
    document = Document(doc, f"{doc}.txt", text, (), language=lang)
    sentence = Sentence(doc, 0, text, lang, "body", 0, len(text))
    return Located(sentence, extract_facts(sentence, document), None, 0 if doc == "a" else 1)


def rank_findings_of(a: str, lang_a: str, b: str, lang_b: str) -> list[Finding]:
    found = compare_pair(loc(a, lang_a, "a"), loc(b, lang_b, "b"), CompareSettings(), AliasTable())
    return [f for f in found if f.a.value is not None and f.a.value.startswith("rank ")]


@pytest.mark.parametrize(
    ("text", "ranks"),
    [
        ("Germany recorded the highest number of cases.", [(1, 1)]),
        ("Deutschland verzeichnete die zweithöchste Zahl an Fällen.", [(2, 1)]),
        ("It is the second-largest port in Europe.", [(2, 1)]),
        ("It is the 3rd biggest lender.", [(3, 1)]),
        ("它是欧洲第二大港口。", [(2, 1)]),
        ("Die Preise fielen auf den tiefsten Stand seit 2019.", [(1, -1)]),
        ("Der Index erreichte einen Höchststand.", [(1, 1)]),
        ("The region had its worst drought in decades.", [(1, 0)]),
        ("今年最低气温出现在一月。", [(1, -1)]),
        ("Hier ist der Pegel am niedrigsten.", [(1, -1)]),
    ],
)
def test_superlatives_are_read_as_ranks_with_their_end(text: str, ranks: list[tuple[int, int]]) -> None:
    assert [(r.rank, r.pole) for r in superlative_ranks(text)] == ranks


@pytest.mark.parametrize(
    "text",
    [
        "It is one of the largest ports in Europe.",
        "Es ist einer der größten Häfen Europas.",
        "Sie zählt zu den höchsten Bergen.",
        "它是欧洲最大的港口之一。",
    ],
)
def test_one_of_the_largest_is_among_the_first(text: str) -> None:
    assert [r.rank for r in superlative_ranks(text)] == [0]


@pytest.mark.parametrize(
    "text",
    [
        "最多十人受伤。",  # at most
        "最高法院周二裁定。",  # the Supreme Court
        "最低工资上调。",  # the minimum wage
        "Die jüngsten Zahlen zeigen einen Rückgang.",  # the latest figures
        "Höchstens zehn Menschen wurden verletzt.",  # at most
        "Die Höchstgeschwindigkeit liegt bei 120.",
        "The latest data came on Monday.",
    ],
)
def test_words_that_look_like_superlatives_are_no_ranks(text: str) -> None:
    assert superlative_ranks(text) == ()


@pytest.mark.parametrize(
    ("a", "lang_a", "b", "lang_b", "words"),
    [
        # Held-out review stories: "the highest number of any country" / "die zweithöchste Zahl".
        (
            "Germany recorded the highest number of cases of any country last year.",
            "en",
            "Deutschland verzeichnete im vergangenen Jahr die zweithöchste Zahl an Fällen aller Länder.",
            "de",
            ("highest", "zweithöchste"),
        ),
        ("It is the largest port in Europe.", "en", "它是欧洲第二大港口。", "zh", ("largest", "第二大")),
        (
            "Es ist der drittgrößte Hafen Europas.",
            "de",
            "It is the second-largest port in Europe.",
            "en",
            ("drittgrößte", "second-largest"),
        ),
        # A held-out review story: "one of the largest" became "the largest".
        (
            "Orbivia is one of the largest satellite operators in Europe.",
            "en",
            "Orbivia ist der größte Satellitenbetreiber Europas.",
            "de",
            ("largest", "größte"),
        ),
    ],
)
def test_a_superlative_given_another_rank_is_reported(
    a: str, lang_a: str, b: str, lang_b: str, words: tuple[str, str]
) -> None:
    found = rank_findings_of(a, lang_a, b, lang_b)
    assert len(found) == 1 and found[0].type == "number_value", [f.message for f in found]
    assert found[0].b is not None and (found[0].a.evidence, found[0].b.evidence) == words
    assert found[0].severity in ("high", "medium") and "ranks it" in found[0].message
    assert found[0].a.value is not None and found[0].a.value.startswith("rank")


def test_a_superlative_turned_round_is_high_where_the_sentences_share_a_figure() -> None:
    found = rank_findings_of(
        "Unemployment stood at 3.1%, its lowest level since 2008.",
        "en",
        "Die Arbeitslosenquote lag bei 3,1 Prozent, dem höchsten Stand seit 2008.",
        "de",
    )
    assert [(f.severity, f.a.value) for f in found] == [("high", "rank 1 (low end)")]
    assert "turned round" in found[0].message
    # Without a shared figure or name: medium (the alignment alone says it is one claim).
    loose = rank_findings_of("Its lowest level in years.", "en", "Den höchsten Stand seit Jahren.", "de")
    assert [f.severity for f in loose] == ["medium"]


@pytest.mark.parametrize(
    ("a", "lang_a", "b", "lang_b"),
    [
        # Faithful: the same rank in another language or word.
        ("It is the second-largest port in Europe.", "en", "Es ist der zweitgrößte Hafen Europas.", "de"),
        ("It is the largest port in Europe.", "en", "它是欧洲最大的港口。", "zh"),
        ("The region had its worst inflation in decades.", "en", "Die Inflation war so hoch wie nie.", "de"),
        (
            "The worst inflation in decades hit the region.",
            "en",
            "The highest inflation in decades hit it.",
            "en",
        ),
        # Second place said another way.
        ("It is the largest port after Rotterdam.", "en", "Es ist der zweitgrößte Hafen Europas.", "de"),
        # One of the largest: the second-largest is one of them.
        ("It is one of the largest ports in Europe.", "en", "Es ist der zweitgrößte Hafen Europas.", "de"),
        ("It is one of the largest ports in Europe.", "en", "它是欧洲最大的港口之一。", "zh"),
        # Two superlatives in a sentence are never crossed.
        (
            "Rents hit the highest level while vacancies fell to the lowest.",
            "en",
            "Die Mieten erreichten den zweithöchsten Stand.",
            "de",
        ),
    ],
)
def test_the_same_rank_or_no_rank_is_no_rank_finding(a: str, lang_a: str, b: str, lang_b: str) -> None:
    assert rank_findings_of(a, lang_a, b, lang_b) == []


def test_every_superlative_passes_the_cheap_pre_check() -> None:
    from driftcheck.quantities import _DE_POLES, _EN_POLES, _ZH_POLES

    # superlative_ranks searches a cheap hint first: a superlative the hint misses is never read.
    words = [f"the {w} one" for w in _EN_POLES]
    words += [f"die {w}e Zahl" for w in _DE_POLES] + [f"am {w}en" for w in _DE_POLES]
    words += [f"最{w}的" for w in _ZH_POLES] + ["第二大港口"]
    assert [w for w in words if not superlative_ranks(w)] == []
