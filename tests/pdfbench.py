"""A bench of tables flattened by real tools: every annotated table document
(the shared real ones whose index.json names columns, and the table documents
of the authored sets) is written as a real Word table with python-docx — the
document's own column labels in a header row repeated on every page, merged
cells for a goal/task/number spanning rows, narrow column widths so cells
wrap, a title above, page numbers in the footer, A4 — printed to PDF by
LibreOffice, and its text taken out four ways: ``pdftotext -raw`` (content
stream order: a viewer's copy), ``pdftotext -layout``, pdfplumber's ``page.extract_text()``
and plain ``pdftotext`` with no option (poppler's reading order: a table comes out in column
blocks; fixture tool name ``blocks``).

The texts are committed as fixtures (tests/fixtures/pdftext/<doc>.<tool>.txt)
so tests/test_pdfbench.py is fast and deterministic. Re-run with

    .venv/bin/python tests/pdfbench.py [--keep DIR] [--tools blocks,...]

(needs LibreOffice and poppler-utils; ``--keep`` leaves the .docx and .pdf
files in DIR for a look). ``--tools`` writes only the named tools' fixtures, for
the documents already in index.json, and reports any other tool whose text would
now come out different (the PDF it was taken from is then not the committed one):
a new tool joins without touching the others' fixtures. The document's text comes
partly from the current import (``annotated_spec``), so a full regeneration after
readers change may change every fixture.
"""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from layouts import _ITEM_NUMBER, GCell, Grid, Spec, _spans, expected_spec, units_inline  # noqa: E402
from real_examples import AUTHORED_SETS, REAL  # noqa: E402

OUT = HERE / "fixtures" / "pdftext"
TOOLS = ("pdftotext", "layout", "pdfplumber", "blocks")

PEOPLE = ("张建华", "李明", "王志强", "刘晓燕", "陈国平", "赵丽", "孙立军", "周文斌")


def table_documents() -> list[tuple[Path, list[str]]]:
    """(document, its column labels) for every annotated table document."""
    out = []
    for folder in (REAL, *AUTHORED_SETS):
        for entry in json.loads((folder / "index.json").read_text(encoding="utf-8")):
            cols = [c for c in entry.get("columns") or [] if not c.startswith("(inline)")]
            path = folder / entry["file"]
            if len(cols) >= 2 and path.exists() and path.with_suffix(".expected.json").exists():
                out.append((path, cols))
    return out


def bench_name(path: Path) -> str:
    """The fixture stem: set and document number (real-02, authored-13, authored2-17)."""
    folder = "real" if path.parent == REAL else path.parent.name
    return f"{folder}-{path.stem.split('_', 1)[0]}"


_CLAUSES = ("确保各项措施落地见效", "切实减轻企业和群众负担", "形成可复制可推广的经验",
            "推动工作提质增效", "实现全流程闭环管理")


def annotated_spec(path: Path) -> Spec:
    """The annotation's plan (layouts.expected_spec) with a requirement's full text taken from
    the current import only where the import reads that item exactly; else its annotated start."""
    from xltools.importing.importer import read_original
    from xltools.text import strip_trailing_punct

    from real_examples import compare_items, expected_for

    spec = expected_spec(path)
    expected = expected_for(path)
    try:
        exact = [not p for p in compare_items(read_original(path), expected, path.read_text(encoding="utf-8"))]
    except Exception:
        exact = [False] * len(expected["items"])
    starts = iter(zip(exact, expected["items"]))
    from dataclasses import replace

    goals = []
    for g in spec.goals:
        tasks = []
        for t in g.tasks:
            reqs = []
            for r in t.reqs:
                ok, item = next(starts)
                if not ok:
                    start = _ITEM_NUMBER.sub("", item["requirement_starts_with"])
                    # The start alone rarely fills a narrow cell: a closing clause makes it wrap.
                    clause = _CLAUSES[len(start) % len(_CLAUSES)]
                    r = replace(r, text=f"{strip_trailing_punct(start)}，{clause}。")
                reqs.append(r)
            tasks.append(replace(t, reqs=tuple(reqs)))
        goals.append(replace(g, tasks=tuple(tasks)))
    return replace(spec, goals=tuple(goals))


# ------------------------------------------------------------------ column labels → kinds
def _kind(label: str) -> str:
    """What a column holds, read from its label by its head word (test-side, for the renderer)."""
    s = label.replace(" ", "")
    if s in ("序号", "序號", "编号", "編號", "任务编号") or s.endswith("编号"):
        return "number"
    if "电话" in s or "電話" in s:
        return "phone"
    if any(w in s for w in ("领导", "領導", "联系人", "聯系人", "责任人", "責任人")):
        return "leader"
    if any(w in s for w in ("进展", "進展", "完成情况", "评价", "備注", "备注", "投资", "投資", "地点", "地點",
                            "进度安排", "数量", "金额")):
        return "extra"
    if any(w in s for w in ("时限", "時限", "时间", "時間")):
        return "deadline"
    if any(w in s for w in ("单位", "單位", "部门", "部門", "科室")):
        if any(w in s for w in ("牵头", "牽頭")):
            return "lead"
        if any(w in s for w in ("配合", "协同", "協同", "协办", "参与", "參與", "协作")):
            return "assist"
        return "resp"
    return "text"


# A 整改清单's problem column (存在问题, 问题描述, 问题表现): test-side, by its head word.
_PROBLEM = re.compile(r"问题(?:表现|描述|清单)?$")


def plan_columns(spec: Spec, labels: list[str]) -> tuple[list[str], list[str], str]:
    """(kinds, header labels, goals mode) of the table for ``spec`` with the document's labels.
    Text columns from the right: requirement, task, goal; in a 整改清单 the problem column holds
    the requirement (the problem) and the text columns right of it (its measures) stay empty;
    a goal without a column is a section row; role columns as labelled when every role of the
    plan has one, else one units column."""
    kinds = [_kind(c) for c in labels]
    text = [i for i, k in enumerate(kinds) if k == "text"]
    problem = next((i for i in text if _PROBLEM.search(labels[i].replace(" ", ""))), None)
    if problem is not None:
        for i in text:
            if i > problem:
                kinds[i] = "extra"
        text = [i for i in text if i <= problem]
    if not text:  # no text column named: the widest guess is the first non-number one
        text = [next(i for i, k in enumerate(kinds) if k not in ("number",))]
        kinds[text[0]] = "text"
    levels = ["req"] + (["task"] if spec.has_task_names else []) + (["goal"] if spec.has_goals else [])
    for i, level in zip(reversed(text), levels):
        kinds[i] = level
    for i in text:
        if kinds[i] == "text":
            kinds[i] = "extra"
    goals = "column" if "goal" in kinds or not spec.has_goals else "rows"
    if "task" not in kinds and spec.has_task_names and "goal" not in kinds and goals == "rows":
        goals = "rows"
    roles = {"lead": spec.has("lead"), "resp": spec.has("responsible"), "assist": spec.has("assist")}
    unit_cols = [i for i, k in enumerate(kinds) if k in roles]
    have = {kinds[i] for i in unit_cols}
    if not all(have >= {r} or not used for r, used in roles.items()) and unit_cols:
        kinds[unit_cols[0]] = "units"
        for i in unit_cols[1:]:
            kinds[i] = "extra"
    if "deadline" in kinds and not spec.has("deadline"):
        kinds[kinds.index("deadline")] = "extra"
    return kinds, list(labels), goals


def build_grid(spec: Spec, kinds: list[str], labels: list[str], goals: str) -> Grid:
    """The plan as rows of cells under the document's labels (merged goal/task/number/leader)."""
    g = Grid(labels, kinds)
    n = 0
    person = 0
    for gi, goal in enumerate(spec.goals):
        if goals == "rows" and goal.name:
            g.rows.append(f"{'一二三四五六七八九十'[gi % 10]}、{goal.name}")
        first_in_goal = True
        for task in goal.tasks:
            n += 1
            person += 1
            for j, req in enumerate(task.reqs):
                row = []
                for k in kinds:
                    if k == "goal":
                        row.append(GCell(goal.name, not first_in_goal))
                    elif k == "number":
                        row.append(GCell(str(n), j > 0))
                    elif k == "task":
                        row.append(GCell(task.name, j > 0))
                    elif k == "leader":
                        row.append(GCell(PEOPLE[person % len(PEOPLE)], j > 0))
                    elif k == "phone":
                        row.append(GCell(f"1390{person:03d}{4521 + j:04d}"))
                    elif k == "req":
                        row.append(GCell(req.text))
                    elif k == "units":
                        row.append(GCell(units_inline(req)))
                    elif k == "lead":
                        row.append(GCell("、".join(req.lead)))
                    elif k == "resp":
                        row.append(GCell("、".join(req.responsible)))
                    elif k == "assist":
                        row.append(GCell("、".join(req.assist)))
                    elif k == "deadline":
                        row.append(GCell(req.deadline))
                    else:
                        row.append(GCell(""))
                first_in_goal = False
                g.rows.append(row)
    return g


# ------------------------------------------------------------------ Word document
_WEIGHT = {"goal": 2.4, "number": 1.0, "task": 2.8, "req": 5.0, "units": 2.6, "lead": 2.2, "resp": 2.2,
           "assist": 2.2, "deadline": 1.9, "leader": 1.5, "phone": 2.0, "extra": 1.6}


LEAD_IN = ("为认真贯彻落实上级决策部署，确保各项工作任务按期保质完成，经研究，现将有关任务分工印发给你们，"
           "请各责任单位对照任务分工，细化工作措施，明确时间节点，压实工作责任，"
           "每月25日前将工作进展情况报送牵头单位汇总。")


def _page_number_footer(section) -> None:  # type: ignore[no-untyped-def]
    """A centred ``- N -`` page number in the footer (a PAGE field)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    p = section.footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.add_run("- ")
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), "PAGE")
    r = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = "1"
    r.append(t)
    fld.append(r)
    p._p.append(fld)
    p.add_run(" -")


def render_docx(title: str, g: Grid, size: float = 12) -> bytes:
    """An A4 Word document: title, a short lead-in, the table (text ``size`` points) with a
    header row repeated on every page."""
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    doc = Document()
    style = doc.styles["Normal"]
    style.font.size = Pt(size)
    style.font.name = "Noto Serif CJK SC"
    style.element.rPr.rFonts.set(qn("w:eastAsia"), "Noto Serif CJK SC")
    section = doc.sections[0]
    wide = len(g.kinds) > 7
    if wide:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    else:
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2.2))
    _page_number_footer(section)
    head = doc.add_paragraph(title)
    head.alignment = WD_ALIGN_PARAGRAPH.CENTER
    head.runs[0].font.size = Pt(20)
    head.runs[0].bold = True
    lead_in = doc.add_paragraph(LEAD_IN)
    lead_in.paragraph_format.first_line_indent = Pt(32)
    lead_in.runs[0].font.size = Pt(16)
    usable = (29.7 if wide else 21.0) - 4.4
    weights = [_WEIGHT[k] for k in g.kinds]
    widths = [usable * w / sum(weights) for w in weights]
    ncol = len(g.kinds)
    t = doc.add_table(rows=len(g.rows) + 1, cols=ncol)
    t.style = "Table Grid"
    t.autofit = False
    flat = t._cells
    cells = [flat[r * ncol:(r + 1) * ncol] for r in range(len(g.rows) + 1)]
    for c, w in enumerate(widths):
        t.columns[c].width = Cm(w)
        for row_cells in cells:
            row_cells[c].width = Cm(w)
    trPr = t.rows[0]._tr.get_or_add_trPr()
    rep = OxmlElement("w:tblHeader")
    rep.set(qn("w:val"), "true")
    trPr.append(rep)
    for c, h in enumerate(g.header):
        cells[0][c].text = h
        cells[0][c].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        cells[0][c].paragraphs[0].runs[0].bold = True
    for r, row in enumerate(g.rows, start=1):
        if isinstance(row, str):
            cells[r][0].text = row
            continue
        for c, cell in enumerate(row):
            if not cell.above:
                cells[r][c].text = cell.text
    for r0, r1, c in _spans(g):
        a = cells[r0 + 1][c]
        text = a.text
        merged = a.merge(cells[r1 + 1][c])
        merged.text = text
    for r, row in enumerate(g.rows, start=1):
        if isinstance(row, str):
            cells[r][0].merge(cells[r][ncol - 1])
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


# ------------------------------------------------------------------ PDF and its text
def to_pdf(docx: bytes, work: Path, stem: str) -> Path:
    src = work / f"{stem}.docx"
    src.write_bytes(docx)
    subprocess.run(["soffice", f"-env:UserInstallation=file://{work}/lo-profile", "--headless",
                    "--convert-to", "pdf", "--outdir", str(work), str(src)],
                   check=True, capture_output=True, timeout=180)
    return work / f"{stem}.pdf"


def extract(pdf: Path) -> dict[str, str]:
    """The PDF's text by each tool."""
    import pdfplumber

    out = {
        "pdftotext": subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(pdf), "-"], check=True,
                                    capture_output=True).stdout.decode("utf-8"),
        "layout": subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(pdf), "-"], check=True,
                                 capture_output=True).stdout.decode("utf-8"),
        "blocks": subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], check=True,
                                 capture_output=True).stdout.decode("utf-8"),
    }
    with pdfplumber.open(pdf) as doc:
        out["pdfplumber"] = "\n".join(page.extract_text() or "" for page in doc.pages) + "\n"
    return {k: v.replace("\f", "\n") for k, v in out.items()}


def _title(path: Path) -> str:
    """The document's first line when it reads as a title, else a generic one."""
    first = path.read_text(encoding="utf-8").strip().splitlines()[0].strip(" #")
    if len(first) <= 40 and not any(c in first for c in "|\t") and "  " not in first:
        return first
    return "重点工作任务分工表"


def fixture_path(name: str, tool: str) -> Path:
    return OUT / f"{name}.{tool}.txt"


def main(argv: list[str]) -> int:
    keep = Path(argv[argv.index("--keep") + 1]) if "--keep" in argv else None
    only = argv[argv.index("--tools") + 1].split(",") if "--tools" in argv else None
    OUT.mkdir(parents=True, exist_ok=True)
    index = {}
    known = json.loads((OUT / "index.json").read_text(encoding="utf-8")) if only else {}
    changed = []
    with tempfile.TemporaryDirectory() as tmp:
        work = keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        for k, (path, labels) in enumerate(table_documents()):
            if only and bench_name(path) not in known:
                continue
            spec = annotated_spec(path)
            kinds, header, goals = plan_columns(spec, labels)
            g = build_grid(spec, kinds, header, goals)
            name = bench_name(path)
            title = _title(path)
            pdf = to_pdf(render_docx(title, g, 14 if k % 2 else 12), work, name)
            for tool, text in extract(pdf).items():
                if only is None or tool in only:
                    fixture_path(name, tool).write_text(text, encoding="utf-8")
                elif fixture_path(name, tool).read_text(encoding="utf-8") != text:
                    changed.append(f"{name}.{tool}")
            index[name] = {"source": str(path.relative_to(HERE)), "columns": kinds}
            print(name, " ".join(kinds), file=sys.stderr)
    if only:
        if changed:
            print("not the committed PDF (these fixtures would differ):", " ".join(changed), file=sys.stderr)
        return 1 if changed else 0
    (OUT / "index.json").write_text(json.dumps(index, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
