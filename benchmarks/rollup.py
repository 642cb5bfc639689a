"""Benchmark: `xltools rollup` against the straightforward pandas script and the floor.

For each size (default 500 and 5,000 requirements; 200 units, each
requirement given to 3 units: 1,500 and 15,000 rows) builds the master and
200 filled-in progress files, then times in one run:

* baseline — pandas.read_excel(engine="openpyxl") of every file + concat +
  to_excel (engine="openpyxl"): what one would write by hand, without any
  of the checks;
* read only — python-calamine reading every sheet of every file, nothing else
  (the floor);
* xltools rollup — the whole command (checks, 问题, summaries, charts, copy of
  the master).

Read only and rollup are run ``--repeat`` times, the baseline
``--baseline-repeat`` times, interleaved, and the best time of each is kept:
on a shared 2-core VM single-thread speed varies by more than the margins
measured here. Prints the ratios: target baseline / rollup ≥ 5 and
rollup / read-only ≤ 3, and how the time grows from one size to the next.
Usage: ``.venv/bin/python benchmarks/rollup.py [--sizes 500 5000] [--units 200]
[--per-requirement 3] [--repeat 5] [--baseline-repeat 2]``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pandas as pd  # noqa: E402
import python_calamine  # noqa: E402

from xltools import labels as L  # noqa: E402
from xltools.model import (Assignment, Deadline, Goal, Plan, PlanInfo, Requirement,  # noqa: E402
                           Role, Task, Unit)
from xltools.progress import (HEADER_ROW, Identity, build_progress_workbook,  # noqa: E402
                              plan_fingerprint, unit_rows)
from xltools.progress.rollup import rollup  # noqa: E402
from xltools.workbook.writer import write_workbook  # noqa: E402

STATUSES = L.DEFAULT_STATUSES


def make_plan(n_units: int, n_reqs: int, per_req: int = 3) -> Plan:
    """Goals of 5 tasks of 5 requirements; requirement k goes to ``per_req`` units
    (one lead, the others responsible), rotating through the units."""
    per_task = 5
    goals = []
    reqs_done = 0
    task_no = 0
    for g in range(max(1, -(-n_reqs // 25))):
        tasks = []
        while reqs_done < n_reqs and len(tasks) < 5:
            task_no += 1
            reqs = tuple(Requirement(id=f"{task_no}-{i}", text=f"具体要求 {task_no}-{i}：" + "推进政务公开" * 6,
                                     deadline=Deadline("", dt.date(2019, 3 + (task_no % 10), 28)))
                         for i in range(1, per_task + 1) if reqs_done + i <= n_reqs)
            reqs_done += len(reqs)
            tasks.append(Task(task_no, f"任务{task_no}", reqs))
        goals.append(Goal(f"目标{g + 1}", tuple(tasks)))
    units = tuple(Unit(name=f"测试单位{u:03d}") for u in range(n_units))
    assignments = []
    k = 0
    for goal in goals:
        for task in goal.tasks:
            for r in task.requirements:
                for j in range(min(per_req, n_units)):
                    assignments.append(Assignment(r.id, units[(k * per_req + j) % n_units].name,
                                                  Role.LEAD if j == 0 else Role.RESPONSIBLE))
                k += 1
    info = PlanInfo(title="基准测试任务分工", year=2019, feedback_deadline=dt.date(2019, 7, 5))
    return Plan(info=info, goals=tuple(goals), assignments=tuple(assignments), units=units)


def write_returns(plan: Plan, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    fp = plan_fingerprint(plan)
    for u, (unit, rows) in enumerate(unit_rows(plan).items()):
        answers = {(r.req_id, unit): {L.PCOL_STATUS: STATUSES[(u + i) % 4],
                                      L.PCOL_PROGRESS: f"第{i}项工作已按计划推进，完成阶段任务。",
                                      L.PCOL_NEXT: "继续推进"}
                   for i, r in enumerate(rows)}
        identity = Identity(plan=fp, unit=unit, round="R1", written="2019-07-01T09:00:00",
                            deadline=dt.date(2019, 7, 5), title=plan.info.title)
        wb, _ = build_progress_workbook(plan, unit, rows, identity, answers,
                                        filled_date=dt.date(2019, 7, 3))
        wb.save(folder / f"file{u:03d}.xlsx")


def baseline(folder: Path, out: Path) -> int:
    frames = []
    for path in sorted(folder.glob("*.xlsx")):
        df = pd.read_excel(path, sheet_name=L.PROGRESS_SHEET, header=HEADER_ROW - 1, engine="openpyxl")
        df["来源文件"] = path.name
        frames.append(df)
    all_rows = pd.concat(frames, ignore_index=True)
    all_rows.to_excel(out, index=False, engine="openpyxl")
    return len(all_rows)


def read_only(folder: Path) -> int:
    n = 0
    for path in sorted(folder.glob("*.xlsx")):
        wb = python_calamine.CalamineWorkbook.from_path(str(path))
        for name in wb.sheet_names:
            n += len(wb.get_sheet_by_name(name).to_python())
        wb.close()
    return n


def timed(fn, *args) -> tuple[float, object]:
    t = time.perf_counter()
    value = fn(*args)
    return time.perf_counter() - t, value


def run(size: int, args: argparse.Namespace, base: Path) -> tuple[float, int]:
    """Time one size; print the three times and the ratios; return (rollup time, rows)."""
    plan = make_plan(args.units, size, args.per_requirement)
    master = base / f"master-{size}.xlsx"
    write_workbook(plan, master)
    returned = base / f"returned-{size}"
    print(f"\n{size} requirements, {len(plan.assignments)} rows, {args.units} units: "
          f"building {args.units} files …", flush=True)
    write_returns(plan, returned)
    runs: dict[str, list[float]] = {"read": [], "base": [], "ours": []}
    for i in range(args.repeat):  # best of N for each, interleaved
        t, n_read = timed(read_only, returned)
        runs["read"].append(t)
        t, result = timed(lambda i=i: rollup(master, returned, base / f"out-{size}-{i}.xlsx",
                                             as_of="2019-07-10"))
        runs["ours"].append(t)
        if i < max(1, args.baseline_repeat):
            t, n_base = timed(baseline, returned, base / f"baseline-{size}-{i}.xlsx")
            runs["base"].append(t)
    t_read, t_base, t_ours = (min(runs[k]) for k in ("read", "base", "ours"))
    assert result.rows_used == len(plan.assignments), result.summary()
    print(f"read only (calamine):          {t_read:7.2f} s  ({n_read} rows incl. headers)")
    print(f"baseline (pandas+openpyxl):    {t_base:7.2f} s  ({n_base} rows)")
    print(f"xltools rollup:                {t_ours:7.2f} s  ({result.rows_used} rows used, "
          f"{result.rows_reported} reported)")
    print(f"baseline / rollup  = {t_base / t_ours:5.1f}×  (target ≥ 5)")
    print(f"rollup / read only = {t_ours / t_read:5.1f}×  (target ≤ 3)")
    return t_ours, len(plan.assignments)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[500, 5000], help="requirements")
    ap.add_argument("--units", type=int, default=200)
    ap.add_argument("--per-requirement", type=int, default=3, help="units per requirement")
    ap.add_argument("--repeat", type=int, default=5, help="best of N runs of read only and rollup")
    ap.add_argument("--baseline-repeat", type=int, default=2, help="best of N runs of the baseline")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        times = [run(size, args, Path(tmp)) for size in args.sizes]
    for (t0, n0), (t1, n1) in zip(times, times[1:]):
        print(f"\ngrowth {n0} → {n1} rows ({n1 / n0:.0f}× the rows): rollup {t1 / t0:.1f}× the time")


if __name__ == "__main__":
    main()
