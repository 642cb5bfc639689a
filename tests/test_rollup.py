"""`xltools rollup`: every returned row ends up in 进度 or 问题, whatever the
units did to their files; the output is a copy of the master that opens in
LibreOffice, and re-running gives the same workbook."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import shutil
import zipfile
from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest

from conftest import EXAMPLES, pdf_text, soffice_convert
from progress_fixtures import fill, sheet_values, small_plan, table
from xltools import labels as L
from xltools.cli import main
from xltools.errors import InputError, OutputError
from xltools.progress.master import read_plan_fast
from xltools.model import Deadline
from xltools.progress import HEADER_ROW, split
from xltools.progress.compute import compute_rollup, schedule_fraction
from xltools.progress.rollup import rollup
from xltools.progress.sheets import write_rollup
from xltools.workbook.writer import write_workbook
from xltools.workbook.reader import read_plan

AS_OF = "2019-07-10"


@pytest.fixture
def master(tmp_path: Path) -> Path:
    path = tmp_path / "master.xlsx"
    write_workbook(small_plan(), path)
    return path


@pytest.fixture
def sent(master: Path, tmp_path: Path) -> dict[str, Path]:
    return split(master, tmp_path / "sent", round_label="R1", deadline="2019-07-05").files


def _returned(tmp_path: Path) -> Path:
    folder = tmp_path / "returned"
    folder.mkdir(exist_ok=True)
    return folder


def _issues(out: Path) -> list[dict[str, object]]:
    return table(out, L.SHEET_ISSUES)


def _progress(out: Path) -> dict[tuple[str, str], dict[str, object]]:
    return {(r[L.COL_REQ_ID], r[L.RCOL_UNIT]): r for r in table(out, L.SHEET_PROGRESS)}


def _balanced(result) -> None:
    assert result.rows_read == result.rows_used + result.rows_reported
    skipped = {(i.file, i.sheet, i.row) for i in result.issues if i.reports_row}
    if any(i.kind == L.ISSUE_COLLAPSED for i in result.issues):  # the rest are counted on one line
        assert len(skipped) <= result.rows_reported
    else:
        assert len(skipped) == result.rows_reported


# ------------------------------------------------------------------ basics
def test_clean_returns_fill_progress_and_summary(master: Path, sent: dict[str, Path],
                                                 tmp_path: Path) -> None:
    folder = _returned(tmp_path)
    fill(sent["甲局"], folder / "a.xlsx", answers={"1-1": {L.PCOL_STATUS: L.STATUS_DONE,
                                                          L.PCOL_DONE_DATE: dt.date(2019, 6, 28)}},
         filled=dt.date(2019, 7, 3))
    fill(sent["乙局"], folder / "b.xlsx", filled=dt.date(2019, 7, 4))
    out = tmp_path / "out.xlsx"
    result = rollup(master, folder, out, as_of=AS_OF)
    _balanced(result)
    # 甲局 3 rows; 乙局 3 + one 按职能 row (task 1: 1-2 binds 各相关部门, 甲局 carries it itself).
    assert result.rows_read == 7 and result.rows_used == 7 and result.rows_reported == 0
    assert result.returned == ["甲局", "乙局"] and result.missing == ["丙办"]
    assert result.round_label == "R1"
    progress = _progress(out)
    # One row per requirement × unit (各相关部门 gets no file and no row), and one
    # 按职能 row per task for the units that do not carry its 各相关部门 requirement.
    assert sorted(progress) == sorted([("1-1", "甲局"), ("1-1", "乙局"), ("1-2", "甲局"),
                                       ("1-职能", "乙局"), ("1-职能", "丙办"),
                                       ("2-1", "乙局"), ("2-1", "丙办"), ("3-1", "丙办"),
                                       ("3-2", "甲局"), ("3-2", "乙局")])
    assert progress[("1-职能", "乙局")][L.RCOL_ROLE] == L.ROLE_FUNCTIONAL
    row = progress[("1-1", "甲局")]
    assert row[L.PCOL_STATUS] == L.STATUS_DONE and row[L.RCOL_ROLE] == "牵头"
    assert row[L.PCOL_DONE_DATE].date() == dt.date(2019, 6, 28)
    assert row[L.RCOL_FEEDBACK] == L.FEEDBACK_RETURNED and row[L.RCOL_SOURCE_FILE] == "a.xlsx"
    assert row[L.RCOL_OVERDUE_FLAG] is None
    assert progress[("3-1", "丙办")][L.RCOL_FEEDBACK] == L.FEEDBACK_MISSING
    # 2-1 was due 2019-07-15: not overdue on 07-10; 1-1 乙局 (due 06-30, 推进中) is.
    assert progress[("1-1", "乙局")][L.RCOL_OVERDUE_FLAG] == L.YES
    # The master's sheets are kept, the roll-up sheets added, 汇总 active.
    wb = openpyxl.load_workbook(out)
    # 汇总 is the first and the active sheet; the info sheet the 通报 reads is hidden.
    assert wb.sheetnames == [L.SHEET_SUMMARY, L.SHEET_README, L.SHEET_ASSIGNMENTS, L.SHEET_UNITS,
                             L.SHEET_REVIEW, L.SHEET_BY_REQUIREMENT, L.SHEET_PROGRESS,
                             L.SHEET_ISSUES, L.SHEET_EXTENSIONS, L.SHEET_HISTORY,
                             L.ROLLUP_INFO_SHEET]
    assert wb.active.title == L.SHEET_SUMMARY
    assert wb[L.ROLLUP_INFO_SHEET].sheet_state == "hidden"
    assert [ws.sheet_view.tabSelected for ws in wb.worksheets].count(True) == 1
    assert len(wb[L.SHEET_SUMMARY]._charts) == 2
    assert read_plan(out) == read_plan(master)


def test_summary_counts_and_marks(master: Path, sent: dict[str, Path], tmp_path: Path) -> None:
    folder = _returned(tmp_path)
    fill(sent["甲局"], folder / "a.xlsx", default_status=L.STATUS_DONE, filled=dt.date(2019, 7, 1))
    fill(sent["乙局"], folder / "b.xlsx", filled=dt.date(2019, 7, 1))  # 推进中: 1-1 overdue
    result = compute_rollup(read_plan_fast(master.read_bytes()), folder, as_of=AS_OF)
    rows = result.sheets[L.SHEET_SUMMARY]
    units = result.layout["units"]
    header = rows[units.header_row - 1]
    by_unit = {r[1]: dict(zip(header, r, strict=True)) for r in rows[units.first_row - 1:units.last_row]}
    a, b, c = by_unit["甲局"], by_unit["乙局"], by_unit["丙办"]
    assert (a[L.SCOL_DUE], a[L.SCOL_REPORTED], a[L.STATUS_DONE], a[L.SCOL_RATE]) == (3, 3, 3, 1.0)
    assert a[L.SCOL_MARK] == L.MARK_GREEN and a[L.RCOL_FEEDBACK] == L.FEEDBACK_RETURNED
    assert (b[L.SCOL_DUE], b[L.STATUS_IN_PROGRESS], b[L.SCOL_OVERDUE]) == (3, 3, 1)
    assert b[L.SCOL_MARK] == L.MARK_RED
    # 丙办 did not return, and the 反馈截止日期 (07-05) has passed: 逾期未报, 红.
    assert c[L.RCOL_FEEDBACK] == L.FEEDBACK_OVERDUE and c[L.SCOL_NO_STATUS] == 2
    assert c[L.SCOL_MARK] == L.MARK_RED and result.returned == ["甲局", "乙局"]
    # Worst first: 红 units before the 绿 one.
    assert [r[1] for r in rows[units.first_row - 1:units.last_row]][-1] == "甲局"
    assert result.schedule == pytest.approx(schedule_fraction(2019, dt.date(2019, 7, 10)))
    # Per requirement (sheet 按要求): the lead's status counts.
    by_req = result.sheets[L.SHEET_BY_REQUIREMENT]
    status_col = by_req[0].index(L.SCOL_STATUS)
    req_rows = {r[0]: dict(zip(by_req[0], r, strict=True)) for r in by_req[1:]}
    assert req_rows["1-1"][L.SCOL_STATUS] == L.STATUS_DONE       # lead 甲局 done, 乙局 assists
    assert req_rows["2-1"][L.SCOL_STATUS] == L.STATUS_IN_PROGRESS  # lead 乙局
    assert req_rows["3-1"][L.SCOL_STATUS] == L.FEEDBACK_MISSING    # lead 丙办 did not return
    # Nobody answered 3-1 after the deadline: 红, and listed on 汇总 among the requirements to chase.
    assert req_rows["3-1"][L.SCOL_MARK] == L.MARK_RED and status_col == 4
    req = result.layout["requirements"]
    assert "3-1" in [r[0] for r in rows[req.first_row - 1:req.last_row]]
    # Status distribution adds up to all requirement rows (按职能 rows: on the unit table).
    st = result.layout["statuses"]
    assert sum(r[2] for r in rows[st.first_row - 1:st.last_row]) == len(
        [s for s in result.slots if not s.functional])


def test_dates_stay_dates_in_summary_and_streamed_rows(tmp_path: Path) -> None:
    # The first 进度 row's 完成时限 is text, a later one a date: every streamed row
    # copies the first row's styles, so the column must carry the date format.
    plan = small_plan()
    first = plan.goals[0].tasks[0]
    text_first = replace(first, requirements=(replace(first.requirements[0],
                                                      deadline=Deadline("持续推进")),
                                              *first.requirements[1:]))
    goals = (replace(plan.goals[0], tasks=(text_first, *plan.goals[0].tasks[1:])), *plan.goals[1:])
    master = tmp_path / "master.xlsx"
    write_workbook(replace(plan, goals=goals), master)
    sent = split(master, tmp_path / "sent", round_label="R1").files
    folder = _returned(tmp_path)
    fill(sent["丙办"], folder / "c.xlsx", answers={"3-1": {L.PCOL_DONE_DATE: dt.date(2019, 7, 2)}},
         filled=dt.date(2019, 7, 3))
    out = tmp_path / "out.xlsx"
    rollup(master, folder, out, as_of=AS_OF)
    row = _progress(out)[("3-1", "丙办")]
    assert row[L.RCOL_DEADLINE] == dt.datetime(2019, 12, 31)
    assert row[L.PCOL_DONE_DATE] == dt.datetime(2019, 7, 2)
    assert _progress(out)[("1-1", "甲局")][L.RCOL_DEADLINE] == "持续推进"
    by_req = sheet_values(out, L.SHEET_BY_REQUIREMENT)
    req_row = next(r for r in by_req if r and r[0] == "3-1")
    assert req_row[3] == dt.datetime(2019, 12, 31)  # 完成时限 of the per-requirement sheet
    summary = sheet_values(out, L.SHEET_SUMMARY)
    red = next(r for r in summary if r and r[0] == "3-2")  # nobody answered it: 红, on 汇总
    assert red[2] == "年底前"  # the 完成时限 as written
    # The title rows and each requirement's text span the summary's width, with borders.
    ws = openpyxl.load_workbook(out)[L.SHEET_SUMMARY]
    merged = {str(r) for r in ws.merged_cells.ranges}
    width = ws.max_column
    last = openpyxl.utils.get_column_letter(width)
    assert {f"A1:{last}1", f"A2:{last}2", f"A3:{last}3"} <= merged
    header = next(r for r in summary if r and r[0] == L.COL_REQ_ID)
    text_col = openpyxl.utils.get_column_letter(header.index(L.RCOL_REQUIREMENT) + 1)
    row = next(c.row for c in ws["A"] if c.value == "3-2")
    assert f"{text_col}{row}:{last}{row}" in merged
    assert ws.cell(row=row, column=width).border.right.style == "thin"


def test_schedule_fraction() -> None:
    assert schedule_fraction(2019, dt.date(2019, 1, 1)) == pytest.approx(1 / 365)
    assert schedule_fraction(2019, dt.date(2019, 12, 31)) == 1.0
    assert schedule_fraction(2019, dt.date(2018, 5, 1)) == 0.0
    assert schedule_fraction(2019, dt.date(2021, 5, 1)) == 1.0


# ------------------------------------------------------------- accidents
def test_unit_from_content_not_name_and_without_identity_sheet(master: Path, sent: dict[str, Path],
                                                               tmp_path: Path) -> None:
    folder = _returned(tmp_path)
    # Renamed by the mail client, and saved under another unit's name.
    fill(sent["甲局"], folder / "进度反馈表-乙局(2).xlsx")
    # Copied into a new workbook: no hidden sheet, only the 填报单位 line.
    wb = openpyxl.load_workbook(sent["丙办"])
    del wb[L.PROGRESS_ID_SHEET]
    wb.save(tmp_path / "copied.xlsx")
    fill(tmp_path / "copied.xlsx", folder / "新建 Microsoft Excel 工作表.xlsx")
    result = rollup(master, folder, tmp_path / "out.xlsx", as_of=AS_OF)
    _balanced(result)
    assert result.returned == ["甲局", "丙办"]
    progress = _progress(tmp_path / "out.xlsx")
    assert progress[("3-1", "丙办")][L.PCOL_STATUS] == L.STATUS_IN_PROGRESS
    assert progress[("1-1", "乙局")][L.RCOL_FEEDBACK] == L.FEEDBACK_MISSING


def test_duplicate_returns_newer_wins_and_both_listed(master: Path, sent: dict[str, Path],
                                                      tmp_path: Path) -> None:
    folder = _returned(tmp_path)
    # The file written later on disk has the OLDER 填报日期: 填报日期 decides.
    fill(sent["甲局"], folder / "new.xlsx", default_status=L.STATUS_DONE, filled=dt.date(2019, 7, 4),
         mtime=dt.datetime(2019, 7, 4, 9))
    fill(sent["甲局"], folder / "old.xlsx", default_status=L.STATUS_NOT_STARTED,
         filled=dt.date(2019, 7, 1), mtime=dt.datetime(2019, 7, 8, 9))
    # Without 填报日期 the file time decides.
    fill(sent["乙局"], folder / "b1.xlsx", default_status=L.STATUS_DONE, mtime=dt.datetime(2019, 7, 2))
    fill(sent["乙局"], folder / "b2.xlsx", default_status=L.STATUS_NOT_STARTED,
         mtime=dt.datetime(2019, 7, 3))
    result = rollup(master, folder, tmp_path / "out.xlsx", as_of=AS_OF)
    _balanced(result)
    progress = _progress(tmp_path / "out.xlsx")
    assert progress[("1-1", "甲局")][L.PCOL_STATUS] == L.STATUS_DONE
    assert progress[("1-1", "甲局")][L.RCOL_SOURCE_FILE] == "new.xlsx"
    assert progress[("2-1", "乙局")][L.PCOL_STATUS] == L.STATUS_NOT_STARTED
    issues = _issues(tmp_path / "out.xlsx")
    dup = [i for i in issues if i[L.ICOL_KIND] == L.ISSUE_DUPLICATE_FILE]
    files = {(i[L.ICOL_FILE], i[L.ICOL_HANDLING]) for i in dup if i[L.ICOL_ROW] is None}
    assert files == {("new.xlsx", L.HANDLED_USED), ("old.xlsx", L.HANDLED_SKIPPED),
                     ("b2.xlsx", L.HANDLED_USED), ("b1.xlsx", L.HANDLED_SKIPPED)}
    # Every row of the older files is listed with its original values.
    old_rows = [i for i in dup if i[L.ICOL_FILE] == "old.xlsx" and i[L.ICOL_ROW]]
    assert len(old_rows) == 3 and all(L.STATUS_NOT_STARTED in i[L.ICOL_ORIGINAL] for i in old_rows)
    assert result.rows_reported == 7  # old.xlsx 3 rows, b1.xlsx 3 + its 按职能 row


def test_rows_added_unknown_unassigned_duplicate(master: Path, sent: dict[str, Path],
                                                 tmp_path: Path) -> None:
    def edit(ws, col) -> None:
        last = ws.max_row
        extra = [("", "本单位补充的工作", "已完成"), ("9-9", "不存在的要求", "推进中"),
                 ("2-1", "分给乙局的要求", "推进中"), ("1-2", "重复的一行", "已完成")]
        for k, (rid, text, status) in enumerate(extra, start=1):
            ws.cell(row=last + k, column=1, value=rid or None)
            ws.cell(row=last + k, column=col["具体要求"], value=text)
            ws.cell(row=last + k, column=col["状态"], value=status)

    folder = _returned(tmp_path)
    fill(sent["甲局"], folder / "a.xlsx", edit=edit)
    result = rollup(master, folder, tmp_path / "out.xlsx", as_of=AS_OF)
    _balanced(result)
    assert (result.rows_read, result.rows_used, result.rows_reported) == (7, 3, 4)
    kinds = {i[L.ICOL_KIND]: i for i in _issues(tmp_path / "out.xlsx")}
    for kind in (L.ISSUE_ADDED_ROW, L.ISSUE_UNKNOWN_ID, L.ISSUE_NOT_ASSIGNED, L.ISSUE_DUPLICATE_ROW):
        assert kinds[kind][L.ICOL_HANDLING] == L.HANDLED_SKIPPED
        assert kinds[kind][L.ICOL_ROW] > HEADER_ROW
    assert "本单位补充的工作" in kinds[L.ISSUE_ADDED_ROW][L.ICOL_ORIGINAL]
    assert kinds[L.ISSUE_UNKNOWN_ID][L.ICOL_REQ_ID] == "9-9"
    # The first 1-2 row is the one used.
    assert _progress(tmp_path / "out.xlsx")[("1-2", "甲局")][L.PCOL_STATUS] == L.STATUS_IN_PROGRESS


def test_locked_content_changed_still_takes_progress(master: Path, sent: dict[str, Path],
                                                     tmp_path: Path) -> None:
    def edit(ws, col) -> None:
        ws.cell(row=HEADER_ROW + 1, column=col["具体要求"], value="单位改写了要求")
        ws.cell(row=HEADER_ROW + 1, column=col["完成时限"], value="2019年9月底前")
        ws.cell(row=HEADER_ROW, column=len(col) + 1, value="备注")

    folder = _returned(tmp_path)
    fill(sent["甲局"], folder / "a.xlsx", edit=edit,
         answers={"1-1": {L.PCOL_STATUS: L.STATUS_DONE}})
    result = rollup(master, folder, tmp_path / "out.xlsx", as_of=AS_OF)
    _balanced(result)
    issues = _issues(tmp_path / "out.xlsx")
    changed = [i for i in issues if i[L.ICOL_KIND] == L.ISSUE_LOCKED_CHANGED]
    assert len(changed) == 1 and changed[0][L.ICOL_HANDLING] == L.HANDLED_USED
    assert "具体要求" in changed[0][L.ICOL_REASON] and "完成时限" in changed[0][L.ICOL_REASON]
    assert "单位改写了要求" in changed[0][L.ICOL_ORIGINAL]
    assert any(i[L.ICOL_KIND] == L.ISSUE_EXTRA_COLUMN for i in issues)
    assert _progress(tmp_path / "out.xlsx")[("1-1", "甲局")][L.PCOL_STATUS] == L.STATUS_DONE


def test_free_text_statuses_mapped_or_flagged(master: Path, sent: dict[str, Path],
                                             tmp_path: Path) -> None:
    folder = _returned(tmp_path)
    fill(sent["甲局"], folder / "a.xlsx", answers={"1-1": {L.PCOL_STATUS: "完成"},
                                                  "1-2": {L.PCOL_STATUS: "未完成"},
                                                  "3-2": {L.PCOL_STATUS: "进行中"}})
    result = rollup(master, folder, tmp_path / "out.xlsx", as_of=AS_OF)
    progress = _progress(tmp_path / "out.xlsx")
    assert progress[("1-1", "甲局")][L.PCOL_STATUS] == L.STATUS_DONE
    assert progress[("3-2", "甲局")][L.PCOL_STATUS] == L.STATUS_IN_PROGRESS
    assert progress[("1-2", "甲局")][L.PCOL_STATUS] == "未完成"  # kept as typed
    kinds = [(i[L.ICOL_REQ_ID], i[L.ICOL_KIND]) for i in _issues(tmp_path / "out.xlsx")]
    assert ("1-1", L.ISSUE_STATUS_MAPPED) in kinds and ("3-2", L.ISSUE_STATUS_MAPPED) in kinds
    assert ("1-2", L.ISSUE_STATUS_UNKNOWN) in kinds
    assert result.rows_used == 3


def test_xls_and_renamed_extension(master: Path, sent: dict[str, Path], tmp_path: Path) -> None:
    folder = _returned(tmp_path)
    filled = fill(sent["甲局"], tmp_path / "甲局反馈.xlsx", default_status=L.STATUS_DONE,
                  filled=dt.date(2019, 7, 1))
    xls = soffice_convert(filled, "xls", tmp_path / "xls")
    shutil.copy(xls, folder / "甲局反馈.xls")
    # An .xlsx saved with an .xls name is read by its content.
    fill(sent["乙局"], folder / "乙局.xls", filled=dt.date(2019, 7, 1))
    result = rollup(master, folder, tmp_path / "out.xlsx", as_of=AS_OF)
    _balanced(result)
    assert result.returned == ["甲局", "乙局"] and not result.issues
    progress = _progress(tmp_path / "out.xlsx")
    assert progress[("1-2", "甲局")][L.PCOL_STATUS] == L.STATUS_DONE
    assert progress[("1-2", "甲局")][L.RCOL_SOURCE_FILE] == "甲局反馈.xls"


def test_columns_moved_and_renamed(master: Path, sent: dict[str, Path], tmp_path: Path) -> None:
    def edit(ws, col) -> None:
        # The unit typed its own header words and swapped two columns.
        ws.cell(row=HEADER_ROW, column=col["进展情况"], value="工作进展")
        ws.cell(row=HEADER_ROW, column=col["下步计划"], value="下一步计划")
        for r in range(HEADER_ROW, ws.max_row + 1):
            a, b = ws.cell(row=r, column=col["存在问题"]), ws.cell(row=r, column=col["下步计划"])
            a.value, b.value = b.value, a.value

    folder = _returned(tmp_path)
    fill(sent["甲局"], folder / "a.xlsx", edit=edit, filled=dt.date(2019, 7, 1),
         answers={"1-1": {L.PCOL_ISSUES: "缺人手", L.PCOL_NEXT: "继续推进"}})
    result = rollup(master, folder, tmp_path / "out.xlsx", as_of=AS_OF)
    assert result.rows_used == 3 and not result.issues
    row = _progress(tmp_path / "out.xlsx")[("1-1", "甲局")]
    assert (row[L.PCOL_PROGRESS], row[L.PCOL_ISSUES], row[L.PCOL_NEXT]) == (
        "1-1 已按计划推进。", "缺人手", "继续推进")


def test_late_return_is_marked(master: Path, sent: dict[str, Path], tmp_path: Path) -> None:
    folder = _returned(tmp_path)
    fill(sent["甲局"], folder / "a.xlsx", filled=dt.date(2019, 7, 9))
    rollup(master, folder, tmp_path / "out.xlsx", as_of=AS_OF)
    assert _progress(tmp_path / "out.xlsx")[("1-1", "甲局")][L.RCOL_FEEDBACK] == L.FEEDBACK_LATE
    assert any(i[L.ICOL_KIND] == L.ISSUE_LATE for i in _issues(tmp_path / "out.xlsx"))


def test_missing_row_is_reported(master: Path, sent: dict[str, Path], tmp_path: Path) -> None:
    def edit(ws, col) -> None:
        ws.delete_rows(HEADER_ROW + 2)

    folder = _returned(tmp_path)
    fill(sent["甲局"], folder / "a.xlsx", edit=edit)
    result = rollup(master, folder, tmp_path / "out.xlsx", as_of=AS_OF)
    _balanced(result)
    assert _progress(tmp_path / "out.xlsx")[("1-2", "甲局")][L.RCOL_FEEDBACK] == L.FEEDBACK_ROW_MISSING
    assert any(i[L.ICOL_KIND] == L.ISSUE_ROW_MISSING and i[L.ICOL_REQ_ID] == "1-2"
               for i in _issues(tmp_path / "out.xlsx"))


def test_bad_files_are_reported_not_fatal(master: Path, sent: dict[str, Path], tmp_path: Path) -> None:
    folder = _returned(tmp_path)
    fill(sent["甲局"], folder / "a.xlsx")
    (folder / "broken.xlsx").write_bytes(b"PK\x03\x04 this is not really a zip")
    (folder / "empty.xlsx").write_bytes(b"")
    (folder / "notes.txt").write_text("回执", encoding="utf-8")
    (folder / "~$a.xlsx").write_bytes(b"\x05owner")
    # A workbook that is no progress file: its rows are listed, not dropped.
    other = openpyxl.Workbook()
    other.active.append(["姓名", "电话"])
    other.active.append(["张三", "123"])
    other.save(folder / "通讯录.xlsx")
    result = rollup(master, folder, tmp_path / "out.xlsx", as_of=AS_OF)
    _balanced(result)
    assert result.files_read == 6  # the lock file is met, recognised and listed
    kinds = {i[L.ICOL_FILE]: i[L.ICOL_KIND] for i in _issues(tmp_path / "out.xlsx")
             if i[L.ICOL_ROW] is None}
    assert kinds["broken.xlsx"] == L.ISSUE_UNREADABLE
    assert kinds["empty.xlsx"] == L.ISSUE_EMPTY
    assert kinds["notes.txt"] == L.ISSUE_OTHER_FILE
    assert kinds["通讯录.xlsx"] == L.ISSUE_NO_TABLE
    assert kinds["~$a.xlsx"] == L.ISSUE_LOCK_FILE  # by size and content, not the name alone
    assert result.rows_reported == 2 and result.rows_used == 3


def test_file_of_another_plan(master: Path, tmp_path: Path) -> None:
    other = small_plan()
    from dataclasses import replace

    from xltools.model import Goal, Requirement, Task
    other = replace(other, goals=(Goal("别的目标", (Task(1, "别的任务", (
        Requirement("1-1", "完全不同的要求"), Requirement("1-2", "另一条不同的要求"))),)),))
    other_wb = tmp_path / "other.xlsx"
    write_workbook(other, other_wb)
    files = split(other_wb, tmp_path / "other-sent").files
    folder = _returned(tmp_path)
    fill(files["甲局"], folder / "甲局.xlsx")
    result = rollup(master, folder, tmp_path / "out.xlsx", as_of=AS_OF)
    _balanced(result)
    assert result.returned == [] and result.rows_used == 0 and result.rows_reported == 2
    assert {i[L.ICOL_KIND] for i in _issues(tmp_path / "out.xlsx")} == {L.ISSUE_OTHER_PLAN}


def test_plan_edited_after_split_is_a_note(master: Path, sent: dict[str, Path], tmp_path: Path) -> None:
    folder = _returned(tmp_path)
    fill(sent["甲局"], folder / "a.xlsx")
    edited = tmp_path / "edited.xlsx"
    write_workbook(small_plan().with_info(title="改过标题的任务分工"), edited)
    result = rollup(edited, folder, tmp_path / "out.xlsx", as_of=AS_OF)
    assert result.rows_used == 3
    kinds = [i.kind for i in result.issues]
    assert L.ISSUE_PLAN_CHANGED in kinds and L.ISSUE_LOCKED_CHANGED not in kinds


def test_zip_bomb_and_oversized_files_are_refused(master: Path, sent: dict[str, Path],
                                                  tmp_path: Path, monkeypatch) -> None:
    import xltools.progress.returns as returns

    folder = _returned(tmp_path)
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/worksheets/sheet1.xml", b"\0" * (30 * 1024 * 1024))
    (folder / "bomb.xlsx").write_bytes(bomb.getvalue())
    fill(sent["甲局"], folder / "big.xlsx")
    monkeypatch.setattr(returns, "MAX_FILE_BYTES", (folder / "big.xlsx").stat().st_size - 1)
    result = rollup(master, folder, tmp_path / "out.xlsx", as_of=AS_OF)
    kinds = {i.file: i.kind for i in result.issues}
    assert kinds == {"bomb.xlsx": L.ISSUE_TOO_LARGE, "big.xlsx": L.ISSUE_TOO_LARGE}
    assert result.rows_read == 0


def test_formula_like_answers_stay_text(master: Path, sent: dict[str, Path], tmp_path: Path) -> None:
    folder = _returned(tmp_path)
    fill(sent["甲局"], folder / "a.xlsx", answers={
        "1-1": {L.PCOL_PROGRESS: '=HYPERLINK("http://x","点我")'},
        "1-2": {L.PCOL_PROGRESS: "+1 项", L.PCOL_ISSUES: "@SUM(A1)"},
        "3-2": {L.PCOL_PROGRESS: "-发布信息12条", L.PCOL_NEXT: "a<b & c>d"}})
    out = tmp_path / "out.xlsx"
    rollup(master, folder, out, as_of=AS_OF)
    wb = openpyxl.load_workbook(out)
    cells = [c for row in wb[L.SHEET_PROGRESS].iter_rows() for c in row
             if isinstance(c.value, str) and c.value[:1] in "=+-@"]
    values = {c.value for c in cells}
    assert {'=HYPERLINK("http://x","点我")', "+1 项", "@SUM(A1)", "-发布信息12条"} <= values
    assert all(c.data_type == "s" for c in cells)
    with zipfile.ZipFile(out) as zf:
        for name in zf.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in zf.read(name) and b"<f " not in zf.read(name)
    assert _progress(out)[("3-2", "甲局")][L.PCOL_NEXT] == "a<b & c>d"


def test_answers_are_trimmed_and_line_breaks_kept(master: Path, sent: dict[str, Path],
                                                  tmp_path: Path) -> None:
    folder = _returned(tmp_path)
    fill(sent["甲局"], folder / "a.xlsx", answers={
        "1-1": {L.PCOL_PROGRESS: "  第一行\r\n第二行  ", L.PCOL_STATUS: f" {L.STATUS_DONE} "},
        "1-2": {L.PCOL_ISSUES: "\u3000资金未到位\u3000"}})
    fill(sent["乙局"], folder / "b.xlsx", answers={"1-1": {L.PCOL_PROGRESS: "已完成培训。"}})
    out = tmp_path / "out.xlsx"
    result = rollup(master, folder, out, as_of=AS_OF)
    _balanced(result)
    progress = _progress(out)
    row = progress[("1-1", "甲局")]
    assert row[L.PCOL_PROGRESS] == "第一行\n第二行" and row[L.PCOL_STATUS] == L.STATUS_DONE
    assert progress[("1-2", "甲局")][L.PCOL_ISSUES] == "资金未到位"
    assert progress[("3-2", "甲局")][L.PCOL_PROGRESS] == "3-2 已按计划推进。"
    assert progress[("1-1", "乙局")][L.PCOL_PROGRESS] == "已完成培训。"
    # A status typed with spaces is the allowed value, not a free-text one.
    assert not [i for i in result.issues if i.kind == L.ISSUE_STATUS_MAPPED]


# ---------------------------------------------------- safety, repeatability
def _digest(folder: Path) -> dict[str, tuple[str, float]]:
    return {p.name: (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime)
            for p in folder.iterdir()}


def test_inputs_untouched_and_master_needs_force(master: Path, sent: dict[str, Path],
                                                 tmp_path: Path) -> None:
    folder = _returned(tmp_path)
    fill(sent["甲局"], folder / "a.xlsx")
    before, master_before = _digest(folder), master.read_bytes()
    rollup(master, folder, tmp_path / "out.xlsx", as_of=AS_OF)
    assert _digest(folder) == before and master.read_bytes() == master_before
    with pytest.raises(OutputError):
        rollup(master, folder, master, as_of=AS_OF)
    assert master.read_bytes() == master_before
    with pytest.raises(OutputError):
        rollup(master, folder, tmp_path / "out.xlsx", as_of=AS_OF)
    # Never into the master, even with force (also not through another spelling or a link).
    for target in (master, master.parent / "." / master.name):
        with pytest.raises(OutputError, match="输入"):
            rollup(master, folder, target, as_of=AS_OF, force=True)
    link = tmp_path / "link.xlsx"
    link.symlink_to(master)
    with pytest.raises(OutputError):
        rollup(link, folder, master, as_of=AS_OF, force=True)
    assert master.read_bytes() == master_before
    with pytest.raises(InputError):
        rollup(master, tmp_path / "nowhere", tmp_path / "x.xlsx")


def test_master_saved_as_xls_is_refused_with_a_message(master: Path, sent: dict[str, Path],
                                                       tmp_path: Path, capsys) -> None:
    # calamine reads a .xls master, but the roll-up writes a copy of the master's package.
    xls = soffice_convert(master, "xls", tmp_path / "xls")
    folder = _returned(tmp_path)
    fill(sent["甲局"], folder / "a.xlsx")
    assert main(["rollup", str(xls), str(folder), "-o", str(tmp_path / "out.xlsx")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Error: ") and "xls" in err and "另存为 .xlsx" in err
    assert not (tmp_path / "out.xlsx").exists()


def _all_values(path: Path) -> dict[str, list[list[object]]]:
    wb = openpyxl.load_workbook(path)
    return {ws.title: [list(r) for r in ws.iter_rows(values_only=True)] for ws in wb.worksheets}


def test_repeatable_and_history_per_round(master: Path, sent: dict[str, Path], tmp_path: Path) -> None:
    folder = _returned(tmp_path)
    fill(sent["甲局"], folder / "a.xlsx")
    out = tmp_path / "out.xlsx"
    rollup(master, folder, out, as_of=AS_OF)
    first = _all_values(out)
    rollup(master, folder, out, as_of=AS_OF, force=True)
    assert _all_values(out) == first
    history = table(out, L.SHEET_HISTORY)
    assert len(history) == 3 and {h[L.HCOL_ROUND] for h in history} == {"R1"}
    # An output written into the returns folder is not read as a return.
    rollup(master, folder, folder / "汇总.xlsx", as_of=AS_OF)
    rollup(master, folder, folder / "汇总.xlsx", as_of=AS_OF, force=True)
    assert _all_values(folder / "汇总.xlsx") == first
    (folder / "汇总.xlsx").unlink()
    # Re-running the round into the same OUT replaces that round …
    rollup(master, folder, out, as_of=AS_OF, force=True)
    assert len(table(out, L.SHEET_HISTORY)) == 3
    # … and another round is added next to it; a roll-up read as the master works too.
    fill(sent["乙局"], folder / "b.xlsx", filled=dt.date(2019, 7, 2))
    rollup(master, folder, out, round_label="R2", as_of="2019-10-10", force=True)
    again = tmp_path / "again.xlsx"
    rollup(out, folder, again, round_label="R2", as_of="2019-10-10")
    assert table(again, L.SHEET_HISTORY) == table(out, L.SHEET_HISTORY)
    with pytest.raises(OutputError):
        rollup(out, folder, out, round_label="R2", as_of="2019-10-10", force=True)
    history = table(out, L.SHEET_HISTORY)
    assert [h[L.HCOL_ROUND] for h in history] == ["R1"] * 3 + ["R2"] * 3
    r2 = {h[L.SCOL_UNIT]: h for h in history if h[L.HCOL_ROUND] == "R2"}
    assert r2["乙局"][L.RCOL_FEEDBACK] == L.FEEDBACK_RETURNED
    # The master's own sheets survive every run unchanged.
    assert _all_values(out)[L.SHEET_ASSIGNMENTS] == _all_values(master)[L.SHEET_ASSIGNMENTS]


def test_master_validations_and_names_survive(master: Path, sent: dict[str, Path],
                                              tmp_path: Path) -> None:
    folder = _returned(tmp_path)
    fill(sent["甲局"], folder / "a.xlsx")
    out = tmp_path / "out.xlsx"
    rollup(master, folder, out, as_of=AS_OF)
    before, after = openpyxl.load_workbook(master), openpyxl.load_workbook(out)
    assert L.UNIT_LIST_NAME in after.defined_names
    for name in (L.SHEET_ASSIGNMENTS, L.SHEET_UNITS):
        dv_before = [(d.type, d.formula1, str(d.sqref)) for d in before[name].data_validations.dataValidation]
        dv_after = [(d.type, d.formula1, str(d.sqref)) for d in after[name].data_validations.dataValidation]
        assert dv_after == dv_before
        assert after[name].print_title_rows == before[name].print_title_rows
    assert after[L.SHEET_PROGRESS].print_title_rows in ("1:1", "$1:$1")
    assert after[L.SHEET_ASSIGNMENTS].cell(row=2, column=1).font.b == before[
        L.SHEET_ASSIGNMENTS].cell(row=2, column=1).font.b


def test_master_saved_by_libreoffice_and_rerun_replaces_charts(master: Path, sent: dict[str, Path],
                                                               tmp_path: Path) -> None:
    """A master saved by another office suite (shared strings, its own styles and
    drawings) is copied as well; re-running leaves one set of charts."""
    folder = _returned(tmp_path)
    fill(sent["甲局"], folder / "a.xlsx")
    lo_master = soffice_convert(master, "xlsx:Calc MS Excel 2007 XML", tmp_path / "lo")
    out = tmp_path / "out.xlsx"
    first = tmp_path / "first.xlsx"
    rollup(lo_master, folder, first, as_of=AS_OF)
    rollup(first, folder, out, as_of=AS_OF)  # a roll-up as the master: its sheets replaced
    names = zipfile.ZipFile(out).namelist()
    assert len([n for n in names if n.startswith("xl/charts/")]) == 2
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames[0] == L.SHEET_SUMMARY
    assert wb.sheetnames[-4:] == [L.SHEET_ISSUES, L.SHEET_EXTENSIONS, L.SHEET_HISTORY,
                                  L.ROLLUP_INFO_SHEET]
    assert read_plan(out) == read_plan(lo_master)
    assert "测试任务分工进度汇总" in pdf_text(soffice_convert(out, "pdf", tmp_path / "pdf"))


def test_compute_and_write_into_open_workbook(master: Path, sent: dict[str, Path],
                                              tmp_path: Path) -> None:
    """The Excel add-in path: compute, then write the sheets into a loaded workbook."""
    folder = _returned(tmp_path)
    fill(sent["甲局"], folder / "a.xlsx")
    result = compute_rollup(read_plan(master), folder, as_of=AS_OF)
    wb = openpyxl.load_workbook(master)
    assert write_rollup(wb, result) == {}
    wb.save(tmp_path / "inplace.xlsx")
    rollup(master, folder, tmp_path / "file.xlsx", as_of=AS_OF)
    a, b = _all_values(tmp_path / "inplace.xlsx"), _all_values(tmp_path / "file.xlsx")
    for name in (L.SHEET_SUMMARY, L.SHEET_PROGRESS, L.SHEET_ISSUES, L.SHEET_HISTORY):
        assert a[name] == b[name], name
    # 汇总 is rendered straight into XML by the command, written as cells here: same look.
    assert _summary_look(tmp_path / "inplace.xlsx") == _summary_look(tmp_path / "file.xlsx")


def _summary_look(path: Path) -> dict[str, object]:
    ws = openpyxl.load_workbook(path)[L.SHEET_SUMMARY]
    cells = {}
    for row in ws.iter_rows():
        for c in row:
            look = (c.value, c.fill.fgColor.rgb if c.fill.fill_type else None, c.font.b,
                    c.font.sz, c.number_format, c.alignment.horizontal, c.alignment.vertical,
                    bool(c.alignment.wrap_text), c.border.left.style)
            if look != (None, None, False, 11.0, "General", None, None, False, None):
                cells[c.coordinate] = look
    assert len(cells) > 100
    return {"cells": cells, "merges": sorted(str(m) for m in ws.merged_cells.ranges),
            "heights": {r: d.height for r, d in ws.row_dimensions.items() if d.height},
            "widths": {k: d.width for k, d in ws.column_dimensions.items()},
            "freeze": ws.freeze_panes, "charts": len(ws._charts),
            "dimension": ws.calculate_dimension()}


def test_read_plan_fast_equals_read_plan(master: Path, taonan_workbook: Path) -> None:
    for path in (master, taonan_workbook):
        # 待核对 notes are not needed by the roll-up and not read.
        assert read_plan_fast(path.read_bytes()) == _without_notes(read_plan(path))


def _without_notes(plan):
    from dataclasses import replace

    return replace(plan, notes=())


def test_output_opens_in_libreoffice(master: Path, sent: dict[str, Path], tmp_path: Path) -> None:
    folder = _returned(tmp_path)
    fill(sent["甲局"], folder / "a.xlsx")
    out = tmp_path / "out.xlsx"
    rollup(master, folder, out, as_of=AS_OF)
    pdf = soffice_convert(out, "pdf", tmp_path / "pdf")
    text = pdf_text(pdf)
    assert "测试任务分工进度汇总" in text and "丙办" in text and L.FEEDBACK_MISSING in text
    # And LibreOffice reads it back as a workbook with the same sheets.
    xlsx = soffice_convert(out, "xlsx:Calc MS Excel 2007 XML", tmp_path / "lo")
    assert openpyxl.load_workbook(xlsx).sheetnames == openpyxl.load_workbook(out).sheetnames


def test_cli_rollup(master: Path, sent: dict[str, Path], tmp_path: Path,
                    capsys: pytest.CaptureFixture[str]) -> None:
    folder = _returned(tmp_path)
    fill(sent["甲局"], folder / "a.xlsx")
    out = tmp_path / "out.xlsx"
    assert main(["rollup", str(master), str(folder), "-o", str(out), "--as-of", AS_OF]) == 0
    printed = capsys.readouterr().out
    assert "3" in printed and "乙局" in printed  # who has not returned
    assert main(["rollup", str(master), str(folder), "-o", str(out)]) == 1
    assert "--force" in capsys.readouterr().err


# ----------------------------------------------------------- the example
def test_bundled_example_returns(tmp_path: Path) -> None:
    """examples/returned, through the demo step: split, the units' returns, roll-up."""
    from xltools.demo import SETTINGS, apply_settings
    from xltools.importing.importer import read_original
    from xltools.progress.rollup import demo_cycle

    plan = apply_settings(read_original(EXAMPLES / "taonan-2019.txt"),
                          json.loads(SETTINGS.read_text(encoding="utf-8")))
    wb = tmp_path / "wb.xlsx"
    write_workbook(plan, wb)
    before = _digest(EXAMPLES / "returned")
    lines = list(demo_cycle(wb, tmp_path, EXAMPLES / "returned"))
    assert len(lines) == 5 and "32" in lines[0]  # 33 units, not the issuing office
    with pytest.raises(OutputError):
        list(demo_cycle(wb, tmp_path, EXAMPLES / "returned"))
    assert len(list(demo_cycle(wb, tmp_path, EXAMPLES / "returned", force=True))) == 5
    assert (tmp_path / L.PROGRESS_DEMO_REPORT).is_file()
    # 24 units that owe requirement rows, and 市司法局, which left its 按职能 rows empty.
    assert len(list((tmp_path / L.PROGRESS_DEMO_REMIND_DIR).glob("*.docx"))) == 25
    assert len(list((tmp_path / L.PROGRESS_DEMO_SPLIT_DIR).glob("*.xlsx"))) == 32
    assert _digest(EXAMPLES / "returned") == before
    out = tmp_path / L.PROGRESS_DEMO_ROLLUP
    result = compute_rollup(read_plan_fast(wb.read_bytes()), tmp_path / L.PROGRESS_DEMO_RETURNED_DIR,
                            as_of="2019-04-20")
    _balanced(result)
    # 8 full returns, 2 blank, 1 half, the rest silent, rolled up ten days after the deadline.
    assert result.rows_read > 100 and len(result.returned) == 9 and len(result.missing) == 23
    blank = {"市民政局", "市卫健局"}
    assert set(result.blank_units) == blank and set(result.overdue_units) == set(result.missing)
    for unit in result.missing:  # silent or blank: 红, 逾期未报; never 绿
        assert result.unit_marks[unit][0] == L.MARK_RED
        assert result.unit_feedback[unit].startswith(L.FEEDBACK_OVERDUE)
    assert result.unit_feedback["市政务服务局"] == L.FEEDBACK_PARTIAL
    assert "市政务服务局" in result.returned and not blank & set(result.returned)
    assert "市政府办公室" not in result.units  # the 发文单位
    summary = result.sheets[L.SHEET_SUMMARY]
    assert "已反馈 9 个" in summary[1][0] and "逾期未报 23 个（其中空表 2 个）" in summary[1][0]
    units = result.layout["units"]
    marks = [r[units.mark_col - 1] for r in summary[units.first_row - 1:units.last_row]]
    assert marks == sorted(marks, key=[L.MARK_RED, L.MARK_YELLOW, L.MARK_GREEN].index)
    # The requirement nobody answered is never 绿.
    req = result.layout["requirements"]
    for r in summary[req.first_row - 1:req.last_row]:
        if r[4].startswith("0/"):
            assert r[req.mark_col - 1] != L.MARK_GREEN, r
    assert [s.unit for s in result.extensions] == ["市发改局"]
    kinds = {i.kind for i in result.issues}
    assert L.ISSUE_LOCK_FILE in kinds
    assert result.round_label == L.PROGRESS_DEMO_ROUND
    kinds = {i.kind for i in result.issues}
    assert {L.ISSUE_LATE, L.ISSUE_DUPLICATE_FILE, L.ISSUE_STATUS_MAPPED, L.ISSUE_STATUS_UNKNOWN,
            L.ISSUE_ADDED_ROW, L.ISSUE_LOCKED_CHANGED, L.ISSUE_OTHER_FILE} <= kinds
    assert L.ISSUE_PLAN_CHANGED not in kinds, "regenerate examples/returned (make_returned.py)"
    # The .xls return is read; units that did not return are listed on 进度 and 汇总.
    assert "市财政局" in result.returned
    rows = table(out, L.SHEET_PROGRESS)
    assert any(str(r[L.RCOL_SOURCE_FILE]).endswith(".xls") for r in rows)
    assert {r[L.RCOL_UNIT] for r in rows if r[L.RCOL_FEEDBACK] == L.FEEDBACK_MISSING} == set(
        result.missing) - blank


def test_summary_only_leaves_the_master_out(master: Path, sent: dict[str, Path], tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    folder = _returned(tmp_path)
    fill(sent["甲局"], folder / "a.xlsx")
    full, small = tmp_path / "full.xlsx", tmp_path / "small.xlsx"
    rollup(master, folder, full, as_of=AS_OF)
    assert main(["rollup", str(master), str(folder), "-o", str(small), "--as-of", AS_OF,
                 "--summary-only"]) == 0
    assert L.MSG_ROLLUP_SUMMARY_ONLY in capsys.readouterr().out
    wb = openpyxl.load_workbook(small)
    assert wb.sheetnames == [L.SHEET_SUMMARY, L.SHEET_BY_REQUIREMENT, L.SHEET_PROGRESS,
                             L.SHEET_ISSUES, L.SHEET_EXTENSIONS, L.SHEET_HISTORY,
                             L.ROLLUP_INFO_SHEET]
    assert small.stat().st_size < full.stat().st_size
    for name in (L.SHEET_SUMMARY, L.SHEET_PROGRESS):
        assert sheet_values(small, name) == sheet_values(full, name)
    # The 通报 and the 催办 work from it alone.
    assert main(["report", str(small), "-o", str(tmp_path / "r.docx")]) == 0
    assert main(["remind", str(small), "-o", str(tmp_path / "n"), "--deadline", "2019-07-20"]) == 0
