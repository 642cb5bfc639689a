"""Issue 18, item 4: a PDF original is bounded before pdfplumber parses it —
pages, per-stream inflation and all streams — with a clear message."""

from __future__ import annotations

from pathlib import Path

import pytest
from hostile import pdf_bomb, pdf_pages, run_cli

from xltools.io import guard


@pytest.mark.parametrize("kind", ["bomb", "pages"])
def test_pdf_over_limits_refused_before_parsing(tmp_path: Path, kind: str) -> None:
    pdf = tmp_path / f"{kind}.pdf"
    pdf.write_bytes(pdf_bomb() if kind == "bomb" else pdf_pages(5_000))
    info, _, err = run_cli(["import", str(pdf), "-o", str(tmp_path / "wb.xlsx")], tmp_path,
                           child=True, timeout=60)
    assert info["status"] == 1 and err.startswith("Error: ") and "Traceback" not in err, err
    assert "PDF" in err and str(pdf) in err and ("64 MB" in err or "5,000" in err), err
    assert info["seconds"] < 10 and info["peak_mb"] < 400, info
    assert not (tmp_path / "wb.xlsx").exists()


def test_pdf_limits() -> None:
    assert guard.pdf_problem(pdf_pages(3)) is None
    assert guard.pdf_problem(pdf_pages(guard.MAX_PDF_PAGES)) is None
    assert "pages" in (guard.pdf_problem(pdf_pages(guard.MAX_PDF_PAGES + 1)) or "")
    assert guard.pdf_problem(pdf_bomb(32)) is None  # 32 MB inflated: within one stream's limit
