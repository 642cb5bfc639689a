"""OFD (GB/T 33190), the format of electronic official documents (电子公文):
a zip of XML parts. ``OFD.xml`` names the document (``DocBody/DocRoot``);
its ``Document.xml`` lists the pages (``Pages/Page@BaseLoc``), page
templates and the resources (fonts in ``PublicRes``/``DocumentRes``). A
page's ``Content.xml`` holds layers of graphic units:

* ``TextObject``: ``Boundary`` (x y w h, millimetres), an optional ``CTM``,
  ``Font``/``Size``, and ``TextCode`` runs placed at ``X``/``Y`` (the
  baseline of the first character) with ``DeltaX``/``DeltaY`` (the advance
  to each next character; ``g N d`` repeats ``d`` N times);
* ``PathObject``: ``Boundary``, optional ``CTM`` and ``AbbreviatedData``
  (``M x y L x y … C``): the ruling lines of a table are such paths, drawn
  as lines or as thin filled rectangles.

Each page becomes a ``readers/drawn.DrawnPage`` (characters with their
boxes, ruling lines; millimetres turned into points) and is read by the
PDF grid reader (``readers/pdf.read_pages``): the same cells, merges and
stitching over pages. The package passed the zip guard (``xltools/io/guard``)
before; XML is parsed with defusedxml.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from xml.etree.ElementTree import Element

from xltools import labels as L
from xltools.errors import InputError
from xltools.importing.readers.drawn import DrawnPage, char, hline, vline

MM = 72 / 25.4  # points per millimetre
_THIN = 1.2  # mm: a filled path thinner than this is a ruling line
_NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")


def is_ofd(names: list[str]) -> bool:
    """Whether a zip's member names are those of an OFD package."""
    return "OFD.xml" in names or "/OFD.xml" in names


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _find(node: Element, name: str) -> Element | None:
    return next((e for e in node.iter() if _local(e.tag) == name), None)


def _children(node: Element, name: str) -> list[Element]:
    return [e for e in node.iter() if _local(e.tag) == name]


def _numbers(text: str | None) -> list[float]:
    return [float(v) for v in _NUMBER.findall(text or "")]


class _Package:
    """The parts of an OFD zip, resolved as the format's paths are (relative
    to the part that names them, or absolute from the package root)."""

    def __init__(self, data: bytes, name: str) -> None:
        self.name = name
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
        except zipfile.BadZipFile as exc:
            raise InputError(L.MSG_BAD_OFD.format(path=name, reason=str(exc)), path=name) from exc
        self.members = {n.lstrip("/"): n for n in self.zip.namelist()}

    def xml(self, path: str) -> Element:
        from defusedxml import ElementTree as ET

        key = posixpath.normpath(path.replace("\\", "/")).lstrip("/")
        member = self.members.get(key) or next(
            (m for k, m in self.members.items() if k.lower() == key.lower()), None)
        if member is None:
            raise InputError(L.MSG_BAD_OFD.format(path=self.name, reason=L.OFD_MISSING_PART.format(part=key)),
                             path=self.name)
        try:
            return ET.fromstring(self.zip.read(member))
        except Exception as exc:  # defusedxml refuses DTDs/entities; broken XML raises ParseError
            raise InputError(L.MSG_BAD_OFD.format(path=self.name, reason=f"{key}: {type(exc).__name__}"),
                             path=self.name) from exc

    @staticmethod
    def resolve(base: str, loc: str) -> str:
        loc = loc.strip().replace("\\", "/")
        if loc.startswith("/"):
            return loc.lstrip("/")
        return posixpath.normpath(posixpath.join(posixpath.dirname(base), loc))


def _box(text: str | None) -> tuple[float, float, float, float]:
    v = _numbers(text)
    return (v[0], v[1], v[2], v[3]) if len(v) >= 4 else (0.0, 0.0, 0.0, 0.0)


def _ctm(node: Element) -> tuple[float, ...]:
    v = _numbers(node.get("CTM"))
    return tuple(v[:6]) if len(v) >= 6 else (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _apply(m: tuple[float, ...], x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f = m
    return a * x + c * y + e, b * x + d * y + f


def _deltas(text: str | None) -> list[float]:
    """``DeltaX``/``DeltaY``: numbers, ``g N d`` standing for N times d."""
    out: list[float] = []
    tokens = (text or "").split()
    k = 0
    while k < len(tokens):
        if tokens[k] == "g" and k + 2 < len(tokens):
            try:
                out += [float(tokens[k + 2])] * int(float(tokens[k + 1]))
            except ValueError:
                pass
            k += 3
            continue
        try:
            out.append(float(tokens[k]))
        except ValueError:
            pass
        k += 1
    return out


def _text_chars(obj: Element, fonts: dict[str, str]) -> list[dict]:
    """The characters of a TextObject with their boxes on the page (points)."""
    bx, by, _bw, _bh = _box(obj.get("Boundary"))
    m = _ctm(obj)
    size = float(obj.get("Size") or 3.5)
    font = fonts.get(obj.get("Font") or "", "")
    out: list[dict] = []
    x = y = 0.0
    for code in _children(obj, "TextCode"):
        text = "".join((code.text or "").split("\n")).replace("\r", "")
        if code.get("X") is not None:
            x = float(code.get("X") or 0)
        if code.get("Y") is not None:
            y = float(code.get("Y") or 0)
        dx, dy = _deltas(code.get("DeltaX")), _deltas(code.get("DeltaY"))
        for k, ch in enumerate(text):
            step = dx[k] if k < len(dx) else (size if not ch.isascii() else size * 0.5)
            width = step if 0 < step < 2 * size else (size if not ch.isascii() else size * 0.5)
            if ch.strip():
                # the glyph's box in object space: baseline y, ascent ~0.86, descent ~0.14 of the size
                corners = [_apply(m, px, py) for px, py in ((x, y - 0.86 * size), (x + width, y + 0.14 * size))]
                xs = [p[0] + bx for p in corners]
                ys = [p[1] + by for p in corners]
                c = char(ch, min(xs) * MM, min(ys) * MM, max(xs) * MM, max(ys) * MM)
                c["fontname"] = font
                out.append(c)
            x += step
            if k < len(dy):
                y += dy[k]
    return out


def _path_edges(obj: Element) -> list[dict]:
    """The straight horizontal and vertical lines a PathObject draws (points):
    a thin filled shape is one line along its middle, other shapes give
    their axis-parallel segments (the sides of a ruled box)."""
    data = _find(obj, "AbbreviatedData")
    if data is None or not (data.text or "").strip():
        return []
    bx, by, _bw, _bh = _box(obj.get("Boundary"))
    m = _ctm(obj)
    tokens = data.text.split()
    arity = {"M": 2, "S": 2, "L": 2, "Q": 4, "B": 6, "A": 7, "C": 0}
    subpaths: list[list[tuple[str, tuple[float, float]]]] = []
    k = 0
    current: tuple[float, float] | None = None
    start: tuple[float, float] | None = None
    while k < len(tokens):
        op = tokens[k]
        if op not in arity:
            k += 1
            continue
        n = arity[op]
        try:
            args = [float(v) for v in tokens[k + 1:k + 1 + n]]
        except ValueError:
            break
        k += 1 + n
        if len(args) < n:
            break
        if op in ("M", "S"):
            current = start = _apply(m, args[0], args[1])
            subpaths.append([("M", current)])
        elif op == "C":
            if start is not None and subpaths:
                subpaths[-1].append(("L", start))
                current = start
        else:
            point = _apply(m, args[-2], args[-1])
            if not subpaths:
                subpaths.append([("M", current or point)])
            subpaths[-1].append(("L" if op == "L" else "curve", point))
            current = point
    out: list[dict] = []
    for sub in subpaths:
        points = [p for _, p in sub]
        if len(points) < 2:
            continue
        xs, ys = [p[0] + bx for p in points], [p[1] + by for p in points]
        w, h = max(xs) - min(xs), max(ys) - min(ys)
        if any(kind == "curve" for kind, _ in sub):
            continue  # a curve (a seal, a letter drawn as a path) is no ruling line
        if len(points) >= 4 and 0 <= h < _THIN < w:
            out.append(hline(min(xs) * MM, max(xs) * MM, (min(ys) + max(ys)) / 2 * MM))
            continue
        if len(points) >= 4 and 0 <= w < _THIN < h:
            out.append(vline((min(xs) + max(xs)) / 2 * MM, min(ys) * MM, max(ys) * MM))
            continue
        for (_, a), (_, b) in zip(sub, sub[1:]):
            (x0, y0), (x1, y1) = (a[0] + bx, a[1] + by), (b[0] + bx, b[1] + by)
            if abs(y1 - y0) < 0.1 and abs(x1 - x0) >= 0.5:
                out.append(hline(x0 * MM, x1 * MM, y0 * MM))
            elif abs(x1 - x0) < 0.1 and abs(y1 - y0) >= 0.5:
                out.append(vline(x0 * MM, y0 * MM, y1 * MM))
    return out


def _fonts(pkg: _Package, doc_path: str, common: Element | None) -> dict[str, str]:
    """Font ID → name, from the document's public and document resources."""
    fonts: dict[str, str] = {}
    if common is None:
        return fonts
    for tag in ("PublicRes", "DocumentRes"):
        for node in _children(common, tag):
            if not (node.text or "").strip():
                continue
            try:
                res = pkg.xml(pkg.resolve(doc_path, node.text))
            except InputError:
                continue  # a missing resource part: fonts are only names here
            for font in _children(res, "Font"):
                fonts[font.get("ID") or ""] = font.get("FontName") or font.get("FamilyName") or ""
    return fonts


def _objects(content: Element) -> list[Element]:
    return [e for e in content.iter() if _local(e.tag) in ("TextObject", "PathObject")]


def ofd_pages(data: bytes, name: str) -> list[DrawnPage]:
    """The pages of an OFD package (its first document) as drawn pages."""
    pkg = _Package(data, name)
    root = pkg.xml("OFD.xml")
    doc_root = _find(root, "DocRoot")
    if doc_root is None or not (doc_root.text or "").strip():
        raise InputError(L.MSG_BAD_OFD.format(path=name, reason=L.OFD_MISSING_PART.format(part="DocRoot")),
                         path=name)
    doc_path = pkg.resolve("OFD.xml", doc_root.text)
    doc = pkg.xml(doc_path)
    common = _find(doc, "CommonData")
    fonts = _fonts(pkg, doc_path, common)
    default_box = (0.0, 0.0, 210.0, 297.0)
    if common is not None and (phys := _find(common, "PhysicalBox")) is not None:
        default_box = _box(phys.text)
    templates: dict[str, str] = {}
    if common is not None:
        for tpl in _children(common, "TemplatePage"):
            if tpl.get("BaseLoc"):
                templates[tpl.get("ID") or ""] = pkg.resolve(doc_path, tpl.get("BaseLoc") or "")
    pages_node = _find(doc, "Pages")
    out: list[DrawnPage] = []
    for page_ref in _children(pages_node, "Page") if pages_node is not None else []:
        loc = page_ref.get("BaseLoc")
        if not loc:
            continue
        page_path = pkg.resolve(doc_path, loc)
        page = pkg.xml(page_path)
        phys = _find(page, "PhysicalBox")
        box = _box(phys.text) if phys is not None else default_box
        objects: list[Element] = []
        for tpl_ref in _children(page, "Template"):
            tpl_path = templates.get(tpl_ref.get("TemplateID") or "")
            if tpl_path:
                tpl = pkg.xml(tpl_path)
                content = _find(tpl, "Content")
                if content is not None:
                    objects += _objects(content)
        content = _find(page, "Content")
        if content is not None:
            objects += _objects(content)
        drawn = DrawnPage(box[2] * MM, box[3] * MM)
        for obj in objects:
            if _local(obj.tag) == "TextObject":
                drawn.chars += _text_chars(obj, fonts)
            else:
                drawn.edges += _path_edges(obj)
        out.append(drawn)
    if not out:
        raise InputError(L.MSG_BAD_OFD.format(path=name, reason=L.OFD_NO_PAGES), path=name)
    return out


def read_ofd(data: bytes, name: str, *, simplified: bool = True):  # type: ignore[no-untyped-def]
    """The task table of an OFD document (None when it has none) and its text
    (one paragraph a line), as ``readers/pdf.read_pdf`` gives them."""
    from xltools.importing.readers.pdf import read_pages

    return read_pages(ofd_pages(data, name), name, simplified=simplified)
