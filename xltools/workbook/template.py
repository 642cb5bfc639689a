"""`xltools template`: the empty normalised workbook (templates/assignment.xlsx)."""

from __future__ import annotations

import os
from typing import IO

from xltools.model import Plan, PlanInfo
from xltools.workbook.writer import write_workbook


def empty_plan() -> Plan:
    """A plan with nothing in it: the workbook's sheets, headers and settings only."""
    return Plan(info=PlanInfo(), goals=(), assignments=(), units=())


def template(out: str | os.PathLike[str] | IO[bytes], *, force: bool = False) -> None:
    """Write the empty normalised workbook (templates/assignment.xlsx)."""
    write_workbook(empty_plan(), out, force=force)
