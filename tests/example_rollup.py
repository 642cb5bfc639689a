"""The bundled example rolled up ten days after its deadline (2019-04-20): 8 full
returns, 2 blank, 1 half, the rest silent. Shared by the 通报 and 催办 tests."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import EXAMPLES
from xltools.demo import SETTINGS, apply_settings
from xltools.importing.importer import read_original
from xltools.progress.rollup import rollup
from xltools.workbook.writer import write_workbook

AS_OF = "2019-04-20"


def example_rollup(folder: Path):
    """(roll-up workbook, RollupResult) of the example in ``folder``."""
    plan = apply_settings(read_original(EXAMPLES / "taonan-2019.txt"),
                          json.loads(SETTINGS.read_text(encoding="utf-8")))
    wb = folder / "wb.xlsx"
    write_workbook(plan, wb)
    out = folder / "rollup.xlsx"
    result = rollup(wb, EXAMPLES / "returned", out, as_of=AS_OF)
    return out, result
