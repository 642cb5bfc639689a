"""Readers of original task tables. Each turns one kind of input into
(events, SourceMeta) for `xltools.importing.builder.build_plan`.

`read_source` picks the reader from the content (not only the extension):
a zip with ``word/`` is a Word document, with ``xl/`` an Excel workbook; an
OLE file is .xls/.et (a workbook stream) or .doc/.wps; HTML markers mean a
saved web page; anything else is text, read as a delimited table (pipe,
tab, csv), a space-separated dump with a header line, a dump with one cell
per line, or prose (numbered items with their units).
"""

from __future__ import annotations

import dataclasses
import io
import re
import zipfile
from pathlib import PurePath

from xltools import labels as L
from xltools.errors import InputError, SourceFormatError
from xltools.importing.readers.layout import Layout, use_layout
from xltools.importing.readers.plaintext import Result, read_text

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_HTML_MARKERS = re.compile(rb"<\s*(?:!doctype\s+html|html|body|table|head|meta|div|p)\b", re.I)


def detect_format(data: bytes, name: str = "") -> str:
    """One of docx, xlsx, xls, doc, odt, ods, rtf, pdf, ofd, image, html, text."""
    ext = PurePath(name).suffix.lower()
    if data[:4] == b"PK\x03\x04":
        try:
            names = zipfile.ZipFile(io.BytesIO(data)).namelist()
        except zipfile.BadZipFile:
            names = []
        if any(n.startswith("word/") for n in names):
            return "docx"
        if any(n.startswith("xl/") for n in names):
            return "xlsx"
        if "content.xml" in names:
            return "ods" if ext == ".ods" or b"spreadsheet" in data[:200] else "odt"
        if "OFD.xml" in names or "/OFD.xml" in names:
            return "ofd"
        raise InputError(L.MSG_UNSUPPORTED_FORMAT.format(path=name, detail="zip"), path=name)
    if data[:8] == OLE_MAGIC:
        # Stream names are stored in UTF-16LE in the OLE directory.
        if "WordDocument".encode("utf-16-le") in data:
            return "doc"
        if any((n + "\0").encode("utf-16-le") in data for n in ("Workbook", "Book")):
            return "xls"
        return "doc"
    if data[:5] == b"{\\rtf":
        return "rtf"
    if data[:5] == b"%PDF-":
        return "pdf"
    if data[:8] == b"\x89PNG\r\n\x1a\n" or data[:3] == b"\xff\xd8\xff" or data[:4] in (b"II*\x00", b"MM\x00*"):
        return "image"
    head = data[:4096]
    if ext in (".htm", ".html", ".mht") or _HTML_MARKERS.search(head) or b"<table" in data.lower():
        return "html"
    return "text"


def read_source(data: bytes, name: str, *, simplified: bool = True, layout: Layout | None = None) -> Result:
    """Read an original table given as bytes (``name`` for messages and as a
    hint). ``simplified``: convert Traditional characters to Simplified.
    ``layout``: where the header is and what the columns are, when a person
    tells the importer (``--header-line`` / ``--columns``)."""
    if not data.strip():
        raise InputError(L.MSG_EMPTY_INPUT.format(path=name), path=name)
    from xltools.io.guard import check_package

    check_package(data, name)  # zip bombs, damaged or encrypted packages: refused unparsed
    with use_layout(layout):
        return _read_source(data, name, simplified)


def _read_source(data: bytes, name: str, simplified: bool) -> Result:
    fmt = detect_format(data, name)
    if fmt == "docx":
        from xltools.importing.readers.docx import read_docx

        return read_docx(data, name, simplified=simplified)
    if fmt == "xlsx":
        from xltools.importing.readers.xlsx import read_xlsx

        return read_xlsx(data, name, simplified=simplified)
    if fmt == "xls":
        from xltools.importing.readers.xlsx import read_xls

        return read_xls(data, name, simplified=simplified)
    if fmt in ("doc", "rtf", "odt", "ods"):
        return _read_legacy(data, name, fmt, simplified)
    if fmt == "pdf":
        return _read_pdf(data, name, simplified)
    if fmt == "ofd":
        from xltools.importing.readers.ofd import read_ofd

        tables, text = read_ofd(data, name, simplified=simplified)
        return _table_or_prose(tables, text, (), name, simplified, L.MSG_OFD_TABLE)
    if fmt == "image":
        from xltools.importing.readers.ocr import read_image
        from xltools.importing.readers.pdf import read_pages

        pages = read_image(data, name)  # OCR, then the PDF grid reader
        review = tuple(note for page in pages for note in page.review)
        tables, _text = read_pages(pages, name, simplified=simplified, review=review)
        if tables is not None:
            return tables
        text = "\n".join(ln for page in pages for ln in page.lines)
        return _scanned_text(text, review, name, simplified, L.MSG_IMAGE_TABLE)
    from xltools.importing.readers.decode import decode_text_lines

    text, bad_lines = decode_text_lines(data, name)
    if fmt == "html":
        from xltools.importing.readers.html import read_html

        return _decode_notes(read_html(text, name, simplified=simplified), text, bad_lines)
    return _decode_notes(read_text(text, name, simplified=simplified), text, bad_lines)


def _read_legacy(data: bytes, name: str, fmt: str, simplified: bool) -> Result:
    """.doc/.rtf/.odt → .docx and .ods → .xlsx with LibreOffice, then the reader of that format."""
    from xltools.importing.readers.legacy import convert

    if fmt == "ods":
        from xltools.importing.readers.xlsx import read_xlsx

        return read_xlsx(convert(data, name, fmt, "xlsx"), name, simplified=simplified)
    from xltools.importing.readers.docx import read_docx

    return read_docx(convert(data, name, fmt, "docx"), name, simplified=simplified)


def _decode_notes(result: Result, text: str, bad_lines: list[int]) -> Result:
    """A review note for each line where undecodable bytes were replaced."""
    if not bad_lines:
        return result
    import dataclasses

    events, meta = result
    lines = text.split("\n")
    notes = tuple((L.REVIEW_ENCODING, L.NOTE_BAD_BYTES.format(lines=n), n, lines[n - 1].strip()[:200])
                  for n in bad_lines)
    return events, dataclasses.replace(meta, review=notes + meta.review)


def _read_pdf(data: bytes, name: str, simplified: bool) -> Result:
    """A digital PDF's ruled task table is read as a grid (readers/pdf.py);
    a PDF without one is read as prose (work points) from its text; pages
    without a text layer (scans) are read by OCR (readers/ocr.py)."""
    from xltools.importing.readers.legacy import pdf_text
    from xltools.importing.readers.pdf import read_pdf_document

    tables, text, review, ocr_text = read_pdf_document(data, name, simplified=simplified)
    if tables is None and ocr_text.strip():
        return _scanned_text(ocr_text, review, name, simplified, L.MSG_PDF_TABLE)
    if tables is None and not text.strip() and not review:
        text = pdf_text(data, name)
    return _table_or_prose(tables, text, review, name, simplified, L.MSG_PDF_TABLE)


def _scanned_text(text: str, review: tuple, name: str, simplified: bool, message: str) -> Result:
    """A scan without a ruled table: its text lines as OCR read them (the
    text boxes of a line apart by tabs) go to the text readers, which compete
    as for a text file (a table aligned by spaces, one cell per line, prose)."""
    try:
        events, meta = read_text(text, name, simplified=simplified)
    except SourceFormatError as exc:
        raise SourceFormatError(message.format(path=name), path=name) from exc
    return events, dataclasses.replace(meta, review=tuple(review) + meta.review)


def _table_or_prose(tables: Result | None, text: str, review: tuple, name: str, simplified: bool,
                    message: str) -> Result:
    """The task table read from a page layout (PDF, OFD, scan), or else its
    text read as prose (work points); ``review``: notes of OCR'd pages,
    already in ``tables``."""
    from xltools.importing.readers import prose
    from xltools.importing.readers.cleanup import Fixer

    if tables is not None:
        return tables
    fixer = Fixer(text, simplified)
    found = prose.read_prose(fixer.fix_text(text), name)
    if found is None or not found[0]:
        raise SourceFormatError(message.format(path=name), path=name)
    events, meta = found
    return events, dataclasses.replace(meta, review=tuple(review) + tuple(fixer.review) + meta.review)
