"""Read a roll-up workbook back (its 进度 sheet and the hidden info sheet) and
apply the 汇总 rules again, for the 通报 and the 催办.

The rules run on what the sheet says now, so a status corrected by hand on
进度 counts; nothing is taken from the 汇总 sheet's text.
"""

from __future__ import annotations

import datetime as dt
import io
import os
from pathlib import Path
from typing import IO

import python_calamine

from xltools import labels as L
from xltools.errors import WorkbookError
from xltools.budget import ROLLUP_CELLS_FACTOR, ROLLUP_LIMITS
from xltools.budget import ROLLUP_CELLS_FACTOR, ROLLUP_LIMITS
from xltools.io.fileio import is_file_like, read_input
from xltools.io.guard import MAX_CELLS, check_package, is_reader_failure
from xltools.io.guard import MAX_CELLS, check_package
from xltools.model import Deadline, PlanInfo
from xltools.progress import summary as S
from xltools.progress.identity import cell_key, parse_date_arg
from xltools.progress.results import PROGRESS_COLUMNS, RollupResult, Slot
from xltools.progress.status import done_status
from xltools.workbook.reader import _deadline


def _rows(book, name: str) -> list[list[object]]:
    return book.get_sheet_by_name(name).to_python(skip_empty_area=False)


def _value(v: object) -> object:
    if v == "":
        return None
    if isinstance(v, dt.datetime) and v.time() == dt.time():
        return v.date()
    if isinstance(v, float) and v.is_integer():
        return int(v)
    return v


def read_rollup(src: str | os.PathLike[str] | IO[bytes]
                ) -> tuple[RollupResult, list[tuple[str, str, str, Deadline]], PlanInfo]:
    """(result with marks and sheets, requirements in order, the plan's 说明 info)."""
    # The input guard (zip bombs, damaged, encrypted), with the cells a roll-up may
    # hold: the master's and the sheets rollup adds (budget.ROLLUP_CELLS_FACTOR).
    data, name = read_input(src, check=False)
    check_package(data, name, max_cells=MAX_CELLS * ROLLUP_CELLS_FACTOR,
                  limits=ROLLUP_LIMITS)
    try:
        book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    except Exception as exc:  # calamine raises several types for broken files
        raise WorkbookError(L.MSG_NOT_A_WORKBOOK.format(path=name, reason=exc), path=name) from exc
    try:
        for sheet in (L.SHEET_PROGRESS, L.ROLLUP_INFO_SHEET):
            if sheet not in book.sheet_names:
                message = (L.MSG_ROLLUP_TOO_OLD.format(path=name) if sheet == L.ROLLUP_INFO_SHEET
                           and L.SHEET_PROGRESS in book.sheet_names
                           else L.MSG_NOT_A_ROLLUP.format(path=name, sheet=sheet))
                raise WorkbookError(message, path=name, sheet=sheet)
        try:
            info_rows = _rows(book, L.ROLLUP_INFO_SHEET)
            progress = _rows(book, L.SHEET_PROGRESS)
            by_requirement = (_rows(book, L.SHEET_BY_REQUIREMENT)
                              if L.SHEET_BY_REQUIREMENT in book.sheet_names else [])
        except BaseException as exc:  # a Rust panic is a BaseException
            if not is_reader_failure(exc):
                raise
            raise WorkbookError(L.MSG_NOT_A_WORKBOOK.format(path=name, reason=exc),
                                path=name) from exc
    finally:
        book.close()
    values = {cell_key(r[0]): r[1] if len(r) > 1 else "" for r in info_rows[1:] if r and r[0]}

    def text(key: str) -> str:
        return cell_key(values.get(key))

    try:
        as_of = parse_date_arg(text("as_of"))
        deadline = parse_date_arg(text("feedback_deadline")) if text("feedback_deadline") else None
        schedule = float(values.get("schedule") or 0)
    except (ValueError, TypeError) as exc:
        raise WorkbookError(L.MSG_ROLLUP_TOO_OLD.format(path=name), path=name) from exc
    if as_of is None:
        raise WorkbookError(L.MSG_ROLLUP_TOO_OLD.format(path=name), path=name)
    year = int(text("year")) if text("year").isdigit() else None
    options = tuple(s for s in text("statuses").split(L.ALIAS_SEPARATOR) if s) or L.DEFAULT_STATUSES
    info = PlanInfo(title=text("title"), year=year, issuer=text("issuer"),
                    doc_number=text("doc_number"), feedback_deadline=deadline,
                    contact=text("contact"), phone=text("phone"), statuses=options,
                    extra=tuple((key, text(name)) for key, name in (
                        (L.SET_YELLOW_POINTS, "yellow_points"), (L.SET_RED_POINTS, "red_points"))
                        if text(name)))
    header = [cell_key(v) for v in progress[0]] if progress else []
    missing = [c for c in (L.COL_REQ_ID, L.RCOL_UNIT, L.PCOL_STATUS, L.RCOL_FEEDBACK)
               if c not in header]
    if missing:
        raise WorkbookError(L.MSG_MISSING_COLUMN.format(path=name, sheet=L.SHEET_PROGRESS,
                                                        column=missing[0]),
                            path=name, sheet=L.SHEET_PROGRESS)
    col = {c: header.index(c) for c in PROGRESS_COLUMNS if c in header}
    done = done_status(options)
    slots: list[Slot] = []
    units: dict[str, None] = {}
    requirements: dict[str, tuple[str, str, str, Deadline]] = {}
    deadlines: dict[object, Deadline] = {}
    for raw in progress[1:]:
        def get(c: str, raw=raw) -> object:
            i = col.get(c)
            return _value(raw[i]) if i is not None and i < len(raw) else None
        req_id, unit = cell_key(get(L.COL_REQ_ID)), cell_key(get(L.RCOL_UNIT))
        if not req_id or not unit:
            continue
        raw_deadline = get(L.RCOL_DEADLINE)
        if raw_deadline not in deadlines:
            deadlines[raw_deadline] = _deadline(raw_deadline, year)[0]
        due = deadlines[raw_deadline]
        status = get(L.PCOL_STATUS)
        key = cell_key(status) if status is not None and cell_key(status) in options else None
        slot = Slot(req_id, unit, cell_key(get(L.RCOL_ROLE)), cell_key(get(L.RCOL_GOAL)),
                    cell_key(get(L.RCOL_TASK)), cell_key(get(L.RCOL_REQUIREMENT)), due,
                    status=status, status_key=key, progress=get(L.PCOL_PROGRESS),
                    done_date=get(L.PCOL_DONE_DATE), issues=get(L.PCOL_ISSUES),
                    next_plan=get(L.PCOL_NEXT), feedback=cell_key(get(L.RCOL_FEEDBACK)),
                    source=cell_key(get(L.RCOL_SOURCE_FILE)), extend_to=get(L.RCOL_EXTEND_TO),
                    extend_reason=get(L.RCOL_EXTEND_REASON))
        slot.overdue = bool(due.date and due.date < as_of and key != done)
        slots.append(slot)
        units.setdefault(unit, None)
        if not slot.functional:  # a 按职能 row is one per task, not a requirement
            requirements.setdefault(req_id, (slot.goal, req_id, slot.requirement, due))
    ordered = [u for u in str(values.get("units") or "").split("\n") if u in units]
    if len(ordered) == len(units):  # the units in plan order, as the roll-up had them
        units = dict.fromkeys(ordered)
    shown_ids = dict(line.split("=", 1) for line in str(values.get("shown_ids") or "").split("\n")
                     if "=" in line)
    result = RollupResult(round_label=text("round"), as_of=as_of, schedule=schedule, sheets={},
                          issues=[], slots=slots, units=list(units), returned=[], files_read=0,
                          rows_read=0, rows_used=0, rows_reported=0, status_options=options,
                          feedback_deadline=deadline, path=None if is_file_like(src) else Path(name),
                          shown_ids=shown_ids)
    reqs = list(requirements.values())
    listed = _listed_requirements(by_requirement, year)
    if listed and set(requirements) <= {r[1] for r in listed}:
        reqs = listed  # every requirement, those answered only on 按职能 rows included
    S.build(result, reqs, info)
    return result, reqs, info


def _listed_requirements(rows: list[list[object]], year: int | None
                         ) -> list[tuple[str, str, str, Deadline]]:
    """The requirements of the 按要求 sheet, in order: (goal, id, text, deadline)."""
    if not rows:
        return []
    header = [cell_key(v) for v in rows[0]]
    need = (L.COL_REQ_ID, L.RCOL_GOAL, L.RCOL_DEADLINE, L.RCOL_REQUIREMENT)
    if any(c not in header for c in need):
        return []
    i_id, i_goal, i_due, i_text = (header.index(c) for c in need)
    out = []
    for raw in rows[1:]:
        get = lambda i, raw=raw: _value(raw[i]) if i < len(raw) else None  # noqa: E731
        req_id = cell_key(get(i_id))
        if req_id:
            out.append((cell_key(get(i_goal)), req_id, cell_key(get(i_text)),
                        _deadline(get(i_due), year)[0]))
    return out


__all__ = ["read_rollup"]
