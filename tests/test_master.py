"""master.py: the fast plan reader's clean-text shortcut, and the package merge
putting the 汇总 first / leaving the master out."""

from __future__ import annotations

import io

import openpyxl
from hypothesis import given, settings
from hypothesis import strategies as st

from xltools.progress.master import is_clean, merge_sheets
from xltools.text import clean_text

ALPHABET = "政务公开推进（）()，,：:；; \u3000\n\t\r\u00a0\u200bＡ１ａabc12。、《》“”-"


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=14) | st.text(max_size=10))
def test_a_clean_text_is_what_clean_text_returns(text):
    if is_clean(text):
        assert clean_text(text) == text


def _book(*names: str) -> bytes:
    wb = openpyxl.Workbook()
    wb.active.title = names[0]
    for name in names[1:]:
        wb.create_sheet(name)
    for ws in wb.worksheets:
        ws["A1"] = ws.title
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def test_first_sheet_and_summary_only():
    master = _book("说明", "任务分工")
    wb = openpyxl.Workbook()
    wb.active.title = "汇总"
    wb.create_sheet("进度")
    wb["进度"].print_title_rows = "1:1"  # a sheet-local defined name follows its sheet
    buf = io.BytesIO()
    wb.save(buf)
    merged = openpyxl.load_workbook(io.BytesIO(merge_sheets(master, buf.getvalue(), active="汇总",
                                                            first="汇总")))
    assert merged.sheetnames == ["汇总", "说明", "任务分工", "进度"]
    assert merged.active.title == "汇总" and merged["任务分工"]["A1"].value == "任务分工"
    assert merged["进度"].print_title_rows in ("1:1", "$1:$1")
    alone = openpyxl.load_workbook(io.BytesIO(merge_sheets(master, buf.getvalue(), active="汇总",
                                                           first="汇总", keep_master=False)))
    assert alone.sheetnames == ["汇总", "进度"]


def test_rows_and_merges_are_placed_where_the_schema_wants_them():
    from xltools.progress.master import append_rows

    rows = '<row r="2"><c r="A2" s="1"/></row>'
    plain = '<worksheet><dimension ref="A1"/><sheetData/><pageMargins/></worksheet>'
    out = append_rows(plain, rows, ("A2:C2",))
    assert out == ('<worksheet><dimension ref="A1:A2"/><sheetData>' + rows + '</sheetData>'
                   '<mergeCells count="1"><mergeCell ref="A2:C2"/></mergeCells><pageMargins/></worksheet>')
    # After sheetProtection and autoFilter (with its sortState), before what follows them.
    guarded = ('<worksheet><sheetData><row r="1"/></sheetData><sheetProtection sheet="1"/>'
               '<autoFilter ref="A1:C2"><sortState ref="A2:C2"/></autoFilter>'
               '<mergeCells count="1"><mergeCell ref="A1:C1"/></mergeCells><drawing/></worksheet>')
    out = append_rows(guarded, rows, ("A2:C2",))
    assert '<mergeCells count="2"><mergeCell ref="A1:C1"/><mergeCell ref="A2:C2"/></mergeCells>' in out
    no_merges = guarded.replace('<mergeCells count="1"><mergeCell ref="A1:C1"/></mergeCells>', "")
    out = append_rows(no_merges, rows, ("A2:C2",))
    assert out.index("</autoFilter>") < out.index("<mergeCells") < out.index("<drawing/>")
    from lxml import etree

    etree.fromstring(out.encode())  # well-formed
