"""Pages drawn from placed characters and ruling lines, for the PDF grid
reader (readers/pdf.py): an OFD page (text objects, path objects) and a
scanned page or photo (recognised characters, ruling lines found in the
image) become a ``DrawnPage`` that looks to readers/pdf.py like a
pdfplumber page: ``chars`` (dicts with ``text``, ``x0``, ``x1``, ``top``,
``bottom``, ``size``), ``edges`` (horizontal and vertical ruling lines) and
``find_tables``, which runs pdfplumber's own table finder on those lines.
So every source of a ruled table is cut into cells, merged and stitched over
pages by one grid code.

Coordinates are in points, y growing downwards (as pdfplumber's ``top``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

TOL = 2.0  # points: ruling lines closer than this are the same line


def cluster(values: list[float]) -> list[float]:
    """Coordinates closer than ``TOL`` merged into one (sorted)."""
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > TOL:
            out.append(v)
    return out


def nearest(bounds: list[float], v: float) -> int:
    """The index of the coordinate in ``bounds`` nearest to ``v``."""
    return min(range(len(bounds)), key=lambda i: abs(bounds[i] - v))


def inside(ch: dict, box: tuple[float, float, float, float]) -> bool:
    """Whether the centre of character ``ch`` lies in ``box`` (x0, top, x1, bottom)."""
    cx, cy = (ch["x0"] + ch["x1"]) / 2, (ch["top"] + ch["bottom"]) / 2
    return box[0] <= cx <= box[2] and box[1] <= cy <= box[3]


def char(text: str, x0: float, top: float, x1: float, bottom: float, *, conf: float = 1.0) -> dict:
    """One placed character as readers/pdf.py reads it; ``conf``: how sure
    OCR is of it (1.0 for a character read from a text layer)."""
    return {"text": text, "x0": float(x0), "x1": float(x1), "top": float(top), "bottom": float(bottom),
            "size": float(bottom - top), "conf": float(conf), "object_type": "char"}


def hline(x0: float, x1: float, y: float) -> dict:
    """A horizontal ruling line from ``x0`` to ``x1`` at height ``y``."""
    x0, x1 = sorted((float(x0), float(x1)))
    return {"x0": x0, "x1": x1, "top": float(y), "bottom": float(y), "width": x1 - x0, "height": 0.0,
            "orientation": "h", "object_type": "line"}


def vline(x: float, top: float, bottom: float) -> dict:
    """A vertical ruling line at ``x`` from ``top`` to ``bottom``."""
    top, bottom = sorted((float(top), float(bottom)))
    return {"x0": float(x), "x1": float(x), "top": top, "bottom": bottom, "width": 0.0,
            "height": bottom - top, "orientation": "v", "object_type": "line"}


@dataclass
class DrawnPage:
    """A page of placed characters and ruling lines (see the module doc);
    ``review``: 待核对 notes made while reading it (OCR confidence, corrected
    unit names), as (kind, message, line, source); ``lines``: its text lines
    as OCR read them."""

    width: float
    height: float
    chars: list[dict] = field(default_factory=list)
    edges: list[dict] = field(default_factory=list)
    review: list[tuple] = field(default_factory=list)
    # OCR: the page's text lines, the text boxes of a line apart by a tab (a table
    # without rules is read from them by the text readers)
    lines: list[str] = field(default_factory=list)

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        return (0.0, 0.0, self.width, self.height)

    def find_tables(self, table_settings: dict | None = None) -> list:
        """pdfplumber's tables of these ruling lines (the same settings as a
        PDF page: snapping and joining of lines that nearly meet)."""
        from pdfplumber.table import TableFinder, TableSettings

        if not self.edges:
            return []
        return TableFinder(self, TableSettings.resolve(table_settings)).tables  # type: ignore[arg-type]
