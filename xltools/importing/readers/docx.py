"""Word (.docx) documents: every table in document order, with vertical
(``w:vMerge``) and horizontal (``w:gridSpan``) merges carried into the grid;
paragraphs above the first table give the title, headings between tables
name the goal of the rows below. A document without a task table is read as
prose (工作要点)."""

from __future__ import annotations

import io
import re
import zipfile
import zlib

from xltools import labels as L
from xltools.errors import InputError
from xltools.importing.readers.cleanup import Fixer
from xltools.importing.readers.grid import Cell, GridReader
from xltools.importing.readers.rows import Event, SourceMeta

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_CHINESE_FORMATS = ("chineseCounting", "chineseCountingThousand", "ideographTraditional",
                    "japaneseCounting", "taiwaneseCounting", "taiwaneseCountingThousand",
                    "ideographLegalTraditional", "chineseLegalSimplified")


def _chinese(n: int) -> str:
    digits = L.CN_NUMERALS
    if n <= 0 or n >= 100:
        return str(n)
    if n <= 10:
        return digits[n - 1]
    tens, ones = divmod(n, 10)
    return (digits[tens - 1] if tens > 1 else "") + digits[9] + (digits[ones - 1] if ones else "")


def _format(n: int, fmt: str) -> str:
    if fmt in _CHINESE_FORMATS:
        return _chinese(n)
    if fmt.startswith("decimalEnclosedCircle") and 1 <= n <= len(_CIRCLED):
        return _CIRCLED[n - 1]
    if fmt in ("lowerLetter", "upperLetter") and 1 <= n <= 26:
        ch = chr(ord("a") + n - 1)
        return ch.upper() if fmt == "upperLetter" else ch
    return str(n)


class Numbering:
    """Word's automatic list numbers (w:numPr), which are not in the text:
    ``1.`` ``（一）`` ``①`` are rendered back in front of the paragraphs."""

    def __init__(self, doc) -> None:  # type: ignore[no-untyped-def]
        self.levels: dict[str, dict[int, tuple[int, str, str]]] = {}  # numId → ilvl → (start, fmt, text)
        self.style_num: dict[str, tuple[str, int]] = {}
        self.counters: dict[str, list[int]] = {}
        try:
            root = doc.part.numbering_part.element
        except (NotImplementedError, KeyError, AttributeError):
            root = None
        if root is not None:
            abstract: dict[str, dict[int, tuple[int, str, str]]] = {}
            for an in root.findall(W + "abstractNum"):
                lv: dict[int, tuple[int, str, str]] = {}
                for lvl in an.findall(W + "lvl"):
                    ilvl = int(lvl.get(W + "ilvl", "0"))
                    start = _val(lvl, "start")
                    lv[ilvl] = (int(start) if start and start.isdigit() else 1,
                                _val(lvl, "numFmt") or "decimal", _val(lvl, "lvlText") or "")
                abstract[an.get(W + "abstractNumId", "")] = lv
            for num in root.findall(W + "num"):
                ref = _val(num, "abstractNumId") or ""
                lv = dict(abstract.get(ref, {}))
                for ov in num.findall(W + "lvlOverride"):
                    ilvl = int(ov.get(W + "ilvl", "0"))
                    start = _val(ov, "startOverride")
                    if start and start.isdigit() and ilvl in lv:
                        lv[ilvl] = (int(start), lv[ilvl][1], lv[ilvl][2])
                self.levels[num.get(W + "numId", "")] = lv
        try:
            for style in doc.styles.element.findall(W + "style"):
                num_pr = style.find(f"{W}pPr/{W}numPr")
                if num_pr is not None:
                    num_id = _val(num_pr, "numId")
                    ilvl = _val(num_pr, "ilvl")
                    if num_id:
                        self.style_num[style.get(W + "styleId", "")] = (num_id, int(ilvl or 0))
        except (AttributeError, ValueError):
            pass

    def label(self, p) -> str:  # type: ignore[no-untyped-def]
        """The list number in front of paragraph ``p`` ("" when none)."""
        ppr = p.find(W + "pPr")
        num_pr = ppr.find(W + "numPr") if ppr is not None else None
        num_id, ilvl = None, 0
        if num_pr is not None:
            num_id = _val(num_pr, "numId")
            lvl = _val(num_pr, "ilvl")
            ilvl = int(lvl) if lvl and lvl.isdigit() else 0
        elif ppr is not None and (style := _val(ppr, "pStyle")) in self.style_num:
            num_id, ilvl = self.style_num[style]
        if not num_id or num_id == "0" or num_id not in self.levels:
            return ""
        levels = self.levels[num_id]
        if ilvl not in levels:
            return ""
        counters = self.counters.setdefault(num_id, [0] * 9)
        for k in range(9):
            if counters[k] == 0 and k < ilvl and k in levels:
                counters[k] = levels[k][0]
        counters[ilvl] = counters[ilvl] + 1 if counters[ilvl] else levels[ilvl][0]
        for k in range(ilvl + 1, 9):
            counters[k] = 0
        start, fmt, text = levels[ilvl]
        if fmt in ("bullet", "none") or not text:
            return ""

        def render(m: re.Match[str]) -> str:
            k = int(m.group(1)) - 1
            return _format(counters[k], levels.get(k, (1, "decimal", ""))[1])

        return re.sub(r"%(\d)", render, text)


def _text(el, numbering: Numbering | None = None) -> str:  # type: ignore[no-untyped-def]
    """Text of a paragraph-holding element; paragraphs joined by newlines."""
    paras = []
    for p in el.iter(W + "p"):
        parts = [numbering.label(p)] if numbering is not None else []
        for node in p.iter(W + "t", W + "tab", W + "br", W + "cr"):
            if node.tag == W + "t":
                parts.append(node.text or "")
            elif node.tag == W + "tab":
                parts.append(" ")
            else:
                parts.append("\n")
        paras.append("".join(parts))
    return "\n".join(paras)


def _val(el, tag: str) -> str | None:  # type: ignore[no-untyped-def]
    if el is None:
        return None
    child = el.find(W + tag)
    if child is None:
        return None
    return child.get(W + "val", "")


def table_grid(tbl, numbering: Numbering | None = None) -> list[list[Cell]]:  # type: ignore[no-untyped-def]
    """A w:tbl element → rows of cells with merges flagged."""
    grid: list[list[Cell]] = []
    for tr in tbl.findall(W + "tr"):
        row: list[Cell] = []
        before = _val(tr.find(W + "trPr"), "gridBefore")
        for _ in range(int(before) if before and before.isdigit() else 0):
            row.append(Cell())
        for tc in tr.findall(W + "tc"):
            pr = tc.find(W + "tcPr")
            span_val = _val(pr, "gridSpan")
            span = int(span_val) if span_val and span_val.isdigit() else 1
            vmerge = _val(pr, "vMerge")
            col = len(row)
            if vmerge is not None and vmerge != "restart" and grid:
                above = grid[-1][col] if col < len(grid[-1]) else Cell()
                cell = Cell(above.text, from_above=True)
            else:
                cell = Cell(_text(tc, numbering))
            row.append(cell)
            for _ in range(span - 1):
                row.append(Cell(cell.text, from_above=cell.from_above, from_left=True))
        grid.append(row)
    return grid


def _body_items(body):  # type: ignore[no-untyped-def]
    for child in body:
        if child.tag == W + "sdt":
            content = child.find(W + "sdtContent")
            if content is not None:
                yield from _body_items(content)
        elif child.tag in (W + "p", W + "tbl"):
            yield child


def read_docx(data: bytes, name: str, *, simplified: bool = True) -> tuple[list[Event], SourceMeta]:
    from docx import Document

    try:
        doc = Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError, SyntaxError, zlib.error) as exc:
        from xltools.io.guard import bad_part_error  # names a malformed part

        raise (bad_part_error(data, name) or InputError(L.MSG_BAD_OFFICE_FILE.format(
            path=name, kind="Word (.docx)", reason=exc), path=name)) from exc
    body = doc.element.body
    items = list(_body_items(body))
    numbering = Numbering(doc)
    texts = [table_grid(el, numbering) if el.tag == W + "tbl" else _text(el, numbering) for el in items]
    sample = "\n".join(t if isinstance(t, str) else "\n".join(" ".join(c.text for c in row) for row in t)
                       for t in texts)
    fixer = Fixer(sample, simplified)
    reader = GridReader(name, fixer)
    found = False
    line = 0
    for el, content in zip(items, texts):
        if not isinstance(content, str):
            grid = content
            lines = list(range(line + 1, line + len(grid) + 1))
            line += len(grid)
            found = reader.add_table(grid, lines, continuation=True) or found
        else:
            line += 1
            text = content
            if text.strip():
                reader.add_text(text, line)
    if found and reader.events:
        return reader.result()
    # No task table: the document is prose (工作要点) or a table-less layout.
    from xltools.importing.readers.plaintext import read_text

    return read_text(sample, name, simplified=simplified)
