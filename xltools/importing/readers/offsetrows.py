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
from xltools.importing.readers.columns import header_role, header_score
from xltools.importing.readers.grid import NUMBER_ONLY
from xltools.importing.readers.layoutrows import page_breaks
from xltools.importing.readers.rows import Event, SourceMeta
from xltools.importing.units import looks_like_unit, spaced_pair

_SPACE = " \u3000\u00a0\t"
_SPREAD = re.compile(r"\S(?: {2,}|\u3000+)\S")  # words parted by a run of spaces
_RUN = re.compile(r"\S+(?:[ \u00a0]\S+)*")  # a header word: text between runs of two or more spaces
_TOLERANCE = 2  # display columns a cell may start off its header word's offset
_ALIGNED = 0.6  # share of (row, column) offsets where a row starts a word
_HEADER_SCAN = 120


def _char_width(ch: str) -> int:
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1


def _word_starts(line: str) -> list[tuple[int, int, int]]:
    """(display offset, character index, spaces before) of every word of a line."""
    out = []
    col = 0
    gap = 0
    for i, ch in enumerate(line):
        if ch in _SPACE:
            gap += _char_width(ch) if ch != "\t" else 4
        else:
            if i == 0 or line[i - 1] in _SPACE:
                out.append((col, i, gap))
            gap = 0
        col += _char_width(ch) if ch != "\t" else 4
    return out


def _header_offsets(line: str) -> list[tuple[int, str]]:
    """(display offset, word) of the header words of a line spread by runs of spaces."""
    out = []
    for m in _RUN.finditer(line.replace("\u3000", "  ")):
        prefix = line.replace("\u3000", "  ")[:m.start()]
        out.append((sum(_char_width(ch) for ch in prefix), re.sub(r"\s+", "", m.group())))
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

    col = 0
    best: tuple[int, int] | None = None
    for i, ch in enumerate(line):
        if i > last and here - _TOLERANCE <= col <= here + room and line[i - 1] not in _SPACE \
                and ch not in _SPACE:
            left = line[last:i].strip(_SPACE)
            right = re.split(r"[ \u3000]{2,}", line[i:])[0]
            if fits_by_form(left_kind, left) and fits_by_form(right_kind, right) and \
                    (best is None or abs(col - here) < best[0]):
                best = (abs(col - here), i)
        col += _char_width(ch) if ch != "\t" else 4
    return best[1] if best else None


def _aligned(rows: list[list[tuple[int, int, int]]], offsets: list[int]) -> bool:
    """Whether most rows start a word at most of the header's offsets."""
    slots = hits = 0
    for starts in rows:
        positions = [p for p, _, _ in starts]
        for off in offsets[1:]:
            slots += 1
            hits += any(abs(p - off) <= _TOLERANCE for p in positions)
    return slots > 0 and hits >= _ALIGNED * slots


def _cell(text: str, units: bool) -> str:
    """A cell's text: in a units cell a single space between two unit names separates
    two units; any other space inside a cell is the page's."""
    parts = text.split()
    if not units or len(parts) < 2:
        return text.strip()
    out = parts[0]
    for left, right in zip(parts, parts[1:]):
        two = spaced_pair(left, right, parts[0]) and right not in L.UNIT_SUFFIXES and right not in L.BARE_BODY_WORDS
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
    from xltools.importing.readers.spacerows import _emit

    lines = text.split("\n")
    found = _find_header(lines)
    if found is None:
        return None
    index, heads = found
    offsets = [off for off, _ in heads]
    labels = [w for _, w in heads]
    kinds = [r.kind if (r := header_role(lb)) else "text" for lb in labels]
    number_at = kinds.index("number") if "number" in kinds else None
    header_key = re.sub(r"\s+", "", lines[index])
    furniture = page_breaks(lines, index + 1, frozenset({header_key}))
    body = [i for i in range(index + 1, len(lines)) if lines[i].strip() and i not in furniture]
    starts = {i: _word_starts(lines[i].rstrip()) for i in body}
    if len(body) < 2 or not _aligned([starts[i] for i in body if len(starts[i]) >= 2], offsets):
        return None
    rows: list[list[list[str]]] = []
    row_lines: list[int] = []
    skipped: list[tuple[int, str]] = [(i + 1, lines[i].strip()) for i in furniture]
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
        opens = number_at is None or bool(NUMBER_ONLY.match(cells[number_at]))
        if opens:
            rows.append([[] for _ in kinds])
            row_lines.append(i + 1)
        elif not rows:
            skipped.append((i + 1, line.strip()))
            continue
        for k, cell in enumerate(cells):
            if cell:
                rows[-1][k].append(cell)
    if not rows:
        return None
    cells = [[_join(parts, kinds[k] == "units") for k, parts in enumerate(row)] for row in rows]
    return _emit(lines, index, name, fixer, labels, [0] * len(cells), cells, row_lines, sorted(skipped))
