"""Scanned pages and photos, read offline: RapidOCR (ONNX Runtime, with the
Chinese detection and recognition models inside its wheel: nothing is
downloaded) reads the characters; the table's ruling lines are found in the
image (``readers/raster.py``); both go on a ``readers/drawn.DrawnPage`` and
are read by the PDF grid code (``readers/pdf.read_pages``): the same cells,
merged cells, stitching of a table over pages and fallback to text lines for
a page without rules.

Before reading, a page is turned upright (a page lying on its side, 90°),
a phone photo's page is mapped back to a rectangle, red seals are removed
and the skew is corrected. Every character keeps the confidence OCR gives
it; a table cell (or a line outside the tables) with a doubtful character
goes on 待核对 with its page and position, the doubtful characters marked
〔〕. A unit name read one character off a name the document writes more
often, or off a standard body name (市发政局 beside 市发改局), is corrected
and noted, never silently.

OCR is an extra (``pip install xltools[ocr]``): without it a scan gets a
message that says how to add it.
"""

from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass

from xltools import labels as L
from xltools.errors import DependencyError, InputError
from xltools.importing.readers.drawn import DrawnPage, char, hline, vline

DOUBT = 0.8  # a character recognised with less confidence than this is doubtful
_MIN_SCORE = 0.2  # text lines below this are noise (specks, seal remnants)
_RENDER_DPI = 200  # PDF pages without a text layer are rendered at this resolution
_MAX_PIXELS = 60_000_000  # pixels of one page image at most (A4 at 600 dpi is 35 million)
_BODY_POINTS = 12.5  # height of a recognised text line of body text, in points (to size photos)
MM = 72 / 25.4


class _Missing(Exception):
    pass


def available() -> bool:
    """Whether the OCR extra (rapidocr, onnxruntime, OpenCV) is installed."""
    try:
        _modules()
    except _Missing:
        return False
    return True


def _modules():  # type: ignore[no-untyped-def]
    try:
        import cv2  # noqa: F401
        import numpy  # noqa: F401
        import onnxruntime  # noqa: F401
        from rapidocr import RapidOCR
    except ImportError as exc:
        raise _Missing(str(exc)) from exc
    return RapidOCR


def _require(name: str, what: str):  # type: ignore[no-untyped-def]
    try:
        return _engine()
    except _Missing as exc:
        raise DependencyError(L.MSG_OCR_MISSING.format(path=name, what=what), path=name) from exc


@functools.lru_cache(maxsize=1)
def _engine():  # type: ignore[no-untyped-def]
    """One RapidOCR engine (its models load once), on few threads: OCR is
    CPU-heavy and office PCs are small (``XLTOOLS_OCR_THREADS``, default 2)."""
    rapid = _modules()
    threads = int(os.environ.get("XLTOOLS_OCR_THREADS", "2") or 2)
    return rapid(params={
        "Global.log_level": "error",
        "Global.text_score": _MIN_SCORE,
        "Global.return_word_box": True,
        "Global.return_single_char_box": True,
        "EngineConfig.onnxruntime.intra_op_num_threads": threads,
        "EngineConfig.onnxruntime.inter_op_num_threads": 1,
    })


@dataclass
class _TextLine:
    """One recognised line of text: its characters (text, confidence, x0, x1)
    and its box, in pixels."""

    chars: list[tuple[str, float, float, float]]
    x0: float
    x1: float
    top: float
    bottom: float

    @property
    def text(self) -> str:
        return "".join(c[0] for c in self.chars)


def _recognise(img) -> list[_TextLine]:  # type: ignore[no-untyped-def]
    """The text lines RapidOCR reads in ``img``, each character with its
    confidence and horizontal extent."""
    import numpy as np

    try:
        out = _engine()(img, use_det=True, use_cls=False, use_rec=True, return_word_box=True,
                        return_single_char_box=True)
    except Exception as exc:  # onnxruntime/OpenCV failures are not the user's input
        raise DependencyError(L.MSG_OCR_FAILED.format(path="OCR", reason=type(exc).__name__)) from exc
    if out.boxes is None or out.txts is None:
        return []
    lines: list[_TextLine] = []
    words = out.word_results if out.word_results and len(out.word_results) == len(out.txts) else None
    for k, (box, text, score) in enumerate(zip(out.boxes, out.txts, out.scores)):
        quad = np.asarray(box, dtype=float)
        x0, x1 = float(quad[:, 0].min()), float(quad[:, 0].max())
        top, bottom = float(quad[:, 1].min()), float(quad[:, 1].max())
        chars: list[tuple[str, float, float, float]] = []
        for piece in (words[k] if words else ()):
            if not piece or piece[2] is None:
                continue
            ptext, pconf, pbox = piece
            pq = np.asarray(pbox, dtype=float)
            px0, px1 = float(pq[:, 0].min()), float(pq[:, 0].max())
            step = (px1 - px0) / max(1, len(ptext))
            for j, ch in enumerate(ptext):
                chars.append((ch, float(pconf), px0 + j * step, px0 + (j + 1) * step))
        if "".join(c[0] for c in chars).replace(" ", "") != text.replace(" ", ""):
            # no character boxes: spread the line's characters over its box
            flat = [ch for ch in text if ch.strip()]
            step = (x1 - x0) / max(1, len(flat))
            chars = [(ch, float(score), x0 + j * step, x0 + (j + 1) * step) for j, ch in enumerate(flat)]
        chars = [c for c in chars if c[0].strip()]
        if not chars:
            continue
        # the line's box is tight on its ink: the first and last characters reach its sides
        first, last = chars[0], chars[-1]
        chars[0] = (first[0], first[1], min(first[2], x0), first[3])
        chars[-1] = (last[0], last[1], last[2], max(last[3], x1))
        lines.append(_TextLine(chars, x0, x1, top, bottom))
    return lines


def _sideways(lines: list[_TextLine]) -> bool:
    """Whether most text boxes stand tall: the page lies on its side."""
    tall = sum(ln.bottom - ln.top > 1.5 * (ln.x1 - ln.x0) for ln in lines)
    wide = sum(ln.x1 - ln.x0 > 1.5 * (ln.bottom - ln.top) for ln in lines)
    return tall >= 3 and tall > 2 * wide


def _quarter_turns(img, lines: list[_TextLine]) -> int:  # type: ignore[no-untyped-def]
    """Of the two quarter turns, the one whose text is read with more
    confidence: a few of the tall text boxes, turned both ways, read alone."""
    import cv2

    from xltools.importing.readers import raster

    tall = sorted((ln for ln in lines if ln.bottom - ln.top > 1.5 * (ln.x1 - ln.x0)),
                  key=lambda ln: ln.x0 - ln.x1 + ln.top - ln.bottom)[:8]
    score = {1: 0.0, 3: 0.0}
    for ln in tall:
        crop = img[int(ln.top):int(ln.bottom) + 1, int(ln.x0):int(ln.x1) + 1]
        if crop.size == 0:
            continue
        for turns in score:
            out = _engine()(cv2.cvtColor(raster.turn(crop, turns), cv2.COLOR_GRAY2BGR) if crop.ndim == 2
                            else raster.turn(crop, turns), use_det=False, use_cls=False, use_rec=True)
            score[turns] += float((getattr(out, "scores", None) or (0.0,))[0])
    return max(score, key=lambda t: score[t])


def ocr_image(img, number: int, dpi: float | None = None) -> tuple[DrawnPage, list[list[dict]]]:  # type: ignore[no-untyped-def]
    """One scanned page or photo (a BGR array) → a drawn page in points
    (``dpi``: the resolution, when known; else sized by its text) and its
    text lines as placed characters."""
    import cv2

    from xltools.importing.readers import raster

    notes: list[tuple] = []
    img, _unwarped = raster.unwarp_page(img)
    g = raster.gray(raster.suppress_red(img))
    for attempt in (0, 1):
        marks = raster.ink(g)
        angle = raster.skew_angle(marks)
        if abs(angle) >= 0.2:
            g = raster.rotate(g, angle)
            marks = raster.ink(g)
            if abs(angle) >= 0.5:
                notes.append((L.REVIEW_OCR, L.NOTE_OCR_DESKEWED.format(page=number, angle=abs(angle)), None, ""))
        lines = _recognise(cv2.cvtColor(g, cv2.COLOR_GRAY2BGR))
        if attempt or not _sideways(lines):
            break
        turns = _quarter_turns(g, lines)
        notes.append((L.REVIEW_OCR, L.NOTE_OCR_ROTATED.format(page=number, angle=90 * turns), None, ""))
        g = raster.turn(g, turns)
    heights = sorted(ln.bottom - ln.top for ln in lines)
    unit = heights[len(heights) // 2] if heights else 25.0  # pixels of a line of text
    horizontal, vertical = raster.ruling_lines(marks, unit)
    scale = 72.0 / dpi if dpi else _BODY_POINTS / unit  # points per pixel
    _fill_gaps(lines, g, marks, vertical, unit)
    _drop_specks(lines, notes, number, scale)
    h, w = g.shape
    page = DrawnPage(w * scale, h * scale, review=notes)
    placed: list[list[dict]] = []
    for ln in lines:
        row = [char(ch, x0 * scale, ln.top * scale, x1 * scale, ln.bottom * scale, conf=conf)
               for ch, conf, x0, x1 in ln.chars]
        page.chars += row
        placed.append(row)
    page.edges = ([hline(x0 * scale, x1 * scale, y * scale) for x0, x1, y in horizontal]
                  + [vline(x * scale, top * scale, bottom * scale) for x, top, bottom in vertical])
    for row in _recover_cells(page, g, marks, scale, unit):
        page.chars += row
        placed.append(row)
    return page, placed


def _speck(ch: str, conf: float) -> bool:
    """A Latin letter or stray mark read unsurely (a seal's remnant, a dust speck)."""
    return conf < 0.5 and ch.isascii() and not ch.isdigit()


def _drop_specks(lines: list[_TextLine], notes: list, page: int, scale: float) -> None:
    """Unsure Latin letters and marks at the edge of Chinese text, or alone
    (what is left of a seal, dust) are left out; a note says what and where."""
    def cjk(ch: str) -> bool:
        return "\u4e00" <= ch <= "\u9fff"

    for ln in lines:
        chars = ln.chars
        keep = []
        for k, (ch, conf, x0, x1) in enumerate(chars):
            near = [chars[j][0] for j in (k - 1, k + 1) if 0 <= j < len(chars)]
            lone = all(_speck(c[0], c[1]) for c in chars)
            if _speck(ch, conf) and (lone or any(cjk(c) for c in near)):
                notes.append((L.REVIEW_OCR, L.NOTE_OCR_SPECK.format(page=page, text=ch, x=x0 * scale / MM,
                                                                    y=ln.top * scale / MM), None, ch))
                continue
            keep.append((ch, conf, x0, x1))
        ln.chars[:] = keep
    lines[:] = [ln for ln in lines if ln.chars]


def _read_gap(g, marks, x0: int, x1: int, top: int, bottom: int, unit: float,  # type: ignore[no-untyped-def]
              before: tuple | None = None, after: tuple | None = None) -> list[tuple[str, float]]:
    """The character(s) in a gap of a line, read on their own, or with the
    characters on either side (``before``/``after``: (text, conf, x0, x1)),
    which recognition reads more surely than a lone 、; [] when the gap holds
    no ink or nothing readable."""
    import cv2

    if x1 - x0 < 0.2 * unit or cv2.countNonZero(marks[top:bottom, x0:x1]) < 4:
        return []
    left = int(before[2]) if before else x0
    right = int(after[3]) if after else x1
    pad = int(unit / 2)
    crop = cv2.copyMakeBorder(g[top:bottom, left:right], 4, 4, pad, pad, cv2.BORDER_CONSTANT, value=255)
    try:
        out = _engine()(cv2.cvtColor(crop, cv2.COLOR_GRAY2BGR), use_det=False, use_cls=False, use_rec=True)
    except Exception:
        return []
    text = "".join(((getattr(out, "txts", None) or ("",))[0] or "").split())
    if before:
        if not text.startswith(before[0]):
            return []
        text = text[len(before[0]):]
    if after:
        if not text.endswith(after[0]):
            return []
        text = text[:len(text) - len(after[0])]
    if not text or len(text) > 2:
        return []
    score = float((out.scores or (0.0,))[0])
    return [(ch, score) for ch in text]


def _fill_gaps(lines: list[_TextLine], g, marks, vertical: list, unit: float) -> None:  # type: ignore[no-untyped-def]
    """Characters recognition skipped: a small 、 or ， is often dropped
    inside a line (a gap one character wide between two characters) or
    falls between two text boxes of one line. Such a gap with ink in it is
    read on its own and its characters put in, marked doubtful unless read
    surely."""
    def put(ln: _TextLine, at: int, x0: int, x1: int, found: list[tuple[str, float]]) -> None:
        step = (x1 - x0) / len(found)
        ln.chars[at:at] = [(ch, score if score >= 0.95 else min(score, DOUBT - 0.01), x0 + k * step,
                            x0 + (k + 1) * step) for k, (ch, score) in enumerate(found)]

    for ln in lines:
        widths = sorted(c[3] - c[2] for c in ln.chars)
        width = widths[len(widths) // 2] if widths else unit
        k = 1
        while k < len(ln.chars):
            gx0, gx1 = int(ln.chars[k - 1][3]) + 1, int(ln.chars[k][2]) - 1
            if gx1 - gx0 >= 0.6 * width and not any(gx0 - 3 <= v[0] <= gx1 + 3 for v in vertical):
                found = _read_gap(g, marks, gx0, gx1, int(ln.top), int(ln.bottom), unit,
                                  ln.chars[k - 1], ln.chars[k])
                if found:
                    put(ln, k, gx0, gx1, found)
                    k += len(found)
            k += 1
    ordered = sorted(lines, key=lambda ln: (ln.top, ln.x0))
    for a in ordered:
        right = [b for b in ordered if b is not a and abs(b.top - a.top) <= 0.35 * unit
                 and abs(b.bottom - a.bottom) <= 0.35 * unit and 0 < b.x0 - a.x1 <= 1.6 * unit]
        if not right:
            continue
        b = min(right, key=lambda ln: ln.x0)
        gx0, gx1 = int(a.x1) + 1, int(b.x0) - 1
        if any(gx0 - 3 <= v[0] <= gx1 + 3 for v in vertical):
            continue  # a rule between: two cells
        found = _read_gap(g, marks, gx0, gx1, int(min(a.top, b.top)), int(max(a.bottom, b.bottom)), unit,
                          a.chars[-1] if a.chars else None, b.chars[0] if b.chars else None)
        if found:
            put(a, len(a.chars), gx0, gx1, found)
            a.x1 = float(gx1)


def _recover_cells(page: DrawnPage, g, marks, scale: float, unit: float) -> list[list[dict]]:  # type: ignore[no-untyped-def]
    """Text the page-wide detection missed: a table cell with ink but no
    recognised character (a short word under a rule at the top of a page) is
    read again on its own, enlarged."""
    import cv2

    from xltools.importing.readers.drawn import inside as _inside

    found: list[list[dict]] = []
    for table in page.find_tables():
        for box in (c for c in table.cells if c):
            if any(_inside(ch, box) for ch in page.chars):
                continue
            x0, y0 = int(box[0] / scale) + 4, int(box[1] / scale) + 4
            x1, y1 = int(box[2] / scale) - 4, int(box[3] / scale) - 4
            if x1 - x0 < unit / 2 or y1 - y0 < unit / 2:
                continue
            if cv2.countNonZero(marks[y0:y1, x0:x1]) < unit * unit / 20:
                continue  # an empty cell (a speck at most)
            zoom = 2.0
            crop = cv2.copyMakeBorder(g[y0:y1, x0:x1], 16, 16, 16, 16, cv2.BORDER_CONSTANT, value=255)
            crop = cv2.resize(crop, None, fx=zoom, fy=zoom, interpolation=cv2.INTER_CUBIC)
            for ln in _recognise(cv2.cvtColor(crop, cv2.COLOR_GRAY2BGR)):
                def at(v: float, origin: int) -> float:
                    return (v / zoom - 16 + origin) * scale

                found.append([char(ch, at(a, x0), at(ln.top, y0), at(b, x0), at(ln.bottom, y0), conf=conf)
                              for ch, conf, a, b in ln.chars])
    return found


# ------------------------------------------------------------ review notes


def _marked(chars: list[dict]) -> str:
    """The text with doubtful characters in 〔〕."""
    return "".join(f"〔{c['text']}〕" if c.get("conf", 1.0) < DOUBT else c["text"] for c in chars)


def _doubt_notes(page: DrawnPage, number: int) -> list[tuple]:
    """A 待核对 note for each table cell and each line outside the tables
    holding a doubtful character: page, row and column (or height on the
    page), confidence, the text with the doubtful characters marked."""
    from xltools.importing.readers.drawn import cluster as _cluster
    from xltools.importing.readers.drawn import inside as _inside
    from xltools.importing.readers.drawn import nearest as _index

    notes: list[tuple] = []
    claimed: set[int] = set()
    for table in page.find_tables():
        boxes = [c for c in table.cells if c]
        xs = _cluster([b[0] for b in boxes] + [b[2] for b in boxes])
        ys = _cluster([b[1] for b in boxes] + [b[3] for b in boxes])
        for box in sorted(boxes, key=lambda b: (b[1], b[0])):
            inside = sorted((c for c in page.chars if id(c) not in claimed and _inside(c, box)),
                            key=lambda c: (round(c["top"]), c["x0"]))
            claimed.update(id(c) for c in inside)
            low = min((c["conf"] for c in inside), default=1.0)
            if low < DOUBT:
                where = L.OCR_WHERE_CELL.format(row=_index(ys, box[1]) + 1, col=_index(xs, box[0]) + 1)
                notes.append((L.REVIEW_OCR, L.NOTE_OCR_DOUBT.format(page=number, where=where, conf=low,
                                                                    text=_marked(inside)), None, _marked(inside)))
    rest = [c for c in page.chars if id(c) not in claimed]
    rows: list[list[dict]] = []
    for c in sorted(rest, key=lambda c: (c["top"], c["x0"])):
        if rows and abs(c["top"] - rows[-1][0]["top"]) <= 0.5 * c["size"]:
            rows[-1].append(c)
        else:
            rows.append([c])
    for row in rows:
        low = min(c["conf"] for c in row)
        if low < DOUBT:
            row.sort(key=lambda c: c["x0"])
            where = L.OCR_WHERE_TEXT.format(top=row[0]["top"] / MM)
            notes.append((L.REVIEW_OCR, L.NOTE_OCR_DOUBT.format(page=number, where=where, conf=low,
                                                                text=_marked(row)), None, _marked(row)))
    return notes


# ------------------------------------------------------------ unit names

_SEPARATORS = re.compile(r"[、，,；;：:（）()\s/]+")
_ROLE_TAIL = re.compile(r"(?:牵头|负责|配合|参与|协助|落实|按职能.*)$")


def _known_body(name: str) -> bool:
    """A standard body name (市发改局, 市财政局 …), also in its usual short form."""
    from xltools.importing.units import _core

    return _core(name) in L.STANDARD_BODY_NAMES


def _unit_tokens(row: list[dict]) -> list[tuple[str, int]]:
    """Unit-like names in a recognised line, with the index of their first character."""
    from xltools.importing.units import looks_like_unit

    text = "".join(c["text"] for c in row)
    out = []
    for m in re.finditer(r"[^、，,；;：:（）()\s/]+", text):
        token = _ROLE_TAIL.sub("", m.group())
        if len(token) >= 4 and looks_like_unit(token) and not token.startswith("各"):
            out.append((token, m.start()))
    return out


def fix_unit_names(pages: list[tuple[int, DrawnPage, list[list[dict]]]]) -> None:
    """Correct unit names OCR read one character off (same length): the
    name written more often in the document, or a standard body name, is
    taken; a name that is itself a standard body (市民政局 beside 市财政局)
    is never changed. Each correction is a note on its page."""
    counts: dict[str, int] = {}
    found: list[tuple[int, DrawnPage, list[dict], str, int]] = []
    for number, page, rows in pages:
        for row in rows:
            for token, start in _unit_tokens(row):
                counts[token] = counts.get(token, 0) + 1
                found.append((number, page, row, token, start))
    names = list(counts)
    noted: set[tuple[int, str]] = set()
    _split_joined(found, counts, noted)
    _join_across_lines(pages, counts)
    for number, page, row, token, start in found:
        if _known_body(token):
            continue
        near = [n for n in names if n != token and len(n) == len(token)
                and sum(a != b for a, b in zip(n, token)) == 1
                and (counts[n] > counts[token] or _known_body(n))]
        if len(near) > 1:  # several names one character off: the one written most often, if there is one
            near.sort(key=lambda n: -counts[n])
            if counts[near[0]] == counts[near[1]]:
                continue
        if not near:
            continue
        name = near[0]
        k = next(j for j in range(len(token)) if token[j] != name[j])
        row[start + k]["text"] = name[k]
        if (number, token) not in noted:
            noted.add((number, token))
            page.review.append((L.REVIEW_OCR, L.NOTE_OCR_UNIT_FIXED.format(page=number, read=token, name=name),
                                None, token))


def _split_joined(found: list, counts: dict[str, int], noted: set) -> None:
    """Two unit names read without the 、 between them (OCR often drops a
    faint 、): 市自然资源局市住建局 → 市自然资源局、市住建局 when both parts are
    names written elsewhere in the document or standard body names."""
    from xltools.importing.units import looks_like_unit

    def name(part: str) -> bool:
        return looks_like_unit(part) and (counts.get(part, 0) > 1 or _known_body(part))

    for number, page, row, token, start in found:
        at_end = start + len(token) == len(row)
        for k in range(3, len(token)):
            left, right = token[:k], token[k:]
            # the second name may run on to the next line of the cell (市发改局市 / 公安局)
            if right[0] in "市县区" and name(left) and (name(right) or at_end):
                c = row[start + k - 1]
                if not c["text"].endswith("、"):
                    c["text"] += "、"
                if (number, token) not in noted:
                    noted.add((number, token))
                    page.review.append((L.REVIEW_OCR, L.NOTE_OCR_UNITS_SPLIT.format(
                        page=number, read=token, left=left, right=right if name(right) else right + "…"),
                        None, token))
                break


def _join_across_lines(pages: list, counts: dict[str, int]) -> None:
    """A line of a cell ending with a unit name and the next line of the cell
    starting with another (市自然资源局 / 市住建局、…): the 、 at the end of
    the line was not read; it is put back, with a note."""
    from xltools.importing.units import looks_like_unit

    for number, page, rows in pages:
        for row in rows:
            tokens = _unit_tokens(row)
            if not tokens:
                continue
            token, start = tokens[-1]
            if start + len(token) != len(row) or not (counts.get(token, 0) > 0 or _known_body(token)):
                continue
            size = row[0]["size"]
            # the next text box on the same line (the 、 between them lost), else the next line of the cell
            beside = [r for r in rows if r is not row and abs(r[0]["top"] - row[0]["top"]) <= 0.35 * size
                      and 0 <= r[0]["x0"] - row[-1]["x1"] <= 2 * size]
            below = [r for r in rows if r is not row and abs(r[0]["x0"] - row[0]["x0"]) <= size
                     and 0 < r[0]["top"] - row[0]["top"] <= 1.8 * size]
            if beside:
                nxt = min(beside, key=lambda r: r[0]["x0"])
                x0, x1 = row[-1]["x1"], nxt[0]["x0"]
                if any(e["orientation"] == "v" and x0 - 1 < e["x0"] < x1 + 1
                       and e["top"] <= row[0]["top"] + size / 2 <= e["bottom"] for e in page.edges):
                    continue  # a rule between: the next box is another cell
            elif below:
                nxt = min(below, key=lambda r: r[0]["top"])
                x = row[0]["x0"]
                if any(e["orientation"] == "h" and row[0]["bottom"] - 1 < e["top"] < nxt[0]["top"] + 1
                       and e["x0"] <= x <= e["x1"] for e in page.edges):
                    continue  # a rule between: the next line is another cell
            else:
                continue
            following = _unit_tokens(nxt)
            if following and following[0][1] == 0 and following[0][0][0] in "市县区" \
                    and looks_like_unit(following[0][0]):
                row[-1]["text"] += "、"
                page.review.append((L.REVIEW_OCR, L.NOTE_OCR_UNITS_SPLIT.format(
                    page=number, read=token + following[0][0], left=token, right=following[0][0]), None, token))


def _simplify(pages: list[tuple[int, DrawnPage, list[list[dict]]]]) -> None:
    """A Traditional or variant form OCR gave for a character of a Simplified
    document (決 for 决) is turned into its Simplified form and marked
    doubtful; a document in Traditional characters is left to the clean-up
    (readers/cleanup.py), which notes what it converts."""
    from opencc import OpenCC

    t2s = OpenCC("t2s")
    chars = [c for _n, page, _r in pages for c in page.chars]
    changed = [(c, t2s.convert(c["text"])) for c in chars]
    changed = [(c, s) for c, s in changed if s != c["text"]]
    if not changed or len(changed) > 0.03 * len(chars):
        return
    for c, simple in changed:
        c["text"] = simple
        c["conf"] = min(c["conf"], DOUBT - 0.01)


def _text_lines(rows: list[list[dict]]) -> list[str]:
    """The page's text boxes as lines of text, top to bottom: boxes on one
    visual line left to right, apart by a tab where characters are further
    apart than a character and a half (another column)."""
    lines: list[list[list[dict]]] = []
    for row in sorted((r for r in rows if r), key=lambda r: (r[0]["top"], r[0]["x0"])):
        if lines and abs(row[0]["top"] - lines[-1][0][0]["top"]) <= 0.5 * row[0]["size"]:
            lines[-1].append(row)
        else:
            lines.append([row])
    out = []
    for line in lines:
        line.sort(key=lambda r: r[0]["x0"])
        text = ""
        chars = [c for row in line for c in row]
        for k, c in enumerate(chars):
            # a gap wider than a character and a half: the next column
            if k and c["x0"] - chars[k - 1]["x1"] > 1.5 * c["size"]:
                text += "\t"
            text += c["text"]
        out.append(text)
    return out


def _finish(pages: list[tuple[int, DrawnPage, list[list[dict]]]]) -> None:
    _simplify(pages)
    fix_unit_names(pages)
    for _number, page, rows in pages:
        page.lines = _text_lines(rows)
    for number, page, _rows in pages:
        page.review += _doubt_notes(page, number)
        if page.chars and not page.find_tables():
            page.review.append((L.REVIEW_OCR, L.NOTE_OCR_NO_RULES.format(page=number), None, ""))


# ------------------------------------------------------------ inputs


def ocr_pdf_pages(data: bytes, name: str, indices: list[int], *, whole: bool) -> dict[int, DrawnPage]:
    """The pages of a PDF without a text layer (0-based ``indices``) read by
    OCR. Without the OCR extra: a PDF that is all scan is refused with how to
    install it; a mixed PDF is read without those pages, which a note names."""
    if not available():
        if whole:
            raise DependencyError(L.MSG_OCR_MISSING.format(path=name, what=L.OCR_WHAT_SCAN), path=name)
        note = (L.REVIEW_OCR, L.NOTE_OCR_PAGES_SKIPPED.format(pages="、".join(str(k + 1) for k in indices)),
                None, "")
        return {indices[0]: DrawnPage(0.0, 0.0, review=[note])} if indices else {}
    _require(name, L.OCR_WHAT_SCAN)
    import numpy as np
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except Exception as exc:
        raise InputError(L.MSG_BAD_PDF.format(path=name, reason=type(exc).__name__), path=name) from exc
    read: list[tuple[int, DrawnPage, list[list[dict]]]] = []
    try:
        for k in indices:
            width, height = pdf[k].get_size()
            # a huge page is rendered smaller: never more than _MAX_PIXELS
            dpi = min(_RENDER_DPI, 72 * (_MAX_PIXELS / max(1.0, width * height)) ** 0.5)
            pil = pdf[k].render(scale=dpi / 72).to_pil().convert("RGB")
            img = np.ascontiguousarray(np.asarray(pil)[:, :, ::-1])
            page, rows = ocr_image(img, k + 1, dpi=dpi)
            read.append((k + 1, page, rows))
    finally:
        pdf.close()
    _finish(read)
    return {number - 1: page for number, page, _rows in read}


def read_image(data: bytes, name: str) -> list[DrawnPage]:
    """A scan or photo of a table (PNG, JPEG, TIFF of one or more pages) read
    by OCR into pages for the PDF grid reader (``readers/pdf.read_pages``);
    each page's review notes and text lines are on the page."""
    _require(name, L.OCR_WHAT_IMAGE)
    from xltools.importing.readers import raster

    size = _image_size(data)
    if size is not None and size[0] * size[1] > _MAX_PIXELS:
        raise InputError(L.MSG_IMAGE_TOO_LARGE.format(path=name, width=size[0], height=size[1]), path=name)
    try:
        images = raster.decode_images(data)
    except Exception as exc:  # OpenCV refuses damaged or oversized images with cv2.error
        raise InputError(L.MSG_BAD_IMAGE.format(path=name, reason=type(exc).__name__), path=name) from exc
    if not images:
        raise InputError(L.MSG_BAD_IMAGE.format(path=name, reason="OpenCV"), path=name)
    dpi = _image_dpi(data)
    read = []
    for number, img in enumerate(images, start=1):
        page, rows = ocr_image(img, number, dpi=dpi)
        read.append((number, page, rows))
    if not any(page.chars for _n, page, _r in read):
        raise InputError(L.MSG_OCR_NOTHING.format(path=name, page=1), path=name)
    _finish(read)
    return [page for _n, page, _r in read]


def _image_size(data: bytes) -> tuple[int, int] | None:
    """Width and height an image file declares, read from its header only
    (a decompression bomb is refused before it is decoded)."""
    import io

    from PIL import Image

    limit = Image.MAX_IMAGE_PIXELS
    Image.MAX_IMAGE_PIXELS = None  # the header only is read here: the size is judged below
    try:
        with Image.open(io.BytesIO(data)) as im:
            return im.size
    except Exception:
        return None
    finally:
        Image.MAX_IMAGE_PIXELS = limit


def _image_dpi(data: bytes) -> float | None:
    """The resolution an image file states (a scanner writes it), when plausible."""
    import io

    try:
        from PIL import Image

        with Image.open(io.BytesIO(data)) as im:
            dpi = im.info.get("dpi")
    except Exception:
        return None
    if dpi and 100 <= float(dpi[0]) <= 600:
        return float(dpi[0])
    return None
