"""sharedstrings.compact: openpyxl's inline texts moved into one shared string
table; every reader (openpyxl, python-calamine) sees the same values."""

from __future__ import annotations

import io
import zipfile

import openpyxl
import python_calamine

from xltools.io.sharedstrings import PART, compact


def _book() -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "任务分工"
    rows = [["要求编号", "具体要求", "单位", "说明"]]
    for i in range(1, 4):
        for unit in ("市政务服务局", "市司法局"):
            rows.append([f"1-{i}", f"第{i}项要求：推进政务公开 & <标准化>", unit, i * 1.5])
    rows.append(["2-1", "  前后有空格  ", "=SUM(A1)", None])
    for r in rows:
        ws.append(r)
    ws["C8"].data_type = "s"  # text starting with "=" stays text
    wb.create_sheet("单位").append(["单位名称", "市政务服务局"])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _values(data: bytes) -> dict[str, list[list[object]]]:
    wb = openpyxl.load_workbook(io.BytesIO(data))
    return {ws.title: [list(r) for r in ws.iter_rows(values_only=True)] for ws in wb}


def test_values_are_unchanged_and_texts_stored_once() -> None:
    data = _book()
    packed = compact(data)
    assert _values(packed) == _values(data)
    with zipfile.ZipFile(io.BytesIO(packed)) as zf:
        sst = zf.read(PART).decode()
        sheet = zf.read("xl/worksheets/sheet1.xml").decode()
        assert PART in [i.filename for i in zf.infolist()]
        assert "sharedStrings" in zf.read("[Content_Types].xml").decode()
        assert "sharedStrings.xml" in zf.read("xl/_rels/workbook.xml.rels").decode()
    assert "inlineStr" not in sheet and 't="s"' in sheet
    # Each distinct text once (the requirement texts repeat for both units).
    assert sst.count("&amp; &lt;") == 3
    assert 'uniqueCount="' in sst and 'xml:space="preserve"' in sst
    book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(packed))
    rows = book.get_sheet_by_name("任务分工").to_python()
    assert rows[1][:3] == ["1-1", "第1项要求：推进政务公开 & <标准化>", "市政务服务局"]
    assert rows[7][:3] == ["2-1", "  前后有空格  ", "=SUM(A1)"]


def test_already_shared_or_no_text_is_left_alone() -> None:
    packed = compact(_book())
    assert compact(packed) == packed
    wb = openpyxl.Workbook()
    wb.active.append([1, 2.5])
    buf = io.BytesIO()
    wb.save(buf)
    assert compact(buf.getvalue()) == buf.getvalue()
