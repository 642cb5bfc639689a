"""PDF tables (readers/pdf.py): real PDFs printed by LibreOffice from Word
and Excel tables with merged cells read like the tables themselves; a PDF
without a table is read as prose; a scan is refused with a message."""

from __future__ import annotations

import io
import subprocess
import tempfile
from pathlib import Path

import pytest

import layouts as lay
from conftest import require_soffice
from xltools.importing.builder import build_plan
from xltools.errors import InputError
from xltools.importing.readers import read_source
from xltools.importing.readers.pdf import _join, _Line

R = lay.Req
SMALL = lay.Spec("某县2024年重点工作任务分工方案", (
    lay.Goal("提升政务服务效能", (
        lay.Task("推行一网通办", (
            R("整合各部门政务服务平台，推动高频事项网上办理、掌上办理，实现办事材料一次提交、"
              "审批结果共享互认，切实减少群众跑腿次数。", lead=("市政务服务局",), assist=("市公安局", "市民政局"),
              deadline="2024年6月底前"),
            R("推行证照分离改革，清理规范涉企经营许可事项。", responsible=("市司法局", "市审计局")),
            R("建立办件评价机制，每月通报差评办理情况。", lead=("市政务服务局",), deadline="长期坚持"),
        )),
        lay.Task("优化审批流程", (
            R("压减工程建设项目审批时限50%，推行并联审批。", lead=("市住建局",), assist=("市财政局",),
              deadline="2024年底前"),
        )),
    )),
    lay.Goal("加强要素保障", (
        lay.Task("保障用地需求", (
            R("盘活存量土地，优先保障重点项目用地指标。", responsible=("市自然资源局",)),
            R("开展闲置土地专项清理。", lead=("市自然资源局",), assist=("市住建局", "市财政局", "市审计局")),
        )),
    )),
))


def _to_pdf(files: dict[str, bytes], where: Path) -> dict[str, Path]:
    """Write ``files`` and print them all to PDF with one LibreOffice run."""
    binary = require_soffice()
    paths = []
    for name, data in files.items():
        (where / name).write_bytes(data)
        paths.append(str(where / name))
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([binary, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
                        "--convert-to", "pdf", "--outdir", str(where), *paths],
                       check=True, capture_output=True, timeout=300)
    out = {Path(n).stem: where / (Path(n).stem + ".pdf") for n in files}
    assert all(p.is_file() for p in out.values()), out
    return out


def _prose_docx(text: str) -> bytes:
    from docx import Document

    doc = Document()
    for line in text.splitlines():
        doc.add_paragraph(line)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def _headed_tables_docx() -> bytes:
    """SMALL as a Word document: one ruled table per goal under its heading."""
    from docx import Document

    doc = Document()
    doc.add_paragraph(SMALL.title)
    n = 0
    for k, goal in enumerate(SMALL.goals):
        doc.add_paragraph(f"{lay.cn_number(k + 1)}、{goal.name}")
        rows = [(str(n := n + 1) if j == 0 else "", t.name if j == 0 else "", r.text, lay.units_inline(r),
                 r.deadline) for t in goal.tasks for j, r in enumerate(t.reqs)]
        header = ["序号", "重点任务", "具体措施", "责任单位", "完成时限"]
        table = doc.add_table(rows=len(rows) + 1, cols=5)
        table.style = "Table Grid"
        cells = table._cells
        body = [header] + [list(r) for r in rows]
        for i, values in enumerate(body):
            for c, v in enumerate(values):
                cells[i * 5 + c].text = v
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    where = tmp_path_factory.mktemp("pdf")
    example = lay.example_spec()
    roles = lay.grid(SMALL, lay.columns(SMALL, goals="rows", roles=True), goals="rows")
    files = {
        "example.docx": lay.LAYOUT_BY_NAME["docx"].render(example)[0],
        "small.xlsx": lay.LAYOUT_BY_NAME["xlsx"].render(SMALL)[0],
        "lines.docx": lay.render_docx(SMALL, roles, unit_lines=True),
        "prose.docx": _prose_docx(lay.render_prose(SMALL, "labelled")),
        "headed.docx": _headed_tables_docx(),
    }
    out = _to_pdf(files, where)
    # A scan: the first page of a table as an image only, no text layer.
    subprocess.run(["pdftoppm", "-r", "80", "-png", "-f", "1", "-l", "1", str(out["small"]),
                    str(where / "page")], check=True, timeout=60)
    from PIL import Image

    png = next(where.glob("page*.png"))
    Image.open(png).convert("RGB").save(where / "scan.pdf")
    out["scan"] = where / "scan.pdf"
    return out


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every plan of tests/layouts.py as a Word and an Excel table, printed to PDF."""
    files = {}
    for pid, make in lay.plan_specs().items():
        spec = make()
        for kind in ("docx", "xlsx"):
            files[f"{pid}-{kind}.{kind}"] = lay.LAYOUT_BY_NAME[kind].render(spec)[0]
    return _to_pdf(files, tmp_path_factory.mktemp("printed"))


@pytest.mark.parametrize("kind", ["docx", "xlsx"])
@pytest.mark.parametrize("pid", list(lay.plan_specs()))
def test_printed_table_reads_like_the_table(printed: dict[str, Path], pid: str, kind: str) -> None:
    """A Word or Excel table printed to PDF imports to what the table itself
    imports to: merged cells over page breaks (Word: text at the top, rows
    split; Excel: text centred on the whole merged range, partly in the page
    margins), goal rows, wrapped cells."""
    spec = lay.plan_specs()[pid]()
    source = lay.imported(*lay.LAYOUT_BY_NAME[kind].render(spec))
    plan = _plan(printed[f"{pid}-{kind}"])
    assert lay.differences(lay.spec_from_plan(source), plan) == []


def _plan(path: Path):  # type: ignore[no-untyped-def]
    return build_plan(*read_source(path.read_bytes(), path.name))


def test_word_table_over_many_pages_reads_like_the_table(pdfs: dict[str, Path]) -> None:
    """The example as a Word table (merged 序号/任务 cells, goal rows merged
    across, rows split by page breaks) printed to PDF: the same plan."""
    import pdfplumber

    with pdfplumber.open(pdfs["example"]) as pdf:
        assert len(pdf.pages) >= 5
    plan = _plan(pdfs["example"])
    assert lay.differences(lay.example_spec(), plan) == []
    assert (len(plan.goals), len(plan.tasks), len(plan.requirements)) == (5, 19, 63)


def test_excel_table_with_merged_cells(pdfs: dict[str, Path]) -> None:
    plan = _plan(pdfs["small"])
    assert lay.differences(SMALL, plan) == []
    xlsx = lay.imported(*lay.LAYOUT_BY_NAME["xlsx"].render(SMALL))
    assert lay.spec_from_plan(plan) == lay.spec_from_plan(xlsx)


def test_units_one_per_line_stay_apart(pdfs: dict[str, Path]) -> None:
    plan = _plan(pdfs["lines"])
    assert lay.differences(SMALL, plan) == []
    last = plan.requirements[-1]
    assert [a.unit for a in plan.assignments_for(last.id)] == ["市自然资源局", "市住建局", "市财政局", "市审计局"]


def test_tables_under_headings(pdfs: dict[str, Path]) -> None:
    """Goal headings between tables."""
    plan = _plan(pdfs["headed"])
    docx = lay.imported(_headed_tables_docx(), "headed.docx")
    assert lay.differences(lay.spec_from_plan(docx), plan) == []
    assert [g.name for g in plan.goals] == [g.name for g in SMALL.goals]
    assert len(plan.requirements) == len(SMALL.reqs)


def test_pdf_without_a_table_is_read_as_prose(pdfs: dict[str, Path]) -> None:
    """A 工作要点 printed to PDF reads like its text (the same prose reader)."""
    plan = _plan(pdfs["prose"])
    text = lay.imported(lay.render_prose(SMALL, "labelled").encode("utf-8"), "prose.txt")
    assert lay.spec_from_plan(plan) == lay.spec_from_plan(text)
    assert len(plan.requirements) == len(SMALL.reqs)
    assert plan.requirements[0].deadline.text == "2024年6月底前"


def test_scanned_pdf_without_the_ocr_extra_is_refused_with_a_message(pdfs: dict[str, Path], tmp_path: Path,
                                                                     capsys, monkeypatch) -> None:
    """A scan needs the OCR extra (tests/test_readers_ocr.py reads scans with
    it); without it the message says how to install it."""
    import sys

    from xltools.cli import main
    from xltools.errors import DependencyError
    from xltools.importing.readers import ocr

    monkeypatch.setitem(sys.modules, "rapidocr", None)
    ocr._engine.cache_clear()
    try:
        with pytest.raises(DependencyError) as err:
            _plan(pdfs["scan"])
        assert "OCR" in str(err.value) and "xltools[ocr]" in str(err.value) and "scan.pdf" in str(err.value)
        assert main(["import", str(pdfs["scan"]), "-o", str(tmp_path / "out.xlsx")]) == 1
        assert "Error:" in capsys.readouterr().err and not (tmp_path / "out.xlsx").exists()
    finally:
        ocr._engine.cache_clear()


def test_broken_pdf_is_a_clear_error() -> None:
    with pytest.raises(InputError) as err:
        read_source(b"%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage", "broken.pdf")
    assert "broken.pdf" in str(err.value)


def _line(text: str, end: float, lead: float = 10.0, start: float = 0.0) -> _Line:
    return _Line(text, start, end, lead, 10.0)


def test_lines_join_when_the_next_word_did_not_fit() -> None:
    # a 10-character line (edge 100): wrapped text runs on, a short line ends a paragraph
    wrapped = [_line("整合各部门政务服务平", 100.0), _line("台，推动网上办理。", 70.0, lead=20.0)]
    assert _join(wrapped, 100.0) == ("整合各部门政务服务平台，推动网上办理。", False)
    units = [_line("市政务服务局", 60.0), _line("市公安局", 40.0)]
    assert _join(units, 100.0)[0] == "市政务服务局\n市公安局"
    # one character short, because the next line begins with punctuation bound to it
    kinsoku = [_line("切实减少群众跑腿次", 90.0), _line("数。", 20.0, lead=20.0)]
    assert _join(kinsoku, 100.0)[0] == "切实减少群众跑腿次数。"
    # a number broken over two lines stays one number; Latin words keep their space
    assert _join([_line("审批时限50", 95.0), _line("%以内", 40.0, lead=15.0)], 100.0)[0] == "审批时限50%以内"
    assert _join([_line("2016", 98.0), _line("20号", 30.0, lead=12.0)], 100.0)[0] == "201620号"
    assert _join([_line("the one", 95.0), _line("stop shop", 50.0, lead=20.0)], 100.0)[0] == "the one stop shop"
    # the last line reaching the edge: the text may go on (next page)
    assert _join([_line("整合各部门政务服务平", 100.0)], 100.0)[1] is True


def test_excel_printed_with_repeated_header_rows(tmp_path: Path) -> None:
    """A spreadsheet printed with print titles (the header row repeated on
    every page): the repeated header is dropped on each page, the clipped
    text a merged cell prints under it (or in the margin above it) belongs
    to the merged cell, never to the header or a goal; every unit is read."""
    import openpyxl

    from conftest import EXAMPLES

    files = {"untitled.xlsx": (EXAMPLES / "taonan-2019.xlsx").read_bytes()}
    for name, data in (("given.xlsx", (EXAMPLES / "taonan-2019.xlsx").read_bytes()),
                       ("rendered.xlsx", lay.LAYOUT_BY_NAME["xlsx"].render(lay.example_spec())[0])):
        wb = openpyxl.load_workbook(io.BytesIO(data))
        ws = wb.worksheets[0]
        header = next(r for r in range(1, 10) if any(str(c.value or "").strip() == "序号" for c in ws[r]))
        ws.print_title_rows = f"{header}:{header}"
        if name == "rendered.xlsx":  # signature lines under the table
            last = ws.max_row
            ws.cell(last + 2, 5, "洮南市人民政府办公室")
            ws.cell(last + 3, 5, "2019年4月1日")
        buf = io.BytesIO()
        wb.save(buf)
        files[name] = buf.getvalue()
    out = _to_pdf(files, tmp_path)
    import pdfplumber

    with pdfplumber.open(out["given"]) as pdf:
        assert len(pdf.pages) >= 5
        assert all(p.extract_text().count("序号") >= 1 for p in pdf.pages)  # the header on every page
    given = _plan(out["given"])
    # reads as the same sheet printed without print titles
    assert lay.differences(lay.spec_from_plan(_plan(out["untitled"])), given) == []
    assert (len(given.goals), len(given.tasks), len(given.requirements)) == (5, 19, 63)
    assert all(given.assignments_for(r.id) and all(a.unit for a in given.assignments_for(r.id))
               for r in given.requirements)
    rendered = _plan(out["rendered"])
    assert lay.differences(lay.example_spec(), rendered) == []
    assert len(rendered.goals) == 5 and not any("人民政府办公室" in g.name for g in rendered.goals)
