"""Issue 18, item 1: returned files and workbooks are read within budgets. One
hostile return (a far-away cell, shared strings fanned out, a -1E12 date,
NaN) is one line on 问题 and the round goes on; the same cells in the
workbook itself are refused with a message by check, letters, export, split
and the roll-up's master read."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest
from hostile import (A_RETURN, RETURNED, ROOT, bad_date_return, fanout_return, far_cell_return,
                     largest_sheet, many_rows_return, non_finite_return, parts, replace_part,
                     run_cli, with_sheet)

from xltools import budget
from xltools import labels as L
from xltools.cli import main
from xltools.progress.returns import read_returned

TXT = ROOT / "examples" / "taonan-2019.txt"
HOSTILE = {
    "far.xlsx": far_cell_return,
    "fanout.xlsx": fanout_return,
    "date.xlsx": bad_date_return,
    "nan.xlsx": non_finite_return,
    "inf.xlsx": lambda d: non_finite_return(d, b"-inf", "J6"),
    "rows.xlsx": lambda d: many_rows_return(d, 30_000),
}


@pytest.fixture(scope="module")
def master(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("master")
    assert main(["import", str(TXT), "-o", str(folder / "wb.xlsx")]) == 0
    return folder / "wb.xlsx"


@pytest.fixture(scope="module")
def hostile_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("returned")
    for p in RETURNED.iterdir():
        shutil.copy2(p, folder / p.name)
    data = A_RETURN.read_bytes()
    for name, make in HOSTILE.items():
        (folder / ("z-" + name)).write_bytes(make(data))
    return folder


def _issues(path: Path) -> list[tuple]:
    wb = openpyxl.load_workbook(path, read_only=True)
    rows = [tuple(r) for r in wb[L.SHEET_ISSUES].iter_rows(values_only=True)]
    wb.close()
    return rows


def test_one_hostile_return_never_stops_the_round(master: Path, hostile_folder: Path,
                                                  tmp_path: Path) -> None:
    """Each hostile file becomes a line on 问题 within seconds and bounded memory;
    every other file is rolled up as without it; report and remind read the result."""
    clean = tmp_path / "clean"
    clean.mkdir()
    for p in RETURNED.iterdir():
        shutil.copy2(p, clean / p.name)
    info, out, err = run_cli(["rollup", str(master), str(clean), "-o", str(tmp_path / "a.xlsx"),
                              "--as-of", "2019-04-20"], tmp_path, child=True)
    assert info["status"] == 0, err
    baseline = out.splitlines()[0].split("；")[1].split("→")[0]
    info, out, err = run_cli(["rollup", str(master), str(hostile_folder), "-o",
                              str(tmp_path / "b.xlsx"), "--as-of", "2019-04-20"], tmp_path,
                             child=True, timeout=60)
    assert info["status"] == 0 and "Traceback" not in err, err
    assert info["seconds"] < 20 and info["peak_mb"] < 600, info
    assert out.splitlines()[0].split("；")[1].split("→")[0] == baseline  # the same units reported
    issues = _issues(tmp_path / "b.xlsx")
    text = "\n".join(" ".join(str(v) for v in r if v is not None) for r in issues)
    for name in HOSTILE:
        assert "z-" + name in text, name
    assert "XFD1048576" in text
    assert "-1E12" in text and "NaN" in text and "-inf" in text
    assert L.MSG_ISSUE_FANOUT.split("（")[0].split("”")[-1] in text
    # The roll-up holds no number a reader cannot read back (no <v>nan</v>).
    for name, xml in parts((tmp_path / "b.xlsx").read_bytes()).items():
        assert b"<v>nan" not in xml.lower() and b"<v>inf" not in xml.lower()
        assert b"<v>-inf" not in xml.lower(), name
    for args in (["report", str(tmp_path / "b.xlsx"), "-o", str(tmp_path / "r.docx")],
                 ["remind", str(tmp_path / "b.xlsx"), "-o", str(tmp_path / "remind"),
                  "--deadline", "2019-04-30"],
                 ["split", str(tmp_path / "b.xlsx"), "-o", str(tmp_path / "next")]):
        info, _, err = run_cli(args, tmp_path)
        assert info["status"] == 0, err


def test_rows_limit_follows_the_plan(tmp_path: Path) -> None:
    """A return may hold RETURN_ROW_FACTOR × the plan's rows, no more."""
    data = A_RETURN.read_bytes()
    path = tmp_path / "r.xlsx"
    path.write_bytes(many_rows_return(data, 3_000))
    assert read_returned(path).error is None  # default limits: 100,000 rows
    rf = read_returned(path, limits=budget.return_limits(200))
    assert rf.error is not None and "3,099" in rf.error[1] and "2,000" in rf.error[1]


def test_reader_panic_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A Rust panic in python-calamine (a BaseException) is the file's error: with
    the scan switched off, a -1E12 date cell reaches calamine and panics."""
    monkeypatch.setattr(budget, "_find_bad", lambda *a, **k: None)
    path = tmp_path / "panic.xlsx"
    path.write_bytes(bad_date_return(A_RETURN.read_bytes()))
    rf = read_returned(path)
    assert rf.error is not None and "out of bounds" in rf.error[1], rf.error
    assert not rf.rows


def test_out_of_range_numbers_are_text(tmp_path: Path) -> None:
    path = tmp_path / "r.xlsx"
    path.write_bytes(bad_date_return(A_RETURN.read_bytes(), b"-1E300"))
    rf = read_returned(path)
    assert rf.error is None and rf.notes and "-1E300" in rf.notes[0][1]
    assert any("-1E300" in str(v) for r in rf.rows for v in r.values.values())


ODD_CELLS = {  # values openpyxl raised on while reading (ValueError, IndexError)
    "iso-date": b'<c r="B900" t="d"><v>garbage</v></c>',
    "shared-index": b'<c r="B900" t="s"><v>99999</v></c>',
    "text-as-number": b'<c r="B900"><v>abc</v></c>',
}


def _hostile_workbook(master: Path, folder: Path, kind: str) -> Path:
    data = master.read_bytes()
    sheet = largest_sheet(data)
    if kind == "far":
        made = with_sheet(data, lambda x: x.replace(
            b"</sheetData>", b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>'),
            part=sheet)
    elif kind == "nan":
        made = with_sheet(data, lambda x: x.replace(
            b"</sheetData>", b'<row r="900"><c r="A900"><v>NaN</v></c></row></sheetData>'), part=sheet)
    elif kind == "fanout":
        sst = parts(data)["xl/sharedStrings.xml"]
        count = sst.count(b"<si>") + sst.count(b"<si/>")
        long_si = b"<si><t>" + b"x" * 200_000 + b"</t></si>"
        made = replace_part(data, "xl/sharedStrings.xml", sst.replace(b"</sst>", long_si + b"</sst>"))
        rows = b"".join(b'<row r="%d"><c r="Z%d" t="s"><v>%d</v></c></row>' % (r, r, count)
                        for r in range(1000, 4000))  # 3,000 cells × 200 KB
        made = with_sheet(made, lambda x: x.replace(b"</sheetData>", rows + b"</sheetData>"),
                          part=sheet)
    elif kind == "date":
        made = with_sheet(data, lambda x: x.replace(
            b"</sheetData>", b'<row r="900"><c r="A900"><v>-1E12</v></c></row></sheetData>'),
            part=sheet)
        styles = parts(made)["xl/styles.xml"]
        # Every style shows a date: the cell is read as one.
        made = replace_part(made, "xl/styles.xml", styles.replace(b'numFmtId="0"', b'numFmtId="14"'))
    elif kind in ODD_CELLS:
        made = with_sheet(data, lambda x: x.replace(
            b"</sheetData>", b'<row r="900">' + ODD_CELLS[kind] + b"</row></sheetData>"), part=sheet)
    else:
        raise AssertionError(kind)
    path = folder / f"{kind}.xlsx"
    path.write_bytes(made)
    return path


@pytest.mark.parametrize("kind", ["far", "nan", "date", "fanout", *ODD_CELLS])
def test_hostile_workbook_refused_everywhere(master: Path, tmp_path: Path, kind: str) -> None:
    wb = _hostile_workbook(master, tmp_path, kind)
    returned = tmp_path / "ret"
    returned.mkdir()
    for args in (["check", str(wb)],
                 ["letters", str(wb), "-o", str(tmp_path / "letters")],
                 ["export", str(wb), "-o", str(tmp_path / "e.xlsx")],
                 ["split", str(wb), "-o", str(tmp_path / "split")],
                 ["rollup", str(wb), str(returned), "-o", str(tmp_path / "r.xlsx")]):
        info, _, err = run_cli(args, tmp_path, child=True, timeout=60)
        assert info["status"] == 1 and err.startswith("Error: "), (args, err)
        assert "Traceback" not in err and ("单元格" in err or "重复引用" in err), err
        assert info["seconds"] < 15 and info["peak_mb"] < 500, (args, info)


def test_scan_counts_extent_and_fanout() -> None:
    data = fanout_return(A_RETURN.read_bytes(), string_bytes=1000, rows=10, cols=5)
    scans = {s.name: s for s in budget.scan_workbook(data)}
    s = scans["进度反馈"]
    assert s.rows == 109 and s.cols == budget.column_number("S")
    assert 50 * 1000 <= s.fanout < 50 * 1100
    # <dimension> of the sample as saved: the title block and header, 27 rows (its
    # requirements and its 按职能 rows), up to the 备注 column the unit added
    assert s.declared == (32, 14)


def test_issues_collapse_per_file_and_kind(master: Path, tmp_path: Path) -> None:
    """1,500 pasted rows are 20 lines and one count on 问题, and still reported."""
    from xltools.progress.rollup import rollup

    folder = tmp_path / "ret"
    folder.mkdir()
    (folder / "big.xlsx").write_bytes(many_rows_return(A_RETURN.read_bytes(), 1_500))
    result = rollup(master, folder, tmp_path / "r.xlsx", as_of="2019-04-20")
    assert result.rows_reported >= 1_500
    issues = _issues(tmp_path / "r.xlsx")
    assert len(issues) < 60, len(issues)
    collapsed = [r for r in issues if L.ISSUE_COLLAPSED in r]
    assert collapsed and any("1,480" in str(v) for v in collapsed[0]), collapsed
    info, _, err = run_cli(["report", str(tmp_path / "r.xlsx"), "-o", str(tmp_path / "r.docx")],
                           tmp_path)
    assert info["status"] == 0, err


def test_cells_within_excel_limits() -> None:
    from xltools.workbook.writer import cell_rest

    long = "字" * (budget.EXCEL_MAX_CELL_CHARS + 10)
    cut = budget.excel_value(long)
    assert isinstance(cut, str) and len(cut) == budget.EXCEL_MAX_CELL_CHARS
    assert cut.endswith(L.CELL_CUT_MARK)
    assert "<v>" not in cell_rest("", float("nan")) and "nan" in cell_rest("", float("nan"))


@pytest.mark.parametrize("value", [float("nan"), float("inf"), 2.33657941302785e-216, -1.5])
def test_odd_number_as_requirement_id(value: float) -> None:
    """Found by the fuzzing suite: a 要求编号 cell holding such a number ended the
    roll-up in ValueError; it names no requirement."""
    from xltools.workbook.reader import normalise_requirement_id

    assert normalise_requirement_id(value) == (None, None)
    assert normalise_requirement_id(1.2) == ("1-2", "number")
