"""Benchmark: `xltools import` against the floor and the obvious alternative.

Two inputs, each timed in one run:

* the example (examples/taonan-2019.txt, 63 requirements);
* a province-size table made by tests/layouts.py: 5,000 requirements, 200
  units, three units each (≈ 15,000 rows on 任务分工), as tab-separated
  text with merged cells left empty (``--layout`` picks another text layout).

For each:

* floor — decode the bytes, split lines and cells, and write the same rows
  (one per requirement × unit, the columns of 任务分工) with openpyxl's
  write-only mode: what any import has to do at least;
* alternative (tab layout only) — pandas.read_csv + to_excel: the script
  one would write by hand, without merges, units or checks;
* xltools import — read_source, build_plan and write_workbook (reported
  separately as well).

Each is run ``--repeat`` times, interleaved, the best time kept. Prints the
ratios (target: import ≤ 3× the floor) and, with ``--profile``, where the
time of the province-size import goes (cProfile, top entries by own time
and by cumulative time).
Usage: ``.venv/bin/python benchmarks/import.py [--reqs 5000] [--units 200]
[--repeat 3] [--profile] [--layout tab]``.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import layouts as lay  # noqa: E402
from openpyxl import Workbook  # noqa: E402

from xltools.importing.builder import build_plan  # noqa: E402
from xltools.importing.readers import read_source  # noqa: E402
from xltools.workbook.writer import write_workbook  # noqa: E402

EXAMPLE = ROOT / "examples" / "taonan-2019.txt"
_PLACES = ("城关", "东城", "西城", "南山", "北湖", "青山", "石桥", "河口", "新华", "长安")
_BODIES = ("发展改革局", "教育局", "科技局", "工业和信息化局", "公安局", "民政局", "司法局", "财政局",
           "人力资源和社会保障局", "自然资源局", "生态环境局", "住房和城乡建设局", "交通运输局", "水利局",
           "农业农村局", "商务局", "文化和旅游局", "卫生健康局", "应急管理局", "审计局")


def province_spec(n_reqs: int, n_units: int, seed: int = 1) -> lay.Spec:
    """``n_reqs`` requirements in goals of 10 tasks of 10 requirements; every
    requirement led by one unit with two assisting (three rows each)."""
    rnd = random.Random(seed)
    units = [f"{p}区{b}" for p in _PLACES for b in _BODIES][:n_units]
    while len(units) < n_units:
        units.append(f"第{len(units)}协作单位")
    goals, k = [], 0
    while k < n_reqs:
        tasks = []
        for t in range(10):
            reqs = []
            for _ in range(10):
                if k >= n_reqs:
                    break
                k += 1
                a, b, c = rnd.sample(units, 3)
                text = (f"第{k}项：{rnd.choice(lay._CLAUSE_A)}{rnd.choice(lay._CLAUSE_B)}，"
                        f"{rnd.choice(lay._CLAUSE_A)}{rnd.choice(lay._CLAUSE_B)}，{rnd.choice(lay._CLAUSE_C)}。")
                reqs.append(lay.Req(text, lead=(a,), assist=(b, c), deadline=rnd.choice(lay.DEADLINES[:3])))
            if reqs:
                tasks.append(lay.Task(f"{rnd.choice(lay._TASK_VERBS)}{rnd.choice(lay._TASK_OBJECTS)}（{k}）",
                                      tuple(reqs)))
        goals.append(lay.Goal(f"{rnd.choice(lay._GOALS)}（第{len(goals) + 1}部分）", tuple(tasks)))
    return lay.Spec("某省2024年重点工作任务分工方案", tuple(goals))


def floor(data: bytes, rows: list[tuple], out: Path) -> int:
    """Decode and split the text, write ``rows`` with openpyxl write-only."""
    text = data.decode("utf-8")
    cells = [line.split("\t") if "\t" in line else line.split(" ") for line in text.splitlines()]
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("任务分工")
    ws.append(["目标", "任务序号", "任务", "要求序号", "具体要求", "责任单位", "角色", "完成时限"])
    for row in rows:
        ws.append(row)
    wb.save(out)
    return len(cells)


def alternative(data: bytes, out: Path) -> int:
    import pandas as pd

    df = pd.read_csv(io.BytesIO(data), sep="\t", skiprows=2, dtype=str)
    df.to_excel(out, index=False, engine="openpyxl")
    return len(df)


def plan_rows(plan) -> list[tuple]:  # type: ignore[no-untyped-def]
    """The rows of 任务分工: one per requirement × unit."""
    rows = []
    for goal, task, req in plan.iter_requirements():
        for a in plan.assignments_for(req.id) or ():
            rows.append((goal.name, task.number, task.name, req.id, req.text, a.unit,
                         a.role.value if a.role else "", req.deadline.display))
    return rows


def import_steps(data: bytes, name: str, out: Path) -> tuple[dict[str, float], object]:
    t0 = time.perf_counter()
    events, meta = read_source(data, name)
    t1 = time.perf_counter()
    plan = build_plan(events, meta)
    t2 = time.perf_counter()
    write_workbook(plan, out, force=True)
    t3 = time.perf_counter()
    return {"read": t1 - t0, "build": t2 - t1, "write": t3 - t2, "total": t3 - t0}, plan


def bench(label: str, data: bytes, name: str, repeat: int, with_alternative: bool, tmp: Path) -> float:
    _, plan = import_steps(data, name, tmp / "warm.xlsx")
    rows = plan_rows(plan)
    best: dict[str, float] = {}
    for i in range(repeat):
        t = time.perf_counter()
        floor(data, rows, tmp / f"floor{i}.xlsx")
        best["floor"] = min(best.get("floor", 1e9), time.perf_counter() - t)
        steps, plan = import_steps(data, name, tmp / f"ours{i}.xlsx")
        for k, v in steps.items():
            best[k] = min(best.get(k, 1e9), v)
        if with_alternative:
            t = time.perf_counter()
            alternative(data, tmp / f"alt{i}.xlsx")
            best["alt"] = min(best.get("alt", 1e9), time.perf_counter() - t)
    print(f"\n== {label}: {len(plan.requirements)} requirements, {len(rows)} rows, "
          f"{len(plan.units)} units, {len(data) / 1e6:.1f} MB")
    print(f"floor (split text + openpyxl write-only): {best['floor']:7.2f} s")
    if "alt" in best:
        print(f"alternative (pandas read_csv + to_excel): {best['alt']:7.2f} s")
    print(f"xltools import:                           {best['total']:7.2f} s  "
          f"(read {best['read']:.2f} + build {best['build']:.2f} + write {best['write']:.2f})")
    print(f"import / floor = {best['total'] / best['floor']:5.1f}×  (target ≤ 3)")
    if "alt" in best:
        print(f"import / alternative = {best['total'] / best['alt']:5.1f}×")
    return best["total"] / best["floor"]


def profile(data: bytes, name: str, tmp: Path, top: int) -> None:
    prof = cProfile.Profile()
    prof.enable()
    import_steps(data, name, tmp / "profiled.xlsx")
    prof.disable()
    for key in ("tottime", "cumulative"):
        buf = io.StringIO()
        stats = pstats.Stats(prof, stream=buf).strip_dirs().sort_stats(key)
        stats.print_stats(top)
        lines = buf.getvalue().splitlines()
        start = next(i for i, ln in enumerate(lines) if ln.lstrip().startswith("ncalls"))
        print(f"\n-- cProfile, top {top} by {key}")
        print("\n".join(lines[start:start + top + 1]))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reqs", type=int, default=5000)
    ap.add_argument("--units", type=int, default=200)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--layout", default="tab", choices=[x.name for x in lay.LAYOUTS if x.name not in
                                                        ("docx", "xlsx", "html")])
    ap.add_argument("--profile", action="store_true", help="print where the province-size import spends its time")
    ap.add_argument("--top", type=int, default=25)
    args = ap.parse_args()
    spec = province_spec(args.reqs, args.units)
    data, name = lay.LAYOUT_BY_NAME[args.layout].render(spec)
    problem = lay.check(spec, lay.LAYOUT_BY_NAME[args.layout])
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        bench("example", EXAMPLE.read_bytes(), EXAMPLE.name, args.repeat * 3, False, base)
        bench(f"province ({args.layout})", data, name, args.repeat, args.layout == "tab", base)
        if problem:
            print(f"note: the province table does not read back exactly: {problem}")
        if args.profile:
            profile(data, name, base, args.top)


if __name__ == "__main__":
    main()
