"""Rows whose cells wrap line by line side by side, as a PDF's text comes out
when it is read line by line across the page (pdfplumber's
``extract_text``, a viewer's copy of a ruled table)::

    1 完成老旧小区改造32个，惠及居 区住建局 区财政局、各 2025年11
    民8600户，同步实施加装电梯60 街道 月底前
    部。

The first line of a row holds the first line of every cell; each following
line holds, left to right, the next line of the cells that are still going
on. A cell goes on only where its line so far ran to the width of its
column (the page wrapped it): a line shorter than the column ended the cell
(``区住建局`` in a column as wide as ``区城中村改造``), and so did a line
ending a sentence or, in a units column, ending with a whole unit name and
no 、 (``市教育局`` in a column all of whose names are that wide). So the pieces of a
following line are given, in order, to the columns whose last line was
full, and where there are fewer pieces than such columns, to those whose
text then reads best as their column's kind (``月底前`` completes a
deadline). A column's width is the widest first line its cells show in the
table.

The pieces are put back into each column in order (the rows are then
aligned cell by cell like any space-separated row); a row whose following
lines cannot be read so (more pieces than open cells, a piece wider than
its column) is left to the usual reading.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence

from xltools.importing.readers.columns import cell_type, compat
from xltools.importing.units import looks_like_unit

Word = tuple[str, int, bool]  # text, spaces before, first word of a following line

_SLACK = 3  # display columns a wrapped line may fall short of its column (one wide character and a half)
# A line may end two characters short where the page would not open the next one with a
# closing mark (``15公`` / ``里。``): the wider allowance is tried where the narrow one leaves
# pieces over.
_KINSOKU_SLACK = 5
# How a deadline ends (年底前, 9月30日止, 长期坚持, 持续推进).
_DEADLINE_ENDS = ("前", "底", "止", "内", "坚持", "推进", "完成")
_TEXT_KINDS = ("requirement", "text", "task", "goal")
_MAX_COMBOS = 200  # ways of giving a line's pieces to the open cells that are tried


def display_width(text: str) -> int:
    """Width on the page in half-width columns: a Chinese character is two, and so is a
    mark of ambiguous width (“ ” 、 — …), which a Chinese font sets full width; ASCII one."""
    if text.isascii():
        return len(text)
    # Every character but ASCII is taken as wide (the narrow others are rare in these tables).
    return 2 * len(text) - len(text.encode("ascii", "ignore"))


def split_lines(words: Sequence[Word]) -> list[list[Word]]:
    """A row's words by the line they stand on."""
    lines: list[list[Word]] = []
    for w in words:
        if w[2] or not lines:
            lines.append([])
        lines[-1].append(w)
    return lines


def column_widths(first_lines: Sequence[Sequence[str]], n: int) -> list[int]:
    """Each column's width: the widest first line of its cells (one line, no break in it)."""
    widths = [0] * n
    for cells in first_lines:
        for c, text in enumerate(cells[:n]):
            if text and "\n" not in text:
                widths[c] = max(widths[c], display_width(text))
    return widths


def ended(kind: str, line: str) -> bool:
    """Whether a cell's text so far, its last line as full as its column,
    still ends the cell by what it says: a sentence's end, or in a units (or place)
    column a whole unit name with no 、 after it and no bracket left open (a
    list going on ends its line with 、; the page does not open a line with
    one), or a deadline's ending word (…前, …底, 长期坚持)."""
    line = line.rstrip()
    if line.endswith(("。", "！", "？", "；")):
        return True
    if kind == "deadline" and line.endswith(_DEADLINE_ENDS):
        return True
    if kind in ("units", "place") and not line.endswith(("、", "，", ",", "及", "和")) \
            and line.count("（") + line.count("(") <= line.count("）") + line.count(")"):
        last = re.split(r"[、，,；;]", line)[-1]
        return len(last) >= 3 and looks_like_unit(last)  # 市市 is the start of a name, not one
    return False


def deinterleave(kinds: Sequence[str], first_cells: Sequence[str], following: Sequence[Sequence[Word]],
                 widths: Sequence[int]) -> list[str] | None:
    """The cells of a row from its first line's cells and the words of its
    following lines (each word one line-piece of a cell going on); None
    when a following line does not fit the cells still open."""
    cells, used = deinterleave_lines(kinds, first_cells, following, widths)
    return cells if used == len(following) else None


def deinterleave_lines(kinds: Sequence[str], first_cells: Sequence[str], following: Sequence[Sequence[Word]],
                       widths: Sequence[int]) -> tuple[list[str], int]:
    """The cells of a row from its first line's cells and as many of the
    following lines as go on its open cells, and how many did."""
    n = len(kinds)
    frags: list[list[str]] = [[t] if t else [] for t in first_cells[:n]] + [[] for _ in range(n - len(first_cells))]
    used = 0
    for line in following:
        pieces = [w[0] for w in line]
        if not pieces:
            break
        # What it costs to say a column's cell goes on: nothing when its last line is full
        # and does not end the cell by what it says; a line short by a character and a
        # mark, or one that reads as an end, only where nothing better fits.
        cost: dict[int, float] = {}
        for c in range(n):
            if not frags[c] or not widths[c] or kinds[c] == "number":
                continue
            short = widths[c] - display_width(frags[c][-1])
            if short > _KINSOKU_SLACK:
                continue
            cost[c] = (1.0 if short > _SLACK else 0.0) + (2.5 if ended(kinds[c], "".join(frags[c])) else 0.0)
        best: tuple[float, tuple[int, ...], list[str]] | None = None
        # A units cell's line may hold several names parted by spaces (镇规划建设 / 办 镇市场监管所):
        # pieces after the first may go on the same units cell, at a small cost.
        units_open = any(kinds[c] == "units" for c in cost)
        combos = itertools.combinations_with_replacement(sorted(cost), len(pieces)) if units_open \
            else itertools.combinations(sorted(cost), len(pieces))
        for k, combo in enumerate(combos):
            if k >= _MAX_COMBOS:
                break
            if any(a == b and kinds[a] != "units" for a, b in zip(combo, combo[1:])):
                continue
            score = 0.0
            texts: list[str] = []
            for j, (c, p) in enumerate(zip(combo, pieces)):
                if display_width(p) > widths[c] + _SLACK:
                    score = float("-inf")
                    break
                going = j and combo[j - 1] == c  # a second name of this cell on the line
                piece = _units_piece("".join(frags[c]) + (texts[-1] if going else ""), p) \
                    if kinds[c] == "units" else p
                texts.append(texts[-1] + piece if going else piece)
                fit = compat(kinds[c], cell_type(("".join(frags[c]) + texts[-1]).replace("\n", "")))
                if j + 1 < len(combo) and combo[j + 1] == c:
                    score += fit - 0.5  # one name of a units cell's line, another after it
                    continue
                score += fit - cost[c]
            if score > float("-inf") and (best is None or score > best[0]):
                ends = [t for j, t in enumerate(texts) if j + 1 == len(combo) or combo[j + 1] != combo[j]]
                best = (score, tuple(c for j, c in enumerate(combo) if j + 1 == len(combo) or combo[j + 1] != c),
                        ends)
        if best is None:
            break
        for c, p in zip(best[1], best[2]):
            frags[c].append(p)
        used += 1
    return ["".join(f) for f in frags], used


def _units_piece(before: str, piece: str) -> str:
    """A piece going on a units cell: after a whole unit name it is the next name (``、``);
    otherwise the rest of a name the column wrapped (``镇规划建设`` + ``办``)."""
    last = re.split(r"[、，,；;\n]", before)[-1]
    if last and len(last) >= 3 and looks_like_unit(last) and looks_like_unit(piece) \
            and last.count("（") <= last.count("）"):
        return "、" + piece
    return piece


SubRow = tuple[int, list[str], int]  # first column (those before it merged above), cells, line within the row


def read_wrapped(kinds: Sequence[str], rows: Sequence[tuple[int, Sequence[Word]]],
                 align: Callable[[Sequence[Word], int], list[str]], skip: int) -> list[list[SubRow] | None]:
    """For each row (first column, words): the rows its lines read as, cells
    wrapped side by side, or None where it does not read so (rows whose first
    column is ``skip``, a heading row, are left alone). A line no open cell
    can take starts a row of its own under the merged cells on its left (a
    second measure of one task) when its pieces fill the columns on the right
    from a text column on, and read on from there. ``align(words, first)`` gives the cells of one line."""
    n = len(kinds)
    split = [split_lines(words) if first != skip and words else [] for first, words in rows]

    def first_line(words: Sequence[Word], first: int) -> list[str]:
        # A piece for every column from ``first`` on: one cell per piece.
        if len(words) == n - first:
            return [""] * first + [w for w, _, _ in words]
        return align([(w, g, False) for w, g, _ in words], first)

    firsts = [first_line(lines[0], first) if lines else [] for (first, _), lines in zip(rows, split)]
    widths = column_widths([f for f, lines in zip(firsts, split) if lines], n)
    out: list[list[SubRow] | None] = []
    for (first, _), lines, cells in zip(rows, split, firsts):
        if not lines:
            out.append(None)
            continue
        subs: list[SubRow] = []
        at = 0
        while True:
            got, used = deinterleave_lines(kinds, cells, lines[at + 1:], widths)
            subs.append((first, got, at))
            at += used + 1
            if at >= len(lines):
                break
            first = n - len(lines[at])
            if first < 1 or kinds[first] not in _TEXT_KINDS:
                subs = []
                break
            cells = first_line(lines[at], first)
            if any(display_width(t) > widths[c] + _SLACK for c, t in enumerate(cells) if t):
                subs = []  # wider than its column: no row of this table
                break
        out.append(subs or None)
    return out


def _header_piece_line(words: Sequence[str], n: int) -> bool:
    """A line that may hold the wrapped ends of header words: a few short pieces, no digit."""
    return 0 < len(words) <= min(n, 6) and all(display_width(w) <= 8 and not any(ch.isdigit() for ch in w)
                                               for w in words)


def wrapped_header(labels: Sequence[str], next_lines: Sequence[Sequence[str]],
                   score: Callable[[str], float]) -> tuple[list[str], int] | None:
    """The header words with the lines under the header put back into them
    where narrow header cells wrapped (``序`` / ``号``, ``责任`` / ``市领`` /
    ``导``), and how many lines that took. Each piece of such a line goes on
    one header word, in order; on the second line and after, only on a word
    that went on in the line before (the others had ended). Taken when the
    words then read better as header words (``score``) and none reads worse;
    None when no line under the header reads so."""
    n = len(labels)
    lines: list[Sequence[str]] = []
    for words in next_lines[:3]:
        if not _header_piece_line(words, n):
            break
        lines.append(words)
    best: tuple[float, list[str], int] | None = None

    def search(k: int, current: list[str], went_on: tuple[int, ...] | None, tried: list[int]) -> None:
        nonlocal best
        if k:
            gains = [score(current[c]) - score(labels[c]) for c in range(n) if current[c] != labels[c]]
            if min(gains) >= 0 and sum(gains) > 0 and (best is None or (sum(gains), k) > (best[0], best[2])):
                best = (sum(gains), list(current), k)
        if k == len(lines) or tried[0] >= _MAX_COMBOS:
            return
        pieces = lines[k]
        for combo in itertools.combinations(went_on if went_on is not None else range(n), len(pieces)):
            tried[0] += 1
            if tried[0] >= _MAX_COMBOS:
                return
            nxt = list(current)
            for c, w in zip(combo, pieces):
                nxt[c] += w
            search(k + 1, nxt, combo, tried)

    search(0, list(labels), None, [0])
    return (best[1], best[2]) if best else None
