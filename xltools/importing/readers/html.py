"""Saved web pages (.html/.htm): tables with rowspan/colspan expanded into
the grid; layout tables (those holding other tables, or without a header)
and page chrome are ignored; headings and paragraphs give the title and the
goals between tables. A page without a task table is read as text."""

from __future__ import annotations

import dataclasses

import re

from xltools.importing.readers.cleanup import Fixer
from xltools.importing.readers.grid import Cell, GridReader
from xltools.importing.readers.rows import Event, SourceMeta

_BLOCKS = ["h1", "h2", "h3", "h4", "h5", "h6", "p", "table", "caption"]


def _cell_text(td) -> str:  # type: ignore[no-untyped-def]
    for br in td.find_all("br"):
        br.replace_with("\n")
    for p in td.find_all(["p", "div"]):
        p.insert_after("\n")
    return td.get_text("").strip()


def table_grid(table) -> list[list[Cell]]:  # type: ignore[no-untyped-def]
    """A <table> → rows of cells, rowspan/colspan carried with flags."""
    grid: list[list[Cell]] = []
    carry: dict[int, tuple[Cell, int]] = {}  # column → (cell, rows left)
    rows = [tr for tr in table.find_all("tr") if tr.find_parent("table") is table]
    for tr in rows:
        row: list[Cell] = []
        col = 0
        cells = [td for td in tr.find_all(["td", "th"]) if td.find_parent("tr") is tr]

        def fill_carried() -> None:
            nonlocal col
            while col in carry:
                cell, left = carry[col]
                row.append(Cell(cell.text, from_above=True, from_left=cell.from_left))
                if left <= 1:
                    del carry[col]
                else:
                    carry[col] = (cell, left - 1)
                col += 1

        for td in cells:
            fill_carried()
            text = _cell_text(td)
            try:
                rowspan = max(1, int(td.get("rowspan", 1) or 1))
                colspan = max(1, min(int(td.get("colspan", 1) or 1), 50))
            except ValueError:
                rowspan, colspan = 1, 1
            for k in range(colspan):
                cell = Cell(text, from_left=k > 0)
                row.append(cell)
                if rowspan > 1:
                    carry[col] = (cell, rowspan - 1)
                col += 1
        fill_carried()
        grid.append(row)
    return grid


def _outside_data_table(el) -> bool:  # type: ignore[no-untyped-def]
    """Whether a heading/paragraph stands outside any data table (a layout
    table, one that holds other tables, does not count)."""
    if el.name == "caption":
        return True
    parent = el.find_parent("table")
    return parent is None or parent.find("table") is not None


def _page_title(text: str) -> str:
    """The longest part of a <title> such as ``TITLE_SITE NAME``."""
    parts = [p.strip() for p in re.split(r"[_|｜\-—–]+", text) if p.strip()]
    return max(parts, key=len) if parts else ""


def read_html(text: str, name: str, *, simplified: bool = True) -> tuple[list[Event], SourceMeta]:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(text, "lxml")
    # Page chrome, and pinyin annotations of web mirrors (<ruby>經<rt>jīng</rt></ruby>).
    for tag in soup(["script", "style", "noscript", "nav", "header", "footer", "form", "iframe",
                     "rt", "rp"]):
        tag.decompose()
    page_text = soup.get_text("\n")
    fixer = Fixer(page_text, simplified)
    reader = GridReader(name, fixer)
    title_tag = soup.find("title")
    found = False
    line = 0
    for el in soup.find_all(_BLOCKS):
        line += 1
        if el.name == "table":
            if el.find("table") is not None:
                continue  # a layout table: its inner tables are visited on their own
            grid = table_grid(el)
            found = reader.add_table(grid, list(range(line, line + len(grid))),
                                     continuation=True) or found
            line += len(grid)
        elif _outside_data_table(el):
            reader.add_text(el.get_text(" ").strip(), line)
    if found and reader.events:
        events, meta = reader.result()
        if not meta.title and title_tag is not None:
            from xltools.importing.readers.prose import choose_title, year_of
            from xltools.text import clean_text

            title = choose_title([_page_title(clean_text(fixer.fix(title_tag.get_text())))])
            meta = dataclasses.replace(meta, title=title, year=year_of(title))
        return events, meta
    from xltools.importing.readers.plaintext import read_text

    body = soup.body or soup
    return read_text(body.get_text("\n"), name, simplified=simplified)
