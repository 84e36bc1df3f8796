"""A modal of possibility in a source ("may", "könnte", 可能) that its translation states as fact: the hedge a
translation drops. Checked through run_pairs, the way a translation desk runs given segment pairs."""

from __future__ import annotations

from pathlib import Path

import pytest

from driftcheck.translation import run_pairs

DROPPED = [
    (
        "The plant may close next year, the company said.",
        "Das Werk wird nächstes Jahr schließen, teilte das Unternehmen mit.",
    ),
    ("The vaccine might be available by spring.", "Der Impfstoff wird bis zum Frühjahr verfügbar sein."),
    ("Sales could rise by 5% this year.", "今年销售额将增长5%。"),
    ("Das Werk könnte im nächsten Jahr schließen.", "The plant will close next year."),
    ("Vielleicht tritt der Minister am Montag zurück.", "The minister is resigning on Monday."),
    ("这家工厂明年可能关闭。", "The factory will close next year."),
]

KEPT = [
    # The modal rendered by a modal, an adverb, ability or expectation.
    ("The plant may close next year.", "Das Werk könnte nächstes Jahr schließen."),
    ("The plant may close next year.", "Das Werk schließt möglicherweise nächstes Jahr."),
    ("The plant may close next year.", "Das Werk kann nächstes Jahr schließen."),
    ("这家工厂明年可能关闭。", "The factory may close next year."),
    ("Das Werk dürfte im nächsten Jahr schließen.", "The plant is expected to close next year."),
    ("We could see the sunset from the window.", "Wir konnten den Sonnenuntergang vom Fenster aus sehen."),
    (
        "Tom und Maria sagten, noch mal könnten sie das nicht.",
        "Tom and Mary said they couldn't do that again.",
    ),
    # Modals that hedge no claim: purpose and result clauses, "as much as possible", a question.
    (
        "Screens were set up so that people could watch the ceremony.",
        "Es wurden Bildschirme aufgestellt, damit die Leute die Zeremonie sehen.",
    ),
    (
        "Sie sind zu beschäftigt, als dass sie sich Idealen widmen könnten.",
        "They are too busy to care for ideals.",
    ),
    ("盡可能地多閱讀書籍。", "Read as many books as you can."),
    ("Could the plant close next year?", "Wird das Werk nächstes Jahr schließen?"),
    # A modal the translation adds is not this finding ("could" of ability is the usual reason).
    ("Das Werk schließt nächstes Jahr.", "The plant may close next year."),
]


def _pairs_file(tmp_path: Path, pairs: list[tuple[str, str]]) -> Path:
    path = tmp_path / "pairs.tsv"
    path.write_text("".join(f"{a}\t{b}\tp{n}\n" for n, (a, b) in enumerate(pairs)), encoding="utf-8")
    return path


def _modal_findings(tmp_path: Path, pairs: list[tuple[str, str]]) -> dict[str, list[str]]:
    report = run_pairs(str(_pairs_file(tmp_path, pairs)))
    found: dict[str, list[str]] = {}
    for f in report.findings:
        if f.type == "hedge" and f.a is not None and f.a.value == "may":
            found.setdefault(f.segment or "", []).append(f"{f.severity}: {f.message}")
    return found


@pytest.mark.parametrize(("source", "target"), DROPPED)
def test_a_modal_the_translation_drops_is_a_medium_hedge_finding(
    tmp_path: Path, source: str, target: str
) -> None:
    found = _modal_findings(tmp_path, [(source, target)])
    assert list(found) == ["p0"], found
    (message,) = found["p0"]
    assert message.startswith("medium: source hedges the claim (")
    assert message.endswith("target states it as fact")


@pytest.mark.parametrize(("source", "target"), KEPT)
def test_a_modal_rendered_or_hedging_no_claim_is_not_reported(
    tmp_path: Path, source: str, target: str
) -> None:
    assert _modal_findings(tmp_path, [(source, target)]) == {}


def test_the_evidence_is_the_modal_word_in_the_source(tmp_path: Path) -> None:
    source, target = DROPPED[0]
    report = run_pairs(str(_pairs_file(tmp_path, [(source, target)])))
    (finding,) = [f for f in report.findings if f.type == "hedge"]
    assert finding.a is not None and finding.b is not None
    assert source[finding.a.start : finding.a.end] == "may"
    assert (finding.b.start, finding.b.end) == (0, len(target))


@pytest.mark.parametrize(
    ("source", "target"),
    [
        # German and Chinese render "may" in more ways than könnte/可能 (a review of the rule found these).
        ("Symptoms may last up to two weeks.", "Die Symptome können bis zu zwei Wochen anhalten."),
        ("Passengers may not bring bags on board.", "Passagiere dürfen keine Taschen mitnehmen."),
        ("The suspect may have fled abroad.", "嫌疑人或已逃往国外。"),
        # "may"/"could" that hedge no claim, and an inflected "wahrscheinlich".
        (
            "Anyone who may have information is asked to contact police.",
            "Wer Hinweise hat, soll sich melden.",
        ),
        ("Residents could see the smoke from miles away.", "Anwohner sahen den Rauch kilometerweit."),
        ("Fire was the most likely cause.", "Feuer war die wahrscheinlichste Ursache."),
        # "could not" is no modal marker (a past inability), but it renders "könnten nicht" (DEMETR n106).
        (
            "Die neuen Forderungen könnten nicht erfüllt werden, teilte das Ministerium mit.",
            "The ministry announced that the new demands could not be met.",
        ),
    ],
)
def test_modal_renderings_found_in_review_are_not_reported(tmp_path: Path, source: str, target: str) -> None:
    assert _modal_findings(tmp_path, [(source, target)]) == {}


ADDED = [
    # zh "已经解决" rendered "sei möglicherweise gelöst" (a held-out review story)
    (
        "NASA副局长表示，隔热罩的问题已经解决。",
        "Der Nasa-Vizechef sagte, das Problem mit dem Hitzeschild sei möglicherweise gelöst.",
    ),
    ("The plant closes next year.", "Das Werk schließt vielleicht nächstes Jahr."),
    ("Das Werk schließt nächstes Jahr.", "The plant will perhaps close next year."),
]
NOT_ADDED = [
    # the source hedges too, in words of its own, or the Chinese 可能 is the noun "possibility"
    ("The plant is expected to close next year.", "Das Werk schließt wahrscheinlich nächstes Jahr."),
    ("The plant could close next year.", "Das Werk schließt vielleicht nächstes Jahr."),
    ("Petersen schloss rechtliche Schritte nicht aus.", "彼得森没有排除采取法律行动的可能。"),
    # "may" and "could" translate ability and the conditional as often as doubt
    ("Das Werk schließt nächstes Jahr.", "The plant may close next year."),
]


def _added_findings(tmp_path: Path, pairs: list[tuple[str, str]]) -> dict[str, list[str]]:
    report = run_pairs(str(_pairs_file(tmp_path, pairs)))
    found: dict[str, list[str]] = {}
    for f in report.findings:
        if f.type == "hedge" and "adds doubt" in f.message:
            found.setdefault(f.segment or "", []).append(f"{f.severity}: {f.message}")
    return found


@pytest.mark.parametrize(("source", "target"), ADDED)
def test_doubt_the_translation_adds_is_a_medium_hedge_finding(
    tmp_path: Path, source: str, target: str
) -> None:
    found = _added_findings(tmp_path, [(source, target)])
    assert list(found) == ["p0"] and found["p0"][0].startswith("medium: target adds doubt ("), found


@pytest.mark.parametrize(("source", "target"), NOT_ADDED)
def test_doubt_the_source_has_or_that_is_no_doubt_is_not_added(
    tmp_path: Path, source: str, target: str
) -> None:
    assert _added_findings(tmp_path, [(source, target)]) == {}
