"""Compatibility: the roll-up lives in ``xltools.progress`` (compute, summary,
sheets, stream, rollup); this module keeps the old import path."""

from xltools.progress.compute import compute_rollup, schedule_fraction
from xltools.progress.results import ROLLUP_SHEETS, Issue, RollupResult, Slot
from xltools.progress.rollup import demo_cycle, rollup
from xltools.progress.sheets import write_rollup
from xltools.progress.summary import read_history

__all__ = ["rollup", "compute_rollup", "write_rollup", "read_history", "RollupResult", "Issue",
           "Slot", "schedule_fraction", "ROLLUP_SHEETS", "demo_cycle"]
