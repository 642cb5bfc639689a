"""Wrapped renderings of the annotated prose documents (the fixtures of
tests/test_prose_wrapped.py).

Prose documents (工作要点, 分工方案, 督查事项, 整改清单) reach offices as PDFs
and web pages; the text a user pastes, or a scraper stores, is what a real
tool gives of them. For every prose document with an annotation (the shared
real ones whose index.json ``columns`` is empty and the prose documents
01–12 of the four authored sets) this script

* types the text as a 公文 in Word (python-docx): 仿宋_GB2312 at 16 pt (三号),
  a first-line indent of two characters, the title centred in 小标宋 at 22 pt
  (on two lines when it is long, as offices break it), A4 with the GB/T 9704
  margins (37/35/28/26 mm), the page number in the footer in one of the
  styles offices and printers use (``— N —``, ``- N -``, ``第 N 页``,
  ``第 N 页 共 M 页``, by document), and on every other document a running
  head (the title, right-aligned);
* prints it to PDF with ``soffice --headless --convert-to pdf`` and extracts
  the text with ``pdftotext`` (raw reading order), ``pdftotext -layout`` and
  pdfplumber ``page.extract_text()``;
* writes the same text as a web page (one ``<p>`` per paragraph; the
  labelled lines of an item — 责任单位：…, 完成时限：… — after a ``<br>``
  inside the item's paragraph) and flattens it with ``soffice
  --convert-to txt:Text`` and a ``get_text()`` scraper (BeautifulSoup).

The outputs are committed under tests/fixtures/prosewrap/<set>/<stem>.<tool>.txt
so the test is fast and deterministic. Re-run after changing a document or
this script (needs LibreOffice, poppler-utils and the CJK fonts CI installs):

    .venv/bin/python tests/prosewrap.py
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tempfile
from html import escape
from pathlib import Path

HERE = Path(__file__).parent
FIXTURES = HERE / "fixtures"
OUT = FIXTURES / "prosewrap"
SETS = ("real", "authored", "authored2", "authored3", "authored4")
TOOLS = ("pdftotext", "pdftotext-layout", "pdfplumber", "html-soffice", "html-scraper")
AUTHORED_PROSE = 12  # documents 01–12 of each authored set are prose

_NUMBERED = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d{1,3}[.、．]|[①-⑳]|第[一二三四五六七八九十\d]+[条章节])")
_TITLE_WORDS = re.compile(r"(通知|方案|要点|清单|意见|计划|安排|任务|事项|分工|办法|规定|决定|报告)$")


def prose_documents() -> list[tuple[str, Path]]:
    """(set, path) of every annotated prose document."""
    out: list[tuple[str, Path]] = []
    for name in SETS:
        folder = FIXTURES / name
        for entry in json.loads((folder / "index.json").read_text(encoding="utf-8")):
            path = folder / entry["file"]
            if entry["columns"] or not path.with_suffix(".expected.json").exists():
                continue
            if name != "real" and int(entry["file"][:2]) > AUTHORED_PROSE:
                continue
            out.append((name, path))
    return out


def paragraphs(text: str) -> list[str]:
    """The document's paragraphs: its non-empty lines, leading spaces (the
    typed indent) taken off."""
    return [line.strip(" \t\u3000") for line in text.splitlines() if line.strip(" \t\u3000")]


def is_title(index: int, para: str) -> bool:
    """A title line: among the first lines, short, no sentence end, ends with a document word."""
    return (index < 12 and len(para) <= 60 and not _NUMBERED.match(para)
            and not para.endswith(("。", "：", ":", "；", "，")) and bool(_TITLE_WORDS.search(para)))


def title_lines(title: str) -> list[str]:
    """A long title is typed on two centred lines (broken near the middle)."""
    if len(title) <= 22:
        return [title]
    cut = len(title) // 2
    return [title[:cut], title[cut:]]


_FOOTERS = (("— ", " —", False), ("- ", " -", False), ("第 ", " 页", False), ("第 ", " 页 共 ", True))


def write_docx(paras: list[str], path: Path, style: int = 0) -> None:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    section.footer_distance = Mm(25)

    def font(run, name: str, size: float) -> None:
        run.font.size = Pt(size)
        run.font.name = name
        run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), name)

    titled = False
    head = next((para for i, para in enumerate(paras) if is_title(i, para)), "")
    for i, para in enumerate(paras):
        if not titled and is_title(i, para):
            titled = True
            for line in title_lines(para):
                p = doc.add_paragraph()
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
                font(p.add_run(line), "方正小标宋简体", 22)
            continue
        p = doc.add_paragraph()
        p.paragraph_format.first_line_indent = Pt(32)  # two characters of 三号
        p.paragraph_format.space_after = Pt(0)
        font(p.add_run(para), "仿宋_GB2312", 16)

    # Page numbers as offices and printers write them, one style per document.
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    before, after, total = _FOOTERS[style % len(_FOOTERS)]

    def field(code: str) -> None:
        run = footer.add_run()
        font(run, "宋体", 14)
        for kind, text in (("begin", None), (None, code), ("end", None)):
            if kind:
                el = OxmlElement("w:fldChar")
                el.set(qn("w:fldCharType"), kind)
            else:
                el = OxmlElement("w:instrText")
                el.set(qn("xml:space"), "preserve")
                el.text = text
            run._element.append(el)

    font(footer.add_run(before), "宋体", 14)
    field("PAGE")
    font(footer.add_run(after), "宋体", 14)
    if total:
        field("NUMPAGES")
        font(footer.add_run(" 页"), "宋体", 14)
    # Every other document has a running head (the issuer's name or the title, right-aligned).
    if style % 2 and head:
        p = section.header.paragraphs[0]
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        font(p.add_run(head[:24]), "宋体", 10.5)
    doc.save(path)


# An item's field: a label whose head is a unit, person, deadline or measure word (not 联系人,
# 分享到, 来源 — page furniture of its own paragraph).
_FIELD_LINE = re.compile(r"^[\u4e00-\u9fff]{0,6}(?:单位|部门|科室|处室|主体|领导|时限|时间|节点|措施|责任人|要求)"
                         r"(?:[（(][\u4e00-\u9fff]{1,6}[)）])?\s*[：:]")


_SUB_ITEM = re.compile(r"^\s*(?:[①-⑳]|[（(]\d{1,2}[)）])")


def write_html(paras: list[str], path: Path) -> None:
    """A web page: a paragraph per item; the labelled lines of an item
    (责任单位：…, 完成时限：…) after a <br> in the item's paragraph, as an
    editor's soft returns put them."""
    blocks: list[list[str]] = []
    for i, para in enumerate(paras):
        # Not after a sub-item (①, （1）): a field there is the whole group's, its own paragraph.
        if blocks and _FIELD_LINE.match(para) and _NUMBERED.match(blocks[-1][0]) \
                and not _SUB_ITEM.match(blocks[-1][0]) and i > 3:
            blocks[-1].append(para)
        else:
            blocks.append([para])
    body = "\n".join(f"<p style=\"text-indent:2em\">{'<br/>'.join(escape(x) for x in b)}</p>" for b in blocks)
    path.write_text(f"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{escape(paras[0])}</title></head>\n"
                    f"<body><div class=\"TRS_Editor\">\n{body}\n</div></body></html>\n", encoding="utf-8")


def soffice(args: list[str], cwd: Path) -> None:
    profile = (cwd / "profile").as_uri()
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", *args],
                   cwd=cwd, check=True, capture_output=True, timeout=600)


def main() -> int:
    import pdfplumber
    from bs4 import BeautifulSoup

    docs = prose_documents()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        names = []
        for set_name, path in docs:
            stem = f"{set_name}__{path.stem}"
            paras = paragraphs(path.read_text(encoding="utf-8"))
            write_docx(paras, work / f"{stem}.docx", style=len(names))
            write_html(paras, work / f"{stem}.html")
            names.append(stem)
        soffice(["--convert-to", "pdf", *[f"{n}.docx" for n in names]], work)
        (work / "txt").mkdir()
        soffice(["--infilter=HTML (StarWriter)", "--convert-to", "txt:Text (encoded):UTF8", "--outdir", "txt",
                 *[f"{n}.html" for n in names]], work)
        if OUT.exists():
            shutil.rmtree(OUT)
        for (set_name, path), stem in zip(docs, names):
            pdf = work / f"{stem}.pdf"
            outs = {
                "pdftotext": subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, check=True).stdout.decode(),
                "pdftotext-layout": subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                                                   check=True).stdout.decode(),
            }
            with pdfplumber.open(pdf) as doc:
                outs["pdfplumber"] = "\n".join(page.extract_text() or "" for page in doc.pages) + "\n"
            outs["html-soffice"] = (work / "txt" / f"{stem}.txt").read_text(encoding="utf-8-sig")
            soup = BeautifulSoup((work / f"{stem}.html").read_text(encoding="utf-8"), "html.parser")
            outs["html-scraper"] = soup.find("div").get_text() + "\n"
            folder = OUT / set_name
            folder.mkdir(parents=True, exist_ok=True)
            for tool in TOOLS:
                (folder / f"{path.stem}.{tool}.txt").write_text(outs[tool], encoding="utf-8")
        print(f"{len(docs)} documents × {len(TOOLS)} renderings → {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
