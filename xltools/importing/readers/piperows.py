"""A table copied out of a web page one cell per line, each cell closed by a
pipe (``序号 |``), where lines of bare pipes (``|``, ``||``, ``|||||``) close a
row: a line of k pipes stands for the k cells of that row that are empty or
covered by a merged cell (a cell merged down from a row above, or across
from the cell on its left). So every row is as wide as the table: present
cells + pipes = the number of columns. A row with no empty cell needs no
closing line; a run of cells as wide as several rows is those rows, the
first ones full.

1. **Width.** The most common width of the closed rows is the table's.
2. **Header.** The first row of header words; the row below it is a second
   header row when it holds only short header-like cells (a parent word,
   本月进展情况, spanning the sub-headers 前期手续 / 在建形象进度). The header
   words are mapped onto the columns in every plausible way — which words
   are parents over the sub-headers, which word spans two columns, an
   unlabelled column at either end — and each mapping is scored by how well
   the body rows fit it.
3. **Rows.** Each row's cells are placed in the columns in order by dynamic
   programming (``columns.compat`` of the column's kind and the cell's type;
   a numbered cell goes to the column holding that numbering above). The
   columns a row leaves out are, on its left, merged with the row above; right
   of a cell in the same header word, covered by it; else empty.
4. **A nested level.** A header word spanning two columns with no sub-headers
   (项目名称 over `（一）…` and its `1.…` sub-items) is a task column and a
   requirement column: the sub-items are the requirements of the item on
   their left; an item spanning both columns is its own requirement.

The rows then go through ``GridReader`` like any other grid.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass

from xltools import labels as L
from xltools.importing.readers.columns import (OTHER_KINDS, cell_type, compat, header_role, header_score,
                                               resolve_text_columns, squeeze)
from xltools.importing.readers.grid import Cell, Column, GridReader, _is_header_row
from xltools.importing.readers.layout import current_layout
from xltools.importing.readers.rows import Event, SourceMeta
from xltools.importing.units import looks_like_unit
from xltools.text import clean_text

_BARE = re.compile(r"^[|│｜\s]*[|│｜][|│｜\s]*$")
_CELL = re.compile(r"^\s*([^|│｜]*?)\s*[|│｜]\s*$")
_NEG = float("-inf")
_MAX_CANDIDATES = 400
_SINGLE = frozenset({"number", "goal", "task", "requirement", "deadline"})
_NEEDED = frozenset({"number", "task", "requirement", "units"})
_SAMPLE = 80  # body rows that decide between header mappings
_FIRST = 12  # ... after a first round on this many
_FINALISTS = 8
# Numbering styles: a cell numbered like the cells of a column belongs there.
_STYLES = (("cn-paren", re.compile(r"^[（(]\s*[一二三四五六七八九十]+\s*[)）]")),
           ("cn", re.compile(r"^[一二三四五六七八九十]+\s*[、.．]")),
           ("arabic-paren", re.compile(r"^[（(]\s*\d{1,3}\s*[)）]")),
           ("arabic", re.compile(r"^\d{1,3}\s*(?:[、．]|\.(?!\d))")),
           ("circled", re.compile(r"^[①-⑳]")))


@dataclass
class _Row:
    cells: list[tuple[int, str]]  # (source line, text)
    pipes: int  # bare pipes closing it; -1: not closed
    typed: tuple[list[str], list[str | None]] | None = None


@dataclass(frozen=True)
class _Col:
    label: str
    kind: str
    role: str
    group: int  # columns of one header word (a spanning word) share it; -1: unlabelled


def _style(text: str) -> str | None:
    for name, rx in _STYLES:
        if rx.match(text):
            return name
    return None


def _runs(text: str) -> tuple[list[tuple[int, str]], list[tuple[int, str]], list[_Row]] | None:
    """(title lines, stray lines, closed runs of cells); None when the text
    is no pipe-closed cell stream."""
    titles: list[tuple[int, str]] = []
    stray: list[tuple[int, str]] = []
    runs: list[_Row] = []
    cells: list[tuple[int, str]] = []
    pending: list[tuple[int, str]] = []
    closers = 0
    for i, raw in enumerate(text.split("\n"), start=1):
        s = raw.strip()
        if not s:
            continue
        if not runs and not cells and not _CELL.match(s) and not _BARE.match(s):
            titles.append((i, s))
            continue
        if _BARE.match(s):
            closers += 1
            if pending:  # text without its pipe before the row's end: a cell of its own
                cells.append((pending[0][0], "\n".join(t for _, t in pending)))
                pending = []
            runs.append(_Row(cells, sum(s.count(p) for p in "|│｜")))
            cells = []
            continue
        m = _CELL.match(s)
        if m and m.group(1):
            if pending:  # a cell over several lines, its pipe on the last
                cells.append((pending[0][0], "\n".join([t for _, t in pending] + [m.group(1)])))
                pending = []
            else:
                cells.append((i, m.group(1)))
        else:
            pending.append((i, s))
    if pending:  # lines after the last pipe: cells of a row left open (a page cut short)
        if cells:
            cells.extend(pending)
        else:  # after a row closed by its line of pipes: the page below the table (a date, a signature)
            stray.extend(pending)
    if cells:
        runs.append(_Row(cells, -1))
    if closers < 3:
        return None
    return titles, stray, runs


def _width(runs: list[_Row]) -> int | None:
    """The table's width: the one that the most closed runs are (a multiple of)."""
    totals = [len(r.cells) + r.pipes for r in runs if r.pipes > 0 and r.cells]
    if not totals:
        return None
    fits = {w: sum(1 for t in totals if t % w == 0) for w in set(totals) if w >= 3}
    if not fits:
        return None
    w = max(fits, key=lambda k: (fits[k], k))
    return w if fits[w] >= 3 and fits[w] >= 0.6 * len(totals) else None


def _split(runs: list[_Row], width: int) -> list[_Row]:
    """A run as wide as several rows is those rows, the first ones full."""
    out: list[_Row] = []
    for r in runs:
        total = len(r.cells) + max(r.pipes, 0)
        if total > width and r.pipes >= 0 and total % width == 0:
            m = total // width
            for k in range(m - 1):
                out.append(_Row(r.cells[k * width:(k + 1) * width], 0))
            out.append(_Row(r.cells[(m - 1) * width:], r.pipes))
        elif total > width and r.pipes < 0 and len(r.cells) > width:
            for k in range(0, len(r.cells), width):
                out.append(_Row(r.cells[k:k + width], 0 if k + width < len(r.cells) else -1))
        else:
            out.append(r)
    return out


def _sub_header(row: _Row, width: int) -> bool:
    """A second header row: short header-like cells under a parent word."""
    if not row.cells or row.pipes <= 0 or len(row.cells) + row.pipes != width:
        return False
    for _, t in row.cells:
        c = clean_text(t)
        if len(squeeze(c)) > 12 or header_role(c) is None or \
                cell_type(c) in ("number", "heading", "sentence", "deadline", "year"):
            return False
        if header_score(c) < 2 and looks_like_unit(c):
            return False
    return True


def _kind(label: str) -> tuple[str, str]:
    r = header_role(label)
    return (r.kind, r.role) if r else ("text", "")


def _mappings(top: list[str], subs: list[str], width: int) -> list[tuple[float, list[_Col]]]:
    """Every plausible mapping of the header words onto ``width`` columns,
    with its prior: (prior, columns)."""
    p1 = len(top)
    extra = width - p1
    if extra < 0:
        return []
    out: list[tuple[float, list[_Col]]] = []
    parent_sets: list[tuple[tuple[int, ...], tuple[int, ...]]] = [((), ())]
    if subs:
        parent_sets = []
        for q in (1, 2):
            for parents in itertools.combinations(range(p1), q):
                for cut in itertools.combinations(range(1, len(subs)), q - 1):
                    bounds = (0, *cut, len(subs))
                    sizes = tuple(b - a for a, b in zip(bounds, bounds[1:]))
                    if min(sizes) < 2:
                        continue  # a parent word spans two sub-headers or more
                    parent_sets.append((parents, sizes))
    for parents, sizes in parent_sets:
        left = extra - sum(s - 1 for s in sizes)
        if left < 0:
            continue
        others = [i for i in range(p1) if i not in parents]
        # Each remaining extra column widens a word without sub-headers, or is an
        # unlabelled column at the start or the end.
        slots = [("span", i) for i in others] + [("lead", -1), ("trail", -1)]
        for pick in itertools.combinations_with_replacement(range(len(slots)), left):
            if len(out) >= _MAX_CANDIDATES:
                return out
            spans = Counter(slots[k][1] for k in pick if slots[k][0] == "span")
            lead = sum(1 for k in pick if slots[k][0] == "lead")
            trail = sum(1 for k in pick if slots[k][0] == "trail")
            prior = -0.6 * sum(spans.values()) - 0.8 * (lead + trail) - 0.3 * sum(v - 1 for v in spans.values())
            cols: list[_Col] = [_Col("", "other", "", -1)] * lead
            sub_at = 0
            for i, word in enumerate(top):
                kind, role = _kind(word)
                if i in parents:
                    size = sizes[parents.index(i)]
                    for sub in subs[sub_at:sub_at + size]:
                        skind, srole = _kind(sub)
                        if skind == "text" and (kind in _SINGLE or kind in ("units", "people")):
                            # Words naming no kind under 序号, 项目名称 or 责任单位: no sub-headers of
                            # theirs (a progress, deadline or amount column is split so).
                            prior -= 3.0
                        if skind in ("text",) or skind == kind:
                            skind, srole = kind, srole or role
                        cols.append(_Col(sub, skind, srole, 1000 + len(cols)))  # a column of its own
                    sub_at += size
                    continue
                n = 1 + spans.get(i, 0)
                if n == 2 and kind in ("task", "requirement", "text"):
                    # A nested level: the items on the left, their sub-items on the right.
                    cols += [_Col(word, "task", role, i), _Col(word, "requirement", role, i)]
                else:
                    cols += [_Col(word, kind, role, i)] + [_Col(word, "other", "", i)] * (n - 1)
            cols += [_Col("", "other", "", -1)] * trail
            # One column per kind, as the grid reader reads them: a second task or requirement
            # column is a remark, and a worse reading.
            seen: set[str] = set()
            for k, c in enumerate(cols):
                if c.kind in _SINGLE and c.kind in seen:
                    cols[k] = _Col(c.label, "other", "", c.group)
                    prior -= 1.0
                seen.add(c.kind)
            if len(cols) == width:
                out.append((prior, cols))
    return out


def _typed(row: _Row) -> tuple[list[str], list[str | None]]:
    """Cell types and numbering styles of a row (computed once)."""
    if row.typed is None:
        texts = [clean_text(t) for _, t in row.cells]
        row.typed = ([cell_type(t) for t in texts], [_style(t) for t in texts])
    return row.typed


def _place(row: _Row, cols: list[_Col], above: list[Cell] | None,
           styles: dict[int, str]) -> tuple[float, list[int]]:
    """The best columns for a row's cells, in order: (score, column per cell)."""
    w = len(cols)
    p = len(row.cells)
    if p == 0 or p > w:
        return _NEG, []
    types, marks = _typed(row)
    seen = set(styles.values())
    emit = [[compat(col.kind, types[i]) for col in cols] for i in range(p)]
    for i, mark in enumerate(marks):
        if mark is not None:
            for c in range(w):
                emit[i][c] += 1.5 if styles.get(c) == mark else (-1.5 if mark in seen else 0.0)
    # A column left out: on the left merged from above, right of a cell of the same
    # header word covered by it, else empty (common in a remark or progress column).
    lead = [0.0]
    inner = [0.0]
    for c in range(w):
        lead.append(lead[-1] + (-0.1 if above is not None and (above[c].text or above[c].from_above) else -1.0))
        if c > 0 and cols[c].group >= 0 and cols[c].group == cols[c - 1].group:
            g = -0.05
        else:
            g = -0.4 if cols[c].kind in _NEEDED else -0.1
        inner.append(inner[-1] + g)
    # best[i][c]: cells 0..i placed, cell i in column c; gaps between cp and c cost inner[c] - inner[cp + 1]
    best = [[_NEG] * w for _ in range(p)]
    back = [[-1] * w for _ in range(p)]
    for c in range(w - p + 1):
        best[0][c] = emit[0][c] + lead[c]
    for i in range(1, p):
        prev = best[i - 1]
        for c in range(i, w - (p - i) + 1):
            top, arg = _NEG, -1
            for cp in range(i - 1, c):
                # A cell left out between two cells costs a little more than one at the end.
                if prev[cp] != _NEG and (v := prev[cp] - inner[cp + 1] - 0.01 * (c - cp - 1)) > top:
                    top, arg = v, cp
            if arg >= 0:
                best[i][c], back[i][c] = top + inner[c] + emit[i][c], arg
    last = max(range(w), key=lambda c: best[p - 1][c] + inner[w] - inner[c + 1])
    total = best[p - 1][last] + inner[w] - inner[last + 1]
    out = [0] * p
    c = last
    for i in range(p - 1, -1, -1):
        out[i] = c
        c = back[i][c]
    return total, out


def _grid(rows: list[_Row], cols: list[_Col]) -> tuple[float, list[list[Cell]]]:
    """Rows placed one after another (each sees the row above): (score, grid)."""
    total = 0.0
    grid: list[list[Cell]] = []
    styles: dict[int, str] = {}
    for row in rows:
        above = grid[-1] if grid else None
        score, at = _place(row, cols, above, styles)
        if score == _NEG:
            total -= 5.0
            grid.append([Cell(clean_text(t)) for _, t in row.cells][:len(cols)] +
                        [Cell()] * max(0, len(cols) - len(row.cells)))
            continue
        total += score
        cells: list[Cell] = [Cell()] * len(cols)
        for (_, t), c in zip(row.cells, at):
            cells[c] = Cell(t)
            if (s := _style(clean_text(t))) is not None:
                styles[c] = s
        for c in range(len(cols)):
            if c in at:
                continue
            if c < at[0]:
                if above is not None and (above[c].text or above[c].from_above):
                    cells[c] = Cell(above[c].text, from_above=True)
            elif c > 0 and cols[c].group >= 0 and cols[c].group == cols[c - 1].group and cells[c - 1].text:
                cells[c] = Cell(cells[c - 1].text, from_left=True)
        grid.append(cells)
    return total, grid


def read_pipe_rows(text: str, name: str) -> tuple[list[Event], SourceMeta] | None:
    """Read a pipe-closed cell stream; None when the text is none or its rows
    are not of one width."""
    parsed = _runs(text)
    if parsed is None:
        return None
    titles, stray, runs = parsed
    width = _width(runs)
    if width is None:
        return None
    rows = _split(runs, width)
    layout = current_layout()
    if layout.header_line is not None:
        at = next((k for k, r in enumerate(rows) if r.cells and r.cells[-1][0] >= layout.header_line), None)
    else:
        at = next((k for k, r in enumerate(rows[:8]) if len(r.cells) >= 2
                   and _is_header_row([clean_text(t) for _, t in r.cells])), None)
    if at is None:
        return None
    top = [clean_text(t) for _, t in rows[at].cells]
    body_at = at + 1
    subs: list[str] = []
    if body_at < len(rows) and _sub_header(rows[body_at], width) and len(rows[body_at].cells) < len(top):
        subs = [clean_text(t) for _, t in rows[body_at].cells]
        body_at += 1
    body = [r for r in rows[body_at:] if r.cells]
    if not body:
        return None
    if layout.columns:
        if len(layout.columns) != width:
            return None
        cols = [_Col(n, *_kind(n), i) for i, n in enumerate(layout.columns)]
        cols = [_Col(c.label, "other" if c.kind in ("text", "progress") else c.kind, c.role, c.group) for c in cols]
    else:
        options = _mappings(top, subs, width)
        if not options:
            return None
        # The mappings compete on a few rows first; the best few on more.
        few = sorted(options, key=lambda o: -(o[0] + _grid(body[:_FIRST], o[1])[0]))[:_FINALISTS]
        cols = max(few, key=lambda o: o[0] + _grid(body[:_SAMPLE], o[1])[0])[1]
    _, grid = _grid(body, cols)
    # Unknown or doubled text columns decided by their cells, as every grid reader does (a
    # 整改清单's problem column is the requirement, the measures beside it are kept).
    kinds, decided = resolve_text_columns([c.kind for c in cols], [[r[i].text for r in grid[:200]] for i in range(len(cols))],
                                    [c.label for c in cols])
    cols = [_Col(c.label, k, c.role, c.group) for c, k in zip(cols, kinds)]
    columns = [Column("other", c.label) if c.kind in OTHER_KINDS else Column(c.kind, c.label, c.role) for c in cols]
    if not any(c.kind in ("requirement", "task") for c in columns) or not any(c.kind == "units" for c in columns):
        return None
    reader = GridReader(name)
    nested = [k for k in range(1, len(cols)) if cols[k].kind == "requirement" and cols[k - 1].kind == "task"
              and cols[k].group == cols[k - 1].group >= 0]
    for row, cells in zip(body, grid):
        for k in nested:
            item, sub = cells[k - 1], cells[k]
            if item.text and not item.from_above and sub.text and not sub.from_left:
                # An item over sub-items of one header word: the item is the task (a guess to check).
                reader.review.append((L.REVIEW_STRUCTURE, L.NOTE_NESTED_LEVEL.format(
                    header=cols[k].label, item=clean_text(item.text)), row.cells[0][0],
                    " | ".join(clean_text(t) for _, t in row.cells)))
        if cells and cells[0].from_above:
            # Cells placed right of the merged ones: the same judgement as a shifted row.
            names = "、".join(dict.fromkeys(c.label or L.HEADER_ALIASES[c.kind][0] for c, x in zip(cols, cells)
                                            if x.text and not x.from_above and not x.from_left))
            reader.review.append((L.REVIEW_STRUCTURE, L.NOTE_ROW_SHIFTED.format(columns=names), row.cells[0][0],
                                  " | ".join(clean_text(t) for _, t in row.cells)))
    for line, title in titles:  # the lines above the table: its title and preamble
        reader.titles.append(clean_text(title))
        reader.skipped.append((line, title))
    for r in rows[:at]:
        reader.titles.append(" ".join(clean_text(t) for _, t in r.cells))
    header_line = rows[at].cells[0][0]
    for i in decided:
        reader.review.append((L.REVIEW_STRUCTURE, L.NOTE_COLUMN_BY_CONTENT.format(
            header=cols[i].label or str(i + 1), meaning=L.HEADER_ALIASES[kinds[i]][0]), header_line,
            " | ".join(top + subs)))
    reader.skipped.extend(stray)
    reader.add_rows(columns, grid, [r.cells[0][0] for r in body], header=top + subs, header_line=header_line)
    return reader.result()
