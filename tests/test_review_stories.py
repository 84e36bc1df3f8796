"""Cases from two held-out editor reviews (ninth session: a medicines regulator, a rate decision, a football
transfer, an earthquake, a fraud verdict, a climate summit; German, English, Chinese).

Each faithful rendering that drew a false finding is asserted silent, next to the planted drift that must
still be found; the sentences are the stories' own.
"""

from __future__ import annotations

import pytest

from driftcheck.compare import AliasTable, CompareSettings, Located, compare_corpus, compare_pair
from driftcheck.facts import extract_facts
from driftcheck.models import Alignment, ClaimGroup, Document, Finding, Sentence, SentenceRef
from driftcheck.pipeline import Segmented
from driftcheck.quantities import extract_quantities
from driftcheck.statements import extract_hedges, extract_negations, lexical_negations

SETTINGS = CompareSettings()


def _loc(text: str, lang: str, doc: str, kind: str = "body") -> Located:
    document = Document(doc, f"{doc}.txt", text, (), language=lang)
    sentence = Sentence(doc, 0, text, lang, kind, 0, len(text))
    return Located(sentence, extract_facts(sentence, document), None, 0 if doc == "a" else 1)


def _found(a: str, la: str, b: str, lb: str, kind_a: str = "body", kind_b: str = "body") -> list[Finding]:
    return compare_pair(_loc(a, la, "a", kind_a), _loc(b, lb, "b", kind_b), SETTINGS, AliasTable())


def _types(found: list[Finding]) -> set[str]:
    return {f.type for f in found}


# --- negations -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "尽管如此，通胀仍居高不下。",  # stubbornly high
        "经济学家对明年的降息路径看法不一。",  # views differ
        "罚款与违规行为的严重程度不相称。",  # disproportionate
        "Two delegates who asked not to be named said the talks were close.",
        "Zwei Delegierte, die nicht namentlich genannt werden wollten, sagten, man sei sich nahe.",
        "Das Ziel sei eine Untergrenze, keine Obergrenze.",
    ],
)
def test_words_that_only_contain_a_negation_are_none(text: str) -> None:
    lang = "zh" if "。" in text else ("de" if " sei" in text or "wollten" in text else "en")
    assert extract_negations(text, lang) == []


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Er kommt nicht.", "de"),
        ("他不来。", "zh"),
        ("Er hat keine Zeit.", "de"),
        ("She did not attend.", "en"),
    ],
)
def test_plain_negations_are_still_negations(text: str, lang: str) -> None:
    assert extract_negations(text, lang)


def test_falling_short_is_said_without_a_negation_word() -> None:
    assert lexical_negations("The pledge fell short of what poorer countries had asked for.", "en")
    found = _found(
        "The pledge fell short of what poorer countries had asked for.",
        "en",
        "Die Zusage reiche nicht aus, um den Bedarf der ärmeren Länder zu decken.",
        "de",
    )
    assert "negation" not in _types(found)


def test_a_dropped_not_yet_is_a_flip_even_where_it_shortens_the_sentence() -> None:
    found = _found("Das Urteil ist noch nicht rechtskräftig.", "de", "The verdict is final.", "en")
    assert [f.severity for f in found if f.type == "negation"] == ["high"]
    # ...while "noch nicht einmal" is "not even", and no state not yet reached.
    assert extract_negations("Ich habe noch nicht einmal begonnen.", "de")


# --- hedges and modals -----------------------------------------------------------------------------------


def test_unnamed_sources_said_by_their_anonymity_are_a_hedge() -> None:
    keys = {m.key for m in extract_hedges("Two delegates who asked not to be named said so.", "en")}
    assert keys == {"unnamed_sources"}
    found = _found(
        "Saudi Arabia and Russia had blocked stronger language until the final hours, according to two "
        "delegates who asked not to be named.",
        "en",
        "Saudi-Arabien und Russland hatten eine schärfere Formulierung bis zuletzt blockiert.",
        "de",
    )
    assert _types(found) >= {"hedge"} and "negation" not in _types(found)


def test_suspected_cases_are_a_medical_term_not_allegedly() -> None:
    assert extract_hedges("目前已报告12例疑似病例。", "zh") == []
    assert [m.key for m in extract_hedges("该男子疑似纵火。", "zh")] == ["allegedly"]


def test_reported_speech_koenne_keeps_the_could() -> None:
    assert [m.key for m in extract_hedges("Er sagte, es könne Nachbeben geben.", "de")] == ["may"]
    found = _found(
        "Seismologist Naci Görür said aftershocks of up to magnitude 6 could occur in the coming weeks.",
        "en",
        "Der Seismologe Naci Görür sagte, in den kommenden Wochen könne es Nachbeben mit einer Stärke "
        "von bis zu 6 geben.",
        "de",
    )
    assert "hedge" not in _types(found)


# --- figures ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("He signed a three-and-a-half-year contract.", "en", 3.5),
        ("他签下一份为期三年半的合同。", "zh", 3.5),
        ("为期3年半的合同", "zh", 3.5),
        ("他在这里工作了三年。", "zh", 3.0),
        ("3年半导体投资", "zh", 3.0),  # 半导体 is "semiconductor"
    ],
)
def test_and_a_half_joined_to_a_duration(text: str, lang: str, value: float) -> None:
    assert [q.value for q in extract_quantities(text, lang) if q.unit == "year"] == [value]


@pytest.mark.parametrize("verb", ["sanken", "fielen"])
def test_a_german_plural_past_verb_of_change_before_its_subject(verb: str) -> None:
    found = _found(
        "Global emissions rose 0.8 percent last year, according to the UN Environment Programme.",
        "en",
        f"Nach Angaben des UN-Umweltprogramms {verb} die weltweiten Emissionen im vergangenen Jahr um 0,8 "
        "Prozent.",
        "de",
    )
    assert any("turned round" in f.message for f in found)
    stiegen = _found(
        "Global emissions rose 0.8 percent last year.",
        "en",
        "Im vergangenen Jahr stiegen die weltweiten Emissionen um 0,8 Prozent.",
        "de",
    )
    assert not any("turned round" in f.message for f in stiegen)


# --- names, places, roles, quotations --------------------------------------------------------------------


def test_turkey_is_tuerkei_whatever_cldr_calls_it_now() -> None:
    found = _found(
        "A 6.8-magnitude earthquake struck eastern Turkey on Tuesday.",
        "en",
        "Ein Erdbeben der Stärke 6,8 hat am Dienstag den Osten der Türkei erschüttert.",
        "de",
    )
    assert "entity" not in _types(found)


@pytest.mark.parametrize(
    ("a", "la", "b", "lb"),
    [
        (
            "Deputy Governor Clare Lombardelli said the committee was split.",
            "en",
            "Chefvolkswirtin Clare Lombardelli sagte, der Ausschuss sei gespalten.",
            "de",
        ),
        (
            "UN relief chief Tom Fletcher said $15 million had been released.",
            "en",
            "联合国秘书长汤姆·弗莱彻表示，联合国已拨出1500万美元。",
            "zh",
        ),
    ],
)
def test_a_changed_role_of_an_international_official_is_found(a: str, la: str, b: str, lb: str) -> None:
    assert any("role" in f.message for f in _found(a, la, b, lb) if f.type == "entity")


def test_a_headline_and_a_body_sentence_about_two_people_are_no_role_change() -> None:
    headline = _loc("Haftstrafe für früheren Helionet-Finanzchef", "de", "a", "headline")
    body = Sentence(
        "a", 1, "Der frühere Vorstandschef Stefan Ruhland wurde freigesprochen.", "de", "body", 0, 60
    )
    document = Document("a", "a.txt", body.text, (), language="de")
    body_loc = Located(body, extract_facts(body, document), None, 0)
    assert compare_pair(headline, body_loc, SETTINGS, AliasTable()) == []


def test_a_title_given_name_and_a_noun_like_family_name_are_one_speaker() -> None:
    from driftcheck.entities import extract_entities

    text = "„Der Nutzen überwiegt nicht mehr die Risiken“, sagte BfArM-Präsidentin Martina Keller."
    assert [e.text for e in extract_entities(text, "de") if e.kind == "person"] == ["Martina Keller"]


def test_a_translated_quotation_that_drops_the_state_of_knowledge_is_cut() -> None:
    found = _found(
        "„Der Nutzen von Veloxan überwiegt nach derzeitigem Kenntnisstand nicht mehr die Risiken“, sagte "
        "BfArM-Präsidentin Martina Keller.",
        "de",
        "BfArM局长玛蒂娜·凯勒说：“Veloxan的益处已不再超过其风险。”",
        "zh",
    )
    cut = [f for f in found if f.type == "quote"]
    assert cut and "Kenntnisstand" in cut[0].message


# --- translations the manifest names ---------------------------------------------------------------------


def _segmented(doc: str, text: str, lang: str, original: str | None) -> Segmented:
    document = Document(doc, f"{doc}.txt", text, (), language=lang, original_language=original)
    sentence = Sentence(doc, 0, text, lang, "body", 0, len(text))
    return Segmented(document, (sentence,), (extract_facts(sentence, document),))


SOURCE = (
    "Eine Wechselwirkung mit Blutverdünnern könnte das Risiko innerer Blutungen erhöhen, teilte das Amt mit."
)
TARGET = "该机构表示，与抗凝血药物的相互作用增加了内出血的风险。"


@pytest.mark.parametrize(("original", "flagged"), [("de", True), (None, False)])
def test_a_translation_is_held_to_its_sources_could(original: str | None, flagged: bool) -> None:
    source, target = _segmented("bonner", SOURCE, "de", None), _segmented("yiyao", TARGET, "zh", original)
    link = Alignment(SentenceRef("bonner", 0), SentenceRef("yiyao", 0), 2.0, "g1")
    group = ClaimGroup("g1", (SentenceRef("bonner", 0), SentenceRef("yiyao", 0)), ())
    found = compare_corpus([source, target], [link], [group], SETTINGS)
    assert any(f.type == "hedge" and f.severity == "medium" for f in found) is flagged


def test_two_translations_of_one_quotation_may_word_it_differently() -> None:
    a = (
        "Greenpeace nannte das Kohle-Datum „eine historische Premiere“, Oxfam hingegen sagte, die "
        "Finanzzusage liege „weit unter dem, was nötig ist“."
    )
    b = (
        "Greenpeace sprach beim Kohleziel von einer „historischen Premiere“, Oxfam dagegen nannte die "
        "Finanzzusage „weit unter dem Nötigen“."
    )

    def quotes(original: str | None) -> list[Finding]:
        x, y = _segmented("x", a, "de", original), _segmented("y", b, "de", original)
        link = Alignment(SentenceRef("x", 0), SentenceRef("y", 0), 2.0, "g1")
        group = ClaimGroup("g1", (SentenceRef("x", 0), SentenceRef("y", 0)), ())
        return [f for f in compare_corpus([x, y], [link], [group], SETTINGS) if f.type == "quote"]

    assert quotes("en") == []
    assert quotes(None)  # two German originals quoting one speaker differently: a changed quotation


def test_reliable_is_no_rendered_possibility() -> None:
    # 可靠 ("reliable") holds 可 ("can"), which renders a modal elsewhere (最高可升至 for "could rise").
    found = _found(
        "Its instruments are expected to extend reliable warnings of severe storms by 12 hours.",
        "en",
        "其仪器将把强风暴的可靠预警时间延长12小时。",
        "zh",
    )
    assert "hedge" in _types(found)


def _document(doc: str, lines: list[str], lang: str) -> Segmented:
    document = Document(doc, f"{doc}.txt", "\n".join(lines), (), language=lang)
    sentences = tuple(Sentence(doc, n, line, lang, "body", 0, len(line)) for n, line in enumerate(lines))
    return Segmented(document, sentences, tuple(extract_facts(s, document) for s in sentences))


EN_PLANT = "The tablets were made at a contract manufacturer's plant in Wroclaw, Poland."
ZH_PLANT = "这些药片产自捷克布尔诺的一家代工厂。"


@pytest.mark.parametrize(
    ("zh_extra", "swapped"),
    [("该公司表示，召回不影响其他产品。", True), ("该公司表示，波兰工厂已暂停生产。", False)],
)
def test_a_place_swapped_across_scripts_without_a_shared_figure(zh_extra: str, swapped: bool) -> None:
    # No figure ties the sentences; that the Chinese version never names Poland, nor the English the Czech
    # Republic, does. Where the Chinese names Poland elsewhere, the two places may both be the story's.
    en = _document("en", [EN_PLANT, "The company said other products were not affected."], "en")
    zh = _document("zh", [ZH_PLANT, zh_extra], "zh")
    link = Alignment(SentenceRef("en", 0), SentenceRef("zh", 0), 2.0, "g1")
    group = ClaimGroup("g1", (SentenceRef("en", 0), SentenceRef("zh", 0)), ())
    found = compare_corpus([en, zh], [link], [group], SETTINGS)
    assert any(f.type == "entity" and "place" in f.message for f in found) is swapped


@pytest.mark.parametrize(
    ("text", "lang", "values"),
    [
        ("It was the club's second title in three years.", "en", [2.0]),
        ("Er gewann seinen dritten Titel.", "de", [3.0]),
        ("A second later the roof fell in.", "en", []),  # a unit of time
        ("A third of the staff will go.", "en", []),  # a fraction
        ("He bought a second-hand car.", "en", []),
    ],
)
def test_ordinals_in_words(text: str, lang: str, values: list[float]) -> None:
    assert [q.value for q in extract_quantities(text, lang) if q.unit == "ordinal"] == values


def test_an_ordinal_in_words_changed_is_found_and_ties_no_sentences() -> None:
    found = _found("Shenhua finished second in the league.", "en", "申花在联赛中排名第三。", "zh")
    assert any(f.type == "number_value" and "ordinal" in f.message for f in found)
    anchors = _loc("Everyone deserves a second chance.", "en", "a").facts.anchors
    assert anchors and all(a.startswith("n:") for a in anchors)  # a name, no figure


# --- second held-out round (ninth session): layoffs, doping, oil spill, eruption, auction, price cap ----


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Das Gemälde wurde für 9,2 Millionen Euro versteigert.", "de", [(9.2e6, "EUR")]),  # "für" is no "r"
        ("公司将在全球裁减1580个岗位。", "zh", [(1580.0, None)]),  # a count, not the year 1580
        ("Die Firma streicht weltweit 1850 Stellen.", "de", [(1850.0, None)]),
        ("Im Jahr 1850 wurde die Fabrik gebaut.", "de", []),  # a year
        ("Die Wahl 2024 fand Mitte März statt.", "de", []),
        ("Er lief die Strecke in 2:03:41 Stunden.", "de", []),  # a race time, not 41 hours
    ],
)
def test_figures_a_reviewer_found_dropped_or_misread(
    text: str, lang: str, expected: list[tuple[float, str | None]]
) -> None:
    assert [(q.value, q.currency) for q in extract_quantities(text, lang)] == expected


@pytest.mark.parametrize(
    ("text", "negated"),
    [
        ("协会不会容忍任何违规行为。", True),  # 协会 + 不会, no 会不会 question
        ("董事会不会改变这一决定。", True),
        ("你明天会不会来？", False),
    ],
)
def test_a_nouns_hui_is_no_a_not_a_question(text: str, negated: bool) -> None:
    assert bool(extract_negations(text, "zh")) is negated


def test_bu_de_may_not_is_said_as_ruled_out() -> None:
    found = _found(
        "Under an agreement with the works council, compulsory redundancies in Germany are ruled out until "
        "the end of 2028.",
        "en",
        "根据与职工委员会达成的协议，2028年底前在德国不得进行强制性裁员。",
        "zh",
    )
    assert "negation" not in _types(found)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The athlete was provisionally suspended by the Athletics Integrity Unit.", "en"),
        ("Die vorläufige Suspendierung der Läuferin bleibt bestehen.", "de"),
    ],
)
def test_a_provisional_suspension_is_a_legal_measure_not_a_hedge(text: str, lang: str) -> None:
    assert extract_hedges(text, lang) == []


def test_due_to_renders_an_expectation() -> None:
    chinese = "此次重组预计于2026年6月底前完成，一次性成本约为3.1亿欧元。"
    english = "The restructuring is due to be completed by the end of June 2026 and will cost around €310m."
    found = _found(chinese, "zh", english, "en")
    assert "hedge" not in _types(found)


def test_kilometres_of_sea_are_not_the_caspian_sea() -> None:
    from driftcheck.compare import _han_places

    assert _han_places("油污已扩散至约40平方公里海域。") == ()
    assert [names for *_, names in _han_places("里海沿岸国家")] == [("caspiansea",)]


def test_a_currency_after_a_figure_is_no_name() -> None:
    from driftcheck.entities import extract_entities

    assert extract_entities("Das Gemälde wurde für 9,2 Millionen Euro versteigert.", "de") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The regulator expects the average bill to fall to 1,720 pounds.", ["expected"]),
        ("She always expects me to help her.", []),  # a demand, no forecast of a figure
        ("As expected, prices rose 3%.", []),
    ],
)
def test_an_expectation_said_actively_of_a_figure(text: str, expected: list[str]) -> None:
    assert [m.key for m in extract_hedges(text, "en")] == expected


def test_a_dropped_may_is_not_excused_by_a_source_the_translation_keeps() -> None:
    from driftcheck.compare import modal_dropped_findings

    source = _loc("据初步估计，泄漏的原油可能超过300吨。", "zh", "a")
    target = _loc("According to preliminary estimates, more than 300 tonnes of crude oil leaked.", "en", "b")
    assert [f.type for f in modal_dropped_findings(source, target)] == ["hedge"]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "The summit moved from Addis Ababa to Nairobi.",
            "en",
            [("Addis Ababa", "place"), ("Nairobi", "place")],
        ),
        ("Der Gipfel fand in Kenia statt.", "de", [("Kenia", "place")]),
        ("Malta and Tunisia signed the deal.", "en", [("Malta", "place"), ("Tunisia", "place")]),
        ("Jordan Henderson scored twice.", "en", [("Jordan Henderson", "person")]),
    ],
)
def test_places_outside_the_hand_table_by_cldr_names(
    text: str, lang: str, expected: list[tuple[str, str]]
) -> None:
    from driftcheck.entities import extract_entities

    assert [(e.text, e.kind) for e in extract_entities(text, lang)] == expected


def test_a_city_swapped_between_two_english_outlets_is_found() -> None:
    found = _found(
        "The tanker was bound for Singapore when it ran aground.",
        "en",
        "The tanker was bound for Hong Kong when it ran aground.",
        "en",
    )
    assert any(f.type == "entity" and "place" in f.message for f in found)


# --- third held-out round (ninth session): ferry, research fraud, recall, heat, merger, measles -----------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("调查发现他存在学术不端行为。", "zh"),  # misconduct
        ("大学承认存在不当行为。", "zh"),  # wrongdoing
        ("The vaccine is offered at no cost at all clinics.", "en"),
    ],
)
def test_nouns_and_set_phrases_with_a_negation_character_deny_nothing(text: str, lang: str) -> None:
    assert [m.text for m in extract_negations(text, lang) if m.text in ("不", "no")] == []


@pytest.mark.parametrize(
    ("a", "la", "b", "lb"),
    [
        (
            "Rescue ships could not reach the site until Friday morning.",
            "en",
            "救援船只直到周五上午才抵达现场。",
            "zh",
        ),
        ("Parents can bring children to walk-in clinics.", "en", "家长可带孩子前往无需预约的诊所。", "zh"),
    ],
)
def test_not_until_and_no_need_said_without_a_negation_word(a: str, la: str, b: str, lb: str) -> None:
    assert "negation" not in _types(_found(a, la, b, lb))


def test_decades_are_ten_years() -> None:
    assert [(q.value, q.unit) for q in extract_quantities("He worked there for two decades.", "en")] == [
        (20.0, "year")
    ]
    assert [q.value for q in extract_quantities("vor zwei Jahrzehnten", "de")] == [20.0]


def test_a_car_model_after_a_figure_is_no_currency() -> None:
    assert [q.currency for q in extract_quantities("It sold 126,000 Yuanhang S7 cars.", "en")] == [None]


def test_not_yet_commented_turned_into_confirmed() -> None:
    found = _found(
        "The company has not yet commented on the report.",
        "en",
        "The company has confirmed the report.",
        "en",
    )
    assert any(f.type == "attribution" and f.severity == "high" for f in found)


@pytest.mark.parametrize(
    ("a", "la", "b", "lb", "reversed_"),
    [
        ("The operator denies that the ferry was overloaded.", "en", "运营商承认渡轮超载。", "zh", True),
        ("Der Betreiber bestreitet, dass die Fähre überladen war.", "de",
         "The operator admits the ferry was overloaded.", "en", True),
        ("The operator denies that the ferry was overloaded.", "en", "运营商否认渡轮超载。", "zh", False),
        # one version holding both is no reversal
        ("He denied the charge but admitted the error.", "en", "He admitted the error.", "en", False),
        # held-out round I: a cause ruled out became a defect admitted
        ("Chief executive Pierre Lemaire ruled out a design flaw in the engines.", "en",
         "首席执行官皮埃尔·勒梅尔承认发动机存在设计缺陷。", "zh", True),
        ("Firmenchef Pierre Lemaire schloss einen Konstruktionsfehler der Triebwerke aus.", "de",
         "Chief executive Pierre Lemaire admitted a design flaw in the engines.", "en", True),
        ("Chief executive Pierre Lemaire ruled out a design flaw in the engines.", "en",
         "首席执行官皮埃尔·勒梅尔排除了发动机存在设计缺陷的可能。", "zh", False),
    ],
)  # fmt: skip
def test_a_denial_turned_into_an_admission(a: str, la: str, b: str, lb: str, reversed_: bool) -> None:
    found = _found(a, la, b, lb)
    assert any(f.type == "negation" and "denies" in f.message for f in found) is reversed_


@pytest.mark.parametrize(
    ("a", "la", "b", "lb"),
    [
        ("Regional Commissioner Albert Chalamila said the search continued.", "en",
         "警察局长阿尔伯特·查拉米拉表示，搜救仍在继续。", "zh"),
        ("Rector Ingrid Hauser said the university would act.", "en",
         "Vizerektorin Ingrid Hauser sagte, die Universität werde handeln.", "de"),
    ],
)  # fmt: skip
def test_rectors_and_commissioners_are_roles(a: str, la: str, b: str, lb: str) -> None:
    assert any(f.type == "entity" and "role" in f.message for f in _found(a, la, b, lb))


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The reservoirs hold about 25 cubic hectometres of water.", "en"),
        ("Die Stauseen fassen etwa 25 Millionen Kubikmeter Wasser.", "de"),
        ("水库蓄水约2500万立方米。", "zh"),
        ("The reservoirs hold about 25 billion litres of water.", "en"),
    ],
)
def test_volumes_in_one_base_unit(text: str, lang: str) -> None:
    assert [(q.value, q.unit) for q in extract_quantities(text, lang)] == [(2.5e7, "m³")]


def test_a_volume_converted_is_no_drift() -> None:
    found = _found(
        "The reservoirs hold about 25 cubic hectometres of water.",
        "en",
        "Die Stauseen fassen etwa 25 Millionen Kubikmeter Wasser.",
        "de",
    )
    assert not [f for f in found if f.type.startswith("number")]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Up to nine in ten unvaccinated contacts can be infected.", "en", [(90.0, "at_most")]),
        ("Einer von fünf Erwachsenen ist betroffen.", "de", [(20.0, "none")]),
        ("十分之九的密切接触者可能被感染。", "zh", [(90.0, "none")]),
        ("九成儿童已接种疫苗。", "zh", [(90.0, "none")]),
        ("It rained roughly a third of the annual total.", "en", [(33.33, "approx")]),
        ("Die Stadt bekam etwa ein Drittel des Jahresniederschlags.", "de", [(33.33, "approx")]),
        ("He won 3 in 2024.", "en", []),  # a year, no share
        ("一成不变的规则", "zh", []),  # an idiom
        ("in a quarter of an hour", "en", []),  # a duration
    ],
)
def test_shares_said_as_ratios_are_percentages(
    text: str, lang: str, expected: list[tuple[float, str]]
) -> None:
    shares = [(q.value, q.qualifier) for q in extract_quantities(text, lang) if q.unit == "percent"]
    assert shares == expected


def test_nine_in_ten_is_ninety_percent_not_ten() -> None:
    found = _found(
        "She said one infected person can pass the virus to nine in ten unvaccinated close contacts.",
        "en",
        "Eine infizierte Person könne das Virus an 90 Prozent der ungeimpften engen Kontaktpersonen "
        "weitergeben.",
        "de",
    )
    assert not [f for f in found if f.severity == "high"]


@pytest.mark.parametrize(
    ("a", "la", "b", "lb"),
    [
        # held-out round I: "not … until" with an apposition between 直到 and 才
        ("The state had not sent air tankers until Monday, two days after the fire began.", "en",
         "州政府直到周一，也就是起火两天后，才派出灭火飞机。", "zh"),
        # 初步调查结果 are initial findings: a stage of the inquiry, no hedge
        ("Investigators are due to present initial findings by the end of May.", "en",
         "调查人员将于5月底前提交初步调查结果。", "zh"),
    ],
)  # fmt: skip
def test_faithful_chinese_renderings_of_until_and_initial_findings(a: str, la: str, b: str, lb: str) -> None:
    assert not [f.message for f in _found(a, la, b, lb) if f.type in ("negation", "hedge")]


@pytest.mark.parametrize(
    ("a", "la", "b", "lb", "turned"),
    [
        # held-out round I: German puts the verb of change last
        ("Temperatures are expected to rise to 41 degrees Celsius on Thursday.", "en",
         "Die Temperaturen sollen am Donnerstag auf 41 Grad Celsius sinken.", "de", True),
        ("Temperatures are expected to rise to 41 degrees Celsius on Thursday.", "en",
         "Die Temperaturen sollen am Donnerstag auf 41 Grad Celsius steigen.", "de", False),
        ("The index fell 2 percent on Monday.", "en",
         "Der Index ist am Montag um 2 Prozent gestiegen.", "de", True),
    ],
)  # fmt: skip
def test_a_german_verb_of_change_at_the_end_of_its_clause(
    a: str, la: str, b: str, lb: str, turned: bool
) -> None:
    found = _found(a, la, b, lb)
    assert any("turned round" in f.message for f in found) is turned


def test_soll_before_a_possessive_sein_is_a_plan_not_hearsay() -> None:
    from driftcheck.statements import extract_hedges

    assert not extract_hedges("Sie soll im Juli sein Amt antreten.", "de")  # held-out round I
    assert [m.key for m in extract_hedges("Er soll sein Vermögen verloren haben.", "de")] == ["said_to"]
    assert [m.key for m in extract_hedges("Er soll reich sein.", "de")] == ["said_to"]


def test_a_hedge_dropped_beside_one_kept_is_reported() -> None:
    # held-out round I: 初步 keeps "initial"; "suggest … may" are gone
    wire = "Initial findings suggest the cause may have been a fault in the flight-control software."
    found = _found(wire, "en", "初步调查结果显示，事故原因是飞行控制软件故障。", "zh")
    assert [f.a.evidence for f in found if f.type == "hedge"] == ["suggest"]
    # A modal of the translation's own (可能) still renders the doubt; "initial" is 初步's hedge.
    assert not [
        f
        for f in _found(wire, "en", "初步调查结果表明，事故原因可能是飞行控制软件故障。", "zh")
        if f.type == "hedge"
    ]
    assert not [
        f
        for f in _found(
            "Initial findings point to a software fault.", "en", "初步调查结果指向软件故障。", "zh"
        )
        if f.type == "hedge"
    ]


def test_a_chinese_speaker_before_a_verb_of_calling_and_its_object() -> None:
    from driftcheck.statements import extract_quotes

    # held-out round I: "迪特里希称这起盗窃案是“…”" gave the museum director's words to the police spokesman
    called = "迪特里希称这起盗窃案是“奥地利文化记忆的伤口”。"
    assert [q.speaker for q in extract_quotes(called, "zh")] == ["迪特里希"]
    assert [q.speaker for q in extract_quotes("他称这起盗窃案是“奥地利文化记忆的伤口”。", "zh")] == [None]


def test_an_owner_named_in_chinese_is_the_owner_named_in_latin_script() -> None:
    # held-out round I: 本韦努托·切利尼的 / "Benvenuto Cellini's" was "a different owner"
    found = _found(
        "The raid recalls the 2003 theft of Benvenuto Cellini's Saliera salt cellar from the museum.", "en",
        "此次盗窃案令人想起2003年本韦努托·切利尼的“盐罐”（Saliera）从博物馆被盗一事。", "zh",
    )  # fmt: skip
    assert not [f.message for f in found if f.type == "attribution"]


@pytest.mark.parametrize(
    ("a", "la", "b", "lb", "kind"),
    [
        # held-out round J: the county is no speaker (龙潭县村民李秀英说)
        ("\"The water came too fast,\" villager Li Xiuying said.", "en",
         "龙潭县村民李秀英说：“水来得太快了。”", "zh", "attribution"),
        # "initially estimated" is 初步's and vorläufig's hedge
        ("The damage was initially estimated at 40 million yuan.", "en",
         "损失初步估计为4000万元。", "zh", "hedge"),
        # 仍未确定 "still open" against „noch offen“
        ("Der Termin für das Rückspiel ist noch offen.", "de",
         "次回合比赛的日期仍未确定。", "zh", "negation"),
        # "nach eigenen Angaben" names a source, as 声称 hedges
        ("Die Angreifer erbeuteten nach eigenen Angaben 400 Gigabyte Daten.", "de",
         "攻击者声称窃取了400GB数据。", "zh", "hedge"),
    ],
)  # fmt: skip
def test_faithful_renderings_of_held_out_round_j(a: str, la: str, b: str, lb: str, kind: str) -> None:
    assert not [f.message for f in _found(a, la, b, lb) if f.type == kind]


def test_a_german_league_number_does_not_end_an_english_sentence() -> None:
    from driftcheck.segment import split_sentences

    text = "The club was relegated to the 2. Bundesliga with 22 points. It finished 15th."
    first, *_ = [text[s:e] for s, e in split_sentences(text, "en")]
    assert first.endswith("22 points.")


@pytest.mark.parametrize(
    ("a", "la", "b", "lb"),
    [
        # held-out round J: the direction said before the figure
        ("Passenger numbers were up 12 percent in the first quarter.", "en",
         "第一季度客运量减少12%。", "zh"),
        ("Passenger numbers were up 12 percent in the first quarter.", "en",
         "Passenger numbers were down 12 percent in the first quarter.", "en"),
    ],
)  # fmt: skip
def test_up_and_down_before_a_figure_are_directions(a: str, la: str, b: str, lb: str) -> None:
    assert any("turned round" in f.message for f in _found(a, la, b, lb))


@pytest.mark.parametrize(
    "text",
    [
        "Der Verein wollte die Höhe der Ablöse nicht kommentieren.",
        "Der Klub lehnte einen Kommentar zur Summe ab.",
        "俱乐部拒绝对这一数字置评。",
    ],
)
def test_ways_of_declining_to_comment(text: str) -> None:
    from driftcheck.compare import _NO_COMMENT

    assert _NO_COMMENT.search(text)  # held-out round J: „nicht kommentieren“ became "confirmed"


@pytest.mark.parametrize(
    ("text", "lang", "day"),
    [
        # held-out rounds I and J: "until" in a sentence told in the past counts back
        ("Bis Samstagvormittag wurden 1200 Menschen in Sicherheit gebracht.", "de", 5),
        ("州政府直到周六，也就是起火两天后，才派出灭火飞机。", "zh", 5),
        ("截至周六晚间，已有200人撤离。", "zh", 5),
        # a deadline ahead, or one set then
        ("Die Straße ist bis Samstag gesperrt.", "de", 12),
        ("The vote was postponed until Saturday.", "en", 12),
        ("比赛将推迟到周六。", "zh", 12),
    ],
)
def test_until_a_weekday_in_the_past_or_ahead(text: str, lang: str, day: int) -> None:
    import datetime as dt

    from driftcheck.dates import extract_dates

    (found,) = extract_dates(text, lang, dt.date(2025, 7, 6))  # a Sunday
    assert (found.month, found.day) == (7, day)


@pytest.mark.parametrize(
    ("a", "la", "b", "lb", "cut"),
    [
        # held-out rounds: cuts to less than half, with no caveat word in the part left out
        ("\"The analytical findings leave no doubt about the presence of a prohibited substance in the "
         "athlete's sample,\" AIU head Brett Clothier said in a statement.", "en",
         "„Die analytischen Befunde lassen keinen Zweifel“, sagte AIU-Chef Brett Clothier in einer "
         "Mitteilung.", "de", True),
        # the same length, faithful
        ("\"The analytical findings leave no doubt about the presence of a prohibited substance,\" AIU head "
         "Brett Clothier said.", "en",
         "„Die analytischen Befunde lassen keinen Zweifel an einer verbotenen Substanz“, sagte AIU-Chef "
         "Brett Clothier.", "de", False),
        # two speakers' quotations are not one cut
        ("\"The analytical findings leave no doubt about the presence of a prohibited substance in the "
         "athlete's sample,\" AIU head Brett Clothier said in a statement.", "en",
         "„Ja, Orangensaft bitte“, sagt Mike.", "de", False),
        # a contrast after a comma is a qualification
        ("„Das war die Bank von damals, nicht unsere heutige Bank“, sagte Vorstandschef Jan Roth.", "de",
         "\"That was the bank of back then,\" chief executive Jan Roth said.", "en", True),
    ],
)  # fmt: skip
def test_a_translated_quotation_cut_to_less_than_half(a: str, la: str, b: str, lb: str, cut: bool) -> None:
    found = _found(a, la, b, lb)
    messages = [f.message for f in found if f.type == "quote"]
    assert any("quotes less" in m for m in messages) is cut, messages


@pytest.mark.parametrize(
    ("a", "la", "b", "lb"),
    [
        # held-out round J: a condition, not a denial; "did not rule out" is "left open the possibility"
        ("Without the Greens, the coalition holds only 94 of the 200 seats.", "en",
         "The remaining partners control just 94 of the 200 seats.", "en"),
        ("The Greens did not rule out rejoining a coalition led by Hruby after the election.", "en",
         "The Greens left open the possibility of returning to a Hruby-led coalition after the vote.", "en"),
    ],
)  # fmt: skip
def test_conditions_and_open_possibilities_are_no_flipped_claims(a: str, la: str, b: str, lb: str) -> None:
    assert not [f.message for f in _found(a, la, b, lb) if f.type == "negation"]


def test_not_ruled_out_against_ruled_out_is_still_a_flip() -> None:
    # round 11: "we have not ruled out structural damage" / 已经排除了机身结构受损的可能
    found = _found("\"But we have not ruled out structural damage to the fuselage,\" she said.", "en",
                   "她说：“但我们已经排除了机身结构受损的可能。”", "zh")  # fmt: skip
    assert any(f.type == "negation" for f in found)


@pytest.mark.parametrize(
    ("a", "la", "b", "lb"),
    [
        # held-out round K: faithful renderings said with a negator on one side only
        ("Customers lost access to their files for six hours.", "en",
         "客户在六个小时内无法访问他们的文件。", "zh"),
        ("Rund 38.000 Geschäftskunden verloren den Zugriff auf ihre Server.", "de",
         "约3.8万家企业客户无法访问其服务器。", "zh"),
        ("Die Schlepper versuchten vergeblich, das Schiff freizuziehen.", "de",
         "拖船试图将船拖离，但没有成功。", "zh"),
        ("Fares for monthly passes will not change.", "en",
         "Fares for monthly passes will stay the same.", "en"),
        ("Fares for monthly passes stay the same.", "en",
         "Die Preise für Monatskarten ändern sich nicht.", "de"),
    ],
)  # fmt: skip
def test_faithful_renderings_of_held_out_round_k(a: str, la: str, b: str, lb: str) -> None:
    assert not [f.message for f in _found(a, la, b, lb) if f.type == "negation"]


def test_titles_are_no_part_of_a_name_in_either_script() -> None:
    from driftcheck.entities import extract_entities

    # held-out round K: "Superintendent Kimberly Armstrong" / 区总监金伯莉·阿姆斯特朗 were read as two people
    assert [e.text for e in extract_entities("Superintendent Kimberly Armstrong said so.", "en")] == [
        "Kimberly Armstrong"
    ]
    assert [e.text for e in extract_entities("区总监金伯莉·阿姆斯特朗表示。", "zh")] == ["金伯莉·阿姆斯特朗"]


# --- eleventh session: two held-out rounds (a mine rescue, a debt deal, a moon mission, a derailment, a
# streaming price rise, a court ruling) -------------------------------------------------------------------


def test_an_emphatic_repeat_after_a_denial_is_one_denial() -> None:
    faithful = "“我们从未放弃希望，一分钟也没有，”PGG首席执行官托马什·楚德尼在井口外举行的新闻发布会上说。"
    en = '"We never gave up hope, not for a single minute," PGG chief executive Tomasz Cudny said.'
    assert "negation" not in _types(_found(en, "en", faithful, "zh"))
    # without a denial before it, "一分钟也没有休息" denies on its own
    assert len(extract_negations("我们坚持工作，一分钟也没有休息。", "zh")) == 1


def test_an_ad_free_plan_is_no_negation() -> None:
    en = "Lumora will keep its ad-free plan at $17.99 a month."
    assert "negation" not in _types(_found(en, "en", "Lumora的无广告套餐将维持每月17.99美元。", "zh"))
    assert extract_negations("Lumora的无广告套餐将维持每月17.99美元。", "zh") == []


@pytest.mark.parametrize(
    ("text", "hedged"),
    [
        ("Die Mission soll vier Astronauten an Bord haben.", False),  # a plan: "is to have"
        ("Die Kapsel soll Platz für vier Astronauten haben.", False),
        ("Die Firma soll 3 Millionen Euro verloren haben.", True),  # a perfect infinitive: "is said to"
        ("Meta soll einen Krisenstab eingerichtet haben.", True),
    ],
)
def test_soll_haben_is_hearsay_only_with_a_participle(text: str, hedged: bool) -> None:
    assert bool([m for m in extract_hedges(text, "de") if m.key == "said_to"]) is hedged


def test_a_long_title_and_setting_keep_the_chinese_speaker() -> None:
    en = '"We never gave up hope, not for a single minute," PGG chief executive Tomasz Cudny said.'
    swapped = "“我们从未放弃希望，一分钟也没有，”团结工会矿工分会负责人胡特克在井口外举行的新闻发布会上说。"
    found = [f for f in _found(en, "en", swapped, "zh") if f.type == "attribution"]
    assert found and found[0].severity == "high", [f.message for f in _found(en, "en", swapped, "zh")]


def test_an_industry_minister_made_energy_minister_is_found() -> None:
    en = "Industry minister Marzena Czarnecka said the rescue would continue through the night."
    zh = "能源部长马热娜·恰尔内茨卡表示，救援将持续整夜。"
    offices = [f for f in _found(en, "en", zh, "zh") if "minister's office" in f.message]
    assert offices and offices[0].severity == "high"


def test_a_modal_word_both_sentences_share_does_not_hide_a_dropped_may() -> None:
    hedged = "Analyst Jo Park said the company may be testing how far it can push prices."
    found = _found(hedged, "en", "Analyst Jo Park said Lumora is testing how far it can push prices.", "en")
    assert "hedge" in _types(found)
    # a conditional on one side alone may be how it renders the modal; after "said", "would" is reported
    # speech ("will test", told later) and keeps nothing
    conditional = "In that case the company would test how far it can push prices, analyst Jo Park thinks."
    assert "hedge" not in _types(_found(hedged, "en", conditional, "en"))
    reported = "Analyst Jo Park said the company would test how far it can push prices."
    assert "hedge" in _types(_found(hedged, "en", reported, "en"))


def test_a_figure_after_a_name_with_a_decimal_comma_is_no_version() -> None:
    de = "Eine Jury hatte Fischer 2,4 Millionen Dollar Schmerzensgeld zugesprochen."
    en = "A jury had awarded Fischer $4.2 million in non-economic damages."
    values = [f for f in _found(en, "en", de, "de") if f.type == "number_value"]
    assert values and values[0].severity == "high"


def test_a_comparison_with_an_expected_figure_turned_round_is_high() -> None:
    below = "Lumora forecast revenue of $49 billion to $50 billion, below the $50.6 billion analysts saw."
    above = "Lumora projected revenue of $49bn to $50bn, topping the $50.6bn analysts had pencilled in."
    reversed_ = [f for f in _found(below, "en", above, "en") if f.type == "qualifier"]
    assert reversed_ and reversed_[0].severity == "high"
    # another version that names the expected figure without the comparison is no qualifier change
    plain = (
        "Lumora forecast 2026 revenue of $49 billion to $50 billion; Wall Street had expected $50.6 billion."
    )
    assert "qualifier" not in _types(_found(below, "en", plain, "en"))


def test_isis_is_the_islamic_state() -> None:
    a = "Turkey would also take over custody of captured Islamic State fighters, the statement said."
    b = "Turkey would also take over custody of captured ISIS fighters, the statement said."
    from driftcheck.entities import STANDARD_ALIASES

    def found(x: str, y: str) -> set[str]:
        return _types(
            compare_pair(_loc(x, "en", "a"), _loc(y, "en", "b"), SETTINGS, AliasTable(STANDARD_ALIASES))
        )

    assert "entity" not in found(a, b)
    assert "entity" in found(
        a, "Turkey would also take over custody of captured Google fighters, the statement said."
    )


def test_a_sentence_opening_with_may_have_is_hedged() -> None:
    assert [m.key for m in extract_hedges("May have been the source of Earth's water.", "en")] == ["may"]
    assert extract_hedges("May 5 was a Monday.", "en") == []


@pytest.mark.parametrize(
    ("a", "la", "b", "lb"),
    [
        (
            "Brian Babin, chairman of the House Science Committee, said the delay was worrying.",
            "en",
            "Brian Babin, Vorsitzender des Wissenschaftsausschusses im US-Senat, nannte das bedenklich.",
            "de",
        ),
        (
            "美国国会众议院科学委员会主席布赖恩·巴宾说，推迟令人担忧。",
            "zh",
            "The Senate voted 51-49 on Tuesday.",
            "en",
        ),
        ("Der Bundestag stimmte am Freitag zu.", "de", "The Bundesrat approved it on Friday.", "en"),
    ],
)
def test_a_committee_or_vote_moved_to_the_other_chamber_is_high(a: str, la: str, b: str, lb: str) -> None:
    chambers = [f for f in _found(a, la, b, lb) if "chamber" in f.message]
    assert chambers and chambers[0].severity == "high", [f.message for f in _found(a, la, b, lb)]


@pytest.mark.parametrize(
    ("a", "la", "b", "lb"),
    [
        (
            "美国国会众议院科学委员会主席布赖恩·巴宾说，推迟令人担忧。",
            "zh",
            "Brian Babin, chairman of the House Science Committee, said the delay was worrying.",
            "en",
        ),
        ("Das Repräsentantenhaus stimmte zu.", "de", "The U.S. House approved it.", "en"),
        # "White House", "Opera House" and a sentence that opens with the noun name no chamber
        (
            "The White House said the Senate would vote.",
            "en",
            "Das Weiße Haus sagte, der Senat werde abstimmen.",
            "de",
        ),
        (
            "House prices rose as the Senate debated.",
            "en",
            "Die Hauspreise stiegen, während der Senat debattierte.",
            "de",
        ),
    ],
)
def test_one_chamber_in_two_languages_is_no_finding(a: str, la: str, b: str, lb: str) -> None:
    assert not [f.message for f in _found(a, la, b, lb) if "chamber" in f.message]


def test_two_bodies_introduced_alike_are_a_swap_across_languages() -> None:
    de = "Analysten der Ratingagentur Fitch erklärten, die Einigung senke das Ausfallrisiko deutlich."
    swapped = "Analysts at the rating agency Moody's said the deal sharply reduced the risk of default."
    found = [f for f in _found(de, "de", swapped, "en") if f.type == "entity"]
    assert found and found[0].severity == "high" and "rating agency" in found[0].message
    faithful = "Analysts at the rating agency Fitch said the deal sharply reduced the risk of default."
    assert "entity" not in _types(_found(de, "de", faithful, "en"))
    # introduced as different kinds of body: no shared context, no swap
    other = "Analysts at the bank Moody's said the deal sharply reduced the risk of default."
    assert "entity" not in _types(_found(de, "de", other, "en"))


def test_miles_per_hour_in_chinese_are_a_speed() -> None:
    (speed,) = extract_quantities("列车脱轨时的时速为78英里。", "zh")
    assert speed.unit == "m/s" and abs(speed.value - 78 * 0.44704) < 1e-6
    de = "Der Zug war mit 78 km/h unterwegs, als er entgleiste."
    units = [f for f in _found(de, "de", "列车脱轨时的时速为78英里。", "zh") if f.type == "number_unit"]
    assert units and units[0].severity == "high"


@pytest.mark.parametrize(
    ("a", "la", "b", "lb", "found"),
    [
        (
            "Republican leaders in the state Assembly said they would not hold a vote before March.",
            "en",
            "Die demokratischen Fraktionsführer im Landesparlament erklärten, vor März gebe es keine Wahl.",
            "de",
            True,
        ),
        (
            "共和党领袖表示，三月前不会举行投票。",
            "zh",
            "Democratic leaders said there would be no vote before March.",
            "en",
            True,
        ),
        (
            "Republican leaders in the state Assembly said they would not hold a vote before March.",
            "en",
            "Die republikanischen Fraktionsführer im Landesparlament erklärten, vor März gebe es keine Wahl.",
            "de",
            False,
        ),
        # both parties named, or "demokratisch" as an adjective of values: no party to compare
        (
            "Democrats and Republicans both voted for the bill.",
            "en",
            "Demokraten und Republikaner stimmten zu.",
            "de",
            False,
        ),
        (
            "Republicans said the law defends our values.",
            "en",
            "Republikaner sagten, das Gesetz schütze demokratische Werte.",
            "de",
            False,
        ),
    ],
)
def test_one_us_party_given_as_the_other_is_high(a: str, la: str, b: str, lb: str, found: bool) -> None:
    parties = [f for f in _found(a, la, b, lb) if "party" in f.message]
    assert bool(parties) is found, [f.message for f in _found(a, la, b, lb)]
    assert all(f.severity == "high" for f in parties)


def test_über_after_a_programme_is_its_amount() -> None:
    (amount,) = extract_quantities("Der IWF billigte ein Hilfsprogramm über drei Milliarden Dollar.", "de")
    assert amount.qualifier == "none" and amount.value == 3e9


def test_naming_the_source_does_not_keep_an_unconfirmed_report() -> None:
    en = "Eleven people were injured, three of them critically, according to Trinity Medical Center."
    de = "Nach bislang unbestätigten Angaben des Trinity Medical Center wurden elf Menschen verletzt."
    hedges = [f for f in _found(en, "en", de, "de") if f.type == "hedge"]
    assert hedges and "unbestätigten" in hedges[0].message
    zh = "据未经证实的消息，坍塌事故造成三人死亡。"
    assert "hedge" not in _types(
        _found("According to unconfirmed reports, three people died in the collapse.", "en", zh, "zh")
    )


def test_gallons_and_litres_are_one_volume() -> None:
    en = "About 500,000 gallons of oil leaked into the bay, the Coast Guard said."
    zh = "海岸警卫队表示，约190万升石油泄漏到海湾中。"
    assert "number_value" not in _types(_found(en, "en", zh, "zh"))
    (litres,) = extract_quantities("约190万升石油", "zh")
    assert litres.unit == "m³" and abs(litres.value - 1900) < 1e-6
    assert extract_quantities("iPhone 15升级", "zh") == []  # 升级 is an upgrade


def test_fines_and_confiscations_are_no_negation() -> None:
    assert extract_negations("监管机构罚没款共计18.2亿元。", "zh") == []


def test_the_speaker_comes_before_a_preposition_after_the_verb() -> None:
    from driftcheck.statements import extract_quotes

    de = "„So ein Hochwasser gab es seit Laura nicht“, sagte Marchand vor Journalisten in Baton Rouge."
    assert [q.speaker for q in extract_quotes(de, "de")] == ["Marchand"]
    en = '"As a rule, we pay out," said Westlotto spokeswoman Anja Kellermann on Monday.'
    assert [q.speaker for q in extract_quotes(en, "en")] == ["Anja Kellermann"]


def test_a_german_title_is_no_part_of_the_name() -> None:
    de = "Gouverneurin Ellen Marchand ordnete die Evakuierung von mehr als 410.000 Menschen an."
    zh = "州长埃伦·马尔尚下令疏散超过41万人。"
    assert "entity" not in _types(_found(de, "de", zh, "zh"))


def test_a_quotation_cut_by_an_outlet_that_names_the_speaker_by_surname_is_compared() -> None:
    a = "„Wer 45 Jahre gearbeitet hat, muss sich auf seine Rente verlassen können“, sagte Katrin Vollmer."
    b = "„Wer gearbeitet hat, muss sich auf seine Rente verlassen können“, sagte Vollmer."
    quotes = [f for f in _found(a, "de", b, "de") if f.type == "quote"]
    assert quotes and quotes[0].severity == "medium"


def test_a_director_general_made_deputy_director_is_found() -> None:
    zh = "国家市场监督管理总局反垄断司司长王强表示，处罚依法作出。"
    en = "Wang Qiang, deputy director of the regulator's antitrust bureau, said the penalty was lawful."
    roles = [f for f in _found(zh, "zh", en, "en") if "role" in f.message]
    assert roles and roles[0].severity == "high"


@pytest.mark.parametrize(
    ("a", "la", "b", "lb", "negated", "marker"),
    [
        # the first clause flipped; counted over the sentence, the English (two negations) read as the
        # affirmative side and the evidence went to the faithful 未
        (
            "The ticket was not signed, and no customer card was used when it was bought.",
            "en",
            "彩票上有签名，但购买时未使用会员卡。",
            "zh",
            "a",
            "not",
        ),
        (
            "Verletzt wurde niemand, und nach ersten Erkenntnissen trat kein Öl aus.",
            "de",
            "无人受伤，但初步调查显示有燃油泄漏。",
            "zh",
            "a",
            "kein",
        ),
        # two negations against one: the even count hid the flip of the first clause
        (
            "Hotels will not be exempt, the minister added, although water for clinics will not be rationed.",
            "en",
            "Hotels seien ausgenommen, fügte er hinzu, Wasser für Kliniken werde jedoch nicht rationiert.",
            "de",
            "a",
            "not",
        ),
    ],
)
def test_a_negation_flipped_in_one_clause_is_shown_in_that_clause(
    a: str, la: str, b: str, lb: str, negated: str, marker: str
) -> None:
    flips = [f for f in _found(a, la, b, lb) if f.type == "negation"]
    assert len(flips) == 1, [f.message for f in _found(a, la, b, lb)]
    side = flips[0].a if negated == "a" else flips[0].b
    assert side is not None and side.evidence == marker


def test_it_does_not_matter_is_no_negation() -> None:
    assert extract_negations("没关系，以后不这么说就好了。", "zh")[0].text == "不"
    assert len(extract_negations("没关系，以后不这么说就好了。", "zh")) == 1


@pytest.mark.parametrize(
    ("hedged", "plain", "lang"),
    [
        (
            "MVG chief Petra Kessler said the company would probably need further subsidies in 2027.",
            "MVG chief Petra Kessler said the operator will need more subsidies in 2027.",
            "en",
        ),
        (
            "Der Bundesrechnungshof hatte gewarnt, die Mehrausgaben könnten den Haushalt überfordern.",
            "Der Bundesrechnungshof hatte gewarnt, die Mehrausgaben würden den Haushalt überfordern.",
            "de",
        ),
    ],
)
def test_reported_speech_would_does_not_keep_a_dropped_modal(hedged: str, plain: str, lang: str) -> None:
    assert "hedge" in _types(_found(hedged, lang, plain, lang))


def test_an_expectation_said_with_a_verb_keeps_a_likely() -> None:
    a = "Chief Financial Officer Raj Menon said cancellations were likely to tick up after the increase."
    b = "Chief Financial Officer Raj Menon said the company expected churn to rise after the increase."
    assert "hedge" not in _types(_found(a, "en", b, "en"))


@pytest.mark.parametrize(
    ("a", "la", "b", "lb", "found"),
    [
        (
            "Analysts said the fine was higher than the market had expected.",
            "en",
            "分析人士认为，罚款金额低于市场此前预期。",
            "zh",
            True,
        ),
        (
            "Der Umsatz war höher als von Analysten erwartet.",
            "de",
            "Revenue came in below expectations.",
            "en",
            True,
        ),
        (
            "Analysts said the fine was lower than expected.",
            "en",
            "分析人士认为，罚款金额低于市场此前预期。",
            "zh",
            False,
        ),
        # two comparisons in one sentence: which is which is not told
        (
            "Revenue was higher than expected but profit was lower than expected.",
            "en",
            "Der Umsatz war niedriger als erwartet.",
            "de",
            False,
        ),
    ],
)
def test_a_comparison_with_expectations_turned_round_is_high(
    a: str, la: str, b: str, lb: str, found: bool
) -> None:
    turned = [f for f in _found(a, la, b, lb) if "expectations" in f.message]
    assert bool(turned) is found, [f.message for f in _found(a, la, b, lb)]
    assert all(f.severity == "high" for f in turned)


def test_a_weekday_after_a_local_time_is_compared_with_it() -> None:
    en = "Hurricane Delia made landfall at 3:40 a.m. local time on Wednesday near Cameron."
    zh = "飓风“迪莉娅”于当地时间星期四凌晨3时40分在卡梅伦附近登陆。"
    dates = [f for f in _found(en, "en", zh, "zh") if f.type == "date"]
    assert dates and "weekday" in dates[0].message


def test_a_place_named_in_a_currency_does_not_tell_the_place() -> None:
    zh = "受此消息影响，云途科技在香港上市的股票10日上午一度上涨3.2%，报每股86.5港元。"
    swapped = (
        "Yuntu's Shanghai-listed shares rose as much as 3.2% to 86.5 Hong Kong dollars on Friday morning."
    )
    places = [f for f in _found(swapped, "en", zh, "zh") if f.type == "entity"]
    assert places and "Shanghai" in places[0].message and places[0].severity == "high"
    faithful = (
        "Yuntu's Hong Kong-listed shares rose as much as 3.2% to 86.5 Hong Kong dollars on Friday morning."
    )
    assert "entity" not in _types(_found(faithful, "en", zh, "zh"))


def test_a_quotation_cut_before_a_second_clause_that_denies_is_a_cut_not_a_flip() -> None:
    en = '"We will find out what happened, and we will not rush to judgement before we do," said Karen Holt.'
    de = "„Wir werden herausfinden, was passiert ist“, sagte Karen Holt."
    found = _found(en, "en", de, "de")
    assert [f.type for f in found if f.severity in ("high", "medium")] == ["quote"], [
        f.message for f in found
    ]
    assert "leaves out a qualification" in found[0].message
    # a negation flipped inside what both versions quote is still a flip
    flipped = _found(
        '"We will not close the plant," said Karen Holt.',
        "en",
        "„Wir werden das Werk schließen“, sagte Karen Holt.",
        "de",
    )
    assert "negation" in _types(flipped)


def test_failed_to_meet_said_with_a_verb_is_no_flipped_negation() -> None:
    zh = "该公司的候选疫苗未能达到主要终点。"
    en = "The company's vaccine candidate failed to meet its primary endpoint."
    de = "Der Impfstoffkandidat des Unternehmens verfehlte seinen primären Endpunkt."
    assert "negation" not in _types(_found(zh, "zh", en, "en"))
    assert "negation" not in _types(_found(zh, "zh", de, "de"))
    # a noun "Scheitern" in another clause excuses nothing
    src = (
        "Trotz des Scheiterns der politischen Verhandlungen konnten die wirtschaftlichen Beziehungen "
        "zwischen diesen beiden Teilen der Republik Moldau wiederhergestellt werden."
    )
    drifted = (
        "Even with the political negotiations, economic relations between these two parts of the Republic of "
        "Moldova have not been restored."
    )
    assert "negation" in _types(_found(src, "de", drifted, "en"))


def test_gab_nach_is_a_fall_and_a_medical_director_a_medical_officer() -> None:
    turned = _found("Der Leitindex gab um 0,2 Prozent nach.", "de", "The index gained 0.2 percent.", "en")
    assert "number_value" in _types(turned)
    same = _found(
        "Chief Medical Officer Anna Weber said the trial ended.",
        "en",
        "Die medizinische Direktorin Anna Weber sagte, die Studie sei beendet.",
        "de",
    )
    assert not [f for f in same if "role" in f.message]


# --- twelfth session: held-out rounds N (left over) and O ---------------------------------------------------


def test_a_refusal_to_go_beyond_an_offer_is_a_negation_and_a_draw_is_not() -> None:
    refused = "Cepa said it remained open to talks but would not go beyond its current offer."
    assert [m.key for m in extract_negations(refused, "en")] == ["not"]
    assert extract_negations("Westbury didn't get beyond a 0-0 draw.", "en") == []
    german = (
        "Der Arbeitgeberverband Cepa erklärte, er werde aber nicht über sein bisheriges Angebot hinausgehen."
    )
    assert [m.key for m in extract_negations(german, "de")] == ["not"]
    assert extract_negations("Westbury kam bei Lyle Town nicht über ein 0:0 hinaus.", "de") == []
    improved = (
        "Employers' group Cepa said it was still open to talks but would not improve its current offer."
    )
    assert "negation" not in _types(_found(refused, "en", improved, "en"))


def test_at_the_earliest_is_not_before() -> None:
    de = "Der Block soll frühestens Ende Januar wieder ans Netz gehen."
    en = "The unit is not due back on the grid before the end of January at the earliest."
    zh = "该机组最早要到1月底才能恢复并网。"
    assert "negation" not in _types(_found(de, "de", en, "en"))
    assert "negation" not in _types(_found(zh, "zh", en, "en"))
    # a real flip is still one
    back = "The unit is due back on the grid at the end of January."
    assert "negation" in _types(
        _found("Der Block soll Ende Januar nicht wieder ans Netz gehen.", "de", back, "en")
    )


def test_a_modal_is_rendered_only_by_the_clause_in_its_place() -> None:
    de = (
        "Der Block soll frühestens Ende Januar wieder ans Netz gehen, die Reparatur dürfte rund zwölf Wochen "
        "dauern."
    )
    dropped = "该机组最早要到1月底才能恢复并网，维修工作将持续约12周。"
    kept = "该机组最早要到1月底才能恢复并网，维修工作可能持续约12周。"
    hedges = [f for f in _found(de, "de", dropped, "zh") if f.type == "hedge"]
    assert hedges and "dürfte" in hedges[0].message
    assert "hedge" not in _types(_found(de, "de", kept, "zh"))
    # who said it is no clause of the claim: English puts it last, Chinese first
    en = "Rain forecast for Thursday is not expected to ease the situation, the agency said."
    assert "hedge" not in _types(_found("该机构表示，预计周四的降雨不会缓解旱情。", "zh", en, "en"))
    # a warning of something renders its possibility; a warning that it will happen does not
    warned_of = (
        "Da weitere 80 Millimeter Regen erwartet werden, warnen die Behörden vor weiteren Rutschungen."
    )
    assert "hedge" not in _types(
        _found("由于预计还有80毫米降雨，当局警告可能发生次生滑坡。", "zh", warned_of, "de")
    )
    hurricane = (
        "At least 14 people were killed, and officials warned that the death toll was likely to rise as "
        "rescue teams reached flooded neighbourhoods."
    )
    told_will = "至少有14人死亡，官员警告说，随着救援队伍进入被淹没的街区，死亡人数将会上升。"
    assert "hedge" in _types(_found(hurricane, "en", told_will, "zh"))


def test_energy_is_no_ability() -> None:
    de = "Die Anlage dürfte im Mai 40 Megawatt liefern."
    zh = "该核能设施将于5月提供40兆瓦。"
    assert "hedge" in _types(_found(de, "de", zh, "zh"))


def test_a_german_verb_after_an_abbreviated_amount_governs_it() -> None:
    de = "Der Umsatz im Autogeschäft soll um 4 Prozent auf 690 Mio. Dollar gestiegen sein."
    en = "Automotive sales fell 4% to $690 million."
    turned = [f for f in _found(de, "de", en, "en") if f.type == "number_value"]
    assert turned and "turned round" in turned[0].message
    de_grouped = "Die Kosten sollen um 4 Prozent auf 1.500 Euro sinken."
    assert "number_value" in _types(
        _found(de_grouped, "de", "Costs are set to rise 4% to 1,500 euros.", "en")
    )


def test_exempt_is_not_subject_to_the_limit() -> None:
    en = "Buildings completed after 2015 are exempt for their first 15 years."
    zh = "2015年以后竣工的楼宇在建成后的头15年内不受限制。"
    assert "negation" not in _types(_found(en, "en", zh, "zh"))
    assert lexical_negations("Neubauten sind für 15 Jahre ausgenommen.", "de")


def test_must_not_against_allowed_is_a_flip_and_against_ruled_out_is_not() -> None:
    zh = "由于法院支持了禁令请求，该药目前在德国不得继续销售。"
    assert "negation" in _types(
        _found("Der Verkauf des Mittels in Deutschland bleibt vorerst erlaubt.", "de", zh, "zh")
    )
    ruled_out = "Under an agreement with the works council, compulsory redundancies are ruled out until 2028."
    banned = "根据与职工委员会达成的协议，2028年底前不得进行强制性裁员。"
    assert "negation" not in _types(_found(ruled_out, "en", banned, "zh"))
    # 不在 stays a word ("not home"), as before
    assert "negation" not in _types(
        _found("My dad is not home at the moment.", "en", "我的爸爸現在不在家。", "zh")
    )


def test_the_strongest_since_is_no_negation() -> None:
    assert extract_negations("Der Zloty notierte damit so fest wie seit Mitte März nicht mehr.", "de") == []
    assert [m.key for m in extract_negations("Der Zloty notiert nicht mehr so fest.", "de")] == ["no_longer"]


def test_austria_does_not_tell_australia() -> None:
    en = "The formula is also sold in Austria, the company said, and 12 batches are affected."
    zh = "该公司表示，该奶粉也在澳大利亚销售，12个批次受到影响。"
    places = [f for f in _found(en, "en", zh, "zh") if f.type == "entity"]
    assert places and "Austria" in places[0].message
    assert "entity" not in _types(
        _found(en, "en", "该公司表示，该奶粉也在奥地利销售，12个批次受到影响。", "zh")
    )


def test_a_country_for_its_city_is_no_swap_but_a_continent_for_a_country_is() -> None:
    de = "Das Landgericht München hat Novara zur Zahlung von 214 Millionen Euro verurteilt."
    zh = "德国法院判令诺瓦拉赔偿2.14亿欧元。"
    assert "entity" not in _types(_found(de, "de", zh, "zh"))
    europe = "The Europe has reported a total of 4.176 million confirmed cases, according to the data."
    us = "根据数据，美国报告的确诊总数已经达到417.6万例。"
    assert "entity" in _types(_found(europe, "en", us, "zh"))


def test_a_name_after_a_hyphenated_job_or_a_verb_of_saying_keeps_its_surname() -> None:
    en = '"Every day counts when babies are at risk," said Foodwatch campaigner Anne Kessler.'
    de = "„Wenn Babys in Gefahr sind, zählt jeder Tag“, sagte Foodwatch-Kampagnerin Anne Kessler."
    assert "attribution" not in _types(_found(en, "en", de, "de"))
    wagner = extract_facts(
        Sentence("a", 0, "„Das ist gut“, sagte Karin Wagner.", "de", "body", 0, 33),
        Document("a", "a.txt", "", (), language="de"),
    )
    assert [q.speaker for q in wagner.quotes] == ["Karin Wagner"]


def test_a_speaker_cut_to_the_given_name_is_the_same_speaker() -> None:
    en = '"The guidance is a little conservative," said analyst Lukas Brenner.'
    cut = "„Der Ausblick ist etwas vorsichtig“, sagte Lukas."
    assert "attribution" not in _types(_found(en, "en", cut, "de"))
    other = "„Der Ausblick ist etwas vorsichtig“, sagte Maria Brenner."
    assert "attribution" in _types(_found(en, "en", other, "de"))


@pytest.mark.parametrize(
    ("a", "la", "b", "lb"),
    [
        (
            "Helvion-Chef Markus Ebner sprach von einem Erfolg.",
            "de",
            "赫尔维昂首席财务官马库斯·埃布纳称这是一次胜利。",
            "zh",
        ),
        (
            "Councillor Dana Whitfield, who chairs the housing committee, said the cap was overdue.",
            "en",
            "Council President Dana Whitfield said the cap was overdue.",
            "en",
        ),
    ],
)
def test_a_firms_chef_and_a_councillor_are_roles(a: str, la: str, b: str, lb: str) -> None:
    assert [f for f in _found(a, la, b, lb) if f.type == "entity" and "role" in f.message]


def test_a_central_banks_chef_is_its_head() -> None:
    found = _found(
        "EZB-Chefin Christine Lagarde sagte, die Inflation sinke.",
        "de",
        "ECB President Christine Lagarde said inflation was falling.",
        "en",
    )
    assert not [f for f in found if "role" in f.message]


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("拥有四个及以上单元的楼宇。", "at_least"),
        ("拥有四个以上单元的楼宇。", "more_than"),
        ("年满18岁及以上的居民", "at_least"),
    ],
)
def test_chinese_or_more_after_a_counter(text: str, qualifier: str) -> None:
    assert [q.qualifier for q in extract_quantities(text, "zh")] == [qualifier]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Die Nationalstraße 214 war gesperrt.", "de"),
        ("国道214线一度中断。", "zh"),
        ("地铁2号线停运。", "zh"),
    ],
)
def test_road_numbers_are_names(text: str, lang: str) -> None:
    assert extract_quantities(text, lang) == []


def test_a_salary_per_year_made_per_month_is_found_and_a_rate_over_its_years_is_not() -> None:
    de = "Er soll rund zwölf Millionen Euro brutto pro Jahr verdienen."
    en = "He is set to earn around 12 million euros gross a month."
    found = [f for f in _found(de, "de", en, "en") if f.type == "number_unit"]
    assert found and "per year → per month" in found[0].message
    total = "The city will spend $18 million over three years to hire 25 inspectors to enforce the cap."
    rate = "The city will spend $6 million a year for three years to hire 25 inspectors to enforce the cap."
    assert not [f for f in _found(total, "en", rate, "en") if f.severity == "high"]
    zh = "该市将在三年内投入1800万美元，聘请25名检查员执行上限规定。"
    assert not [f for f in _found(zh, "zh", rate, "en") if f.severity == "high"]


@pytest.mark.parametrize(
    ("text", "value", "unit", "qualifier"),
    [
        ("Helvion hatte mehr als doppelt so viel gefordert.", 2.0, "times", "more_than"),
        ("Der Schaden ist fast das Vierfache des Vorjahres.", 4.0, "times", "just_under"),
        ("Die Bank senkte den Zins um einen halben Prozentpunkt.", 0.5, "percentage_point", "none"),
        ("Die Bank senkte den Zins um einen Prozentpunkt.", 1.0, "percentage_point", "none"),
        ("Novara kann innerhalb eines Monats Berufung einlegen.", 1.0, "month", "none"),
    ],
)
def test_german_multiples_halves_and_a_month(text: str, value: float, unit: str, qualifier: str) -> None:
    assert [(q.value, q.unit, q.qualifier) for q in extract_quantities(text, "de")] == [
        (value, unit, qualifier)
    ]


@pytest.mark.parametrize(
    "text", ["Sie hat die doppelte Staatsbürgerschaft.", "Die halbe Stadt war auf den Beinen."]
)
def test_german_double_and_half_without_a_count_are_no_figures(text: str) -> None:
    assert extract_quantities(text, "de") == []


def test_twice_as_much_against_three_times_is_found() -> None:
    de = (
        "Helvion hatte ursprünglich rund 480 Millionen Euro gefordert, also mehr als doppelt so viel wie "
        "zugesprochen."
    )
    zh = "赫尔维昂最初要求约4.8亿欧元，接近此次判赔金额的三倍。"
    assert "number_value" in _types(_found(de, "de", zh, "zh"))


def test_an_acronym_inside_a_name_gives_its_letters() -> None:
    de = "Das Beben ereignete sich laut der US-Erdbebenwarte USGS um 3.42 Uhr Ortszeit."
    en = "According to the US Geological Survey, the quake struck at 3:42 a.m. local time."
    assert "entity" not in _types(_found(de, "de", en, "en"))
    swapped = "According to the China Earthquake Networks Center, the quake struck at 3:42 a.m. local time."
    assert "entity" in _types(_found(en, "en", swapped, "en"))


def test_a_cut_before_the_caveat_word_shows_what_was_left_out() -> None:
    zh = "德尔加多说：“这一上限本身并不能解决住房危机，但它给了租户喘息的空间。”"
    en = '"This cap gives renters breathing room," Delgado said.'
    found = _found(zh, "zh", en, "en")
    cuts = [f for f in found if f.type == "quote"]
    assert cuts and "并不能解决住房危机" in cuts[0].message and "喘息" not in cuts[0].message
    assert "negation" not in _types(found)  # the cut is reported, not a flip
    de = (
        "„Ich habe keine Insiderinformationen genutzt, aber ich übernehme die politische Verantwortung“, "
        "sagte er."
    )
    kept_first = '"I did not use inside information," he said.'
    cut = [f for f in _found(de, "de", kept_first, "en") if f.type == "quote"]
    assert cut and "Verantwortung" in cut[0].message


def test_a_korean_name_in_chinese_speaks() -> None:
    quotes = extract_facts(
        Sentence("a", 0, "朴成民在社交媒体上写道：“我不能认可这个结果。”", "zh", "body", 0, 26),
        Document("a", "a.txt", "", (), language="zh"),
    ).quotes
    assert [q.speaker for q in quotes] == ["朴成民"]


def test_a_merged_sentence_with_two_negations_is_no_flip_of_its_quotation() -> None:
    quoted = (
        'Gold "does not depend on the policy of any single country," Deputy Governor Marta Kightley added.'
    )
    merged_en = (
        "Glapinski said the bank was not planning to sell any of its gold, adding that gold "
        '"does not depend on the policy of any single country."'
    )
    merged_de = (
        "Die Bank plane nicht, Gold zu verkaufen; Gold sei „von der Politik keines einzelnen Landes "
        "abhängig“, fügte er hinzu."
    )
    assert "negation" not in _types(_found(merged_en, "en", quoted, "en"))
    assert "negation" not in _types(_found(merged_de, "de", quoted, "en"))
    # a flip in the clause that names the speaker is still one
    miller = (
        'When asked to comment, Miller did not say: "Mike said a lot at the hearing ... I was preparing at '
        "the time, so I didn't catch what he was saying.\""
    )
    said = (
        'When asked for comment, Miller said, "Mike talks a lot during the hearing...I was getting ready '
        "so I wasn't really hearing what he was saying.\""
    )
    assert "negation" in _types(_found(miller, "en", said, "en"))


def test_a_shared_source_does_not_keep_a_dropped_belief_but_keeps_a_reportative() -> None:
    believed = (
        "The hackers are believed to have copied the records of 1.2 million patients, according to the NCA."
    )
    for plain, lang in (
        ("The hackers copied the records of 1.2 million patients, according to the NCA.", "en"),
        ("据国家犯罪局称，黑客复制了120万名患者的记录。", "zh"),
    ):
        assert "hedge" in _types(_found(believed, "en", plain, lang))
    reported = "Williams, der den Besuch laut ESPN-Angaben zugegeben haben soll, ist wieder in Isolation."
    plain = "Williams, who according to ESPN admitted to his visit, is in isolation again."
    assert "hedge" not in _types(_found(reported, "de", plain, "en"))


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("医院急诊科不堪重负。", "zh"),
        ("工会宁可继续谈判也不愿罢工。", "zh"),
        ("The launch will take place no earlier than July 2028.", "en"),
    ],
)
def test_overwhelmed_rather_than_and_no_earlier_than_deny_nothing(text: str, lang: str) -> None:
    assert extract_negations(text, lang) == []


def test_fails_to_improve_is_does_not_improve() -> None:
    a = "The company said stores would close if trading does not improve by March."
    b = "The company said stores would close if trading fails to improve by March."
    assert "negation" not in _types(_found(a, "en", b, "en"))


@pytest.mark.parametrize(
    ("a", "la", "b", "lb", "found"),
    [
        ("Landrat Peter Schmitz ordnete die Räumung an.", "de", "市长彼得·施密茨下令撤离。", "zh", True),
        (
            "Landrat Peter Schmitz ordnete die Räumung an.",
            "de",
            "District administrator Peter Schmitz ordered it.",
            "en",
            False,
        ),
        (
            "国家航天局副局长吴艳华表示，发射推迟。",
            "zh",
            "CNSA Administrator Wu Yanhua said the launch slips.",
            "en",
            True,
        ),
        (
            "Nasa-Chef Bill Nelson sagte, der Start verschiebe sich.",
            "de",
            "NASA Administrator Bill Nelson said it slips.",
            "en",
            False,
        ),
        (
            "NASA Associate Administrator Amit Kshatriya said it was solved.",
            "en",
            "NASA Administrator Amit Kshatriya said it was solved.",
            "en",
            True,
        ),
    ],
)
def test_district_and_agency_heads(a: str, la: str, b: str, lb: str, found: bool) -> None:
    assert bool([f for f in _found(a, la, b, lb) if "role" in f.message]) == found


def test_new_starts_a_name() -> None:
    from driftcheck.entities import extract_entities

    found = extract_entities("Shares fell 4% on the New York Stock Exchange on Tuesday.", "en")
    assert [(e.text, e.kind) for e in found] == [("New York Stock Exchange", "org")]
    assert [e.text for e in extract_entities("He flew to New Zealand last week.", "en")] == ["New Zealand"]
    assert extract_entities("The new rules apply from May.", "en") == []


def test_ruling_out_is_a_negation_said_with_a_word_unless_one_side_does_not_rule_it_out() -> None:
    de = "Weitere Warnstreiks schließen die Gewerkschaften vorerst aus, sagte Werneke nach der Einigung."
    zh = "韦尔内克周日达成协议后表示，工会暂时不会再举行警告性罢工。"
    assert "negation" not in _types(_found(de, "de", zh, "zh"))
    not_ruled_out = (
        "The unions have not ruled out further warning strikes for now, Werneke said after Sunday's deal."
    )
    assert "negation" in _types(_found(de, "de", not_ruled_out, "en"))
    schliesse = (
        "Die Regierung schließe die Ernennung eines Vermittlers nicht aus, teilte das Büro von Maes mit."
    )
    ruled_out = (
        "The government has ruled out appointing a mediator, Labour Minister Sophie Maes's office said."
    )
    assert "negation" in _types(_found(schliesse, "de", ruled_out, "en"))
