"""Compute the roll-up: read the returned files, choose one per unit, fill each
(requirement, unit) slot, and list on 问题 every file, sheet and row that could
not be used as is (rows read = rows used + rows reported)."""

from __future__ import annotations

import datetime as dt
import os
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from openpyxl.utils import get_column_letter

from xltools import labels as L
from xltools.budget import ISSUES_MAX_ROWS, ISSUES_SHOWN_PER_KIND
from xltools.errors import InputError, XltoolsError
from xltools.progress.master import requirement_id
from xltools.model import Plan
from xltools.progress.identity import (LOCKED_COLUMNS, cell_key, default_round,
                                       iter_unit_lines, parse_date_arg, parse_functional_id, plan_fingerprint,
                                       progress_units, row_fingerprint, unit_canonical_names)
from xltools.progress.results import Issue, RollupResult, Slot
from xltools.progress.returns import (ERR_EMPTY, ERR_ENCRYPTED, ERR_FOLDER, ERR_LOCK, ERR_NO_TABLE,
                                      ERR_OTHER, ERR_TOO_LARGE, ReturnedFile, _as_date,
                                      clean_value, read_folder)
from xltools.progress.status import done_status, map_status, status_options
from xltools.progress import summary as S

_EMPTY = (None, "")
ORIGINAL_MAX = 2000

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
        for row, raw in rf.outside:
            self.add(rf, kind, reason, L.HANDLED_SKIPPED, sheet=rf.sheet, row=row, unit=unit,
                     original=_original((), raw))

    def outside(self, rf: ReturnedFile, unit: str) -> None:
        """Text a unit typed outside the table: above the header, in unheaded columns."""
        for row, raw in rf.outside:
            self.add(rf, L.ISSUE_OUTSIDE_TABLE, L.MSG_ISSUE_OUTSIDE_TABLE.format(
                where=L.MSG_WHERE_ABOVE), L.HANDLED_SKIPPED, sheet=rf.sheet, row=row, unit=unit,
                original=_original((), raw))
        for row, col, value in rf.unheaded:
            letter = get_column_letter(col)
            shown = value.isoformat() if isinstance(value, dt.date) else str(value)
            self.add(rf, L.ISSUE_OUTSIDE_TABLE, L.MSG_ISSUE_OUTSIDE_TABLE.format(
                where=L.MSG_WHERE_UNHEADED.format(column=letter)), L.HANDLED_NOTE,
                sheet=rf.sheet, row=row, unit=unit, original=f"{letter}={shown}"[:ORIGINAL_MAX])


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
    texts = {req.id: cell_key(req.text) for req in plan.requirements}
    for slot in slots.values():  # the 按职能 rows: one per task, the same text for every unit
        if slot.functional:
            texts.setdefault(slot.req_id, cell_key(slot.requirement))
    return _Prepared(plan, slots, rows_by_unit, unit_canonical_names(plan),
                     plan_fingerprint(plan), texts)


def _build_slots(plan: Plan) -> tuple[dict[tuple[str, str], Slot], dict[str, list[Slot]]]:
    """The 进度 lines (requirement order, then role) and each unit's rows, in one pass."""
    slots: dict[tuple[str, str], Slot] = {}
    rows: dict[str, list[Slot]] = {u: [] for u in progress_units(plan)}
    functional: list[Slot] = []
    for unit, row in iter_unit_lines(plan):
        slot = Slot(row.req_id, unit, row.role, row.goal, row.task, row.requirement, row.deadline,
                    shown_id=row.shown_id)
        if slot.functional:
            functional.append(slot)
        else:
            slots[(row.req_id, unit)] = slot
        rows[unit].append(slot)
    # 进度 lists the requirement rows, then the 按职能 rows (one per task and unit).
    for slot in functional:
        slots[(slot.req_id, slot.unit)] = slot
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
    # typed 要求编号 → id, for all files; an item "4." of the original is shown as 4.
    ids: dict[object, str | None] = {}
    for req_id, shown in plan.shown_ids().items():
        ids[shown] = ids[int(shown)] = req_id
    candidates: dict[str, list[ReturnedFile]] = {}
    for rf in files:
        if rf.hidden_name and rf.error is None:
            out.add(rf, L.ISSUE_HIDDEN_FILE, L.MSG_ISSUE_HIDDEN_FILE, L.HANDLED_NOTE)
        for note_kind, note in rf.notes:  # e.g. a number no reader can hold, read as text
            out.add(rf, note_kind, note, L.HANDLED_NOTE)
        if rf.error:
            kind, message = rf.error
            issue_kind = {ERR_OTHER: L.ISSUE_OTHER_FILE, ERR_TOO_LARGE: L.ISSUE_TOO_LARGE,
                          ERR_EMPTY: L.ISSUE_EMPTY, ERR_NO_TABLE: L.ISSUE_NO_TABLE,
                          ERR_LOCK: L.ISSUE_LOCK_FILE, ERR_ENCRYPTED: L.ISSUE_ENCRYPTED,
                          ERR_FOLDER: L.ISSUE_UNREADABLE_FOLDER}.get(kind, L.ISSUE_UNREADABLE)
            out.add(rf, issue_kind, message, L.HANDLED_SKIPPED)
            out.all_rows(rf, issue_kind, message)
            continue
        hidden = canonical.get(rf.hidden_unit, rf.hidden_unit)
        visible = canonical.get(rf.visible_unit, rf.visible_unit)
        if rf.hidden_unit and rf.visible_unit and hidden != visible:
            # Someone changed one of the two: the visible 填报单位 counts, and it is said.
            out.add(rf, L.ISSUE_IDENTITY_CONFLICT, L.MSG_ISSUE_IDENTITY_CONFLICT.format(
                hidden=rf.hidden_unit, visible=rf.visible_unit), L.HANDLED_NOTE, unit=visible)
            rf.unit = rf.visible_unit
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
                raw_id = dr.values.get(L.COL_REQ_ID)
                req_id = (ids.get(raw_id) if isinstance(raw_id, str | int | float) else None) \
                    or requirement_id(raw_id) or parse_functional_id(raw_id)
                text = dr.values.get(L.COL_REQUIREMENT)
                # (a 牵头 row may carry the co-leads after the text)
                if req_id in req_texts and (text is None
                                            or cell_key(text).startswith(req_texts[req_id])):
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
                                feedback_deadline, out, rows_by_unit[unit], ids)

    year = plan.info.year or day.year
    schedule = schedule_fraction(year, day)
    for slot in slots.values():
        slot.overdue = bool(slot.deadline.date and slot.deadline.date < day and slot.status_key != done)
    # One 反馈截止日期 for the unit rules: 说明, else the one written in most returned files.
    due = feedback_deadline
    if due is None:
        written = Counter(f.deadline for f in chosen.values() if f.deadline)
        due = written.most_common(1)[0][0] if written else None

    files_read = len(files)
    rows_read = sum(f.rows_read for f in files)
    reported = {(i.file, i.sheet, i.row) for i in out.issues if i.reports_row}
    if rows_read != rows_used + len(reported):
        raise XltoolsError(L.MSG_INTERNAL.format(
            detail=f"rows read {rows_read} != used {rows_used} + reported {len(reported)}"))
    slot_list = list(slots.values())
    units = list(rows_by_unit)
    result = RollupResult(round_label=label, as_of=day, schedule=schedule, sheets={},
                          issues=collapse_issues(out.issues), slots=slot_list, units=units, returned=[],
                          files_read=files_read, rows_read=rows_read, rows_used=rows_used,
                          rows_reported=len(reported), status_options=tuple(options),
                          feedback_deadline=due,
                          contacts={u: (rf.filler, rf.phone) for u, rf in chosen.items()},
                          shown_ids=plan.shown_ids())
    S.build(result, S.plan_requirements(plan), plan.info, history)
    return result


def collapse_issues(issues: list[Issue], shown: int = ISSUES_SHOWN_PER_KIND,
                    max_rows: int = ISSUES_MAX_ROWS) -> list[Issue]:
    """问题 as written: of each file's issues of one kind and handling the first
    ``shown`` are listed and the rest counted on one line after them; never more
    than ``max_rows`` lines (a last line counts what is left out). The rows
    behind a counted line are still reported (``RollupResult.rows_reported``)."""
    counts: Counter[tuple[str, str, str]] = Counter()
    for issue in issues:
        counts[(issue.file, issue.kind, issue.handling)] += 1
    if all(n <= shown for n in counts.values()) and len(issues) <= max_rows:
        return issues
    out: list[Issue] = []
    seen: Counter[tuple[str, str, str]] = Counter()
    for issue in issues:
        key = (issue.file, issue.kind, issue.handling)
        seen[key] += 1
        n = seen[key]
        if n <= shown:
            out.append(issue)
        if n == shown and counts[key] > shown:
            out.append(Issue(file=issue.file, kind=L.ISSUE_COLLAPSED, handling=issue.handling,
                             unit=issue.unit, sheet=issue.sheet,
                             reason=L.MSG_ISSUE_COLLAPSED.format(
                                 file=issue.file, count=counts[key] - shown, kind=issue.kind,
                                 shown=shown)))
    if len(out) > max_rows:
        left = len(out) - (max_rows - 1)
        out = out[:max_rows - 1]
        out.append(Issue(file="", kind=L.ISSUE_COLLAPSED, handling=L.HANDLED_NOTE,
                         reason=L.MSG_ISSUES_TRUNCATED.format(count=left)))
    return out


def _take_file(rf: ReturnedFile, unit: str, label: str, slots: dict[tuple[str, str], Slot],
               req_ids: set[str], options: Sequence[str],
               feedback_deadline: dt.date | None, out: _Collector,
               unit_slots: Sequence[Slot] = (), ids: dict[object, str | None] | None = None) -> int:
    """Fill the unit's slots from its chosen file; return the number of rows used.
    ``ids`` caches typed 要求编号 → id across files."""
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
    out.outside(rf, unit)
    seen: dict[str, int] = {}
    used = 0
    as_sent_possible = all(c in rf.columns for c in LOCKED_COLUMNS)
    statuses: dict[object, tuple[str, str | None, bool]] = {}  # typed → (text, map_status)
    ids = {} if ids is None else ids
    feedback_filled = L.FEEDBACK_LATE if late else L.FEEDBACK_RETURNED

    def report(dr, handling: str, kind: str, reason: str, rid: str = "") -> None:
        out.add(rf, kind, reason, handling, sheet=rf.sheet, row=dr.row, unit=unit,
                req_id=rid, original=_original(rf.header, dr.raw))

    # Column names as locals: this loop runs once per returned row.
    c_id, c_status, c_done, c_progress = L.COL_REQ_ID, L.PCOL_STATUS, L.PCOL_DONE_DATE, L.PCOL_PROGRESS
    c_issues, c_next = L.PCOL_ISSUES, L.PCOL_NEXT
    c_extend_to, c_extend_reason = L.PCOL_EXTEND_TO, L.PCOL_EXTEND_REASON
    feedback_empty, source = L.FEEDBACK_EMPTY, rf.name
    for dr in rf.rows:
        values = dr.values
        get = values.get
        raw_id = get(c_id)
        try:
            req_id = ids[raw_id]
        except KeyError:
            req_id = ids[raw_id] = requirement_id(raw_id) or parse_functional_id(raw_id)
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
        sent = slot.locked_values
        changed = ([] if tuple(map(get, LOCKED_COLUMNS)) == sent else  # as sent: most rows
                   [c for c, v in zip(LOCKED_COLUMNS, sent, strict=True)
                    if c in values and values[c] != v and cell_key(values[c]) != cell_key(v)])
        if changed:
            stored = rf.fingerprints.get(req_id)
            as_sent = (stored and as_sent_possible
                       and row_fingerprint([values.get(c) for c in LOCKED_COLUMNS]) == stored)
            if not as_sent:
                report(dr, L.HANDLED_USED, L.ISSUE_LOCKED_CHANGED, L.MSG_ISSUE_LOCKED_CHANGED.format(
                    columns=L.ALIAS_SEPARATOR.join(changed)), req_id)
        status_raw = get(c_status)
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
        done_raw = get(c_done)
        if done_raw is not None and done_raw != "":
            day = _as_date(done_raw)
            if day is None:
                report(dr, L.HANDLED_USED, L.ISSUE_BAD_DATE,
                       L.MSG_ISSUE_BAD_DATE.format(value=cell_key(done_raw)), req_id)
                slot.done_date = done_raw
            else:
                slot.done_date = day
        slot.progress = progress = get(c_progress)
        slot.issues = issues = get(c_issues)
        slot.next_plan = next_plan = get(c_next)
        extend_to = get(c_extend_to)
        if extend_to not in _EMPTY:
            extend_to = _as_date(extend_to) or extend_to
        else:
            extend_to = None
        slot.extend_to = extend_to
        slot.extend_reason = extend_reason = get(c_extend_reason)
        filled = (slot.status not in _EMPTY or progress not in _EMPTY
                  or slot.done_date not in _EMPTY or issues not in _EMPTY
                  or next_plan not in _EMPTY or extend_to is not None
                  or extend_reason not in _EMPTY)
        slot.feedback = feedback_filled if filled else feedback_empty
        slot.source = source
    for slot in unit_slots:
        req_id = slot.req_id
        if req_id not in seen:
            slot.feedback = L.FEEDBACK_ROW_MISSING
            slot.source = rf.name
            out.add(rf, L.ISSUE_ROW_MISSING, L.MSG_ISSUE_ROW_MISSING.format(req_id=req_id),
                    L.HANDLED_NOTE, sheet=rf.sheet, unit=unit, req_id=req_id)
    # The 按职能 rows a returned file leaves empty (or lacks): said once per unit.
    empty = [s.req_id for s in unit_slots if s.functional and not s.reported]
    if empty:
        out.add(rf, L.ISSUE_FUNCTIONAL_EMPTY, L.MSG_ISSUE_FUNCTIONAL_EMPTY.format(
            count=len(empty), ids=L.ALIAS_SEPARATOR.join(empty)), L.HANDLED_NOTE, sheet=rf.sheet,
            unit=unit)
    return used


