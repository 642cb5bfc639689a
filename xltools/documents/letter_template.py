"""The default letter template (templates/letter.docx), built from code.

The template is an ordinary Word document with docxtpl (Jinja2) tags; staff
restyle or reword it in Word. This module only *makes* the default file; the
letters are rendered from whatever template file is used (see letters.py).

Layout follows GB/T 9704-2012 (党政机关公文格式): A4; margins top 37 mm,
bottom 35, left 28, right 26; body 三号 (16 pt) 仿宋_GB2312 (fallback 仿宋);
title 二号 (22 pt) 方正小标宋简体; first-level headings 黑体, second-level 楷体;
22 lines × 28 characters per page (fixed line pitch 28.95 pt and a document
grid); page numbers 四号 宋体 ``— 1 —``, odd pages right, even pages left,
one character in from the edge; table header row repeated on every page.

Regenerate with ``python -m xltools.documents.letter_template -o templates/letter.docx --force``.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
from collections.abc import Sequence
from pathlib import Path

import docx
from docx.document import Document
from docx.enum.section import WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm
from lxml import etree

from xltools import labels as L
from xltools.io.fileio import write_bytes

# ---------------------------------------------------------------- geometry
PAGE_WIDTH_MM, PAGE_HEIGHT_MM = 210, 297
MARGIN_TOP_MM, MARGIN_BOTTOM_MM, MARGIN_LEFT_MM, MARGIN_RIGHT_MM = 37, 35, 28, 26
FOOTER_DISTANCE_MM = 25  # puts the page number ~7 mm below the text block
LINES_PER_PAGE = 22
CHARS_PER_LINE = 28
BODY_PT = 16  # 三号
TITLE_PT = 22  # 二号
PAGE_NUMBER_PT = 14  # 四号
TABLE_PT = 12  # 小四
TWIPS_PER_MM = 1440 / 25.4

TEXT_WIDTH_TWIPS = round((PAGE_WIDTH_MM - MARGIN_LEFT_MM - MARGIN_RIGHT_MM) * TWIPS_PER_MM)
TEXT_HEIGHT_TWIPS = round((PAGE_HEIGHT_MM - MARGIN_TOP_MM - MARGIN_BOTTOM_MM) * TWIPS_PER_MM)
# 225 mm / 22 lines = 28.95 pt (579 twips) per line.
LINE_PITCH_TWIPS = TEXT_HEIGHT_TWIPS // LINES_PER_PAGE
# 28 characters in the 156 mm text width: each 16 pt character is condensed by
# 0.25 pt (w:spacing, in twentieths of a point). A line grid (w:docGrid
# type="lines") keeps 22 lines; a character grid is not used because
# LibreOffice lays it out differently from Word.
CHAR_CONDENSE_TWENTIETHS = -5
assert CHARS_PER_LINE * (BODY_PT * 20 + CHAR_CONDENSE_TWENTIETHS) <= TEXT_WIDTH_TWIPS
TITLE_LINE_TWIPS = 700  # 35 pt for a two-line 22 pt title
# A title line holds 20 二号 characters in the text width; letters.title_lines
# breaks at 19 (display width 38: CJK 2, ASCII 1) to leave room for rounding.
TITLE_LINE_WIDTH = 38
TABLE_LINE_TWIPS = 360  # 18 pt inside tables

# Column widths (mm) of the requirement tables: 编号 任务 具体要求 其他单位 完成时限;
# without 完成时限 (no row of the letter has one) 具体要求 takes its width.
TABLE_COLUMNS_MM = (14, 24, 60, 36, 22)
TABLE_COLUMNS_NO_DEADLINE_MM = (14, 24, 82, 36)

# ------------------------------------------------------------------ fonts
LATIN_FONT = "Times New Roman"
BODY_FONT = L.FONT_BODY
TITLE_FONT = L.FONT_TITLE
HEADING1_FONT = L.FONT_HEADING1
HEADING2_FONT = L.FONT_HEADING2
PAGE_NUMBER_FONT = L.FONT_PAGE_NUMBER
# fontTable entries: name → (fallback Word uses when the font is missing, panose).
FONT_FALLBACKS = {
    L.FONT_BODY: (L.FONT_BODY_FALLBACK, "02010609030101010101"),
    L.FONT_TITLE: (L.FONT_TITLE_FALLBACK, "02000000000000000000"),
    L.FONT_HEADING1: ("SimHei", "02010609060101010101"),
    L.FONT_HEADING2: (L.FONT_HEADING2_FALLBACK, "02010609030101010101"),
    L.FONT_PAGE_NUMBER: ("SimSun", "02010600030101010101"),
}

# The tags of the default template (docs/letters.md documents them).
TAG_ROWS_GROUP = "{%tr for r in g.rows %}"
TAG_ROWS_GENERAL = "{%tr for r in general %}"
TAG_ROWS_END = "{%tr endfor %}"
ROW_TAGS = ("{{ r.id }}", "{{ r.task }}", "{{ r.text }}", "{{ r.others }}", "{{ r.deadline }}")


# ---------------------------------------------------------------- helpers
# Every variable the letter template may use (docs/letters.md documents each one).
CONTEXT_KEYS = frozenset({
    "unit", "unit_kind", "unit_contact", "unit_phone", "title", "letter_title", "year",
    "issuer", "doc_number", "feedback_deadline", "contact", "phone", "contact_line", "date",
    "progress_file", "groups", "rows", "general", "total", "no",
    "title_lines", "general_tasks", "general_style", "attachments", "attachment_lines",
    "attachment_files", "table_ref", "functional", "show_deadline", "sealed", "sign_issuer",
    "sign_date", "masthead", "masthead_title", "delivery", "round", "notice", "annex",
    "annex_no",
})


def _el(tag: str, **attrs: str) -> etree._Element:
    el = OxmlElement(tag)
    for key, value in attrs.items():
        el.set(qn(f"w:{key}"), str(value))
    return el


def _child(parent: etree._Element, tag: str, *, first: bool = False) -> etree._Element:
    """The child ``tag`` of ``parent``, created when missing."""
    found = parent.find(qn(tag))
    if found is None:
        found = OxmlElement(tag)
        if first:
            parent.insert(0, found)
        else:
            parent.append(found)
    return found


# Schema order of the children of w:pPr and w:rPr (Word rejects out-of-order XML).
PPR_ORDER = ("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl",
             "numPr", "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens",
             "kinsoku", "wordWrap", "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN",
             "bidi", "adjustRightInd", "snapToGrid", "spacing", "ind", "contextualSpacing",
             "mirrorIndents", "suppressOverlap", "jc", "textDirection", "textAlignment",
             "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange")
RPR_ORDER = ("rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike",
             "outline", "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish",
             "webHidden", "color", "spacing", "w", "kern", "position", "sz", "szCs", "highlight",
             "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em", "lang",
             "eastAsianLayout", "specVanish", "oMath")
_ORDERS = {qn("w:pPr"): PPR_ORDER, qn("w:rPr"): RPR_ORDER}


def _local(el: etree._Element) -> str:
    return etree.QName(el).localname


def _replace(parent: etree._Element, el: etree._Element, *, first: bool = False) -> etree._Element:
    """Put ``el`` into ``parent``, replacing a child of the same tag, in schema order."""
    old = parent.find(el.tag)
    if old is not None:
        parent.replace(old, el)
        return el
    order = _ORDERS.get(parent.tag)
    if order is not None and _local(el) in order:
        rank = order.index(_local(el))
        for child in parent:
            name = _local(child)
            if name in order and order.index(name) > rank:
                child.addprevious(el)
                return el
        parent.append(el)
    elif first:
        parent.insert(0, el)
    else:
        parent.append(el)
    return el


def set_fonts(rpr: etree._Element, east_asia: str, latin: str = LATIN_FONT) -> None:
    """Set the fonts of an ``w:rPr`` explicitly (theme fonts removed, ``w:eastAsia`` set)."""
    _replace(rpr, _el("w:rFonts", ascii=latin, hAnsi=latin, cs=latin, eastAsia=east_asia,
                      hint="eastAsia"), first=True)


def set_size(rpr: etree._Element, points: float) -> None:
    half = str(round(points * 2))
    _replace(rpr, _el("w:sz", val=half))
    _replace(rpr, _el("w:szCs", val=half))


def _clean_rpr(rpr: etree._Element) -> None:
    for tag in ("w:b", "w:bCs", "w:i", "w:iCs", "w:color", "w:spacing", "w:kern"):
        for el in rpr.findall(qn(tag)):
            rpr.remove(el)


def _clean_ppr(ppr: etree._Element) -> None:
    for tag in ("w:pBdr", "w:contextualSpacing", "w:tabs", "w:numPr", "w:spacing", "w:ind",
                "w:jc", "w:snapToGrid"):
        for el in ppr.findall(qn(tag)):
            ppr.remove(el)


def _ppr_append(ppr: etree._Element, *els: etree._Element) -> None:
    """Add (or replace) pPr children in schema order."""
    for el in els:
        _replace(ppr, el)


def _spacing(line_twips: int, exact: bool = True) -> etree._Element:
    return _el("w:spacing", before="0", after="0", line=str(line_twips),
               lineRule="exact" if exact else "auto")


def _indent_chars(first_line_chars: int = 0, left_chars: int = 0, right_chars: int = 0,
                  size_pt: float = BODY_PT) -> etree._Element:
    """An indent in characters (Word's *Chars attributes) with the twip equivalent."""
    twips_per_char = round(size_pt * 20)
    el = _el("w:ind")
    if left_chars:
        el.set(qn("w:leftChars"), str(left_chars * 100))
        el.set(qn("w:left"), str(left_chars * twips_per_char))
    if right_chars:
        el.set(qn("w:rightChars"), str(right_chars * 100))
        el.set(qn("w:right"), str(right_chars * twips_per_char))
    if first_line_chars:
        el.set(qn("w:firstLineChars"), str(first_line_chars * 100))
        el.set(qn("w:firstLine"), str(first_line_chars * twips_per_char))
    return el


def _style_base(style, east_asia: str, size_pt: float) -> tuple[etree._Element, etree._Element]:
    el = style.element
    ppr = el.get_or_add_pPr()
    rpr = el.get_or_add_rPr()
    _clean_ppr(ppr)
    _clean_rpr(rpr)
    set_fonts(rpr, east_asia)
    set_size(rpr, size_pt)
    return ppr, rpr


# ----------------------------------------------------------------- styles
def _setup_styles(doc: Document) -> None:
    styles_el = doc.styles.element
    defaults = _child(styles_el, "w:docDefaults", first=True)
    rpr = _child(_child(defaults, "w:rPrDefault", first=True), "w:rPr")
    set_fonts(rpr, BODY_FONT)
    set_size(rpr, BODY_PT)
    _replace(rpr, _el("w:spacing", val=str(CHAR_CONDENSE_TWENTIETHS)))
    _replace(rpr, _el("w:lang", val="en-US", eastAsia="zh-CN", bidi="ar-SA"))
    ppr = _child(_child(defaults, "w:pPrDefault"), "w:pPr")
    _replace(ppr, _spacing(LINE_PITCH_TWIPS))

    normal = doc.styles["Normal"]
    ppr, _ = _style_base(normal, BODY_FONT, BODY_PT)
    _ppr_append(ppr, _spacing(LINE_PITCH_TWIPS), _el("w:jc", val="both"))

    body = doc.styles["Body Text"]
    ppr, _ = _style_base(body, BODY_FONT, BODY_PT)
    _ppr_append(ppr, _spacing(LINE_PITCH_TWIPS), _indent_chars(first_line_chars=2),
                _el("w:jc", val="both"))

    title = doc.styles["Title"]
    ppr, _ = _style_base(title, TITLE_FONT, TITLE_PT)
    _ppr_append(ppr, _el("w:snapToGrid", val="0"), _spacing(TITLE_LINE_TWIPS),
                _el("w:jc", val="center"))

    for name, font in (("Heading 1", HEADING1_FONT), ("Heading 2", HEADING2_FONT)):
        style = doc.styles[name]
        ppr, _ = _style_base(style, font, BODY_PT)
        _ppr_append(ppr, _spacing(LINE_PITCH_TWIPS), _indent_chars(first_line_chars=2))
    # The linked character styles carry theme fonts and colours too.
    for name, font in (("Heading 1 Char", HEADING1_FONT), ("Heading 2 Char", HEADING2_FONT),
                       ("Title Char", TITLE_FONT)):
        rpr = doc.styles[name].element.get_or_add_rPr()
        _clean_rpr(rpr)
        set_fonts(rpr, font)

    footer = doc.styles["Footer"]
    ppr, _ = _style_base(footer, PAGE_NUMBER_FONT, PAGE_NUMBER_PT)
    set_fonts(footer.element.get_or_add_rPr(), PAGE_NUMBER_FONT, latin=PAGE_NUMBER_FONT)
    _ppr_append(ppr, _el("w:snapToGrid", val="0"), _spacing(240, exact=False))

    text = doc.styles.add_style(L.TPL_STYLE_TABLE_TEXT, WD_STYLE_TYPE.PARAGRAPH)
    text.style_id = "TableText"  # ASCII ids, as Word itself writes them
    text.base_style = normal
    ppr, _ = _style_base(text, BODY_FONT, TABLE_PT)
    _ppr_append(ppr, _el("w:snapToGrid", val="0"), _spacing(TABLE_LINE_TWIPS),
                _el("w:jc", val="left"))

    header = doc.styles.add_style(L.TPL_STYLE_TABLE_HEADER, WD_STYLE_TYPE.PARAGRAPH)
    header.style_id = "TableHeader"
    header.base_style = text
    ppr, _ = _style_base(header, HEADING1_FONT, TABLE_PT)
    _ppr_append(ppr, _el("w:snapToGrid", val="0"), _spacing(TABLE_LINE_TWIPS),
                _el("w:jc", val="center"))


def _setup_font_table(doc: Document) -> None:
    """Declare the Chinese fonts with their fallbacks (w:altName) in fontTable.xml."""
    part = next(r.target_part for r in doc.part.rels.values() if r.reltype.endswith("/fontTable"))
    root = etree.fromstring(part.blob)
    for name, (alt, panose) in FONT_FALLBACKS.items():
        font = etree.SubElement(root, qn("w:font"))
        font.set(qn("w:name"), name)
        etree.SubElement(font, qn("w:altName")).set(qn("w:val"), alt)
        etree.SubElement(font, qn("w:panose1")).set(qn("w:val"), panose)
        etree.SubElement(font, qn("w:charset")).set(qn("w:val"), "86")  # GB2312
        etree.SubElement(font, qn("w:family")).set(qn("w:val"), "modern")
        etree.SubElement(font, qn("w:pitch")).set(qn("w:val"), "fixed")
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _setup_settings(doc: Document) -> None:
    settings = doc.settings.element
    lang = settings.find(qn("w:themeFontLang"))
    if lang is not None:
        lang.set(qn("w:eastAsia"), "zh-CN")
    doc.settings.odd_and_even_pages_header_footer = True


def _drop_thumbnail(doc: Document) -> None:
    """python-docx's default package carries a preview of an empty page; drop it."""
    rels = doc.part.package.rels
    for rid, rel in list(rels.items()):
        if rel.reltype.endswith("/thumbnail"):
            del rels[rid]


# ----------------------------------------------------------------- layout
def _setup_section(doc: Document) -> None:
    section = doc.sections[0]
    section.start_type = WD_SECTION.NEW_PAGE
    section.page_width, section.page_height = Mm(PAGE_WIDTH_MM), Mm(PAGE_HEIGHT_MM)
    section.top_margin, section.bottom_margin = Mm(MARGIN_TOP_MM), Mm(MARGIN_BOTTOM_MM)
    section.left_margin, section.right_margin = Mm(MARGIN_LEFT_MM), Mm(MARGIN_RIGHT_MM)
    section.header_distance = Mm(15)
    section.footer_distance = Mm(FOOTER_DISTANCE_MM)
    section.gutter = 0
    grid = section._sectPr.find(qn("w:docGrid"))
    if grid is None:
        grid = _el("w:docGrid")
        section._sectPr.append(grid)
    grid.set(qn("w:type"), "lines")
    grid.set(qn("w:linePitch"), str(LINE_PITCH_TWIPS))
    _page_number(section.footer.paragraphs[0], odd=True)
    section.footer.is_linked_to_previous = False
    _page_number(section.even_page_footer.paragraphs[0], odd=False)


def _page_number(paragraph, *, odd: bool) -> None:
    """``— N —``: odd pages right, even pages left, one character in from the edge."""
    paragraph.style = "Footer"
    ppr = paragraph._p.get_or_add_pPr()
    if odd:
        _ppr_append(ppr, _indent_chars(right_chars=1, size_pt=PAGE_NUMBER_PT),
                    _el("w:jc", val="right"))
    else:
        _ppr_append(ppr, _indent_chars(left_chars=1, size_pt=PAGE_NUMBER_PT),
                    _el("w:jc", val="left"))
    paragraph.add_run("— ")
    for kind, text in (("begin", None), ("instr", " PAGE "), ("separate", None), ("text", "1"),
                       ("end", None)):
        run = paragraph.add_run()
        if kind == "instr":
            instr = _el("w:instrText")
            instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            instr.text = text
            run._r.append(instr)
        elif kind == "text":
            run.text = text
        else:
            run._r.append(_el("w:fldChar", fldCharType=kind))
    paragraph.add_run(" —")


def _para(doc: Document, text: str = "", style: str = "Normal", *, align: str | None = None,
          right_chars: int = 0, keep_next: bool = False, no_autospace: bool = False):
    """A paragraph; ``no_autospace``: no extra space between Chinese and digits (the 落款
    lines are placed by their leading blank, counted without it)."""
    p = doc.add_paragraph(text, style=style)
    ppr = p._p.get_or_add_pPr()
    if no_autospace:
        _ppr_append(ppr, _el("w:autoSpaceDE", val="0"), _el("w:autoSpaceDN", val="0"))
    if right_chars:
        _ppr_append(ppr, _indent_chars(right_chars=right_chars))
    if align:
        _ppr_append(ppr, _el("w:jc", val=align))
    if keep_next:
        p.paragraph_format.keep_with_next = True
    return p


MASTHEAD_PT = 30  # 发文机关标志: red 小标宋, at most 14 characters on the 156 mm line
RED = "FF0000"


def _masthead(doc: Document) -> None:
    """The red 发文机关标志 ``{{ masthead_title }}``, centred."""
    p = _para(doc, "{{ masthead_title }}", "Title", align="center")
    ppr = p._p.get_or_add_pPr()
    _ppr_append(ppr, _spacing(round(MASTHEAD_PT * 20 * 1.3)))
    rpr = p.runs[0]._r.get_or_add_rPr()
    set_fonts(rpr, TITLE_FONT)
    _replace(rpr, _el("w:color", val=RED))
    set_size(rpr, MASTHEAD_PT)


def _rule(doc: Document, text: str, kind: str, *, align: str | None = None) -> None:
    """A paragraph with the red 分隔线 below it (``kind``: single, or thickThinSmallGap
    for the double line of 信函格式), as wide as the text block."""
    p = _para(doc, text, align=align)
    ppr = p._p.get_or_add_pPr()
    border = _el("w:pBdr")
    border.append(_el("w:bottom", val=kind, sz="12" if kind == "single" else "24", space="6",
                      color=RED))
    _ppr_append(ppr, border)


def _table(doc: Document, loop_tag: str, *, deadline: bool = True) -> None:
    """A requirement table: header row (repeated on each page) + one looped row; no
    row is split across pages. ``deadline``: with the 完成时限 column."""
    columns_mm = TABLE_COLUMNS_MM if deadline else TABLE_COLUMNS_NO_DEADLINE_MM
    widths = [round(mm * TWIPS_PER_MM) for mm in columns_mm]
    widths[-1] += TEXT_WIDTH_TWIPS - sum(widths)  # exact text width
    table = doc.add_table(rows=4, cols=len(widths))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    tbl_pr = table._tbl.tblPr
    _replace(tbl_pr, _el("w:tblW", w=str(TEXT_WIDTH_TWIPS), type="dxa"))
    _replace(tbl_pr, _el("w:tblLayout", type="fixed"))
    look = tbl_pr.find(qn("w:tblLook"))
    if look is not None:
        tbl_pr.remove(look)
    for col, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths):
        col.set(qn("w:w"), str(width))
    rows = table.rows
    header_tr = rows[0]._tr
    tr_pr = header_tr.get_or_add_trPr()
    tr_pr.append(_el("w:cantSplit"))
    tr_pr.append(_el("w:tblHeader"))
    row_tr_pr = rows[2]._tr.get_or_add_trPr()
    row_tr_pr.append(_el("w:cantSplit"))
    contents = (L.TPL_TABLE_HEADERS[:len(widths)], (loop_tag,) + ("",) * (len(widths) - 1),
                ROW_TAGS[:len(widths)], (TAG_ROWS_END,) + ("",) * (len(widths) - 1))
    for r, (row, texts) in enumerate(zip(rows, contents)):
        for c, (cell, text) in enumerate(zip(row.cells, texts)):
            cell.width = widths[c]
            tc_pr = cell._tc.get_or_add_tcPr()
            _replace(tc_pr, _el("w:tcW", w=str(widths[c]), type="dxa"))
            tc_pr.append(_el("w:vAlign", val="center"))
            p = cell.paragraphs[0]
            p.style = doc.styles[L.TPL_STYLE_TABLE_HEADER if r == 0 else L.TPL_STYLE_TABLE_TEXT]
            if r == 2 and c in (0, 4):
                _ppr_append(p._p.get_or_add_pPr(), _el("w:jc", val="center"))
            if text:
                p.add_run(text)


def build_template() -> Document:
    """The default letter template as a python-docx Document."""
    doc = docx.Document()
    _setup_styles(doc)
    _setup_font_table(doc)
    _setup_settings(doc)
    _drop_thumbnail(doc)
    _setup_section(doc)
    doc.core_properties.title = L.TPL_TEMPLATE_TITLE
    doc.core_properties.author = "xltools"
    doc.core_properties.last_modified_by = "xltools"
    doc.core_properties.comments = "docxtpl template; see docs/letters.md"

    # 版头 (说明 → 版头). 文件 (GB/T 9704 7.2): the red 发文机关标志, two blank lines, the
    # 发文字号 centred over a red line. 信函 (10.1): the 标志, a red double line (thick
    # above thin), the 发文字号 at the right. 无 (default): pre-printed 红头 paper, the
    # A unit's 附件 to the one 通知 (发文方式 统一通知): 附件N at the top left, its
    # title, then its requirements; no 版头, 主送, 反馈 or 落款.
    _para(doc, "{%p if annex %}")
    _para(doc, L.TPL_ANNEX_LABEL, align="left")
    _para(doc, "")
    _para(doc, L.TPL_ANNEX_TITLE, "Title", keep_next=True)
    _para(doc, "")
    _para(doc, "{%p else %}")
    # 发文字号 alone, centred, when set.
    _para(doc, '{%p if masthead == "文件" %}')
    _masthead(doc)
    _para(doc, "")
    _para(doc, "")
    _rule(doc, "{{ doc_number }}", "single", align="center")
    _para(doc, "")
    _para(doc, '{%p elif masthead == "信函" %}')
    _masthead(doc)
    _rule(doc, "", "thickThinSmallGap")
    _para(doc, "{%p if doc_number %}")
    _para(doc, "{{ doc_number }}", align="right")
    _para(doc, "{%p endif %}")
    _para(doc, "")
    _para(doc, "{%p elif doc_number %}")
    _para(doc, "{{ doc_number }}", align="center")
    _para(doc, "")
    _para(doc, "{%p endif %}")
    # The title broken at word boundaries (letters.title_lines), one paragraph a line.
    _para(doc, "{%p for line in title_lines %}")
    _para(doc, "{{ line }}", "Title", keep_next=True)
    _para(doc, "{%p endfor %}")
    _para(doc, "")
    _para(doc, "{{ unit }}：")
    _para(doc, "{% if notice %}" + L.TPL_OPENING_NOTICE + "{% elif functional %}"
          + L.TPL_OPENING_FUNCTIONAL + "{% elif title %}"
          + L.TPL_OPENING + "{% else %}" + L.TPL_OPENING_NO_TITLE + "{% endif %}", "Body Text")
    _para(doc, "{%p endif %}")

    # 一、 the unit's own requirements, one table per role (a table without the
    # 完成时限 column when none of the letter's rows has one).
    _para(doc, "{%p if groups %}")
    _para(doc, L.TPL_HEADING_OWN, "Heading 1", keep_next=True)
    _para(doc, "{%p for g in groups %}")
    _para(doc, L.TPL_HEADING_GROUP, "Heading 2", keep_next=True)
    _para(doc, "{%p if show_deadline %}")
    _table(doc, TAG_ROWS_GROUP)
    _para(doc, "{%p else %}")
    _table(doc, TAG_ROWS_GROUP, deadline=False)
    _para(doc, "{%p endif %}")
    _para(doc, "{%p endfor %}")
    _para(doc, "{%p endif %}")

    # 二、 requirements for every department.
    # general_style: list (task titles + numbers, default), table (in full), annex (附件).
    _para(doc, "{%p if general %}")
    _para(doc, "{% if functional %}" + L.TPL_HEADING_FUNCTIONAL + "{% else %}"
          + L.TPL_HEADING_GENERAL + "{% endif %}", "Heading 1", keep_next=True)
    _para(doc, '{%p if general_style == "table" %}')
    _para(doc, L.TPL_GENERAL_INTRO, "Body Text", keep_next=True)
    _table(doc, TAG_ROWS_GENERAL)
    _para(doc, '{%p elif general_style == "annex" %}')
    _para(doc, L.TPL_GENERAL_ANNEX, "Body Text")
    _para(doc, "{%p else %}")
    _para(doc, L.TPL_GENERAL_INTRO_REF, "Body Text", keep_next=True)
    _para(doc, "{%p for t in general_tasks %}")
    _para(doc, L.TPL_GENERAL_ITEM, "Body Text", align="left")  # numbers: never stretched
    _para(doc, "{%p endfor %}")
    _para(doc, "{%p endif %}")
    _para(doc, "{%p endif %}")

    # 三、 feedback, contact. From here to the date every paragraph is kept with the
    # next, so the 落款 never stands alone on a page.
    _para(doc, "{%p if not annex %}")
    _para(doc, L.TPL_HEADING_FEEDBACK, "Heading 1", keep_next=True)
    _para(doc, L.TPL_FEEDBACK, "Body Text", keep_next=True)
    _para(doc, "{%p if contact_line %}")
    _para(doc, "{{ contact_line }}。", "Body Text", align="left", keep_next=True)
    _para(doc, "{%p endif %}")

    # 附件说明 (GB/T 9704 7.3.4): one line below the text, two characters in.
    _para(doc, "{%p if attachment_lines %}")
    _para(doc, "", keep_next=True)
    _para(doc, "{%p for a in attachment_lines %}")
    _para(doc, "{{ a }}", "Body Text", keep_next=True)
    _para(doc, "{%p endfor %}")
    _para(doc, "{%p endif %}")

    # 落款 (GB/T 9704 7.3.5): sealed (7.3.5.1), two blank lines for the seal, the date
    # 右空四字 and the issuer centred over it; not sealed (7.3.5.2), one blank line, the
    # issuer 右空二字 and the date two characters right of it. sign_issuer / sign_date
    # carry the leading blank that puts them there (letters.signature).
    _para(doc, "", keep_next=True)
    _para(doc, "{%p if sealed %}")
    _para(doc, "", keep_next=True)
    _para(doc, "{%p endif %}")
    _para(doc, "{%p if sign_issuer %}")
    _para(doc, "{{ sign_issuer }}", align="left", keep_next=True, no_autospace=True)
    _para(doc, "{%p endif %}")
    _para(doc, "{%p if sealed %}")
    _para(doc, "{{ sign_date }}", align="right", right_chars=4, no_autospace=True)
    _para(doc, "{%p else %}")
    _para(doc, "{{ sign_date }}", align="left", no_autospace=True)
    _para(doc, "{%p endif %}")
    _para(doc, "{%p endif %}")  # not annex
    return doc


def template_bytes() -> bytes:
    """The default template as .docx bytes."""
    buf = io.BytesIO()
    build_template().save(buf)
    return buf.getvalue()


def default_template_path() -> Path:
    """``templates/letter.docx`` of the repository (next to the package)."""
    import xltools

    return Path(xltools.__file__).resolve().parents[1] / "templates" / "letter.docx"


def write_template(path: str | os.PathLike[str] | None = None, *, force: bool = False) -> Path:
    """Write the default template (to templates/letter.docx unless ``path`` is given)."""
    target = Path(path) if path is not None else default_template_path()
    write_bytes(target, template_bytes(), force=force)
    return target


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m xltools.documents.letter_template",
                                     description="Write the default letter template.")
    parser.add_argument("-o", "--output", help="default: templates/letter.docx")
    parser.add_argument("--force", action="store_true", help="overwrite an existing file")
    args = parser.parse_args(argv)
    from xltools.errors import XltoolsError

    try:
        print(write_template(args.output, force=args.force))
    except XltoolsError as exc:
        print(f"{L.ERR_PREFIX}: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
