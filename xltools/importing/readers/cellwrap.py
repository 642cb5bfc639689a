"""Cells hard-wrapped by a PDF page in a one-cell-per-line stream (the text a
viewer copies out of a ruled table: each cell's lines one after another)::

    1
    完成燃煤锅炉淘汰整治，全
    市建成区淘汰35蒸吨/小时及
    以下燃煤锅炉
    市生态环境
    局、市市场监
    管局
    2024年10月
    底前

Where one cell's lines end and the next cell's begin is read by the width of
the lines: every line of a cell but its last ran to the width of its column
(the page wrapped it), the last is no wider. A column's width is the widest
line it holds. So the lines of a row are cut again into its cells, in order (a column the
aligner left empty may take some),
so that every cell but for its last line is as wide as its column, no line
is wider, the cells read as their columns' kinds and no cell goes on after
a line that ends it by what it says (a sentence's end, a whole unit name
with no 、 after it, a deadline's ending word). The new cut replaces the
aligner's only where it reads clearly better. A row without a number under
a row whose cell goes on (its last line full, not ending it) is that cell's
rest (``底前``), and the lines the page wrapped are joined into one.

All this only where the stream shows the page's wrapping (``hard_wrapped``).

Page furniture inside the stream — page numbers and the header's words
repeated at the top of the next page — is no cell (``furniture``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from xltools import labels as L
from xltools.importing.readers.columns import cell_type, compat
from xltools.importing.readers.wrappedrows import _KINSOKU_SLACK, _SLACK, display_width, ended

_PAGE_NUMBER = re.compile(L.PDF_PAGE_NUMBER)
_TEXT_KINDS = ("requirement", "task", "text", "goal")
_MARGIN = 1.0  # how much better a new cut must read than the aligner's
_MAX_LINES = 40  # lines of one row that are cut again


def furniture(texts: Sequence[str], header: Sequence[str]) -> set[int]:
    """Indices of ``texts`` (the lines after the header) that are page
    furniture: page numbers, and the header's lines repeated in order."""
    # A bare number is a row's number in a stream, not a page's: only a marked page number counts.
    out = {i for i, t in enumerate(texts) if _PAGE_NUMBER.match(t) and not t.strip().isdigit()}
    k = len(header)
    if k >= 3:
        key = ["".join(h.split()) for h in header]
        for i, t in enumerate(texts[:len(texts) - k + 1]):
            if t == key[0] or "".join(t.split()) == key[0]:
                if ["".join(x.split()) for x in texts[i:i + k]] == key:
                    out.update(range(i, i + k))
    return out


def column_widths(rows: Sequence[Sequence[Sequence[str]]], n: int) -> list[int]:
    """Each column's width: the widest line its cells hold."""
    widths = [0] * n
    for row in rows:
        for c in range(n):
            for line in row[c]:
                widths[c] = max(widths[c], display_width(line))
    return widths


def _group_score(kind: str, lines: Sequence[str], width: int) -> float:
    text = "".join(lines)
    s = compat(kind, cell_type(text))
    for k, line in enumerate(lines[:-1]):
        w = display_width(line)
        if w < width - _SLACK:
            # A short line ended its cell; two characters short, maybe the page would not open
            # the next line with a closing mark.
            s -= 2.0 if w < width - _KINSOKU_SLACK else 1.0
        if ended(kind, "".join(lines[:k + 1])):
            s -= 1.5
    if kind in _TEXT_KINDS and len(text) > 1 and display_width(lines[-1]) >= width - 1 \
            and not text.endswith(("。", "！", "？", "；", "）", ")", "”")):
        s -= 1.0  # a text's last line full to the edge and open: it goes on
    return s - sum(3.0 for line in lines if display_width(line) > width + _SLACK)


def _cut(kinds: Sequence[str], row: Sequence[Sequence[str]], widths: Sequence[int],
         cols: Sequence[int] | None = None, lines: Sequence[str] | None = None
         ) -> tuple[float, float, list[list[str]]] | None:
    """(best score, the aligner's score, the best cut) of a row's lines, or
    None. ``cols``/``lines``: the columns and lines to cut, when not the row's own."""
    if cols is None or lines is None:
        filled = [c for c in range(len(kinds)) if row[c] and kinds[c] != "number"]
        if not filled:
            return None
        # The empty columns between the filled ones may take lines too (a cell the aligner missed).
        cols = [c for c in range(filled[0], filled[-1] + 1) if kinds[c] != "number"]
        lines = [ln for c in cols for ln in row[c]]
    if not cols:
        return None
    m, k = len(lines), len(cols)
    need = [1 if row[c] else 0 for c in cols]  # lines a column must keep at least
    if m > _MAX_LINES or m < sum(need):
        return None
    old = sum(_group_score(kinds[c], row[c], widths[c]) for c in cols if row[c])
    neg = float("-inf")
    # best[j][i]: the first j columns take lines[:i]
    best = [[neg] * (m + 1) for _ in range(k + 1)]
    back = [[0] * (m + 1) for _ in range(k + 1)]
    best[0][0] = 0.0
    for j in range(k):
        c = cols[j]
        for i in range(m):
            if best[j][i] == neg:
                continue
            for e in range(i + need[j], m - sum(need[j + 1:]) + 1):
                sc = best[j][i] + (_group_score(kinds[c], lines[i:e], widths[c]) if e > i else 0.0)
                if sc > best[j + 1][e]:
                    best[j + 1][e], back[j + 1][e] = sc, i
    cuts = [m]
    for j in range(k, 0, -1):
        cuts.append(back[j][cuts[-1]])
    cuts.reverse()
    out = [list(r) for r in row]
    for j, c in enumerate(cols):
        out[c] = list(lines[cuts[j]:cuts[j + 1]])
    return best[k][m], old, out


def _open(kinds: Sequence[str], row: Sequence[Sequence[str]], widths: Sequence[int]) -> bool:
    """Whether a cell of the row goes on: its last line full to its column's width and not
    ending the cell by what it says."""
    return any(row[c] and kinds[c] != "number" and display_width(row[c][-1]) >= widths[c] - _SLACK
               and not ended(kinds[c], "".join(row[c])) for c in range(len(kinds)))


def hard_wrapped(kinds: Sequence[str], rows: Sequence[Sequence[Sequence[str]]], widths: Sequence[int]) -> bool:
    """Whether the stream's cells were wrapped by a page: most lines that go on in
    the same cell are full to their column's width and do not end by what they say
    (where a writer broke the lines, a line ends a sentence, a unit, a list item)."""
    going_on = full = 0
    for row in rows:
        for c, lines in enumerate(row):
            if kinds[c] == "number":
                continue
            for k in range(len(lines) - 1):
                going_on += 1
                full += display_width(lines[k]) >= widths[c] - _SLACK and not ended(kinds[c], "".join(lines[:k + 1]))
    return full >= 3 and full >= 0.5 * going_on


def recut_rows(kinds: Sequence[str], rows: Sequence[Sequence[Sequence[str]]]
               ) -> tuple[list[list[list[str]]], list[int]]:
    """The rows of a stream with hard-wrapped cells cut again by width: a row
    without a number in a table whose rows are numbered is the rest of the row
    above (a cell's last line, ``底前``, read as a row of its own) where a cell
    of the row above goes on (its last line full, not ending it); then every
    row's lines are cut again and a cell's wrapped lines joined. Returns the
    rows and, for each, the index of the row it starts with."""
    n = len(kinds)
    widths = column_widths(rows, n)
    out = [[list(c) for c in r] for r in rows]
    kept = list(range(len(rows)))
    if not hard_wrapped(kinds, rows, widths):
        return out, kept
    if "number" in kinds:
        num = kinds.index("number")
        numbered = sum(1 for r in rows if r[num])
        if numbered >= max(2, 0.3 * len(rows)):
            merged: list[list[list[str]]] = []
            kept = []
            for i, r in enumerate(out):
                if merged and not r[num] and any(r) and _open(kinds, merged[-1], widths):
                    prev = merged[-1]
                    cols = sorted({c for c in range(n) if (prev[c] or r[c]) and kinds[c] != "number"})
                    lines = [ln for c in cols for ln in prev[c]] + [ln for c in cols for ln in r[c]]
                    found = _cut(kinds, prev, widths, cols, lines)
                    if found is not None:
                        merged[-1] = found[2]
                        continue
                merged.append(r)
                kept.append(i)
            out = merged
    return [_join_wrapped(kinds, recut_row(kinds, r, widths) or r, widths) for r in out], kept


def _join_wrapped(kinds: Sequence[str], row: list[list[str]], widths: Sequence[int]) -> list[list[str]]:
    """A cell's lines joined where the page wrapped them (a line full to its column's width
    that does not end the cell by what it says); other line breaks are kept."""
    out = []
    for c, lines in enumerate(row):
        joined: list[str] = []
        for line in lines:
            # A line opening with a bracket or a mark that closes goes on the name or sentence above.
            bound = line.startswith(("（", "(", "）", ")", "、", "，", "。", "；", "”"))
            if joined and display_width(joined[-1]) >= widths[c] - _SLACK \
                    and (bound or not ended(kinds[c], joined[-1])):
                joined[-1] += line
            else:
                joined.append(line)
        out.append(joined)
    return out


def recut_row(kinds: Sequence[str], row: Sequence[Sequence[str]], widths: Sequence[int]) -> list[list[str]] | None:
    """The row's cells (lines per column) cut again by width, or None when
    the aligner's cut reads as well. Only the columns that hold lines take
    part, in order, each keeping at least one line."""
    cols = [c for c in range(len(kinds)) if row[c] and kinds[c] != "number"]
    if len(cols) < 2 or sum(len(row[c]) for c in cols) == len(cols):
        return None
    found = _cut(kinds, row, widths)
    if found is None or found[0] < found[1] + _MARGIN:
        return None
    return found[2]
