"""`xltools check`: list problems in a normalised workbook."""

from __future__ import annotations

import os
from typing import IO

from xltools import labels as L
from xltools.model import Plan
from xltools.workbook.reader import ERROR, Problem, load_workbook


class CheckResult(list[Problem]):
    """The problems found (a list; empty when the workbook is clean) and the plan read."""

    def __init__(self, problems: list[Problem], plan: Plan,
                 reminders: list[str] | None = None) -> None:
        super().__init__(problems)
        self.plan = plan
        self.reminders = reminders or []  # printed, but the workbook is still clean


def check(workbook: str | os.PathLike[str] | IO[bytes]) -> CheckResult:
    """Every problem in the workbook, with sheet, row and column; empty when it is clean."""
    loaded = load_workbook(workbook)
    problems = list(loaded.problems)
    if not loaded.plan.requirements:  # an empty workbook is not a clean one
        problems.insert(0, Problem(L.SHEET_ASSIGNMENTS, None, "", L.CHK_NO_DATA, ERROR))
    return CheckResult(problems, loaded.plan, loaded.reminders)


def format_report(workbook: object, result: CheckResult) -> str:
    """The report `xltools check` prints (Chinese, one problem a line)."""
    reminders = [f"  {r}" for r in getattr(result, "reminders", [])]
    if not result:
        plan = result.plan
        return "\n".join([L.CHK_OK.format(requirements=len(plan.requirements),
                                          rows=len(plan.assignments), units=len(plan.units)),
                          *reminders])
    lines = [f"{workbook}: " + L.CHK_FOUND.format(count=len(result))]
    lines.extend(f"  {p}" for p in result)
    lines.extend(reminders)
    return "\n".join(lines)
