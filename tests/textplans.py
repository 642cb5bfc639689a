"""Import a text as a user's file would be read (readers, then the plan builder), and the
units of a requirement in the two shapes the reader tests compare."""

from __future__ import annotations

from typing import Any

from xltools.importing.builder import build_plan
from xltools.importing.readers import read_source
from xltools.model import Plan, Role


def plan_of(text: str, name: str = "t.txt", **kw: Any) -> Plan:
    """The plan of ``text`` read as a UTF-8 file named ``name`` (keywords go to read_source)."""
    return build_plan(*read_source(text.encode("utf-8"), name, **kw))


def unit_roles(plan: Plan, rid: str) -> set[tuple[str, Role]]:
    """(unit, role) of every assignment of requirement ``rid``."""
    return {(a.unit, a.role) for a in plan.assignments_for(rid)}


def units_by_role(plan: Plan, rid: str) -> dict[Role, set[str]]:
    """Requirement ``rid``'s units, grouped by role."""
    out: dict[Role, set[str]] = {}
    for a in plan.assignments_for(rid):
        out.setdefault(a.role, set()).add(a.unit)
    return out
