""".doc/.wps/.et through LibreOffice; a clear message when it is missing."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document

from conftest import soffice_convert
from xltools.importing.builder import build_plan
from xltools.errors import DependencyError
from xltools.model import Role
from xltools.importing.readers import detect_format, legacy, read_source


def _docx(path: Path) -> Path:
    doc = Document()
    doc.add_paragraph("某镇2020年重点工作任务分工")
    t = doc.add_table(rows=3, cols=4)
    for c, h in enumerate(["序号", "工作任务", "工作措施", "责任单位"]):
        t.cell(0, c).text = h
    for r, row in enumerate([["1", "人居环境整治", "开展村庄清洁行动。", "镇农业农村办牵头，各村委会配合"],
                             ["2", "安全生产", "开展隐患排查。", "镇应急办"]], start=1):
        for c, v in enumerate(row):
            t.cell(r, c).text = v
    doc.save(path)
    return path


def test_doc_and_wps_through_libreoffice(tmp_path: Path) -> None:
    # Through .odt: this LibreOffice drops python-docx tables on a direct .docx → .doc.
    odt = soffice_convert(_docx(tmp_path / "t.docx"), "odt", tmp_path / "odt")
    doc = soffice_convert(odt, "doc", tmp_path / "out")
    data = doc.read_bytes()
    assert detect_format(data, "t.doc") == "doc"
    for name in ("t.doc", "t.wps"):
        plan = build_plan(*read_source(data, name))
        assert [t.name for t in plan.tasks] == ["人居环境整治", "安全生产"]
        assert {(a.unit, a.role) for a in plan.assignments_for("1-1")} == {
            ("镇农业农村办", Role.LEAD), ("各村委会", Role.ASSIST)}


def test_missing_libreoffice_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(legacy, "soffice_path", lambda: None)
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600
    with pytest.raises(DependencyError, match="LibreOffice"):
        read_source(data, "old.wps")


def test_pdf_work_points_read_as_prose_and_unruled_pdf_tables_refused(tmp_path: Path) -> None:
    import os
    import shutil

    from xltools.errors import SourceFormatError

    if shutil.which("pdftotext") is None:
        if os.environ.get("XLTOOLS_REQUIRE_LIBREOFFICE") == "1":
            pytest.fail("pdftotext (poppler-utils) is required here but not installed")
        pytest.skip("pdftotext not installed")

    doc = Document()
    for line in ["某市2023年政务公开工作要点", "一、深化政策解读",
                 "1.健全解读机制。做好政策解读工作。（市政府办公室牵头，市直各部门按职责分工负责）"]:
        doc.add_paragraph(line)
    doc.save(tmp_path / "p.docx")
    pdf = soffice_convert(tmp_path / "p.docx", "pdf", tmp_path / "pdf")
    plan = build_plan(*read_source(pdf.read_bytes(), "p.pdf"))
    assert [t.name for t in plan.tasks] == ["健全解读机制"]
    assert {(a.unit, a.role) for a in plan.assignments_for("1-1")} == {
        ("市政府办公室", Role.LEAD), ("市直各部门", Role.RESPONSIBLE)}
    table_pdf = soffice_convert(_docx(tmp_path / "t.docx"), "pdf", tmp_path / "pdf2")
    with pytest.raises(SourceFormatError, match="PDF"):
        read_source(table_pdf.read_bytes(), "t.pdf")
