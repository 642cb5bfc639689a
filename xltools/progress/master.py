"""Fast access to the master workbook for the roll-up.

A master with many units holds tens of thousands of rows on 任务分工; loading
and re-saving it with openpyxl would take most of the roll-up's time. Two
helpers avoid that:

* ``read_plan_fast(data)`` reads the plan with python-calamine. It follows
  ``workbook_reader.load_workbook`` (same helpers for 说明 and 单位, same
  rules for 任务分工) without collecting `check` problems; a test keeps the
  two equal.
* ``merge_sheets(master, generated, …)`` copies the master package and puts
  the sheets of a small generated .xlsx into it (replacing sheets of the same
  names): styles are merged, parts renamed, defined names and content types
  updated, and every master part is kept byte-for-byte in content. Big tables
  are streamed in as rows at the same time (``stream``).
"""

from __future__ import annotations

import io
import posixpath
import re
import unicodedata
import zipfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from operator import itemgetter
from typing import NamedTuple

import python_calamine
from lxml import etree
from openpyxl.utils import column_index_from_string, get_column_letter

from xltools import labels as L
from xltools.errors import WorkbookError, XltoolsError
from xltools.model import Assignment, Plan, PlanInfo, Role, requirement_sort_key
from xltools.io.ziputil import Member, Package, StreamDeflater, deflate, write_package
from xltools.workbook.reader import (assemble_goals, read_continued, _deadline, _header_map, _text, normalise_requirement_id,
                                     read_settings, read_units)

NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
NS_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
REL_WORKSHEET = NS_REL + "/worksheet"
REL_CALC_CHAIN = NS_REL + "/calcChain"
BIG_PART = 1_000_000  # bytes: deflated fast (level 1) and on a worker thread
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True,
                          remove_blank_text=False)


# --------------------------------------------------------------- the plan
_PLAIN_ID = re.compile(r"\d+-\d+")


def requirement_id(value: object) -> str | None:
    """``normalise_requirement_id`` with a fast path for ids already written right."""
    if isinstance(value, str) and _PLAIN_ID.fullmatch(value):
        return value
    return normalise_requirement_id(value)[0]

class _Sheet:
    """The part of an openpyxl worksheet that workbook_reader's helpers use."""

    def __init__(self, title: str, rows: list[list[object]]) -> None:
        self.title = title
        self._rows = rows

    @property
    def rows(self) -> list[list[object]]:
        """The rows as calamine gave them (lists, not copied)."""
        return self._rows

    def iter_rows(self, min_row: int = 1, max_row: int | None = None, max_col: int | None = None,
                  values_only: bool = True) -> Iterable[tuple]:
        stop = len(self._rows) if max_row is None else min(max_row, len(self._rows))
        for values in self._rows[min_row - 1:stop]:
            yield tuple(values[:max_col] if max_col else values)


# Characters text.clean_text may change: odd and plain spaces, line breaks, zero-width
# characters, full-width digits and letters, ASCII punctuation and brackets (full-width
# brackets change only beside an ASCII one).
_CJK_OR_PUNCT = "\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef“”‘’《》〔〕【】"
_MAY_CHANGE = re.compile("[\u00a0\u3000\u2002-\u200d\u202f\u205f\u2060\ufeff\u00ad"
                         "\t\r\n\uff10-\uff19\uff21-\uff3a\uff41-\uff5a,;:?!()]")
# A space is folded, trimmed, or dropped between Chinese characters, or between
# Chinese and a Latin word or a number (2024 年).
_SPACE_MAY_CHANGE = re.compile(f"  |(?<=[{_CJK_OR_PUNCT}]) (?=[{_CJK_OR_PUNCT}0-9A-Za-z])"
                               f"|(?<=[0-9A-Za-z.%/+]) (?=[{_CJK_OR_PUNCT}])")


def is_clean(text: str) -> bool:
    """True when ``text.clean_text`` would return ``text`` unchanged (a normalised
    workbook's texts are already clean): none of the characters it changes, NFC."""
    # A character class alone is a fast scan; the space rules only run on texts with a space.
    if _MAY_CHANGE.search(text) or text[:1].isspace() or text[-1:].isspace():
        return False
    if " " in text and _SPACE_MAY_CHANGE.search(text):
        return False
    return unicodedata.is_normalized("NFC", text)


def read_plan_fast(data: bytes, name: str = "<workbook>",
                   extra: dict[str, list[list[object]]] | None = None) -> Plan:
    """The plan of a normalised workbook given as bytes, read with python-calamine.

    Only an .xlsx package is accepted: the roll-up writes a copy of it. A part
    calamine cannot parse is named in the error. The rows of the sheets named
    in ``extra`` (when the workbook has them) are put there, from the same parse."""
    sheets = load_master_sheets(data, name, tuple(extra or ()))
    if extra is not None:
        for sheet in extra:
            extra[sheet] = sheets.get(sheet, [])
    return plan_from_sheets(sheets, name)


_PLAN_SHEETS = (L.SHEET_README, L.SHEET_UNITS, L.SHEET_ASSIGNMENTS, L.SHEET_CONTINUED)


def load_master_sheets(data: bytes, name: str = "<workbook>",
                       extra: Sequence[str] = ()) -> dict[str, list[list[object]]]:
    """The sheets a plan is read from (and ``extra`` ones), as python-calamine
    gives their rows: the parse, with no Python per cell (run on a reading thread)."""
    from xltools.io.guard import bad_part_error, is_reader_failure

    try:
        return _load_master_sheets(data, name, extra)
    except (python_calamine.CalamineError, zipfile.BadZipFile, SyntaxError, EOFError) as exc:
        raise (bad_part_error(data, name)
               or WorkbookError(L.MSG_NOT_A_WORKBOOK.format(path=name, reason=exc), path=name)) from exc
    except XltoolsError:
        raise
    except BaseException as exc:  # a Rust panic in calamine (a BaseException) is a message too
        if not is_reader_failure(exc):
            raise
        raise WorkbookError(L.MSG_NOT_A_WORKBOOK.format(path=name, reason=f"{type(exc).__name__}: "
                                                        f"{str(exc)[:200]}"), path=name) from exc


def _load_master_sheets(data: bytes, name: str, extra: Sequence[str]) -> dict[str, list[list[object]]]:
    if not data.startswith(b"PK\x03\x04"):
        raise WorkbookError(L.MSG_MASTER_NOT_XLSX.format(path=name), path=name)
    try:
        book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    except Exception as exc:  # calamine raises several types for broken files
        raise WorkbookError(L.MSG_NOT_A_WORKBOOK.format(path=name, reason=exc), path=name) from exc
    names = book.sheet_names
    for sheet in (L.SHEET_ASSIGNMENTS, L.SHEET_UNITS):
        if sheet not in names:
            raise WorkbookError(L.MSG_MISSING_SHEET.format(path=name, sheet=sheet), path=name,
                                sheet=sheet)
    sheets = {sheet: book.get_sheet_by_name(sheet).to_python(skip_empty_area=False)
              for sheet in (*_PLAN_SHEETS, *extra) if sheet in names}
    book.close()
    return sheets


def plan_from_sheets(sheets: dict[str, list[list[object]]], name: str = "<workbook>") -> Plan:
    """The plan from the sheets ``load_master_sheets`` read (Python only)."""
    def rows(sheet: str) -> list[list[object]]:  # empty cells → None, as openpyxl gives them
        return [[None if v == "" else v for v in r] for r in sheets[sheet]]

    info = (read_settings(_Sheet(L.SHEET_README, rows(L.SHEET_README)))
            if L.SHEET_README in sheets else PlanInfo())
    units = read_units(_Sheet(L.SHEET_UNITS, rows(L.SHEET_UNITS)), name, [])
    canonical: dict[str, str] = {}
    for u in units:
        canonical[u.name] = u.name
        for alias in u.aliases:
            canonical.setdefault(alias, u.name)
    # Empty cells stay "" on the big sheet: every use below reads "" as None does.
    ws = _Sheet(L.SHEET_ASSIGNMENTS, sheets[L.SHEET_ASSIGNMENTS])
    cols = _header_map(ws, (L.COL_REQ_ID, L.COL_REQUIREMENT, L.COL_UNIT, L.COL_ROLE), name)
    cache: dict[object, str] = {}
    deadlines: dict[object, object] = {}

    def text(value: object) -> str:
        # Goal, task and requirement texts repeat on every unit's row: clean each once.
        try:
            return cache[value]
        except KeyError:
            if type(value) is str and is_clean(value):
                cache[value] = value
                return value
            cache[value] = result = _text(value)
            return result
        except TypeError:  # unhashable: never from calamine, kept for safety
            return _text(value)

    reqs: dict[str, dict] = {}
    assignments: list[tuple[tuple, int, Assignment]] = []
    roles: dict[str, Role | None] = {}
    field_cols = [(c, cols.get(c)) for c in
                  (L.COL_GOAL, L.COL_TASK, L.COL_REQUIREMENT, L.COL_UNITS_TEXT)]
    i_id, i_deadline = cols.get(L.COL_REQ_ID), cols.get(L.COL_DEADLINE)
    i_unit, i_role, i_remark = cols.get(L.COL_UNIT), cols.get(L.COL_ROLE), cols.get(L.COL_REMARK)

    width = 1 + max(i for i in (i_id, i_deadline, i_unit, i_role, i_remark,
                                *(i for _, i in field_cols)) if i is not None)
    ids: dict[object, str | None] = {}  # raw 要求编号 → id (each repeats on every unit's row)
    sort_keys: dict[str, tuple] = {}
    complete: set[str] = set()  # requirements whose texts and deadline are all known
    for row, values in enumerate(ws.rows[1:], start=2):
        if len(values) < width:
            values = [*values, *(None,) * (width - len(values))]
        raw_id = values[i_id]
        try:
            req_id = ids[raw_id]
        except KeyError:
            req_id = ids[raw_id] = requirement_id(raw_id)  # None also for blank rows
        except TypeError:  # unhashable: never from calamine, kept for safety
            req_id = requirement_id(raw_id)
        if req_id is None:
            continue
        raw_deadline = values[i_deadline] if i_deadline is not None else None
        try:
            deadline = deadlines[raw_deadline]
        except KeyError:
            deadline = deadlines[raw_deadline] = _deadline(raw_deadline, info.year)[0]
        if req_id not in complete:
            known = reqs.get(req_id)
            if known is None:
                known = reqs[req_id] = {**{c: text(values[i] if i is not None else None)
                                           for c, i in field_cols}, "deadline": deadline}
                sort_keys[req_id] = requirement_sort_key(req_id)
            else:
                for column, i in field_cols[:3]:
                    if not known[column]:
                        known[column] = text(values[i] if i is not None else None)
                if deadline and not known["deadline"]:
                    known["deadline"] = deadline
            if known["deadline"] and all(known[c] for c, _ in field_cols[:3]):
                complete.add(req_id)
        raw = values[i_unit]
        unit_raw = cache.get(raw)
        if unit_raw is None:
            unit_raw = text(raw)
        unit = canonical.get(unit_raw, unit_raw) if unit_raw else ""
        raw = values[i_role] if i_role is not None else None
        role_raw = cache.get(raw)
        if role_raw is None:
            role_raw = text(raw)
        try:
            role = roles[role_raw]
        except KeyError:
            role = roles[role_raw] = Role.parse(role_raw)
        if i_remark is None:
            remark = ""
        else:
            raw = values[i_remark]
            remark = cache.get(raw)
            if remark is None:
                remark = text(raw)
        assignments.append((sort_keys[req_id], row, Assignment(req_id, unit, role, remark)))
    continued = (read_continued(sheets[L.SHEET_CONTINUED]) if L.SHEET_CONTINUED in sheets
                 else None)
    plan_goals = assemble_goals(reqs, sort_keys, continued)
    assignments.sort(key=itemgetter(0, 1))  # (requirement order, row): rows are unique
    return Plan(info=info, goals=plan_goals, assignments=tuple(a for _, _, a in assignments),
                units=units)


# --------------------------------------------------------- package merging
def _q(ns: str, tag: str) -> str:
    return f"{{{ns}}}{tag}"


def _resolve(source: str, target: str) -> str:
    """A relationship target of part ``source`` → part name (no leading slash)."""
    if target.startswith("/"):
        return target[1:]
    return posixpath.normpath(posixpath.join(posixpath.dirname(source), target))


def _rels_name(part: str) -> str:
    d, f = posixpath.split(part)
    return posixpath.join(d, "_rels", f + ".rels")




def _reachable(files: Mapping[str, bytes]) -> set[str]:
    """Parts reachable from the package root through relationships."""
    seen: set[str] = set()
    stack = [""]
    while stack:
        part = stack.pop()
        rels_part = "_rels/.rels" if part == "" else _rels_name(part)
        data = files.get(rels_part)
        if data is None:
            continue
        seen.add(rels_part)
        for rel in etree.fromstring(data, _PARSER):
            if rel.get("TargetMode") == "External":
                continue
            target = _resolve(part, rel.get("Target", ""))
            if target in files and target not in seen:
                seen.add(target)
                stack.append(target)
    return seen


def _xml(el: etree._Element) -> bytes:
    return etree.tostring(el, xml_declaration=True, encoding="UTF-8", standalone=True)


def _children(parent: etree._Element | None, tag: str) -> list[etree._Element]:
    return [] if parent is None else parent.findall(_q(NS_MAIN, tag))


def _ensure(root: etree._Element, tag: str, before: Sequence[str]) -> etree._Element:
    el = root.find(_q(NS_MAIN, tag))
    if el is not None:
        return el
    el = etree.Element(_q(NS_MAIN, tag))
    for name in before:
        nxt = root.find(_q(NS_MAIN, name))
        if nxt is not None:
            nxt.addprevious(el)
            return el
    root.append(el)
    return el


_STYLE_ORDER = ("numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles",
                "dxfs", "tableStyles", "colors", "extLst")


def _merge_styles(master: bytes, generated: bytes) -> tuple[bytes, int, int]:
    """Append the generated styles to the master's; return (styles, xf offset, dxf offset)."""
    m = etree.fromstring(master, _PARSER)
    g = etree.fromstring(generated, _PARSER)
    offsets: dict[str, int] = {}
    for section, item in (("fonts", "font"), ("fills", "fill"), ("borders", "border"),
                          ("dxfs", "dxf")):
        after = _STYLE_ORDER[_STYLE_ORDER.index(section) + 1:]
        target = _ensure(m, section, after)
        offsets[section] = len(_children(target, item))
        for el in _children(g.find(_q(NS_MAIN, section)), item):
            target.append(el)
        target.set("count", str(len(_children(target, item))))
    # Number formats: reuse the master's id for the same code, else a new id.
    m_fmts = _ensure(m, "numFmts", _STYLE_ORDER[1:])
    codes = {f.get("formatCode"): int(f.get("numFmtId")) for f in _children(m_fmts, "numFmt")}
    next_id = max([163, *codes.values()]) + 1
    g_fmts = {int(f.get("numFmtId")): f.get("formatCode")
              for f in _children(g.find(_q(NS_MAIN, "numFmts")), "numFmt")}
    for code in g_fmts.values():
        if code not in codes:
            codes[code] = next_id
            el = etree.SubElement(m_fmts, _q(NS_MAIN, "numFmt"))
            el.set("numFmtId", str(next_id))
            el.set("formatCode", code)
            next_id += 1
    m_fmts.set("count", str(len(_children(m_fmts, "numFmt"))))
    if not len(m_fmts):
        m.remove(m_fmts)
    m_xfs = _ensure(m, "cellXfs", _STYLE_ORDER[6:])
    xf_offset = len(_children(m_xfs, "xf"))
    for xf in _children(g.find(_q(NS_MAIN, "cellXfs")), "xf"):
        for attr, section in (("fontId", "fonts"), ("fillId", "fills"), ("borderId", "borders")):
            if xf.get(attr) is not None:
                xf.set(attr, str(int(xf.get(attr)) + offsets[section]))
        fid = int(xf.get("numFmtId", "0"))
        if fid in g_fmts:
            xf.set("numFmtId", str(codes[g_fmts[fid]]))
        xf.set("xfId", "0")
        m_xfs.append(xf)
    m_xfs.set("count", str(len(_children(m_xfs, "xf"))))
    return _xml(m), xf_offset, offsets["dxfs"]


_S_ATTR = re.compile(r'(<(?:c|row)\b[^>]*? s=")(\d+)(")')
_STYLE_ATTR = re.compile(r'(<col\b[^>]*? style=")(\d+)(")')
_DXF_ATTR = re.compile(r'(<cfRule\b[^>]*? dxfId=")(\d+)(")')


def _shift_styles(xml: str, xf_offset: int, dxf_offset: int) -> str:
    xml = _S_ATTR.sub(lambda m: f"{m.group(1)}{int(m.group(2)) + xf_offset}{m.group(3)}", xml)
    xml = _STYLE_ATTR.sub(lambda m: f"{m.group(1)}{int(m.group(2)) + xf_offset}{m.group(3)}", xml)
    return _DXF_ATTR.sub(lambda m: f"{m.group(1)}{int(m.group(2)) + dxf_offset}{m.group(3)}", xml)


_SHEET_DATA_END = re.compile(r"<sheetData\s*/>|</sheetData>")
_DIMENSION = re.compile(r'<dimension ref="[^"]*"\s*/>')
_CELL_REF = re.compile(r'<c r="([A-Z]+)(\d+)"')


class Rendered(NamedTuple):
    """Rows of a generated sheet to be rendered as XML: ``rows(offset)`` gives
    them with the generated workbook's style ids moved by ``offset`` (where they
    land in the merged workbook); the one-row merges that go with them
    ("A1:N1"), and the sheet's dimension ("A1:N674")."""

    rows: Callable[[int], str]
    merges: tuple[str, ...] = ()
    dimension: str = ""


# What may stand between sheetData and mergeCells (ECMA-376 order).
_BEFORE_MERGES = re.compile(r"<(?:sheetCalcPr|sheetProtection|protectedRanges|scenarios|autoFilter|"
                            r"sortState|dataConsolidate|customSheetViews)\b")
_MERGE_CELLS = re.compile(r'<mergeCells count="(\d+)">')


def _add_merges(xml: str, merges: Sequence[str]) -> str:
    cells = "".join(f'<mergeCell ref="{ref}"/>' for ref in merges)
    found = _MERGE_CELLS.search(xml)
    if found:
        end = xml.index("</mergeCells>", found.end())
        count = int(found.group(1)) + len(merges)
        return (f'{xml[:found.start()]}<mergeCells count="{count}">{xml[found.end():end]}'
                f"{cells}{xml[end:]}")
    at = xml.index("</sheetData>") + len("</sheetData>")
    while True:  # after those of them that follow sheetData
        m = _BEFORE_MERGES.match(xml, at)
        if m is None:
            break
        close = xml.index(">", m.end())
        tag = m.group()[1:]
        at = close + 1 if xml[close - 1] == "/" else xml.index(f"</{tag}>", close) + len(tag) + 3
    return f'{xml[:at]}<mergeCells count="{len(merges)}">{cells}</mergeCells>{xml[at:]}'


def append_rows(xml: str, rows: str, merges: Sequence[str] = (), dimension: str = "") -> str:
    """Sheet ``xml`` with ``rows`` (sheetData rows as XML, the sheet's own style
    ids) added at the end of its sheetData and ``merges`` to its merged cells;
    a dimension it has becomes ``dimension`` (recomputed when not given)."""
    ends = list(_SHEET_DATA_END.finditer(xml))
    if not ends:
        raise WorkbookError(L.MSG_INTERNAL.format(detail="a sheet without sheetData"))
    end = ends[-1]
    closing = "" if end.group().startswith("</") else "<sheetData>"
    xml = f"{xml[:end.start()]}{closing}{rows}</sheetData>{xml[end.end():]}"
    if merges:
        xml = _add_merges(xml, merges)
    if dimension:
        return _DIMENSION.sub(f'<dimension ref="{dimension}"/>', xml, count=1)
    if _DIMENSION.search(xml):
        start, stop = xml.index("<sheetData"), xml.index("</sheetData>")
        refs = _CELL_REF.findall(xml, start, stop)
        if refs:
            width = max(column_index_from_string(col) for col in {col for col, _ in refs})
            ref = f"A1:{get_column_letter(width)}{max(int(r) for _, r in refs)}"
            xml = _DIMENSION.sub(f'<dimension ref="{ref}"/>', xml, count=1)
    return xml


def sheet_parts(files: Mapping[str, bytes]) -> dict[str, str]:
    """Worksheet name → part name of a package."""
    wb_part = "xl/workbook.xml"
    for rel in etree.fromstring(files["_rels/.rels"], _PARSER):
        if rel.get("Type", "").endswith("/officeDocument"):
            wb_part = rel.get("Target", "").lstrip("/")
    wb = etree.fromstring(files[wb_part], _PARSER)
    rels = {r.get("Id"): r.get("Target") for r in etree.fromstring(files[_rels_name(wb_part)], _PARSER)}
    return {s.get("name"): _resolve(wb_part, rels[s.get(_q(NS_REL, "id"))])
            for s in wb.find(_q(NS_MAIN, "sheets"))}


def add_rows(package: bytes, rows: dict[str, str]) -> bytes:
    """The package with ``rows`` (sheet name → rows' XML) appended to those sheets;
    the other parts are copied compressed, as they are."""
    files = Package(package)
    for name, part in sheet_parts(files).items():
        if name in rows:
            files[part] = append_rows(files[part].decode("utf-8"), rows[name]).encode("utf-8")
    return write_package([(part, files.unchanged(part) or files[part]) for part in files])


def _free_name(files: Mapping[str, bytes], pattern: str) -> str:
    n = 1
    while pattern.format(n) in files:
        n += 1
    return pattern.format(n)


_TAB_SELECTED = re.compile(rb'(<sheetView\b[^>]*?) tabSelected="(?:1|true)"')


def merge_sheets(master: bytes, generated: bytes, *, active: str | None = None,
                 stream: dict[str, tuple[int, list[list[object]]] | Rendered] | None = None,
                 inject=None, first: str | None = None, keep_master: bool = True) -> bytes:
    """The master package with the worksheets of ``generated`` added at the end.

    Master sheets with the same names are removed first (with their drawings
    and charts). ``stream`` maps a generated sheet name to rows to append (see
    ``rollup.write_rollup(bulk=True)``); ``inject(xml, first_row, rows)`` yields the
    sheet with them as UTF-8 chunks. A sheet that ``stream`` maps to a Rendered
    gets its rows (rendered with the merged workbook's style ids), its merges
    and its dimension.
    ``active`` becomes the selected sheet; ``first`` (a generated sheet) is moved
    to the front; with ``keep_master`` False no master sheet is kept (only the
    generated ones, with the master's styles).
    """
    stream = stream or {}
    try:
        files = Package(master)
    except zipfile.BadZipFile as exc:
        raise WorkbookError(L.MSG_NOT_A_WORKBOOK.format(path="<master>", reason=exc)) from exc
    # Large new parts are deflated on two worker threads while the next is built.
    pool = ThreadPoolExecutor(max_workers=2)
    try:
        return _merge(files, generated, active, stream, inject, pool, first, keep_master)
    finally:
        pool.shutdown(wait=True)


def _merge(files: Package, generated: bytes, active: str | None,
           stream: dict[str, tuple[int, list[list[object]]] | Rendered], inject,
           pool: ThreadPoolExecutor,
           first: str | None = None, keep_master: bool = True) -> bytes:
    compressed: dict[str, Future[Member]] = {}
    with zipfile.ZipFile(io.BytesIO(generated)) as zg:
        gfiles = {i.filename: zg.read(i.filename) for i in zg.infolist()}

    wb_part = "xl/workbook.xml"
    for rel in etree.fromstring(files["_rels/.rels"], _PARSER):
        if rel.get("Type", "").endswith("/officeDocument"):
            wb_part = rel.get("Target", "").lstrip("/")
    wb = etree.fromstring(files[wb_part], _PARSER)
    wb_rels_part = _rels_name(wb_part)
    wb_rels = etree.fromstring(files[wb_rels_part], _PARSER)
    rel_by_id = {r.get("Id"): r for r in wb_rels}
    sheets_el = wb.find(_q(NS_MAIN, "sheets"))

    g_wb = etree.fromstring(gfiles["xl/workbook.xml"], _PARSER)
    g_rels = {r.get("Id"): r for r in etree.fromstring(gfiles["xl/_rels/workbook.xml.rels"], _PARSER)}
    g_sheets = [(s.get("name"), _resolve("xl/workbook.xml", g_rels[s.get(_q(NS_REL, "id"))].get("Target")))
                for s in g_wb.find(_q(NS_MAIN, "sheets"))]
    new_names = {name for name, _ in g_sheets}
    g_states = {s.get("name"): s.get("state") for s in g_wb.find(_q(NS_MAIN, "sheets"))}

    # 1. Drop master sheets that are replaced; renumber sheet-local defined names.
    old_sheets = list(sheets_el)
    index_map: dict[int, int] = {}
    kept = 0
    for i, s in enumerate(old_sheets):
        if s.get("name") in new_names or not keep_master:
            rid = s.get(_q(NS_REL, "id"))
            sheets_el.remove(s)
            rel = rel_by_id.pop(rid, None)
            if rel is not None:
                wb_rels.remove(rel)
        else:
            index_map[i] = kept
            kept += 1
    # calcChain is rebuilt by Excel; a stale one would point at removed cells.
    for rel in list(wb_rels):
        if rel.get("Type") == REL_CALC_CHAIN:
            wb_rels.remove(rel)
    defined = wb.find(_q(NS_MAIN, "definedNames"))
    if defined is not None:
        for dn in list(defined):
            local = dn.get("localSheetId")
            if local is None:
                continue
            if int(local) in index_map:
                dn.set("localSheetId", str(index_map[int(local)]))
            else:
                defined.remove(dn)
    files[wb_rels_part] = _xml(wb_rels)

    # 2. Styles.
    styles_part = next((_resolve(wb_part, r.get("Target")) for r in wb_rels
                        if r.get("Type", "").endswith("/styles")), None)
    if styles_part is None:
        raise WorkbookError(L.MSG_NOT_A_WORKBOOK.format(path="<master>", reason="no styles part"))
    files[styles_part], xf_off, dxf_off = _merge_styles(files[styles_part], gfiles["xl/styles.xml"])

    # 3. Copy the generated sheets and what hangs off them, under free names.
    ct = etree.fromstring(files["[Content_Types].xml"], _PARSER)
    g_ct = etree.fromstring(gfiles["[Content_Types].xml"], _PARSER)
    g_types = {o.get("PartName").lstrip("/"): o.get("ContentType")
               for o in g_ct if o.get("PartName")}
    max_id = max([0, *(int(s.get("sheetId")) for s in sheets_el)])
    used_rids = {r.get("Id") for r in wb_rels}
    new_index: dict[str, int] = {}

    def add_override(part: str) -> None:
        el = etree.SubElement(ct, _q(NS_CT, "Override"))
        el.set("PartName", "/" + part)
        el.set("ContentType", g_types[part_src[part]])

    part_src: dict[str, str] = {}

    def copy_part(src: str, pattern: str) -> str:
        """Copy a generated part (and, recursively, its related parts); return its new name."""
        dest = _free_name(files, pattern)
        files[dest] = b""  # reserve the name
        part_src[dest] = src
        rels_data = gfiles.get(_rels_name(src))
        if rels_data is not None:
            rels = etree.fromstring(rels_data, _PARSER)
            for rel in rels:
                if rel.get("TargetMode") == "External":
                    continue
                target = _resolve(src, rel.get("Target"))
                base = posixpath.basename(target)
                stem = re.sub(r"\d*\.xml$", "", base)
                new = copy_part(target, posixpath.join(posixpath.dirname(target), stem + "{}.xml"))
                rel.set("Target", "/" + new)
            files[_rels_name(dest)] = _xml(rels)
        files[dest] = gfiles[src]
        add_override(dest)
        return dest

    for name, src in g_sheets:
        dest = copy_part(src, "xl/worksheets/sheet{}.xml")
        xml = _shift_styles(files[dest].decode("utf-8"), xf_off, dxf_off)
        entry = stream.get(name)
        if isinstance(entry, Rendered):  # its rows come with the merged style ids
            xml = append_rows(xml, entry.rows(xf_off), entry.merges, entry.dimension)
            entry = None
        if entry is not None and inject is not None:
            # The long table's rows go straight into the deflater, chunk by chunk.
            first_row, rows = entry
            packer = StreamDeflater(pool, level=1)
            for chunk in inject(xml, first_row, rows):
                packer.feed(chunk)
            compressed[dest] = packer.finish()
            files[dest] = b""  # the name is taken; the content is the member above
        else:
            data = files[dest] = xml.encode("utf-8")
            if len(data) > BIG_PART:
                compressed[dest] = pool.submit(deflate, data, 1)
        n = 1
        while f"rId{n}" in used_rids:
            n += 1
        rid = f"rId{n}"
        used_rids.add(rid)
        rel = etree.SubElement(wb_rels, _q(NS_PKG, "Relationship"))
        rel.set("Type", REL_WORKSHEET)
        rel.set("Target", "/" + dest)
        rel.set("Id", rid)
        max_id += 1
        sheet = etree.SubElement(sheets_el, _q(NS_MAIN, "sheet"))
        sheet.set("name", name)
        sheet.set("sheetId", str(max_id))
        sheet.set(_q(NS_REL, "id"), rid)
        if g_states.get(name):
            sheet.set("state", g_states[name])  # a hidden generated sheet stays hidden
        new_index[name] = len(sheets_el) - 1
    files[wb_rels_part] = _xml(wb_rels)

    # 4. Defined names of the generated sheets (print titles, filters).
    g_defined = g_wb.find(_q(NS_MAIN, "definedNames"))
    g_names = [s.get("name") for s in g_wb.find(_q(NS_MAIN, "sheets"))]
    if g_defined is not None and len(g_defined):
        if defined is None:
            defined = etree.Element(_q(NS_MAIN, "definedNames"))
            sheets_el.addnext(defined)
        for dn in g_defined:
            local = dn.get("localSheetId")
            if local is None:
                continue
            dn.set("localSheetId", str(new_index[g_names[int(local)]]))
            defined.append(dn)
    if defined is not None and not len(defined):
        wb.remove(defined)

    # 4b. The sheet to show first moves to the front (sheet-local names follow it).
    if first in new_index and new_index[first] > 0:
        at = new_index[first]
        el = sheets_el[at]
        sheets_el.remove(el)
        sheets_el.insert(0, el)
        for name, i in list(new_index.items()):
            new_index[name] = 0 if i == at else i + 1 if i < at else i
        if defined is not None:
            for dn in defined:
                local = dn.get("localSheetId")
                if local is not None:
                    i = int(local)
                    dn.set("localSheetId", str(0 if i == at else i + 1 if i < at else i))

    # 5. The active sheet: only it is selected.
    if active in new_index:
        views = wb.find(_q(NS_MAIN, "bookViews"))
        if views is None:
            views = etree.Element(_q(NS_MAIN, "bookViews"))
            sheets_el.addprevious(views)
            etree.SubElement(views, _q(NS_MAIN, "workbookView"))
        for view in views:
            view.set("activeTab", str(new_index[active]))
            view.set("firstSheet", "0")
        for s in sheets_el:
            if s.get("name") in new_names:
                continue
            rel = rel_by_id.get(s.get(_q(NS_REL, "id")))
            if rel is None:
                continue
            part = _resolve(wb_part, rel.get("Target"))
            head = files.head(part, 4096)
            fixed = _TAB_SELECTED.sub(rb"\1", head)
            if fixed != head:
                files[part] = fixed + files[part][len(head):]
    files[wb_part] = _xml(wb)

    # 6. Drop parts nothing refers to any more (old sheets, their drawings, calcChain).
    live = _reachable(files) | {"[Content_Types].xml"}
    for part in list(files):
        if part not in live:
            del files[part]
    for o in list(ct):
        name = o.get("PartName")
        if name and name.lstrip("/") not in files:
            ct.remove(o)
    files["[Content_Types].xml"] = _xml(ct)

    names = list(files)  # the master's order, then the new parts
    parts: list[tuple[str, bytes | Member | Future[Member]]] = []
    for part in names:
        kept = files.unchanged(part)  # copied compressed, as it is
        if kept is not None:
            parts.append((part, kept))
        elif part in compressed:
            parts.append((part, compressed[part]))
        else:
            data = files[part]
            parts.append((part, deflate(data, 1) if len(data) > BIG_PART else data))
    return write_package(parts)


__all__ = ["read_plan_fast", "load_master_sheets", "plan_from_sheets", "merge_sheets", "add_rows", "append_rows", "Rendered", "requirement_id"]
