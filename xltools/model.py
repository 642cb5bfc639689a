"""Domain model: a plan (任务分工方案) of goals → tasks → requirements, the
assignments of requirements to units with roles, and the unit registry.

All types are frozen dataclasses; readers build them, writers consume them.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from xltools import labels

if TYPE_CHECKING:  # pandas is imported only by the to_frame methods
    import pandas


class Role(enum.Enum):
    """A unit's role on a requirement. Values are the Chinese words shown to users."""

    LEAD = labels.ROLE_LEAD
    RESPONSIBLE = labels.ROLE_RESPONSIBLE
    ASSIST = labels.ROLE_ASSIST

    @classmethod
    def parse(cls, text: object) -> Role | None:
        """The role named by ``text`` (牵头/责任/配合), or None."""
        s = str(text or "").strip()
        for role in cls:
            if s == role.value:
                return role
        return None

    @property
    def order(self) -> int:
        return _ROLE_ORDER[self]


_ROLE_ORDER = {Role.LEAD: 0, Role.RESPONSIBLE: 1, Role.ASSIST: 2}


@dataclass(frozen=True)
class Deadline:
    """A deadline as written (``text``) and, when the wording gives one, a date."""

    text: str = ""
    date: dt.date | None = None

    def __bool__(self) -> bool:
        return bool(self.text or self.date)

    @property
    def display(self) -> str:
        """What a person reads: the original words, else the ISO date."""
        if self.text:
            return self.text
        return self.date.isoformat() if self.date else ""

    def is_before(self, day: dt.date) -> bool:
        return self.date is not None and self.date < day


_REQ_ID_RE = re.compile(r"^(\d+)-(\d+)$")


def make_requirement_id(task_no: int, seq: int) -> str:
    return f"{task_no}-{seq}"


def split_requirement_id(req_id: str) -> tuple[int, int] | None:
    """``"3-12"`` → ``(3, 12)``; None when the id is not of that form."""
    m = _REQ_ID_RE.match(req_id.strip())
    return (int(m.group(1)), int(m.group(2))) if m else None


def requirement_sort_key(req_id: str) -> tuple[int, int, str]:
    parts = split_requirement_id(req_id)
    return (parts[0], parts[1], "") if parts else (10**9, 10**9, req_id)


@dataclass(frozen=True)
class Requirement:
    """One requirement (具体要求) of a task. ``id`` is ``任务序号-要求序号``."""

    id: str
    text: str
    deadline: Deadline = Deadline()
    units_text: str = ""  # the original 责任单位 wording
    remark: str = ""

    @property
    def task_no(self) -> int:
        parts = split_requirement_id(self.id)
        return parts[0] if parts else 0

    @property
    def seq(self) -> int:
        parts = split_requirement_id(self.id)
        return parts[1] if parts else 0


@dataclass(frozen=True)
class Task:
    number: int
    name: str
    requirements: tuple[Requirement, ...] = ()


@dataclass(frozen=True)
class Goal:
    name: str
    tasks: tuple[Task, ...] = ()


@dataclass(frozen=True)
class Assignment:
    """A unit's part in a requirement. ``unit`` is empty when none was found."""

    requirement_id: str
    unit: str
    role: Role | None
    remark: str = ""


@dataclass(frozen=True)
class Unit:
    """A body in the unit registry (单位 sheet)."""

    name: str
    kind: str = ""
    aliases: tuple[str, ...] = ()
    contact: str = ""
    phone: str = ""
    email: str = ""

    @property
    def is_generic(self) -> bool:
        return self.name == labels.GENERIC_UNIT


@dataclass(frozen=True)
class ReviewNote:
    """A judgement call made while importing (待核对 sheet)."""

    kind: str
    message: str
    requirement_id: str = ""
    line: int | None = None
    source: str = ""


@dataclass(frozen=True)
class PlanInfo:
    """The settings on the 说明 sheet."""

    title: str = ""
    year: int | None = None
    issuer: str = ""  # 发文单位
    doc_number: str = ""  # 发文字号
    feedback_deadline: dt.date | str | None = None  # 反馈截止日期
    contact: str = ""
    phone: str = ""
    statuses: tuple[str, ...] = ()  # 状态选项 (empty: the defaults)
    extra: tuple[tuple[str, str], ...] = ()  # other key/value rows kept as they are
    issue_date: dt.date | str | None = None  # 成文日期 (the letters' date)
    # 原表列: the original's columns in its order (labels.EXPORT_COL_*), filled at import.
    source_columns: tuple[str, ...] = ()


@dataclass(frozen=True)
class Plan:
    info: PlanInfo
    goals: tuple[Goal, ...]
    assignments: tuple[Assignment, ...]
    units: tuple[Unit, ...]
    notes: tuple[ReviewNote, ...] = field(default=())

    # ---- navigation helpers (derived, never stored)
    def shown_ids(self) -> dict[str, str]:
        """要求编号 as documents show it: the task's own number for the one
        requirement of a task (an item "4." of the original is 4, not 4-1); the
        id itself otherwise. Only ids that differ are listed."""
        out: dict[str, str] = {}
        for goal in self.goals:
            for task in goal.tasks:
                if len(task.requirements) == 1 and task.number:
                    req = task.requirements[0]
                    if split_requirement_id(req.id) == (task.number, 1):
                        out[req.id] = str(task.number)
        return out

    def iter_requirements(self) -> Iterator[tuple[Goal, Task, Requirement]]:
        for goal in self.goals:
            for task in goal.tasks:
                for req in task.requirements:
                    yield goal, task, req

    @property
    def tasks(self) -> tuple[Task, ...]:
        return tuple(t for g in self.goals for t in g.tasks)

    @property
    def requirements(self) -> tuple[Requirement, ...]:
        return tuple(r for _, _, r in self.iter_requirements())

    def requirement(self, req_id: str) -> Requirement:
        for _, _, req in self.iter_requirements():
            if req.id == req_id:
                return req
        raise KeyError(req_id)

    def context(self, req_id: str) -> tuple[Goal, Task, Requirement]:
        for goal, task, req in self.iter_requirements():
            if req.id == req_id:
                return goal, task, req
        raise KeyError(req_id)

    def assignments_for(self, req_id: str) -> tuple[Assignment, ...]:
        return tuple(a for a in self.assignments if a.requirement_id == req_id)

    def assignments_of(self, unit: str) -> tuple[Assignment, ...]:
        return tuple(a for a in self.assignments if a.unit == unit)

    def assigned_units(self) -> tuple[str, ...]:
        """Units named on 任务分工, in order of first appearance (no empties)."""
        seen: dict[str, None] = {}
        for a in self.assignments:
            if a.unit:
                seen.setdefault(a.unit, None)
        return tuple(seen)

    def unit(self, name: str) -> Unit | None:
        for u in self.units:
            if u.name == name:
                return u
        return None

    def with_info(self, **changes: object) -> Plan:
        return replace(self, info=replace(self.info, **changes))

    def to_frame(self) -> pandas.DataFrame:
        """The 任务分工 sheet as a pandas DataFrame: the workbook's column names
        (要求编号, 目标, …), one row per requirement × unit, blank cells as None."""
        import pandas as pd

        rows = [[None if v == "" else v for v in row] for row in assignment_rows(self)]
        return pd.DataFrame(rows, columns=list(labels.ASSIGNMENT_COLUMNS))


def sort_assignments(assignments: Iterable[Assignment]) -> list[Assignment]:
    """Requirement order, then role (牵头, 责任, 配合), keeping unit order within a role."""
    indexed = list(enumerate(assignments))
    indexed.sort(key=lambda p: (requirement_sort_key(p[1].requirement_id),
                                p[1].role.order if p[1].role else 9, p[0]))
    return [a for _, a in indexed]


def assignment_rows(plan: Plan) -> list[tuple[object, ...]]:
    """The 任务分工 rows (columns ``labels.ASSIGNMENT_COLUMNS``): one per requirement × unit
    (a requirement without units once)."""
    by_req: dict[str, list[Assignment]] = {}
    for a in sort_assignments(plan.assignments):
        by_req.setdefault(a.requirement_id, []).append(a)
    out = []
    for goal, task, req in plan.iter_requirements():
        # The wording as written (6月底前动工) when there is one; it reads back to the same date.
        deadline: object = req.deadline.text or req.deadline.date or None
        for a in by_req.get(req.id) or [None]:
            out.append((req.id, goal.name, task.number, task.name, req.text,
                        a.unit if a else "", a.role.value if a and a.role else "",
                        deadline, req.units_text, (a.remark if a else "") or req.remark))
    return out
