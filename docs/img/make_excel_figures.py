"""Draw the figures of docs/excel.md from the sources (no Excel here, so no screenshots).

    .venv/bin/python docs/img/make_excel_figures.py

excel-ribbon.svg  — the 任务分工 tab as laid out in macros/customUI.xml
excel-control.svg — the 操作 sheet of the control workbook (xltools excel build --workbook)
"""

from __future__ import annotations

from html import escape
from pathlib import Path

import defusedxml.ElementTree as ET

from xltools import labels as L
from xltools.excel.build import CONTROL_BUTTONS
from xltools.excel.macros import CUSTOMUI_NS, default_macros_dir

HERE = Path(__file__).parent
FONT = 'font-family="Microsoft YaHei, Noto Sans CJK SC, sans-serif"'


def ribbon_svg() -> str:
    root = ET.parse(default_macros_dir() / "customUI.xml").getroot()
    tab = root.find(f".//{{{CUSTOMUI_NS}}}tab")
    parts, x = [], 10
    for group in tab.findall(f"{{{CUSTOMUI_NS}}}group"):
        buttons = group.findall(f"{{{CUSTOMUI_NS}}}button")
        width = 20 + 92 * len(buttons)
        for i, b in enumerate(buttons):
            bx = x + 10 + 92 * i
            parts.append(f'<rect x="{bx}" y="44" width="84" height="70" rx="4" fill="#ffffff" stroke="#c8c8c8"/>'
                         f'<rect x="{bx + 30}" y="52" width="24" height="24" fill="#dbe7f5" stroke="#5b8ccf"/>'
                         f'<text x="{bx + 42}" y="100" text-anchor="middle" font-size="13" {FONT}>{escape(b.get("label"))}</text>')
        parts.append(f'<line x1="{x + width}" y1="44" x2="{x + width}" y2="136" stroke="#d0d0d0"/>'
                     f'<text x="{x + width / 2}" y="132" text-anchor="middle" font-size="11" fill="#666" {FONT}>{escape(group.get("label"))}</text>')
        x += width
    total = x + 10
    head = (f'<svg xmlns="http://www.w3.org/2000/svg" width="{total}" height="146" viewBox="0 0 {total} 146">'
            f'<rect width="{total}" height="146" fill="#f3f3f3"/>'
            f'<text x="14" y="26" font-size="13" fill="#444" {FONT}>文件   开始   插入   公式   数据</text>'
            f'<rect x="226" y="8" width="80" height="28" fill="#ffffff" stroke="#c8c8c8"/>'
            f'<text x="266" y="27" text-anchor="middle" font-size="13" font-weight="bold" fill="#217346" {FONT}>{escape(tab.get("label"))}</text>'
            f'<rect x="4" y="38" width="{total - 8}" height="104" fill="#fafafa" stroke="#d0d0d0"/>')
    return head + "".join(parts) + "</svg>\n"


def control_svg() -> str:
    lines = L.XL_CONTROL_INTRO
    top = 30 + 22 * len(lines)
    height = top + 44 * len(CONTROL_BUTTONS) + 20
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="760" height="{height}" viewBox="0 0 760 {height}">',
             f'<rect width="760" height="{height}" fill="#ffffff" stroke="#c8c8c8"/>']
    for i, line in enumerate(lines):
        weight = ' font-weight="bold" font-size="16"' if i == 0 else ' font-size="13"'
        parts.append(f'<text x="20" y="{30 + 22 * i}"{weight} {FONT}>{escape(line)}</text>')
    for i, (sub, caption) in enumerate(CONTROL_BUTTONS):
        y = top + 44 * i
        parts.append(f'<rect x="20" y="{y}" width="160" height="30" fill="#efefef" stroke="#8a8a8a"/>'
                     f'<text x="100" y="{y + 20}" text-anchor="middle" font-size="13" {FONT}>{escape(caption)}</text>'
                     f'<text x="196" y="{y + 20}" font-size="12" fill="#888" font-family="monospace">→ {sub}</text>')
    parts.append("</svg>\n")
    return "".join(parts)


if __name__ == "__main__":
    (HERE / "excel-ribbon.svg").write_text(ribbon_svg(), encoding="utf-8")
    (HERE / "excel-control.svg").write_text(control_svg(), encoding="utf-8")
    print("wrote", HERE / "excel-ribbon.svg", HERE / "excel-control.svg")
