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


def test_streamed_rows_refer_to_the_table_the_inline_texts_complete() -> None:
    """``append_rows_xml`` with a SharedIndex writes its texts as references;
    ``compact_package`` starts the table with them and adds the inline texts:
    the values read back are those of the inline way, each text stored once."""
    import datetime as dt

    from xltools.io.sharedstrings import SharedIndex, compact_package
    from xltools.io.ziputil import Package
    from xltools.workbook.writer import append_rows, append_rows_xml

    sheet = "xl/worksheets/sheet1.xml"
    rows = [["3-1", "  前后有空格  ", "市政务服务局", 2],
            ["3-1", "第1项要求：推进政务公开 & <标准化>", "=SUM(A1)", dt.date(2024, 6, 30)],
            ["3-2", "第1项要求：推进政务公开 & <标准化>", "市司法局", None]]
    heights = [None, 30.0, None]
    inline = compact(append_rows(_book(), sheet, rows, heights, first_row=9))
    package = Package(_book())
    shared = SharedIndex()
    package[sheet] = append_rows_xml(package[sheet].decode(), rows, heights, 9, shared).encode()
    packed = compact_package(package, shared)
    assert packed is not None and _values(packed) == _values(inline)
    with zipfile.ZipFile(io.BytesIO(packed)) as zf:
        sst = zf.read(PART).decode()
        cells = zf.read(sheet).decode().count('t="s"') + zf.read("xl/worksheets/sheet2.xml").decode().count('t="s"')
    assert f'count="{cells}" uniqueCount="{sst.count("<si>")}"' in sst
    with zipfile.ZipFile(io.BytesIO(inline)) as zf:
        inline_sst = zf.read(PART).decode()
    # As many texts as the inline way stores (openpyxl writes its own with character
    # references, so a text it wrote and a streamed one are two entries either way).
    assert sst.count("<si>") == inline_sst.count("<si>")
    assert sst.count("推进政务公开 &amp; &lt;") == 1
    rows_read = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(packed)) \
        .get_sheet_by_name("任务分工").to_python()
    assert rows_read[8][:4] == ["3-1", "  前后有空格  ", "市政务服务局", 2]
    assert rows_read[9][2:4] == ["=SUM(A1)", "2024-06-30"]
