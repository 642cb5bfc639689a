"""The 汇总 a leader reads first, as values, and the rules behind its 标识.

Rules (docs/progress.md, shown in the legend):

* a row (requirement × unit) is 红 when its 完成时限 has passed and it is not
  done, or when it has no answer after the 反馈截止日期; 黄 when it has no
  answer yet, is due within 7 days, or is behind schedule (未启动 with more
  than half of its time gone); 绿 only when answered and on track;
* a unit, a goal: the worst of their rows, and at least 黄 when the 完成率 is
  below the 序时进度; a unit with no real report after the deadline (silent,
  or a sheet returned blank) is 逾期未报, 红; 已反馈 counts real reports only;
* a requirement: 红 when overdue (by its lead units' status) or nobody
  answered after the deadline; 黄 when some of its units have not answered,
  it is due soon or behind; never 绿 without an answer.

``build`` fills a RollupResult's marks, unit feedback, 汇总 / 进度 / 问题 /
延期申请 / 历史 rows and the hidden info sheet. The 通报 and the 催办 run the
same rules again on the slots read back from a roll-up workbook.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from openpyxl import Workbook

from xltools import labels as L
from xltools.model import Deadline, Plan, PlanInfo, Role
from xltools.progress.identity import cell_key
from xltools.progress.results import PROGRESS_COLUMNS, _REPORTED, Issue, RollupResult, Slot, Table
from xltools.progress.status import done_status

DUE_SOON_DAYS = 7
_DUE_SOON = dt.timedelta(days=DUE_SOON_DAYS)
BEHIND_SHARE = 0.5  # 未启动 with more than this share of its time gone: behind schedule
SHORT_TEXT = 40  # requirement text on 汇总 (full text on 进度 and 按要求)
SUMMARY_RED_LIMIT = 50  # 红 requirements listed on 汇总 (all are on 按要求)
RANK = {L.MARK_RED: 0, L.MARK_YELLOW: 1, L.MARK_GREEN: 2}
_FEEDBACK_RANK = {L.FEEDBACK_BLANK_OVERDUE: 0, L.FEEDBACK_OVERDUE: 1, L.FEEDBACK_BLANK: 2,
                  L.FEEDBACK_MISSING: 3, L.FEEDBACK_PARTIAL: 4, L.FEEDBACK_LATE: 5,
                  L.FEEDBACK_RETURNED: 6}
REAL_REPORTS = (L.FEEDBACK_RETURNED, L.FEEDBACK_LATE, L.FEEDBACK_PARTIAL)
INFO_KEYS = ("format", "round", "as_of", "schedule", "feedback_deadline", "title", "issuer",
             "doc_number", "contact", "phone", "year", "statuses", "yellow_points", "red_points",
             "units", "shown_ids")
TOLERANCE_POINTS = 0.05  # rounding: 30.0 % against a 30.1 % schedule is not behind
INFO_FORMAT = "xltools-rollup-1"
Requirements = Sequence[tuple[str, str, str, Deadline]]  # (goal, id, text, deadline) in plan order


def cn_date(day: dt.date) -> str:
    """2019年4月20日."""
    return L.LETTER_DATE.format(y=day.year, m=day.month, d=day.day)


# ------------------------------------------------------------------ rules
@dataclass(frozen=True)
class Rules:
    """What a 标识 depends on besides the row itself."""

    as_of: dt.date
    schedule: float
    done: str | None
    deadline: dt.date | None  # 反馈截止日期
    year: int
    yellow_points: float = L.YELLOW_POINTS_DEFAULT  # behind the schedule by more: 黄
    red_points: float = L.RED_POINTS_DEFAULT  # behind by more: 红

    def on_track(self, slot: Slot) -> bool:
        """Done, or 推进中/长期推进 answered with its 完成时限 not passed."""
        if slot.status_key is None:
            return False
        if slot.status_key == self.done:
            return True
        return (slot.status_key in (L.STATUS_IN_PROGRESS, L.STATUS_ONGOING)
                and slot.feedback in _REPORTED and not slot.overdue)

    def behind_points(self, progress: float) -> float:
        """How many percentage points ``progress`` is behind the 序时进度 (0 when not)."""
        gap = 100 * (self.schedule - progress)
        return gap if gap > TOLERANCE_POINTS else 0.0

    @property
    def deadline_passed(self) -> bool:
        return self.deadline is not None and self.as_of > self.deadline

    def elapsed(self, due: dt.date | None) -> float:
        """Share of a requirement's time gone: 1 Jan of the plan year → its 完成时限
        (the year's end when it has no date)."""
        start = dt.date(self.year, 1, 1)
        end = due if due and due >= start else dt.date(self.year, 12, 31)
        return min(1.0, max(0.0, ((self.as_of - start).days + 1) / ((end - start).days + 1)))

    def due_soon(self, due: dt.date | None, status: str | None) -> bool:
        return bool(due and status != self.done and self.as_of <= due <= self.as_of + _DUE_SOON)

    def behind(self, due: dt.date | None, status: str | None) -> bool:
        return status == L.STATUS_NOT_STARTED and self.elapsed(due) > BEHIND_SHARE


def mark_slot(slot: Slot, rules: Rules) -> tuple[str, str]:
    """(标识, 说明) of one requirement × unit line."""
    if slot.overdue:
        return L.MARK_RED, L.WHY_OVERDUE
    if slot.feedback not in _REPORTED:
        return (L.MARK_RED, L.WHY_NOT_REPORTED) if rules.deadline_passed else (L.MARK_YELLOW, L.WHY_NOT_YET)
    if slot.status_key is not None and slot.status_key == rules.done:
        return L.MARK_GREEN, ""
    due = slot.deadline.date
    if rules.due_soon(due, slot.status_key):
        return L.MARK_YELLOW, L.WHY_DUE_SOON
    if rules.behind(due, slot.status_key):
        return L.MARK_YELLOW, L.WHY_BEHIND
    return L.MARK_GREEN, ""


def unit_feedback(slots: Sequence[Slot], rules: Rules) -> str:
    """反馈状态 of a unit from its lines: silent, blank, partial, late or returned."""
    if not any(s.source for s in slots):
        return L.FEEDBACK_OVERDUE if rules.deadline_passed else L.FEEDBACK_MISSING
    answered = [s for s in slots if s.feedback in _REPORTED]
    if not answered:
        return L.FEEDBACK_BLANK_OVERDUE if rules.deadline_passed else L.FEEDBACK_BLANK
    if len(answered) < len(slots):
        return L.FEEDBACK_PARTIAL
    if any(s.feedback == L.FEEDBACK_LATE for s in slots):
        return L.FEEDBACK_LATE
    return L.FEEDBACK_RETURNED


def _own_or_all(slots: Sequence[Slot]) -> list[Slot]:
    """A unit's rows that count for its 应报/反馈/完成率: its own requirements; the
    按职能 rows only for a unit that has nothing else (named inside a 按职能 phrase)."""
    own = [s for s in slots if not s.functional]
    return own if own else list(slots)


def worst(marks: Iterable[str]) -> str:
    return min(marks, key=RANK.__getitem__, default=L.MARK_GREEN)


def _why_counts(slots: Iterable[Slot]) -> str:
    """The reasons of a group's non-green lines, e.g. "逾期未报 12 项；7 天内到期 1 项"."""
    counts = Counter(s.why for s in slots if s.why)
    return "；".join(f"{why} {n} 项" for why, n in counts.most_common())


@dataclass
class _Counts:
    due: int = 0
    reported: int = 0
    by_status: Counter = field(default_factory=Counter)
    overdue: int = 0
    marks: list[str] = field(default_factory=list)
    slots: list[Slot] = field(default_factory=list)

    @classmethod
    def of(cls, slots: list[Slot]) -> _Counts:
        """The counts of a group of lines."""
        return cls(due=len(slots), reported=sum(1 for s in slots if s.feedback in _REPORTED),
                   by_status=Counter(s.status_key for s in slots if s.status_key),
                   overdue=sum(1 for s in slots if s.overdue), marks=[s.mark for s in slots],
                   slots=slots)

    def rate(self, done: str | None) -> float:
        return (self.by_status[done] / self.due) if self.due and done else 0.0

    def progress(self, rules: Rules) -> float:
        """Share of lines on track: done, or ongoing with an answer and time left."""
        return sum(1 for s in self.slots if rules.on_track(s)) / self.due if self.due else 0.0

    def mark(self, rules: Rules) -> tuple[str, str]:
        mark = worst(self.marks)
        why = _why_counts(self.slots)
        behind = rules.behind_points(self.progress(rules)) if self.due else 0.0
        if behind > rules.yellow_points:
            level = L.MARK_RED if behind > rules.red_points else L.MARK_YELLOW
            if RANK[level] < RANK[mark]:
                mark = level
            why = "；".join(w for w in (why, L.WHY_BEHIND_POINTS.format(points=round(behind)))
                           if w)
        return mark, why


# ------------------------------------------------------------------ building
def plan_requirements(plan: Plan) -> list[tuple[str, str, str, Deadline]]:
    return [(goal.name, req.id, req.text, req.deadline) for goal, _, req in plan.iter_requirements()]


def thresholds(info: PlanInfo) -> tuple[float, float]:
    """(黄色阈值, 红色阈值) in percentage points from 说明 (defaults 10 and 30)."""
    from xltools.errors import InputError

    extra = dict(info.extra)
    out = []
    for key, default in ((L.SET_YELLOW_POINTS, L.YELLOW_POINTS_DEFAULT),
                         (L.SET_RED_POINTS, L.RED_POINTS_DEFAULT)):
        text = str(extra.get(key, "") or "").strip().rstrip("%％").strip()
        if not text:
            out.append(float(default))
            continue
        try:
            value = float(text)
        except ValueError:
            value = -1.0
        if not 0 <= value <= 100:
            raise InputError(L.MSG_BAD_POINTS.format(key=key, value=extra.get(key)),
                             sheet=L.SHEET_README)
        out.append(value)
    return out[0], max(out)


def rules_for(result: RollupResult, year: int | None, info: PlanInfo | None = None) -> Rules:
    yellow, red = thresholds(info) if info is not None else (L.YELLOW_POINTS_DEFAULT,
                                                             L.RED_POINTS_DEFAULT)
    return Rules(result.as_of, result.schedule, done_status(result.status_options),
                 result.feedback_deadline, year or result.as_of.year, yellow, red)


def build(result: RollupResult, requirements: Requirements, info: PlanInfo,
          history: Sequence[Sequence[object]] | None = None) -> None:
    """Apply the rules to ``result`` (marks, unit feedback, 已反馈) and put every
    sheet's rows into ``result.sheets``."""
    rules = rules_for(result, info.year, info)
    by_unit: dict[str, list[Slot]] = {u: [] for u in result.units}
    for slot in result.slots:
        slot.mark, slot.why = mark_slot(slot, rules)
        by_unit.setdefault(slot.unit, []).append(slot)
    result.unit_feedback = {u: unit_feedback(_own_or_all(s), rules) for u, s in by_unit.items()}
    result.returned = [u for u in result.units if result.unit_feedback[u] in REAL_REPORTS]
    unit_table = _unit_table(result, by_unit, rules)
    result.sheets[L.SHEET_SUMMARY] = _summary_sheet(result, requirements, info, rules, unit_table)
    result.sheets[L.SHEET_PROGRESS] = _progress_sheet(result.slots)
    result.sheets[L.SHEET_ISSUES] = _issues_sheet(result.issues)
    result.sheets[L.SHEET_EXTENSIONS] = _extension_sheet(result)
    result.sheets[L.SHEET_HISTORY] = _history_sheet(result, unit_table, history)
    result.sheets[L.ROLLUP_INFO_SHEET] = info_rows(result, info)


def info_rows(result: RollupResult, info: PlanInfo) -> list[list[object]]:
    """The hidden key/value sheet: what the 通报 and 催办 need besides 进度."""
    values = {"format": INFO_FORMAT, "round": result.round_label, "as_of": result.as_of.isoformat(),
              "schedule": round(result.schedule, 6),
              "feedback_deadline": result.feedback_deadline.isoformat() if result.feedback_deadline else "",
              "title": info.title, "issuer": info.issuer, "doc_number": info.doc_number,
              "contact": info.contact, "phone": info.phone, "year": info.year or "",
              "statuses": L.ALIAS_SEPARATOR.join(result.status_options),
              "units": "\n".join(result.units),  # plan order (进度 lists 按职能 rows last)
              "shown_ids": "\n".join(f"{k}={v}" for k, v in result.shown_ids.items())}
    values["yellow_points"], values["red_points"] = thresholds(info)
    return [["key", "value"], *([k, values[k]] for k in INFO_KEYS)]


# ------------------------------------------------------------ sheet contents
def _progress_sheet(slots: Iterable[Slot]) -> list[list[object]]:
    """进度: the requirement rows in plan order, then the 按职能 rows (printed: the
    requirement rows; the 按职能 rows are counted on 汇总)."""
    rows: list[list[object]] = [list(PROGRESS_COLUMNS)]
    for s in slots:
        deadline: object = s.deadline.text or s.deadline.date or None
        rows.append([s.req_id, s.unit, s.role, s.status, s.progress, s.done_date, s.issues,
                     s.next_plan, s.feedback, s.source or None, deadline,
                     L.YES if s.overdue else None, s.goal, s.task, s.requirement, s.mark or None,
                     s.why or None, s.extend_to, s.extend_reason])
    return rows


def _issues_sheet(issues: Sequence[Issue]) -> list[list[object]]:
    rows: list[list[object]] = [list(L.ISSUE_COLUMNS)]
    for i, issue in enumerate(issues, start=1):
        rows.append([i, issue.file, issue.sheet or None, issue.row, issue.unit or None,
                     issue.req_id or None, issue.kind, issue.reason, issue.handling,
                     issue.original or None])
    return rows


def _extension_sheet(result: RollupResult) -> list[list[object]]:
    rows: list[list[object]] = [list(L.EXTENSION_COLUMNS)]
    for i, s in enumerate(result.extensions, start=1):
        filler, phone = result.contacts.get(s.unit, ("", ""))
        rows.append([i, s.unit, s.req_id, s.requirement, s.deadline.text or s.deadline.date or None,
                     s.extend_to, s.extend_reason, filler or None, phone or None, s.source or None])
    return rows


def _unit_table(result: RollupResult, by_unit: dict[str, list[Slot]], rules: Rules
                ) -> list[list[object]]:
    """The per-unit table (header first), worst first: 红 before 黄 before 绿, then
    no report before a report, then more overdue lines, then a lower 完成率."""
    functional = any(s.functional for s in result.slots)
    header = [L.SCOL_NO, L.SCOL_UNIT, L.SCOL_DUE, L.SCOL_REPORTED, *result.status_options,
              L.SCOL_NO_STATUS, L.SCOL_OVERDUE, L.SCOL_RATE,
              *([L.SCOL_FUNCTIONAL] if functional else []), L.RCOL_FEEDBACK, L.SCOL_MARK,
              L.SCOL_WHY]
    entries = []
    for order, unit in enumerate(result.units):
        slots = by_unit.get(unit, [])
        c = _Counts.of(_own_or_all(slots))
        extra: list[object] = []
        feedback = result.unit_feedback[unit]
        mark, why = c.mark(rules)
        if functional:
            f_slots = [s for s in slots if s.functional]
            f_reported = sum(1 for s in f_slots if s.feedback in _REPORTED)
            extra = [f"{f_reported}/{len(f_slots)}" if f_slots else None]
            # 按职能 rows left empty after the 反馈截止日期: said, and at least 黄.
            if f_slots and f_reported < len(f_slots) and rules.deadline_passed:
                if mark == L.MARK_GREEN:
                    mark = L.MARK_YELLOW
                why = "；".join(w for w in (why, L.WHY_FUNCTIONAL_MISSING.format(
                    count=len(f_slots) - f_reported)) if w)
        if feedback in (L.FEEDBACK_OVERDUE, L.FEEDBACK_BLANK_OVERDUE):
            mark, why = L.MARK_RED, feedback
        elif feedback == L.FEEDBACK_LATE:  # a late report is never 绿
            if mark == L.MARK_GREEN:
                mark = L.MARK_YELLOW
            why = "；".join(w for w in (L.WHY_LATE_REPORT, why) if w)
        result.unit_marks[unit] = (mark, why)
        statuses = [c.by_status[o] for o in result.status_options]
        rate = round(c.rate(rules.done), 4)
        shown: object = rate if c.reported else L.RATE_NOT_REPORTED  # silent: 未报, not 0.0%
        row = [0, unit, c.due, c.reported, *statuses, c.due - sum(statuses), c.overdue, shown,
               *extra, feedback, mark, why or None]
        entries.append(((RANK[mark], _FEEDBACK_RANK.get(feedback, 9), -c.overdue, rate, order), row))
    entries.sort(key=lambda e: e[0])
    rows: list[list[object]] = [header]
    for i, (_, row) in enumerate(entries, start=1):
        row[0] = i
        rows.append(row)
    return rows


_LEAD, _RESPONSIBLE = Role.LEAD.value, Role.RESPONSIBLE.value


def _overall_status(slots: Sequence[Slot], options: Sequence[str], done: str | None) -> str:
    """A requirement's status from its lead units (else responsible, else all)."""
    basis = [s for s in slots if s.role == _LEAD]
    if not basis:
        basis = [s for s in slots if s.role == _RESPONSIBLE] or list(slots)
    statuses = [s.status_key or cell_key(s.status) for s in basis if s.status not in (None, "")]
    if not statuses:
        return L.FEEDBACK_MISSING
    if done and len(statuses) == len(basis) and all(s == done for s in statuses):
        return done
    not_done = [s for s in statuses if s != done]
    if not not_done:
        return L.STATUS_IN_PROGRESS if L.STATUS_IN_PROGRESS in options else (done or statuses[0])
    if len(not_done) == 1:
        least = not_done[0]
    else:
        order = {o: i for i, o in enumerate(options)}
        least = min(not_done, key=lambda s: order.get(s, len(options)))
    if (least == L.STATUS_NOT_STARTED and L.STATUS_IN_PROGRESS in options
            and any(s != L.STATUS_NOT_STARTED for s in statuses)):
        return L.STATUS_IN_PROGRESS
    return least


def _summary_sheet(result: RollupResult, requirements: Requirements, info: PlanInfo,
                   rules: Rules, unit_table: list[list[object]]) -> list[list[object]]:
    day, schedule, done = result.as_of, result.schedule, rules.done
    marks = Counter(m for m, _ in result.unit_marks.values())
    title = info.title or L.PROGRESS_TITLE_DEFAULT
    deadline = cn_date(result.feedback_deadline) if result.feedback_deadline else "—"
    rows: list[list[object]] = [
        [L.SUM_TITLE.format(title=title)],
        [L.SUM_SUBTITLE_TRUE.format(round=result.round_label, as_of=cn_date(day),
                                    deadline=deadline, schedule=f"{schedule:.1%}",
                                    units=len(result.units), returned=len(result.returned),
                                    overdue=len(result.overdue_units),
                                    blank=len(result.blank_units), red=marks[L.MARK_RED],
                                    yellow=marks[L.MARK_YELLOW], green=marks[L.MARK_GREEN])],
        [L.SUM_LEGEND_RULES_2.format(yellow=f"{rules.yellow_points:g}", red=f"{rules.red_points:g}")
         + (L.SUM_LEGEND_FUNCTIONAL if any(s.functional for s in result.slots) else "")],
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

    sections = iter(L.SUM_SECTIONS)  # 一、二、三; then 四 (红 requirements) and 五 (chart data)
    table("units", next(sections), unit_table, L.SCOL_MARK, L.SCOL_RATE)

    # Per goal.
    reqs_per_goal: Counter = Counter()
    goal_slots: dict[str, list[Slot]] = {}
    for goal, _, _, _ in requirements:
        if goal not in goal_slots:
            goal_slots[goal] = []
        reqs_per_goal[goal] += 1
    own = [s for s in result.slots if not s.functional]  # 按职能 rows: on the unit table
    for slot in own:
        group = goal_slots.get(slot.goal)
        if group is None:
            group = goal_slots[slot.goal] = []
        group.append(slot)
    by_goal = {goal: _Counts.of(group) for goal, group in goal_slots.items()}
    goal_rows: list[list[object]] = [[L.SCOL_NO, L.SCOL_GOAL, L.SCOL_COUNT, L.SCOL_DUE,
                                      L.SCOL_REPORTED, done or L.STATUS_DONE, L.SCOL_OVERDUE,
                                      L.SCOL_RATE, L.SCOL_MARK, L.SCOL_WHY]]
    for i, (goal, c) in enumerate(by_goal.items(), start=1):
        mark, why = c.mark(rules) if c.due else (L.MARK_GREEN, "")
        goal_rows.append([i, goal, reqs_per_goal[goal], c.due, c.reported, c.by_status[done],
                          c.overdue, round(c.rate(done), 4) if c.reported else L.RATE_NOT_REPORTED,
                          mark, why or None])
    table("goals", next(sections), goal_rows, L.SCOL_MARK, L.SCOL_RATE)

    # Status distribution (for the pie chart).
    dist = Counter(s.status_key for s in own if s.status_key)
    unfilled = sum(1 for s in own if s.reported is False and s.feedback != L.FEEDBACK_MISSING)
    other = sum(1 for s in own if s.status_key is None and s.feedback != L.FEEDBACK_MISSING
                ) - unfilled
    status_rows: list[list[object]] = [[L.SCOL_NO, L.SCOL_STATUS, L.SCOL_COUNT]]
    status_rows += [[i, o, dist[o]] for i, o in enumerate(result.status_options, start=1)]
    n = len(status_rows)
    # One meaning per word: a free-text 状态, a row returned empty, no report at all.
    status_rows.append([n, L.SCOL_FREE_STATUS, other])
    status_rows.append([n + 1, L.SCOL_EMPTY_ROW, unfilled])
    status_rows.append([n + 2, L.SCOL_NO_FILE,
                        sum(1 for s in own if s.feedback == L.FEEDBACK_MISSING)])
    table("statuses", next(sections), status_rows, None, None)

    # Requirements to chase: the 红 ones, overdue first (all of them: sheet 按要求).
    entries = requirement_entries(result, requirements, rules)
    result.sheets[L.SHEET_BY_REQUIREMENT] = _requirement_sheet(entries)
    red = sorted((e for e in entries if e.mark == L.MARK_RED),
                 key=lambda e: (e.why != L.WHY_OVERDUE, e.deadline.date or dt.date.max))
    req_rows: list[list[object]] = [[L.COL_REQ_ID, L.SCOL_LEAD_UNITS, L.RCOL_DEADLINE,
                                     L.SCOL_STATUS, L.SCOL_REPORTED, L.SCOL_OVERDUE,
                                     L.SCOL_MARK, L.SCOL_WHY, L.RCOL_REQUIREMENT]]
    for entry in red[:SUMMARY_RED_LIMIT]:
        text = entry.text if len(entry.text) <= SHORT_TEXT else entry.text[:SHORT_TEXT] + "…"
        req_rows.append([entry.req_id, L.ALIAS_SEPARATOR.join(entry.leads) or None,
                         entry.deadline.text or entry.deadline.date or None, entry.status,
                         f"{entry.reported}/{entry.due}", L.YES if entry.overdue else None,
                         entry.mark, entry.why or None, text])
    marks = Counter(e.mark for e in entries if e.due)
    title = L.SUM_RED_REQUIREMENTS.format(red=marks[L.MARK_RED], yellow=marks[L.MARK_YELLOW],
                                          green=marks[L.MARK_GREEN], shown=len(req_rows) - 1)
    table("requirements", title, req_rows, L.SCOL_MARK, None)

    # Chart data: units with work, by 完成率 (highest first), with the 序时进度.
    chart_rows: list[list[object]] = [[L.SCOL_UNIT, L.SCOL_RATE, L.SCOL_SCHEDULE]]
    rate_col = unit_table[0].index(L.SCOL_RATE)
    due_col = unit_table[0].index(L.SCOL_DUE)
    ranked = sorted((r for r in unit_table[1:] if r[due_col]),
                    key=lambda r: -r[rate_col] if isinstance(r[rate_col], float) else 1)
    chart_rows += [[r[1], r[rate_col] if isinstance(r[rate_col], float) else 0.0,
                    round(schedule, 4)] for r in ranked]
    table("chart", L.SUM_CHART_DATA, chart_rows, None, L.SCOL_RATE)
    result.layout = layout
    return rows


def _requirement_sheet(entries: Sequence["RequirementEntry"]) -> list[list[object]]:
    """按要求: every requirement with its overall status and 标识 (full text)."""
    rows: list[list[object]] = [[L.COL_REQ_ID, L.RCOL_GOAL, L.SCOL_LEAD_UNITS, L.RCOL_DEADLINE,
                                 L.SCOL_STATUS, L.SCOL_REPORTED, L.SCOL_OVERDUE, L.SCOL_MARK,
                                 L.SCOL_WHY, L.RCOL_REQUIREMENT]]
    for e in entries:
        rows.append([e.req_id, e.goal, L.ALIAS_SEPARATOR.join(e.leads) or None,
                     e.deadline.text or e.deadline.date or None, e.status or None,
                     f"{e.reported}/{e.due}", L.YES if e.overdue else None, e.mark, e.why or None,
                     e.text])
    return rows


@dataclass
class RequirementEntry:
    """One requirement on 汇总 (and in the 通报)."""

    goal: str
    req_id: str
    text: str
    deadline: Deadline
    leads: list[str]
    status: str
    reported: int
    due: int
    overdue: bool
    mark: str
    why: str


def requirement_entries(result: RollupResult, requirements: Requirements, rules: Rules
                        ) -> list[RequirementEntry]:
    by_req: dict[str, list[Slot]] = {}
    functional: list[Slot] = []
    for slot in result.slots:
        if slot.functional:
            functional.append(slot)
        else:
            by_req.setdefault(slot.req_id, []).append(slot)
    # A requirement no unit carries as its own line (各相关部门 only, or units named
    # only inside the 按职能 phrase) is answered on the 按职能 rows that list it.
    for _, req_id, _, _ in requirements:
        if req_id not in by_req:
            found = [s for s in functional if functional_lists(s.requirement, req_id)]
            if found:
                by_req[req_id] = found
    out = []
    options, done, as_of = result.status_options, rules.done, rules.as_of
    for goal, req_id, text, deadline in requirements:
        slots = by_req.get(req_id, [])
        status = _overall_status(slots, options, done) if slots else ""
        leads = ([L.GENERIC_UNIT] if slots and slots[0].functional else
                 [s.unit for s in slots if s.role == _LEAD] or [s.unit for s in slots])
        due = deadline.date
        overdue = bool(slots and due and due < as_of and status != done)
        reported = sum(1 for s in slots if s.feedback in _REPORTED)
        if not slots:
            mark, why = L.MARK_GREEN, ""
        elif overdue:
            mark, why = L.MARK_RED, L.WHY_OVERDUE
        elif not reported:
            mark, why = ((L.MARK_RED, L.WHY_NOT_REPORTED) if rules.deadline_passed
                         else (L.MARK_YELLOW, L.WHY_NOT_YET))
        elif reported < len(slots):
            mark, why = L.MARK_YELLOW, L.WHY_PARTIAL
        elif rules.due_soon(due, status):
            mark, why = L.MARK_YELLOW, L.WHY_DUE_SOON
        elif rules.behind(due, status):
            mark, why = L.MARK_YELLOW, L.WHY_BEHIND
        else:
            mark, why = L.MARK_GREEN, ""
        out.append(RequirementEntry(goal, req_id, text, deadline, leads, status, reported,
                                    len(slots), overdue, mark, why))
    return out


def functional_lists(text: str, req_id: str) -> bool:
    """Whether a 按职能 row's text (``…：\n1-1 …\n1-2 …``, line breaks possibly read
    back as spaces) lists requirement ``req_id``."""
    return re.search(r"(?:^|[\s：；])" + re.escape(req_id) + r"\s", text) is not None


def _history_sheet(result: RollupResult, unit_table: list[list[object]],
                   history: Sequence[Sequence[object]] | None) -> list[list[object]]:
    """历史: this round's per-unit summary, replacing an earlier run of the same round."""
    keep = [c for c in unit_table[0] if c not in (L.SCOL_NO, L.SCOL_MARK, L.SCOL_WHY)]
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


