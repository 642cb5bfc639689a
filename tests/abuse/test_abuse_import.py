"""Issue 18, item 6: nothing is cut or dropped silently on import — a formula
without a cached result is kept as its text with a note, a requirement longer
than a cell holds is kept whole (continued on a hidden sheet) and noted, a CSV
field over 128 KB is read, and a clean CSV/TSV gets no false "没有读入" notes."""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
import pytest
from hostile import ROOT, formula_without_value, run_cli

from xltools import labels as L
from xltools.progress.master import read_plan_fast
from xltools.workbook.reader import read_plan

XLSX = ROOT / "examples" / "taonan-2019.xlsx"


def _review(path: Path) -> list[tuple]:
    wb = openpyxl.load_workbook(path, read_only=True)
    rows = [tuple(r) for r in wb[L.SHEET_REVIEW].iter_rows(values_only=True)][1:]
    wb.close()
    return rows


def test_formula_without_cached_value_kept(tmp_path: Path) -> None:
    src = tmp_path / "f.xlsx"
    src.write_bytes(formula_without_value(XLSX.read_bytes()))
    out = tmp_path / "wb.xlsx"
    info, stdout, err = run_cli(["import", str(src), "-o", str(out)], tmp_path)
    assert info["status"] == 0, err
    assert "63 条要求" in stdout  # none dropped
    notes = [r for r in _review(out) if r[1] == L.REVIEW_FORMULA]
    assert len(notes) == 1 and "D5" in notes[0][3]
    texts = [req.text for _, _, req in read_plan(out).iter_requirements()]
    assert any(t.startswith('="文件公布时"') for t in texts)


def _table_rows() -> list[list[str]]:
    ws = openpyxl.load_workbook(XLSX).worksheets[0]
    return [["" if v is None else str(v) for v in r] for r in ws.iter_rows(values_only=True)]


@pytest.mark.parametrize("delimiter,suffix", [(",", ".csv"), ("\t", ".tsv")])
def test_clean_delimited_has_no_false_lost_lines(tmp_path: Path, delimiter: str, suffix: str) -> None:
    rows = _table_rows()
    for r in rows[2:]:  # cells written over several lines, as Excel saves them
        r[3] = r[3].replace("，", "，\n", 1)
        r[4] = r[4].replace("、", "、\n", 1)
    src = tmp_path / ("t" + suffix)
    with src.open("w", newline="", encoding="utf-8") as fh:
        csv.writer(fh, delimiter=delimiter).writerows(rows)
    out = tmp_path / "wb.xlsx"
    info, stdout, err = run_cli(["import", str(src), "-o", str(out)], tmp_path)
    assert info["status"] == 0 and "63 条要求" in stdout, err
    assert not [r for r in _review(out) if r[3] == L.NOTE_LOST_LINE]


def test_long_requirement_kept_whole(tmp_path: Path) -> None:
    import random

    rng = random.Random(18)  # varied text (a repeated phrase would compress like a bomb)
    words = "加强政务公开工作推进决策执行管理服务结果公开做好政策解读回应社会关切"
    long = "".join(rng.choice(words) for _ in range(179_999)) + "。"  # a field over 128 KB
    src = tmp_path / "long.csv"
    with src.open("w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows([["目标", "序号", "任务", "有关要求", "责任单位", "完成时限"],
                                  ["加强解读", "1", "做好解读", long, "市政府办", "年底前"],
                                  ["加强解读", "2", "回应关切", "短要求。", "市财政局", "年底前"]])
    out = tmp_path / "wb.xlsx"
    info, _, err = run_cli(["import", str(src), "-o", str(out)], tmp_path)
    assert info["status"] == 0 and "Traceback" not in err, err
    for plan in (read_plan(out), read_plan_fast(out.read_bytes())):
        texts = [req.text for _, _, req in plan.iter_requirements()]
        assert texts == [long, "短要求。"]
    notes = [r for r in _review(out) if r[1] == L.REVIEW_LONG_TEXT]
    assert len(notes) == 1 and "180,000" in notes[0][3]
    wb = openpyxl.load_workbook(out)  # every cell within Excel's limit
    for ws in wb.worksheets:
        for row in ws.iter_rows(values_only=True):
            assert all(len(str(v)) <= 32_767 for v in row if v is not None)
    info, _, err = run_cli(["check", str(out)], tmp_path)
    assert info["status"] == 0, err
