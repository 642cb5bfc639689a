"""Word documents of the progress cycle: the default 通报 and 催办 templates and
rendering a template, safely.

The templates are ordinary Word documents with docxtpl (Jinja2) tags that
staff may reword and restyle (templates/report.docx, templates/remind.docx;
their variables are listed in docs/progress.md). A template is hostile
input: it is cleaned and rendered by the one docx template engine of the
project (``documents.engine.LetterTemplate``, the letters' compiled engine) in
the bounded sandbox (no attribute walks to Python internals, a budget on work
and size), values are XML-escaped, and any template problem becomes a
TemplateError naming the file and the tag.

The default templates use the letters' GB/T 9704 page, fonts and styles
(``xltools.documents.letter_template``). Regenerate them with
``python -m xltools.progress.documents --force``.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import os
import sys
import weakref
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, IO

import docx
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml.ns import qn

from xltools.documents.docx_clean import clean_template_bytes
from xltools.documents.engine import LetterTemplate
from xltools.documents.sandbox import BoundedSandbox, bounded_sandbox

from xltools import labels as L
from xltools.documents import letter_template as LT
from xltools.errors import TemplateError
from xltools.io.fileio import is_file_like, read_input, write_bytes

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
REPORT_TEMPLATE = "report.docx"
REMIND_TEMPLATE = "remind.docx"
CHART_WIDTH_MM = 150

# Table columns (mm) of the default templates.
GOAL_COLUMNS = ((L.REPORT_GOAL_HEADERS[0], "{{ r.no }}", 8), (L.REPORT_GOAL_HEADERS[1], "{{ r.goal }}", 70),
                (L.REPORT_GOAL_HEADERS[2], "{{ r.count }}", 12),
                (L.REPORT_GOAL_HEADERS[3], "{{ r.due }}", 16), (L.REPORT_GOAL_HEADERS[4], "{{ r.done }}", 12),
                (L.REPORT_GOAL_HEADERS[5], "{{ r.rate }}", 16), (L.REPORT_GOAL_HEADERS[6], "{{ r.mark }}", 22))
# 督办: the 红 requirements grouped by unit.
RED_COLUMNS = ((L.REPORT_RED_HEADERS[0], "{{ r.unit }}", 34), (L.REPORT_RED_HEADERS[1], "{{ r.ids }}", 72),
               (L.REPORT_RED_HEADERS[2], "{{ r.count }}", 14), (L.REPORT_RED_HEADERS[3], "{{ r.why }}", 36))
EXT_COLUMNS = ((L.REPORT_EXT_HEADERS[0], "{{ r.unit }}", 34), (L.REPORT_EXT_HEADERS[1], "{{ r.id }}", 14),
               (L.REPORT_EXT_HEADERS[2], "{{ r.to }}", 40), (L.REPORT_EXT_HEADERS[3], "{{ r.reason }}", 68))
REMIND_COLUMNS = ((L.REMIND_HEADERS[0], "{{ r.id }}", 14), (L.REMIND_HEADERS[1], "{{ r.text }}", 78),
                  (L.REMIND_HEADERS[2], "{{ r.deadline }}", 24), (L.REMIND_HEADERS[3], "{{ r.owe }}", 40))


# ------------------------------------------------------------ templates
def _loop_table(doc, columns: Sequence[tuple[str, str, int]], loop: str) -> None:
    """A table: a header row (repeated on each page) and one row looped with ``{%tr %}``."""
    widths = [round(mm * LT.TWIPS_PER_MM) for _, _, mm in columns]
    widths[-1] += LT.TEXT_WIDTH_TWIPS - sum(widths)  # exactly the text width
    table = doc.add_table(rows=4, cols=len(widths))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    tbl_pr = table._tbl.tblPr
    LT._replace(tbl_pr, LT._el("w:tblW", w=str(LT.TEXT_WIDTH_TWIPS), type="dxa"))
    LT._replace(tbl_pr, LT._el("w:tblLayout", type="fixed"))
    for col, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths):
        col.set(qn("w:w"), str(width))
    header_pr = table.rows[0]._tr.get_or_add_trPr()
    header_pr.append(LT._el("w:cantSplit"))
    header_pr.append(LT._el("w:tblHeader"))
    table.rows[2]._tr.get_or_add_trPr().append(LT._el("w:cantSplit"))  # rows never split
    blank = ("",) * (len(widths) - 1)
    contents = ([c[0] for c in columns], (f"{{%tr for r in {loop} %}}", *blank),
                [c[1] for c in columns], ("{%tr endfor %}", *blank))
    for r, (row, texts) in enumerate(zip(table.rows, contents)):
        for c, (cell, text) in enumerate(zip(row.cells, texts)):
            cell.width = widths[c]
            tc_pr = cell._tc.get_or_add_tcPr()
            LT._replace(tc_pr, LT._el("w:tcW", w=str(widths[c]), type="dxa"))
            tc_pr.append(LT._el("w:vAlign", val="center"))
            p = cell.paragraphs[0]
            p.style = doc.styles[L.TPL_STYLE_TABLE_HEADER if r == 0 else L.TPL_STYLE_TABLE_TEXT]
            if text:
                p.add_run(text)


def _new_document(title: str):
    doc = docx.Document()
    LT._setup_styles(doc)
    LT._setup_font_table(doc)
    LT._setup_settings(doc)
    LT._drop_thumbnail(doc)
    LT._setup_section(doc)
    doc.core_properties.title = title
    doc.core_properties.author = "xltools"
    doc.core_properties.last_modified_by = "xltools"
    doc.core_properties.comments = "docxtpl template; see docs/progress.md"
    return doc


def _head(doc) -> None:
    LT._para(doc, "{%p if doc_number %}")
    LT._para(doc, "{{ doc_number }}", align="center")
    LT._para(doc, "{%p endif %}")
    # The title broken at word boundaries and balanced (letters.title_lines), a paragraph a line.
    LT._para(doc, "{%p for line in title_lines %}")
    LT._para(doc, "{{ line }}", "Title")
    LT._para(doc, "{%p endfor %}")
    LT._para(doc, "")


def _signature(doc) -> None:
    """落款 per GB/T 9704 7.3.5.1 (sealed): room for the seal, the date 右空四字, the
    issuer centred over it (sign_issuer / sign_date carry the leading blank)."""
    LT._para(doc, "", keep_next=True)
    LT._para(doc, "", keep_next=True)
    LT._para(doc, "{%p if sign_issuer %}")
    LT._para(doc, "{{ sign_issuer }}", align="left", keep_next=True, no_autospace=True)
    LT._para(doc, "{%p endif %}")
    LT._para(doc, "{{ sign_date }}", align="right", right_chars=4, no_autospace=True)


def build_report_template():
    """The default 通报 template (a python-docx Document)."""
    doc = _new_document(L.TPL_REPORT_TEMPLATE_TITLE)
    h = iter(L.REPORT_HEADINGS)
    _head(doc)
    LT._para(doc, "{%p if recipients %}")
    LT._para(doc, "{{ recipients }}：")  # 主送机关 (none in a 专报)
    LT._para(doc, "{%p endif %}")
    LT._para(doc, L.TPL_REPORT_OPENING, "Body Text")
    LT._para(doc, next(h), "Heading 1", keep_next=True)
    LT._para(doc, L.TPL_REPORT_OVERALL, "Body Text")
    LT._para(doc, "{{ chart }}", align="center", keep_next=True)
    LT._para(doc, L.TPL_REPORT_CHART_CAPTION, L.TPL_STYLE_TABLE_TEXT, align="center")
    LT._para(doc, next(h), "Heading 1", keep_next=True)
    LT._para(doc, L.TPL_REPORT_GOALS_INTRO, "Body Text", keep_next=True)
    _loop_table(doc, GOAL_COLUMNS, "goals")
    LT._para(doc, next(h), "Heading 1", keep_next=True)
    LT._para(doc, "{%p if overdue %}")
    LT._para(doc, L.TPL_REPORT_OVERDUE, "Body Text")
    LT._para(doc, "{%p else %}")
    LT._para(doc, L.TPL_REPORT_NO_OVERDUE, "Body Text")
    LT._para(doc, "{%p endif %}")
    LT._para(doc, next(h), "Heading 1", keep_next=True)
    LT._para(doc, "{%p if red_count %}")
    LT._para(doc, L.TPL_REPORT_RED, "Body Text", keep_next=True)
    _loop_table(doc, RED_COLUMNS, "red_units")
    LT._para(doc, "{%p else %}")
    LT._para(doc, L.TPL_REPORT_NO_RED, "Body Text")
    LT._para(doc, "{%p endif %}")
    LT._para(doc, next(h), "Heading 1", keep_next=True)
    LT._para(doc, "{%p if extension_count %}")
    LT._para(doc, L.TPL_REPORT_EXT_INTRO, "Body Text", keep_next=True)
    _loop_table(doc, EXT_COLUMNS, "extensions")
    LT._para(doc, "{%p else %}")
    LT._para(doc, L.TPL_REPORT_NO_EXTENSIONS, "Body Text")
    LT._para(doc, "{%p endif %}")
    next(h)
    LT._para(doc, L.TPL_REPORT_NEXT_HEADING, "Heading 1", keep_next=True)
    LT._para(doc, "{% if leaders %}" + L.TPL_REPORT_NEXT_LEADERS + "{% else %}" + L.TPL_REPORT_NEXT
             + "{% endif %}", "Body Text", keep_next=True)
    _signature(doc)
    return doc


def build_remind_template():
    """The default 催办 template (a python-docx Document)."""
    doc = _new_document(L.TPL_REMIND_TEMPLATE_TITLE)
    _head(doc)
    LT._para(doc, "{{ unit }}：")
    LT._para(doc, L.TPL_REMIND_OPENING, "Body Text")
    # A unit owing many rows gets one page: one sentence, or the numbers by what is owed.
    LT._para(doc, "{%p if compact %}")
    LT._para(doc, L.TPL_REMIND_ASK_ALL, "Body Text")
    LT._para(doc, "{%p elif groups %}")
    LT._para(doc, L.TPL_REMIND_ASK_GROUPS, "Body Text", keep_next=True)
    LT._para(doc, "{%p for g in groups %}")
    LT._para(doc, L.TPL_REMIND_GROUP, "Body Text", align="left")  # numbers: never stretched
    LT._para(doc, "{%p endfor %}")
    LT._para(doc, "{%p else %}")
    LT._para(doc, L.TPL_REMIND_ASK, "Body Text", keep_next=True)
    _loop_table(doc, REMIND_COLUMNS, "rows")
    LT._para(doc, "{%p endif %}")
    LT._para(doc, L.TPL_REMIND_HOW, "Body Text")
    LT._para(doc, L.TPL_REMIND_FIRM, "Body Text")
    LT._para(doc, "{%p if contact_line %}")
    LT._para(doc, "{{ contact_line }}。", "Body Text", keep_next=True)
    LT._para(doc, "{%p endif %}")
    _signature(doc)
    return doc


BUILDERS = {REPORT_TEMPLATE: build_report_template, REMIND_TEMPLATE: build_remind_template}


def template_bytes(name: str) -> bytes:
    buf = io.BytesIO()
    BUILDERS[name]().save(buf)
    return buf.getvalue()


def read_template(source: str | os.PathLike[str] | IO[bytes] | None, default: str) -> tuple[bytes, str]:
    """(template bytes, name for messages): ``source``, else templates/<default>
    (built in memory when the repository's templates folder is not there)."""
    if source is None:
        path = TEMPLATES / default
        if not path.is_file():
            return template_bytes(default), str(path)
        source = path
    if not is_file_like(source) and not Path(source).is_file():
        raise TemplateError(L.MSG_TEMPLATE_NOT_FOUND.format(path=source), path=str(source))
    return read_input(source)  # the input guard: no bomb, damaged or encrypted template


def read_clean_template(source: str | os.PathLike[str] | IO[bytes] | None, default: str
                        ) -> tuple[bytes, str, list[str]]:
    """``read_template`` without active content (docx_clean): (bytes, name, warnings)."""
    data, name = read_template(source, default)
    cleaned, warnings = clean_template_bytes(data, name)
    return cleaned, name, warnings


# ------------------------------------------------------------ rendering
def sandbox() -> BoundedSandbox:
    """The only Jinja2 environment templates are rendered in (with a budget on
    work and size: one environment for a batch shares the batch's budget)."""
    return bounded_sandbox()


def render(template: bytes, name: str, context: Mapping[str, Any],
           images: Mapping[str, bytes] | None = None, *, env: BoundedSandbox | None = None,
           unit: str = "") -> bytes:
    """The rendered document: ``context`` values, ``images`` (PNG bytes) as
    pictures CHART_WIDTH_MM wide. Rendered by the letters' engine
    (``documents.engine.LetterTemplate``), compiled once per batch (``env``: the
    batch's sandbox, whose budget every document of the batch shares). Raises
    TemplateError for any template problem, and when the template exceeds its budget."""
    env = env if env is not None else sandbox()
    known = frozenset(context) | frozenset(images or ())
    compiled = _COMPILED.setdefault(env, {})
    key = (hashlib.sha256(template).digest(), name, known)
    tpl = compiled.get(key)
    if tpl is None:
        source = io.BytesIO(template)
        source.name = name
        tpl = compiled[key] = LetterTemplate(source, known=known, env=env)
    return tpl.render(context, unit, {k: (png, CHART_WIDTH_MM) for k, png in (images or {}).items()})


# A batch's sandbox → its compiled templates (a 催办 batch compiles its template once).
_COMPILED: weakref.WeakKeyDictionary[BoundedSandbox, dict[tuple[bytes, str, frozenset[str]], Any]] = \
    weakref.WeakKeyDictionary()


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="write templates/report.docx and templates/remind.docx")
    ap.add_argument("-o", "--output", default=str(TEMPLATES), help="folder to write into")
    ap.add_argument("--force", action="store_true")
    args = ap.parse_args(argv)
    for name in BUILDERS:
        path = Path(args.output) / name
        write_bytes(path, template_bytes(name), force=args.force)
        print(path)
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())


__all__ = ["render", "read_template", "read_clean_template", "sandbox", "build_report_template", "build_remind_template",
           "template_bytes", "REPORT_TEMPLATE", "REMIND_TEMPLATE"]
