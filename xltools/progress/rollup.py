"""The roll-up command: read the master and the returned files (parsed on two
threads, see ``_read_all``), compute, write the four sheets into a small workbook and merge it
into a copy of the master package (``master.merge_sheets``), streaming the
long tables. Also the progress step of ``xltools demo``."""

from __future__ import annotations

import datetime as dt
import gc
import io
import os
import shutil
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from openpyxl import Workbook

from xltools import labels as L
from xltools.errors import InputError, OutputError
from xltools.io.fileio import atomic_path, check_writable, is_file_like, read_capped, read_input
from xltools.io.guard import check_package, is_reader_failure
from xltools.progress.master import load_master_sheets, merge_sheets, plan_from_sheets
from xltools.model import Plan
from xltools.progress.compute import _prepare, _Prepared, compute_rollup
from xltools.progress.identity import cell_key
from xltools.progress.results import RollupResult
from xltools.budget import declared_rows, return_limits
from xltools.progress.returns import (Listing, ReturnedFile, list_returns, load_opened,
                                      load_opened_bytes, open_returned, parse_guarded,
                                      unreadable_folders)
from xltools.progress.sheets import write_rollup
from xltools.progress.split import split
from xltools.progress.stream import _inject


# ----------------------------------------------------------------- the command
@contextmanager
def _gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while a roll-up builds its many small objects
    (they form no cycles; the collector's passes over them cost a tenth of the time)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@contextmanager
def _quick_handoffs(interval: float = 0.0005) -> Iterator[None]:
    """A shorter GIL switch interval while the roll-up runs: its worker threads
    (calamine parsing, deflating) wait for the GIL between native calls, up to
    the interval each time (5 ms by default) while the main thread runs Python;
    with 0.5 ms the deflater keeps up with the streamed rows (measured: the
    wait for it fell from 43 to 15 ms at 5,000 requirements)."""
    before = sys.getswitchinterval()
    sys.setswitchinterval(min(before, interval))
    try:
        yield
    finally:
        sys.setswitchinterval(before)


def rollup(workbook: str | os.PathLike[str] | IO[bytes], folder: str | os.PathLike[str],
           out: str | os.PathLike[str] | IO[bytes], *, round_label: str | None = None,
           as_of: str | dt.date | None = None, force: bool = False,
           summary_only: bool = False) -> RollupResult:
    """Roll the progress files in ``folder`` up into ``out``: a copy of the master
    ``workbook`` with the sheets 汇总 (first) / 进度 / 问题 / 延期申请 / 历史 added
    or replaced; with ``summary_only``, those sheets without the master's.

    Returned files and the master are never modified (``out`` may not be
    either, even with ``force``). 历史 keeps the other rounds found in the
    master and in ``out`` when it is replaced (``force``), so rolling each
    round up into the same OUT accumulates the rounds.
    """
    # The master's package is checked (the input guard) on the reading thread, before
    # it is parsed, while the returns are read beside it.
    data, name = read_input(workbook, check=False)
    if not Path(folder).is_dir():
        raise InputError(L.MSG_NOT_A_FOLDER.format(path=folder), path=str(folder))
    inputs = () if is_file_like(out) else _output_inputs(Path(out), folder, workbook)
    if not is_file_like(out):
        # Never onto the master or a returned file; onto an earlier roll-up
        # (also one written into the folder) only with force.
        check_writable(out, force, inputs)
    # An OUT being replaced keeps its 历史 of other rounds.
    old_out = Path(out) if not is_file_like(out) and Path(out).is_file() and force else None
    with _gc_paused(), _quick_handoffs():
        return _rollup(data, name, folder, out, old_out, round_label=round_label, as_of=as_of,
                       force=force, summary_only=summary_only, inputs=inputs)


PREFETCH_BYTES = 256 * 1024 * 1024  # returned files read ahead in all; the rest on the threads


def _load_master(data: bytes, name: str) -> dict[str, list[list[object]]]:
    """Check the master's package (the input guard) and parse its sheets (reading thread)."""
    check_package(data, name)
    return load_master_sheets(data, name, (L.SHEET_HISTORY,))


def _master_from(sheets: dict[str, list[list[object]]], name: str
                 ) -> tuple[Plan, _Prepared, list[list[object]]]:
    """The plan, what the roll-up prepares from it, and 历史 (main thread)."""
    plan = plan_from_sheets(sheets, name)
    return plan, _prepare(plan), _history_rows(sheets.get(L.SHEET_HISTORY, []))


def _read_all(data: bytes, name: str, listing: Listing
              ) -> tuple[tuple[Plan, _Prepared, list[list[object]]], list[ReturnedFile]]:
    """The master and the returned files. Two reading threads do the checks and
    python-calamine's parsing, which runs without the GIL; this thread does all
    the Python on what they read (the returns in order, the master as soon as it
    is parsed), so the Python work never waits for the GIL behind other Python."""
    # The files are read before the threads start (up to PREFETCH_BYTES in all):
    # a thread's system calls wait for the GIL while this thread runs Python.
    opened, budget = [], PREFETCH_BYTES
    # A return holds at most RETURN_ROW_FACTOR × the plan's rows (budget.return_limits).
    limits = return_limits(declared_rows(data))
    for path in listing.paths:
        item = open_returned(path, listing.folder, read=False)
        item.limits = limits
        if item.size <= budget:
            load_opened_bytes(item)
            budget -= len(item.data or b"")
        opened.append(item)
    with ThreadPoolExecutor(max_workers=2) as pool:
        master_f = pool.submit(_load_master, data, name)
        loaded = pool.map(load_opened, opened)
        master = None
        files = []
        for rf, sheets in loaded:
            if master is None and master_f.done():
                master = _master_from(master_f.result(), name)
            files.append(parse_guarded(rf, sheets))
        if master is None:
            master = _master_from(master_f.result(), name)
    return master, files + unreadable_folders(listing)


def _rollup(data: bytes, name: str, folder: str | os.PathLike[str],
            out: str | os.PathLike[str] | IO[bytes], old_out: Path | None, *,
            round_label: str | None, as_of: str | dt.date | None, force: bool,
            summary_only: bool = False, inputs: tuple[object, ...] = ()) -> RollupResult:
    # The folder is listed before the reading threads start: its system calls
    # would wait for the GIL while the master is read (ten times slower, measured).
    listing = list_returns(folder, () if is_file_like(out) else (out,))
    (plan, prepared, history), files = _read_all(data, name, listing)
    if old_out is not None:
        try:
            old_data, _ = read_input(old_out)
            history = _merge_history(history, _calamine_history(old_data))
        except BaseException as exc:  # an unreadable old OUT is simply replaced  # noqa: BLE001
            if not is_reader_failure(exc):
                raise
    result = compute_rollup(plan, folder, round_label=round_label, as_of=as_of, history=history,
                            files=files, _prepared=prepared)
    generated = Workbook()
    default = generated.active
    deferred = write_rollup(generated, result, bulk=True)
    generated.remove(default)
    buf = io.BytesIO()
    generated.save(buf)
    merged = merge_sheets(data, buf.getvalue(), active=L.SHEET_SUMMARY, stream=deferred,
                          inject=_inject, first=L.SHEET_SUMMARY, keep_master=not summary_only)
    result.summary_only = summary_only
    if is_file_like(out):
        out.write(merged)  # type: ignore[union-attr]
        return result
    with atomic_path(out, force, inputs) as tmp:
        tmp.write_bytes(merged)
    result.path = Path(out)
    return result


def _output_inputs(out: Path, folder: str | os.PathLike[str],
                   workbook: object) -> tuple[object, ...]:
    """What OUT must not replace: the master, and the returned folder's files
    unless OUT is an earlier roll-up written there (summary and assignment
    sheets, no identity: no return)."""
    folder_path = Path(folder)
    try:
        inside = out.resolve().is_relative_to(folder_path.resolve())
    except (OSError, RuntimeError):
        inside = False
    if inside and out.is_file() and _is_rollup_output(out):
        return (workbook,)
    return (workbook, folder_path)


def _is_rollup_output(path: Path) -> bool:
    import python_calamine

    from xltools.io.guard import MAX_INPUT_BYTES, zip_problem

    try:
        with path.open("rb") as fh:
            data = read_capped(fh, MAX_INPUT_BYTES)
        if len(data) > MAX_INPUT_BYTES or zip_problem(data) is not None:
            return False
        book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
        names = set(book.sheet_names)
        book.close()
    except Exception:  # unreadable: treat it as a returned file  # noqa: BLE001
        return False
    return L.SHEET_SUMMARY in names and L.PROGRESS_ID_SHEET not in names


def _calamine_history(data: bytes) -> list[list[object]]:
    """The 历史 sheet of a workbook given as bytes (header first), or []."""
    import python_calamine

    book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    try:
        if L.SHEET_HISTORY not in book.sheet_names:
            return []
        rows = book.get_sheet_by_name(L.SHEET_HISTORY).to_python()
    finally:
        book.close()
    return _history_rows(rows)


def _history_rows(rows: list[list[object]]) -> list[list[object]]:
    """历史 rows as calamine gives them → empty cells None, dates, whole numbers."""
    out = [[None if v == "" else v for v in r] for r in rows]
    for r in out[1:]:
        if len(r) > 1 and isinstance(r[1], dt.datetime):
            r[1] = r[1].date()
        for j, v in enumerate(r):
            if isinstance(v, float) and v.is_integer():
                r[j] = int(v)
    return out


def demo_cycle(workbook: str | os.PathLike[str], out_dir: str | os.PathLike[str],
               samples: str | os.PathLike[str], *, as_of: str | dt.date = "2019-04-20",
               force: bool = False) -> Iterator[str]:
    """The progress step of ``xltools demo``: split ``workbook`` into ``out_dir``,
    put the bundled sample returns (``samples``, e.g. examples/returned) beside
    them as the units' answers, roll them up, write the 通报 and the 催办通知.
    Yields one line per step."""
    out = Path(out_dir)
    sent = split(workbook, out / L.PROGRESS_DEMO_SPLIT_DIR, round_label=L.PROGRESS_DEMO_ROUND,
                 force=force)
    yield sent.summary()
    returned = out / L.PROGRESS_DEMO_RETURNED_DIR
    if returned.exists():
        if not force:
            raise OutputError(L.MSG_FILE_EXISTS.format(path=returned), path=str(returned))
        shutil.rmtree(returned)
    shutil.copytree(samples, returned)  # copy2: the files keep their times
    yield L.MSG_DEMO_RETURNED.format(count=len(list(returned.iterdir())), path=returned)
    result = rollup(workbook, returned, out / L.PROGRESS_DEMO_ROLLUP, as_of=as_of, force=force,
                    summary_only=True)
    yield result.summary()
    from xltools.progress.remind import remind
    from xltools.progress.report import report

    yield report(result.path, out / L.PROGRESS_DEMO_REPORT, force=force).summary()
    due = result.as_of + dt.timedelta(days=L.PROGRESS_DEMO_REMIND_DAYS)
    yield remind(result.path, out / L.PROGRESS_DEMO_REMIND_DIR, deadline=due, force=force).summary()


def _merge_history(first: list[list[object]], second: list[list[object]]) -> list[list[object]]:
    """Rows of two 历史 sheets; rounds in ``second`` replace the same rounds in ``first``."""
    if not first:
        return second
    if not second:
        return first
    header = [cell_key(v) for v in first[0]]
    h2 = [cell_key(v) for v in second[0]]
    rounds2 = {cell_key(r[h2.index(L.HCOL_ROUND)]) for r in second[1:] if L.HCOL_ROUND in h2 and r}
    ri = header.index(L.HCOL_ROUND) if L.HCOL_ROUND in header else 0
    kept = [r for r in first[1:] if r and cell_key(r[ri]) not in rounds2]
    mapped = [[dict(zip(h2, r, strict=False)).get(h) for h in header] for r in second[1:]]
    return [first[0], *kept, *mapped]


__all__ = ["rollup", "demo_cycle"]
