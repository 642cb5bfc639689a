"""Plain text (a .txt/.csv file, a Word document or web page without a table,
a scan's text lines): every text reader that applies proposes a reading, the
most plausible one wins (``readers/scoring.py``)."""

from __future__ import annotations

import dataclasses
import re
from pathlib import PurePath

from xltools import labels as L
from xltools.errors import SourceFormatError
from xltools.importing.readers.rows import Event, SourceMeta

Result = tuple[list[Event], SourceMeta]


def read_text(text: str, name: str, *, simplified: bool = True) -> Result:
    """Read a table or task list written as plain text: every reader that
    applies proposes a reading, the most plausible one wins
    (``readers/scoring.py``); a close runner-up is named on 待核对."""
    from xltools.importing.readers import (boxdraw, cellorder, columnblocks, delimited, layoutgrid, offsetrows,
                                           piperows, plumberrows, prose, records, spacerows, stream, text_table)
    from xltools.importing.readers.cleanup import Fixer
    from xltools.importing.readers.digitspace import unspace_numbers
    from xltools.importing.readers.accounting import account_lines
    from xltools.importing.readers.scoring import best_of

    # The text as the tool wrote it: pdftotext's cell order reads its spaces itself
    # (readers/cellorder.py), and -layout's runs stand where the tool put them (readers/layoutgrid.py).
    as_written = text
    text = unspace_numbers(text)  # 2024 年 10 月: a PDF extraction's spaces (readers/digitspace.py)
    fixer = Fixer(text, simplified)
    text = fixer.fix_text(text)  # notes the original of every changed line
    proposals: list = []
    delim = delimited.csv_dialect(text)
    ragged = bool(delim) and delimited.ragged(text, delim)
    if delim and (PurePath(name).suffix.lower() in (".csv", ".tsv") or delim in (",", ";", "\t")):
        # Rows that leave cells out state no positions: no prior over rebuilt readings.
        proposals.append(("csv_ragged" if ragged else "csv",
                          lambda: delimited.read_csv(text, name, delim)))
    boxed = bool(boxdraw.box_blocks(text))
    if boxed:
        proposals.append(("box", lambda: boxdraw.read_box_table(text, name)))
    sep = delimited.header_separator(text)
    # A box-drawn table is no pipe table (its wrapped lines are not rows); a tab table the
    # csv reader already reads (quotes and all) is not read a second time.
    if sep is not None and not (boxed and sep == "│") and not (proposals and sep == delim):
        proposals.append(("delimited", lambda: delimited.read_delimited(text, name, sep)))
    proposals.append(("stream", lambda: stream.read_cell_stream(text, name)))
    if stream.blank_cells_possible(text):
        # A table saved as text by LibreOffice: one line per cell, a blank line an empty cell.
        proposals.append(("stream", lambda: stream.read_cell_stream(text, name, blank_cells=True)))
    # Only where the csv reading cannot place the cells: no header it accepts, or rows short of
    # cells (a full tab export is the csv reader's, and a large one is not read twice).
    tabbed = delimited.tab_cell_stream(text) if "\t" in text and (
        delim != "\t" or ragged) else None
    if tabbed is not None:
        # A web page's table copied by a browser: its rows' cells as a stream, so that rows
        # shifted under merged cells and headers of unknown words align as streams do.
        proposals.append(("stream", lambda: stream.read_cell_stream(tabbed[0], name, line_of=tabbed[1])))
    piped = delimited.pipe_cell_stream(text)
    if piped is not None:
        # Pipes close cells (a bare | is an empty cell), or only mark where lines were
        # cut (a cell wrapped over pipe-ended lines): both readings compete; on a tie the
        # reading that keeps the cells the pipes state wins (proposed first).
        # Lines after the last one a pipe closed are the page's in both.
        ends = delimited.pipe_cell_ends(text)
        last_cell = max(ends, default=None)
        proposals.append(("stream", lambda: stream.read_cell_stream(piped, name, cell_ends=ends,
                                                                     last_cell=last_cell)))
        proposals.append(("stream", lambda: stream.read_cell_stream(piped, name, last_cell=last_cell)))
        # The same stream where lines of bare pipes close rows of one width.
        proposals.append(("pipe_rows", lambda: piperows.read_pipe_rows(text, name)))
    # A ruled table in pdftotext's cell-by-cell order (readers/cellorder.py); on a tie
    # with a reading of space-separated rows it wins: it reads the line breaks too.
    proposals.append(("cell_order", lambda: cellorder.read_cell_order(as_written, name, fixer.fix)))
    # A ruled table in plain pdftotext's column blocks (readers/columnblocks.py).
    proposals.append(("column_blocks", lambda: columnblocks.read_column_blocks(as_written, name, fixer.fix)))
    proposals.append(("space_rows", lambda: spacerows.read_space_rows(text, name)))
    # The same rows cut at the header's column offsets in display width (readers/offsetrows.py).
    proposals.append(("space_rows", lambda: offsetrows.read_offset_rows(text, name)))
    # Cells wrapped side by side, line by line across the page (readers/plumberrows.py).
    if (plumbed := plumberrows.propose(text, name)) is not None:
        proposals.append((plumbed[0], lambda: plumbed[1]))
    # PDF text with its layout kept, rebuilt from the runs' offsets in characters, as pdftotext
    # places runs (readers/layoutgrid.py; a table typed and padded by display width is the
    # offset reading's above).
    proposals.append(("layout", lambda: layoutgrid.read_layout_grid(as_written, name, fixer.fix)))
    if records.has_fields(text):
        proposals.append(("records", lambda: records.read_records(text, name)))
    if any(text_table._header_fields(line) for line in text.split("\n")[:80]):
        proposals.append(("text_table", lambda: text_table.read_text_table(text, name)))
    proposals.append(("prose", lambda: prose.read_prose(text, name)))
    best, runner_up = best_of(proposals)
    if best is None:
        raise SourceFormatError(no_table_message(text, name), path=name)
    events, meta = best.events, best.meta
    review = tuple(fixer.review) + meta.review
    # A CSV/TSV line is split at its delimiter (a cell's text may continue on the next lines).
    account = account_lines(text, events, meta, delim if best.reader in ("csv", "csv_ragged") else None)
    noted = {r[2] for r in review if r[0] == L.REVIEW_SKIPPED}  # a line the reader already put on 待核对
    review += tuple((L.REVIEW_SKIPPED, L.NOTE_LOST_LINE, line, source) for line, source in account.lost
                    if line not in noted)
    if runner_up is not None and runner_up.score >= 0.9 * best.score and not agree(best.events, runner_up.events):
        review += ((L.REVIEW_STRUCTURE, L.NOTE_RUNNER_UP.format(
            chosen=L.READER_NAMES.get(best.reader, best.reader),
            other=L.READER_NAMES.get(runner_up.reader, runner_up.reader)), None, ""),)
    return events, dataclasses.replace(meta, review=review,
                                       lines=(account.total, account.read, account.skipped))


def agree(a: list[Event], b: list[Event]) -> bool:
    """Whether two readings find the same requirements (nine in ten of them,
    by their opening words): a close runner-up that agrees is no ambiguity."""
    from xltools.importing.readers.rows import RawRow
    from xltools.text import clean_text

    def keys(events: list[Event]) -> set[str]:
        return {clean_text(e.requirement)[:12] for e in events if isinstance(e, RawRow) and e.requirement.strip()}

    ka, kb = keys(a), keys(b)
    return bool(ka) and len(ka & kb) >= 0.9 * max(len(ka), len(kb))


def no_table_message(text: str, name: str) -> str:
    """What the importer saw (header words and their lines) and what to do."""
    from xltools.importing.readers.columns import header_score

    seen: list[str] = []
    for i, line in enumerate(text.split("\n"), start=1):
        for word in re.split(r"[\s|│｜,，\t]+", line.strip()):
            if word and header_score(word) >= 3:
                seen.append(L.SEEN_HEADER_WORD.format(line=i, word=word))
        if len(seen) >= 8:
            break
    if seen:
        return L.MSG_NO_TABLE_SEEN.format(path=name, seen="、".join(seen))
    return L.MSG_NO_TABLE_NOTHING_SEEN.format(path=name)
