"""xltools: task-division tables (任务分工) for government offices.

Library first: every CLI command and Excel button calls a function here.

For scripts (docs/api.md)::

    import xltools

    plan = xltools.read_plan("任务分工.xlsx")          # a normalised workbook → Plan
    plan = xltools.read_original("方案.docx")          # an original document → Plan
    xltools.import_original("方案.docx", "任务分工.xlsx")  # original → workbook (ImportResult.plan)
    plan.to_frame()                                     # 任务分工 as a pandas DataFrame
    xltools.rollup("任务分工.xlsx", "收回/", "汇总.xlsx").to_frame()  # 进度 as a DataFrame

These functions import their stage when called, so ``import xltools`` (and the
CLI and the buttons, which import it) stay light; pandas is imported only by
``to_frame``.
"""

from __future__ import annotations

import os
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    from xltools.importing.importer import ImportResult
    from xltools.model import Plan
    from xltools.progress.results import RollupResult

__version__ = "0.1.0"

PathOrFile = str | os.PathLike[str] | IO[bytes]


def read_plan(path: PathOrFile) -> Plan:
    """The plan in a normalised workbook (任务分工.xlsx), as the model (``xltools.model.Plan``).
    Problems that ``xltools check`` would list are ignored; bad files raise XltoolsError."""
    from xltools.workbook.reader import read_plan as _read_plan

    return _read_plan(path)


def read_original(src: PathOrFile, **options: Any) -> Plan:
    """An original document (Word, Excel, WPS, HTML, PDF, OFD, a scan…) read into the model,
    without writing anything. ``options``: ``units``, ``year``, ``simplified``, ``layout``
    (as for ``xltools.importing.importer.read_original``)."""
    from xltools.importing.importer import read_original as _read_original

    return _read_original(src, **options)


def import_original(src: PathOrFile, out: PathOrFile, **options: Any) -> ImportResult:
    """``xltools import``: read ``src`` and write the normalised workbook ``out``; the result's
    ``.plan`` is the model. ``options``: ``units``, ``year``, ``force``, ``simplified``, ``layout``."""
    from xltools.importing.importer import import_original as _import_original

    return _import_original(src, out, **options)


def rollup(workbook: PathOrFile, folder: str | os.PathLike[str], out: PathOrFile,
           **options: Any) -> RollupResult:
    """``xltools rollup``: roll the returned progress files in ``folder`` up into ``out``; the
    result's ``.to_frame()`` is the 进度 table. ``options``: ``round_label``, ``as_of``, ``force``,
    ``summary_only``."""
    from xltools.progress.rollup import rollup as _rollup

    return _rollup(workbook, folder, out, **options)


__all__ = ["__version__", "read_plan", "read_original", "import_original", "rollup"]
