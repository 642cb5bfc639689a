"""The one docx template engine of the project: a Word template with docxtpl
(Jinja2) tags — a letter, a 通报, a 催办 — read through the input guard, cleaned
of active content (``docx_clean``), checked for the mistakes people make in Word
(full-width or split tags, an if/for crossing a table cell, an unknown variable),
compiled **once** into the bounded sandbox (``sandbox``), then rendered per
document (one Jinja render, a well-formedness check and a zip append). Pictures
stand for ``{{ tag }}``s (the 通报's chart); ``combine`` puts letters into one
print file, each in its own section starting on an odd page (GB/T 9704 7.5).
"""

from __future__ import annotations

import copy
import io
import re
import struct
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any
import os

import jinja2
from docxtpl import DocxTemplate
from jinja2 import meta
from jinja2.exceptions import SecurityError
from lxml import etree
from markupsafe import Markup

from xltools import labels as L
from xltools.documents.docx_clean import clean_template_parts
from xltools.documents.letter_template import CONTEXT_KEYS, default_template_path, template_bytes
from xltools.documents.sandbox import (TEMPLATE_FAILURES, BoundedSandbox, bounded_sandbox,
                                       budget_message, failure_line, render_counted, tag_at)
from xltools.errors import TemplateError
from xltools.io.fileio import is_file_like, read_input

PathOrFile = str | os.PathLike[str] | IO[bytes]

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
_W = "{%s}" % W_NS

DOCUMENT_PART = "word/document.xml"
# Parts whose text may carry template tags.
_RENDERABLE = re.compile(r"^word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$")
_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
_FULLWIDTH_TAG = re.compile(r"[｛{][｛{%％#]|[%％#][｝}]|[｝}][｝}]")
_SINGLE_BRACE_VAR = re.compile(r"(?<![{])\{\s*[A-Za-z_][\w.]*\s*\}(?![}])")
_CURLY = "“”‘’"


_DOCXTPL = DocxTemplate(io.BytesIO())  # only its XML clean-up helpers are used


def _paragraph_texts(xml: bytes) -> list[str]:
    """Visible text of each paragraph of a part (runs joined)."""
    root = etree.fromstring(xml)
    texts = []
    for p in root.iter(_W + "p"):
        texts.append("".join(t.text or "" for t in p.iter(_W + "t")
                             if _nearest_paragraph(t) is p))
    return texts


def _paragraph_places(xml: bytes) -> list[tuple[str, str]]:
    """For each paragraph (same order as _paragraph_texts): (cell, table) it sits in, as
    XPaths ('' when outside any table)."""
    root = etree.fromstring(xml)
    tree = root.getroottree()
    places = []
    for p in root.iter(_W + "p"):
        cell = next(p.iterancestors(_W + "tc"), None)
        table = next(p.iterancestors(_W + "tbl"), None)
        places.append((tree.getpath(cell) if cell is not None else "",
                       tree.getpath(table) if table is not None else ""))
    return places


def _nearest_paragraph(el: etree._Element) -> etree._Element | None:
    parent = el.getparent()
    while parent is not None and parent.tag != _W + "p":
        parent = parent.getparent()
    return parent


def _strip_xml(text: str) -> str:
    return re.sub(r"<[^>]+>", "", text)


def _short(text: str, limit: int = 80) -> str:
    text = text.strip()
    return text if len(text) <= limit else text[:limit - 1] + "…"


@dataclass
class _Part:
    name: str
    source: str  # patched XML given to Jinja (with "\n" before each <w:p>)
    template: jinja2.Template
    texts: list[str]


class LetterTemplate:
    """The docx template engine of every document (交办通知, 通报, 催办): a template
    read, cleaned (docx_clean), checked and compiled once into the bounded sandbox;
    ``render`` per document. docxtpl's tag syntax ({%tr%}, {%p%}, …) is understood.

    ``known``: the variables a template may use (default: the letters' CONTEXT_KEYS);
    ``env``: the sandbox to render in (default: a new one; a batch shares one budget).
    Raises TemplateError (with the tag and the paragraph around it) when the
    template cannot be used.
    """

    def __init__(self, source: PathOrFile | None = None, *, known: Iterable[str] | None = None,
                 env: BoundedSandbox | None = None) -> None:
        if source is None:
            source = default_template_path()
            if not source.is_file():  # installed without the repository: build it in memory
                source = io.BytesIO(template_bytes())
                source.name = str(default_template_path())
        self.name = getattr(source, "name", "<stream>") if is_file_like(source) else str(source)
        data = self._read(source)
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                self.entries = {info.filename: zf.read(info) for info in zf.infolist()}
        except (zipfile.BadZipFile, OSError, ValueError) as exc:
            raise TemplateError(L.MSG_TEMPLATE_NOT_DOCX.format(path=self.name, reason=exc),
                                path=self.name) from exc
        if DOCUMENT_PART not in self.entries:
            raise TemplateError(L.MSG_TEMPLATE_NOT_DOCX.format(
                path=self.name, reason=DOCUMENT_PART + " missing"), path=self.name)
        # Active content (remote template, DDE/INCLUDE fields, altChunk, macros) never
        # reaches a recipient: removed here, and said (docx_clean).
        self.entries, self.warnings = clean_template_parts(self.entries, self.name)
        # Templates come from anyone: no attribute access to internals, no code execution,
        # a budget on work and size (sandbox.BoundedSandbox).
        self.env = env if env is not None else bounded_sandbox()
        self.known = CONTEXT_KEYS if known is None else frozenset(known)
        self.parts: dict[str, _Part] = {}
        self.texts: list[str] = []
        for name, raw in self.entries.items():
            if not _RENDERABLE.match(name):
                continue
            try:
                texts = _paragraph_texts(raw)
            except etree.XMLSyntaxError as exc:
                raise TemplateError(L.MSG_TEMPLATE_NOT_DOCX.format(path=self.name, reason=exc),
                                    path=self.name) from exc
            self.texts.extend(texts)
            self._check_text(texts)
            xml = raw.decode("utf-8")
            if "{" not in xml:
                continue  # nothing to render: copied as it is
            self.parts[name] = self._compile(name, xml, texts)
            self._check_nesting(texts, _paragraph_places(raw))
        self._check_variables()
        self.uses_cell_tags = any(re.search(r"\{%\s*(tc|colspan|cellbg|hm)\b", p.source)
                                  for p in self.parts.values())
        # The package without the rendered parts, zipped once; each letter appends to a copy.
        self.base = self._zip_base()

    # ---------------------------------------------------------- loading
    def _read(self, source: PathOrFile) -> bytes:
        if not is_file_like(source) and not Path(source).is_file():
            raise TemplateError(L.MSG_TEMPLATE_NOT_FOUND.format(path=source), path=str(source))
        return read_input(source)[0]  # the input guard: no bomb, damaged or encrypted file

    def _error(self, message: str) -> TemplateError:
        return TemplateError(message, path=self.name)

    def _check_text(self, texts: list[str]) -> None:
        """Tags a person can see are wrong: full-width, incomplete, split across paragraphs."""
        for i, text in enumerate(texts):
            m = _FULLWIDTH_TAG.search(text)
            if m and any(ord(c) > 0xFF00 for c in m.group()):
                raise self._error(L.MSG_TEMPLATE_FULLWIDTH.format(
                    path=self.name, tag=_tag_around(text, m.start()), text=_short(text)))
            rest = _TAG.sub(" ", text)
            for opener, closer in (("{{", "}}"), ("{%", "%}"), ("{#", "#}")):
                pos = rest.find(opener)
                if pos >= 0:
                    following = "".join(texts[i + 1:i + 4])
                    if closer in following:
                        raise self._error(L.MSG_TEMPLATE_SPLIT_TAG.format(
                            path=self.name, tag=_short(rest[pos:], 40) + "…" + closer,
                            text=_short(text)))
                    raise self._error(L.MSG_TEMPLATE_BROKEN_TAG.format(
                        path=self.name, tag=_short(rest[pos:], 40), text=_short(text)))
                pos = rest.find(closer)
                if pos >= 0:
                    raise self._error(L.MSG_TEMPLATE_BROKEN_TAG.format(
                        path=self.name, tag=_short(rest[max(0, pos - 30):pos + 2], 40),
                        text=_short(text)))
            m = _SINGLE_BRACE_VAR.search(rest)
            if m:
                raise self._error(L.MSG_TEMPLATE_BROKEN_TAG.format(
                    path=self.name, tag=m.group(), text=_short(text)))

    def _compile(self, name: str, xml: str, texts: list[str]) -> _Part:
        source = _DOCXTPL.patch_xml(xml)
        source = re.sub(r"<w:p([ >])", r"\n<w:p\1", source)
        try:
            template = self.env.from_string(source)
        except jinja2.TemplateSyntaxError as exc:
            line = source.splitlines()[exc.lineno - 1] if exc.lineno else ""
            tag, text = self._locate_syntax_error(texts, _strip_xml(line))
            message = L.MSG_TEMPLATE_SYNTAX.format(path=self.name, tag=tag,
                                                   reason=exc.message or str(exc),
                                                   text=_short(text))
            if any(c in t for t in _TAG.findall(text) for c in _CURLY):
                message += L.MSG_TEMPLATE_CURLY_QUOTES
            raise self._error(message) from exc
        return _Part(name=name, source=source, template=template, texts=texts)

    def _check_nesting(self, texts: list[str], places: list[tuple[str, str]]) -> None:
        """An if/for must start and end in the same table cell (a {%tr%} loop: the same
        table); otherwise the letter would not be a valid Word document."""
        stack: list[tuple[str, str, str, str]] = []
        for text, (cell, table) in zip(texts, places):
            for tag in _TAG.findall(text):
                m = re.match(r"\{%-?\s*(tr\s+|tc\s+|p\s+|r\s+)?(\w+)", tag)
                if not m:
                    continue
                level, word = (m.group(1) or "").strip(), m.group(2)
                where = table if level == "tr" else cell
                if word in _BLOCK_WORDS:
                    stack.append((word, tag, text, where))
                elif word.startswith("end") and word[3:] in _BLOCK_WORDS and stack:
                    _, open_tag, open_text, open_where = stack.pop()
                    if open_where != where:
                        raise self._error(L.MSG_TEMPLATE_CROSSES_TABLE.format(
                            path=self.name, tag=open_tag, text=_short(open_text), end=tag,
                            end_text=_short(text)))

    def _locate_syntax_error(self, texts: list[str], line_text: str) -> tuple[str, str]:
        """(tag, paragraph text) most likely at fault for a Jinja syntax error."""
        # 1. An if/for without its end (or an end without its start).
        stack: list[tuple[str, str, str]] = []
        for text in texts:
            for tag in _TAG.findall(_unify_tags(text)):
                m = re.match(r"\{%-?\s*(\w+)", tag)
                if not m:
                    continue
                word = m.group(1)
                if word in _BLOCK_WORDS:
                    stack.append((word, tag, text))
                elif word.startswith("end") and word[3:] in _BLOCK_WORDS:
                    if not stack or stack[-1][0] != word[3:]:
                        return tag, text
                    stack.pop()
        if stack:
            return stack[-1][1], stack[-1][2]
        # 2. A tag that does not parse on its own, in the paragraph Jinja named.
        target = next((t for t in texts if _unify_tags(t) == line_text), line_text)
        for tag in _TAG.findall(_unify_tags(target)):
            try:
                self.env.parse(re.sub(r"^\{%(tr|tc|p|r)\s", "{% ", tag))
            except jinja2.TemplateSyntaxError as exc:
                msg = exc.message or ""
                if "end of template" in msg or re.search(r"unknown tag '(end|else|elif)", msg):
                    continue
                return tag, target
        tags = _TAG.findall(target)
        return (tags[-1] if tags else _short(target, 40)), target

    def _check_variables(self) -> None:
        for part in self.parts.values():
            names = meta.find_undeclared_variables(self.env.parse(part.source))
            unknown = sorted(n for n in names if n not in self.known
                             and n not in self.env.globals)
            if unknown:
                raise self._error(self._undefined_message(unknown[0]))

    def _undefined_message(self, name: str) -> str:
        tag, text = self.find_tag(name)
        if tag:
            return L.MSG_TEMPLATE_UNDEFINED.format(path=self.name, name=name, tag=tag,
                                                   text=_short(text))
        return L.MSG_TEMPLATE_UNDEFINED_NOWHERE.format(path=self.name, name=name)

    def find_tag(self, name: str) -> tuple[str, str]:
        """The first tag using the word ``name`` and its paragraph text ('' when none)."""
        word = re.compile(rf"(?<![\w]){re.escape(name)}(?![\w])")
        for text in self.texts:
            for tag in _TAG.findall(text):
                if word.search(tag):
                    return tag, text
        return "", ""

    def _zip_base(self) -> bytes:
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
            for name, data in self.entries.items():
                if name not in self.parts:
                    zf.writestr(name, data)
        return buf.getvalue()

    # -------------------------------------------------------- rendering
    def render_parts(self, context: Mapping[str, Any], unit: str = "") -> dict[str, bytes]:
        """Rendered XML of every tagged part, checked to be well-formed."""
        out: dict[str, bytes] = {}
        for name, part in self.parts.items():
            try:
                xml = render_counted(self.env, part.template, context)
            except TEMPLATE_FAILURES as exc:
                tag, text = tag_at(part.source, failure_line(exc))
                raise self._error(budget_message(self.name, unit, exc, tag, _short(text))) from exc
            except SecurityError as exc:
                m = re.search(r"attribute '([^']+)'", str(exc))
                tag, text = self.find_tag(m.group(1)) if m else ("", "")
                raise self._error(L.MSG_TEMPLATE_UNSAFE.format(
                    path=self.name, during=_during(unit), tag=tag or "?", text=_short(text))) from exc
            except jinja2.TemplateError as exc:
                raise self._error(self._render_message(exc, unit)) from exc
            except (TypeError, ValueError, AttributeError, KeyError) as exc:
                raise self._error(L.MSG_TEMPLATE_RENDER.format(
                    path=self.name, during=_during(unit), reason=exc, where="")) from exc
            xml = (xml.replace("\n<w:p", "<w:p").replace("{_{", "{{").replace("}_}", "}}")
                   .replace("{_%", "{%").replace("%_}", "%}"))
            data = xml.encode("utf-8")
            if self.uses_cell_tags:
                tree = _DOCXTPL.fix_tables(data)
                data = etree.tostring(tree, xml_declaration=True, encoding="UTF-8",
                                      standalone=True)
            else:
                try:
                    etree.fromstring(data)
                except etree.XMLSyntaxError as exc:
                    raise self._error(self._xml_message(exc, data)) from exc
            out[name] = data
        return out

    def _render_message(self, exc: jinja2.TemplateError, unit: str) -> str:
        reason = str(exc)
        m = (re.search(r"has no attribute '([^']+)'", reason)
             or re.search(r"'([^']+)' is undefined", reason))
        where = ""
        if m:
            tag, text = self.find_tag(m.group(1))
            if tag:
                where = L.MSG_TEMPLATE_WHERE.format(tag=tag, text=_short(text))
        return L.MSG_TEMPLATE_RENDER.format(path=self.name, during=_during(unit), reason=reason,
                                            where=where)

    def _xml_message(self, exc: etree.XMLSyntaxError, data: bytes) -> str:
        column = exc.position[1] if exc.position else 0
        window = data.decode("utf-8", "replace")[max(0, column - 2000):column]
        around = "".join(re.findall(r"<w:t(?:\s[^>]*)?>([^<]*)</w:t>", window))
        where = L.MSG_TEMPLATE_NEAR.format(text=_short(around[-60:])) if around else ""
        return L.MSG_TEMPLATE_BAD_XML.format(path=self.name, reason=exc.msg, where=where)

    def package(self, rendered: Mapping[str, bytes]) -> bytes:
        """A .docx: the template's other parts (zipped once) plus the rendered parts."""
        buf = io.BytesIO(self.base)
        buf.seek(0, io.SEEK_END)
        with zipfile.ZipFile(buf, "a", zipfile.ZIP_DEFLATED) as zf:
            for name, data in rendered.items():
                zf.writestr(name, data)
        return buf.getvalue()

    def render(self, context: Mapping[str, Any], unit: str = "",
               images: Mapping[str, tuple[bytes, float]] | None = None) -> bytes:
        """One document as .docx bytes. ``images``: variable → (PNG bytes, width in mm),
        each shown as a picture where the template says ``{{ variable }}``."""
        if not images:
            return self.package(self.render_parts(context, unit))
        values = dict(context)
        rels = etree.fromstring(self.entries.get(_DOCUMENT_RELS, _EMPTY_RELS))
        types = etree.fromstring(self.entries[_CONTENT_TYPES])
        extra: dict[str, bytes] = {}
        for number, (key, (png, width_mm)) in enumerate(images.items(), start=1):
            rid, target = f"rIdXltoolsImage{number}", f"media/xltools-{number}.png"
            etree.SubElement(rels, f"{{{_RELS_NS}}}Relationship", Id=rid, Type=_IMAGE_REL,
                             Target=target)
            extra["word/" + target] = png
            values[key] = Markup(_picture_run(png, width_mm, rid, number))
        if not any(d.get("Extension", "").lower() == "png" for d in types):
            etree.SubElement(types, f"{{{_TYPES_NS}}}Default", Extension="png",
                             ContentType="image/png")
        rendered = self.render_parts(values, unit)
        rendered[_DOCUMENT_RELS] = etree.tostring(rels, xml_declaration=True, encoding="UTF-8",
                                                  standalone=True)
        rendered[_CONTENT_TYPES] = etree.tostring(types, xml_declaration=True, encoding="UTF-8",
                                                  standalone=True)
        rendered.update(extra)
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
            for name in [*self.entries, *(n for n in rendered if n not in self.entries)]:
                zf.writestr(name, rendered.get(name, self.entries.get(name, b"")))
        return buf.getvalue()

    # --------------------------------------------------------- combined
    def combine(self, letters: Sequence[Mapping[str, bytes]],
                pages: Sequence[int] | None = None) -> bytes:
        """One document with every letter, each in its own section (page numbers from 1),
        starting on an odd page. ``pages``: each letter's page count; a letter with an odd
        count is followed by a blank page without a page number (GB/T 9704 7.5). Without
        counts the sections are odd-page breaks, which Word and LibreOffice judge by the
        restarted page number (so they add no blank page)."""
        return _combine(self, letters, pages)


def _during(unit: str) -> str:
    return L.TEMPLATE_DURING_UNIT.format(unit=unit) if unit else L.TEMPLATE_DURING


_CONTENT_TYPES = "[Content_Types].xml"
_DOCUMENT_RELS = "word/_rels/document.xml.rels"
_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_TYPES_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
_IMAGE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
_EMPTY_RELS = f'<Relationships xmlns="{_RELS_NS}"/>'.encode()


def _picture_run(png: bytes, width_mm: float, rid: str, number: int) -> str:
    """A picture ``width_mm`` wide (height from the PNG's own size) in a run of its own,
    to stand for a ``{{ tag }}`` inside a run's text (as docxtpl's InlineImage does)."""
    from docx.oxml.shape import CT_Inline
    from docx.shared import Mm

    width_px, height_px = struct.unpack(">II", png[16:24])  # the IHDR chunk
    cx = int(Mm(width_mm))
    cy = int(cx * height_px / max(width_px, 1))
    inline = CT_Inline.new_pic_inline(number + 1000, rid, f"xltools-{number}.png", cx, cy)
    xml = etree.tostring(inline, encoding="unicode")
    return ('</w:t></w:r><w:r><w:drawing>' + xml + '</w:drawing></w:r>'
            '<w:r><w:t xml:space="preserve">')


_BLOCK_WORDS = {"if", "for", "macro", "call", "filter", "with", "block", "raw", "autoescape",
                "set_block"}


def _unify_tags(text: str) -> str:
    """Paragraph text as Jinja sees it: {%p …%} → {% …%}, curly quotes → straight."""
    text = re.sub(r"\{%-?\s*(?:tr|tc|p|r)\s", "{% ", text)
    return text.translate(str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"}))


def _tag_around(text: str, pos: int) -> str:
    start = max(0, pos - 2)
    return _short(text[start:pos + 30], 40)


# ======================================================================
# Combined document
# ======================================================================
_SECT_ORDER = ("headerReference", "footerReference", "footnotePr", "endnotePr", "type", "pgSz",
               "pgMar", "paperSrc", "pgBorders", "lnNumType", "pgNumType", "cols", "formProt",
               "vAlign", "noEndnote", "titlePg", "textDirection", "bidi", "rtlGutter",
               "docGrid", "printerSettings", "sectPrChange")


def _set_sect_child(sect: etree._Element, local: str, **attrs: str) -> None:
    el = sect.find(_W + local)
    if el is None:
        el = etree.Element(_W + local)
        rank = _SECT_ORDER.index(local)
        for child in sect:
            name = etree.QName(child).localname
            if name in _SECT_ORDER and _SECT_ORDER.index(name) > rank:
                child.addprevious(el)
                break
        else:
            sect.append(el)
    for key, value in attrs.items():
        el.set(_W + key, value)


BLANK_FOOTER = "word/footerXlBlank.xml"
_FOOTER_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer"
_FOOTER_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"


def _blank_page_section(sect: etree._Element, rid: str) -> etree._Element:
    """A paragraph that is a section of its own: one blank page, no page number."""
    blank = copy.deepcopy(sect)
    for ref in blank.findall(_W + "headerReference") + blank.findall(_W + "footerReference"):
        blank.remove(ref)
    for kind in ("even", "default", "first"):
        ref = etree.Element(_W + "footerReference")
        ref.set(_W + "type", kind)
        ref.set("{%s}id" % R_NS, rid)
        blank.insert(0, ref)
    _set_sect_child(blank, "type", val="nextPage")
    num = blank.find(_W + "pgNumType")
    if num is not None:
        blank.remove(num)
    p = etree.Element(_W + "p")
    etree.SubElement(p, _W + "pPr").append(blank)
    return p


def _combine(tpl: LetterTemplate, letters: Sequence[Mapping[str, bytes]],
             pages: Sequence[int] | None = None) -> bytes:
    entries = dict(tpl.entries)
    doc_root = etree.fromstring(letters[0][DOCUMENT_PART]) if DOCUMENT_PART in letters[0] \
        else etree.fromstring(entries[DOCUMENT_PART])
    body = doc_root.find(_W + "body")
    for child in list(body):
        body.remove(child)
    rels_name = "word/_rels/document.xml.rels"
    rels = etree.fromstring(entries[rels_name])
    types = etree.fromstring(entries["[Content_Types].xml"])
    # Header/footer parts with tags are rendered per letter and need their own copies.
    rid_target = {r.get("Id"): r.get("Target") for r in rels}
    extra: dict[str, bytes] = {}
    for i, rendered in enumerate(letters, start=1):
        xml = rendered.get(DOCUMENT_PART, entries[DOCUMENT_PART])
        root = etree.fromstring(xml)
        children = list(root.find(_W + "body"))
        sect = children.pop() if children and children[-1].tag == _W + "sectPr" else None
        sect = copy.deepcopy(sect) if sect is not None else etree.Element(_W + "sectPr")
        for ref in sect:
            if ref.tag not in (_W + "headerReference", _W + "footerReference"):
                continue
            rid = ref.get("{%s}id" % R_NS)
            part = "word/" + rid_target.get(rid, "")
            if part in rendered and part != DOCUMENT_PART:
                new_name = re.sub(r"\.xml$", f"-{i}.xml", part)
                new_rid = f"rIdXl{i}{rid}"
                extra[new_name] = rendered[part]
                part_rels = part.replace("word/", "word/_rels/") + ".rels"
                if part_rels in entries:
                    extra[new_name.replace("word/", "word/_rels/") + ".rels"] = entries[part_rels]
                rel = etree.SubElement(rels, "{%s}Relationship" % PKG_REL_NS)
                rel.set("Id", new_rid)
                rel.set("Type", next(r.get("Type") for r in rels if r.get("Id") == rid))
                rel.set("Target", new_name[len("word/"):])
                override = etree.SubElement(types, "{%s}Override" % CT_NS)
                override.set("PartName", "/" + new_name)
                override.set("ContentType", next(
                    (o.get("ContentType") for o in types if o.get("PartName") == "/" + part),
                    "application/xml"))
                ref.set("{%s}id" % R_NS, new_rid)
        # Every letter starts on an odd page: printed double-sided, no unit's first
        # page is on the back of another's letter.
        _set_sect_child(sect, "type", val="oddPage" if pages is None else "nextPage")
        _set_sect_child(sect, "pgNumType", start="1")
        pad = pages is not None and i < len(letters) and pages[i - 1] % 2 == 1
        if i < len(letters):
            # A section break: the sectPr goes into the last paragraph of the letter.
            if not children or children[-1].tag != _W + "p":
                children.append(etree.Element(_W + "p"))
            last = children[-1]
            ppr = last.find(_W + "pPr")
            if ppr is None:
                ppr = etree.Element(_W + "pPr")
                last.insert(0, ppr)
            old = ppr.find(_W + "sectPr")
            if old is not None:
                ppr.remove(old)
            rpr = ppr.find(_W + "rPr")
            if rpr is not None:
                rpr.addnext(sect)
            else:
                ppr.append(sect)
            if pad:
                if not any(r.get("Id") == "rIdXlBlank" for r in rels):
                    rel = etree.SubElement(rels, "{%s}Relationship" % PKG_REL_NS)
                    rel.set("Id", "rIdXlBlank")
                    rel.set("Type", _FOOTER_TYPE)
                    rel.set("Target", BLANK_FOOTER[len("word/"):])
                    override = etree.SubElement(types, "{%s}Override" % CT_NS)
                    override.set("PartName", "/" + BLANK_FOOTER)
                    override.set("ContentType", _FOOTER_CT)
                    extra[BLANK_FOOTER] = (
                        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                        b'<w:ftr xmlns:w="%s"><w:p/></w:ftr>' % W_NS.encode())
                children.append(_blank_page_section(sect, "rIdXlBlank"))
        else:
            children.append(sect)
        body.extend(children)
    out = {name: data for name, data in entries.items()}
    for name in tpl.parts:
        if name != DOCUMENT_PART:
            out[name] = letters[0].get(name, entries[name])
    out[DOCUMENT_PART] = etree.tostring(doc_root, xml_declaration=True, encoding="UTF-8",
                                        standalone=True)
    out[rels_name] = etree.tostring(rels, xml_declaration=True, encoding="UTF-8",
                                    standalone=True)
    out["[Content_Types].xml"] = etree.tostring(types, xml_declaration=True, encoding="UTF-8",
                                                standalone=True)
    out.update(extra)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in out.items():
            zf.writestr(name, data)
    return buf.getvalue()


# ======================================================================
# PDF via LibreOffice
# ======================================================================
