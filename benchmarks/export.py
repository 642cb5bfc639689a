"""Benchmark: `xltools export` (.xlsx and .docx) against the floor and the obvious way.

For each size (default 500 and 5,000 requirements; 200 units, three units a
requirement, so 1,500 / 15,000 rows in the normalised workbook) a plan is
built and written as the normalised workbook, then timed in one run:

* floor — openpyxl write-only writing the same rows (the layout's cell texts,
  no styles, no merges): nothing can write an .xlsx of these rows faster
  with the project's libraries;
* obvious .xlsx — an ordinary openpyxl workbook, cell by cell with fonts,
  borders and wrapping, ``merge_cells`` for every merge (what export did
  before it streamed);
* obvious .docx — python-docx's cell API (``add_table``, ``cell.text``,
  ``cell.merge``) as its documentation shows; quadratic, so only run up to
  ``--docx-obvious-max`` requirements;
* xltools — ``export_plan`` to .xlsx and to .docx (layout, 责任单位 wording,
  merges, page setup, save), and ``export`` from the workbook file (reading
  it included).

Prints seconds and ratios to the floor. The target (issue 12): the xltools
writers within 3× of the floor at 5,000 requirements; exit 1 if not.
Usage: ``.venv/bin/python benchmarks/export.py [--sizes 500 5000]``.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from xltools.documents.export import export, export_plan, layout  # noqa: E402
from xltools.model import (Assignment, Goal, Plan, PlanInfo, Requirement, Role,  # noqa: E402
                           Task, Unit)
from xltools.workbook.writer import write_workbook  # noqa: E402

UNITS = 200
PER_TASK = 5
TASKS_PER_GOAL = 20
TARGET = 3.0


def make_plan(requirements: int) -> Plan:
    tasks, assignments = [], []
    for number in range(1, requirements // PER_TASK + 1):
        reqs = []
        for seq in range(1, PER_TASK + 1):
            rid = f"{number}-{seq}"
            reqs.append(Requirement(rid, f"第{number}项任务的第{seq}条要求：加强信息公开，完善工作机制，"
                                         "确保取得实效，按季度报送进展情况。"))
            for k in range(3):
                assignments.append(Assignment(rid, f"市第{(number * 3 + k) % UNITS}局",
                                              Role.LEAD if k == 0 else Role.ASSIST))
        tasks.append(Task(number, f"重点任务{number}", tuple(reqs)))
    goals = tuple(Goal(f"工作目标{g + 1}", tuple(tasks[g * TASKS_PER_GOAL:(g + 1) * TASKS_PER_GOAL]))
                  for g in range(-(-len(tasks) // TASKS_PER_GOAL)))
    return Plan(PlanInfo(title="基准测试任务分工"), goals, tuple(assignments),
                tuple(Unit(f"市第{i}局") for i in range(UNITS)))


def floor(plan: Plan, out: Path) -> None:
    from openpyxl import Workbook

    lay = layout(plan)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("x")
    ws.append(list(lay.header))
    for row in lay.rows:
        ws.append(list(row))
    wb.save(out)


def obvious_xlsx(plan: Plan, out: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side

    lay = layout(plan)
    wb = Workbook()
    ws = wb.active
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    for c, text in enumerate(lay.header, start=1):
        ws.cell(row=1, column=c, value=text).font = Font(bold=True)
    for r, row in enumerate(lay.rows, start=2):
        for c, text in enumerate(row, start=1):
            cell = ws.cell(row=r, column=c, value=text or None)
            cell.font = Font(name="仿宋")
            cell.alignment = Alignment(wrap_text=True, vertical="center")
            cell.border = border
    for r0, r1, c in lay.merges:
        ws.merge_cells(start_row=r0 + 2, start_column=c + 1, end_row=r1 + 2, end_column=c + 1)
    wb.save(out)


def obvious_docx(plan: Plan, out: Path) -> None:
    from docx import Document

    lay = layout(plan)
    doc = Document()
    doc.add_paragraph(lay.title)
    table = doc.add_table(rows=1 + len(lay.rows), cols=len(lay.header))
    table.style = "Table Grid"
    for c, text in enumerate(lay.header):
        table.cell(0, c).text = text
    for r, row in enumerate(lay.rows, start=1):
        cells = table.rows[r].cells
        for c, text in enumerate(row):
            cells[c].text = text
    for r0, r1, c in lay.merges:
        table.cell(r0 + 1, c).merge(table.cell(r1 + 1, c))
    doc.save(out)


def timed(fn, *args) -> float:  # type: ignore[no-untyped-def]
    t0 = time.perf_counter()
    fn(*args)
    return time.perf_counter() - t0


def run(requirements: int, docx_obvious_max: int) -> dict[str, float]:
    plan = make_plan(requirements)
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        write_workbook(plan, d / "wb.xlsx")
        times = {"floor": timed(floor, plan, d / "floor.xlsx"),
                 "obvious .xlsx": timed(obvious_xlsx, plan, d / "obvious.xlsx")}
        if requirements <= docx_obvious_max:
            times["obvious .docx"] = timed(obvious_docx, plan, d / "obvious.docx")
        times["xltools .xlsx"] = timed(export_plan, plan, d / "x.xlsx")
        times["xltools .docx"] = timed(export_plan, plan, d / "x.docx")
        times["export(workbook) .xlsx"] = timed(export, d / "wb.xlsx", d / "w.xlsx")
    return times


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[500, 5000])
    ap.add_argument("--docx-obvious-max", type=int, default=500)
    args = ap.parse_args()
    ok = True
    for size in args.sizes:
        times = run(size, args.docx_obvious_max)
        base = times["floor"]
        print(f"{size} requirements, {size * 3} rows, {UNITS} units:")
        for name, seconds in times.items():
            print(f"  {name:24s} {seconds:7.2f} s  {seconds / base:6.1f}x floor")
        if size == max(args.sizes):
            for name in ("xltools .xlsx", "xltools .docx"):
                if times[name] / base > TARGET:
                    ok = False
                    print(f"  {name} is more than {TARGET:g}x the floor")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
