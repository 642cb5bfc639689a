"""`xltools split`: one protected progress file per unit, with an identity that
survives renaming, and the shared helpers (fingerprints, status mapping)."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest

from progress_fixtures import fill, small_plan
from xltools import labels as L
from xltools.cli import main
from xltools.errors import InputError, OutputError
from xltools.progress import (FILE_COLUMNS, FORMAT_ID, HEADER_ROW, LOCKED_COLUMNS, map_status,
                              plan_fingerprint, progress_file_name, row_fingerprint, split,
                              unit_rows)
from xltools.workbook.writer import write_workbook
from xltools.workbook.reader import read_plan


@pytest.fixture
def master(tmp_path: Path) -> Path:
    path = tmp_path / "master.xlsx"
    write_workbook(small_plan(), path)
    return path


def _identity(path: Path) -> tuple[dict[str, str], dict[str, str]]:
    wb = openpyxl.load_workbook(path)
    ws = wb[L.PROGRESS_ID_SHEET]
    keys: dict[str, str] = {}
    rows: dict[str, str] = {}
    in_rows = False
    for key, value, *_ in ws.iter_rows(values_only=True):
        if in_rows:
            rows[key] = value
        elif key == "rows":
            in_rows = True
        else:
            keys[key] = value
    return keys, rows


def test_split_writes_one_file_per_unit_without_generic(master: Path, tmp_path: Path) -> None:
    result = split(master, tmp_path / "out", round_label="2019年第二季度", deadline="2019-07-05",
                   now=dt.datetime(2019, 6, 20, 9, 0))
    assert sorted(result.files) == ["丙办", "乙局", "甲局"]  # not 各相关部门
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert names == sorted(progress_file_name(u) for u in ("甲局", "乙局", "丙办"))
    assert progress_file_name("甲局") == "进度反馈表-甲局.xlsx"
    # The count of files, not the example's 33 (the path is left out: it may hold any digits).
    summary = result.summary().replace(str(tmp_path), "")
    assert "33" not in summary and "3" in summary


def test_progress_file_layout_protection_and_validations(master: Path, tmp_path: Path) -> None:
    files = split(master, tmp_path / "out", round_label="R1", deadline=dt.date(2019, 7, 5)).files
    wb = openpyxl.load_workbook(files["甲局"])
    ws = wb[L.PROGRESS_SHEET]
    top = " ".join(str(c.value) for row in ws.iter_rows(max_row=4) for c in row if c.value)
    assert "测试任务分工" in top and "甲局" in top and "R1" in top and "2019年7月5日" in top
    assert "填好后请于2019年7月5日前报送" in top  # where to send it
    assert [c.value for c in ws[HEADER_ROW]] == list(FILE_COLUMNS)
    rows = [[c.value for c in r] for r in ws.iter_rows(min_row=HEADER_ROW + 1)]
    assert [r[0] for r in rows] == ["1-1", "1-2", "3-2"]
    assert rows[0][4] == "牵头" and rows[1][4] == "责任"
    assert rows[1][5] == "持续推进"
    # Locked task columns, unlocked fill-in columns, protection without password.
    assert ws.protection.sheet is True and not ws.protection.password
    for r in range(HEADER_ROW + 1, HEADER_ROW + 4):
        for c, name in enumerate(FILE_COLUMNS, start=1):
            assert ws.cell(row=r, column=c).protection.locked == (name in LOCKED_COLUMNS), (r, name)
    assert ws.cell(row=3, column=3).protection.locked is False  # 填报日期
    # Text starting with "-" stays text (no formula).
    cell = ws.cell(row=HEADER_ROW + 3, column=FILE_COLUMNS.index("具体要求") + 1)
    assert cell.data_type == "s" and cell.value.startswith("-")
    dvs = {dv.type: dv for dv in ws.data_validations.dataValidation}
    assert dvs["list"].formula1 == '"未启动,推进中,已完成,长期推进"'
    status_col = openpyxl.utils.get_column_letter(FILE_COLUMNS.index("状态") + 1)
    assert f"{status_col}{HEADER_ROW + 1}:{status_col}{HEADER_ROW + 3}" in str(dvs["list"].sqref)
    assert dvs["date"].operator == "greaterThan"
    # Selecting a 状态 or 完成时间 cell says what the words and the date mean.
    prompts = {str(dv.sqref).split(":")[0][:1]: dv for dv in ws.data_validations.dataValidation
               if dv.showInputMessage}
    assert "长期推进" in prompts[status_col].prompt and "未启动" in prompts[status_col].prompt
    done_col = openpyxl.utils.get_column_letter(FILE_COLUMNS.index("完成时间") + 1)
    assert "预计完成日期" in prompts[done_col].prompt
    # Plain .xlsx: no macros, no external links.
    names = zipfile.ZipFile(files["甲局"]).namelist()
    assert not any("vbaProject" in n or "externalLink" in n for n in names)
    # Grey task cells, yellow fill-in cells, each bordered; dates as dates.
    first = HEADER_ROW + 1
    for c, name in enumerate(FILE_COLUMNS, start=1):
        cell = ws.cell(row=first, column=c)
        assert cell.fill.fgColor.rgb == ("00EDEDED" if name in LOCKED_COLUMNS else "00FFF2CC"), name
        assert cell.border.left.style == "thin", name
    assert ws.cell(row=first, column=1).number_format == "@"
    # The table rows grow with the answer (a first height, no customHeight); their
    # text is UTF-8, not character references (a third of the size).
    xml = zipfile.ZipFile(files["甲局"]).read("xl/worksheets/sheet1.xml").decode("utf-8")
    body = re.search(rf'<row r="{first}"[^>]*>', xml).group()
    assert 'ht="' in body and "customHeight" not in body
    rows_xml = xml[xml.index(body):xml.index("</sheetData>")]
    assert "牵头" in rows_xml and "&#" not in rows_xml


def test_statuses_come_from_settings(tmp_path: Path) -> None:
    path = tmp_path / "wb.xlsx"
    write_workbook(small_plan(statuses=("未开始", "进行中", "已办结")), path)
    files = split(path, tmp_path / "out").files
    ws = openpyxl.load_workbook(files["乙局"])[L.PROGRESS_SHEET]
    lists = [dv for dv in ws.data_validations.dataValidation if dv.type == "list"]
    assert lists[0].formula1 == '"未开始,进行中,已办结"'


def test_identity_sheet_is_hidden_and_fingerprints_rows(master: Path, tmp_path: Path) -> None:
    files = split(master, tmp_path / "out", round_label="R1", deadline="2019-07-05",
                  now=dt.datetime(2019, 6, 20, 9, 0)).files
    wb = openpyxl.load_workbook(files["乙局"])
    assert wb[L.PROGRESS_ID_SHEET].sheet_state == "hidden"
    keys, rows = _identity(files["乙局"])
    plan = read_plan(master)
    assert keys["format"] == FORMAT_ID
    assert keys["plan"] == plan_fingerprint(plan)
    assert keys["unit"] == "乙局" and keys["round"] == "R1" and keys["deadline"] == "2019-07-05"
    assert keys["written"] == "2019-06-20T09:00:00"
    expected = {r.req_id: r.fingerprint for r in unit_rows(plan)["乙局"]}
    assert rows == expected
    # The fingerprint is that of the locked cells as written in the file.
    ws = wb[L.PROGRESS_SHEET]
    first = [c.value for c in ws[HEADER_ROW + 1]][:len(LOCKED_COLUMNS)]
    assert row_fingerprint(first) == rows[first[0]]


def test_plan_fingerprint_changes_with_content() -> None:
    plan = small_plan()
    assert plan_fingerprint(plan) == plan_fingerprint(small_plan())
    assert plan_fingerprint(plan) != plan_fingerprint(plan.with_info(title="另一份"))


def test_split_refuses_to_overwrite_without_force(master: Path, tmp_path: Path) -> None:
    split(master, tmp_path / "out")
    with pytest.raises(OutputError):
        split(master, tmp_path / "out")
    assert len(split(master, tmp_path / "out", force=True).files) == 3


def test_bad_deadline_is_a_clear_error(master: Path, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="2019-06-30"):
        split(master, tmp_path / "out", deadline="30/6/2019")


def test_previous_round_answers_are_prefilled(master: Path, tmp_path: Path) -> None:
    from xltools.progress.rollup import rollup

    files = split(master, tmp_path / "r1", round_label="R1").files
    fill(files["甲局"], answers={"1-1": {L.PCOL_STATUS: L.STATUS_DONE,
                                        L.PCOL_DONE_DATE: dt.date(2019, 6, 1)}})
    rollup(master, tmp_path / "r1", tmp_path / "after-r1.xlsx", as_of="2019-07-01")
    result = split(tmp_path / "after-r1.xlsx", tmp_path / "r2", round_label="R2")
    assert result.prefilled_rows == 3  # 甲局's three rows
    ws = openpyxl.load_workbook(result.files["甲局"])[L.PROGRESS_SHEET]
    row = [c.value for c in ws[HEADER_ROW + 1]]
    assert row[FILE_COLUMNS.index("状态")] == L.STATUS_DONE
    assert row[FILE_COLUMNS.index("完成时间")].date() == dt.date(2019, 6, 1)
    assert row[FILE_COLUMNS.index("进展情况")] == "1-1 已按计划推进。"
    other = openpyxl.load_workbook(result.files["乙局"])[L.PROGRESS_SHEET]
    assert other.cell(row=HEADER_ROW + 1, column=FILE_COLUMNS.index("状态") + 1).value is None


@pytest.mark.parametrize(("typed", "expected", "free"), [
    ("已完成", "已完成", False),
    (" 已完成 ", "已完成", False),  # surrounding spaces are not free text
    ("已 完成", "已完成", True),
    ("完成", "已完成", True),
    ("已办结", "已完成", True),
    ("正在推进中", "推进中", True),
    ("进行中", "推进中", True),
    ("尚未启动", "未启动", True),
    ("持续推进", "长期推进", True),
    ("未完成", None, True),          # not started or in progress? ambiguous
    ("完成了一半，还在推进", None, True),  # two statuses named
    ("很好", None, True),
])
def test_map_status(typed: str, expected: str | None, free: bool) -> None:
    assert map_status(typed, L.DEFAULT_STATUSES) == (expected, free)


def test_map_status_respects_configured_options() -> None:
    options = ("未开始", "进行中", "已办结")
    assert map_status("进行中", options) == ("进行中", False)
    # 完成 → 已完成, which is not an option here: not guessed.
    assert map_status("完成", options) == (None, True)


def test_unsafe_unit_names_give_safe_file_names(tmp_path: Path) -> None:
    from dataclasses import replace

    from xltools.model import Assignment, Role, Unit

    plan = small_plan()
    plan = replace(plan, assignments=plan.assignments + (Assignment("3-1", "CON", Role.ASSIST),
                                                          Assignment("3-1", "规划/建设:办", Role.ASSIST)),
                   units=plan.units + (Unit("CON"), Unit("规划/建设:办")))
    path = tmp_path / "wb.xlsx"
    write_workbook(plan, path)
    files = split(path, tmp_path / "out").files
    assert len(files) == 5
    for p in files.values():
        assert p.exists() and not any(ch in p.name for ch in '\\/:*?"<>|')
    assert files["CON"].stem.split("-", 1)[1] == "CON"  # only a bare CON is reserved


def test_cli_split(master: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["split", str(master), "-o", str(tmp_path / "out"), "--round", "R1",
                 "--deadline", "2019-07-05"]) == 0
    assert "3" in capsys.readouterr().out
    assert main(["split", str(master), "-o", str(tmp_path / "out")]) == 1
    assert "--force" in capsys.readouterr().err


def test_taonan_split_writes_33_files(taonan_workbook: Path, tmp_path: Path) -> None:
    result = split(taonan_workbook, tmp_path / "out", round_label="2019年第二季度")
    assert len(result.files) == 33
    assert L.GENERIC_UNIT not in result.files
    assert len(list((tmp_path / "out").glob("*.xlsx"))) == 33


def test_no_progress_sheet_for_the_issuing_office(tmp_path: Path) -> None:
    """The 发文单位 (by full name, by the short form on 任务分工) gets no progress sheet."""
    from dataclasses import replace

    from xltools.issuer import issuer_units, name_forms
    from xltools.model import Unit

    plan = small_plan()
    plan = replace(plan, units=(*plan.units[:2], Unit("丙办", aliases=("市人民政府丙办",)),
                                plan.units[3]))
    plan = plan.with_info(issuer="洮南市人民政府丙办")
    assert "市政府丙办" in name_forms("洮南市人民政府丙办")
    assert issuer_units(plan) == {"丙办"}  # through its alias 市人民政府丙办
    other = plan.with_info(issuer="白城市人民政府丙办")  # another city's office is not it
    assert issuer_units(replace(other, units=(Unit("丙办", aliases=("洮南市人民政府丙办",)),))) == frozenset()
    wb = tmp_path / "wb.xlsx"
    write_workbook(plan, wb)
    files = split(wb, tmp_path / "out").files
    assert set(files) == {"甲局", "乙局"}
    assert issuer_units(plan.with_info(issuer="")) == frozenset()
