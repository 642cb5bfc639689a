"""Remove active content from a Word template before anything is rendered
from it, so that none of it reaches a recipient.

Removed (each kind named once in a warning):

* external relationships other than hyperlinks: an ``attachedTemplate``
  fetched when the document opens (the "template injection" technique),
  linked (remote) pictures, linked OLE objects, frames, sub-documents — with
  the elements that point at them;
* fields that run a program or fetch content — DDE, DDEAUTO, INCLUDEPICTURE,
  INCLUDETEXT, IMPORT, LINK, INCLUDE — as ``w:fldSimple`` and as complex
  fields (``w:fldChar`` begin … ``w:instrText`` … separate … end): the field
  code goes, the result shown so far stays as plain text;
* ``w:altChunk`` and its part (HTML, RTF or another document merged in when
  the file opens);
* ``vbaProject.bin`` (macros), its relationship and its content type; a
  macro-enabled document type becomes an ordinary document.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from collections.abc import Mapping

from lxml import etree

from xltools import labels as L

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
HYPERLINK = R + "/hyperlink"
DOCUMENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_MACRO_TYPES = ("macroEnabled", "template.main", "template.macroEnabledTemplate")
_DANGEROUS_FIELDS = frozenset({"DDE", "DDEAUTO", "INCLUDEPICTURE", "INCLUDETEXT", "IMPORT", "LINK",
                               "INCLUDE"})
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                          remove_blank_text=False)


class UnreadablePart(ValueError):
    """A part that may hold active content is not well-formed XML: it cannot be
    cleaned, so the template is refused (``part`` names it)."""

    def __init__(self, part: str, reason: str) -> None:
        super().__init__(f"{part}: {reason}")
        self.part = part


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _field_word(instr: str) -> str:
    words = instr.strip().split()
    return words[0].upper().lstrip("\\") if words else ""


def _rels_of(part: str) -> str:
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", name + ".rels")


def _part_of(rels: str) -> str:
    folder = posixpath.dirname(posixpath.dirname(rels))
    return posixpath.join(folder, posixpath.basename(rels)[:-len(".rels")])


def _target(part: str, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(part), target))


def _remove_pointing(root: etree._Element, ids: set[str]) -> bool:
    """Remove the elements of ``root`` that refer to a relationship in ``ids`` (the
    run around a picture or object; the element itself otherwise)."""
    changed = False
    for el in list(root.iter()):
        if not isinstance(el.tag, str):
            continue
        if any(k.startswith(f"{{{R}}}") and v in ids for k, v in el.attrib.items()):
            target = el
            while target is not None and target.tag not in (_w("r"), _w("altChunk"),
                                                            _w("attachedTemplate"), _w("subDoc")):
                target = target.getparent()
            target = target if target is not None else el
            parent = target.getparent()
            if parent is not None:
                parent.remove(target)
                changed = True
    return changed


def _unwrap(el: etree._Element) -> None:
    """Replace ``el`` by its children (a field's shown result stays)."""
    parent = el.getparent()
    if parent is None:
        return
    index = parent.index(el)
    for child in list(el):
        if child.tag == _w("fldData"):
            continue
        parent.insert(index, child)
        index += 1
    parent.remove(el)


def _clean_fields(root: etree._Element) -> bool:
    changed = False
    for fld in list(root.iter(_w("fldSimple"))):
        if _field_word(fld.get(_w("instr"), "")) in _DANGEROUS_FIELDS:
            _unwrap(fld)
            changed = True
    # Complex fields: begin … instrText … separate … result … end, across runs.
    stack: list[dict] = []
    doomed: list[etree._Element] = []
    for run in list(root.iter(_w("r"))):
        for child in run:
            if child.tag == _w("fldChar"):
                kind = child.get(_w("fldCharType"))
                if kind == "begin":
                    stack.append({"instr": "", "code": [run], "in_code": True})
                elif kind == "separate" and stack:
                    stack[-1]["code"].append(run)
                    stack[-1]["in_code"] = False
                elif kind == "end" and stack:
                    f = stack.pop()
                    f["code"].append(run)
                    if _field_word(f["instr"]) in _DANGEROUS_FIELDS:
                        doomed.extend(f["code"])
                        if stack:  # a nested field's code is its parent's code
                            stack[-1]["instr"] += " "
            elif child.tag in (_w("instrText"), _w("delInstrText")) and stack:
                f = stack[-1]
                f["instr"] += child.text or ""
                f["code"].append(run)
        for f in stack:
            if f["in_code"] and run not in f["code"]:
                f["code"].append(run)
    for run in dict.fromkeys(doomed):
        parent = run.getparent()
        if parent is not None:
            parent.remove(run)
            changed = True
    return changed


def clean_docx_parts(entries: Mapping[str, bytes]) -> tuple[dict[str, bytes], list[str]]:
    """(the package's parts without active content, the kinds removed)."""
    parts = dict(entries)
    kinds: list[str] = []
    removed_parts: set[str] = set()
    pointers: dict[str, set[str]] = {}  # part → relationship ids removed
    for rels_name in [n for n in parts if n.endswith(".rels")]:
        try:
            rels = etree.fromstring(parts[rels_name], _PARSER)
        except etree.XMLSyntaxError as exc:
            raise UnreadablePart(rels_name, str(exc)[:120]) from exc
        owner = _part_of(rels_name)
        changed = False
        for rel in list(rels):
            rtype = rel.get("Type", "")
            target = rel.get("Target", "")
            external = rel.get("TargetMode") == "External"
            kind = None
            if rtype.endswith("/attachedTemplate"):
                kind = "attachedTemplate"
            elif external and rtype != HYPERLINK:
                kind = "external"
            elif rtype.endswith("/aFChunk"):
                kind = "altChunk"
            elif rtype.endswith("/vbaProject"):
                kind = "vba"
            if kind is None:
                continue
            rels.remove(rel)
            changed = True
            kinds.append(kind)
            pointers.setdefault(owner, set()).add(rel.get("Id", ""))
            if not external:
                removed_parts.add(_target(owner, target))
        if changed:
            parts[rels_name] = etree.tostring(rels, xml_declaration=True, encoding="UTF-8",
                                              standalone=True)
    for name in list(parts):
        if name.lower().endswith(("vbaproject.bin", "vbadata.xml")):
            removed_parts.add(name)
            kinds.append("vba")
    for name in removed_parts:
        parts.pop(name, None)
        parts.pop(_rels_of(name), None)
    for name, data in list(parts.items()):
        if not (name.startswith("word/") and name.endswith(".xml")) or name in removed_parts:
            continue
        ids = pointers.get(name, set())
        if not ids and b"fld" not in data and b"altChunk" not in data and b"attachedTemplate" not in data:
            continue
        try:
            root = etree.fromstring(data, _PARSER)
        except etree.XMLSyntaxError as exc:
            raise UnreadablePart(name, str(exc)[:120]) from exc
        changed = _remove_pointing(root, ids) if ids else False
        for tag, kind in (("altChunk", "altChunk"), ("attachedTemplate", "attachedTemplate")):
            for el in list(root.iter(_w(tag))):
                el.getparent().remove(el)
                kinds.append(kind)
                changed = True
        if _clean_fields(root):
            kinds.append("field")
            changed = True
        if changed:
            parts[name] = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                         standalone=True)
    if "[Content_Types].xml" in parts and (removed_parts or kinds):
        parts["[Content_Types].xml"] = _clean_types(parts["[Content_Types].xml"], removed_parts)
    return parts, list(dict.fromkeys(kinds))


def _clean_types(data: bytes, removed: set[str]) -> bytes:
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError:  # malformed: the entries of removed parts go by pattern
        import re

        for name in removed:
            data = re.sub(rb"<Override\b[^>]*PartName=\"/" + re.escape(name.encode()) + rb"\"[^>]*>",
                          b"", data)
        return re.sub(rb"<Default\b[^>]*vbaProject[^>]*>", b"", data)
    for el in list(root):
        name = (el.get("PartName") or "").lstrip("/")
        ctype = el.get("ContentType") or ""
        if name in removed or (el.get("Extension") or "").lower() == "bin" and "vba" in ctype:
            root.remove(el)
        elif name == "word/document.xml" and any(t in ctype for t in _MACRO_TYPES):
            el.set("ContentType", DOCUMENT_TYPE)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def clean_docx(data: bytes) -> tuple[bytes, list[str]]:
    """(the .docx ``data`` without active content, the kinds removed); ``data``
    itself when there is nothing to remove (or it is not a zip). Raises
    UnreadablePart for a malformed part that might hold active content."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            entries = {info.filename: zf.read(info) for info in zf.infolist()}
    except (zipfile.BadZipFile, OSError, ValueError):
        return data, []
    parts, kinds = clean_docx_parts(entries)
    if not kinds:
        return data, []
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, content in parts.items():
            zf.writestr(name, content)
    return out.getvalue(), kinds


def clean_template_parts(entries: Mapping[str, bytes], name: str) -> tuple[dict[str, bytes], list[str]]:
    """A template's parts without active content, and a warning naming what
    went (for the user); a template that cannot be cleaned is refused
    (TemplateError): it is never sent on."""
    from xltools.errors import TemplateError

    try:
        parts, kinds = clean_docx_parts(entries)
    except UnreadablePart as exc:
        raise TemplateError(L.MSG_TEMPLATE_NOT_DOCX.format(path=name, reason=exc), path=name) from exc
    return (parts, _warnings(kinds, name)) if kinds else (dict(entries), [])


def clean_template_bytes(data: bytes, name: str) -> tuple[bytes, list[str]]:
    """``clean_template_parts`` for a whole .docx: (bytes, warnings)."""
    from xltools.errors import TemplateError

    try:
        cleaned, kinds = clean_docx(data)
    except UnreadablePart as exc:
        raise TemplateError(L.MSG_TEMPLATE_NOT_DOCX.format(path=name, reason=exc), path=name) from exc
    return cleaned, _warnings(kinds, name)


def _warnings(kinds: list[str], name: str) -> list[str]:
    if not kinds:
        return []
    what = L.ALIAS_SEPARATOR.join(L.TEMPLATE_ACTIVE_KINDS.get(k, k) for k in kinds)
    return [L.MSG_TEMPLATE_ACTIVE_REMOVED.format(path=name, what=what)]


def active_content(data: bytes) -> list[str]:
    """What ``clean_docx`` would remove from ``data`` (for tests and checks)."""
    return clean_docx(data)[1]


__all__ = ["UnreadablePart", "clean_docx", "clean_docx_parts", "clean_template_parts", "clean_template_bytes",
           "active_content"]
