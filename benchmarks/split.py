"""Benchmark: `xltools split` against the floor, openpyxl write-only.

For each size (default 500 and 5,000 requirements; 200 units, each
requirement given to 3 units: 1,500 and 15,000 rows) times in one run:

* floor — for every unit, a workbook written with openpyxl in write-only mode
  holding the same rows (the same 13 columns, no styles, no protection, no
  validation, no identity sheet);
* xltools split — the whole command (reading the master, styles, locked and
  unlocked cells, dropdowns, the hidden identity sheet, one file per unit).

Each is run ``--repeat`` times, interleaved, best time kept. Prints split /
floor (target ≤ 3) and how the time grows from one size to the next.
Usage: ``.venv/bin/python benchmarks/split.py [--sizes 500 5000] [--units 200] [--repeat 3]``.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import openpyxl  # noqa: E402

from rollup import make_plan  # noqa: E402
from xltools import labels as L  # noqa: E402
from xltools.progress import FILE_COLUMNS, split, unit_rows  # noqa: E402
from xltools.workbook.writer import write_workbook  # noqa: E402


def floor(plan, out: Path) -> int:
    """The same rows, one write-only workbook per unit."""
    out.mkdir(parents=True, exist_ok=True)
    n = 0
    for i, (unit, rows) in enumerate(unit_rows(plan).items()):
        wb = openpyxl.Workbook(write_only=True)
        ws = wb.create_sheet(L.PROGRESS_SHEET)
        ws.append(list(FILE_COLUMNS))
        for r in rows:
            ws.append([r.req_id, r.goal, r.task, r.requirement, r.role,
                       r.deadline.text or r.deadline.date] + [None] * (len(FILE_COLUMNS) - 6))
            n += 1
        wb.save(out / f"{i:03d}.xlsx")
    return n


def run(size: int, args: argparse.Namespace, base: Path) -> tuple[float, int]:
    plan = make_plan(args.units, size, args.per_requirement)
    master = base / f"master-{size}.xlsx"
    write_workbook(plan, master)
    print(f"\n{size} requirements, {len(plan.assignments)} rows, {args.units} units", flush=True)
    t_floor, t_split = [], []
    for i in range(args.repeat):
        for folder in (base / "floor", base / "split"):
            shutil.rmtree(folder, ignore_errors=True)
        t = time.perf_counter()
        rows = floor(plan, base / "floor")
        t_floor.append(time.perf_counter() - t)
        t = time.perf_counter()
        result = split(master, base / "split", round_label="R1")
        t_split.append(time.perf_counter() - t)
    assert len(result.files) == args.units and rows == len(plan.assignments)
    a, b = min(t_floor), min(t_split)
    print(f"floor (openpyxl write-only):   {a:7.2f} s  ({rows} rows, {args.units} files)")
    print(f"xltools split:                 {b:7.2f} s")
    print(f"split / floor = {b / a:5.1f}×  (target ≤ 3)")
    return b, len(plan.assignments)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[500, 5000], help="requirements")
    ap.add_argument("--units", type=int, default=200)
    ap.add_argument("--per-requirement", type=int, default=3, help="units per requirement")
    ap.add_argument("--repeat", type=int, default=3, help="best of N runs of each")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        times = [run(size, args, Path(tmp)) for size in args.sizes]
    for (t0, n0), (t1, n1) in zip(times, times[1:]):
        print(f"\ngrowth {n0} → {n1} rows ({n1 / n0:.0f}× the rows): split {t1 / t0:.1f}× the time")


if __name__ == "__main__":
    main()
