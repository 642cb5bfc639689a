"""Read the normalised workbook back into the model, tolerating what people do
in Excel: sorted or filtered rows, inserted and blank rows, columns moved,
ids that Excel turned into dates or numbers, units added on 单位.

``load_workbook`` returns the plan plus every problem found (with sheet and
row); ``read_plan`` is the short form later steps use.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import zipfile
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import IO

import openpyxl
from openpyxl.utils.exceptions import InvalidFileException

from xltools import labels as L
from xltools.budget import join_continued
from xltools.deadlines import parse_deadline_cell
from xltools.errors import WorkbookError
from xltools.io.fileio import read_input
from xltools.io.guard import bad_part_error, explain
from xltools.model import (Assignment, Deadline, Goal, Plan, PlanInfo, Requirement,
                           ReviewNote, Role, Task, Unit, make_requirement_id,
                           requirement_sort_key, split_requirement_id)
from xltools.text import clean_cell

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """Something `check` reports: where it is and what to fix."""

    sheet: str
    row: int | None
    column: str
    message: str
    severity: str = ERROR

    def __str__(self) -> str:
        where = self.sheet + (f"!{self.row}" if self.row else "")
        col = f" [{self.column}]" if self.column else ""
        kind = L.CHK_KIND_ERROR if self.severity == ERROR else L.CHK_KIND_WARNING
        return f"{where}{col} {kind}：{self.message}"


@dataclass
class Loaded:
    plan: Plan
    problems: list[Problem] = field(default_factory=list)
    # Sheet row of each requirement's first row (for messages of later steps).
    rows: dict[str, int] = field(default_factory=dict)
    # Said by `check` without failing it: 待核对 notes without a 核对结果 yet.
    reminders: list[str] = field(default_factory=list)


def _open(src: str | os.PathLike[str] | IO[bytes]) -> tuple[openpyxl.Workbook, str, bytes]:
    # Through the input guard: a zip bomb, damaged or encrypted file is refused unparsed.
    data, name = read_input(src)
    try:
        wb = openpyxl.load_workbook(io.BytesIO(data), data_only=True, read_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError,
            SyntaxError, zlib.error) as exc:
        raise (bad_part_error(data, name)
               or WorkbookError(L.MSG_NOT_A_WORKBOOK.format(path=name, reason=exc), path=name)) from exc
    return wb, name, data


def _rows(ws) -> list[tuple[int, tuple]]:
    """(row number, values) for every non-blank row below the header."""
    out = []
    for idx, values in enumerate(ws.iter_rows(min_row=2, values_only=True), start=2):
        if any(v not in (None, "") and str(v).strip() for v in values):
            out.append((idx, values))
    return out


def _header_map(ws, required: Iterable[str], path: str) -> dict[str, int]:
    header = [clean_cell(v) for v in next(ws.iter_rows(min_row=1, max_row=1, values_only=True), ())]
    cols = {name: i for i, name in reversed(list(enumerate(header))) if name}
    for name in required:
        if name not in cols:
            raise WorkbookError(L.MSG_MISSING_COLUMN.format(path=path, sheet=ws.title, column=name),
                                path=path, sheet=ws.title, row=1)
    return cols


def _get(values: tuple, cols: dict[str, int], name: str) -> object:
    i = cols.get(name)
    return values[i] if i is not None and i < len(values) else None


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, dt.datetime):
        value = value.date() if value.time() == dt.time() else value
    if isinstance(value, dt.date):
        return value.isoformat()
    return clean_cell(value)


_ID_SEPARATORS = re.compile(r"\s*[-－—–‐_.．、/]\s*")


def normalise_requirement_id(value: object) -> tuple[str | None, str | None]:
    """A 要求编号 cell → (id, how Excel had converted it) ; id None when unusable."""
    if isinstance(value, dt.datetime | dt.date):
        # "1-2" typed into a General cell becomes 1 Feb or 2 Jan depending on locale;
        # Chinese Excel reads it as month-day.
        return make_requirement_id(value.month, value.day), "date"
    if isinstance(value, float) and not value.is_integer():
        text = repr(value)
        if not re.fullmatch(r"\d+\.\d+", text):  # NaN, inf, 2.3e-216, negative: no id
            return None, None
        a, _, b = text.partition(".")
        return make_requirement_id(int(a), int(b)), "number"
    text = _text(value)
    if not text:
        return None, None
    text = _ID_SEPARATORS.sub("-", text)
    parts = split_requirement_id(text)
    if parts:
        return make_requirement_id(*parts), None
    return None, None


def read_settings(ws) -> PlanInfo:
    values: dict[str, object] = {}
    extra: list[tuple[str, str]] = []
    for key, value, *_ in ws.iter_rows(min_row=2, max_col=2, values_only=True):
        k = _text(key)
        if k == L.SETTINGS_END_MARKER:
            break
        if not k:
            continue
        if k in L.SETTING_KEYS:
            values[k] = value
        else:
            extra.append((k, _text(value)))
    year_raw = values.get(L.SET_YEAR)
    year = None
    if year_raw not in (None, ""):
        m = re.search(r"\d{4}", _text(year_raw))
        year = int(m.group()) if m else None
    feedback = _setting_date(values.get(L.SET_FEEDBACK_DEADLINE), year)
    issue_date = _setting_date(values.get(L.SET_ISSUE_DATE), year)
    columns = tuple(s for s in re.split(r"[、,，;；/\s]+", _text(values.get(L.SET_SOURCE_COLUMNS)))
                    if s)
    statuses = tuple(s for s in re.split(r"[、,，;；/\s]+", _text(values.get(L.SET_STATUSES))) if s)
    return PlanInfo(title=_text(values.get(L.SET_TITLE)), year=year,
                    issuer=_text(values.get(L.SET_ISSUER)),
                    doc_number=_text(values.get(L.SET_DOC_NUMBER)), feedback_deadline=feedback,
                    contact=_text(values.get(L.SET_CONTACT)), phone=_text(values.get(L.SET_PHONE)),
                    statuses=statuses, extra=tuple(extra), issue_date=issue_date,
                    source_columns=columns)


def _setting_date(value: object, year: int | None) -> dt.date | str | None:
    """A date setting: a date cell, or text read as a date (else kept as text)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return parse_deadline_cell(_text(value), year).date or (_text(value) or None)


def read_units(ws, path: str, problems: list[Problem]) -> tuple[Unit, ...]:
    cols = _header_map(ws, (L.UCOL_NAME,), path)
    units: list[Unit] = []
    first_row: dict[str, int] = {}
    alias_owner: dict[str, str] = {}
    for row, values in _rows(ws):
        name = _text(_get(values, cols, L.UCOL_NAME))
        if not name:
            continue
        if name in first_row:
            problems.append(Problem(ws.title, row, L.UCOL_NAME,
                                    L.CHK_DUPLICATE_UNIT.format(unit=name, first_row=first_row[name])))
            continue
        first_row[name] = row
        aliases = tuple(a for a in re.split(r"[、,，;；\n]+", _text(_get(values, cols, L.UCOL_ALIASES)))
                        if a.strip() and a.strip() != name)
        for alias in aliases:
            if alias in alias_owner and alias_owner[alias] != name:
                problems.append(Problem(ws.title, row, L.UCOL_ALIASES, L.CHK_ALIAS_CONFLICT.format(
                    alias=alias, first=alias_owner[alias], second=name)))
            alias_owner.setdefault(alias, name)
        units.append(Unit(name=name, kind=_text(_get(values, cols, L.UCOL_KIND)), aliases=aliases,
                          contact=_text(_get(values, cols, L.UCOL_CONTACT)),
                          phone=_text(_get(values, cols, L.UCOL_PHONE)),
                          email=_text(_get(values, cols, L.UCOL_EMAIL))))
    return tuple(units)


def _read_review(ws) -> tuple[ReviewNote, ...]:
    cols = _header_map(ws, (), "")
    notes = []
    for _, values in _rows(ws):
        line = _get(values, cols, L.RCOL_LINE)
        notes.append(ReviewNote(kind=_text(_get(values, cols, L.RCOL_KIND)),
                                message=_text(_get(values, cols, L.RCOL_MESSAGE)),
                                requirement_id=_text(_get(values, cols, L.RCOL_REQ_ID)),
                                line=int(line) if isinstance(line, int | float) else None,
                                source=_text(_get(values, cols, L.RCOL_SOURCE))))
    return tuple(notes)


def _review_open(ws) -> list[Problem]:
    """A warning when notes on 待核对 have no 核对结果 yet (one line for all of them)."""
    cols = _header_map(ws, (), "")
    if L.RCOL_RESULT not in cols:
        return []
    open_rows = [row for row, values in _rows(ws) if not _text(_get(values, cols, L.RCOL_RESULT))]
    if not open_rows:
        return []
    shown = L.ALIAS_SEPARATOR.join(map(str, open_rows[:10])) + ("…" if len(open_rows) > 10 else "")
    return [Problem(L.SHEET_REVIEW, None, L.RCOL_RESULT,
                    L.CHK_REVIEW_OPEN.format(count=len(open_rows), rows=shown), WARNING)]


def _deadline(value: object, year: int | None) -> tuple[Deadline, bool]:
    """A 完成时限 cell → (deadline, ok)."""
    if isinstance(value, dt.datetime):
        return Deadline(date=value.date()), True
    if isinstance(value, dt.date):
        return Deadline(date=value), True
    text = _text(value)
    if not text:
        return Deadline(), True
    parsed = parse_deadline_cell(text, year)
    ok = parsed.date is not None or not _looks_like_date(text)
    return parsed, ok


def _looks_like_date(text: str) -> bool:
    """Text that is meant as a date (digits and date separators) but did not parse."""
    return bool(re.fullmatch(r"[\d\s年月日号/.\-－]+", text)) and any(c.isdigit() for c in text)


def read_continued(rows: Iterable[Iterable[object]]) -> dict[str, list[str]]:
    """要求编号 → the pieces of its text on the 续文 sheet (header first), in order."""
    found: dict[str, list[tuple[int, str]]] = {}
    for values in list(rows)[1:]:
        values = list(values) + [None, None, None]
        req_id, order, piece = values[0], values[1], values[2]
        if req_id in (None, "") or piece in (None, ""):
            continue
        try:
            n = int(order)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            n = 0
        found.setdefault(str(req_id).strip(), []).append((n, str(piece)))
    return {k: [p for _, p in sorted(v, key=lambda t: t[0])] for k, v in found.items()}


def assemble_goals(reqs: dict[str, dict],
                   sort_keys: dict[str, tuple[int, int, str]] | None = None,
                   continued: dict[str, list[str]] | None = None) -> tuple[Goal, ...]:
    """Goals → tasks → requirements in id order, whatever the row order.

    ``reqs`` maps a requirement id to its fields (目标, 任务, 具体要求, 原文责任单位, "deadline");
    ``sort_keys`` its ``requirement_sort_key`` when already known.
    """
    goals: dict[str, dict[int, list[Requirement]]] = {}
    task_names: dict[int, str] = {}
    task_goal: dict[int, str] = {}
    keys = sort_keys or {}
    keyed = sorted((keys.get(req_id) or requirement_sort_key(req_id), req_id) for req_id in reqs)
    for (task_no, _, _), req_id in keyed:
        f = reqs[req_id]
        goal = task_goal.setdefault(task_no, f[L.COL_GOAL])
        task_names.setdefault(task_no, f[L.COL_TASK])
        text = f[L.COL_REQUIREMENT]
        if continued and req_id in continued:  # longer than a cell: the rest is on 续文
            text = join_continued(text, continued[req_id])
        goals.setdefault(goal, {}).setdefault(task_no, []).append(Requirement(
            id=req_id, text=text, deadline=f["deadline"],
            units_text=f[L.COL_UNITS_TEXT]))
    return tuple(Goal(name=g, tasks=tuple(Task(n, task_names[n], tuple(rs))
                                          for n, rs in tasks.items()))
                 for g, tasks in goals.items())


def load_workbook(src: str | os.PathLike[str] | IO[bytes]) -> Loaded:
    """Read the normalised workbook; return the plan and every problem found."""
    wb, path, data = _open(src)
    try:
        return _load(wb, path)
    except (zipfile.BadZipFile, zlib.error, SyntaxError, EOFError) as exc:
        # Read-only sheets are parsed while iterating: a malformed part shows up here.
        raise explain(data, path, exc) from exc
    except (ValueError, IndexError, OverflowError) as exc:
        # openpyxl converts each cell as it is read: a value no cell can hold (a date
        # that does not parse, a shared string that is not there) is named, no traceback.
        raise explain(data, path, exc) from exc
    finally:
        wb.close()


def _load(wb: openpyxl.Workbook, path: str) -> Loaded:
    for sheet in (L.SHEET_ASSIGNMENTS, L.SHEET_UNITS):
        if sheet not in wb.sheetnames:
            raise WorkbookError(L.MSG_MISSING_SHEET.format(path=path, sheet=sheet), path=path,
                                sheet=sheet)
    problems: list[Problem] = []
    info = read_settings(wb[L.SHEET_README]) if L.SHEET_README in wb.sheetnames else PlanInfo()
    units = read_units(wb[L.SHEET_UNITS], path, problems)
    canonical: dict[str, str] = {}
    for u in units:
        canonical[u.name] = u.name
        for alias in u.aliases:
            canonical.setdefault(alias, u.name)

    ws = wb[L.SHEET_ASSIGNMENTS]
    sheet = ws.title
    cols = _header_map(ws, (L.COL_REQ_ID, L.COL_REQUIREMENT, L.COL_UNIT, L.COL_ROLE), path)
    reqs: dict[str, dict] = {}
    first_row: dict[str, int] = {}
    assignments: list[tuple[str, int, Assignment]] = []
    seen_pairs: dict[tuple[str, str, str], int] = {}
    for row, values in _rows(ws):
        raw_id = _get(values, cols, L.COL_REQ_ID)
        req_id, converted = normalise_requirement_id(raw_id)
        if req_id is None:
            problems.append(Problem(sheet, row, L.COL_REQ_ID,
                                    L.CHK_BAD_REQ_ID.format(value=_text(raw_id))))
            continue
        if converted:
            kind = "日期" if converted == "date" else "数字"
            problems.append(Problem(sheet, row, L.COL_REQ_ID, L.CHK_REQ_ID_CONVERTED.format(
                kind=kind, value=_text(raw_id), req_id=req_id), WARNING))
        fields = {
            L.COL_GOAL: _text(_get(values, cols, L.COL_GOAL)),
            L.COL_TASK: _text(_get(values, cols, L.COL_TASK)),
            L.COL_REQUIREMENT: _text(_get(values, cols, L.COL_REQUIREMENT)),
            L.COL_UNITS_TEXT: _text(_get(values, cols, L.COL_UNITS_TEXT)),
        }
        task_no_raw = _text(_get(values, cols, L.COL_TASK_NO))
        task_no = split_requirement_id(req_id)[0]  # type: ignore[index]
        if task_no_raw and task_no_raw != str(task_no):
            problems.append(Problem(sheet, row, L.COL_TASK_NO, L.CHK_TASK_NO_MISMATCH.format(
                task_no=task_no_raw, req_id=req_id)))
        deadline, ok = _deadline(_get(values, cols, L.COL_DEADLINE), info.year)
        if not ok:
            problems.append(Problem(sheet, row, L.COL_DEADLINE, L.CHK_BAD_DATE.format(
                value=_text(_get(values, cols, L.COL_DEADLINE)))))
        if req_id not in reqs:
            reqs[req_id] = {**fields, "deadline": deadline}
            first_row[req_id] = row
        else:
            known = reqs[req_id]
            for column in (L.COL_GOAL, L.COL_TASK, L.COL_REQUIREMENT):
                if fields[column] and known[column] and fields[column] != known[column]:
                    problems.append(Problem(sheet, row, column, L.CHK_TEXT_CONFLICT.format(
                        req_id=req_id, column=column, first_row=first_row[req_id])))
                elif fields[column] and not known[column]:
                    known[column] = fields[column]
            if deadline and not known["deadline"]:
                known["deadline"] = deadline
        unit_raw = _text(_get(values, cols, L.COL_UNIT))
        role_raw = _text(_get(values, cols, L.COL_ROLE))
        role = Role.parse(role_raw)
        if unit_raw:
            unit = canonical.get(unit_raw)
            if unit is None:
                problems.append(Problem(sheet, row, L.COL_UNIT,
                                        L.CHK_UNKNOWN_UNIT.format(unit=unit_raw)))
                unit = unit_raw
            if role is None:
                problems.append(Problem(sheet, row, L.COL_ROLE, L.CHK_BAD_ROLE.format(role=role_raw)
                                        if role_raw else L.CHK_MISSING_ROLE))
            # A unit may hold two roles on one requirement (牵头单位 and 业主单位 columns both
            # name it): one row per role. The same unit twice in the same role is a slip.
            key = (req_id, unit, role_raw if role is None else role.value)
            if key in seen_pairs:
                problems.append(Problem(sheet, row, L.COL_UNIT, L.CHK_DUPLICATE_ASSIGNMENT.format(
                    unit=unit, req_id=req_id, first_row=seen_pairs[key]), WARNING))
            seen_pairs.setdefault(key, row)
        else:
            unit = ""
            problems.append(Problem(sheet, row, L.COL_UNIT, L.CHK_MISSING_UNIT, WARNING))
        assignments.append((req_id, row, Assignment(req_id, unit, role,
                                                    _text(_get(values, cols, L.COL_REMARK)))))

    for req_id, f in reqs.items():
        if not f[L.COL_REQUIREMENT]:
            problems.append(Problem(sheet, first_row[req_id], L.COL_REQUIREMENT,
                                    L.CHK_MISSING_REQUIREMENT))
    continued = (read_continued(wb[L.SHEET_CONTINUED].iter_rows(values_only=True))
                 if L.SHEET_CONTINUED in wb.sheetnames else None)
    plan_goals = assemble_goals(reqs, continued=continued)
    assignments.sort(key=lambda t: (requirement_sort_key(t[0]), t[1]))
    notes = _read_review(wb[L.SHEET_REVIEW]) if L.SHEET_REVIEW in wb.sheetnames else ()
    reminders = [str(p) for p in _review_open(wb[L.SHEET_REVIEW])] if notes else []
    plan = Plan(info=info, goals=plan_goals,
                assignments=tuple(a for req_id, _, a in assignments if req_id in reqs),
                units=units, notes=notes)
    return Loaded(plan=plan, problems=problems, rows=first_row, reminders=reminders)


def read_plan(src: str | os.PathLike[str] | IO[bytes]) -> Plan:
    """The plan in a normalised workbook (problems that `check` would list are ignored)."""
    return load_workbook(src).plan
