"""What the input guard costs: ``guard.check_package`` against reading the same
workbook (``master.read_plan_fast``, the roll-up's reader) and against the
floor (listing the zip directory), at the example's size and at province size
(5,000 requirements, 200 units, three units each); and how fast a 1 GB zip
bomb is refused (reading it is not attempted: it would take minutes and GBs).

    python benchmarks/guard.py
"""

from __future__ import annotations

import datetime as dt
import io
import sys
import tempfile
import time
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from xltools.errors import InputError  # noqa: E402
from xltools.io.guard import check_package  # noqa: E402
from xltools.progress.master import read_plan_fast  # noqa: E402
from xltools.model import (Assignment, Deadline, Goal, Plan, PlanInfo, Requirement, Role,  # noqa: E402
                           Task, Unit)
from xltools.workbook.writer import write_workbook  # noqa: E402


def make_plan(n_reqs: int, n_units: int, per_req: int = 3) -> Plan:
    units = tuple(Unit(name=f"测试单位{u:03d}") for u in range(n_units))
    goals, assignments, task_no, k = [], [], 0, 0
    for g in range(max(1, n_reqs // 25)):
        tasks = []
        for _ in range(5):
            task_no += 1
            reqs = tuple(Requirement(id=f"{task_no}-{i}", text=f"具体要求 {task_no}-{i}：" + "推进政务公开" * 6,
                                     deadline=Deadline("", dt.date(2019, 6, 30))) for i in range(1, 6))
            for r in reqs:
                for j in range(per_req):
                    assignments.append(Assignment(r.id, units[(k + j) % n_units].name,
                                                  Role.LEAD if j == 0 else Role.RESPONSIBLE))
                k += 1
            tasks.append(Task(task_no, f"任务{task_no}", reqs))
        goals.append(Goal(f"目标{g + 1}", tuple(tasks)))
    return Plan(info=PlanInfo(title="基准", year=2019), goals=tuple(goals),
                assignments=tuple(assignments), units=units)


def best(fn, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> None:
    for label, n_reqs, n_units in (("example size", 65, 34), ("province size", 5000, 200)):
        buf = io.BytesIO()
        write_workbook(make_plan(n_reqs, n_units), buf)
        data = buf.getvalue()
        floor = best(lambda: zipfile.ZipFile(io.BytesIO(data)).infolist())
        guard = best(lambda: check_package(data, "wb.xlsx"))
        read = best(lambda: read_plan_fast(data, "wb.xlsx"), 3)
        print(f"{label:14} {len(data) // 1024:6} KB: guard {guard * 1000:7.1f} ms = "
              f"{guard / read:5.1%} of reading ({read * 1000:.0f} ms), "
              f"{guard / floor:6.0f}× the zip directory alone ({floor * 1000:.2f} ms)")
    with tempfile.TemporaryDirectory() as tmp:
        bomb = Path(tmp) / "bomb.xlsx"
        with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
            with zf.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as fh:
                fh.write(b"<worksheet>")
                for _ in range(1024):
                    fh.write(b" " * (1 << 20))
                fh.write(b"</worksheet>")
        data = bomb.read_bytes()
        t = time.perf_counter()
        try:
            check_package(data, "bomb.xlsx")
        except InputError:
            pass
        print(f"1 GB bomb ({len(data) // 1024} KB) refused in {(time.perf_counter() - t) * 1000:.1f} ms")


if __name__ == "__main__":
    main()
