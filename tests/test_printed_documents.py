"""Issue 19: documents an office signs, and a roll-up a leader reads on paper.

What is sent and printed is rendered by LibreOffice and read back from the PDF
(text, positions and font sizes with pdfplumber): the 落款 of GB/T 9704, rows
never split across pages, the roll-up's print scale, page numbers and page
count, the progress sheet's print scale. The rules behind the 标识 are tested
on lines made here.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import zipfile
from collections import Counter
from pathlib import Path

import docx
import openpyxl
import pytest

from conftest import EXAMPLES, FIXTURES, TAONAN, require_soffice, soffice_convert
from xltools import labels as L
from xltools.demo import SETTINGS, apply_settings
from xltools.importing.importer import read_original
from xltools.documents.letters import (PlanIndex, format_doc_number, letter_title, letters, plan_warnings,
                             signature)
from xltools.model import Deadline, Plan, PlanInfo
from xltools.progress import summary as S
from xltools.progress.results import Slot
from xltools.progress.rollup import rollup
from xltools.progress.split import split
from xltools.workbook.writer import write_workbook
from xltools.workbook.reader import read_plan

pdfplumber = pytest.importorskip("pdfplumber")

MM = 72 / 25.4


@pytest.fixture(scope="module")
def example_workbook(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example with the demo's 发文单位/发文字号/成文日期/反馈截止日期."""
    plan = apply_settings(read_original(TAONAN), json.loads(SETTINGS.read_text(encoding="utf-8")))
    path = tmp_path_factory.mktemp("example") / "wb.xlsx"
    write_workbook(plan, path)
    return path


def _pages(pdf: Path) -> list[str]:
    with pdfplumber.open(str(pdf)) as doc:
        return [page.extract_text() or "" for page in doc.pages]


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


# ------------------------------------------------------------------ letters
def test_letter_titles_for_other_tables() -> None:
    assert letter_title("市政府工作报告重点工作责任分解（2023年）") == \
        "关于落实《市政府工作报告重点工作责任分解（2023年）》的通知"
    for title in ("2024年全市政务公开工作要点", "优化营商环境实施方案", "重点任务清单",
                  "2019年政务公开重点工作任务分工"):
        assert letter_title(title) == f"关于落实《{title}》的通知", title
    assert letter_title("2019年洮南市政务公开重点工作") == \
        "关于落实《2019年洮南市政务公开重点工作》任务分工的通知"
    assert letter_title("") == L.LETTER_TITLE_NO_PLAN and "《》" not in letter_title("")
    assert format_doc_number("洮政办函﹝2019﹞8号") == "洮政办函〔2019〕8号"
    assert format_doc_number("洮政办函[2019]8号") == "洮政办函〔2019〕8号"


def test_signature_places_issuer_and_date() -> None:
    def half_chars(text: str) -> int:
        lead = len(text) - len(text.lstrip("\u3000\u2002"))
        return 2 * text[:lead].count("\u3000") + text[:lead].count("\u2002")

    issuer, date = signature("洮南市人民政府办公室", "2019年3月25日")
    # 7.3.5.1: the date ends four characters (8 half characters) from the right edge
    # of the 28-character line (the template right-aligns it so); the issuer is
    # centred over it (10 CJK = 20 half characters, the date 13).
    assert date == "2019年3月25日"
    d0, i0 = 56 - 8 - 13, half_chars(issuer)
    assert abs((i0 + 10) - (d0 + 6.5)) <= 0.5
    issuer, date = signature("洮南市人民政府办公室", "2019年3月25日", sealed=False)
    # 7.3.5.2: the issuer 右空二字, the date two characters right of the issuer.
    assert half_chars(issuer) + 20 == 56 - 4
    assert half_chars(date) == half_chars(issuer) + 4


def test_warnings_before_letters_are_written(tmp_path: Path) -> None:
    from test_letters import small_plan

    plan = small_plan()
    plan = Plan(info=plan.info.__class__(title="", year=2019), goals=plan.goals,
                units=plan.units,
                assignments=tuple(a for a in plan.assignments if a.requirement_id != "1-3"))
    warnings = plan_warnings(plan)
    assert any("1-3" in w and "没有任何责任单位" in w for w in warnings)
    assert any("发文单位" in w for w in warnings) and any("反馈截止日期" in w for w in warnings)
    assert any("标题" in w for w in warnings)
    write_workbook(plan, tmp_path / "wb.xlsx")
    result = letters(tmp_path / "wb.xlsx", tmp_path / "out", date=dt.date(2019, 3, 5))
    assert any("1-3" in w for w in result.warnings) and "1-3" in result.summary()


def test_seal_setting(tmp_path: Path) -> None:
    from test_letters import small_plan

    plan = small_plan()
    plan = plan.with_info(extra=((L.SET_SEAL, L.SEAL_NO),))
    write_workbook(plan, tmp_path / "wb.xlsx")
    assert read_plan(tmp_path / "wb.xlsx").info.extra[:1] == ((L.SET_SEAL, L.SEAL_NO),)
    letters(tmp_path / "wb.xlsx", tmp_path / "out", date=dt.date(2019, 3, 5))
    paragraphs = [p.text for p in docx.Document(tmp_path / "out" / "市司法局.docx").paragraphs]
    issuer, date = paragraphs[-2:]
    assert issuer.strip() == "某市督查办" and date.strip() == "2019年3月5日"
    assert len(date) - len(date.lstrip()) > len(issuer) - len(issuer.lstrip())  # 右移
    bad = small_plan().with_info(extra=((L.SET_SEAL, "盖"),))
    write_workbook(bad, tmp_path / "bad.xlsx")
    with pytest.raises(Exception, match="加盖"):
        letters(tmp_path / "bad.xlsx", tmp_path / "bad", date=dt.date(2019, 3, 5))


def test_other_units_by_role_without_group_words_or_issuer(example_workbook: Path) -> None:
    index = PlanIndex(read_plan(example_workbook))
    for req_id in index.by_requirement:
        for a in index.by_requirement[req_id]:
            others = index.others(req_id, a.unit)
            assert "各相关部门等" not in others and "另有" not in others
            assert "市政府办公室" not in others  # the issuer, never a co-party
            if others:
                parts = others.split("；")
                assert all(p.split("：")[0] in ("牵头", "责任", "配合")
                           or p == L.LETTER_OTHERS_GENERIC for p in parts), others
    assert index.functional_units == {"开发区"}


def test_example_letters_signed_attached_and_unsplit(example_workbook: Path,
                                                      tmp_path: Path) -> None:
    """Done-when: GB/T 落款, 附件 by title, no row split, 按职能 attached; 开发区 compact."""
    require_soffice()
    result = letters(example_workbook, tmp_path / "letters", pdf=True,
                     units=["市社保局", "市教育局", "开发区", "市发改局"])
    assert result.annex is not None and result.annex.name == \
        "2019年洮南市政务公开重点工作任务分工.docx"
    pdfs = {p.stem: p for p in result.pdfs}
    for letter in result.letters:
        pages = _pages(pdfs[letter.path.stem])
        text = _flat("".join(pages))
        assert f"附件：1．{letter.unit}进度反馈表" in text
        assert "2．2019年洮南市政务公开重点工作任务分工" in text
        assert "xlsx" not in text.split("附件：")[-1]  # by title, not by file name
        assert "洮政办函〔2019〕8号" in text
        # The contact line never breaks inside the phone number ("0436-" / "6222000").
        assert any("0436-6222000" in line for page in pages for line in page.splitlines())
        # No row split across pages: each row's requirement text (the third column,
        # 66 mm from the page edge, read alone) begins and ends on one page.
        d = docx.Document(letter.path)
        for table in d.tables:
            wide = 82 if table.rows[0].cells[-1].text != "完成时限" else 60  # letter_template
            with pdfplumber.open(str(pdfs[letter.path.stem])) as doc:
                column = [_flat(page.crop((66 * MM + 1, 0, (66 + wide) * MM, page.height))
                                .extract_text() or "") for page in doc.pages]
            for row in table.rows[1:]:
                req = _flat(row.cells[2].text)
                head, tail = req[:6], req[-6:]
                assert any(head in c and tail in c and c.index(head) < c.rindex(tail)
                           for c in column), (letter.unit, row.cells[0].text)
            headers = [c.text for c in table.rows[0].cells]
            has_deadline = any(r.cells[-1].text for r in table.rows[1:]) \
                if headers[-1] == "完成时限" else None
            assert has_deadline in (True, None), letter.unit  # empty column left out
        # 落款 on the last page: the date 右空四字, the issuer centred over it.
        with pdfplumber.open(str(pdfs[letter.path.stem])) as doc:
            page = doc.pages[-1]
            words = page.extract_words(keep_blank_chars=False, x_tolerance=6)
            date = [w for w in words if w["text"].endswith("日") and "2019" in w["text"]]
            issuer = [w for w in words if w["text"] == "洮南市人民政府办公室"]
            assert date and issuer, letter.unit
            right_edge = page.width - 26 * MM
            assert abs((right_edge - date[-1]["x1"]) - 4 * 16) < 10, date[-1]
            centre = (date[-1]["x0"] + date[-1]["x1"]) / 2
            # Centred with Times New Roman digits; a substitute font (DejaVu here) is wider.
            assert abs((issuer[-1]["x0"] + issuer[-1]["x1"]) / 2 - centre) < 16
            assert date[-1]["top"] > issuer[-1]["top"]
    # 开发区 is named only in "…、开发区、各相关部门按职能分别落实": no 56-row table.
    kf = next(x for x in result.letters if x.unit == "开发区")
    assert len(_pages(pdfs[kf.path.stem])) <= 3 and not docx.Document(kf.path).tables
    assert "你单位按职能落实的要求" in _flat("".join(_pages(pdfs[kf.path.stem])))


def test_real_tables_16_and_17_letters_and_export(tmp_path: Path) -> None:
    from xltools.documents.export import export
    from xltools.importing.importer import import_original

    wb16 = tmp_path / "16.xlsx"
    import_original(next((FIXTURES / "real").glob("16_*.txt")), wb16)
    result = letters(wb16, tmp_path / "l16", date=dt.date(2023, 7, 11))
    paragraphs = [p.text for p in docx.Document(result.letters[0].path).paragraphs]
    title = "".join(p for p in paragraphs[:4] if p)
    assert "关于落实《市政府工作报告重点工作责任分解（2023年）》的通知" in title
    assert "》任务分工的通知" not in title
    export(wb16, tmp_path / "e16.xlsx")
    ws = openpyxl.load_workbook(tmp_path / "e16.xlsx").active
    header = [c.value for c in ws[2] if c.value]
    if L.EXPORT_COL_TASK in header:  # only task names the original has (its （一） heading): none invented
        source = "".join(next((FIXTURES / "real").glob("16_*.txt")).read_text(encoding="utf-8").split())
        col = header.index(L.EXPORT_COL_TASK)
        names = {str(r[col]) for r in ws.iter_rows(min_row=3, values_only=True) if r[col]}
        assert names and all(n.replace("，", ",") in source.replace("，", ",") for n in names), names
    wb17 = tmp_path / "17.xlsx"
    import_original(next((FIXTURES / "real").glob("17_*.txt")), wb17)
    result = letters(wb17, tmp_path / "l17", date=dt.date(2023, 7, 11))
    assert any("没有标题" in w for w in result.warnings)
    text = "".join(p.text for p in docx.Document(result.letters[0].path).paragraphs)
    assert "《》" not in text and L.LETTER_TITLE_NO_PLAN in text


# ------------------------------------------------------------------ status rules
def _slot(status: str | None, feedback: str = L.FEEDBACK_RETURNED, *, due: dt.date | None = None,
          overdue: bool = False) -> Slot:
    return Slot("1-1", "甲局", "牵头", "目标", "任务", "要求", Deadline("", due),
                status=status, status_key=status, feedback=feedback, overdue=overdue)


def _rules(schedule: float, **kw) -> S.Rules:
    return S.Rules(dt.date(2019, 4, 20), schedule, L.STATUS_DONE, dt.date(2019, 4, 10), 2019, **kw)


def test_ongoing_answered_work_is_on_track() -> None:
    rules = _rules(0.301)
    ongoing = [_slot(L.STATUS_IN_PROGRESS), _slot(L.STATUS_ONGOING), _slot(L.STATUS_DONE)]
    for s in ongoing:
        s.mark, s.why = S.mark_slot(s, rules)
    counts = S._Counts.of(ongoing)
    assert counts.mark(rules) == (L.MARK_GREEN, "")  # April: ongoing work is not 黄
    # 30.0 % against 30.1 %: within the tolerance and the threshold, not 黄.
    slots = [_slot(L.STATUS_DONE)] * 3 + [_slot(L.STATUS_NOT_STARTED)] * 7
    for s in slots:
        s.mark, s.why = S.mark_slot(s, rules)
    assert S._Counts.of(slots).mark(rules)[0] == L.MARK_GREEN
    # Behind by more than 10 points: 黄; by more than 30: 红.
    slots = [_slot(L.STATUS_DONE)] + [_slot(L.STATUS_NOT_STARTED)] * 9
    for s in slots:
        s.mark, s.why = S.mark_slot(s, rules)
    mark, why = S._Counts.of(slots).mark(rules)
    assert mark == L.MARK_YELLOW and "落后序时进度20个百分点" in why
    late = _rules(0.6)
    assert S._Counts.of(slots).mark(late)[0] == L.MARK_RED
    # The thresholds come from 说明.
    strict = _rules(0.301, yellow_points=5, red_points=15)
    assert S._Counts.of(slots).mark(strict)[0] == L.MARK_RED
    # Overdue ongoing work is not on track.
    assert not rules.on_track(_slot(L.STATUS_IN_PROGRESS, overdue=True))
    assert not rules.on_track(_slot(L.STATUS_IN_PROGRESS, feedback=L.FEEDBACK_MISSING))


def test_thresholds_from_settings() -> None:
    info = PlanInfo(extra=((L.SET_YELLOW_POINTS, "5"), (L.SET_RED_POINTS, "20%")))
    assert S.thresholds(info) == (5.0, 20.0)
    assert S.thresholds(PlanInfo()) == (10.0, 30.0)
    with pytest.raises(Exception, match="黄色阈值"):
        S.thresholds(PlanInfo(extra=((L.SET_YELLOW_POINTS, "很多"),)))


# ------------------------------------------------------------------ the roll-up on paper
@pytest.fixture(scope="module")
def example_rollup(example_workbook: Path, tmp_path_factory: pytest.TempPathFactory):
    out = tmp_path_factory.mktemp("rollup") / "汇总.xlsx"
    result = rollup(example_workbook, EXAMPLES / "returned", out, as_of="2019-04-20",
                    summary_only=True)
    return out, result


def test_rollup_words_and_marks(example_rollup) -> None:
    _, result = example_rollup
    rows = result.sheets[L.SHEET_SUMMARY]
    units = result.layout["units"]
    header = rows[units.header_row - 1]
    table = [dict(zip(header, r)) for r in rows[units.first_row - 1:units.last_row]]
    for r in table:
        if r[L.RCOL_FEEDBACK] in (L.FEEDBACK_OVERDUE, L.FEEDBACK_BLANK_OVERDUE):
            assert r[L.SCOL_RATE] == L.RATE_NOT_REPORTED  # silent: 未报, not 0.0%
        if r[L.RCOL_FEEDBACK] == L.FEEDBACK_LATE:
            assert r[L.SCOL_MARK] != L.MARK_GREEN  # a late report is never 绿
        if r[L.SCOL_MARK] == L.MARK_YELLOW:  # never only because ongoing work is unfinished
            assert r[L.SCOL_WHY] and r[L.SCOL_WHY] != L.WHY_BEHIND
    words = [r[1] for r in rows[result.layout["statuses"].first_row - 1:
                                result.layout["statuses"].last_row]]
    assert len(words) == len(set(words)) and L.SCOL_NO_FILE in words
    assert "/" not in "".join(map(str, header))  # one meaning per word


def test_rollup_prints(example_rollup, tmp_path: Path) -> None:
    """Done-when: page numbers on every sheet, 汇总 at 9 pt or more, 12 pages at most."""
    out, _ = example_rollup
    wb = openpyxl.load_workbook(out)
    summary = wb[L.SHEET_SUMMARY]
    area = str(summary.print_area)
    last_col = re.search(r":\$?([A-Z]+)\$?\d+", area).group(1)
    for chart in summary._charts:  # the charts stand outside the print area
        assert chart.anchor._from.col >= openpyxl.utils.column_index_from_string(last_col)
    for ws in wb.worksheets:
        if ws.sheet_state == "visible":
            assert "&P" in ws.oddFooter.center.text, ws.title
    pdf = soffice_convert(out, "pdf", tmp_path / "pdf")
    with pdfplumber.open(str(pdf)) as doc:
        assert len(doc.pages) <= 12
        for i, page in enumerate(doc.pages, start=1):
            text = page.extract_text() or ""
            assert re.search(rf"第\s*{i}\s*页", text), i
            if text.lstrip().startswith(L.SHEET_SUMMARY):
                sizes = Counter(round(c["size"], 1) for c in page.chars)
                assert sizes.most_common(1)[0][0] >= 9, sizes
        everything = "".join(page.extract_text() or "" for page in doc.pages)
    assert "2019年4月20日" in _flat(everything) and "2019-04-20" not in everything
    assert L.SUM_CHART_DATA not in everything  # the chart data is not printed
    assert not re.search(r"0\.30\d\d", everything)


def test_progress_sheet_prints(example_workbook: Path, tmp_path: Path) -> None:
    files = split(example_workbook, tmp_path / "split", round_label="2019年第一季度").files
    pdf = soffice_convert(files["市教育局"], "pdf", tmp_path / "pdf")
    with pdfplumber.open(str(pdf)) as doc:
        page = doc.pages[0]
        assert page.width > page.height  # A4 landscape
        sizes = Counter(round(c["size"], 1) for c in page.chars)
        assert sizes.most_common(1)[0][0] >= 9, sizes
        text = _flat(page.extract_text())
    assert "报送洮南市人民政府办公室" in text and "2019年4月10日" in text
    with zipfile.ZipFile(files["市教育局"]) as zf:
        sheet = zf.read("xl/worksheets/sheet1.xml").decode()
    assert 'showInputMessage="1"' in sheet


def test_report_and_remind_print(example_rollup, tmp_path: Path) -> None:
    """Done-when: the 通报 on at most 3 pages with the right counts; 开发区's 催办 on one."""
    from xltools.progress.remind import remind
    from xltools.progress.report import report

    out, _ = example_rollup
    made = report(out, tmp_path / "通报.docx", doc_number="洮政办督[2019]3号")
    pdf = soffice_convert(made.path, "pdf", tmp_path / "pdf")
    pages = _pages(pdf)
    assert len(pages) <= 3
    text = _flat("".join(pages))
    assert "63项要求、269项（次）单位任务" in text and "洮政办督〔2019〕3号" in text
    assert "各有关单位：" in text and "进展滞后" in text
    notices = remind(out, tmp_path / "催办", deadline="2019-04-26", doc_number="洮政办督〔2019〕4号")
    pdf = soffice_convert(notices.files["开发区"], "pdf", tmp_path / "pdf")
    pages = _pages(pdf)
    assert len(pages) == 1
    text = _flat(pages[0])
    assert "你单位承担的19项工作均未报送" in text  # one 按职能 row per task and "逾期仍未报送的，将予以通报" in text
    assert "洮政办督〔2019〕4号" in text


# ------------------------------------------------------------------ the workbook asks
def test_workbook_asks_about_many_leads_and_unchecked_notes(example_workbook: Path) -> None:
    from xltools.workbook.check import check, format_report

    wb = openpyxl.load_workbook(example_workbook)
    review = [[c.value for c in row] for row in wb[L.SHEET_REVIEW].iter_rows(min_row=2)]
    many = [r for r in review if r[1] == L.REVIEW_MANY_LEADS]
    assert [r[2] for r in many] == ["7-1", "8-1", "9-1"]
    assert "9-7" in many[-1][3] and "20 个牵头单位" in many[-1][3] and "相关领域" in many[-1][3]
    # Every setting is explained on 说明, the new ones with their defaults.
    readme = {r[0]: r for r in wb[L.SHEET_README].iter_rows(values_only=True) if r[0]}
    for key in L.SETTING_KEYS + tuple(k for k, _ in L.SETTINGS_WITH_DEFAULT):
        assert readme[key][2], key
    assert readme[L.SET_SEAL][1] == L.SEAL_YES and str(readme[L.SET_RED_POINTS][1]) == "30"
    # check: clean, but it says the notes are not checked yet.
    result = check(example_workbook)
    assert not result and any("核对结果" in r for r in result.reminders)
    assert "核对结果" in format_report(example_workbook, result)
    ws = wb[L.SHEET_REVIEW]
    col = L.REVIEW_COLUMNS.index(L.RCOL_RESULT) + 1
    for r in range(2, ws.max_row + 1):
        ws.cell(row=r, column=col, value="无误")
    checked = example_workbook.with_name("checked.xlsx")
    wb.save(checked)
    assert check(checked).reminders == []


def test_masthead_and_numbers_per_letter(tmp_path: Path) -> None:
    from test_letters import small_plan

    from xltools.documents.letters import doc_numbers

    assert doc_numbers("洮政办函[2019]{n}号", ["甲", "乙"], 8) == {
        "甲": "洮政办函〔2019〕8号", "乙": "洮政办函〔2019〕9号"}
    assert doc_numbers("洮政办函〔2019〕8号", ["甲", "乙"]) == {
        "甲": "洮政办函〔2019〕8号", "乙": "洮政办函〔2019〕8号"}
    with pytest.raises(Exception, match="n"):
        doc_numbers("{n}-{n}", ["甲"])
    for masthead, expect in ((L.MASTHEAD_FILE, "某市督查办文件"), (L.MASTHEAD_LETTER, "某市督查办"),
                             (L.MASTHEAD_NONE, None)):
        plan = small_plan().with_info(extra=((L.SET_MASTHEAD, masthead),))
        wb = tmp_path / f"{masthead}.xlsx"
        write_workbook(plan, wb)
        result = letters(wb, tmp_path / masthead, date=dt.date(2019, 3, 5),
                         number="某政办函〔2019〕{n}号", first_number=3)
        numbers = []
        for letter in result.letters:
            d = docx.Document(letter.path)
            texts = [p.text for p in d.paragraphs]
            numbers += [t for t in texts if t.startswith("某政办函")]
            xml = d.element.xml
            if expect:
                assert texts[0] == expect
                assert 'w:color="FF0000"' in xml  # the red 分隔线
            else:
                assert "FF0000" not in xml and texts[0].startswith("某政办函")
        assert numbers == ["某政办函〔2019〕3号", "某政办函〔2019〕4号", "某政办函〔2019〕5号"]
    bad = small_plan().with_info(extra=((L.SET_MASTHEAD, "红头"),))
    write_workbook(bad, tmp_path / "bad.xlsx")
    with pytest.raises(Exception, match="版头"):
        letters(tmp_path / "bad.xlsx", tmp_path / "bad", date=dt.date(2019, 3, 5))


def test_delivery_named_in_letter_and_progress_sheet(tmp_path: Path) -> None:
    from test_letters import small_plan

    plan = small_plan().with_info(extra=((L.SET_DELIVERY, "电子邮件（dcb@example.cn）"),))
    wb = tmp_path / "wb.xlsx"
    write_workbook(plan, wb)
    letters(wb, tmp_path / "out", date=dt.date(2019, 3, 5))
    text = "".join(p.text for p in docx.Document(tmp_path / "out" / "市司法局.docx").paragraphs)
    assert "填写完整后通过电子邮件（dcb@example.cn）报送某市督查办" in text
    files = split(wb, tmp_path / "split", round_label="R1").files
    top = " ".join(str(c.value) for row in openpyxl.load_workbook(files["市司法局"]).active
                   .iter_rows(max_row=4) for c in row if c.value)
    assert "通过电子邮件（dcb@example.cn）报送某市督查办（张三，0436-6222222）" in top


def test_round_named_in_letter_and_progress_sheet(tmp_path: Path) -> None:
    from test_letters import small_plan

    plan = small_plan().with_info(extra=((L.SET_ROUND, "2019年第一季度"),))
    wb = tmp_path / "wb.xlsx"
    write_workbook(plan, wb)
    readme = {r[0]: r for r in openpyxl.load_workbook(wb)[L.SHEET_README].iter_rows(values_only=True)}
    assert readme[L.SET_ROUND][1] == "2019年第一季度" and readme[L.SET_ROUND][2]  # explained
    letters(wb, tmp_path / "out", date=dt.date(2019, 3, 5))
    text = "".join(p.text for p in docx.Document(tmp_path / "out" / "市司法局.docx").paragraphs)
    assert "将2019年第一季度进度反馈表（" in text
    files = split(wb, tmp_path / "split").files  # no --round: the 说明 setting
    top = " ".join(str(c.value) for row in openpyxl.load_workbook(files["市司法局"]).active
                   .iter_rows(max_row=2) for c in row if c.value)
    assert L.PROGRESS_ROUND_LABEL + "2019年第一季度" in top
    # Without the setting the letter names no round.
    write_workbook(small_plan(), tmp_path / "plain.xlsx")
    letters(tmp_path / "plain.xlsx", tmp_path / "plain", date=dt.date(2019, 3, 5))
    text = "".join(p.text for p in docx.Document(tmp_path / "plain" / "市司法局.docx").paragraphs)
    assert "前将进度反馈表（" in text


def test_shortened_text_never_cuts_a_document_number() -> None:
    from xltools.progress.report import _short

    text = "落实《吉林省人民政府办公厅关于切实做好全省政府公报工作的通知》（吉政办发〔2019〕12号）要求，做好公报工作。"
    for limit in range(6, len(text)):
        short = _short(text, limit)
        body = short.rstrip("…")
        for opener, closer in (("《", "》"), ("〔", "〕"), ("（", "）")):
            assert body.count(opener) == body.count(closer), (limit, short)
        assert text.startswith(body)
    assert _short("短文本", 36) == "短文本"


def test_report_for_the_leadership_is_one_genre(example_rollup, tmp_path: Path) -> None:
    from xltools.cli import main
    from xltools.progress.report import report

    out, _ = example_rollup
    notice = report(out, tmp_path / "通报.docx")
    text = "".join(p.text for p in docx.Document(notice.path).paragraphs)
    assert "各有关单位：" in text and "专报" not in text and "领导审定" not in text
    target = tmp_path / "专报.docx"
    assert main(["report", str(out), "-o", str(target), "--leaders"]) == 0
    d = docx.Document(target)
    text = "".join(p.text for p in d.paragraphs)
    assert "专报" in "".join(p.text for p in d.paragraphs[:3])
    assert "各有关单位" not in text and "请领导审定" in text and "下步工作" in text
    assert "下步要求" not in text and "通报" not in text


def test_one_notice_to_all_units_with_an_annex_each(tmp_path: Path) -> None:
    """说明 → 发文方式 统一通知 (or --one-notice): one 通知 to 各有关单位, each unit's
    requirements as its own 附件."""
    from test_letters import small_plan

    plan = small_plan().with_info(extra=((L.SET_FORM, L.FORM_NOTICE),))
    wb = tmp_path / "wb.xlsx"
    write_workbook(plan, wb)
    readme = {r[0]: r for r in openpyxl.load_workbook(wb)[L.SHEET_README].iter_rows(values_only=True)}
    assert readme[L.SET_FORM][1] == L.FORM_NOTICE and readme[L.SET_FORM][2]  # explained
    made = letters(wb, tmp_path / "out", date=dt.date(2019, 3, 5))
    assert made.notice is not None and made.notice.name.startswith("关于落实")
    notice = "".join(p.text for p in docx.Document(made.notice).paragraphs)
    assert "各有关单位：" in notice and "见附件1" in notice
    assert "附件：1．各单位承担的具体要求" in notice and not docx.Document(made.notice).tables
    per_unit = {x.unit: x.path for x in made.letters}
    assert per_unit["市司法局"].name == "附件1-市司法局.docx"
    annex = docx.Document(per_unit["市司法局"])
    text = "".join(p.text for p in annex.paragraphs)
    assert text.startswith("附件1") and "市司法局承担的具体要求" in text
    assert "市司法局：" not in text and "反馈要求" not in text  # no 主送, no 落款 part
    assert annex.tables  # its requirements
    pdf = soffice_convert(made.notice, "pdf", tmp_path / "pdf")
    assert len(_pages(pdf)) <= 2
    # The CLI option gives the same without the setting; each unit its own letter without it.
    write_workbook(small_plan(), tmp_path / "plain.xlsx")
    each = letters(tmp_path / "plain.xlsx", tmp_path / "each", date=dt.date(2019, 3, 5))
    assert each.notice is None and (tmp_path / "each" / "市司法局.docx").is_file()
    from xltools.cli import main

    assert main(["letters", str(tmp_path / "plain.xlsx"), "-o", str(tmp_path / "cli"),
                 "--one-notice", "--date", "2019-03-05"]) == 0
    assert (tmp_path / "cli" / "附件1-市司法局.docx").is_file()
    bad = small_plan().with_info(extra=((L.SET_FORM, "合并"),))
    write_workbook(bad, tmp_path / "bad.xlsx")
    with pytest.raises(Exception, match="发文方式"):
        letters(tmp_path / "bad.xlsx", tmp_path / "bad", date=dt.date(2019, 3, 5))
