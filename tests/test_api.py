"""The scripting API (docs/api.md): xltools.read_plan / read_original /
import_original / rollup, Plan.to_frame() and RollupResult.to_frame(), and
pandas loaded only by to_frame."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

import xltools
from conftest import EXAMPLES, ROOT, TAONAN
from example_rollup import example_rollup
from xltools import labels as L
from xltools.progress.results import FRAME_SHEETS


def _cells(frame) -> list[list[object]]:
    """The frame's values with pandas' missing values as None."""
    return [[None if _missing(v) else v for v in row] for row in frame.astype(object).values.tolist()]


def _missing(v: object) -> bool:
    return v is None or (isinstance(v, float) and v != v)


def _sheet(path: Path, name: str) -> tuple[list[object], list[list[object]]]:
    ws = openpyxl.load_workbook(path)[name]
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    header, body = rows[0], [r for r in rows[1:] if any(v is not None for v in r)]
    return header, body


def _same(a: object, b: object) -> bool:
    """A frame cell and a workbook cell hold the same value (a date cell reads back as a datetime)."""
    import datetime as dt

    if isinstance(b, dt.datetime) and not isinstance(a, dt.datetime) and isinstance(a, dt.date):
        b = b.date()
    if isinstance(a, (int, float)) and isinstance(b, str):
        return str(a) == b
    if isinstance(b, (int, float)) and isinstance(a, str):
        return a == str(b)
    return a == b


def test_plan_to_frame_is_the_assignments_sheet(tmp_path: Path) -> None:
    out = tmp_path / "wb.xlsx"
    result = xltools.import_original(TAONAN, out)
    plan = xltools.read_plan(out)
    frame = plan.to_frame()
    header, body = _sheet(out, L.SHEET_ASSIGNMENTS)
    assert list(frame.columns) == list(L.ASSIGNMENT_COLUMNS) == header
    assert len(frame) == len(body) == len(plan.assignments) + sum(
        1 for r in plan.requirements if not plan.assignments_for(r.id))
    for got, want in zip(_cells(frame), body):
        assert all(_same(a, b) for a, b in zip(got, want)), (got, want)
    # the plan the import returned is the one read back
    assert _cells(result.plan.to_frame()) == _cells(frame)


def test_read_original_writes_nothing(tmp_path: Path) -> None:
    before = sorted(tmp_path.iterdir())
    plan = xltools.read_original(TAONAN)
    assert sorted(tmp_path.iterdir()) == before
    assert len(plan.requirements) > 50
    frame = plan.to_frame()
    assert set(frame[L.COL_REQ_ID]) == {r.id for r in plan.requirements}


@pytest.fixture(scope="module")
def rolled(tmp_path_factory):
    return example_rollup(tmp_path_factory.mktemp("api"))


@pytest.mark.parametrize("sheet", FRAME_SHEETS)
def test_rollup_to_frame_is_the_sheet(rolled, sheet: str) -> None:
    path, result = rolled
    frame = result.to_frame() if sheet == L.SHEET_PROGRESS else result.to_frame(sheet)
    header, body = _sheet(path, sheet)
    assert list(frame.columns) == header
    assert len(frame) == len(body)
    for got, want in zip(_cells(frame), body):
        assert all(_same(a, b) for a, b in zip(got, want)), (sheet, got, want)


def test_rollup_to_frame_refuses_the_summary_page(rolled) -> None:
    _path, result = rolled
    with pytest.raises(ValueError, match=L.SHEET_SUMMARY):
        result.to_frame(L.SHEET_SUMMARY)


def test_the_cli_and_the_buttons_do_not_import_pandas() -> None:
    code = ("import sys, xltools, xltools.cli, xltools.excel.entry, xltools.wps.service; "
            "print(sorted(m for m in sys.modules if m == 'pandas' or m.startswith('pandas.')))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert proc.stdout.strip() == "[]"


def test_to_frame_is_where_pandas_comes_in() -> None:
    code = ("import sys, xltools; plan = xltools.read_original(sys.argv[1]); "
            "assert 'pandas' not in sys.modules; plan.to_frame(); print('pandas' in sys.modules)")
    proc = subprocess.run([sys.executable, "-c", code, str(TAONAN)], capture_output=True, text=True,
                          check=True)
    assert proc.stdout.strip() == "True"


def test_the_example_in_docs_api_runs(tmp_path: Path, monkeypatch, capsys) -> None:
    text = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    block = re.search(r"```python\n(.*?)```", text, re.S)
    assert block, "docs/api.md has no python example"
    (tmp_path / "examples").symlink_to(EXAMPLES, target_is_directory=True)
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, object] = {"__name__": "__docs__"}
    exec(compile(block.group(1), "docs/api.md", "exec"), namespace)
    tasks, progress, plan = namespace["tasks"], namespace["progress"], namespace["plan"]
    assert list(tasks.columns) == list(L.ASSIGNMENT_COLUMNS)
    assert len(tasks) >= len(plan.requirements)
    header, body = _sheet(tmp_path / "out" / "进度汇总.xlsx", L.SHEET_PROGRESS)
    assert list(progress.columns) == header and len(progress) == len(body)
    assert namespace["per_state"].sum() == len(body)
    printed = capsys.readouterr().out
    assert f"{len(plan.requirements)} requirements for {len(plan.units)} units" in printed
