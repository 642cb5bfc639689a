"""Benchmark: `xltools export` to Word against the obvious python-docx script.

Builds a plan of ``--goals`` × 10 tasks × 3 requirements, then times in one
run, on the same layout (`xltools.export.layout`):

* baseline — what the python-docx documentation shows: ``add_table`` with
  every row, ``cell.text = …`` for each cell, ``cell.merge`` for 目标 / 序号
  / 任务 over their rows, ``save``;
* xltools export — the whole library call (layout, units wording, the table
  written as one piece of WordprocessingML, fonts, repeated header, save).

Both tables are read back and compared (same cell texts, ignoring the blank
paragraphs python-docx's merge leaves behind, and same merges). Prints
the ratio baseline / xltools; target ≥ 10 (exit 1 if below).
Usage: ``.venv/bin/python benchmarks/export.py [--goals 10]``.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from xltools.export import export_plan, layout  # noqa: E402
from xltools.model import (Assignment, Goal, Plan, PlanInfo, Requirement, Role,  # noqa: E402
                           Task, Unit)
from xltools.readers.docx import W, table_grid  # noqa: E402

UNITS = ["市财政局", "市审计局", "市教育局", "市政务服务局", "市司法局"]


def make_plan(goals: int) -> Plan:
    out_goals, assignments = [], []
    number = 0
    for g in range(goals):
        tasks = []
        for _ in range(10):
            number += 1
            reqs = []
            for seq in range(1, 4):
                rid = f"{number}-{seq}"
                reqs.append(Requirement(rid, f"第{number}项任务的第{seq}条要求：加强信息公开，完善工作机制，确保取得实效。"))
                assignments.append(Assignment(rid, UNITS[number % 5], Role.LEAD))
                assignments.append(Assignment(rid, UNITS[(number + 1) % 5], Role.ASSIST))
            tasks.append(Task(number, f"重点任务{number}", tuple(reqs)))
        out_goals.append(Goal(f"工作目标{g + 1}", tuple(tasks)))
    return Plan(PlanInfo(title="基准测试任务分工"), tuple(out_goals), tuple(assignments),
                tuple(Unit(u) for u in UNITS))


def baseline(plan: Plan, out: Path) -> None:
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


def read_back(path: Path) -> list[list[tuple[str, bool]]]:
    from docx import Document

    tbl = Document(path).element.body.find(W + "tbl")
    return [[(c.text.strip() if not c.from_above else "", c.from_above) for c in row] for row in table_grid(tbl)]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--goals", type=int, default=10)
    args = ap.parse_args()
    plan = make_plan(args.goals)
    with tempfile.TemporaryDirectory() as tmp:
        a, b = Path(tmp) / "baseline.docx", Path(tmp) / "xltools.docx"
        t0 = time.perf_counter()
        baseline(plan, a)
        t1 = time.perf_counter()
        export_plan(plan, b)
        t2 = time.perf_counter()
        same = read_back(a) == read_back(b)
    base, ours = t1 - t0, t2 - t1
    ratio = base / ours
    print(f"{len(plan.requirements)} requirements: python-docx cell API {base:.2f} s, "
          f"xltools export {ours:.2f} s, ratio {ratio:.1f}x; same table: {same}")
    return 0 if same and ratio >= 10 else 1


if __name__ == "__main__":
    raise SystemExit(main())
