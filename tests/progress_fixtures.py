"""Shared helpers for tests of split / rollup: a small plan built from the model,
and filling a progress file the way a unit does in Excel."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import openpyxl

from xltools import labels as L
from xltools.model import (Assignment, Deadline, Goal, Plan, PlanInfo, Requirement, Role, Task,
                           Unit)
from xltools.progress import FILE_COLUMNS, HEADER_ROW


def small_plan(statuses: tuple[str, ...] = (), feedback: dt.date | None = dt.date(2019, 7, 5)) -> Plan:
    """2 goals, 3 tasks, 5 requirements; units 甲局, 乙局, 丙办 and 各相关部门."""
    r = Requirement
    goals = (
        Goal("加强政策解读", (
            Task(1, "做好政策解读", (
                r("1-1", "认真落实上级工作部署，全面公开、精准解读相关政策措施。",
                  Deadline("", dt.date(2019, 6, 30))),
                r("1-2", "政策文件与解读材料同步组织、同步审签、同步部署。", Deadline("持续推进")),
            )),
            Task(2, "回应社会关切", (
                r("2-1", "加强舆情监测、研判、回应。", Deadline("2019年7月15日前", dt.date(2019, 7, 15))),
            )),
        )),
        Goal("推进决策公开", (
            Task(3, "推进重大决策公开", (
                r("3-1", "推进重大决策预公开。", Deadline("", dt.date(2019, 12, 31))),
                r("3-2", "-开展决策执行效果评估（以减号开头的文字）", Deadline("年底前", dt.date(2019, 12, 31))),
            )),
        )),
    )
    a = Assignment
    assignments = (
        a("1-1", "甲局", Role.LEAD), a("1-1", "乙局", Role.ASSIST),
        a("1-2", "甲局", Role.RESPONSIBLE), a("1-2", "各相关部门", Role.RESPONSIBLE),
        a("2-1", "乙局", Role.LEAD), a("2-1", "丙办", Role.RESPONSIBLE),
        a("3-1", "丙办", Role.LEAD),
        a("3-2", "甲局", Role.LEAD), a("3-2", "乙局", Role.ASSIST),
    )
    units = (Unit("甲局", aliases=("甲",)), Unit("乙局"), Unit("丙办"), Unit("各相关部门"))
    info = PlanInfo(title="测试任务分工", year=2019, feedback_deadline=feedback, statuses=statuses)
    return Plan(info=info, goals=goals, assignments=assignments, units=units)


def fill(src: Path, dest: Path | None = None, *, answers: dict[str, dict[str, object]] | None = None,
         default_status: str | None = L.STATUS_IN_PROGRESS, filled: dt.date | None = None,
         mtime: dt.datetime | None = None, edit=None) -> Path:
    """Fill a progress file like a unit: every row gets ``default_status`` and a
    progress text unless ``answers`` (要求编号 → {column: value}) says otherwise."""
    dest = dest or src
    wb = openpyxl.load_workbook(src)
    ws = wb[L.PROGRESS_SHEET]
    col = {name: i + 1 for i, name in enumerate(FILE_COLUMNS)}
    if filled:
        ws.cell(row=3, column=3, value=filled)  # split.FILLED_DATE_CELL
    for r in range(HEADER_ROW + 1, ws.max_row + 1):
        req_id = ws.cell(row=r, column=1).value
        if not req_id:
            continue
        values = {L.PCOL_STATUS: default_status, L.PCOL_PROGRESS: f"{req_id} 已按计划推进。"}
        values.update((answers or {}).get(str(req_id), {}))
        for name, value in values.items():
            cell = ws.cell(row=r, column=col[name])
            cell.value = value
            if isinstance(value, str):
                cell.data_type = "s"
    if edit:
        edit(ws, col)
    dest.parent.mkdir(parents=True, exist_ok=True)
    wb.save(dest)
    if mtime:
        os.utime(dest, (mtime.timestamp(), mtime.timestamp()))
    return dest


def sheet_values(path: Path, sheet: str) -> list[list[object]]:
    wb = openpyxl.load_workbook(path, read_only=True)
    rows = [list(r) for r in wb[sheet].iter_rows(values_only=True)]
    wb.close()
    return rows


def table(path: Path, sheet: str) -> list[dict[str, object]]:
    """A header-first sheet as dicts."""
    rows = sheet_values(path, sheet)
    header = rows[0]
    return [dict(zip(header, r, strict=False)) for r in rows[1:] if any(v is not None for v in r)]
