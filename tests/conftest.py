"""Shared test helpers: paths and the real office suite (LibreOffice)."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
FIXTURES = Path(__file__).parent / "fixtures"
TAONAN = EXAMPLES / "taonan-2019.txt"


def soffice_path() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def require_soffice() -> str:
    """The soffice binary; skip the test when absent unless CI demands it."""
    path = soffice_path()
    if path is None:
        if os.environ.get("XLTOOLS_REQUIRE_LIBREOFFICE") == "1":
            pytest.fail("LibreOffice (soffice) is required here but not installed")
        pytest.skip("LibreOffice (soffice) not installed")
    return path


def soffice_convert(src: Path, fmt: str, outdir: Path, timeout: int = 180) -> Path:
    """Convert ``src`` with headless LibreOffice (private profile) and return the output path."""
    binary = require_soffice()
    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [binary, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
             "--convert-to", fmt, "--outdir", str(outdir), str(src)],
            check=True, capture_output=True, timeout=timeout)
    out = outdir / (src.stem + "." + fmt.split(":")[0])
    assert out.exists(), f"LibreOffice did not convert {src} to {fmt}"
    return out


def pdf_text(pdf: Path) -> str:
    if shutil.which("pdftotext") is None:
        if os.environ.get("XLTOOLS_REQUIRE_LIBREOFFICE") == "1":
            pytest.fail("pdftotext (poppler-utils) is required here but not installed")
        pytest.skip("pdftotext not installed")
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True,
                          capture_output=True, text=True).stdout


@pytest.fixture(scope="session")
def taonan_plan():
    from xltools.importing.importer import read_original

    return read_original(TAONAN)


@pytest.fixture
def taonan_workbook(tmp_path: Path) -> Path:
    from xltools.importing.importer import import_original

    out = tmp_path / "wb.xlsx"
    import_original(TAONAN, out)
    return out


@pytest.fixture(scope="session")
def example_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example as a Word table, printed to PDF by LibreOffice (14 landscape
    pages): the source of the scanned and OFD renderings."""
    import layouts as lay

    where = tmp_path_factory.mktemp("example-pdf")
    (where / "example.docx").write_bytes(lay.LAYOUT_BY_NAME["docx"].render(lay.example_spec())[0])
    return soffice_convert(where / "example.docx", "pdf", where, timeout=300)
