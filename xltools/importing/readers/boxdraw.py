"""Tables drawn with box characters (┌─┬─┐ │ ├─┼─┤ └─┴─┘, or ASCII +-|),
as law-text mirrors and old web pages render them, with cells hard-wrapped
at the column width and merged cells.

Each line is split at the vertical rules into one segment per column; a
segment of horizontal rule (────) closes the cell above it in that column.
So every column becomes a list of cells with the lines they span; wrapped
text is joined (a line starting with a bullet △ ● ◆ keeps its own line).

Rows are the cells of the column with the most cells. A cell of another
column gives its text to the rows it covers (a merged cell). Where a
column's cell borders do not line up with the rows (text laid out column by
column, so a unit cell starts in the middle of a row), its cells are mapped
in order onto groups of rows of the same count — a title row with the
bullet rows under it — and the choice is noted.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from xltools import labels as L
from xltools.importing.readers.cleanup import Fixer
from xltools.importing.readers.columns import OTHER_KINDS, header_role, resolve_text_columns
from xltools.importing.readers.grid import Cell, Column, GridReader
from xltools.importing.readers.rows import Event, SourceMeta
from xltools.text import clean_text

_VERTICAL = "│┃║├┤┼┬┴┌┐└┘╟╢╫╠╣╬╦╩╔╗╚╝┝┥┿┠┨╂"
_SPLIT = re.compile("[" + re.escape(_VERTICAL + "|+") + "]")
_SPLIT_BOX = re.compile("[" + re.escape(_VERTICAL) + "]")  # + and | are text inside a drawn box
_RULE = re.compile(r"^[─━═\-－=\s┄┈]*[─━═\-－=][─━═\-－=\s┄┈]*$")
_BOX_START = re.compile(r"^\s*[┌├└│┃║╔╠╚╟┏┣┗+|]")
BULLETS = "△▲●◆■•▪►◇□○☆★"


@dataclass
class _Cell:
    start: int  # index into the block's lines
    end: int
    lines: list[str] = field(default_factory=list)
    full: bool = False  # a row spanning every column

    @property
    def text(self) -> str:
        out = ""
        for ln in self.lines:
            ln = ln.strip()
            if not ln:
                continue
            out += ("\n" if out and ln[0] in BULLETS else "") + ln
        return out


def _segments(line: str, drawn: bool = False) -> list[str]:
    parts = (_SPLIT_BOX if drawn else _SPLIT).split(line.rstrip())
    if parts and not parts[0].strip():
        parts = parts[1:]
    if parts and not parts[-1].strip():
        parts = parts[:-1]
    return parts


def box_blocks(text: str) -> list[tuple[int, list[str]]]:
    """(first line number, lines) of each box-drawn table in ``text``."""
    blocks: list[tuple[int, list[str]]] = []
    cur: list[str] = []
    start = 0
    for i, line in enumerate(text.split("\n"), start=1):
        if _BOX_START.match(line) and len(_SPLIT.findall(line)) >= 2:
            if cur and line.lstrip()[:1] in "┌╔┏":
                blocks.append((start, cur))  # a new table right below the last one
                cur = []
            if not cur:
                start = i
            cur.append(line)
            continue
        if cur:
            blocks.append((start, cur))
            cur = []
    if cur:
        blocks.append((start, cur))
    return [(s, b) for s, b in blocks if len(b) >= 3 and any(
        (segs := _segments(ln)) and all(_RULE.match(x) for x in segs) for ln in b)]


def _columns_of(lines: list[str]) -> tuple[int, list[list[_Cell]]] | None:
    drawn = any(ch in _VERTICAL for ln in lines for ch in ln)
    counts = Counter(len(_segments(ln, drawn)) for ln in lines)
    ncols = counts.most_common(1)[0][0]
    if ncols < 2:
        return None
    cols: list[list[_Cell]] = [[] for _ in range(ncols)]
    open_cell: list[_Cell | None] = [None] * ncols
    for i, ln in enumerate(lines):
        segs = _segments(ln, drawn)
        if len(segs) == 1 and not _RULE.match(segs[0]) and segs[0].strip():
            # A row spanning the table (一、…): a cell of its own in every column.
            for c in range(ncols):
                cols[c].append(_Cell(i, i, [segs[0]], full=True))
                open_cell[c] = None
            continue
        if len(segs) != ncols:
            continue
        for c, seg in enumerate(segs):
            if _RULE.match(seg) and "─" in seg or re.fullmatch(r"\s*[-=]{3,}\s*", seg):
                open_cell[c] = None
                continue
            cell = open_cell[c]
            if cell is None:
                cell = _Cell(i, i)
                cols[c].append(cell)
                open_cell[c] = cell
            cell.end = i
            cell.lines.append(seg)
    return ncols, cols


def read_box_table(text: str, name: str, fixer: Fixer | None = None) -> tuple[list[Event], SourceMeta] | None:
    """Read the box-drawn tables of ``text``; None when there are none with a header."""
    blocks = box_blocks(text)
    if not blocks:
        return None
    reader = GridReader(name, fixer)
    lines = text.split("\n")
    first = blocks[0][0]
    for i in range(first - 1):
        if lines[i].strip():
            reader.titles.append(clean_text(lines[i]))
            reader.skipped.append((i + 1, clean_text(lines[i])))
    read_any = False
    for start, block in blocks:
        parsed = _columns_of(block)
        if parsed is None:
            continue
        ncols, cols = parsed
        if not all(cols):
            continue
        header = [clean_text("".join(x.strip() for x in c[0].lines)) for c in cols]
        roles = [header_role(h) for h in header]
        if sum(1 for r in roles if r is not None and r.kind != "text") < 2:
            continue
        body_cols = [c[1:] for c in cols]
        primary = max(range(ncols), key=lambda c: (len(body_cols[c]), -c))
        rows = body_cols[primary]
        if not rows:
            if read_any or reader.state.columns:
                continue  # a header repeated (a new page) with no rows
            continue
        kinds = [r.kind if r else "text" for r in roles]
        texts = [[x.text for x in c] for c in body_cols]
        kinds, decided = resolve_text_columns(kinds, texts, header)
        columns = [Column("other", h) if k in OTHER_KINDS else Column(k, h, r.role if r else "")
                   for h, k, r in zip(header, kinds, roles)]
        grid, notes = _rows(rows, body_cols, primary)
        line_of = [start + r.start for r in rows]
        header_text = " | ".join(header)
        for msg in notes:
            reader.review.append((L.REVIEW_STRUCTURE, msg, start, header_text))
        for i in decided:
            reader.review.append((L.REVIEW_STRUCTURE, L.NOTE_COLUMN_BY_CONTENT.format(
                header=header[i], meaning=L.HEADER_ALIASES[kinds[i]][0]), start, header_text))
        reader.add_rows(columns, grid, line_of, header=header, header_line=start)
        read_any = True
    if not read_any:
        return None
    return reader.result()


def _groups(rows: list[_Cell]) -> list[list[int]]:
    """Rows grouped as a title row with the bullet rows under it."""
    groups: list[list[int]] = []
    for i, r in enumerate(rows):
        if groups and r.text[:1] in BULLETS:
            groups[-1].append(i)
        else:
            groups.append([i])
    return groups


def _rows(rows: list[_Cell], body_cols: list[list[_Cell]], primary: int) -> tuple[list[list[Cell]], list[str]]:
    n = len(rows)
    grid: list[list[Cell]] = [[Cell("")] * len(body_cols) for _ in range(n)]
    notes: list[str] = []
    starts = {r.start for r in rows}
    groups = _groups(rows)
    for c, cells in enumerate(body_cols):
        if c == primary:
            for i, r in enumerate(rows):
                grid[i][c] = Cell(r.text, from_left=r.full and c > 0)
            continue
        aligned = all(x.start in starts for x in cells)
        if not aligned and len(cells) == len(groups) and len(groups) < n:
            owner = [g for g, members in enumerate(groups) for _ in members]
            assign = [cells[owner[i]] for i in range(n)]
            notes.append(L.NOTE_BOX_MISALIGNED.format(count=len(cells)))
        else:
            assign = [next((x for x in cells if x.start <= r.start <= x.end), None) for r in rows]
            if not aligned:
                notes.append(L.NOTE_BOX_MISALIGNED_LITERAL)
        prev = None
        for i, x in enumerate(assign):
            if x is None:
                continue
            grid[i][c] = Cell(x.text, from_above=x is prev, from_left=x.full)
            prev = x
    return grid, notes
