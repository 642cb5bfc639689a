"""The progress cycle: split the plan into one progress file per unit, read
what comes back, roll it up into 汇总 / 进度 / 问题 / 历史, and write the Word
通报 for the leadership and the 催办 notices for the units that owe.

One concern per module:

* ``identity`` — who reports what; plan and row fingerprints;
* ``status`` — allowed 状态 values and free text mapped to them;
* ``split`` — writing the progress files;
* ``returns`` — reading returned files (python-calamine);
* ``compute`` — the roll-up as values, with every unused row on 问题;
* ``summary`` — the 汇总 tables and their 标识 rules;
* ``sheets`` / ``stream`` — writing the sheets (openpyxl, streamed XML);
* ``rollup`` — the command; ``report`` (通报) and ``remind`` (催办).

This package namespace keeps what ``xltools.progress`` offered as a module.
"""

from xltools.progress.identity import (FORMAT_ID, KEY_DEADLINE, KEY_FORMAT, KEY_PLAN, KEY_ROUND,
                                       KEY_ROWS, KEY_TITLE, KEY_UNIT, KEY_WRITTEN, UnitRow,
                                       cell_key, default_round, iter_unit_assignments,
                                       locked_values, parse_date_arg, plan_fingerprint,
                                       progress_file_name, progress_units, row_fingerprint,
                                       unit_canonical_names, unit_rows)
from xltools.progress.status import done_status, map_status, status_options
from xltools.progress.split import (FILE_COLUMNS, FILE_WIDTHS, FILL_COLUMNS, HEADER_ROW,
                                    LOCKED_COLUMNS, Identity, SplitResult,
                                    build_progress_workbook, read_previous, set_text_safe)
from xltools.progress.split import split  # the function (after the module of that name)

__all__ = ["split", "SplitResult", "build_progress_workbook", "plan_fingerprint", "row_fingerprint",
           "cell_key", "map_status", "status_options", "done_status", "unit_rows", "UnitRow",
           "progress_units", "read_previous", "Identity", "set_text_safe", "parse_date_arg",
           "FILE_COLUMNS", "FILE_WIDTHS", "FILL_COLUMNS", "HEADER_ROW", "LOCKED_COLUMNS",
           "FORMAT_ID", "KEY_DEADLINE", "KEY_FORMAT", "KEY_PLAN", "KEY_ROUND", "KEY_ROWS",
           "KEY_TITLE", "KEY_UNIT", "KEY_WRITTEN", "default_round", "iter_unit_assignments",
           "locked_values", "progress_file_name", "unit_canonical_names"]
