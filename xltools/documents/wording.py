"""The units cell of the original layout, worded from assignments:
``A、B牵头，C、D负责，E配合，各相关部门按职能分别落实``.

The wording reads back through ``xltools.importing.units.parse_units`` to the same
assignments, so an exported table re-imports unchanged.
"""

from __future__ import annotations

from collections.abc import Iterable

from xltools import labels as L
from xltools.model import Assignment, Plan, Requirement, Role, Unit


def word_units(assignments: Iterable[Assignment]) -> str:
    """Word the units of one requirement by role (牵头, 负责, 配合); a unit holding
    two roles is named once, in the stronger (one list reads back as one role)."""
    by_role: dict[Role | None, list[str]] = {}
    generic = False
    named: set[str] = set()
    # One cell names a unit once: a unit holding two roles (牵头 and 责任) in its stronger one.
    for a in sorted(assignments, key=lambda a: a.role.order if a.role else Role.RESPONSIBLE.order):
        if not a.unit or a.unit in named:
            continue
        if a.unit == L.GENERIC_UNIT and a.role in (Role.RESPONSIBLE, None):
            generic = True  # 各相关部门按职能分别落实
            continue
        named.add(a.unit)
        by_role.setdefault(a.role, []).append(a.unit)
    join = L.WORD_UNIT_JOIN.join
    clauses: list[str] = []
    if by_role.get(Role.LEAD):
        clauses.append(join(by_role[Role.LEAD]) + L.WORD_LEAD)
    responsible = by_role.get(Role.RESPONSIBLE, []) + by_role.get(None, [])
    others = bool(by_role.get(Role.LEAD) or by_role.get(Role.ASSIST) or generic)
    if responsible:
        clauses.append(join(responsible) + (L.WORD_RESPONSIBLE if others else ""))
    if by_role.get(Role.ASSIST):
        clauses.append(join(by_role[Role.ASSIST]) + L.WORD_ASSIST)
    if generic:
        clauses.append(L.GENERIC_UNIT + L.WORD_GENERIC)
    return L.WORD_CLAUSE_JOIN.join(clauses)


def parse_wording(text: str, units: Iterable[Unit] = ()) -> set[tuple[str, Role]]:
    """The (unit, role) pairs a units cell reads as on import, with names
    mapped to the registry's canonical names (aliases and spellings)."""
    from xltools.importing.units import UnitRegistry, parse_units, resolve_names

    parsed = parse_units(text)
    registry = UnitRegistry.from_units(units)
    mapping, _, _ = resolve_names([u.name for u in parsed.units], registry)
    return {(mapping.get(u.name, u.name), u.role) for u in parsed.units}


def units_cell(plan: Plan, req: Requirement) -> str:
    """The units cell for ``req``: its original wording when that still
    reads as the current assignments, else worded from them."""
    current = [a for a in plan.assignments_for(req.id) if a.unit]
    if req.units_text:
        want = {(a.unit, a.role or Role.RESPONSIBLE) for a in current}
        if parse_wording(req.units_text, plan.units) == want:
            return req.units_text
    return word_units(current)
