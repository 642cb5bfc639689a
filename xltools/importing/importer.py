"""`xltools import`: original table → normalised workbook."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from xltools import labels as L
from xltools.importing.builder import build_plan
from xltools.errors import WorkbookError
from xltools.io.fileio import check_writable, is_file_like, read_source_bytes
from xltools.model import Plan
from xltools.importing.readers import read_source
from xltools.importing.readers.layout import Layout
from xltools.importing.units import UnitRegistry
from xltools.workbook.writer import write_workbook

PathOrFile = str | os.PathLike[str] | IO[bytes]


@dataclass(frozen=True)
class ImportResult:
    plan: Plan
    path: Path | None

    def summary(self) -> str:
        p = self.plan
        return L.MSG_IMPORTED.format(goals=len(p.goals), tasks=len(p.tasks),
                                     requirements=len(p.requirements), rows=len(p.assignments),
                                     units=len(p.units), notes=len(p.notes), path=self.path or "",
                                     flagged=len({n.requirement_id for n in p.notes if n.requirement_id}))


def load_registry(units: PathOrFile) -> UnitRegistry:
    """The 单位 sheet of an existing workbook (e.g. last year's) as the canonical list."""
    from xltools.workbook.reader import load_workbook

    try:
        plan = load_workbook(units).plan
    except WorkbookError as exc:
        raise WorkbookError(L.MSG_BAD_UNITS_WORKBOOK.format(path=units), path=str(units)) from exc
    return UnitRegistry.from_units(plan.units)


def read_original(src: PathOrFile, *, units: PathOrFile | None = None, year: int | None = None,
                  simplified: bool = True, layout: Layout | None = None) -> Plan:
    """Read an original table (any supported form) into the model. ``layout``:
    the header line and/or the columns, when the readers cannot find them."""
    data, name = read_source_bytes(src)
    events, meta = read_source(data, name, simplified=simplified, layout=layout)
    registry = load_registry(units) if units is not None else None
    from dataclasses import replace

    from xltools.workbook.writer import many_lead_notes

    plan = build_plan(events, meta, year=year, registry=registry)
    # 待核对 asks whether many lead units each lead their own field.
    return replace(plan, notes=plan.notes + tuple(many_lead_notes(plan)))


def import_original(src: PathOrFile, out: PathOrFile, *, units: PathOrFile | None = None,
                    year: int | None = None, force: bool = False,
                    simplified: bool = True, layout: Layout | None = None) -> ImportResult:
    """Read ``src`` and write the normalised workbook to ``out`` (never onto an input)."""
    inputs = (src, units)
    if not is_file_like(out):
        check_writable(out, force, inputs)  # before reading: a refused output costs nothing
    plan = read_original(src, units=units, year=year, simplified=simplified, layout=layout)
    write_workbook(plan, out, force=force, inputs=inputs)
    return ImportResult(plan, None if hasattr(out, "write") else Path(out))  # type: ignore[arg-type]
