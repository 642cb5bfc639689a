"""The roll-up as values: one line of 问题 (Issue), one (requirement, unit)
line of 进度 (Slot), where the 汇总 tables sit (Table), and the whole result
(RollupResult) that the writers, the 通报 and the 催办 read."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from xltools import labels as L
from xltools.model import Deadline
from xltools.progress.identity import locked_values

if TYPE_CHECKING:  # pandas is imported only by to_frame
    import pandas

ROLLUP_SHEETS = (L.SHEET_SUMMARY, L.SHEET_BY_REQUIREMENT, L.SHEET_PROGRESS, L.SHEET_ISSUES,
                 L.SHEET_EXTENSIONS, L.SHEET_HISTORY, L.ROLLUP_INFO_SHEET)
# The roll-up's tables with one header row (to_frame); 汇总 is a page of several tables.
FRAME_SHEETS = (L.SHEET_PROGRESS, L.SHEET_BY_REQUIREMENT, L.SHEET_ISSUES, L.SHEET_EXTENSIONS,
                L.SHEET_HISTORY)
PROGRESS_COLUMNS = (L.COL_REQ_ID, L.RCOL_UNIT, L.RCOL_ROLE, L.PCOL_STATUS, L.PCOL_PROGRESS,
                    L.PCOL_DONE_DATE, L.PCOL_ISSUES, L.PCOL_NEXT, L.RCOL_FEEDBACK,
                    L.RCOL_SOURCE_FILE, L.RCOL_DEADLINE, L.RCOL_OVERDUE_FLAG, L.RCOL_GOAL,
                    L.RCOL_TASK, L.RCOL_REQUIREMENT, L.RCOL_MARK, L.RCOL_WHY,
                    L.RCOL_EXTEND_TO, L.RCOL_EXTEND_REASON)
_REPORTED = (L.FEEDBACK_RETURNED, L.FEEDBACK_LATE)  # 反馈状态 of a row that counts as reported


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


@dataclass(slots=True)
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
    extend_to: object = None  # 申请延期至 (a date, or the text typed)
    extend_reason: object = None
    mark: str = ""  # 红/黄/绿 (summary.mark_slot)
    why: str = ""
    shown_id: str = ""  # 要求编号 as the unit's sheet shows it (4 for an item "4."), else req_id

    @property
    def reported(self) -> bool:
        return self.feedback in _REPORTED

    @property
    def functional(self) -> bool:
        """A 按职能 row (one per task, not a requirement of the unit's own)."""
        return self.role == L.ROLE_FUNCTIONAL

    @property
    def locked_values(self) -> tuple[object, ...]:
        """The locked cells as sent in the unit's progress file."""
        return locked_values(self.shown_id or self.req_id, self.goal, self.task,
                             self.requirement, self.role, self.deadline)


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
    feedback_deadline: dt.date | None = None
    unit_feedback: dict[str, str] = field(default_factory=dict)  # unit → 反馈状态 (unit level)
    unit_marks: dict[str, tuple[str, str]] = field(default_factory=dict)  # unit → (标识, 原因)
    contacts: dict[str, tuple[str, str]] = field(default_factory=dict)  # unit → (填报人, 电话)
    summary_only: bool = False
    shown_ids: dict[str, str] = field(default_factory=dict)  # 4-1 → 4 (Plan.shown_ids)

    def shown(self, req_id: str) -> str:
        """要求编号 as the letters and progress sheets show it."""
        return self.shown_ids.get(req_id, req_id)

    def to_frame(self, sheet: str = L.SHEET_PROGRESS) -> pandas.DataFrame:
        """One table of the roll-up as a pandas DataFrame with the workbook's column names:
        进度 (the default: one row per requirement × unit), 按要求, 问题, 延期申请 or 历史."""
        import pandas as pd

        rows = self.sheets.get(sheet) if sheet in FRAME_SHEETS else None
        if not rows:
            have = [s for s in FRAME_SHEETS if self.sheets.get(s)]
            raise ValueError(L.MSG_NO_FRAME.format(sheet=sheet, sheets="、".join(have)))
        header = list(rows[0])
        return pd.DataFrame([list(r) + [None] * (len(header) - len(r)) for r in rows[1:]],
                            columns=header)

    @property
    def missing(self) -> list[str]:
        """Units without a real report (silent, or a blank sheet)."""
        done = set(self.returned)
        return [u for u in self.units if u not in done]

    @property
    def overdue_units(self) -> list[str]:
        """Units with no real report after the 反馈截止日期 (silent or blank), in plan order."""
        late = (L.FEEDBACK_OVERDUE, L.FEEDBACK_BLANK_OVERDUE)
        return [u for u in self.units if self.unit_feedback.get(u) in late]

    @property
    def blank_units(self) -> list[str]:
        blank = (L.FEEDBACK_BLANK, L.FEEDBACK_BLANK_OVERDUE)
        return [u for u in self.units if self.unit_feedback.get(u) in blank]

    @property
    def extensions(self) -> list[Slot]:
        return [s for s in self.slots if s.extend_to not in (None, "") or
                s.extend_reason not in (None, "")]

    def summary(self) -> str:
        text = L.MSG_ROLLUP_TRUE.format(files=self.files_read, rows_read=self.rows_read,
                                        rows_used=self.rows_used, rows_reported=self.rows_reported,
                                        returned=len(self.returned), units=len(self.units),
                                        overdue=len(self.overdue_units), path=self.path or "")
        if self.summary_only:
            text += L.MSG_ROLLUP_SUMMARY_ONLY
        if self.overdue_units:
            text += "\n" + L.MSG_ROLLUP_OVERDUE_UNITS.format(
                units=L.ALIAS_SEPARATOR.join(self.overdue_units))
        others = [u for u in self.missing if u not in self.overdue_units]
        if others:
            text += "\n" + L.MSG_ROLLUP_MISSING_UNITS.format(units=L.ALIAS_SEPARATOR.join(others))
        return text


