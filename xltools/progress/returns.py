"""Read the files units send back, with python-calamine.

Every file in the folder becomes a ReturnedFile, never an exception: what
could not be read carries an ``error`` (kind, message) that the roll-up lists
on 问题. Files are opened read-only from bytes; a file larger than
``MAX_FILE_BYTES`` or a zip whose declared content is too big or too highly
compressed (a zip bomb) is refused before it is parsed. The file type is
taken from the content (an .xlsx renamed .xls still reads), the unit from the
content (hidden identity sheet, else the 填报单位 line), never from the name.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Executor, ThreadPoolExecutor
from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path

import python_calamine

from xltools import labels as L
from xltools.budget import RETURN_LIMITS, RETURN_ROW_FACTOR, SheetLimits
from xltools.errors import InputError, OutputError
from xltools.io.fileio import read_capped
from xltools.io.guard import is_reader_failure
from xltools.text import normalise_spaces
from xltools.progress.identity import (FORMAT_ID, KEY_DEADLINE, KEY_FORMAT, KEY_PLAN, KEY_ROUND,
                                       KEY_ROWS, KEY_UNIT, cell_key)

SPREADSHEET_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".et", ".xltx", ".xlt", ".ett")
MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_UNPACKED_BYTES = 200 * 1024 * 1024  # a returned file is small: stricter than the guard's
HEADER_SCAN_ROWS = 40
READ_THREADS = min(8, (os.cpu_count() or 2) + 2)
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_ILLEGAL_OR_CR = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\r\ufffe\uffff]")

ERR_OTHER = "other"
ERR_UNREADABLE = "unreadable"
ERR_TOO_LARGE = "too_large"
ERR_EMPTY = "empty"
ERR_NO_TABLE = "no_table"
ERR_LOCK = "lock"
ERR_ENCRYPTED = "encrypted"
ERR_FOLDER = "folder"
LABEL_REACH = 3  # columns: 联系电话： over three merged cells, then its value
LOCK_FILE_MAX = 512  # bytes: Office/WPS owner files are 162 or 165
_ENCRYPTION_STREAM = "EncryptionInfo".encode("utf-16-le")
_XLS_FILEPASS = b"\x2f\x00"  # BIFF FILEPASS record id


@dataclass(slots=True)
class DataRow:
    """One non-blank row of a returned table: sheet row number, cleaned values by
    column name, and the raw cell values as read (for 问题)."""

    row: int
    values: dict[str, object]
    raw: list[object]


@dataclass
class StraySheet:
    """A sheet other than the progress table, with its non-blank rows."""

    name: str
    rows: list[tuple[int, list[object]]]


@dataclass
class ReturnedFile:
    path: Path
    name: str
    modified: dt.datetime
    error: tuple[str, str] | None = None
    # Identity (from the hidden sheet, else the title block).
    identity: dict[str, str] = field(default_factory=dict)
    _fingerprint_rows: list[list[object]] = field(default_factory=list, repr=False)
    _fingerprints: dict[str, str] | None = field(default=None, repr=False)
    unit: str = ""
    filled_date: dt.date | None = None
    filler: str = ""  # 填报人
    phone: str = ""  # 联系电话
    # The progress table.
    sheet: str = ""
    header: list[str] = field(default_factory=list)
    columns: dict[str, int] = field(default_factory=dict)
    extra_columns: list[str] = field(default_factory=list)
    rows: list[DataRow] = field(default_factory=list)
    stray_sheets: list[StraySheet] = field(default_factory=list)
    loose_rows: list[tuple[str, int, list[object]]] = field(default_factory=list)  # no table found
    outside: list[tuple[int, list[object]]] = field(default_factory=list)  # above the header
    unheaded: list[tuple[int, int, object]] = field(default_factory=list)  # (row, col, value)
    hidden_unit: str = ""  # the unit of the hidden identity sheet
    visible_unit: str = ""  # the 填报单位 line
    hidden_name: bool = False  # a dot file, or in a dot folder
    notes: list[tuple[str, str]] = field(default_factory=list)  # (kind, message) for 问题

    @property
    def fingerprints(self) -> dict[str, str]:
        """要求编号 → fingerprint of the row's locked cells as sent (the hidden sheet)."""
        if self._fingerprints is None:
            self._fingerprints = {}
            for values in self._fingerprint_rows:
                key = str(values[0]).strip() if values else ""
                if key:
                    self._fingerprints[key] = str(values[1]).strip() if len(values) > 1 else ""
        return self._fingerprints

    @property
    def is_progress_file(self) -> bool:
        return self.identity.get(KEY_FORMAT) == FORMAT_ID

    @property
    def plan(self) -> str:
        return self.identity.get(KEY_PLAN, "")

    @property
    def round(self) -> str:
        return self.identity.get(KEY_ROUND, "")

    @property
    def deadline(self) -> dt.date | None:
        try:
            return dt.date.fromisoformat(self.identity.get(KEY_DEADLINE, ""))
        except ValueError:
            return None

    @property
    def when(self) -> dt.date:
        """The return date: 填报日期 when filled in, else the file's modification day."""
        return self.filled_date or self.modified.date()

    @property
    def rows_read(self) -> int:
        return (len(self.rows) + sum(len(s.rows) for s in self.stray_sheets) + len(self.loose_rows)
                + len(self.outside))


def list_folder(folder: Path, unreadable: list[tuple[Path, str]] | None = None) -> Iterator[Path]:
    """Every file under ``folder`` (sorted, recursive), hidden ones and lock files
    included (the reader says what they are). Sub-folders that cannot be opened
    are added to ``unreadable`` with the reason; the folder itself must open."""
    try:
        # scandir: the entry types come with the listing (no stat per file).
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as exc:
        if unreadable is None:
            raise
        unreadable.append((folder, exc.strerror or str(exc)))
        return
    for entry in entries:
        path = folder / entry.name
        try:
            is_dir = entry.is_dir(follow_symlinks=False)  # a link to a folder is not followed
            is_file = not is_dir and entry.is_file()
        except OSError as exc:
            if unreadable is not None:
                unreadable.append((path, exc.strerror or str(exc)))
            continue
        if is_dir:
            yield from list_folder(path, unreadable if unreadable is not None else [])
        elif is_file:
            yield path


def is_lock_file(name: str, head: bytes, size: int) -> bool:
    """An Office/WPS owner file (``~$name``, made while a file is open): tiny, and
    holding only the user name (a length byte, the name, padding) — not a workbook."""
    if not name.startswith("~$") or size > LOCK_FILE_MAX or size < 2:
        return False
    if head.startswith((ZIP_MAGIC, OLE_MAGIC)):
        return False
    n = head[0]
    user = head[1:1 + n]
    return 0 < n <= 53 and len(user) == n and all(32 <= b < 127 or b >= 0x80 for b in user)


def is_spreadsheet_name(path: Path) -> bool:
    return path.suffix.lower() in SPREADSHEET_SUFFIXES


def check_zip(src: bytes | Path) -> str | None:
    """Why a zip must not be opened (declared sizes or ratio too high), or None.

    Only the central directory is read; nothing is decompressed. The limits are
    the input guard's (``xltools.io.guard``), the same for every package."""
    from xltools.io.guard import zip_problem

    if isinstance(src, bytes):
        data = src
    else:
        with open(src, "rb") as fh:
            data = read_capped(fh, MAX_FILE_BYTES)
    problem = zip_problem(data, MAX_UNPACKED_BYTES)
    if problem is None:
        return None
    kind, detail = problem
    return detail if kind == "too_large" else f"bad zip: {detail}"


def clean_value(value: object) -> object:
    """A calamine value for the roll-up: text trimmed (line breaks kept), characters
    that XML cannot hold removed, 3.0 → 3, empty → None."""
    if value is None:
        return None
    if isinstance(value, str):
        text = value.strip()
        if _ILLEGAL_XML.search(text):
            text = _ILLEGAL_XML.sub("", text).strip()
        if "\r" in text:
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        return text or None
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return int(value)
        if value != value or value in (float("inf"), float("-inf")):
            return str(value)  # NaN, ±inf: never a cell value (invalid SpreadsheetML)
        return value
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        return value.date()  # a date cell (calamine gives midnight datetimes)
    if isinstance(value, dt.time):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return str(value)
    return value


def _blank(values: list[object]) -> bool:
    for v in values:
        if v is None or v == "" or (isinstance(v, str) and not v.strip()):
            continue
        return False
    return True


_HEADER_ALIASES = {alias: name for name, words in L.PROGRESS_HEADER_ALIASES.items()
                   for alias in words}
for _name, _words in L.PROGRESS_EXTENSION_ALIASES.items():
    for _alias in _words:
        _HEADER_ALIASES.setdefault(_alias, _name)
_ID_ALIASES = {"".join(alias.split()) for alias, name in _HEADER_ALIASES.items()
               if name == L.PROGRESS_LOCKED_COLUMNS[0]}


# A character every 要求编号 alias has (号): a cell without it names no such column.
_ID_MARK = "".join(sorted(set.intersection(*map(set, _ID_ALIASES))))[:1]


def _header_index(rows: list[list[object]]) -> tuple[int, dict[str, int], list[str]] | None:
    """(row index, column name → index, header texts) of the progress table header."""
    aliases = _HEADER_ALIASES
    mark = _ID_MARK
    for i, values in enumerate(rows[:HEADER_SCAN_ROWS]):
        # Only a row naming the 要求编号 column can be the header.
        if not any(type(v) is str and mark in v and "".join(normalise_spaces(v).split()) in _ID_ALIASES
                   for v in values):
            continue
        header = [cell_key(v) for v in values]
        cols: dict[str, int] = {}
        for j, text in enumerate(header):
            name = aliases.get(text.replace(" ", ""))
            if name and name not in cols:
                cols[name] = j
        fill = [c for c in L.PROGRESS_FILL_COLUMNS if c in cols]
        if L.PROGRESS_LOCKED_COLUMNS[0] in cols and fill:
            return i, cols, header
    return None


def _label_value(rows: list[list[object]], label: str, stop: int) -> object:
    """The value after ``label`` in the title block: rest of the cell, else next non-empty cell."""
    key = label.rstrip("：:")
    for values in rows[:stop]:
        for j, v in enumerate(values):
            if not isinstance(v, str) or key not in v:  # a substring search first: cheap
                continue
            text = v.strip()
            if not text.startswith(key):
                continue
            rest = text[len(key):].lstrip("：: ").strip()
            if rest:
                return rest
            for nxt in values[j + 1:]:
                if nxt not in (None, "") and not (isinstance(nxt, str) and nxt.strip().endswith(("：", ":"))):
                    return nxt
                if isinstance(nxt, str) and nxt.strip():
                    break
            return None
    return None


def _as_date(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int | float) and 30000 < value < 80000:
        return dt.date(1899, 12, 30) + dt.timedelta(days=int(value))
    if isinstance(value, str):
        m = re.search(r"(20\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})", value)
        if m:
            try:
                return dt.date(int(m[1]), int(m[2]), int(m[3]))
            except ValueError:
                return None
    return None


_TITLE_LABELS = tuple(label.rstrip("：:") for label in (
    L.PROGRESS_UNIT_LABEL, L.PROGRESS_ROUND_LABEL, L.PROGRESS_DEADLINE_LABEL,
    L.PROGRESS_FILLED_DATE_LABEL, L.PROGRESS_FILLER_LABEL, L.PROGRESS_PHONE_LABEL))
_INSTRUCTIONS_START = L.PROGRESS_INSTRUCTIONS[:5]


def _outside_above(rows: list[list[object]], hi: int) -> list[tuple[int, list[object]]]:
    """Rows above the header holding more than the title block: the title (the
    first text of the sheet), the labels with their values, the instructions."""
    out: list[tuple[int, list[object]]] = []
    title_seen = False
    for i in range(hi):
        values = rows[i]
        extra = False
        value_until = -1  # a label's value may follow it within LABEL_REACH columns
        for j, v in enumerate(values):
            if v is None or (isinstance(v, str) and not v.strip()) or v == "":
                continue
            text = v.strip() if isinstance(v, str) else ""
            if text.startswith(_TITLE_LABELS):
                empty = not text.split("：")[-1].split(":")[-1].strip()
                value_until = j + LABEL_REACH if empty else -1
                title_seen = True
                continue
            if j <= value_until:
                value_until = -1
                continue
            if not title_seen and text:
                title_seen = True
                continue
            if text.startswith(_INSTRUCTIONS_START):
                continue
            extra = True
        if extra:
            out.append((i + 1, [clean_value(v) for v in values]))
    return out


Sheets = list[tuple[str, bool, list[list[object]]]]  # (name, visible, rows) as calamine read them


def read_returned(path: str | os.PathLike[str], folder: Path | None = None, *,
                  limits: SheetLimits | None = None) -> ReturnedFile:
    """Read one returned file (never raises for what is inside the file);
    ``limits``: what its sheets may hold (default ``budget.RETURN_LIMITS``)."""
    opened = open_returned(path, folder, read=False)
    opened.limits = limits
    return parse_guarded(*load_opened(opened))


def parse_loaded(rf: ReturnedFile, sheets: Sheets | None) -> ReturnedFile:
    """The last step of ``read_returned``: the sheets read by ``load_opened``
    become the file's identity, title block and rows (Python only)."""
    if sheets is not None:
        _parse(rf, sheets)
    return rf


@dataclass
class Opened:
    """A returned file found and (unless ``data`` is None) read into memory."""

    rf: ReturnedFile
    path: Path
    size: int
    data: bytes | None = None
    limits: SheetLimits | None = None  # what its sheets may hold (budget.RETURN_LIMITS)


def open_returned(path: str | os.PathLike[str], folder: Path | None = None, *,
                  read: bool = True) -> Opened:
    """The first step of ``read_returned``: the file's name, time and size, and
    with ``read`` its bytes (the roll-up reads them before its reading threads
    start: their system calls would wait for the GIL). Never raises."""
    p = Path(path)
    name = str(p.relative_to(folder)) if folder else p.name
    try:
        stat = p.stat()
    except OSError as exc:
        rf = ReturnedFile(path=p, name=name, modified=dt.datetime(1980, 1, 1))
        rf.error = (ERR_UNREADABLE, L.MSG_ISSUE_UNREADABLE.format(reason=exc.strerror or exc))
        return Opened(rf, p, 0)
    modified = dt.datetime.fromtimestamp(stat.st_mtime).replace(microsecond=0)
    rf = ReturnedFile(path=p, name=name, modified=modified)
    parts = Path(name).parts
    rf.hidden_name = any(part.startswith(".") for part in parts)
    opened = Opened(rf, p, stat.st_size)
    if read:
        load_opened_bytes(opened)
    return opened


def load_opened_bytes(opened: Opened) -> None:
    """Read the file's bytes into ``opened.data`` (or say on ``rf.error`` why not)."""
    rf, size = opened.rf, opened.size
    if size > MAX_FILE_BYTES:
        rf.error = (ERR_TOO_LARGE, L.MSG_ISSUE_TOO_LARGE.format(
            detail=f"{size // (1024 * 1024)} MB > {MAX_FILE_BYTES // (1024 * 1024)} MB"))
        return
    if size == 0:
        rf.error = (ERR_EMPTY, L.MSG_ISSUE_EMPTY)
        return
    try:
        with opened.path.open("rb") as fh:  # once: the checks and the parser read the same bytes
            data = read_capped(fh, MAX_FILE_BYTES)
    except OSError as exc:  # vanished or unreadable while being read
        rf.error = (ERR_UNREADABLE, L.MSG_ISSUE_UNREADABLE.format(reason=exc.strerror or exc))
        return
    if len(data) > MAX_FILE_BYTES:  # it grew since it was listed
        rf.error = (ERR_TOO_LARGE, L.MSG_ISSUE_TOO_LARGE.format(
            detail=f"> {MAX_FILE_BYTES // (1024 * 1024)} MB"))
        return
    opened.data = data


def load_opened(opened: Opened) -> tuple[ReturnedFile, Sheets | None]:
    """The middle step of ``read_returned``: the checks and python-calamine's
    parse, little Python (run on reading threads). Sheets is None when the
    file could not be read (``rf.error`` says why)."""
    rf = opened.rf
    if opened.data is None and rf.error is None:
        load_opened_bytes(opened)
    if rf.error is not None or opened.data is None:
        return rf, None
    data, opened.data = opened.data, None  # not kept once parsed
    try:
        return rf, _load(rf, opened.path, data, opened.limits or RETURN_LIMITS)
    except BaseException as exc:  # noqa: BLE001 - any reader failure is this file's line on 问题
        if not is_reader_failure(exc):
            raise
        rf.error = (ERR_UNREADABLE, L.MSG_ISSUE_READER_CRASHED.format(
            reason=f"{type(exc).__name__}: {str(exc)[:200]}"))
        return rf, None


def parse_guarded(rf: ReturnedFile, sheets: Sheets | None) -> ReturnedFile:
    """``parse_loaded``, any failure on hostile content turned into the file's error."""
    try:
        return parse_loaded(rf, sheets)
    except Exception as exc:  # noqa: BLE001 - one file never stops the round
        rf.error = (ERR_UNREADABLE, L.MSG_ISSUE_READER_CRASHED.format(
            reason=f"{type(exc).__name__}: {str(exc)[:200]}"))
        rf.rows, rf.stray_sheets, rf.loose_rows, rf.outside, rf.unheaded = [], [], [], [], []
        return rf


def _within_budget(rf: ReturnedFile, data: bytes, limits: SheetLimits) -> bytes | None:
    """The package to parse (its unusable numbers turned into text, noted on
    ``rf``), or None with ``rf.error`` set when it must not be parsed: a member
    that lies about its size, a far-away cell, too many rows, shared strings
    fanned out too far (see ``xltools.budget``)."""
    from xltools import budget
    from xltools.io.guard import _verify_members

    bad = _verify_members(data)
    if bad is not None:
        part, reason = bad
        rf.error = (ERR_UNREADABLE, L.MSG_ISSUE_UNREADABLE.format(reason=f"{part}: {reason}"))
        return None
    if not budget.is_spreadsheet_package(data):
        return data
    scans = budget.scan_workbook(data, limits)
    # calamine ignores the declared <dimension>: only what the cells name counts.
    problem = budget.workbook_problem(scans, limits, numbers=False, declared=False)
    if problem is not None:
        fmt = {"rows": L.MSG_ISSUE_TOO_MANY_ROWS, "fanout": L.MSG_ISSUE_FANOUT}.get(
            problem.kind, L.MSG_ISSUE_FAR_CELL)
        rf.error = (ERR_TOO_LARGE, fmt.format(sheet=problem.sheet, cell=problem.cell,
                                              detail=problem.detail, factor=RETURN_ROW_FACTOR))
        return None
    for scan in scans:
        for b in scan.bad:
            rf.notes.append((L.ISSUE_BAD_NUMBER, L.MSG_ISSUE_BAD_NUMBER.format(
                sheet=scan.name, cell=b.ref, value=b.text)))
    return budget.numbers_as_text(data, scans)


def _load(rf: ReturnedFile, p: Path, data: bytes,
          limits: SheetLimits = RETURN_LIMITS) -> Sheets | None:
    head = data[:LOCK_FILE_MAX + 1]
    magic = head[:8]
    suffix = p.suffix.lower()
    if is_lock_file(p.name, head, len(data)):
        rf.error = (ERR_LOCK, L.MSG_ISSUE_LOCK_FILE.format(size=len(data)))
        return None
    if magic.startswith(ZIP_MAGIC):
        why = check_zip(data)
        if why:
            kind = ERR_UNREADABLE if why.startswith("bad zip") else ERR_TOO_LARGE
            rf.error = (kind, L.MSG_ISSUE_UNREADABLE.format(reason=why) if kind == ERR_UNREADABLE
                        else L.MSG_ISSUE_TOO_LARGE.format(detail=why))
            return None
        checked = _within_budget(rf, data, limits)
        if checked is None:
            return None
        # Read from the path only when nothing in memory differs from the file.
        by_path = suffix in (".xlsx", ".xlsm", ".xltx", ".xltm") and checked is data
        data = checked
    elif magic.startswith(OLE_MAGIC):
        if _ENCRYPTION_STREAM in data:  # an encrypted .xlsx inside an OLE container
            rf.error = (ERR_ENCRYPTED, L.MSG_ISSUE_ENCRYPTED)
            return None
        by_path = suffix in (".xls", ".xlt")
    else:
        if is_spreadsheet_name(p):
            rf.error = (ERR_UNREADABLE, L.MSG_ISSUE_UNREADABLE.format(reason="not an Excel file"))
        else:
            rf.error = (ERR_OTHER, L.MSG_ISSUE_OTHER_FILE)
        return None
    try:
        # The type comes from the content: a renamed file is read from its bytes.
        # From the path otherwise: calamine then reads without holding the GIL,
        # which it does not for a Python file object (measured: 15% slower on two threads).
        wb = (python_calamine.CalamineWorkbook.from_path(str(p)) if by_path
              else python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data)))
        sheets: Sheets = []
        for meta in wb.sheets_metadata:
            if meta.typ != python_calamine.SheetTypeEnum.WorkSheet:
                continue
            sheet = wb.get_sheet_by_name(meta.name)
            rows = sheet.to_python()
            top, left = sheet.start or (0, 0)
            if left:
                rows = [[""] * left + r for r in rows]
            if top:
                rows = [[] for _ in range(top)] + rows
            visible = meta.visible == python_calamine.SheetVisibleEnum.Visible
            sheets.append((meta.name, visible, rows))
        wb.close()
    except BaseException as exc:  # calamine raises several types, and panics, for broken files
        if not is_reader_failure(exc):
            raise
        if "password" in str(exc).lower() or "encrypt" in str(exc).lower():
            rf.error = (ERR_ENCRYPTED, L.MSG_ISSUE_ENCRYPTED)
        else:
            rf.error = (ERR_UNREADABLE, L.MSG_ISSUE_UNREADABLE.format(reason=str(exc)[:200]))
        return None
    return sheets


def _parse(rf: ReturnedFile, sheets: list[tuple[str, bool, list[list[object]]]]) -> None:
    table: tuple[str, list[list[object]], int, dict[str, int], list[str]] | None = None
    others: list[tuple[str, list[list[object]]]] = []
    for name, visible, rows in sheets:
        if name == L.PROGRESS_ID_SHEET:
            _read_identity(rf, rows)
            continue
        found = _header_index(rows) if table is None else None
        if found:
            table = (name, rows, *found)
        else:
            others.append((name, rows))
    for name, rows in others:
        nonblank = [(i + 1, [clean_value(v) for v in r]) for i, r in enumerate(rows) if not _blank(r)]
        if nonblank:
            rf.stray_sheets.append(StraySheet(name, nonblank))
    if table is None:
        if not rf.stray_sheets:
            rf.error = (ERR_EMPTY, L.MSG_ISSUE_EMPTY)
            return
        # No table: every non-blank row is reported as it is.
        rf.loose_rows = [(s.name, r, v) for s in rf.stray_sheets for r, v in s.rows]
        rf.stray_sheets = []
        rf.error = (ERR_NO_TABLE, L.MSG_ISSUE_NO_TABLE.format(rows=len(rf.loose_rows)))
        return
    name, rows, hi, cols, header = table
    rf.sheet, rf.columns, rf.header = name, cols, header
    used = set(cols.values())
    rf.extra_columns = [h for j, h in enumerate(header) if h and j not in used]
    unit = _label_value(rows, L.PROGRESS_UNIT_LABEL, hi)
    rf.visible_unit = cell_key(unit) if unit is not None else ""
    if not rf.unit:
        rf.unit = rf.visible_unit
    rf.outside = _outside_above(rows, hi)
    filled = _label_value(rows, L.PROGRESS_FILLED_DATE_LABEL, hi)
    rf.filled_date = _as_date(filled)
    for attr, label in (("filler", L.PROGRESS_FILLER_LABEL), ("phone", L.PROGRESS_PHONE_LABEL)):
        value = _label_value(rows, label, hi)
        setattr(rf, attr, cell_key(value) if value is not None else "")
    names = list(cols)
    positions = [cols[c] for c in names]
    unheaded_cols = [j for j, h in enumerate(header) if not h and j not in used]
    need = max(positions) + 1
    body = rows[hi + 1:]
    # Most texts need no cleaning; find out for the whole table at once with C
    # loops (str.strip returns the very string when there is nothing to strip).
    texts = [v for raw in body for v in raw if type(v) is str]
    if (list(map(str.strip, texts)) == texts and not _ILLEGAL_OR_CR.search("".join(texts))
            and all(len(raw) >= need for raw in body)):
        # Column by column: empty text → None, other values cleaned one by one.
        columns = [[(v or None) if type(v) is str else clean_value(v)
                    for v in map(itemgetter(j), body)] for j in positions]
        cleaned_rows: Iterable[Sequence[object]] = zip(*columns) if columns else ()
    else:
        cleaned_rows = (_clean_row(raw, positions) for raw in body)
    data_rows = rf.rows
    for i, (raw, cleaned) in enumerate(zip(body, cleaned_rows), start=hi + 2):
        if not any(cleaned) and _blank(raw):
            continue
        data_rows.append(DataRow(i, dict(zip(names, cleaned)), raw))
        if unheaded_cols or len(raw) > len(header):
            for j in unheaded_cols + list(range(len(header), len(raw))):
                if j < len(raw) and clean_value(raw[j]) is not None:
                    rf.unheaded.append((i, j + 1, clean_value(raw[j])))


def _clean_row(raw: list[object], positions: list[int]) -> list[object]:
    """The values of one row at ``positions`` (None past its end), cleaned."""
    values = [raw[j] if j < len(raw) else None for j in positions]
    texts = [v for v in values if type(v) is str]
    if list(map(str.strip, texts)) == texts and not _ILLEGAL_OR_CR.search("".join(texts)):
        return [(v or None) if type(v) is str else clean_value(v) for v in values]
    return [clean_value(v) for v in values]


def _read_identity(rf: ReturnedFile, rows: list[list[object]]) -> None:
    for i, values in enumerate(rows):
        if not values:
            continue
        key = str(values[0]).strip()
        if key == KEY_ROWS:
            rf._fingerprint_rows = rows[i + 1:]  # read when a row's locked cells differ
            break
        if key:
            rf.identity[key] = str(values[1]).strip() if len(values) > 1 else ""
    if rf.identity.get(KEY_UNIT):
        rf.unit = rf.hidden_unit = rf.identity[KEY_UNIT]


@dataclass
class Listing:
    """The files of a returned folder to read, and the sub-folders that would not open."""

    folder: Path
    paths: list[Path]
    unreadable: list[tuple[Path, str]]


def list_returns(folder: str | os.PathLike[str],
                 exclude: Iterable[str | os.PathLike[str]] = ()) -> Listing:
    """The files of ``folder`` to read (``exclude`` left out), in name order."""
    base = Path(folder)
    skip = {Path(p).resolve() for p in exclude}
    skip_names = {p.name for p in skip}
    try:
        next(iter(base.iterdir()), None)
    except OSError as exc:
        raise InputError(L.MSG_RETURNED_FOLDER_UNREADABLE.format(
            path=base, reason=exc.strerror or exc), path=str(base)) from exc
    unreadable: list[tuple[Path, str]] = []
    # Only a file with an excluded name is resolved (resolving every path costs a stat per part).
    paths = [p for p in list_folder(base, unreadable)
             if p.name not in skip_names or p.resolve() not in skip]
    return Listing(base, paths, unreadable)


def read_listed(listing: Listing, *, pool: Executor | None = None,
                threads: bool = True, limits: SheetLimits | None = None) -> list[ReturnedFile]:
    """Read the files of a listing (see ``read_folder``)."""
    base, paths = listing.folder, listing.paths

    def read(p: Path) -> ReturnedFile:
        return read_returned(p, base, limits=limits)

    if pool is not None:
        files = list(pool.map(read, paths))
    elif len(paths) < 4 or not threads:
        files = [read(p) for p in paths]
    else:
        with ThreadPoolExecutor(max_workers=READ_THREADS) as own:
            files = list(own.map(read, paths))
    return files + unreadable_folders(listing)


def unreadable_folders(listing: Listing) -> list[ReturnedFile]:
    """The sub-folders that would not open, as files listed on 问题."""
    out = []
    for path, reason in listing.unreadable:
        rf = ReturnedFile(path=path, name=str(path.relative_to(listing.folder)) + "/",
                          modified=dt.datetime(1980, 1, 1))
        rf.error = (ERR_FOLDER, L.MSG_ISSUE_UNREADABLE_FOLDER.format(reason=reason))
        out.append(rf)
    return out


def read_folder(folder: str | os.PathLike[str],
                exclude: Iterable[str | os.PathLike[str]] = (), *,
                pool: Executor | None = None, threads: bool = True) -> list[ReturnedFile]:
    """Every file of ``folder`` (lock files and ``exclude`` skipped), read, in name order.

    Files are read on ``pool`` when given (the roll-up's, which reads the master
    beside them), else on a few threads unless ``threads`` is False:
    python-calamine parses without holding the GIL."""
    return read_listed(list_returns(folder, exclude), pool=pool, threads=threads)


def _answer_key(value: object) -> str:
    import datetime as dt

    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())


def refuse_filled_return(path: str | os.PathLike[str], previous: Mapping[tuple[str, str], Mapping[str, object]]
                         | None = None) -> None:
    """Refuse (OutputError, force or not) to replace ``path`` when it is a progress
    file a unit has filled in: an answer that is not the one pre-filled from
    ``previous`` (the last roll-up), or a filled-in date. A file that cannot be read
    is refused too (it may be a return); an empty one may be replaced."""
    p = Path(path)
    if not p.is_file():
        return
    rf = read_returned(p)
    if rf.error is not None:
        if rf.error[0] == ERR_EMPTY:
            return
        raise OutputError(L.MSG_FILLED_RETURN.format(path=p), path=str(p))
    previous = previous or {}
    id_column = L.PROGRESS_LOCKED_COLUMNS[0]
    filled = rf.filled_date is not None
    for row in rf.rows:
        if filled:
            break
        req_id = _answer_key(row.values.get(id_column))
        before = previous.get((req_id, rf.unit), {})
        for column in L.PROGRESS_FILL_COLUMNS:
            value = _answer_key(row.values.get(column))
            if value and value != _answer_key(before.get(column)):
                filled = True
                break
    if filled:
        raise OutputError(L.MSG_FILLED_RETURN.format(path=p), path=str(p))


__all__ = ["refuse_filled_return", "ReturnedFile", "DataRow", "read_returned", "open_returned", "load_opened", "parse_loaded", "parse_guarded", "is_reader_failure", "Opened", "load_opened_bytes", "read_folder", "list_returns", "read_listed", "unreadable_folders", "Listing", "check_zip", "clean_value",
           "MAX_FILE_BYTES"]
