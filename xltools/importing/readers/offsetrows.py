"""Space-separated rows cut at the header's column offsets, in display width.

A table typed or copied with its columns padded by spaces puts every cell
under its header word — counted in display columns, where a Chinese character
(and a full-width space) is two wide. Its cells may hold single spaces of
their own (``县农业农村局 县自然资源局``, ``新建高标准农田 3.5 万亩``), and a cell
wider than its column pushes the next one right, sometimes to one space::

    序号   责任单位                       工作任务                       完成时限
    2      县农业农村局 县自然资源局      新建高标准农田 3.5 万亩…       2025年12月底前
    6      县农业农村局 县财政局 县农商银行 落实种粮农民一次性补贴…     2025年9月底前

When most rows start a word at (within two columns of) most of the header's
word offsets, each line is cut there: at every header offset after the
first, the cut is the word start nearest to it — at it, or right of it by
less than half the column (a cell pushed by a wide neighbour) — and a column
with no word start near its offset is empty on that line. Lines whose number
column holds no number continue the row above (a cell wrapped over lines).
In a units cell, a single space between two names that are each a unit by
form separates two units; any other space inside a cell is dropped (a name
or a sentence wrapped at a space).

This reading competes with the reading by runs of spaces
(``spacerows.read_space_rows``) in ``plaintext.read_text``: the better-scoring
one wins.
"""

from __future__ import annotations

import re
import unicodedata

from xltools import labels as L
from xltools.importing.readers.cleanup import Fixer
from xltools.importing.readers.columns import cell_type, header_role, header_score
from xltools.importing.readers.grid import NUMBER_ONLY
from xltools.importing.readers.layoutrows import layout_header, page_breaks
from xltools.importing.readers.rows import Event, SourceMeta
from xltools.importing.units import looks_like_unit, spaced_pair
from xltools.text import display_width

_SPACE = " \u3000\u00a0\t"
_SPREAD = re.compile(r"\S(?: {2,}|\u3000+)\S")  # words parted by a run of spaces
_RUN = re.compile(r"\S+(?:[ \u00a0]\S+)*")  # a header word: text between runs of two or more spaces
_TOLERANCE = 2  # display columns a cell may start off its header word's offset
_ALIGNED = 0.6  # share of (row, column) offsets where a row starts a word
_HEADER_SCAN = 120


def _char_width(ch: str) -> int:
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1


_WORD = re.compile(r"[^ \u3000\u00a0\t]+")


def _width(text: str) -> int:
    return display_width(text)


def _word_spans(line: str) -> list[tuple[int, int, int, int]]:
    """(display offset, character index, spaces before, display end) of every word of a
    line (a tab takes four columns), measured a word at a time."""
    out = []
    col = pos = 0
    for m in _WORD.finditer(line):
        spaces = line[pos:m.start()]
        gap = display_width(spaces) + 3 * spaces.count("\t")
        col += gap
        end = col + display_width(m.group())
        out.append((col, m.start(), gap, end))
        col, pos = end, m.end()
    return out


def _word_starts(line: str) -> list[tuple[int, int, int]]:
    """(display offset, character index, spaces before) of every word of a line."""
    return [(col, i, gap) for col, i, gap, _ in _word_spans(line)]


def _header_offsets(line: str) -> list[tuple[int, str]]:
    """(display offset, word) of the header words of a line spread by runs of spaces."""
    out = []
    for m in _RUN.finditer(line.replace("\u3000", "  ")):
        prefix = line.replace("\u3000", "  ")[:m.start()]
        out.append((display_width(prefix), re.sub(r"\s+", "", m.group())))
    return out


def _find_header(lines: list[str]) -> tuple[int, list[tuple[int, str]]] | None:
    """(line, header words with their offsets) of the first line spread by runs of
    spaces into three or more header words, a units or people word and a text word
    among them."""
    for i, line in enumerate(lines[:_HEADER_SCAN]):
        if not _SPREAD.search(line.strip()) or re.search(r"[|│｜]", line):
            continue
        heads = _header_offsets(line.rstrip())
        if not 3 <= len(heads) <= 16 or sum(header_score(w) >= 2 for _, w in heads) < 2:
            continue
        kinds = {r.kind if (r := header_role(w)) else "text" for _, w in heads}
        if kinds & {"units", "people"} and kinds & {"requirement", "task", "text"}:
            return i, heads
    return None


def _cuts(starts: list[tuple[int, int, int]], offsets: list[int], line: str = "",
          kinds: list[str] | None = None) -> list[int | None]:
    """The character index where each column after the first starts on a line (None:
    no word starts near its offset, the column is empty there). With the line and the
    columns' kinds, a cell glued to a wider cell on its left (no space between them) is
    cut where both sides fit their columns by form (``_glued_cut``)."""
    cuts: list[int | None] = []
    last = 0
    for k in range(1, len(offsets)):
        here = offsets[k]
        room = (offsets[k + 1] - here) // 2 if k + 1 < len(offsets) else 12
        best: tuple[float, int] | None = None
        for pos, idx, gap in starts:
            if idx <= last or not gap or pos < here - _TOLERANCE or pos > here + max(_TOLERANCE, room):
                continue
            cost = abs(pos - here) - (0.5 if gap >= 2 else 0.0)
            if best is None or cost < best[0]:
                best = (cost, idx)
        cut = best[1] if best else None
        if cut is None and kinds is not None:
            cut = _glued_cut(line, last, offsets[k], max(_TOLERANCE, room), kinds[k - 1], kinds[k])
        cuts.append(cut)
        if cut is not None:
            last = cut
    return cuts


def _glued_cut(line: str, last: int, here: int, room: int, left_kind: str, right_kind: str) -> int | None:
    """Where a cell wider than its column runs into the next one without a space
    (``市公安交警支队优化中心城区…``): the character boundary nearest the column's offset
    (up to ``room`` right of it) where the text on the left fits the left column by form
    and the word on the right fits the right one."""
    from xltools.importing.readers.merged import fits_by_form

    if left_kind == "number":
        return None  # a number never overflows its column (二十一、… is a heading, not 二十一 | 、…)
    col = 0
    best: tuple[int, int] | None = None
    for i, ch in enumerate(line):
        if i > last and here - _TOLERANCE <= col <= here + room and line[i - 1] not in _SPACE \
                and ch not in _SPACE:
            left = line[last:i].strip(_SPACE)
            right = re.split(r"[ \u3000]{2,}", line[i:])[0]
            if re.match(r"[\u4e00-\u9fffA-Za-z0-9]", right) and fits_by_form(left_kind, left) and fits_by_form(right_kind, right) and \
                    (best is None or abs(col - here) < best[0]):
                best = (abs(col - here), i)
        col += _char_width(ch) if ch != "\t" else 4
    return best[1] if best else None


def _aligned(lines: list[str], offsets: list[int]) -> bool:
    """Whether the rows align with the header: at most of the header's offsets where a
    line has text, a word starts there (a blank stretch, an empty or merged cell, counts
    neither way; text running over the offset counts against)."""
    hits = misses = 0
    for line in lines:
        spans = _word_spans(line)
        for off in offsets[1:]:
            if any(abs(p - off) <= _TOLERANCE for p, _, _, _ in spans):
                hits += 1
            elif any(p <= off < end for p, _, _, end in spans):  # text running over the offset
                misses += 1
    return hits >= 2 and hits >= _ALIGNED * (hits + misses)


def _cell(text: str, units: bool) -> str:
    """A cell's text: in a units cell a single space between two unit names separates
    two units; any other space inside a cell is the page's."""
    parts = text.split()
    if not units or len(parts) < 2:
        return text.strip()
    out = parts[0]
    for left, right in zip(parts, parts[1:]):
        two = spaced_pair(left, right, parts[0]) and len(right) >= 2 and right not in L.BARE_BODY_WORDS
        out += ("、" if two else " ") + right
    return out


def _join(parts: list[str], units: bool) -> str:
    """One cell from its lines: in a units cell a line break between two unit names
    parts two units (a name wrapped at the column's edge is glued back)."""
    out = ""
    for part in parts:
        part = _cell(part, units)
        if out and units and looks_like_unit(re.split(r"[、，,]", out)[-1]) and \
                looks_like_unit(re.split(r"[、，,\s]", part)[0]) and part not in L.UNIT_SUFFIXES:
            out += "、"
        out += part
    # A space left between two Chinese characters is the page's, not the text's.
    return re.sub(r"(?<=[^\x00-\x7f]) (?=[^\x00-\x7f])", "", out)


def read_offset_rows(text: str, name: str, fixer: Fixer | None = None) -> tuple[list[Event], SourceMeta] | None:
    """Read a table whose rows are cut at the header's column offsets in display
    width; None when no header is spread so or the rows do not align with it."""
    from xltools.importing.readers.scoring import score_reading
    from xltools.importing.readers.spacerows import _emit

    lines = text.split("\n")
    found = _find_header(lines)
    if found is None:
        return None
    index, heads = found
    offsets = [off for off, _ in heads]
    labels = [w for _, w in heads]
    start = index + 1
    wrapped = layout_header(lines, index)
    if wrapped is not None and len(wrapped[0]) == len(labels):
        labels, start = wrapped  # 责任 over 单位: header words a narrow column wrapped
    kinds = [r.kind if (r := header_role(lb)) else "text" for lb in labels]
    number_at = kinds.index("number") if "number" in kinds else None
    header_key = re.sub(r"\s+", "", lines[index])
    furniture = page_breaks(lines, start, frozenset({header_key}))
    body = [i for i in range(start, len(lines)) if lines[i].strip() and i not in furniture]
    if _blocks(lines, body):
        return None  # rows of several lines parted by blank lines: read by the layout reader
    starts = {i: _word_starts(lines[i].rstrip()) for i in body}
    if len(body) < 2 or not _aligned([lines[i].rstrip() for i in body if len(starts[i]) >= 2], offsets):
        return None
    skipped: list[tuple[int, str]] = [(i + 1, lines[i].strip()) for i in furniture]
    placed: list[tuple[int, list[str], bool]] = []  # (line, cells, a heading row across the table)
    for i in body:
        line = lines[i].rstrip()
        cuts = _cuts(starts[i], offsets, line, kinds)
        bounds = [0] + cuts + [len(line)]
        cells = []
        for k in range(len(offsets)):
            if k and bounds[k] is None:
                cells.append("")
                continue
            end = next((b for b in bounds[k + 1:] if b is not None), len(line))
            cells.append(line[bounds[k]:end].strip(_SPACE))
        alone = cells[0] and not any(cells[1:]) and not NUMBER_ONLY.match(cells[0])
        heading = bool(alone) and (cell_type(cells[0]) == "heading" or _width(cells[0]) > offsets[1] + _TOLERANCE)
        placed.append((i, cells, heading))
    best: tuple[float, tuple[list[Event], SourceMeta]] | None = None
    # Lines without a number go on with the row above (cells wrapped over lines), or each
    # line is a row of its own under merged cells: the better reading wins.
    for own_rows in ((False, True) if number_at is not None else (True,)):
        found = _assemble(placed, kinds, number_at, own_rows)
        if found is None:
            continue
        firsts, cells, row_lines, extra = found
        result = _emit(lines, index, name, fixer, labels, firsts, cells, row_lines, sorted(skipped + extra))
        score = score_reading(result[0])
        if best is None or score > best[0]:
            best = (score, result)
    return best[1] if best else None


def _blocks(lines: list[str], body: list[int]) -> bool:
    """Whether blank lines part the body into blocks of several lines (rows wrapped over
    lines, a number centred in its row: ``layoutrows``' blocks), not one line per row."""
    groups: list[list[int]] = []
    for i in body:
        if groups and all(lines[k].strip() for k in range(groups[-1][-1] + 1, i)):
            groups[-1].append(i)
        else:
            groups.append([i])
    return len(groups) >= 2 and any(len(g) > 1 for g in groups)


def _whole_row(cells: list[str], kinds: list[str]) -> bool:
    """Whether a line's cells read as a row's cells, not the wrapped ends of the row
    above (``局、各乡镇``, ``月底前``, ``销号。``): each filled units, deadline and text cell
    fits its column by form."""
    from xltools.importing.readers.merged import fits_by_form

    for kind, cell in zip(kinds, cells):
        if not cell:
            continue
        if kind == "units":
            cell = _cell(cell, True)
        first = re.split(r"[、，,\s]+", cell)[0]
        if kind == "units" and (not fits_by_form(kind, cell) or first in L.UNIT_SUFFIXES
                                or first in L.BARE_BODY_WORDS):
            return False
        if kind == "deadline" and not fits_by_form(kind, cell):
            return False
        if kind in ("requirement", "text") and len(cell) < 6:
            return False
    return True


def _assemble(placed: list[tuple[int, list[str], bool]], kinds: list[str], number_at: int | None,
              own_rows: bool) -> tuple[list[int], list[list[str]], list[int], list[tuple[int, str]]] | None:
    """(first column of each row, its cells, its first line, lines skipped) of the lines cut."""
    from xltools.importing.readers.spacerows import HEADING_ROW

    rows: list[list[list[str]]] = []
    firsts: list[int] = []
    row_lines: list[int] = []
    skipped: list[tuple[int, str]] = []
    for i, cells, heading in placed:
        if heading:
            rows.append([[cells[0]]] + [[] for _ in kinds[1:]])
            firsts.append(HEADING_ROW)
            row_lines.append(i + 1)
            continue
        numbered = number_at is not None and bool(NUMBER_ONLY.match(cells[number_at]))
        if own_rows and not numbered and rows and not _whole_row(cells, kinds):
            return None  # a line of cells wrapped from the row above: no row of its own
        if numbered or own_rows or number_at is None:
            rows.append([[] for _ in kinds])
            firsts.append(0 if numbered else next((k for k, c in enumerate(cells) if c), 0))
            row_lines.append(i + 1)
        elif not rows or firsts[-1] == HEADING_ROW:
            skipped.append((i + 1, " ".join(c for c in cells if c)))
            continue
        for k, cell in enumerate(cells):
            if cell:
                rows[-1][k].append(cell)
    if not rows:
        return None
    cells = [[_join(parts, kinds[k] == "units") for k, parts in enumerate(row)] for row in rows]
    return firsts, cells, row_lines, skipped
