"""Store a workbook's text the way Excel does: once, in a shared string table.

openpyxl writes every text cell inline (``<c t="inlineStr"><is><t>…``), so a
requirement's text is repeated on each of its units' rows. ``compact`` moves
the inline texts of an openpyxl-written package into ``xl/sharedStrings.xml``
(each distinct text once) and leaves the rest of the package as it is. The
file gets smaller and is read faster by Excel, LibreOffice and python-calamine
(the roll-up reads the master with calamine).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from xltools.io.ziputil import Package, write_package

NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
REL_SHARED_STRINGS = ("http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
                      "sharedStrings")
CT_SHARED_STRINGS = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
CT_WORKSHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
PART = "xl/sharedStrings.xml"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, remove_blank_text=False)

# openpyxl's inline text cell; the text is escaped XML (no "<" inside).
_INLINE = re.compile(rb'<c ([^>]*?)t="inlineStr"([^>]*)><is><t( xml:space="preserve")?>'
                     rb'([^<]*)</t></is></c>')


@dataclass
class SharedIndex:
    """Texts already given a place in the table: (escaped text, spaces preserved) →
    index, and how many cells refer to one (a streaming writer fills it)."""

    index: dict[tuple[bytes, bool], int] = field(default_factory=dict)
    count: int = 0


def compact(data: bytes) -> bytes:
    """The package ``data`` (an openpyxl-written .xlsx) with its inline texts shared.

    A package that already has a shared string table, or no inline text, is
    returned unchanged.
    """
    out = compact_package(Package(data))
    return data if out is None else out


def compact_package(package: Package, shared: SharedIndex | None = None) -> bytes | None:
    """``compact`` on a package already opened (parts may have been assigned):
    the new archive, or None when there is nothing to share (see ``compact``).
    ``shared``: the texts the package's cells already refer to (``t="s"``),
    which the table starts with."""
    if PART in package:
        if shared and shared.index:  # cells refer to a table this one would replace
            raise ValueError(f"{PART} is there already")
        return None
    types = etree.fromstring(package["[Content_Types].xml"], _PARSER)
    sheets = [o.get("PartName", "").lstrip("/") for o in types
              if o.get("ContentType") == CT_WORKSHEET]
    index: dict[tuple[bytes, bool], int] = dict(shared.index) if shared else {}
    count = shared.count if shared else 0

    def share(m: re.Match[bytes]) -> bytes:
        nonlocal count
        key = (m.group(4), m.group(3) is not None)
        i = index.get(key)
        if i is None:
            i = index[key] = len(index)
        count += 1
        return b'<c ' + m.group(1) + b't="s"' + m.group(2) + b'><v>' + str(i).encode() + b'</v></c>'

    for sheet in sheets:
        if sheet in package:
            xml = package[sheet]
            if b'"inlineStr"' in xml:
                package[sheet] = _INLINE.sub(share, xml)
    if not index:
        return None
    items = [b'<si><t xml:space="preserve">' + text + b"</t></si>" if preserve
             else b"<si><t>" + text + b"</t></si>" for text, preserve in index]
    package[PART] = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                     + f'<sst xmlns="{NS_MAIN}" count="{count}" uniqueCount="{len(items)}">'.encode()
                     + b"".join(items) + b"</sst>")
    override = etree.SubElement(types, f"{{{types.nsmap[None]}}}Override")
    override.set("PartName", "/" + PART)
    override.set("ContentType", CT_SHARED_STRINGS)
    package["[Content_Types].xml"] = etree.tostring(types, xml_declaration=True, encoding="UTF-8",
                                                    standalone=True)
    rels_part = "xl/_rels/workbook.xml.rels"
    rels = etree.fromstring(package[rels_part], _PARSER)
    ids = {r.get("Id") for r in rels}
    n = 1
    while f"rId{n}" in ids:
        n += 1
    rel = etree.SubElement(rels, f"{{{NS_PKG_REL}}}Relationship")
    rel.set("Type", REL_SHARED_STRINGS)
    rel.set("Target", "sharedStrings.xml")
    rel.set("Id", f"rId{n}")
    package[rels_part] = etree.tostring(rels, xml_declaration=True, encoding="UTF-8",
                                        standalone=True)
    return write_package([(name, package.unchanged(name) or package[name])
                          for name in package])


__all__ = ["SharedIndex", "compact", "compact_package"]
