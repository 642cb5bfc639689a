"""Text tables whose cells are separated by a character: pipe (``a | b |``),
tab, or comma/semicolon (.csv); and dumps with one cell per line under a
header written one word per line."""

from __future__ import annotations

import csv
import io
import re
from collections import Counter

from xltools.importing.readers.cleanup import Fixer
from xltools.importing.readers.grid import Cell, GridReader, _is_header_row, joined_header
from xltools.importing.readers.rows import Event, SourceMeta

# A cell may be as long as the input (the guard caps inputs at 200 MB); Python's
# default limit (128 KB) would end a long requirement in a traceback.
_FIELD_LIMIT = 256 * 1024 * 1024
if csv.field_size_limit() < _FIELD_LIMIT:
    csv.field_size_limit(_FIELD_LIMIT)

SEPARATORS = ("|", "\t", "│", "｜")


def header_separator(text: str, max_lines: int = 60) -> str | None:
    """The separator of a delimited table: the one that splits an early line
    into a header (序号 | 任务 | 要求 | 责任单位)."""
    lines = text.split("\n")[:max_lines]
    for k, line in enumerate(lines):
        for sep in SEPARATORS:
            if sep not in line:
                continue
            if _is_header_row(line.split(sep)):
                return sep
            if k + 1 < len(lines) and joined_header(line.split(sep), lines[k + 1].split(sep)):
                return sep  # a header written over two lines
    return None


def ragged(text: str, delimiter: str) -> bool:
    """Whether a delimited table leaves cells out: a quarter or more of the rows under its
    widest row are narrower (a browser's copy omits the cells a merge covers), so its cells'
    positions are not stated."""
    widths = [len(row) for row in csv.reader(io.StringIO(text), delimiter=delimiter) if len(row) >= 2]
    if len(widths) < 4:
        return False
    return 4 * sum(1 for w in widths if w < max(widths)) >= len(widths)


def tab_cell_stream(text: str) -> tuple[str, list[int]] | None:
    """A table copied out of a web page (a tab between cells, a row per line, a cell holding
    line breaks quoted, a merged cell only in its first row) as a cell stream: each cell's
    lines, a blank line after each row, with the source line of every line; None where no
    early line splits at tabs into two or more header words."""
    from xltools.importing.readers.columns import cell_type
    from xltools.importing.readers.grid import header_kind

    if not any(sum(1 for c in ln.split("\t") if header_kind(c)) >= 2
               for ln in text.split("\n")[:60] if ln.count("\t") >= 2):
        return None
    out: list[str] = []
    line_of: list[int] = []
    start = 1
    parsed = csv.reader(io.StringIO(text), delimiter="\t")
    for row in parsed:
        at = start
        for cell in row:
            parts = [p.strip() for p in cell.split("\n")]
            if len([p for p in parts if p]) >= 2 and all(cell_type(p) == "units" for p in parts if p):
                # One cell's units one per line: one list, not lines the stream could part.
                out.append("、".join(p for p in parts if p))
                line_of.append(at)
                at += len(parts) - 1
                continue
            for part in parts:
                if part:
                    out.append(part)
                    line_of.append(at)
                at += 1
            at -= 1
        if out and out[-1]:
            out.append("")
            line_of.append(at)
        start = parsed.line_num + 1
    return "\n".join(out), line_of


_PIPES = re.compile(r"[|│｜]")
_CELL_END = re.compile(r"^\s*[|│｜]?\s*([^|│｜]*?)\s*[|│｜]\s*$|^\s*[|│｜]\s*([^|│｜]*?)\s*$")


def pipe_cell_stream(text: str) -> str | None:
    """A table copied one cell per line with a pipe closing (or opening) each
    cell (``序号 |`` / ``| 序号``; a bare ``|`` is an empty cell): the same text
    with the pipes taken off, for the cell-stream reader; None for any other
    text. Line numbers are kept."""
    lines = text.split("\n")
    # Lines of pipes alone (|, ||||) mark where rows end: the stream reader's separators.
    # (A line without a pipe never matches: skip the regex, which backtracks quadratically on
    # a long line padded with spaces.)
    marked = [bool(ln.strip()) and _PIPES.search(ln) is not None and _CELL_END.match(ln) is not None
              and bool(ln.strip(" |│｜")) for ln in lines]
    nonblank = sum(1 for ln in lines if ln.strip())
    if sum(marked) < 8 or sum(marked) < nonblank / 3:
        return None
    return "\n".join((m.group(1) if m.group(1) is not None else m.group(2)) if ok and (m := _CELL_END.match(ln))
                     else ln for ln, ok in zip(lines, marked))


def pipe_cell_ends(text: str) -> frozenset[int]:
    """The lines (1-based) of a pipe cell stream whose cell a pipe closes or opens:
    each such line ends its cell (a cell over several lines has its pipe on the last)."""
    return frozenset(i for i, ln in enumerate(text.split("\n"), start=1)
                     if ln.strip() and ln.strip(" |│｜") and _CELL_END.match(ln) is not None)


def csv_dialect(text: str) -> str | None:
    """The delimiter of a csv text whose header row names the columns."""
    sample = "\n".join(text.split("\n")[:60])
    for delim in (",", ";", "\t"):
        for row in csv.reader(io.StringIO(sample), delimiter=delim):
            if row and _is_header_row(row):
                return delim
    return None


def _split_line(line: str, sep: str, bordered: bool = True) -> list[str]:
    """The cells of a line; in a table whose rows open with ``sep`` (``| a | b |``,
    markdown style) that first ``sep`` is a border, elsewhere it closes an empty
    first cell (``| | 牵头单位 |`` under ``序号 | 任务 | 责任单位 |``)."""
    cells = line.split(sep)
    if bordered and cells and not cells[0].strip() and line.lstrip().startswith(sep):
        cells = cells[1:]
    return cells


def read_delimited(text: str, name: str, sep: str, fixer: Fixer | None = None) -> tuple[list[Event], SourceMeta]:
    reader = GridReader(name, fixer)
    rows: list[list[Cell]] = []
    lines: list[int | None] = []
    body = [(i, raw) for i, raw in enumerate(text.split("\n"), start=1)
            if raw.strip() and not re.fullmatch(r"[\s|:\-+=\u2500-\u257f]+", raw)]  # no rule lines
    # Rows opening with the separator (most of those that hold it): it is a border.
    opening = [raw.lstrip().startswith(sep) for _, raw in body if sep in raw]
    bordered = 2 * sum(opening) >= len(opening)
    # After the last line holding a separator, past a blank line, nothing is a row (a note,
    # attachments, page chrome under the table).
    all_lines = text.split("\n")
    last = max((i for i, raw in body if sep in raw), default=0)
    end = next((k for k in range(last, len(all_lines)) if not all_lines[k].strip()), len(all_lines))
    body = [(i, raw) for i, raw in body if i <= end]
    widths = Counter(len(_split_line(raw.rstrip().removesuffix(sep), sep, bordered)) for _, raw in body if sep in raw)
    full = widths.most_common(1)[0][0] if widths else 0
    bare = {i for i, raw in enumerate(all_lines, start=1) if raw.strip() == sep}
    for i, raw in body:
        cells = _split_line(raw, sep, bordered)
        prev = rows[-1] if rows else None
        if prev is not None and not bordered and raw.lstrip().startswith(sep) and lines[-1] is not None \
                and all_lines[lines[-1] - 1].rstrip().endswith(sep) and len(prev) - 1 < full:
            # A row split where a merged cell stood (``4 |`` then ``| 措施… | 单位 |``): the line
            # opening with the separator goes on the row above, a bare separator line between
            # them an empty cell.
            prev[-1:] = [Cell("")] * sum(1 for k in range(lines[-1] + 1, i) if k in bare) \
                + [Cell(c) for c in cells[1:]]
            continue
        rows.append([Cell(c) for c in cells])
        lines.append(i)
    reader.add_table(rows, lines, delimited=True)
    return reader.result()


def read_csv(text: str, name: str, delimiter: str, fixer: Fixer | None = None) -> tuple[list[Event], SourceMeta]:
    reader = GridReader(name, fixer)
    rows: list[list[Cell]] = []
    lines: list[int | None] = []
    from xltools.importing.readers.columns import cell_type

    parsed = csv.reader(io.StringIO(text), delimiter=delimiter)
    for row in parsed:
        if not any(c.strip() for c in row):
            continue
        rows.append([Cell(c) for c in row])
        lines.append(parsed.line_num)
    width = max((len(r) for r in rows), default=0)
    for k, r in enumerate(rows):
        if len(r) == 1 < width - 1 and k and cell_type(r[0].text.strip()) == "heading":
            # A numbered heading alone, without the delimiters of the other cells: a row
            # spanning the table (a web page's colspan goal row as a browser copies it).
            rows[k] = [r[0]] + [Cell(r[0].text, from_left=True)] * (width - 1)
    reader.add_table(rows, lines, delimited=True)
    return reader.result()






def _blank_groups_fit(body: list[tuple[int, str]], ncols: int) -> bool:
    sizes: list[int] = []
    n = 0
    for _, t in body + [(0, "")]:
        if t:
            n += 1
        elif n:
            sizes.append(n)
            n = 0
    return bool(sizes) and all(1 <= s <= ncols for s in sizes) and sizes.count(ncols) >= len(sizes) / 3
