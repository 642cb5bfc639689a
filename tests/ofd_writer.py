"""A minimal OFD (GB/T 33190) writer for tests: the pages of a PDF (a Word
or Excel table printed by LibreOffice) re-drawn as an OFD package, every
visual line of characters a TextObject (TextCode X/Y/DeltaX), every ruling
line a PathObject (AbbreviatedData "M x y L x y"), fonts in PublicRes.xml,
coordinates in millimetres. A real producer writes the same ingredients
(see ../shared/examples/ofd)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

NS = "http://www.ofdspec.org/2016"
MM = 25.4 / 72  # millimetres per point


def _f(v: float) -> str:
    return f"{v * MM:.3f}"


def _runs(chars: list[dict]) -> list[list[dict]]:
    """Characters → runs of one visual line and one font size, left to right,
    split where a gap is wider than a character (another cell)."""
    rows: list[list[dict]] = []
    for ch in sorted(chars, key=lambda c: (round(c["top"], 1), c["x0"])):
        if not ch["text"].strip():
            continue
        last = rows[-1][-1] if rows else None
        if last is not None and abs(ch["top"] - last["top"]) < 0.5 and abs(ch["size"] - last["size"]) < 0.1 \
                and 0 <= ch["x0"] - last["x1"] < ch["size"]:
            rows[-1].append(ch)
        else:
            rows.append([ch])
    return rows


def _page_xml(page, start_id: int) -> tuple[str, int]:  # type: ignore[no-untyped-def]
    oid = start_id
    parts = []
    for run in _runs(page.chars):
        size = run[0]["size"]
        x0, top = run[0]["x0"], run[0]["top"]
        width = run[-1]["x1"] - x0
        # baseline: pdfplumber's ``top`` is the glyph box top; the baseline is about 0.86 em below
        deltas = " ".join(_f(b["x0"] - a["x0"]) for a, b in zip(run, run[1:]))
        text = escape("".join(c["text"] for c in run))
        parts.append(
            f'<ofd:TextObject ID="{oid}" Boundary="{_f(x0)} {_f(top)} {_f(width + size)} {_f(size * 1.2)}" '
            f'Font="1" Size="{_f(size)}"><ofd:FillColor Value="0 0 0"/>'
            f'<ofd:TextCode X="0" Y="{_f(size * 0.86)}"' + (f' DeltaX="{deltas}"' if deltas else "")
            + f">{text}</ofd:TextCode></ofd:TextObject>")
        oid += 1
    for e in page.edges:
        x0, x1, top, bottom = e["x0"], e["x1"], e["top"], e["bottom"]
        w, h = max(x1 - x0, 0.5), max(bottom - top, 0.5)
        if e["orientation"] == "h":
            path = f"M 0 0.1 L {_f(x1 - x0)} 0.1"
        else:
            path = f"M 0.1 0 L 0.1 {_f(bottom - top)}"
        parts.append(f'<ofd:PathObject ID="{oid}" Boundary="{_f(x0)} {_f(top)} {_f(w)} {_f(h)}" '
                     f'LineWidth="0.25"><ofd:AbbreviatedData>{path}</ofd:AbbreviatedData></ofd:PathObject>')
        oid += 1
    body = "".join(parts)
    xml = (f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page xmlns:ofd="{NS}"><ofd:Area>'
           f'<ofd:PhysicalBox>0 0 {_f(page.width)} {_f(page.height)}</ofd:PhysicalBox></ofd:Area>'
           f'<ofd:Content><ofd:Layer ID="{oid}">{body}</ofd:Layer></ofd:Content></ofd:Page>')
    return xml, oid + 1


def pdf_to_ofd(pdf: Path) -> bytes:
    """The pages of ``pdf`` as an OFD package (bytes)."""
    import pdfplumber

    buf = io.BytesIO()
    with pdfplumber.open(pdf) as doc, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("OFD.xml", f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="{NS}" Version="1.1" '
                              f'DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:DocID>test</ofd:DocID>'
                              f'</ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>')
        z.writestr("Doc_0/PublicRes.xml", f'<?xml version="1.0" encoding="UTF-8"?><ofd:Res xmlns:ofd="{NS}" '
                                          f'BaseLoc="Res"><ofd:Fonts><ofd:Font ID="1" FontName="宋体" '
                                          f'FamilyName="宋体"/></ofd:Fonts></ofd:Res>')
        refs = []
        oid = 10
        first = doc.pages[0]
        for k, page in enumerate(doc.pages):
            xml, oid = _page_xml(page, oid)
            z.writestr(f"Doc_0/Pages/Page_{k}/Content.xml", xml)
            refs.append(f'<ofd:Page ID="{oid}" BaseLoc="Pages/Page_{k}/Content.xml"/>')
            oid += 1
        z.writestr("Doc_0/Document.xml", (
            f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document xmlns:ofd="{NS}"><ofd:CommonData>'
            f'<ofd:MaxUnitID>{oid}</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 {_f(first.width)} '
            f'{_f(first.height)}</ofd:PhysicalBox></ofd:PageArea><ofd:PublicRes>PublicRes.xml</ofd:PublicRes>'
            f'</ofd:CommonData><ofd:Pages>{"".join(refs)}</ofd:Pages></ofd:Document>'))
    return buf.getvalue()
