"""Stream long tables straight into a sheet's XML (much faster than openpyxl
cells): each column takes the style of the template row openpyxl wrote, text
is always an inline string (never a formula)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from openpyxl.utils import get_column_letter

from xltools.workbook.writer import cell_rest

# ------------------------------------------------------- streaming the bulk
# Cells are written by workbook.cell_rest, the one cell writer of every streamed sheet.


_ROW_RE = re.compile(r'<row r="(\d+)"[^>]*>(.*?)</row>', re.S)
_CELL_STYLE_RE = re.compile(r'<c r="([A-Z]+)\d+"(?: s="(\d+)")?')


_CHUNK_ROWS = 2000


def _inject(xml: str, first_row: int, rows: list[list[object]]) -> Iterator[bytes]:
    """The sheet ``xml`` (openpyxl's, with one styled body row) with ``rows`` appended
    from ``first_row`` on, as UTF-8 chunks; each column takes the template row's style."""
    end = xml.index("</sheetData>")
    template = list(_ROW_RE.finditer(xml, 0, end))[-1]
    styles = {col: s or "" for col, s in _CELL_STYLE_RE.findall(template.group(2))}
    ncols = max((len(r) for r in rows), default=0)
    letters = [get_column_letter(c) for c in range(1, ncols + 1)]
    col_styles = [styles.get(letter, "") for letter in letters]
    heads = ['<c r="' + letter for letter in letters]
    # A row is its number joined with the pieces between its occurrences:
    # '<row r="' N '"><c r="A' N '" s=…>value</c><c r="B' N … '</row>'. Columns
    # repeat their values (a requirement's texts on each unit's row), so each
    # column keeps the piece after the row number for each value it has seen
    # (the cell's rest and the next cell's start), already encoded.
    nexts = [*heads[1:], "</row>"]
    pieces: list[dict[object, bytes]] = [{} for _ in letters]

    def piece(j: int, v: object) -> bytes:
        try:
            return pieces[j][v]
        except (KeyError, TypeError):
            pass
        data = (cell_rest(col_styles[j], v) + nexts[j]).encode("utf-8")
        if v is None or isinstance(v, str | dt.date):  # not numbers: True == 1 as a key
            pieces[j][v] = data
        return data

    last_row = first_row + len(rows) - 1
    yield re.sub(r'<dimension ref="([A-Z]+\d+):([A-Z]+)\d+"',
                 lambda m: f'<dimension ref="{m.group(1)}:{m.group(2)}{last_row}"', xml[:end],
                 count=1).encode("utf-8")
    head_piece = b'">' + heads[0].encode("ascii") if heads else b""
    opening = b'<row r="'
    for at in range(0, len(rows), _CHUNK_ROWS):
        chunk = [values if len(values) >= ncols else [*values, *[None] * (ncols - len(values))]
                 for values in rows[at:at + _CHUNK_ROWS]]
        # Column by column: each value's piece is looked up, made when new.
        columns = []
        for j, column in enumerate(zip(*chunk)):
            get = pieces[j].get
            try:
                columns.append([get(v) or piece(j, v) for v in column])
            except TypeError:  # an unhashable value: never from the roll-up
                columns.append([piece(j, v) for v in column])
        numbers = [str(r).encode("ascii") for r in range(first_row + at, first_row + at + len(chunk))]
        if not columns:  # rows without cells
            yield b"".join([number.join((opening, b'"></row>')) for number in numbers])
            continue
        yield b"".join([number.join((opening, head_piece, *cells))
                        for number, cells in zip(numbers, zip(*columns))])
    yield xml[end:].encode("utf-8")

