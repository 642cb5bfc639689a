"""The source's numbering is kept (issue 19): an item numbered "4." in the
original — one requirement under its number — shows as 4 in the letters and on
the progress sheets, not 4-1, and a return typed that way is read back."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
import openpyxl

from xltools import labels as L
from xltools.importing.importer import read_original
from xltools.documents.letters import letters
from xltools.progress import HEADER_ROW, split
from xltools.progress.rollup import rollup
from xltools.workbook.writer import write_workbook

TABLE_16 = Path(__file__).parent / "fixtures" / "real" / "16_lishui-resp-line-first-is-lead.txt"


def _workbook(tmp_path: Path) -> Path:
    plan = read_original(TABLE_16).with_info(issuer="丽水市人民政府办公室",
                                             feedback_deadline=dt.date(2023, 8, 1))
    assert plan.shown_ids()["4-1"] == "4" and "10-1" not in plan.shown_ids()
    wb = tmp_path / "wb.xlsx"
    write_workbook(plan, wb)
    return wb


def test_letters_and_sheets_show_the_source_numbers(tmp_path: Path) -> None:
    wb = _workbook(tmp_path)
    made = letters(wb, tmp_path / "letters", date=dt.date(2023, 7, 11))
    letter = next(x for x in made.letters if x.unit == "市发改委")
    ids = [row.cells[0].text for t in docx.Document(letter.path).tables for row in t.rows[1:]]
    assert "4" in ids and "4-1" not in ids and "10-1" in ids  # 10 has two items: 10-1, 10-2
    files = split(wb, tmp_path / "split", round_label="R1").files
    ws = openpyxl.load_workbook(files["市发改委"])[L.PROGRESS_SHEET]
    sheet_ids = [r[0] for r in ws.iter_rows(min_row=HEADER_ROW + 1, values_only=True) if r[0]]
    assert sheet_ids[:2] == ["1", "4"] and "10-1" in sheet_ids


def test_returns_with_source_numbers_roll_up(tmp_path: Path) -> None:
    wb = _workbook(tmp_path)
    files = split(wb, tmp_path / "split", round_label="R1").files
    folder = tmp_path / "returned"
    folder.mkdir()
    for unit, path in files.items():
        book = openpyxl.load_workbook(path)
        ws = book[L.PROGRESS_SHEET]
        for r in range(HEADER_ROW + 1, ws.max_row + 1):
            value = ws.cell(row=r, column=1).value
            if value:
                if value.isdigit():  # Excel turns a typed 4 into a number
                    ws.cell(row=r, column=1).value = int(value)
                ws.cell(row=r, column=7).value = L.STATUS_IN_PROGRESS
        ws["C3"] = dt.date(2023, 7, 20)
        book.save(folder / path.name)
    result = rollup(wb, folder, tmp_path / "out.xlsx", as_of="2023-07-25")
    assert result.rows_read == result.rows_used and result.rows_reported == 0
    assert not [i for i in result.issues if i.kind in (L.ISSUE_UNKNOWN_ID, L.ISSUE_LOCKED_CHANGED)]
    assert all(s.status_key == L.STATUS_IN_PROGRESS for s in result.slots)


def test_remind_and_report_name_the_source_numbers(tmp_path: Path) -> None:
    from xltools.progress.readback import read_rollup
    from xltools.progress.remind import remind

    wb = _workbook(tmp_path)
    split(wb, tmp_path / "split", round_label="R1")
    folder = tmp_path / "returned"
    folder.mkdir()  # nobody answered
    out = tmp_path / "out.xlsx"
    result = rollup(wb, folder, out, as_of="2023-08-10")
    back, _, _ = read_rollup(out)
    assert back.shown("4-1") == "4" and back.shown("10-1") == "10-1"
    notices = remind(out, tmp_path / "催办", deadline="2023-08-20")
    d = docx.Document(notices.files["市发改委"])
    text = "".join(p.text for p in d.paragraphs) + "".join(
        c.text for t in d.tables for row in t.rows for c in row.cells)
    assert "10-1" in text and "4-1" not in text and "1-1" not in text
    assert result.shown_ids == back.shown_ids
