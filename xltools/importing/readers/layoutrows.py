"""A table as PDF text with its layout kept (``pdftotext -layout``): the
columns stand side by side, aligned by runs of spaces, and every cell is
wrapped over as many lines as its column's width needs, so one row's cells
are interleaved over several lines::

    序号          整改任务                   责任单位              完成时限
     1   加快推进城市建成区黑臭水体整治，   市住房和城乡建设局、   2024年12月底前
         完成城东排洪渠、南湖片区截污纳     市城市管理综合执法
         管工程，确保不出现返黑返臭。       局，XX区政府、YY区
                                            政府

0. **Header.** Header words a narrow column wrapped onto the next line or
   two (``责任`` over ``单位``) are joined back by position.
1. **Columns.** The pieces of a line are the runs of text between two or
   more spaces. The left edges of the body's pieces gather at a few
   positions, one per column (measured in characters and in display width,
   where a Chinese character is two columns wide; the measure that aligns
   better is taken). Each header word belongs to the column whose range
   holds its middle (a header is often centred over its column); a column
   without a header word is the wrapped text of the one on its left.
2. **Rows.** A row starts at a line whose number column holds a number;
   every line up to the next such line adds its pieces to the row's columns
   (where blank lines part the body into blocks of one number each, a number
   centred in its row, a block is a row).
   Page numbers and the header repeated on the next page are skipped.
3. **Cells.** A column's lines are joined back into one text. A line as wide
   as its column was wrapped by the page and goes on in the next one
   (``市城市管理综合执法`` + ``局``); a shorter line ended where the writer
   ended it, so in a units column two unit names on either side of it are two
   units.

Used by ``spacerows.read_space_rows`` when the header line itself is spread
with runs of spaces; None when the body is not aligned so.
"""

from __future__ import annotations

import re

from xltools import labels as L
from xltools.importing.readers.columns import cell_type
from xltools.importing.readers.grid import NUMBER_ONLY
from xltools.importing.units import looks_like_unit, split_top_level
from xltools.text import display_width

_RUN = re.compile(r"\S+(?: \S+)*")  # text between runs of two or more spaces
_PAGE_NUMBER = re.compile(L.PDF_PAGE_NUMBER)
_SEPARATORS = "、，,；;"
_TOLERANCE = 2  # columns a piece may start off its column's edge
_ALIGNED = 0.85  # share of the body's pieces that must start at a column's edge


def page_breaks(lines: list[str], start: int, repeated: frozenset[str]) -> frozenset[int]:
    """Lines of a table's text from ``start`` that are page furniture, not
    rows: page numbers (``第 3 页 共 8 页``, ``— 3 —``), the header lines
    repeated on the next page (``repeated``: their text without spaces), and a
    running title between a page number and the repeated header."""
    out: set[int] = set()
    pending: list[int] = []  # lines since the last page number, not yet known to be furniture
    for i in range(start, len(lines)):
        line = lines[i]
        if not line.strip():
            continue
        if _PAGE_NUMBER.match(line):
            out.add(i)
            pending = [i]
        elif re.sub(r"\s+", "", line) in repeated:
            out.add(i)
            out.update(pending)
            pending = []
        elif pending and len(pending) < 3:
            pending.append(i)
        else:
            pending = []
    return frozenset(out)


def _width(text: str) -> int:
    return display_width(text)


def _pieces(line: str, display: bool) -> list[tuple[int, int, str]]:
    """(start, end, text) of the runs of a line, in characters or display width
    (measured a run at a time: the width so far carries on)."""
    out = []
    at = width = 0
    for m in _RUN.finditer(line):
        if display:
            start = width + _width(line[at:m.start()])
            width, at = start + _width(m.group()), m.end()
            out.append((start, width, m.group()))
        else:
            out.append((m.start(), m.end(), m.group()))
    return out


def _edges(starts: list[int]) -> list[tuple[int, int]]:
    """Positions where two or more pieces start (within the tolerance): (edge, count)."""
    groups: list[list[int]] = []
    for s in sorted(starts):
        if groups and s - groups[-1][-1] <= _TOLERANCE:
            groups[-1].append(s)
        else:
            groups.append([s])
    return [(g[0], len(g)) for g in groups if len(g) >= 2]


def layout_header(lines: list[str], index: int) -> tuple[list[str], int] | None:
    """(header words, line after the header) of a header spread by runs of
    spaces whose words a narrow column wrapped onto the next line or two
    (``责任`` over ``单位``): each piece of those lines lies under one word of the
    header line (in characters or in display width) and the joined words read
    better as header words. None when the next line is no such continuation."""
    from xltools.importing.readers.columns import header_score

    for display in (False, True):
        heads = _pieces(lines[index], display)
        if len(heads) < 3:
            return None
        labels = [re.sub(r"\s+", "", t) for _, _, t in heads]
        j = index + 1
        while j < min(len(lines), index + 3) and lines[j].strip():
            pieces = _pieces(lines[j], display)
            under = [next((k for k, (s, e, _) in enumerate(heads)
                           if s - _TOLERANCE <= ps and pe <= e + 2 * _TOLERANCE), None) for ps, pe, _ in pieces]
            if None in under or len(set(under)) != len(under) or NUMBER_ONLY.match(pieces[0][2]):
                break
            for k, (_, _, t) in zip(under, pieces):
                labels[k] += re.sub(r"\s+", "", t)
            j += 1
        if j > index + 1 and sum(map(header_score, labels)) > \
                sum(header_score(re.sub(r"\s+", "", t)) for _, _, t in heads):
            return labels, j
    return None


def layout_columns(lines: list[str], index: int, labels: list[str], start: int, skip: frozenset[str]
                   ) -> tuple[bool, list[int]] | None:
    """(display measure?, left edge of each header word's column) when the
    header line and the body under it are aligned by runs of spaces; None
    otherwise."""
    header = lines[index]
    furniture = page_breaks(lines, start, skip)
    body = [ln for i, ln in enumerate(lines[start:], start) if ln.strip() and i not in furniture]
    if len(body) < 2:
        return None
    best: tuple[float, bool, list[int]] | None = None
    for display in (False, True):
        heads = _pieces(header, display)
        if len(heads) != len(labels) or not all(re.sub(r"\s+", "", lb).startswith(re.sub(r"\s+", "", t))
                                                for (_, _, t), lb in zip(heads, labels)):
            return None  # the header's runs are not its words: not a table aligned by spaces
        pieces = [p for ln in body for p in _pieces(ln, display)]
        edges = [e for e, _ in _edges([s for s, _, _ in pieces])]
        if len(edges) < len(labels):
            continue
        # Each header word takes the edge of the column whose range holds its middle.
        taken: list[int] = []
        for s, e, _ in heads:
            middle = (s + e) / 2
            at = max((k for k, edge in enumerate(edges) if edge <= middle + _TOLERANCE), default=0)
            taken.append(at)
        if len(set(taken)) != len(taken) or taken != sorted(taken):
            continue
        cols = [edges[k] for k in taken]
        aligned = sum(1 for s, _, _ in pieces if any(abs(s - e) <= _TOLERANCE for e in edges))
        multi = sum(1 for ln in body if len(_pieces(ln, display)) >= 2)
        share = aligned / len(pieces)
        if share < _ALIGNED or multi < 2:
            continue
        if best is None or share > best[0]:
            best = (share, display, cols)
    return (best[1], best[2]) if best else None


def _column_of(start: int, cols: list[int]) -> int:
    return max((k for k, edge in enumerate(cols) if edge <= start + _TOLERANCE), default=0)


def layout_rows(lines: list[str], kinds: list[str], start: int, skip: frozenset[str], display: bool,
                cols: list[int]) -> tuple[list[list[str]], list[int], list[tuple[int, str]], set[int]]:
    """(cells of each row, first line of each, lines skipped, indexes of the
    heading rows) of a table aligned by spaces; a row starts at a number in the
    number column (every line is a row without one) — or, where blank lines part
    the body into blocks that each hold one number (a number centred in its row),
    at a block. A numbered heading alone on its line (``一、开办企业领域``) is a
    row spanning the table (a goal row)."""
    number_at = kinds.index("number") if "number" in kinds else None
    parts: list[list[list[tuple[str, int]]]] = []  # row → column → (line text, width)
    row_lines: list[int] = []
    headings: set[int] = set()
    skipped: list[tuple[int, str]] = []
    furniture = page_breaks(lines, start, skip)
    placed_at: dict[int, list[tuple[int, int, str]]] = {}
    numbered: set[int] = set()
    for i in range(start, len(lines)):
        if lines[i].strip() and i not in furniture:
            placed_at[i] = [(_column_of(s, cols), e - s, t) for s, e, t in _pieces(lines[i], display)]
            if number_at is not None and any(c == number_at and NUMBER_ONLY.match(t) for c, _, t in placed_at[i]):
                numbered.add(i)
    block_starts = _block_starts(lines, placed_at, numbered, furniture)
    for i in range(start, len(lines)):
        line = lines[i]
        if not line.strip():
            continue
        if i in furniture:
            skipped.append((i + 1, line.strip()))
            continue
        placed = placed_at[i]
        opens = number_at is None or (i in block_starts if block_starts else i in numbered)
        if not opens and number_at is not None and len(placed) == 1 and i not in numbered \
                and cell_type(line.strip()) == "heading":
            headings.add(len(parts))
            parts.append([[(line.strip(), _width(line.strip()))]] + [[] for _ in kinds[1:]])
            row_lines.append(i + 1)
            continue
        if opens:
            parts.append([[] for _ in kinds])
            row_lines.append(i + 1)
        elif not parts or len(parts) - 1 in headings:
            skipped.append((i + 1, line.strip()))  # the header's own wrapped lines (or a heading's)
            continue
        for c, w, t in placed:
            parts[-1][c].append((t, w))
    widths = [max((w for k, row in enumerate(parts) if k not in headings for t, w in row[c]), default=0)
              for c in range(len(kinds))]
    slack = 2 if display else 1  # one Chinese character
    cells = [[_join_lines(row[c], widths[c] - slack, kinds[c] == "units") for c in range(len(kinds))]
             for row in parts]
    return cells, row_lines, skipped, headings


def _block_starts(lines: list[str], placed_at: dict[int, list], numbered: set[int],
                  furniture: frozenset[int]) -> set[int]:
    """First lines of the blocks blank lines part the body into, when there are
    two or more and each (after the first numbered one) holds exactly one
    numbered line; else none."""
    blocks: list[list[int]] = []
    gap = True
    for i in sorted(placed_at):
        if gap or i in furniture or (blocks and any(not lines[k].strip() for k in range(blocks[-1][-1] + 1, i))):
            blocks.append([])
        blocks[-1].append(i)
        gap = False
    while blocks and not numbered & set(blocks[0]):
        blocks.pop(0)  # the header's own wrapped lines
    if len(blocks) < 2 or any(len(numbered & set(b)) != 1 for b in blocks):
        return set()
    if all(b[0] in numbered for b in blocks):
        return set()  # numbers on the first line: the number rule says the same
    return {b[0] for b in blocks}


def _join_lines(pieces: list[tuple[str, int]], full: int, units: bool) -> str:
    """One cell from its lines: a line as wide as the column (``full``: its
    widest line less one character) goes on in the next; after a shorter one,
    in a units column, two names that read as units on either side are two
    units (not where the second is only a body word: ``YY区`` / ``政府``)."""
    out = ""
    w_prev = 0
    for k, (text, w) in enumerate(pieces):
        text = text.strip()
        if k and out:
            last = split_top_level(out, _SEPARATORS)[-1] if not out.endswith(tuple(_SEPARATORS)) else ""
            first = "" if text.startswith(tuple(_SEPARATORS + "（(")) else split_top_level(text, _SEPARATORS)[0]
            short = w_prev < full
            if units and short and last and first and looks_like_unit(last) and looks_like_unit(first) \
                    and first not in L.UNIT_SUFFIXES and first not in L.BARE_BODY_WORDS:
                out += "、"
            elif re.search(r"[A-Za-z0-9]$", out) and re.match(r"[A-Za-z0-9]", text):
                out += " "
        out += text
        w_prev = w
    return out
