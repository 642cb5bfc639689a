"""Who reports what, and the identity that ties a returned file to the plan.

Shared by split (writing the progress files), returns (reading them back)
and the roll-up: fingerprints of the plan and of each row, the units that get
a progress file (not the issuing office, not 各相关部门), their rows in plan
order, canonical unit names, and small value helpers.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from xltools import labels as L
from xltools.errors import InputError
from xltools.issuer import issuer_units
from xltools.model import Assignment, Deadline, Goal, Plan, Requirement, Role, Task
from xltools.text import normalise_spaces

FORMAT_ID = "xltools-progress-1"
# Keys of the hidden identity sheet (machine-read; not shown to users).
KEY_FORMAT = "format"
KEY_PLAN = "plan"
KEY_UNIT = "unit"
KEY_ROUND = "round"
KEY_WRITTEN = "written"
KEY_DEADLINE = "deadline"
KEY_TITLE = "title"
KEY_ROWS = "rows"  # header of the row-fingerprint table
LOCKED_COLUMNS = L.PROGRESS_LOCKED_COLUMNS
FORMULA_PREFIXES = ("=", "+", "-", "@")


# ------------------------------------------------------------ shared helpers
def cell_key(value: object) -> str:
    """A cell value as comparable text: dates as ISO dates, 3.0 as 3, text cleaned."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return " ".join(normalise_spaces(str(value)).split())


def _digest(parts: Iterable[str], size: int = 16) -> str:
    """SHA-256 of the parts, each followed by the unit separator (one update: fast)."""
    parts = list(parts)
    joined = "\x1f".join(parts) + "\x1f" if parts else ""
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:size]


def row_fingerprint(values: Sequence[object]) -> str:
    """Fingerprint of a row's locked content (要求编号, 目标, 任务, 具体要求, 角色, 完成时限)."""
    return _digest((cell_key(v) for v in values), 12)


def plan_fingerprint(plan: Plan) -> str:
    """Fingerprint of the plan's content (title, goals, tasks, requirements, units, roles)."""
    parts: list[str] = [plan.info.title]
    for goal, task, req in plan.iter_requirements():
        parts += [goal.name, str(task.number), task.name, req.id, req.text, deadline_display(req.deadline)]
    for a in plan.assignments:
        parts += [a.requirement_id, a.unit, a.role.value if a.role else ""]
    return _digest(parts)


def deadline_display(deadline: Deadline) -> str:
    return deadline.display


def is_formula_like(value: object) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_PREFIXES)


def locked_values(req_id: str, goal: str, task: str, requirement: str, role: str,
                  deadline: Deadline) -> tuple[object, ...]:
    """A progress row's locked cells, in LOCKED_COLUMNS order."""
    return (req_id, goal, task, requirement, role, deadline.text or deadline.date or "")


@dataclass(frozen=True)
class UnitRow:
    """One row of a unit's progress file: a requirement with the unit's role."""

    req_id: str
    goal: str
    task: str
    requirement: str
    role: str
    deadline: Deadline
    shown_id: str = ""  # 要求编号 as written on the sheet (4 for an item "4."), else req_id

    @property
    def locked_values(self) -> tuple[object, ...]:
        return locked_values(self.shown_id or self.req_id, self.goal, self.task,
                             self.requirement, self.role, self.deadline)

    @property
    def fingerprint(self) -> str:
        return row_fingerprint(self.locked_values)


def progress_units(plan: Plan) -> tuple[str, ...]:
    """Units that get a progress file: those named on 任务分工, without 各相关部门
    and without the issuing office (说明 → 发文单位, see ``xltools.issuer``)."""
    skip = issuer_units(plan) | {L.GENERIC_UNIT}
    return tuple(u for u in plan.assigned_units() if u not in skip)


def iter_unit_assignments(plan: Plan) -> Iterator[tuple[Goal, Task, Requirement, Assignment]]:
    """(goal, task, requirement, assignment) for every progress unit's part, in plan
    order and, within a requirement, by role (牵头, 责任, 配合); one per unit."""
    units = set(progress_units(plan))
    rank = {role: role.order for role in Role}
    by_req: dict[str, list[Assignment]] = {}
    unsorted: set[str] = set()  # requirements whose rows are not in role order
    last: dict[str, int] = {}
    for a in plan.assignments:
        if a.unit in units:
            req_id = a.requirement_id
            r = rank.get(a.role, 9)
            if r < last.get(req_id, -1):
                unsorted.add(req_id)
            last[req_id] = r
            by_req.setdefault(req_id, []).append(a)
    for goal, task, req in plan.iter_requirements():
        group = by_req.get(req.id, ())
        if req.id in unsorted:
            group = sorted(group, key=lambda a: rank.get(a.role, 9))  # stable: unit order kept
        taken: set[str] = set()
        for a in group:
            if a.unit not in taken:
                taken.add(a.unit)
                yield goal, task, req, a


def functional_id(task_no: int) -> str:
    """The 要求编号 of a unit's 按职能 row for task ``task_no`` (``4-职能``)."""
    return L.FUNCTIONAL_ID.format(task=task_no)


_FUNCTIONAL_RE = re.compile(r"^\s*(\d+)\s*[-－—–_]\s*按?职能\s*$")


def parse_functional_id(value: object) -> str | None:
    """A typed 要求编号 → the canonical 按职能 id (``4 - 按职能`` → ``4-职能``), else None."""
    if not isinstance(value, str):
        return None
    m = _FUNCTIONAL_RE.match(normalise_spaces(value))
    return functional_id(int(m.group(1))) if m else None


def is_functional_role(role: str) -> bool:
    return role == L.ROLE_FUNCTIONAL


@dataclass(frozen=True)
class FunctionalTask:
    """A task some of whose requirements bind 各相关部门 "按职能分别落实"."""

    goal: str
    task_no: int
    task: str
    requirements: tuple[Requirement, ...]

    def row(self, skip: frozenset[str] | set[str] = frozenset()) -> UnitRow | None:
        """The unit's 按职能 row: the requirements it does not carry as its own
        rows (``skip``), else None."""
        reqs = [r for r in self.requirements if r.id not in skip]
        if not reqs:
            return None
        items = L.FUNCTIONAL_ITEM_SEPARATOR.join(
            L.FUNCTIONAL_ITEM.format(id=r.id, text=_shorten(r.text, L.FUNCTIONAL_ITEM_CHARS))
            for r in reqs)
        deadlines = {(r.deadline.text, r.deadline.date) for r in reqs}
        deadline = reqs[0].deadline if len(deadlines) == 1 else Deadline()
        return UnitRow(functional_id(self.task_no), self.goal, self.task,
                       L.FUNCTIONAL_TEXT.format(items=items), L.ROLE_FUNCTIONAL, deadline)


def _shorten(text: str, limit: int) -> str:
    text = " ".join(normalise_spaces(text).split())
    return text if len(text) <= limit else text[:limit] + "…"


def functional_tasks(plan: Plan) -> list[FunctionalTask]:
    """The tasks holding requirements of 各相关部门, in plan order."""
    generic = {a.requirement_id for a in plan.assignments if a.unit == L.GENERIC_UNIT}
    out: list[FunctionalTask] = []
    for goal in plan.goals:
        for task in goal.tasks:
            reqs = tuple(r for r in task.requirements if r.id in generic)
            if reqs:
                out.append(FunctionalTask(goal.name, task.number, task.name, reqs))
    return out


def functional_only_units(plan: Plan) -> frozenset[str]:
    """Units named only inside a 按职能 phrase (``政府办、开发区、各相关部门按职能分别落实``):
    every requirement of theirs also binds 各相关部门 in the same role. They
    answer on the 按职能 rows only, once per task, not once per requirement."""
    generic_role = {a.requirement_id: a.role for a in plan.assignments
                    if a.unit == L.GENERIC_UNIT}
    by_unit: dict[str, list[Assignment]] = {}
    for a in plan.assignments:
        if a.unit and a.unit != L.GENERIC_UNIT:
            by_unit.setdefault(a.unit, []).append(a)
    return frozenset(u for u, group in by_unit.items()
                     if all(a.requirement_id in generic_role
                            and generic_role[a.requirement_id] == a.role for a in group))


def iter_unit_lines(plan: Plan) -> Iterator[tuple[str, UnitRow]]:
    """(unit, row) for every line of the progress files, in plan order: each
    requirement's units by role, and after the last requirement of a task the
    按职能 row of every unit bound by that task's 各相关部门 requirements."""
    units = progress_units(plan)
    functional = {(ft.goal, ft.task_no, ft.task): ft for ft in functional_tasks(plan)}
    only_functional = functional_only_units(plan) & set(units)
    by_req: dict[str, list[tuple[str, UnitRow]]] = {}
    own: dict[str, set[str]] = {u: set() for u in units}
    shown = plan.shown_ids()
    leads: dict[str, list[str]] = {}
    for a in plan.assignments:
        if a.role is Role.LEAD and a.unit and a.unit != L.GENERIC_UNIT:
            names = leads.setdefault(a.requirement_id, [])
            if a.unit not in names:
                names.append(a.unit)
    for goal, task, req, a in iter_unit_assignments(plan):
        if a.unit in only_functional:
            continue
        own[a.unit].add(req.id)
        text = req.text
        if a.role is Role.LEAD:
            text += co_leads_note(leads.get(req.id, []), a.unit)
        by_req.setdefault(req.id, []).append((a.unit, UnitRow(
            req.id, goal.name, task.name, text, a.role.value if a.role else "", req.deadline,
            shown.get(req.id, ""))))
    for goal in plan.goals:
        for task in goal.tasks:
            for req in task.requirements:
                yield from by_req.get(req.id, ())
            ft = functional.get((goal.name, task.number, task.name))
            if ft is not None:
                for unit in units:
                    row = ft.row(own[unit])
                    if row is not None:
                        yield unit, row


def co_leads_note(leads: Sequence[str], unit: str) -> str:
    """What a 牵头 unit reads under its requirement when it shares the lead:
    ``（本项共3家牵头，另有市发改局、市财政局）``; "" when it leads alone."""
    others = [u for u in leads if u != unit]
    if not others:
        return ""
    named = (L.ALIAS_SEPARATOR.join(others) if len(others) <= L.CO_LEADS_NAMED else
             L.CO_LEADS_MORE.format(first=L.ALIAS_SEPARATOR.join(others[:L.CO_LEADS_NAMED]),
                                    count=len(others)))
    return L.CO_LEADS_NOTE.format(count=len(others) + 1, others=named)


def unit_rows(plan: Plan) -> dict[str, list[UnitRow]]:
    """Each progress unit → its rows, in plan order (one per requirement, one per
    task it answers 按职能)."""
    out: dict[str, list[UnitRow]] = {u: [] for u in progress_units(plan)}
    for unit, row in iter_unit_lines(plan):
        out[unit].append(row)
    return out


def unit_canonical_names(plan: Plan) -> dict[str, str]:
    """Every unit name and alias → the registered name."""
    names: dict[str, str] = {}
    for u in plan.units:
        names[u.name] = u.name
        for alias in u.aliases:
            names.setdefault(alias, u.name)
    for u in plan.assigned_units():
        names.setdefault(u, u)
    return names


def parse_date_arg(value: str | dt.date | None) -> dt.date | None:
    """A --deadline / --as-of argument → date (None passes)."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip().replace("/", "-").replace(".", "-")
    try:
        return dt.date.fromisoformat("-".join(p.zfill(2) for p in text.split("-")))
    except ValueError as exc:
        raise InputError(L.MSG_BAD_DATE_ARG.format(value=value)) from exc


def default_round(day: dt.date) -> str:
    return L.MSG_ROUND_DEFAULT.format(date=day.strftime("%Y-%m"))


def progress_file_name(unit: str) -> str:
    """``进度反馈表-<单位>.xlsx`` before making it safe (the letters name the same file)."""
    return L.PROGRESS_FILE_PATTERN.format(unit=unit)


