import datetime as dt

import pytest

from xltools.deadlines import find_deadline, parse_deadline_cell


@pytest.mark.parametrize("text,year,expected", [
    ("年底前", 2019, dt.date(2019, 12, 31)),
    ("9月底前", 2019, dt.date(2019, 9, 30)),
    ("2021年6月底前", 2019, dt.date(2021, 6, 30)),
    ("2月底", 2024, dt.date(2024, 2, 29)),
    ("6月30日前", 2019, dt.date(2019, 6, 30)),
    ("上半年", 2019, dt.date(2019, 6, 30)),
    ("第三季度", 2020, dt.date(2020, 9, 30)),
    ("十月底前", 2019, dt.date(2019, 10, 31)),
    ("2019-12-31", None, dt.date(2019, 12, 31)),
    ("2019/3/5", None, dt.date(2019, 3, 5)),
    ("明年6月底前", 2019, dt.date(2020, 6, 30)),
])
def test_dated_wordings(text, year, expected):
    assert parse_deadline_cell(text, year).date == expected


@pytest.mark.parametrize("text", ["持续推进", "长期坚持", "每季度"])
def test_words_stay_words(text):
    d = parse_deadline_cell(text, 2019)
    assert d.date is None and d.text == text and d.display == text


def test_without_year_no_date():
    assert parse_deadline_cell("年底前", None).date is None


def test_in_text():
    d = find_deadline("推进政府网站集约化工作，年底前全面完成政府网站集约化任务。", 2019)
    assert (d.text, d.date) == ("年底前", dt.date(2019, 12, 31))
    assert find_deadline("政府信息公开工作报告历年内容重复的要进行通报", 2019) is None
    assert find_deadline("6月底前完成方案，9月底前全面完成。", 2019).date == dt.date(2019, 9, 30)
    assert parse_deadline_cell("2019-02-30", None).date is None


@pytest.mark.parametrize("text", ["5年内重点培训15万名人才", "三年内建成", "近年来取得成效", "多年内未变"])
def test_spans_of_years_are_no_deadline(text):
    assert find_deadline(text, 2019) is None


def test_this_month_is_a_deadline_without_a_date():
    found = find_deadline("督促商户在当月下旬之前完成清退", 2024)
    assert found is not None and found.text == "当月下旬之前" and found.date is None


@pytest.mark.parametrize("lines,expected", [
    (["请各单位务必于8月5日前整改到位并书面反馈。"], "8月5日前"),
    (["现存在问题如下，", "须在2025年3月底前全部办结。"], "2025年3月底前"),
    (["请于8月5日前整改完毕，于8月20日前上报。"], None),  # two different: none chosen
    (["在实际工作中要抓好落实。"], None),  # no deadline
])
def test_document_deadline(lines, expected):
    from xltools.deadlines import document_deadline

    assert document_deadline(lines) == expected
