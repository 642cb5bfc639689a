"""Progress cycle, part 3: roll the returned progress files up into the master.

Two steps, so that the Excel add-in can reuse them:

* ``compute_rollup(plan, folder, …) -> RollupResult`` reads the folder and
  returns the content of the sheets 进度 / 汇总 / 问题 / 历史 as rows of values
  (``result.sheets``), with every file, sheet and row that could not be used
  as is listed on 问题 (rows read = rows used + rows reported);
* ``write_rollup(wb, result)`` writes those sheets into an openpyxl workbook
  (replacing them when present), with styles, marks and native charts.

``rollup(workbook, folder, out, …)`` does both for files: OUT is a copy of the
master plus the four sheets; large tables are streamed into the saved file,
which keeps a roll-up of thousands of rows fast. See docs/progress.md.
"""

from __future__ import annotations

import copy
import datetime as dt
import gc
import io
import math
import os
import re
import shutil
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO
from xml.sax.saxutils import escape

from openpyxl import Workbook
from openpyxl.chart import BarChart, PieChart, Reference
from openpyxl.chart.label import DataLabelList
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.cell_range import CellRange
from openpyxl.worksheet.worksheet import Worksheet

from xltools import labels as L
from xltools.errors import InputError, OutputError, XltoolsError
from xltools.fileio import atomic_path, check_writable, existing_file, is_file_like
from xltools.master import merge_sheets, read_plan_fast, requirement_id
from xltools.model import Deadline, Plan, Role
from xltools.progress import (LOCKED_COLUMNS, cell_key, default_round, done_status,
                              iter_unit_assignments, map_status, parse_date_arg, plan_fingerprint,
                              progress_units, row_fingerprint, set_text_safe, split,
                              status_options, unit_canonical_names, locked_values)
from xltools.returns import (ERR_EMPTY, ERR_NO_TABLE, ERR_OTHER, ERR_TOO_LARGE, READ_THREADS,
                             ReturnedFile,
                             _as_date, clean_value, read_folder)

ROLLUP_SHEETS = (L.SHEET_SUMMARY, L.SHEET_PROGRESS, L.SHEET_ISSUES, L.SHEET_HISTORY)
PROGRESS_COLUMNS = (L.COL_REQ_ID, L.RCOL_UNIT, L.RCOL_ROLE, L.PCOL_STATUS, L.PCOL_PROGRESS,
                    L.PCOL_DONE_DATE, L.PCOL_ISSUES, L.PCOL_NEXT, L.RCOL_FEEDBACK,
                    L.RCOL_SOURCE_FILE, L.RCOL_DEADLINE, L.RCOL_OVERDUE_FLAG, L.RCOL_GOAL,
                    L.RCOL_TASK, L.RCOL_REQUIREMENT)
PROGRESS_WIDTHS = (8, 20, 6, 9, 40, 11, 24, 24, 9, 24, 12, 8, 16, 18, 50)
ISSUE_WIDTHS = (6, 24, 10, 6, 16, 8, 14, 50, 8, 60)
DUE_SOON_DAYS = 7
_DUE_SOON = dt.timedelta(days=DUE_SOON_DAYS)
_REPORTED = (L.FEEDBACK_RETURNED, L.FEEDBACK_LATE)  # 反馈状态 of a row that counts as reported
_EMPTY = (None, "")
ORIGINAL_MAX = 2000
SHORT_TEXT = 40  # requirement text on 汇总 (full text on 进度)
SUMMARY_WIDTHS = {1: 7, 2: 24, 3: 10, 4: 8}
BULK_THRESHOLD = 1  # rows written with openpyxl (the style template); the rest is streamed

_THIN = Side(style="thin", color="A6A6A6")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER_FONT = Font(bold=True, color="FFFFFF")
_HEADER_FILL = PatternFill("solid", fgColor="305496")
_WRAP = Alignment(wrap_text=True, vertical="top")
_CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
_MARK_FILLS = {L.MARK_RED: PatternFill("solid", fgColor="FF6B6B"),
               L.MARK_YELLOW: PatternFill("solid", fgColor="FFD966"),
               L.MARK_GREEN: PatternFill("solid", fgColor="8FD19E")}
DATE_FORMAT = "yyyy-mm-dd"
PERCENT_FORMAT = "0.0%"


# ------------------------------------------------------------------ results
@dataclass(frozen=True)
class Issue:
    """One line of 问题: a file, sheet or row that could not be used as is."""

    file: str
    kind: str
    reason: str
    handling: str
    sheet: str = ""
    row: int | None = None
    unit: str = ""
    req_id: str = ""
    original: str = ""

    @property
    def reports_row(self) -> bool:
        """A returned row that was not used (it counts in rows reported)."""
        return self.row is not None and self.handling == L.HANDLED_SKIPPED


@dataclass
class Slot:
    """One (requirement, unit) line of 进度."""

    req_id: str
    unit: str
    role: str
    goal: str
    task: str
    requirement: str
    deadline: Deadline
    status: object = None
    status_key: str | None = None  # the allowed status, when the status is one
    progress: object = None
    done_date: object = None
    issues: object = None
    next_plan: object = None
    feedback: str = L.FEEDBACK_MISSING
    source: str = ""
    overdue: bool = False

    @property
    def reported(self) -> bool:
        return self.feedback in _REPORTED

    @property
    def locked_values(self) -> tuple[object, ...]:
        """The locked cells as sent in the unit's progress file."""
        return locked_values(self.req_id, self.goal, self.task, self.requirement, self.role,
                             self.deadline)


@dataclass(frozen=True)
class Table:
    """Where a table sits on 汇总 (1-based sheet rows and columns)."""

    header_row: int
    first_row: int
    last_row: int
    ncols: int
    mark_col: int | None = None
    rate_col: int | None = None


@dataclass
class RollupResult:
    """The roll-up as values: ``sheets`` maps sheet name → rows (header first)."""

    round_label: str
    as_of: dt.date
    schedule: float
    sheets: dict[str, list[list[object]]]
    issues: list[Issue]
    slots: list[Slot]
    units: list[str]
    returned: list[str]
    files_read: int
    rows_read: int
    rows_used: int
    rows_reported: int
    status_options: tuple[str, ...]
    layout: dict[str, Table] = field(default_factory=dict)  # 汇总 tables
    path: Path | None = None

    @property
    def missing(self) -> list[str]:
        done = set(self.returned)
        return [u for u in self.units if u not in done]

    def summary(self) -> str:
        text = L.MSG_ROLLUP_DONE.format(files=self.files_read, rows_read=self.rows_read,
                                        rows_used=self.rows_used, rows_reported=self.rows_reported,
                                        returned=len(self.returned), units=len(self.units),
                                        path=self.path or "")
        if self.missing:
            text += "\n" + L.MSG_ROLLUP_MISSING_UNITS.format(units=L.ALIAS_SEPARATOR.join(self.missing))
        return text


# ------------------------------------------------------------------ helpers
def schedule_fraction(year: int, as_of: dt.date) -> float:
    """序时进度: the share of the plan year (1 Jan – 31 Dec) elapsed at the end of ``as_of``."""
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    days = (end - start).days + 1
    return min(1.0, max(0.0, ((as_of - start).days + 1) / days))


def _original(header: Sequence[str], raw: Sequence[object]) -> str:
    parts = []
    for j, raw_value in enumerate(raw):
        v = clean_value(raw_value)
        if v is None:
            continue
        name = header[j] if j < len(header) and header[j] else get_column_letter(j + 1)
        shown = v.isoformat() if isinstance(v, dt.date) else str(v)
        parts.append(f"{name}={shown}")
    text = " | ".join(parts)
    return text if len(text) <= ORIGINAL_MAX else text[:ORIGINAL_MAX] + "…"


class _Collector:
    def __init__(self) -> None:
        self.issues: list[Issue] = []

    def add(self, rf: ReturnedFile | None, kind: str, reason: str, handling: str, *,
            sheet: str = "", row: int | None = None, unit: str = "", req_id: str = "",
            original: str = "", file: str = "") -> None:
        self.issues.append(Issue(file=rf.name if rf else file, kind=kind, reason=reason,
                                 handling=handling, sheet=sheet, row=row, unit=unit,
                                 req_id=req_id, original=original))

    def all_rows(self, rf: ReturnedFile, kind: str, reason: str, unit: str = "") -> None:
        """Report every row the file holds (none of them is used)."""
        for dr in rf.rows:
            req_id = requirement_id(dr.values.get(L.COL_REQ_ID))
            self.add(rf, kind, reason, L.HANDLED_SKIPPED, sheet=rf.sheet, row=dr.row, unit=unit,
                     req_id=req_id or "", original=_original(rf.header, dr.raw))
        for stray in rf.stray_sheets:
            for row, raw in stray.rows:
                self.add(rf, kind, reason, L.HANDLED_SKIPPED, sheet=stray.name, row=row,
                         unit=unit, original=_original((), raw))
        for sheet, row, raw in rf.loose_rows:
            self.add(rf, kind, reason, L.HANDLED_SKIPPED, sheet=sheet, row=row, unit=unit,
                     original=_original((), raw))


@dataclass
class _Prepared:
    """What the roll-up needs from the plan alone (made while the files are read)."""

    plan: Plan
    slots: dict[tuple[str, str], Slot]
    rows_by_unit: dict[str, list[Slot]]  # each unit's lines, in plan order
    canonical: dict[str, str]
    fingerprint: str
    req_texts: dict[str, str]


def _prepare(plan: Plan) -> _Prepared:
    slots, rows_by_unit = _build_slots(plan)
    return _Prepared(plan, slots, rows_by_unit, unit_canonical_names(plan),
                     plan_fingerprint(plan), {req.id: cell_key(req.text) for req in plan.requirements})


def _build_slots(plan: Plan) -> tuple[dict[tuple[str, str], Slot], dict[str, list[Slot]]]:
    """The 进度 lines (requirement order, then role) and each unit's rows, in one pass."""
    slots: dict[tuple[str, str], Slot] = {}
    rows: dict[str, list[Slot]] = {u: [] for u in progress_units(plan)}
    for goal, task, req, a in iter_unit_assignments(plan):
        role = a.role.value if a.role else ""
        slot = slots[(req.id, a.unit)] = Slot(req.id, a.unit, role, goal.name, task.name,
                                              req.text, req.deadline)
        rows[a.unit].append(slot)
    return slots, rows


# ------------------------------------------------------------------ compute
def compute_rollup(plan: Plan, folder: str | os.PathLike[str], *, round_label: str | None = None,
                   as_of: str | dt.date | None = None,
                   history: Sequence[Sequence[object]] | None = None,
                   files: Sequence[ReturnedFile] | None = None,
                   _prepared: _Prepared | None = None) -> RollupResult:
    """Read every returned file in ``folder`` and compute the roll-up sheets as values.

    ``history`` is the current 历史 sheet (header first), whose rows of other
    rounds are kept; this round's rows are replaced. ``files`` are the files of
    ``folder`` when already read (``returns.read_folder``). Nothing is written.
    """
    base = Path(folder)
    if not base.is_dir():
        raise InputError(L.MSG_NOT_A_FOLDER.format(path=base), path=str(base))
    day = parse_date_arg(as_of) or dt.date.today()
    options = status_options(plan)
    done = done_status(options)
    prepared = _prepared if _prepared is not None and _prepared.plan is plan else _prepare(plan)
    slots, rows_by_unit = prepared.slots, prepared.rows_by_unit
    canonical, fp, req_texts = prepared.canonical, prepared.fingerprint, prepared.req_texts
    feedback_deadline = (plan.info.feedback_deadline
                         if isinstance(plan.info.feedback_deadline, dt.date) else None)
    out = _Collector()

    files = list(files) if files is not None else read_folder(base)
    candidates: dict[str, list[ReturnedFile]] = {}
    for rf in files:
        if rf.error:
            kind, message = rf.error
            issue_kind = {ERR_OTHER: L.ISSUE_OTHER_FILE, ERR_TOO_LARGE: L.ISSUE_TOO_LARGE,
                          ERR_EMPTY: L.ISSUE_EMPTY, ERR_NO_TABLE: L.ISSUE_NO_TABLE}.get(
                              kind, L.ISSUE_UNREADABLE)
            out.add(rf, issue_kind, message, L.HANDLED_SKIPPED)
            out.all_rows(rf, issue_kind, message)
            continue
        unit = canonical.get(rf.unit, "") if rf.unit else ""
        if not rf.unit:
            out.add(rf, L.ISSUE_NO_UNIT, L.MSG_ISSUE_NO_UNIT, L.HANDLED_SKIPPED)
            out.all_rows(rf, L.ISSUE_NO_UNIT, L.MSG_ISSUE_NO_UNIT)
            continue
        if unit not in rows_by_unit:
            msg = L.MSG_ISSUE_UNKNOWN_UNIT.format(unit=rf.unit)
            out.add(rf, L.ISSUE_UNKNOWN_UNIT, msg, L.HANDLED_SKIPPED, unit=rf.unit)
            out.all_rows(rf, L.ISSUE_UNKNOWN_UNIT, msg, rf.unit)
            continue
        if rf.plan != fp:
            matching = 0
            for dr in rf.rows:
                req_id = requirement_id(dr.values.get(L.COL_REQ_ID))
                text = dr.values.get(L.COL_REQUIREMENT)
                if req_id in req_texts and (text is None or cell_key(text) == req_texts[req_id]):
                    matching += 1
            if matching * 2 < max(len(rf.rows), 1):
                out.add(rf, L.ISSUE_OTHER_PLAN, L.MSG_ISSUE_OTHER_PLAN, L.HANDLED_SKIPPED, unit=unit)
                out.all_rows(rf, L.ISSUE_OTHER_PLAN, L.MSG_ISSUE_OTHER_PLAN, unit)
                continue
            if rf.plan:
                out.add(rf, L.ISSUE_PLAN_CHANGED, L.MSG_ISSUE_PLAN_CHANGED, L.HANDLED_NOTE, unit=unit)
        candidates.setdefault(unit, []).append(rf)

    chosen: dict[str, ReturnedFile] = {}
    for unit, group in candidates.items():
        group.sort(key=lambda f: (f.when, f.modified, f.name))
        newest = group[-1]
        chosen[unit] = newest
        if len(group) > 1:
            others = L.ALIAS_SEPARATOR.join(f.name for f in group[:-1])
            out.add(newest, L.ISSUE_DUPLICATE_FILE, L.MSG_ISSUE_DUPLICATE_USED.format(
                unit=unit, when=newest.when.isoformat(), others=others), L.HANDLED_USED, unit=unit)
            for old in group[:-1]:
                msg = L.MSG_ISSUE_DUPLICATE_SKIPPED.format(unit=unit, when=old.when.isoformat(),
                                                           newer=newest.name)
                out.add(old, L.ISSUE_DUPLICATE_FILE, msg, L.HANDLED_SKIPPED, unit=unit)
                out.all_rows(old, L.ISSUE_DUPLICATE_FILE,
                             L.MSG_ISSUE_DUPLICATE_ROW.format(unit=unit, newer=newest.name), unit)

    rounds = Counter(f.round for f in chosen.values() if f.round)
    label = round_label or (rounds.most_common(1)[0][0] if rounds else default_round(day))
    rows_used = 0
    req_ids = set(req_texts)
    for unit in rows_by_unit:
        rf = chosen.get(unit)
        if rf is None:
            continue
        rows_used += _take_file(rf, unit, label, slots, req_ids, options,
                                feedback_deadline, out, rows_by_unit[unit])

    year = plan.info.year or day.year
    schedule = schedule_fraction(year, day)
    for slot in slots.values():
        slot.overdue = bool(slot.deadline.date and slot.deadline.date < day and slot.status_key != done)

    files_read = len(files)
    rows_read = sum(f.rows_read for f in files)
    reported = {(i.file, i.sheet, i.row) for i in out.issues if i.reports_row}
    if rows_read != rows_used + len(reported):
        raise XltoolsError(L.MSG_INTERNAL.format(
            detail=f"rows read {rows_read} != used {rows_used} + reported {len(reported)}"))
    slot_list = list(slots.values())
    units = list(rows_by_unit)
    returned = [u for u in units if u in chosen]
    result = RollupResult(round_label=label, as_of=day, schedule=schedule, sheets={},
                          issues=out.issues, slots=slot_list, units=units, returned=returned,
                          files_read=files_read, rows_read=rows_read, rows_used=rows_used,
                          rows_reported=len(reported), status_options=tuple(options))
    unit_table = _unit_summary(result, done, chosen, feedback_deadline)
    result.sheets[L.SHEET_SUMMARY] = _summary_sheet(plan, result, done, unit_table)
    result.sheets[L.SHEET_PROGRESS] = _progress_sheet(slot_list)
    result.sheets[L.SHEET_ISSUES] = _issues_sheet(out.issues)
    result.sheets[L.SHEET_HISTORY] = _history_sheet(result, unit_table, history)
    return result


def _take_file(rf: ReturnedFile, unit: str, label: str, slots: dict[tuple[str, str], Slot],
               req_ids: set[str], options: Sequence[str],
               feedback_deadline: dt.date | None, out: _Collector,
               unit_slots: Sequence[Slot] = ()) -> int:
    """Fill the unit's slots from its chosen file; return the number of rows used."""
    deadline = feedback_deadline or rf.deadline
    late = bool(deadline and rf.when > deadline)
    if late:
        out.add(rf, L.ISSUE_LATE, L.MSG_ISSUE_LATE.format(when=rf.when.isoformat(),
                                                          deadline=deadline.isoformat()),
                L.HANDLED_NOTE, unit=unit)
    if rf.round and rf.round != label:
        out.add(rf, L.ISSUE_ROUND_DIFFERS, L.MSG_ISSUE_ROUND_DIFFERS.format(found=rf.round, round=label),
                L.HANDLED_NOTE, unit=unit)
    for column in rf.extra_columns:
        out.add(rf, L.ISSUE_EXTRA_COLUMN, L.MSG_ISSUE_EXTRA_COLUMN.format(column=column),
                L.HANDLED_NOTE, sheet=rf.sheet, unit=unit)
    for column in L.PROGRESS_FILL_COLUMNS:
        if column not in rf.columns:
            out.add(rf, L.ISSUE_MISSING_COLUMN, L.MSG_ISSUE_MISSING_COLUMN.format(column=column),
                    L.HANDLED_NOTE, sheet=rf.sheet, unit=unit)
    for stray in rf.stray_sheets:
        msg = L.MSG_ISSUE_EXTRA_SHEET.format(sheet=stray.name, rows=len(stray.rows))
        for row, raw in stray.rows:
            out.add(rf, L.ISSUE_EXTRA_SHEET, msg, L.HANDLED_SKIPPED, sheet=stray.name, row=row,
                    unit=unit, original=_original((), raw))
    seen: dict[str, int] = {}
    used = 0
    as_sent_possible = all(c in rf.columns for c in LOCKED_COLUMNS)
    statuses: dict[object, tuple[str, str | None, bool]] = {}  # typed → (text, map_status)
    ids: dict[object, str | None] = {}  # typed 要求编号 → id
    feedback_filled = L.FEEDBACK_LATE if late else L.FEEDBACK_RETURNED

    def report(dr, handling: str, kind: str, reason: str, rid: str = "") -> None:
        out.add(rf, kind, reason, handling, sheet=rf.sheet, row=dr.row, unit=unit,
                req_id=rid, original=_original(rf.header, dr.raw))

    for dr in rf.rows:
        values = dr.values
        raw_id = values.get(L.COL_REQ_ID)
        try:
            req_id = ids[raw_id]
        except KeyError:
            req_id = ids[raw_id] = requirement_id(raw_id)
        key = (req_id, unit)
        if req_id is None:
            if raw_id in (None, ""):
                report(dr, L.HANDLED_SKIPPED, L.ISSUE_ADDED_ROW, L.MSG_ISSUE_ADDED_ROW)
            else:
                report(dr, L.HANDLED_SKIPPED, L.ISSUE_UNKNOWN_ID,
                       L.MSG_ISSUE_UNKNOWN_ID.format(req_id=cell_key(raw_id)))
            continue
        if req_id not in req_ids:
            report(dr, L.HANDLED_SKIPPED, L.ISSUE_UNKNOWN_ID,
                   L.MSG_ISSUE_UNKNOWN_ID.format(req_id=req_id), req_id)
            continue
        slot = slots.get(key)
        if slot is None:
            report(dr, L.HANDLED_SKIPPED, L.ISSUE_NOT_ASSIGNED,
                   L.MSG_ISSUE_NOT_ASSIGNED.format(req_id=req_id, unit=unit), req_id)
            continue
        if req_id in seen:
            report(dr, L.HANDLED_SKIPPED, L.ISSUE_DUPLICATE_ROW,
                   L.MSG_ISSUE_DUPLICATE_ID.format(req_id=req_id, first_row=seen[req_id]), req_id)
            continue
        seen[req_id] = dr.row
        used += 1

        # Locked content: compare with what was sent (the hidden fingerprint), else the plan.
        changed = [c for c, v in zip(LOCKED_COLUMNS, slot.locked_values, strict=True)
                   if c in values and values[c] != v and cell_key(values[c]) != cell_key(v)]
        if changed:
            stored = rf.fingerprints.get(req_id)
            as_sent = (stored and as_sent_possible
                       and row_fingerprint([values.get(c) for c in LOCKED_COLUMNS]) == stored)
            if not as_sent:
                report(dr, L.HANDLED_USED, L.ISSUE_LOCKED_CHANGED, L.MSG_ISSUE_LOCKED_CHANGED.format(
                    columns=L.ALIAS_SEPARATOR.join(changed)), req_id)
        status_raw = values.get(L.PCOL_STATUS)
        if status_raw is not None and status_raw != "":
            try:
                text, mapped, free = statuses[status_raw]
            except KeyError:
                text = cell_key(status_raw)
                statuses[status_raw] = (text, *map_status(text, options))
                text, mapped, free = statuses[status_raw]
            if mapped is None:
                report(dr, L.HANDLED_USED, L.ISSUE_STATUS_UNKNOWN, L.MSG_ISSUE_STATUS_UNKNOWN.format(
                    value=text, allowed=L.ALIAS_SEPARATOR.join(options)), req_id)
                slot.status = text
            else:
                if free:
                    report(dr, L.HANDLED_USED, L.ISSUE_STATUS_MAPPED,
                           L.MSG_ISSUE_STATUS_MAPPED.format(value=text, status=mapped), req_id)
                slot.status = mapped
                slot.status_key = mapped
        done_raw = values.get(L.PCOL_DONE_DATE)
        if done_raw is not None and done_raw != "":
            day = _as_date(done_raw)
            if day is None:
                report(dr, L.HANDLED_USED, L.ISSUE_BAD_DATE,
                       L.MSG_ISSUE_BAD_DATE.format(value=cell_key(done_raw)), req_id)
                slot.done_date = done_raw
            else:
                slot.done_date = day
        slot.progress = values.get(L.PCOL_PROGRESS)
        slot.issues = values.get(L.PCOL_ISSUES)
        slot.next_plan = values.get(L.PCOL_NEXT)
        filled = (slot.status not in _EMPTY or slot.progress not in _EMPTY
                  or slot.done_date not in _EMPTY or slot.issues not in _EMPTY
                  or slot.next_plan not in _EMPTY)
        slot.feedback = feedback_filled if filled else L.FEEDBACK_EMPTY
        slot.source = rf.name
    for slot in unit_slots:
        req_id = slot.req_id
        if req_id not in seen:
            slot.feedback = L.FEEDBACK_ROW_MISSING
            slot.source = rf.name
            out.add(rf, L.ISSUE_ROW_MISSING, L.MSG_ISSUE_ROW_MISSING.format(req_id=req_id),
                    L.HANDLED_NOTE, sheet=rf.sheet, unit=unit, req_id=req_id)
    return used


# ------------------------------------------------------------ sheet contents
def _progress_sheet(slots: Iterable[Slot]) -> list[list[object]]:
    rows: list[list[object]] = [list(PROGRESS_COLUMNS)]
    for s in slots:
        deadline: object = s.deadline.text or s.deadline.date or None
        rows.append([s.req_id, s.unit, s.role, s.status, s.progress, s.done_date, s.issues,
                     s.next_plan, s.feedback, s.source or None, deadline,
                     L.YES if s.overdue else None, s.goal, s.task, s.requirement])
    return rows


def _issues_sheet(issues: Sequence[Issue]) -> list[list[object]]:
    rows: list[list[object]] = [list(L.ISSUE_COLUMNS)]
    for i, issue in enumerate(issues, start=1):
        rows.append([i, issue.file, issue.sheet or None, issue.row, issue.unit or None,
                     issue.req_id or None, issue.kind, issue.reason, issue.handling,
                     issue.original or None])
    return rows


@dataclass
class _Counts:
    due: int = 0
    reported: int = 0
    by_status: Counter = field(default_factory=Counter)
    overdue: int = 0
    soon: int = 0

    def add(self, slot: Slot, as_of: dt.date, done: str | None) -> None:
        self.due += 1
        if slot.feedback in _REPORTED:
            self.reported += 1
        key = slot.status_key
        if key:
            self.by_status[key] += 1
        if slot.overdue:
            self.overdue += 1
        d = slot.deadline.date
        if d and key != done and as_of <= d <= as_of + _DUE_SOON:
            self.soon += 1

    def rate(self, done: str | None) -> float:
        return (self.by_status[done] / self.due) if self.due and done else 0.0

    def mark(self, done: str | None, schedule: float) -> str:
        if self.overdue:
            return L.MARK_RED
        if self.soon or self.rate(done) < schedule:
            return L.MARK_YELLOW
        return L.MARK_GREEN


def _unit_summary(result: RollupResult, done: str | None, chosen: dict[str, ReturnedFile],
                  feedback_deadline: dt.date | None) -> list[list[object]]:
    """Rows of the per-unit table (header first); also used for 历史."""
    counts = {u: _Counts() for u in result.units}
    for slot in result.slots:
        counts[slot.unit].add(slot, result.as_of, done)
    header = [L.SCOL_NO, L.SCOL_UNIT, L.SCOL_DUE, L.SCOL_REPORTED, *result.status_options,
              L.SCOL_OTHER, L.SCOL_OVERDUE, L.SCOL_RATE, L.RCOL_FEEDBACK, L.SCOL_MARK]
    rows: list[list[object]] = [header]
    for i, unit in enumerate(result.units, start=1):
        c = counts[unit]
        rf = chosen.get(unit)
        if rf is None:
            feedback = L.FEEDBACK_MISSING
        else:
            deadline = feedback_deadline or rf.deadline
            feedback = L.FEEDBACK_LATE if deadline and rf.when > deadline else L.FEEDBACK_RETURNED
        statuses = [c.by_status[o] for o in result.status_options]
        rows.append([i, unit, c.due, c.reported, *statuses, c.due - sum(statuses), c.overdue,
                     round(c.rate(done), 4), feedback, c.mark(done, result.schedule)])
    return rows


def _overall_status(slots: Sequence[Slot], options: Sequence[str], done: str | None) -> str:
    """A requirement's status from its lead units (else responsible, else all)."""
    for role in (Role.LEAD.value, Role.RESPONSIBLE.value, None):
        basis = [s for s in slots if role is None or s.role == role]
        if basis:
            break
    statuses = [s.status_key or cell_key(s.status) for s in basis if s.status not in (None, "")]
    if not statuses:
        return L.FEEDBACK_MISSING
    if done and len(statuses) == len(basis) and all(s == done for s in statuses):
        return done
    not_done = [s for s in statuses if s != done]
    if not not_done:
        return L.STATUS_IN_PROGRESS if L.STATUS_IN_PROGRESS in options else (done or statuses[0])
    order = {o: i for i, o in enumerate(options)}
    least = min(not_done, key=lambda s: order.get(s, len(options)))
    if (least == L.STATUS_NOT_STARTED and L.STATUS_IN_PROGRESS in options
            and any(s != L.STATUS_NOT_STARTED for s in statuses)):
        return L.STATUS_IN_PROGRESS
    return least


def _summary_sheet(plan: Plan, result: RollupResult, done: str | None,
                   unit_table: list[list[object]]) -> list[list[object]]:
    day, schedule = result.as_of, result.schedule
    title = plan.info.title or L.PROGRESS_TITLE_DEFAULT
    rows: list[list[object]] = [
        [L.SUM_TITLE.format(title=title)],
        [L.SUM_SUBTITLE.format(round=result.round_label, as_of=day.isoformat(),
                               schedule=f"{schedule:.1%}", units=len(result.units),
                               returned=len(result.returned), missing=len(result.missing))],
        [L.SUM_LEGEND],
        [],
    ]
    layout: dict[str, Table] = {}

    def table(key: str, title_text: str, table_rows: list[list[object]], mark: str | None,
              rate: str | None) -> None:
        rows.append([title_text])
        header_row = len(rows) + 1
        rows.extend(table_rows)
        head = table_rows[0]
        layout[key] = Table(header_row, header_row + 1, len(rows), len(head),
                            head.index(mark) + 1 if mark else None,
                            head.index(rate) + 1 if rate else None)
        rows.append([])

    table("units", L.SUM_BY_UNIT, unit_table, L.SCOL_MARK, L.SCOL_RATE)

    # Per goal.
    by_goal: dict[str, _Counts] = {}
    reqs_per_goal: Counter = Counter()
    for goal, _, _ in plan.iter_requirements():
        if goal.name not in by_goal:
            by_goal[goal.name] = _Counts()
        reqs_per_goal[goal.name] += 1
    for slot in result.slots:
        counts = by_goal.get(slot.goal)
        if counts is None:
            counts = by_goal[slot.goal] = _Counts()
        counts.add(slot, day, done)
    goal_rows: list[list[object]] = [[L.SCOL_NO, L.SCOL_GOAL, L.SCOL_COUNT, L.SCOL_DUE,
                                      L.SCOL_REPORTED, done or L.STATUS_DONE, L.SCOL_OVERDUE,
                                      L.SCOL_RATE, L.SCOL_MARK]]
    for i, (goal, c) in enumerate(by_goal.items(), start=1):
        goal_rows.append([i, goal, reqs_per_goal[goal], c.due, c.reported, c.by_status[done],
                          c.overdue, round(c.rate(done), 4), c.mark(done, schedule)])
    table("goals", L.SUM_BY_GOAL, goal_rows, L.SCOL_MARK, L.SCOL_RATE)

    # Status distribution (for the pie chart).
    dist = Counter(s.status_key for s in result.slots if s.status_key)
    unfilled = sum(1 for s in result.slots if s.reported is False and s.feedback != L.FEEDBACK_MISSING)
    other = sum(1 for s in result.slots if s.status_key is None and s.feedback != L.FEEDBACK_MISSING
                ) - unfilled
    status_rows: list[list[object]] = [[L.SCOL_NO, L.SCOL_STATUS, L.SCOL_COUNT]]
    status_rows += [[i, o, dist[o]] for i, o in enumerate(result.status_options, start=1)]
    n = len(status_rows)
    status_rows.append([n, L.SCOL_OTHER, other + unfilled])
    status_rows.append([n + 1, L.SCOL_UNREPORTED,
                        sum(1 for s in result.slots if s.feedback == L.FEEDBACK_MISSING)])
    table("statuses", L.SUM_BY_STATUS, status_rows, None, None)

    # Per requirement.
    by_req: dict[str, list[Slot]] = {}
    for slot in result.slots:
        by_req.setdefault(slot.req_id, []).append(slot)
    req_rows: list[list[object]] = [[L.COL_REQ_ID, L.SCOL_LEAD_UNITS, L.RCOL_DEADLINE,
                                     L.SCOL_STATUS, L.SCOL_REPORTED, L.SCOL_OVERDUE,
                                     L.SCOL_MARK, L.RCOL_REQUIREMENT]]
    for _, _, req in plan.iter_requirements():
        slots = by_req.get(req.id, [])
        status = _overall_status(slots, result.status_options, done) if slots else ""
        leads = [s.unit for s in slots if s.role == Role.LEAD.value] or [s.unit for s in slots]
        d = req.deadline.date
        overdue = bool(d and d < day and status != done)
        soon = bool(d and status != done and day <= d <= day + dt.timedelta(days=DUE_SOON_DAYS))
        mark = L.MARK_RED if overdue else L.MARK_YELLOW if soon else L.MARK_GREEN
        reported = sum(s.reported for s in slots)
        text = req.text if len(req.text) <= SHORT_TEXT else req.text[:SHORT_TEXT] + "…"
        req_rows.append([req.id, L.ALIAS_SEPARATOR.join(leads) or None,
                         req.deadline.text or req.deadline.date or None, status,
                         f"{reported}/{len(slots)}", L.YES if overdue else None, mark, text])
    table("requirements", L.SUM_BY_REQUIREMENT, req_rows, L.SCOL_MARK, None)
    result.layout = layout
    return rows


def _history_sheet(result: RollupResult, unit_table: list[list[object]],
                   history: Sequence[Sequence[object]] | None) -> list[list[object]]:
    """历史: this round's per-unit summary, replacing an earlier run of the same round."""
    keep = [c for c in unit_table[0] if c not in (L.SCOL_NO, L.SCOL_MARK)]
    idx = [unit_table[0].index(c) for c in keep]
    header = [L.HCOL_ROUND, L.HCOL_AS_OF, *keep]
    current = [[result.round_label, result.as_of, *(r[i] for i in idx)] for r in unit_table[1:]]
    rows: list[list[object]] = [header]
    inserted = False
    if history:
        old_header = [cell_key(v) for v in history[0]]
        for old in history[1:]:
            if not any(v not in (None, "") for v in old):
                continue
            mapped = {h: v for h, v in zip(old_header, old, strict=False) if h}
            if cell_key(mapped.get(L.HCOL_ROUND)) == result.round_label:
                if not inserted:
                    rows.extend(current)
                    inserted = True
                continue
            rows.append([mapped.get(h) for h in header])
    if not inserted:
        rows.extend(current)
    return rows


def read_history(wb: Workbook) -> list[list[object]]:
    """The rows of the 历史 sheet of ``wb`` (header first), or []."""
    if L.SHEET_HISTORY not in wb.sheetnames:
        return []
    ws = wb[L.SHEET_HISTORY]
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    for r in rows[1:]:
        if len(r) > 1 and isinstance(r[1], dt.datetime):
            r[1] = r[1].date()
    return rows


# ------------------------------------------------------------------- writing
def _style_header(ws: Worksheet, row: int, ncols: int) -> None:
    for c in range(1, ncols + 1):
        cell = ws.cell(row=row, column=c)
        cell.font = _HEADER_FONT
        cell.fill = _HEADER_FILL
        cell.alignment = _CENTER
        cell.border = _BORDER


def _write_value(ws: Worksheet, row: int, col: int, value: object):
    cell = ws.cell(row=row, column=col)
    set_text_safe(cell, value)
    if isinstance(value, dt.date):
        cell.number_format = DATE_FORMAT
    return cell


def _write_table_sheet(ws: Worksheet, rows: list[list[object]], widths: Sequence[int],
                       body_limit: int | None, date_cols: Sequence[int] = (),
                       center_cols: Sequence[int] = (),
                       formats: dict[int, str] | None = None) -> list[list[object]]:
    """Header + body with styles; returns the body rows left for streaming (beyond body_limit)."""
    header = rows[0]
    ncols = len(header)
    for c, name in enumerate(header, start=1):
        set_text_safe(ws.cell(row=1, column=c), name)
    _style_header(ws, 1, ncols)
    for c, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(c)].width = width
    body = rows[1:]
    n = len(body) if body_limit is None else min(len(body), body_limit)
    for r, values in enumerate(body[:n], start=2):
        for c in range(1, ncols + 1):
            value = values[c - 1] if c - 1 < len(values) else None
            cell = _write_value(ws, r, c, value)
            cell.border = _BORDER
            cell.alignment = _CENTER if c in center_cols else _WRAP
            if c in date_cols:
                cell.number_format = DATE_FORMAT
            elif formats and c in formats:
                cell.number_format = formats[c]
    ws.freeze_panes = "A2"
    last = get_column_letter(ncols)
    ws.auto_filter.ref = f"A1:{last}{max(len(body), 1) + 1}"
    ws.print_title_rows = "1:1"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    return body[n:]


class _Styles:
    """Style many cells alike fast: the first cell of a kind gets the attributes,
    the others a copy of its style record (openpyxl hashes every style object
    on each assignment otherwise)."""

    def __init__(self) -> None:
        self.protos: dict[object, object] = {}

    def apply(self, cell, key: object, **attrs: object) -> None:
        proto = self.protos.get(key)
        if proto is None:
            for name, value in attrs.items():
                setattr(cell, name, value)
            self.protos[key] = cell
        else:
            cell._style = copy.copy(proto._style)  # noqa: SLF001 - openpyxl's style record


def _merge(ws: Worksheet, row: int, first_col: int, last_col: int,
           styles: _Styles | None = None) -> None:
    """Merge cells of one row. openpyxl's merge_cells (and MergedCellRange) read
    and re-style the edge cells through its style registry, slow for a hundred
    merges; here the covered cells get the border through ``styles`` (when
    given) and the range is registered as a plain range, which is all the
    writer needs."""
    if styles is not None:
        for c in range(first_col + 1, last_col + 1):
            styles.apply(ws.cell(row=row, column=c), ("covered",), border=_BORDER)
    ws.merged_cells.add(CellRange(min_col=first_col, min_row=row, max_col=last_col, max_row=row))


def _write_summary(ws: Worksheet, rows: list[list[object]], result: RollupResult) -> None:
    widest = max(t.ncols for t in result.layout.values())
    styles = _Styles()
    for r, values in enumerate(rows, start=1):
        for c, value in enumerate(values, start=1):
            _write_value(ws, r, c, value)
    _merge(ws, 1, 1, widest)
    ws.cell(row=1, column=1).font = Font(bold=True, size=16)
    ws.cell(row=1, column=1).alignment = Alignment(horizontal="center", vertical="center")
    ws.row_dimensions[1].height = 30
    for r in (2, 3):
        _merge(ws, r, 1, widest)
        ws.cell(row=r, column=1).alignment = Alignment(wrap_text=True, vertical="center")
    ws.row_dimensions[2].height = 20
    for t in result.layout.values():
        title = ws.cell(row=t.header_row - 1, column=1)
        title.font = Font(bold=True, size=13)
        _style_header(ws, t.header_row, t.ncols)
        for r in range(t.first_row, t.last_row + 1):
            for c in range(1, t.ncols + 1):
                cell = ws.cell(row=r, column=c)
                number = isinstance(cell.value, int | float)
                date = isinstance(cell.value, dt.date)
                mark = _MARK_FILLS.get(str(cell.value)) if c == t.mark_col else None
                styles.apply(cell, (number, date, c == t.rate_col, str(cell.value) if mark else None),
                             border=_BORDER, alignment=_CENTER if number or date or mark else _WRAP,
                             number_format=(PERCENT_FORMAT if c == t.rate_col else
                                            DATE_FORMAT if date else "General"),
                             **({"fill": mark} if mark else {}))
    for c in range(1, widest + 1):
        ws.column_dimensions[get_column_letter(c)].width = SUMMARY_WIDTHS.get(c, 7.5)
    req = result.layout.get("requirements")
    if req and req.ncols < widest:
        # The (shortened) requirement text spans the rest of the width.
        for r in range(req.header_row, req.last_row + 1):
            _merge(ws, r, req.ncols, widest, styles)
            cell = ws.cell(row=r, column=req.ncols)
            if r > req.header_row:
                cell.alignment = Alignment(wrap_text=True, vertical="center")
                # Merged cells do not grow with their text: size the row (a CJK
                # character is about two width units; 15 points a line).
                room = sum(SUMMARY_WIDTHS.get(c, 7.5) for c in range(req.ncols, widest + 1))
                lines = max(math.ceil(2 * len(str(cell.value or "")) / room),
                            math.ceil(2 * len(str(ws.cell(row=r, column=2).value or ""))
                                      / SUMMARY_WIDTHS[2]), 1)
                if lines > 1:
                    ws.row_dimensions[r].height = 15 * lines
    _add_charts(ws, result, widest)
    ws.freeze_panes = "A4"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def _bar_height(units: Table) -> float:
    """Centimetres: room for every unit name on the category axis."""
    return max(7.5, 0.62 * (units.last_row - units.first_row + 1) + 2.5)


def _add_charts(ws: Worksheet, result: RollupResult, widest: int) -> None:
    units = result.layout["units"]
    anchor_col = get_column_letter(widest + 2)
    if units.last_row >= units.first_row and units.rate_col:
        bar = BarChart()
        bar.type = "bar"
        bar.style = 10
        bar.title = L.CHART_RATE_TITLE
        bar.legend = None
        data = Reference(ws, min_col=units.rate_col, min_row=units.header_row, max_row=units.last_row)
        cats = Reference(ws, min_col=2, min_row=units.first_row, max_row=units.last_row)
        bar.add_data(data, titles_from_data=True)
        bar.set_categories(cats)
        bar.y_axis.number_format = "0%"
        bar.y_axis.scaling.min = 0
        bar.y_axis.scaling.max = 1
        bar.y_axis.majorGridlines = None
        bar.x_axis.scaling.orientation = "maxMin"  # first unit at the top
        bar.x_axis.delete = False
        bar.y_axis.delete = False
        bar.width = 14
        bar.height = _bar_height(units)
        ws.add_chart(bar, f"{anchor_col}{units.header_row}")
    statuses = result.layout["statuses"]
    pie = PieChart()
    pie.title = L.CHART_STATUS_TITLE
    data = Reference(ws, min_col=3, min_row=statuses.header_row, max_row=statuses.last_row)
    cats = Reference(ws, min_col=2, min_row=statuses.first_row, max_row=statuses.last_row)
    pie.add_data(data, titles_from_data=True)
    pie.set_categories(cats)
    pie.dataLabels = DataLabelList()
    pie.dataLabels.showPercent = True
    for flag in ("showVal", "showCatName", "showSerName", "showLegendKey"):
        setattr(pie.dataLabels, flag, False)
    pie.width = 12
    pie.height = 8
    # Below the bar chart (default rows are about 0.53 cm high).
    bar_rows = math.ceil(_bar_height(units) / 0.53)
    ws.add_chart(pie, f"{anchor_col}{units.header_row + bar_rows + 1}")


def write_rollup(wb: Workbook, result: RollupResult, *, bulk: bool = False
                 ) -> dict[str, tuple[int, list[list[object]]]]:
    """Write (or replace) 汇总, 进度, 问题 and 历史 in ``wb``; 汇总 becomes the active sheet.

    With ``bulk``, long tables get only their first rows here and the rest is
    returned as {sheet: (first row number, rows)}; ``rollup`` streams them into
    the saved package (much faster than openpyxl cells).
    """
    for name in ROLLUP_SHEETS:
        if name in wb.sheetnames:
            del wb[name]
    limit = BULK_THRESHOLD if bulk else None
    deferred: dict[str, tuple[int, list[list[object]]]] = {}
    ws = wb.create_sheet(L.SHEET_SUMMARY)
    _write_summary(ws, result.sheets[L.SHEET_SUMMARY], result)

    ws = wb.create_sheet(L.SHEET_PROGRESS)
    rows = result.sheets[L.SHEET_PROGRESS]
    # Whole columns get the date format: the streamed rows copy the first row's styles.
    date_cols = tuple(PROGRESS_COLUMNS.index(c) + 1 for c in (L.PCOL_DONE_DATE, L.RCOL_DEADLINE))
    center = tuple(PROGRESS_COLUMNS.index(c) + 1 for c in
                   (L.COL_REQ_ID, L.RCOL_ROLE, L.PCOL_STATUS, L.RCOL_FEEDBACK, L.RCOL_OVERDUE_FLAG))
    rest = _write_table_sheet(ws, rows, PROGRESS_WIDTHS, limit, date_cols, center)
    if rest:
        deferred[ws.title] = (len(rows) - len(rest) + 1, rest)
    n = len(rows)
    fb = get_column_letter(PROGRESS_COLUMNS.index(L.RCOL_FEEDBACK) + 1)
    od = get_column_letter(PROGRESS_COLUMNS.index(L.RCOL_OVERDUE_FLAG) + 1)
    last = get_column_letter(len(PROGRESS_COLUMNS))
    ws.conditional_formatting.add(f"{fb}2:{fb}{max(n, 2)}", FormulaRule(
        formula=[f'{fb}2="{L.FEEDBACK_MISSING}"'], fill=PatternFill("solid", bgColor="F4CCCC")))
    ws.conditional_formatting.add(f"A2:{last}{max(n, 2)}", FormulaRule(
        formula=[f'${od}2="{L.YES}"'], font=Font(color="C00000")))

    ws = wb.create_sheet(L.SHEET_ISSUES)
    rows = result.sheets[L.SHEET_ISSUES]
    rest = _write_table_sheet(ws, rows, ISSUE_WIDTHS, limit, (), (1, 4, 9))
    if rest:
        deferred[ws.title] = (len(rows) - len(rest) + 1, rest)

    ws = wb.create_sheet(L.SHEET_HISTORY)
    rows = result.sheets[L.SHEET_HISTORY]
    rate_col = rows[0].index(L.SCOL_RATE) + 1
    rest = _write_table_sheet(ws, rows, (14, 11, 6, 28) + (8,) * (len(rows[0]) - 4), limit, (2,),
                              (), {rate_col: PERCENT_FORMAT})
    if rest:
        deferred[ws.title] = (len(rows) - len(rest) + 1, rest)
    wb.active = wb.sheetnames.index(L.SHEET_SUMMARY)
    for sheet in wb.worksheets:
        sheet.sheet_view.tabSelected = sheet.title == L.SHEET_SUMMARY
    return deferred


# ------------------------------------------------------- streaming the bulk
_EPOCH = dt.datetime(1899, 12, 30)


def _cell_rest(style: str, value: object) -> str:
    """A cell's XML after its reference (``<c r="A2`` is written before it).
    Text is always a string cell (inline), never a formula."""
    s = f' s="{style}"' if style else ""
    if value is None or value == "":
        return f'"{s}/>'
    if isinstance(value, bool):
        return f'"{s} t="b"><v>{int(value)}</v></c>'
    if isinstance(value, int | float):
        return f'"{s}><v>{value!r}</v></c>'
    if isinstance(value, dt.datetime):
        return f'"{s}><v>{(value - _EPOCH).total_seconds() / 86400!r}</v></c>'
    if isinstance(value, dt.date):
        return f'"{s}><v>{(value - _EPOCH.date()).days}</v></c>'
    text = str(value)
    space = ' xml:space="preserve"' if text[:1].isspace() or text[-1:].isspace() else ""
    return f'"{s} t="inlineStr"><is><t{space}>{escape(text)}</t></is></c>'


_ROW_RE = re.compile(r'<row r="(\d+)"[^>]*>(.*?)</row>', re.S)
_CELL_STYLE_RE = re.compile(r'<c r="([A-Z]+)\d+"(?: s="(\d+)")?')


_CHUNK_ROWS = 2000


def _inject(xml: str, first_row: int, rows: list[list[object]]) -> Iterator[bytes]:
    """The sheet ``xml`` (openpyxl's, with one styled body row) with ``rows`` appended
    from ``first_row`` on, as UTF-8 chunks; each column takes the template row's style."""
    end = xml.index("</sheetData>")
    template = list(_ROW_RE.finditer(xml, 0, end))[-1]
    styles = {col: s or "" for col, s in _CELL_STYLE_RE.findall(template.group(2))}
    ncols = max((len(r) for r in rows), default=0)
    letters = [get_column_letter(c) for c in range(1, ncols + 1)]
    col_styles = [styles.get(letter, "") for letter in letters]
    heads = ['<c r="' + letter for letter in letters]
    # A row is its number joined with the pieces between its occurrences:
    # '<row r="' N '"><c r="A' N '" s=…>value</c><c r="B' N … '</row>'. Columns
    # repeat their values (a requirement's texts on each unit's row), so each
    # column keeps the piece after the row number for each value it has seen
    # (the cell's rest and the next cell's start), already encoded.
    nexts = [*heads[1:], "</row>"]
    pieces: list[dict[object, bytes]] = [{} for _ in letters]

    def piece(j: int, v: object) -> bytes:
        data = (_cell_rest(col_styles[j], v) + nexts[j]).encode("utf-8")
        if v is None or isinstance(v, str | dt.date):  # not numbers: True == 1 as a key
            pieces[j][v] = data
        return data

    start = [b'<row r="', ('">' + heads[0]).encode("ascii") if heads else b'"></row>']
    last_row = first_row + len(rows) - 1
    yield re.sub(r'<dimension ref="([A-Z]+\d+):([A-Z]+)\d+"',
                 lambda m: f'<dimension ref="{m.group(1)}:{m.group(2)}{last_row}"', xml[:end],
                 count=1).encode("utf-8")
    for at in range(0, len(rows), _CHUNK_ROWS):
        parts: list[bytes] = []
        append = parts.append
        for r, values in enumerate(rows[at:at + _CHUNK_ROWS], start=first_row + at):
            if len(values) < ncols:
                values = [*values, *[None] * (ncols - len(values))]
            number = str(r).encode("ascii")
            try:
                append(number.join(start + [seen[v] for seen, v in zip(pieces, values)]))
            except (KeyError, TypeError):
                append(number.join(start + [piece(j, v) for j, v in enumerate(values[:ncols])]))
        yield b"".join(parts)
    yield xml[end:].encode("utf-8")


# ----------------------------------------------------------------- the command
@contextmanager
def _gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while a roll-up builds its many small objects
    (they form no cycles; the collector's passes over them cost a tenth of the time)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def rollup(workbook: str | os.PathLike[str] | IO[bytes], folder: str | os.PathLike[str],
           out: str | os.PathLike[str] | IO[bytes], *, round_label: str | None = None,
           as_of: str | dt.date | None = None, force: bool = False) -> RollupResult:
    """Roll the progress files in ``folder`` up into ``out``: a copy of the master
    ``workbook`` with the sheets 汇总 / 进度 / 问题 / 历史 added or replaced.

    Returned files are never modified; the master is only replaced when
    ``out`` is its path and ``force`` is given. 历史 keeps the other rounds
    found in the master (and in ``out`` when it is replaced).
    """
    if is_file_like(workbook):
        data = workbook.read()  # type: ignore[union-attr]
        name = getattr(workbook, "name", "<stream>")
    else:
        path = existing_file(workbook)  # type: ignore[arg-type]
        data, name = path.read_bytes(), str(path)
    if not is_file_like(out):
        check_writable(out, force)
    if not Path(folder).is_dir():
        raise InputError(L.MSG_NOT_A_FOLDER.format(path=folder), path=str(folder))
    # An OUT being replaced (not the master itself) keeps its 历史 of other rounds.
    old_out = (Path(out) if not is_file_like(out) and Path(out).is_file() and force
               and (is_file_like(workbook) or Path(out).resolve() != Path(workbook).resolve())
               else None)
    with _gc_paused():
        return _rollup(data, name, folder, out, old_out, round_label=round_label, as_of=as_of,
                       force=force)


def _load_master(data: bytes, name: str) -> tuple[Plan, _Prepared]:
    plan = read_plan_fast(data, name)
    return plan, _prepare(plan)


def _rollup(data: bytes, name: str, folder: str | os.PathLike[str],
            out: str | os.PathLike[str] | IO[bytes], old_out: Path | None, *,
            round_label: str | None,
            as_of: str | dt.date | None, force: bool) -> RollupResult:
    # The master is read on the same threads as the returned files, first
    # (python-calamine parses outside the GIL, so the reads share the cores).
    with ThreadPoolExecutor(max_workers=READ_THREADS) as pool:
        loading = pool.submit(_load_master, data, name)
        # The output may be written into the folder itself: it is no return.
        files = read_folder(folder, () if is_file_like(out) else (out,), pool=pool)
        plan, prepared = loading.result()
    history = _calamine_history(data)
    if old_out is not None:
        try:
            history = _merge_history(history, _calamine_history(old_out.read_bytes()))
        except Exception:  # an unreadable old OUT is simply replaced  # noqa: BLE001
            pass
    result = compute_rollup(plan, folder, round_label=round_label, as_of=as_of, history=history,
                            files=files, _prepared=prepared)
    generated = Workbook()
    default = generated.active
    deferred = write_rollup(generated, result, bulk=True)
    generated.remove(default)
    buf = io.BytesIO()
    generated.save(buf)
    merged = merge_sheets(data, buf.getvalue(), active=L.SHEET_SUMMARY, stream=deferred,
                          inject=_inject)
    if is_file_like(out):
        out.write(merged)  # type: ignore[union-attr]
        return result
    with atomic_path(out, force) as tmp:
        tmp.write_bytes(merged)
    result.path = Path(out)
    return result


def _calamine_history(data: bytes) -> list[list[object]]:
    """The 历史 sheet of a workbook given as bytes (header first), or []."""
    import python_calamine

    book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    try:
        if L.SHEET_HISTORY not in book.sheet_names:
            return []
        rows = book.get_sheet_by_name(L.SHEET_HISTORY).to_python()
    finally:
        book.close()
    out = [[None if v == "" else v for v in r] for r in rows]
    for r in out[1:]:
        if len(r) > 1 and isinstance(r[1], dt.datetime):
            r[1] = r[1].date()
        for j, v in enumerate(r):
            if isinstance(v, float) and v.is_integer():
                r[j] = int(v)
    return out


def demo_cycle(workbook: str | os.PathLike[str], out_dir: str | os.PathLike[str],
               samples: str | os.PathLike[str], *, as_of: str | dt.date = "2019-04-20",
               force: bool = False) -> Iterator[str]:
    """The progress step of ``xltools demo``: split ``workbook`` into ``out_dir``,
    put the bundled sample returns (``samples``, e.g. examples/returned) beside
    them as the units' answers, and roll them up. Yields one line per step."""
    out = Path(out_dir)
    sent = split(workbook, out / L.PROGRESS_DEMO_SPLIT_DIR, round_label=L.PROGRESS_DEMO_ROUND,
                 force=force)
    yield sent.summary()
    returned = out / L.PROGRESS_DEMO_RETURNED_DIR
    if returned.exists():
        if not force:
            raise OutputError(L.MSG_FILE_EXISTS.format(path=returned), path=str(returned))
        shutil.rmtree(returned)
    shutil.copytree(samples, returned)  # copy2: the files keep their times
    yield L.MSG_DEMO_RETURNED.format(count=len(list(returned.iterdir())), path=returned)
    result = rollup(workbook, returned, out / L.PROGRESS_DEMO_ROLLUP, as_of=as_of, force=force)
    yield result.summary()


def _merge_history(first: list[list[object]], second: list[list[object]]) -> list[list[object]]:
    """Rows of two 历史 sheets; rounds in ``second`` replace the same rounds in ``first``."""
    if not first:
        return second
    if not second:
        return first
    header = [cell_key(v) for v in first[0]]
    h2 = [cell_key(v) for v in second[0]]
    rounds2 = {cell_key(r[h2.index(L.HCOL_ROUND)]) for r in second[1:] if L.HCOL_ROUND in h2 and r}
    ri = header.index(L.HCOL_ROUND) if L.HCOL_ROUND in header else 0
    kept = [r for r in first[1:] if r and cell_key(r[ri]) not in rounds2]
    mapped = [[dict(zip(h2, r, strict=False)).get(h) for h in header] for r in second[1:]]
    return [first[0], *kept, *mapped]


__all__ = ["rollup", "compute_rollup", "write_rollup", "read_history",
           "RollupResult", "Issue", "Slot", "schedule_fraction", "ROLLUP_SHEETS", "demo_cycle"]
