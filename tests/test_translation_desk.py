"""Translation-desk cases from two editors' reviews (German <-> English, English <-> Chinese; sixth
session): faithful renderings a desk uses every day must not be findings, and the drift planted beside them
must still be.

Every pair runs through `run_pairs`, the code behind `driftcheck pairs` and `driftcheck translation`.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from driftcheck.models import SEVERITY_RANK
from driftcheck.quantities import extract_quantities
from driftcheck.report_json import report_dict
from driftcheck.statements import extract_hedges
from driftcheck.translation import run_pairs


def _findings(
    tmp_path: Path, source: str, target: str, source_lang: str = "de", target_lang: str = "en"
) -> list[str]:
    """'type: message' of the findings at low or above for one source/target pair."""
    file = tmp_path / "pair.jsonl"
    row = {
        "id": "1",
        "source": source,
        "target": target,
        "source_lang": source_lang,
        "target_lang": target_lang,
    }
    file.write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    found = report_dict(run_pairs(str(file)))["findings"]
    return [
        f"{f['type']}: {f['message']}" for f in found if SEVERITY_RANK[f["severity"]] >= SEVERITY_RANK["low"]
    ]


@pytest.mark.parametrize(
    ("source", "faithful"),
    [
        (
            "Bundesfinanzminister Christian Lindner (FDP) sprach von einem soliden Haushalt.",
            "Federal Finance Minister Christian Lindner (FDP) spoke of a solid budget.",
        ),
        (
            "Arbeitsminister Hubertus Heil verteidigte die Pläne.",
            "Labour Minister Hubertus Heil defended the plans.",
        ),
        (
            "Die Unionsfraktion warf der Regierung Schönfärberei vor.",
            "The CDU/CSU parliamentary group accused the government of window-dressing.",
        ),
        (
            "Sein Verteidiger kündigte Revision beim Bundesgerichtshof an.",
            "His defence lawyer announced an appeal to the Federal Court of Justice.",
        ),
        (
            "EU-Kommissionspräsidentin Ursula von der Leyen hatte ein Paket angekündigt.",
            "European Commission President Ursula von der Leyen had announced a package.",
        ),
        (
            "„Das Urteil ist für uns nicht nachvollziehbar“, sagte Oberleitner.",
            '"The verdict is incomprehensible to us," Oberleitner said.',
        ),
        (
            "Die Aktie verlor zeitweise 5,8 Prozent.",
            "The share lost as much as 5.8 percent.",
        ),
        (
            "Nach Informationen des „Spiegel“ soll das Ministerium an einem Nachtragshaushalt arbeiten.",
            "According to Der Spiegel, the ministry is said to be working on a supplementary budget.",
        ),
    ],
)
def test_a_faithful_desk_rendering_is_no_finding(tmp_path: Path, source: str, faithful: str) -> None:
    assert _findings(tmp_path, source, faithful) == []


def test_the_same_renderings_english_to_german(tmp_path: Path) -> None:
    source = "Federal Finance Minister Christian Lindner said the CDU/CSU group was wrong."
    target = "Bundesfinanzminister Christian Lindner sagte, die Unionsfraktion irre sich."
    assert _findings(tmp_path, source, target, "en", "de") == []


def test_a_dropped_source_and_soll_is_a_dropped_hedge(tmp_path: Path) -> None:
    source = "Nach Informationen des „Spiegel“ soll das Ministerium an einem Nachtragshaushalt arbeiten."
    found = _findings(tmp_path, source, "The ministry is working on a supplementary budget.")
    assert [f for f in found if f.startswith("hedge:") and "'soll'" in f], found


def test_a_soll_names_hearsay_only_beside_a_source_or_with_haben_or_sein() -> None:
    def said_to(text: str) -> list[str]:
        return [m.text for m in extract_hedges(text, "de") if m.key == "said_to"]

    assert said_to("Laut Anklage soll er das Geld veruntreut haben.") == ["soll"]
    assert said_to("Nach Informationen des Spiegel soll das Ministerium daran arbeiten.") == ["soll"]
    assert said_to("Die Brücke soll 2026 öffnen.") == []  # a plan: "is to open"
    assert said_to("Soll ich laut Plan kommen?") == []  # a question


def test_a_planted_negation_beside_the_lexical_one_is_still_found(tmp_path: Path) -> None:
    found = _findings(tmp_path, "Das Urteil ist noch nicht rechtskräftig.", "The verdict is now final.")
    assert [f for f in found if f.startswith("negation:")], found


def test_zeitweise_bounds_a_figure_as_as_much_as_does() -> None:
    (quantity,) = extract_quantities("Die Aktie verlor zeitweise 5,8 Prozent.", "de")
    (english,) = extract_quantities("The share lost as much as 5.8 percent.", "en")
    assert quantity.qualifier == english.qualifier == "at_most"


def test_a_german_company_name_with_an_adjective_swapped_for_another_is_found(tmp_path: Path) -> None:
    source = "Analysten der Deutschen Bank hatten mit einem stärkeren Rückgang gerechnet."
    assert _findings(tmp_path, source, "Deutsche Bank analysts had expected a sharper decline.") == []
    found = _findings(tmp_path, source, "Commerzbank analysts had expected a sharper decline.")
    assert [f for f in found if "Deutschen Bank" in f], found


def test_a_quotation_given_to_another_speaker_is_an_attribution_finding(tmp_path: Path) -> None:
    source = "„Das Urteil ist für uns nicht nachvollziehbar“, sagte Oberleitner nach der Verhandlung."
    found = _findings(
        tmp_path, source, '"The verdict is incomprehensible to us," Krämer said after the hearing.'
    )
    assert [f for f in found if f.startswith("attribution:") and "Oberleitner" in f and "Krämer" in f], found
    faithful = '"The verdict is incomprehensible to us," Oberleitner said after the hearing.'
    assert _findings(tmp_path, source, faithful) == []


# English -> Chinese, from a second review (a Chinese news agency's international desk).
@pytest.mark.parametrize(
    ("source", "faithful"),
    [
        ("Analysts at Goldman Sachs had expected a smaller cut.", "高盛分析师此前预计降息幅度较小。"),
        ("The Shanghai Composite Index rose 1.2 percent.", "上证综指上涨1.2%。"),
        (
            "About 150,000 people were evacuated, according to state broadcaster CCTV.",
            "据央视报道，约15万人已疏散。",
        ),
        ("Huang will speak at the Computex trade show.", "黄仁勋将在台北国际电脑展上发言。"),
        (
            "Rival AMD, led by Lisa Su, expanded in Taiwan last year.",
            "由苏姿丰领导的竞争对手AMD去年在台扩张。",
        ),
        ("Insured losses are estimated at 1.2 billion US dollars.", "保险损失约为12亿美元。"),
        ("At least 23 people were killed.", "至少有23人死亡。"),
        ("Its market value rose above 3.4 trillion dollars.", "其市值突破3.4万亿美元。"),
        ("Typhoon Gaemi made landfall late on Wednesday.", "台风“格美”于周三深夜登陆。"),
        # A city of the hand-written table, in the traditional script it does not list: matched by sound.
        ("I was in Boston last month.", "我上個月在波士頓。"),
        (
            '"Taiwan is the heart of the AI supply chain," Huang said in a statement.',
            "黄仁勋在一份声明中表示：“台湾是人工智能供应链的核心。”",
        ),
        # State bodies and companies named by meaning, and a wire's dateline (found in a desk's review).
        (
            "The Ministry of Finance and the Ministry of Emergency Management released 500 million yuan.",
            "财政部和应急管理部下拨5亿元。",
        ),
        ("China Southern Power Grid restored power to 1.1 million homes.", "南方电网已为110万户恢复供电。"),
        ("The World Meteorological Organization called it a record.", "世界气象组织称这是创纪录的。"),
        (
            "ZHANJIANG, China, Sept 15 (Pacific Wire) - Typhoon Yamaneko made landfall on Sunday.",
            "台风“山猫”于周日登陆。",
        ),
    ],
)
def test_a_faithful_chinese_rendering_is_no_finding(tmp_path: Path, source: str, faithful: str) -> None:
    assert _findings(tmp_path, source, faithful, "en", "zh") == []


@pytest.mark.parametrize(
    ("source", "swapped", "city"),
    [
        ("In Manila, floodwaters rose to chest height.", "在宿务，洪水深及胸口。", "Manila"),
        ("Schools in Taipei were closed on Thursday.", "高雄的学校周四关闭。", "Taipei"),
        ("The typhoon would not threaten Osaka.", "台风不会威胁神户。", "Osaka"),
    ],
)
def test_a_city_swapped_in_the_chinese_is_found(tmp_path: Path, source: str, swapped: str, city: str) -> None:
    found = _findings(tmp_path, source, swapped, "en", "zh")
    assert [f for f in found if f"'{city}'" in f and "(place)" in f], found


def test_a_quotation_given_to_a_chinese_name_after_a_title_is_an_attribution_finding(tmp_path: Path) -> None:
    source = '"Taiwan is the heart of the AI supply chain," Huang said in a statement.'
    swapped = "AMD首席执行官苏姿丰周一在一份声明中表示：“台湾是人工智能供应链的核心。”"
    found = _findings(tmp_path, source, swapped, "en", "zh")
    assert [f for f in found if f.startswith("attribution:") and "苏姿丰" in f], found


def test_a_person_with_an_established_chinese_name_swapped_in_english_is_one_swap(tmp_path: Path) -> None:
    source = "由苏姿丰领导的竞争对手AMD去年宣布了扩张计划。"
    found = _findings(
        tmp_path, source, "Rival AMD, led by Pat Gelsinger, announced an expansion last year.", "zh", "en"
    )
    assert found == ["entity: target names 'Pat Gelsinger' where source names '苏姿丰' (person)"], found


def test_a_month_changed_in_translation_is_found(tmp_path: Path) -> None:
    source = "The central bank will cut rates again as early as April."
    assert _findings(tmp_path, source, "央行最早将于4月再次降息。", "en", "zh") == []
    found = _findings(tmp_path, source, "央行最早将于5月再次降息。", "en", "zh")
    assert [f for f in found if f.startswith("date:") and "month differ" in f], found


def test_a_place_swapped_for_a_chinese_one_is_one_swap(tmp_path: Path) -> None:
    found = _findings(
        tmp_path, "The storm made a second landfall in Fujian.", "台风在广东省再次登陆。", "en", "zh"
    )
    assert found == ["entity: target names '广东省' where source names 'Fujian' (other)"], found
