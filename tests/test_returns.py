"""Returned folders: every file and folder met is read or listed on 问题 with why."""

from __future__ import annotations

import os
from pathlib import Path

import openpyxl
import pytest

from progress_fixtures import fill, small_plan
from xltools import labels as L
from xltools.errors import InputError
from xltools.progress.returns import OLE_MAGIC, is_lock_file, read_folder, read_returned
from xltools.progress.rollup import rollup
from xltools.progress.split import split
from xltools.workbook.writer import write_workbook

AS_OF = "2019-07-10"


@pytest.fixture
def master(tmp_path: Path) -> Path:
    path = tmp_path / "master.xlsx"
    write_workbook(small_plan(), path)
    return path


@pytest.fixture
def sent(master: Path, tmp_path: Path) -> dict[str, Path]:
    return split(master, tmp_path / "sent", round_label="R1", deadline="2019-07-05").files


def _balanced(result) -> None:
    assert result.rows_read == result.rows_used + result.rows_reported


def test_hidden_names_and_real_returns_named_like_lock_files_are_read(master, sent, tmp_path):
    folder = tmp_path / "returned"
    fill(sent["甲局"], folder / ".进度反馈表-甲局.xlsx")
    fill(sent["乙局"], folder / "~$进度反馈表-乙局.xlsx")  # a real workbook, not a lock file
    (folder / "~$进度反馈表-丙办.xlsx").write_bytes(b"\x08zhangwei" + b" " * 45 + b"\x00" * 108)
    result = rollup(master, folder, tmp_path / "out.xlsx", as_of=AS_OF)
    _balanced(result)
    assert set(result.returned) == {"甲局", "乙局"}
    kinds = {(i.file, i.kind) for i in result.issues}
    assert (".进度反馈表-甲局.xlsx", L.ISSUE_HIDDEN_FILE) in kinds
    assert ("~$进度反馈表-丙办.xlsx", L.ISSUE_LOCK_FILE) in kinds


def test_lock_file_is_recognised_by_size_and_content() -> None:
    owner = b"\x08zhangwei" + b" " * 45 + b"\x00" * 108
    assert is_lock_file("~$a.xlsx", owner, len(owner))
    assert not is_lock_file("a.xlsx", owner, len(owner))  # the name alone is not enough …
    assert not is_lock_file("~$a.xlsx", b"PK\x03\x04" + owner, 166)  # … nor is it for a zip
    assert not is_lock_file("~$a.xlsx", owner, 40_000)


def test_encrypted_file_is_named_so(tmp_path: Path) -> None:
    path = tmp_path / "加密.xlsx"
    # An encrypted .xlsx is an OLE container with an EncryptionInfo stream.
    path.write_bytes(OLE_MAGIC + b"\x00" * 504 + "EncryptionInfo".encode("utf-16-le") + b"\x00" * 512)
    rf = read_returned(path)
    assert rf.error is not None and rf.error[1] == L.MSG_ISSUE_ENCRYPTED


def test_hidden_unit_that_contradicts_the_visible_one_is_reported(master, sent, tmp_path):
    folder = tmp_path / "returned"
    fill(sent["甲局"], folder / "a.xlsx")
    fill(sent["乙局"], folder / "b.xlsx", default_status=L.STATUS_DONE)
    wb = openpyxl.load_workbook(folder / "b.xlsx")
    ids = wb[L.PROGRESS_ID_SHEET]
    for row in ids.iter_rows():
        if row[0].value == "unit":
            row[1].value = "甲局"  # tampered: would displace 甲局's genuine return
    wb.save(folder / "b.xlsx")
    result = rollup(master, folder, tmp_path / "out.xlsx", as_of=AS_OF)
    _balanced(result)
    conflicts = [i for i in result.issues if i.kind == L.ISSUE_IDENTITY_CONFLICT]
    assert len(conflicts) == 1 and conflicts[0].file == "b.xlsx" and conflicts[0].unit == "乙局"
    assert set(result.returned) == {"甲局", "乙局"}
    assert not any(i.kind == L.ISSUE_DUPLICATE_FILE for i in result.issues)


def test_text_outside_the_table_is_listed(master, sent, tmp_path):
    folder = tmp_path / "returned"

    def scribble(ws, col) -> None:
        ws.cell(row=3, column=13, value="请领导审阅后再报")  # above the header
        ws.cell(row=7, column=len(col) + 2, value="另附说明见邮件")  # a column without a header

    fill(sent["甲局"], folder / "a.xlsx", edit=scribble)
    result = rollup(master, folder, tmp_path / "out.xlsx", as_of=AS_OF)
    _balanced(result)
    outside = [i for i in result.issues if i.kind == L.ISSUE_OUTSIDE_TABLE]
    assert {i.row for i in outside} == {3, 7}
    above = next(i for i in outside if i.row == 3)
    assert "请领导审阅后再报" in above.original and above.handling == L.HANDLED_SKIPPED
    beside = next(i for i in outside if i.row == 7)
    assert "另附说明见邮件" in beside.original
    # The title block a unit fills in (date, name, phone) is not 表外内容.
    assert result.rows_used == 3


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every folder")
def test_unreadable_folders(master, sent, tmp_path):
    folder = tmp_path / "returned"
    fill(sent["甲局"], folder / "a.xlsx")
    locked = folder / "乙局"
    fill(sent["乙局"], locked / "b.xlsx")
    locked.chmod(0)
    try:
        result = rollup(master, folder, tmp_path / "out.xlsx", as_of=AS_OF)
        assert any(i.kind == L.ISSUE_UNREADABLE_FOLDER and i.file.startswith("乙局")
                   for i in result.issues)
        folder.chmod(0)
        with pytest.raises(InputError):
            read_folder(folder)
    finally:
        folder.chmod(0o755)
        locked.chmod(0o755)
