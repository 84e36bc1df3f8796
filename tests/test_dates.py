"""Tests for driftcheck.dates: extraction tables per language, relative dates, comparison and matching."""

from __future__ import annotations

import datetime as dt

import pytest

from driftcheck.dates import DateFact, compare_dates, date_spans, extract_dates, match_dates
from driftcheck.quantities import extract_quantities

PUBLISHED = dt.date(2025, 1, 28)  # a Tuesday (the TMTPost seed article)

# (text, lang, span text, (year, month, day, hour, minute), relative)
ROWS = [
    ("It launched on July 17.", "en", "July 17", (None, 7, 17, None, None), False),
    ("It launched on July 17, 2025.", "en", "July 17, 2025", (2025, 7, 17, None, None), False),
    ("due June 20th", "en", "June 20th", (None, 6, 20, None, None), False),
    ("on 16 November 2004", "en", "16 November 2004", (2004, 11, 16, None, None), False),
    ("He founded Deepseek in May 2023.", "en", "May 2023", (2023, 5, None, None, None), False),
    ("In 2025, Meta aims", "en", "2025", (2025, None, None, None, None), False),
    ("when it launched in late 2024", "en", "late 2024", (2024, None, None, None, None), False),
    ("bloodily ended there in 1989.", "en", "1989", (1989, None, None, None, None), False),
    ("at 9:30 in the morning", "en", "9:30", (None, None, None, 9, 30), False),
    ("at 3:40 p.m.", "en", "3:40 p.m.", (None, None, None, 15, 40), False),
    ("At 15:50 on July 24, police", "en", "15:50 on July 24", (None, 7, 24, 15, 50), False),
    ("360影视 2025-01-28 10:57 2", None, "2025-01-28 10:57", (2025, 1, 28, 10, 57), False),
    ("in a post on Facebook last Friday", "en", "last Friday", (2025, 1, 24, None, None), True),
    ("said yesterday", "en", "yesterday", (2025, 1, 27, None, None), True),
    ("capex this year", "en", "this year", (2025, None, None, None, None), True),
    ("am 17. Juli", "de", "17. Juli", (None, 7, 17, None, None), False),
    ("am 19. Juli 2020", "de", "19. Juli 2020", (2020, 7, 19, None, None), False),
    ("im August 2005", "de", "August 2005", (2005, 8, None, None, None), False),
    ("gegen 3.40 Uhr", "de", "3.40 Uhr", (None, None, None, 3, 40), False),
    ("um 15 Uhr", "de", "15 Uhr", (None, None, None, 15, None), False),
    ("am 16. November um 9:30 Uhr", "de", "16. November um 9:30 Uhr", (None, 11, 16, 9, 30), False),
    ("letzten Freitag", "de", "letzten Freitag", (2025, 1, 24, None, None), True),
    ("gestern", "de", "gestern", (2025, 1, 27, None, None), True),
    ("am 28.01.2025", "de", "28.01.2025", (2025, 1, 28, None, None), False),
    ("7月17日", "zh", "7月17日", (None, 7, 17, None, None), False),
    ("2025年1月28日", "zh", "2025年1月28日", (2025, 1, 28, None, None), False),
    ("7月24日15时50分", "zh", "7月24日15时50分", (None, 7, 24, 15, 50), False),
    ("上午9点半", "zh", "上午9点半", (None, None, None, 9, 30), False),
    ("下午3点", "zh", "下午3点", (None, None, None, 15, None), False),
    ("建于1979年", "zh", "1979年", (1979, None, None, None, None), False),
    ("24日，安达纳尔", "zh", "24日", (None, None, 24, None, None), False),
    ("上周五宣布", "zh", "上周五", (2025, 1, 24, None, None), True),
    ("去年发布", "zh", "去年", (2024, None, None, None, None), True),
    ("十月一日", "zh", "十月一日", (None, 10, 1, None, None), False),
]


@pytest.mark.parametrize("row", ROWS, ids=[r[0] for r in ROWS])
def test_extract_table(row: tuple) -> None:
    text, lang, span, fields, relative = row
    facts = extract_dates(text, lang, PUBLISHED)
    assert len(facts) == 1, [f.text for f in facts]
    f = facts[0]
    assert f.text == span == text[f.start : f.end]
    assert (f.year, f.month, f.day, f.hour, f.minute) == fields
    assert f.relative is relative


@pytest.mark.parametrize(
    "text",
    [
        "more than 1500 people",
        "around 2000 Menschen",
        "$2025",
        "25年来",
        "好一点",
        "Covid-19",
        "2,000 GPUs",
        "the 1990s",
        "405 billion parameters",
    ],
)
def test_not_dates(text: str) -> None:
    assert extract_dates(text, None) == []


def test_relative_kept_unresolved_without_publication_date() -> None:
    (f,) = extract_dates("in a post last Friday", "en")
    assert f.relative and f.weekday == 4 and (f.year, f.month, f.day) == (None, None, None)


def test_last_weekday_is_strictly_before_publication() -> None:
    friday = dt.date(2025, 1, 24)
    (f,) = extract_dates("last Friday", "en", friday)
    assert (f.year, f.month, f.day) == (2025, 1, 17)


def test_compare_only_shared_fields() -> None:
    a = extract_dates("on July 17", "en")[0]
    b = extract_dates("am 17. Juli 2025", "de")[0]
    assert compare_dates(a, b) is None  # the year is stated on one side only
    c = extract_dates("7月16日", "zh")[0]
    d = compare_dates(a, c)
    assert d is not None and (d.type, d.severity) == ("date", "high") and "day" in d.text


def test_compare_times_across_languages() -> None:
    a = extract_dates("gegen 3.40 Uhr", "de")[0]
    assert compare_dates(a, extract_dates("at around 3:40 a.m.", "en")[0]) is None
    d = compare_dates(a, extract_dates("at around 2:40 a.m.", "en")[0])
    assert d is not None and "hour" in d.text


def test_compare_resolved_relative_with_absolute() -> None:
    rel = extract_dates("last Friday", "en", PUBLISHED)[0]
    assert compare_dates(rel, extract_dates("on January 24", "en")[0]) is None
    assert compare_dates(rel, extract_dates("on January 23", "en")[0]) is not None


def test_unresolved_weekdays_compare_by_weekday() -> None:
    a = extract_dates("last Friday", "en")[0]
    assert compare_dates(a, extract_dates("letzten Freitag", "de")[0]) is None
    assert compare_dates(a, extract_dates("上周四", "zh")[0]) is not None


def test_match_dates_pairs_agreeing_facts() -> None:
    a = extract_dates("On July 13 at 17:07 and in 2020", "en")
    b = extract_dates("2020年，7月13日17时07分", "zh")
    pairs = match_dates(a, b)
    assert len(pairs) == 2 and all(x and y and compare_dates(x, y) is None for x, y in pairs)
    lone = DateFact(0, 4, "1999", year=1999)
    assert match_dates([lone], []) == [(lone, None)]


def test_date_spans_protect_quantities() -> None:
    text = "At 15:50 on July 24, 6 students were reported missing in 2020."
    spans = date_spans(text, "en")
    assert [text[s:e] for s, e in spans] == ["15:50 on July 24", "2020"]
    assert [q.text for q in extract_quantities(text, "en", protected=spans)] == ["6"]


@pytest.mark.xfail(
    strict=True, reason="durations relative to publication ('vor drei Wochen') are not resolved"
)
def test_relative_duration() -> None:
    (f,) = extract_dates("vor drei Wochen", "de", PUBLISHED)
    assert f.relative


@pytest.mark.parametrize(
    ("odd", "plain"),
    [("laſt ſunday", "last sunday"), ("laſt Sunday", "last Sunday"), ("yeſterday", "yesterday")],
)
def test_letters_that_ignorecase_folds_read_like_their_ascii_twins(odd: str, plain: str) -> None:
    # re.IGNORECASE matches the long s (ſ) as "s" but str.lower() keeps it: the table lookups raised KeyError.
    published = dt.date(2025, 1, 28)
    found = extract_dates(odd, "en", published)
    expected = extract_dates(plain, "en", published)
    assert [(f.year, f.month, f.day, f.weekday, f.relative) for f in found] == [
        (f.year, f.month, f.day, f.weekday, f.relative) for f in expected
    ]
    assert found


@pytest.mark.parametrize(
    ("a", "lang_a", "b", "lang_b", "expected"),
    [
        ("lifted off at 14:32 UTC", "en", "于北京时间22时32分升空", "zh", None),  # the same moment
        ("lifted off at 14:32 UTC", "en", "于北京时间23时32分升空", "zh", "high"),
        ("lifted off at 23:30 UTC on 3 June", "en", "于北京时间6月4日7时30分升空", "zh", None),  # next day
        ("lifted off at 14:32 UTC", "en", "startete um 14:32 Uhr Ortszeit", "de", "medium"),  # UTC as local
        ("lifted off at 14:32 UTC", "en", "startete um 11:32 Uhr Ortszeit", "de", None),  # offset unknown
        ("lifted off at 14:32", "en", "lifted off at 14:35", "en", "high"),
    ],
)
def test_clock_times_are_compared_across_named_time_zones(
    a: str, lang_a: str, b: str, lang_b: str, expected: str | None
) -> None:
    (da,) = extract_dates(a, lang_a)
    (db,) = extract_dates(b, lang_b)
    difference = compare_dates(da, db)
    assert (difference.severity if difference else None) == expected


def test_a_bare_weekday_is_the_nearest_one_before_or_after_publication() -> None:
    thursday = dt.date(2025, 6, 12)
    (past,) = extract_dates("The rocket lifted off on Wednesday.", "en", thursday)
    (coming,) = extract_dates("The board will meet on Friday.", "en", thursday)
    (today,) = extract_dates("Der Vorstand tagte am Donnerstag.", "de", thursday)
    assert (past.month, past.day) == (6, 11) and (coming.month, coming.day) == (6, 13)
    assert (today.month, today.day) == (6, 12)


def test_a_weekday_against_yesterday_in_a_copy_of_another_day() -> None:
    (wednesday,) = extract_dates("lifted off on Wednesday", "en", dt.date(2025, 6, 12))  # the 11th
    yesterday = extract_dates("于昨天发射升空", "zh", dt.date(2025, 6, 13))[0]  # the 12th
    difference = compare_dates(wednesday, yesterday)
    assert difference is not None and difference.severity == "high"
    same_day = extract_dates("于昨天发射升空", "zh", dt.date(2025, 6, 12))[0]  # the 11th
    assert compare_dates(wednesday, same_day) is None
    # The same weekday word in a copy published a week later is stale, not wrong.
    (later,) = extract_dates("lifted off on Wednesday", "en", dt.date(2025, 6, 19))
    stale = compare_dates(wednesday, later)
    assert stale is not None and stale.severity == "low"


def test_yesterday_beijing_time_is_one_moment_compared_across_zones() -> None:
    (wire,) = extract_dates("lifted off on Wednesday at 14:32 UTC", "en", dt.date(2025, 6, 12))  # Thu paper
    (late,) = extract_dates("于昨天北京时间22时32分发射升空", "zh", dt.date(2025, 6, 13))  # Fri: the 12th
    (same,) = extract_dates("于昨天北京时间22时32分发射升空", "zh", dt.date(2025, 6, 12))  # the 11th
    assert late.zone == "北京时间" and (late.day, late.hour) == (12, 22)
    difference = compare_dates(wire, late)
    assert difference is not None and difference.severity == "high"
    assert compare_dates(wire, same) is None


def test_a_reportative_soll_is_no_announcement() -> None:
    thursday = dt.date(2025, 6, 12)
    (seen,) = extract_dates("Er soll am Montag gesehen worden sein.", "de", thursday)
    (meeting,) = extract_dates("Der Vorstand wird am Montag tagen.", "de", thursday)
    assert (seen.day, meeting.day) == (9, 16)


@pytest.mark.parametrize(
    ("text", "lang", "month"),
    [
        ("The bank could cut again as early as April.", "en", 4),
        ("Prices have fallen since October.", "en", 10),
        ("In March, prices rose.", "en", 3),
        ("Im Mai sank der Wert.", "de", 5),
        ("Ende März sank er.", "de", 3),
    ],
)
def test_a_month_alone_after_a_time_word_is_a_date(text: str, lang: str, month: int) -> None:
    """最早于5月 is a date; "as early as April" was none, so the changed month went unreported."""
    (fact,) = extract_dates(text, lang)
    assert (fact.month, fact.day, fact.year) == (month, None, None)
    assert text[fact.start : fact.end] == fact.text


@pytest.mark.parametrize("text", ["He may come soon.", "The May rally ended.", "He was born in Augusta."])
def test_may_as_a_verb_or_a_name_is_no_month(text: str) -> None:
    assert extract_dates(text, "en") == []


@pytest.mark.parametrize(
    ("text", "lang", "evidence", "month", "day", "weekday"),
    [
        ("Minutes will be released on Friday, May 16.", "en", "Friday, May 16", 5, 16, 4),
        ("Workers would strike on Monday, October 20.", "en", "Monday, October 20", 10, 20, 0),
        ("The minutes come out May 16 (Friday).", "en", "May 16 (Friday)", 5, 16, 4),
        ("Die Protokolle erscheinen am Freitag, den 16. Mai.", "de", "Freitag, den 16. Mai", 5, 16, 4),
        ("Valmont于10月16日（星期四）宣布关闭工厂。", "zh", "10月16日（星期四）", 10, 16, 3),
        ("工人将于10月20日周一罢工。", "zh", "10月20日周一", 10, 20, 0),
    ],
)
def test_a_weekday_beside_a_date_names_that_date(
    text: str, lang: str, evidence: str, month: int, day: int, weekday: int
) -> None:
    # A weekday counted from the publication date alone made "released on Friday, May 16" (published
    # Wednesday, May 7) read May 9, a high date finding against every version that said May 16.
    (fact,) = extract_dates(text, lang, dt.date(2025, 5, 7))
    assert (fact.text, fact.month, fact.day, fact.weekday, fact.relative) == (
        evidence,
        month,
        day,
        weekday,
        False,
    )
    assert text[fact.start : fact.end] == evidence


def test_a_weekday_apart_from_a_date_is_still_counted_from_publication() -> None:
    facts = extract_dates(
        "The bank will publish the minutes of Wednesday's meeting on May 16.", "en", dt.date(2025, 5, 7)
    )
    assert [(f.text, f.day, f.relative) for f in facts] == [("Wednesday", 7, True), ("May 16", 16, False)]


def test_local_time_is_one_zone_in_three_languages() -> None:
    # "the same clock time in another time zone: local time → ortszeit" was a medium finding, five times.
    facts = [
        extract_dates("um 9.42 Uhr Ortszeit", "de")[0],
        extract_dates("at 9:42 a.m. local time", "en")[0],
        extract_dates("当地时间9时42分", "zh")[0],
    ]
    assert {f.zone for f in facts} == {"local time"}
    assert all(compare_dates(x, y) is None for x in facts for y in facts)


def test_greenwich_time_in_chinese_is_gmt() -> None:
    gmt = extract_dates("（格林尼治时间8时42分）", "zh")[0]
    assert compare_dates(extract_dates("um 9.42 Uhr MEZ", "de")[0], gmt) is None
    assert compare_dates(extract_dates("at 08:42 GMT", "en")[0], gmt) is None
    later = compare_dates(extract_dates("at 09:42 GMT", "en")[0], gmt)
    assert later is not None and "hour" in later.text


def test_one_date_on_two_weekdays_is_high() -> None:
    published = dt.date(2025, 11, 18)
    thursday = extract_dates("on Thursday, November 20", "en", published)[0]
    friday = extract_dates("于11月20日（星期五）", "zh", published)[0]
    finding = compare_dates(thursday, friday)
    assert finding is not None and finding.severity == "high" and "weekday" in finding.text
    assert compare_dates(thursday, extract_dates("am Donnerstag, 20. November", "de", published)[0]) is None
    assert compare_dates(thursday, extract_dates("on November 20", "en", published)[0]) is None


def test_a_german_day_range_is_read_as_its_first_day() -> None:
    (fact,) = extract_dates("Das Festival läuft vom 12. bis 14. September.", "de")
    assert (fact.text, fact.month, fact.day) == ("12. bis 14. September", 9, 12)
    assert compare_dates(extract_dates("on Sept. 12-14", "en")[0], fact) is None


@pytest.mark.parametrize(
    ("text", "lang", "day"),
    [
        ("The heat will last until Sunday.", "en", 7),
        ("Die Hitze hält bis Sonntag an.", "de", 7),
        ("高温将持续至周二。", "zh", 9),
        ("The board would decide on Tuesday.", "en", 9),
        ("It rained on Tuesday.", "en", 2),
    ],
)
def test_a_weekday_as_a_deadline_is_the_coming_one(text: str, lang: str, day: int) -> None:
    # Published Sunday 7 September 2025: "bis Sonntag" had been read a week back, "until Sunday" not.
    (fact,) = extract_dates(text, lang, dt.date(2025, 9, 7))
    assert fact.day == day


def test_a_wire_style_clock_time_with_its_zone() -> None:
    (gmt, beijing) = extract_dates("Liftoff came at 0232 GMT (10:32 a.m. in Beijing).", "en")
    assert (gmt.hour, gmt.minute, gmt.zone) == (2, 32, "gmt")
    assert beijing.zone == "beijing time"  # "in Beijing" after a clock time names its zone
    assert (
        compare_dates(extract_dates("at 0740 GMT", "en")[0], extract_dates("北京时间15时40分", "zh")[0])
        is None
    )
    assert compare_dates(extract_dates("at 0740 GMT", "en")[0], extract_dates("北京时间13时40分", "zh")[0])
    assert [d.text for d in extract_dates("The plant employs 2300 people.", "en")] == []


def test_a_range_of_clock_times_names_its_zone_once() -> None:
    # "(02:10 and 02:25 GMT)" against "（北京时间10时10分至10时25分）" was reported as 02:10 → 10:10.
    english = extract_dates("between 03:10 and 03:25 local time (02:10 and 02:25 GMT)", "en")
    assert [d.zone for d in english] == ["local time", "local time", "gmt", "gmt"]
    chinese = extract_dates("（北京时间10时10分至10时25分）", "zh")
    assert [d.zone for d in chinese] == ["北京时间", "北京时间"]
    assert [compare_dates(x, y) for x, y in zip(english[2:], chinese, strict=True)] == [None, None]


def test_a_weekday_after_since_is_past_whatever_else_the_sentence_says() -> None:
    # "will remain closed" moved "since 6 p.m. on Tuesday" to the next Tuesday (a review story).
    text = "The road has been closed since 6 p.m. on Tuesday, and will remain closed until further notice."
    (fact,) = extract_dates(text, "en", dt.date(2025, 8, 14))
    assert (fact.month, fact.day, fact.hour) == (8, 12, 18)
    (ahead,) = extract_dates("The council will meet on Tuesday.", "en", dt.date(2025, 8, 14))
    assert (ahead.month, ahead.day) == (8, 19)


def test_a_clock_time_on_a_weekday_joins_the_date_beside_it() -> None:
    text = "The road has been closed since 6 p.m. on Tuesday, Aug. 12, and will remain closed."
    (fact,) = extract_dates(text, "en", dt.date(2025, 8, 14))
    assert (fact.month, fact.day, fact.hour, fact.weekday) == (8, 12, 18, 1)


def test_the_night_before_a_weekday_is_no_weekday_to_compare() -> None:
    # "in der Nacht zum Mittwoch" is the night English tells as "overnight on Tuesday".
    assert extract_dates("Der Wind drehte in der Nacht zum Mittwoch.", "de", dt.date(2025, 8, 14)) == []
    assert [f.day for f in extract_dates("Am Mittwoch drehte der Wind.", "de", dt.date(2025, 8, 14))] == [13]


def test_a_number_in_a_name_is_no_clock_time_or_day() -> None:
    # A review story: "Aurora-7 am Donnerstag" was 7 a.m., "极光-7号" the 7th.
    rocket = extract_dates("Aurora-7 am Donnerstag gestartet.", "de")
    assert [(f.hour, f.weekday) for f in rocket] == [(None, 3)]
    assert [f.day for f in extract_dates("极光-7号运载火箭周四发射。", "zh")] == [None]
    assert [f.hour for f in extract_dates("The meeting starts at 7 am on Thursday.", "en")] == [7]
    assert [f.day for f in extract_dates("会议于9月7号举行。", "zh")] == [7]


def test_a_time_in_local_time_and_its_weekday_are_one_date() -> None:
    import datetime

    from driftcheck.dates import extract_dates

    published = datetime.date(2025, 9, 18)
    (landfall,) = extract_dates("It made landfall at 3:40 a.m. local time on Wednesday.", "en", published)
    assert (landfall.day, landfall.hour, landfall.minute, landfall.weekday, landfall.zone) == (
        17,
        3,
        40,
        2,
        "local time",
    )
    (german,) = extract_dates("Es traf um 3.40 Uhr Ortszeit am Mittwoch auf Land.", "de", published)
    assert (german.day, german.hour, german.weekday) == (17, 3, 2)


def test_soll_and_duerfte_look_ahead_unless_reported_of_the_past() -> None:
    published = dt.date(2025, 5, 6)  # a Tuesday
    ahead = extract_dates("Er soll am Montag erstmals trainieren.", "de", published)
    assert (ahead[0].month, ahead[0].day) == (5, 12)
    rates = extract_dates("Die Zinsen dürften am Mittwoch steigen.", "de", published)
    assert (rates[0].month, rates[0].day) == (5, 7)
    past = extract_dates("Er soll am Montag gestorben sein.", "de", published)
    assert (past[0].month, past[0].day) == (5, 5)


def test_a_number_after_im_april_is_no_day() -> None:
    found = extract_dates("Die Notenbank kaufte im April 15 Tonnen Gold.", "de")
    assert [(d.text, d.month, d.day) for d in found] == [("April", 4, None)]
    assert [(d.month, d.day) for d in extract_dates("The bank bought gold on April 15.", "en")] == [(4, 15)]


@pytest.mark.parametrize(
    ("text", "lang", "month"),
    [
        ("Kightley said last month that a cut in May was possible.", "en", 4),
        ("Kightley hatte im vergangenen Monat eine Senkung im Mai als möglich bezeichnet.", "de", 4),
        ("央行上个月表示，5月降息是可能的。", "zh", 4),
        ("The rate will be set next month.", "en", 6),
    ],
)
def test_a_relative_month_is_resolved(text: str, lang: str, month: int) -> None:
    found = extract_dates(text, lang, dt.date(2025, 5, 7))
    assert found[0].relative and (found[0].year, found[0].month) == (2025, month)


def test_last_month_in_january_is_december() -> None:
    found = extract_dates("Prices rose last month.", "en", dt.date(2026, 1, 10))
    assert (found[0].year, found[0].month) == (2025, 12)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The union said on Wednesday it would strike.", "en"),
        ("Die Gewerkschaft kündigte am Mittwoch an, sie werde streiken.", "de"),
        ("工会周三表示将举行罢工。", "zh"),
    ],
)
def test_the_day_something_was_said_is_before_publication(text: str, lang: str) -> None:
    found = extract_dates(text, lang, dt.date(2025, 5, 8))  # a Thursday
    assert (found[0].month, found[0].day) == (5, 7)
    ahead = extract_dates("The union will strike on Wednesday.", "en", dt.date(2025, 5, 8))
    assert (ahead[0].month, ahead[0].day) == (5, 14)
