"""The escape hatch (issue 17): where the readers get a layout wrong, a person
tells the importer where the header is (``--header-line N``) and what the
columns are (``--columns 序号,任务,具体要求,责任单位,完成时限``), and the table
imports to rows with units.

Checked on every shared real document that has a header row, with the line
and the column names a person reads off the page (test data below: the
product has no rule for any file), and on every table layout of
tests/layouts.py: by default on a few plans, on all of them with
``pytest -m layout_matrix``.
"""

from __future__ import annotations

import functools
import json
import re

import pytest

import layouts as lay
from layout_failures import HATCH_FAILURES
from real_examples import REAL, _norm, expected_for, real_files
from xltools.importing.builder import build_plan
from xltools.importing.readers import read_source
from xltools.importing.readers.cleanup import is_traditional
from xltools.importing.readers.grid import split_number
from xltools.importing.readers.layout import Layout, parse_columns
from xltools.text import clean_text

# Each shared document with a header row: (the line its header starts on, the columns in
# order as a person names them with header words the readers know). Test data only.
HATCH = {
    "02": (1, "任务,具体要求,责任单位"),
    "15": (34, "序号,具体要求,责任单位,完成时限"),
    "17": (2, "任务,责任领导,牵头单位,完成时限"),
    "19": (3, "序号,重点工作,责任领导,责任科室,具体要求,备注,进展情况"),
    "26": (11, "序号,具体要求,牵头领导,牵头单位,责任单位,配合单位,备注,进展情况,备注,备注"),
    "27": (7, "具体要求,责任单位,进展情况"),
    "28": (26, "序号,类别,任务,具体要求,牵头单位,参与单位,责任单位"),
    "31": (3, "序号,牵头单位,备注,任务,具体要求,责任单位,进展情况,进展情况"),
    "32": (1, "序号,任务,责任单位,完成时限"),
    "33": (20, "序号,具体要求,责任单位,配合单位"),
    "40": (4, "序号,任务,具体要求,责任单位,备注"),
    "41": (14, "序号,任务,建设地点,建设时间,具体要求,投资金额,责任单位"),
}
# Hatches that do not rescue the document yet, with what goes wrong (xfail, strict).
HATCH_FAILS: dict[str, str] = {}


def _doc(prefix: str):
    return next(p for p in real_files() if p.name.startswith(prefix + "_"))


def test_every_document_with_a_header_row_has_its_hatch() -> None:
    """A shared document whose index entry names its columns (not written inline in prose) and
    whose annotation is a table has test data here."""
    index = json.loads((REAL / "index.json").read_text(encoding="utf-8"))
    tables = set()
    for entry in index:
        cols = entry.get("columns") or []
        # "(inline) 督查事项", "(一) 措施": labels inside prose items, no header row.
        if cols and not any(c.startswith("(") for c in cols):
            text = (REAL / entry["file"]).read_text(encoding="utf-8")
            # A header row: two of its column names on one line, or on consecutive cell lines.
            lines = [ln.strip(" |") for ln in text.split("\n")]
            first = re.sub(r"\s+", "", cols[0])
            if any(re.sub(r"\s+", "", ln).startswith(first) for ln in lines[:60]):
                tables.add(entry["file"].split("_")[0])
    assert len(tables) >= 10 and tables <= set(HATCH), sorted(tables ^ set(HATCH))


def _hatch_cases() -> list:
    cases = []
    for prefix in HATCH:
        for mode in ("line", "columns"):
            marks = [pytest.mark.xfail(strict=True, reason=HATCH_FAILS[prefix])] if prefix in HATCH_FAILS else []
            cases.append(pytest.param(prefix, mode, id=f"{prefix}-{mode}", marks=marks))
    return cases


@pytest.mark.parametrize(("prefix", "mode"), _hatch_cases())
def test_the_hatch_gives_rows_with_units(prefix: str, mode: str) -> None:
    path = _doc(prefix)
    line, names = HATCH[prefix]
    layout = Layout(header_line=line, columns=parse_columns(names) if mode == "columns" else ())
    plan = build_plan(*read_source(path.read_bytes(), path.name, layout=layout))
    simplify = is_traditional(path.read_text(encoding="utf-8"))
    rows = [(clean_text(r.text), {a.unit for a in plan.assignments_for(r.id) if a.unit})
            for r in plan.requirements]
    missing = []
    for item in expected_for(path)["items"]:
        start = _norm(item["requirement_starts_with"], simplify)
        # The importer keeps an item's number (1. （一）) out of its text.
        bare = split_number(start)[1]
        if not any((start in text or bare in text) and units for text, units in rows):
            missing.append(start)
    assert not missing, f"{len(missing)} annotated requirements without a row with units: {missing[:3]}"


def test_the_cli_takes_the_hatch(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from xltools.cli import main
    from xltools.workbook.reader import read_plan

    path = _doc("15")
    line, names = HATCH["15"]
    out = tmp_path / "out.xlsx"
    assert main(["import", str(path), "-o", str(out), "--header-line", str(line), "--columns", names]) == 0
    plan = read_plan(out)
    assert len(plan.requirements) == len(expected_for(path)["items"])
    assert all(plan.assignments_for(r.id) for r in plan.requirements)


# ---------------------------------------------------------------- generated layouts
_LIGHT = ("random-1", "real-17")
PLANS = lay.plan_specs()


@functools.cache
def _spec(pid: str) -> lay.Spec:
    return PLANS[pid]()


def _layout_cases() -> list:
    cases = []
    for layout in lay.LAYOUTS:
        if layout.columns is None:
            continue
        for pid in PLANS:
            for mode in lay.HATCH_MODES:
                key = f"{layout.name}/{pid}/{mode}"
                marks = [] if pid in _LIGHT else [pytest.mark.layout_matrix]
                if key in HATCH_FAILURES:
                    marks.append(pytest.mark.xfail(strict=True, reason=HATCH_FAILURES[key]))
                cases.append(pytest.param(layout.name, pid, mode, id=key, marks=marks))
    return cases


@pytest.mark.parametrize(("name", "pid", "mode"), _layout_cases())
def test_the_hatch_reads_each_layout(name: str, pid: str, mode: str) -> None:
    """Every requirement comes back with its text and its units by role when the columns
    (and, for a text, the header line: the first line after the title) are given."""
    problem = lay.check_hatch(_spec(pid), lay.LAYOUT_BY_NAME[name], mode)
    if problem is None:
        pytest.skip(f"{name}: no {mode} hatch for this plan")
    assert problem == ""


def test_known_hatch_failures_name_real_cases() -> None:
    cases = {f"{layout.name}/{pid}/{mode}" for layout in lay.LAYOUTS if layout.columns
             for pid in PLANS for mode in lay.HATCH_MODES}
    assert set(HATCH_FAILURES) <= cases
