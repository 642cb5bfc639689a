"""The 汇总 a leader reads first, as values: per-unit, per-goal, status and
per-requirement tables with their 标识 (红/黄/绿, rules in docs/progress.md),
and the 进度 / 问题 / 历史 sheets' rows."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from openpyxl import Workbook

from xltools import labels as L
from xltools.model import Plan, Role
from xltools.progress.identity import cell_key
from xltools.progress.results import PROGRESS_COLUMNS, _REPORTED, Issue, RollupResult, Slot, Table
from xltools.progress.returns import ReturnedFile

DUE_SOON_DAYS = 7
_DUE_SOON = dt.timedelta(days=DUE_SOON_DAYS)
SHORT_TEXT = 40  # requirement text on 汇总 (full text on 进度)

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


