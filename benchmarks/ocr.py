"""What reading a scan costs: seconds per page and peak memory of OCR
(readers/ocr.py: clean-up, ruling lines, RapidOCR) on pages of the example's
Word table printed to PDF by LibreOffice and rendered at 150 and 300 dpi,
and of a whole scanned PDF through the importer. ONNX Runtime runs on
XLTOOLS_OCR_THREADS threads (default 2).

    python benchmarks/ocr.py [pages]
"""

from __future__ import annotations

import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import layouts as lay  # noqa: E402
import scans  # noqa: E402
from xltools.importing.builder import build_plan  # noqa: E402
from xltools.importing.readers import read_source  # noqa: E402
from xltools.importing.readers.ocr import available, ocr_image  # noqa: E402


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    if not available():
        print("OCR extra not installed: pip install -e '.[ocr]'")
        return
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        print("LibreOffice (soffice) is needed to print the example to PDF")
        return
    pages = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    with tempfile.TemporaryDirectory() as tmp, tempfile.TemporaryDirectory() as profile:
        where = Path(tmp)
        (where / "example.docx").write_bytes(lay.LAYOUT_BY_NAME["docx"].render(lay.example_spec())[0])
        subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
                        "--convert-to", "pdf", "--outdir", str(where), str(where / "example.docx")],
                       check=True, capture_output=True, timeout=300)
        pdf = where / "example.pdf"
        base = peak_mb()
        print(f"{'input':<34}{'pages':>6}{'s/page':>9}{'peak MB':>9}")
        for dpi in (150, 300):
            images = scans.render(pdf, dpi, list(range(pages)))
            ocr_image(images[0][:200, :200], 0, dpi=dpi)  # models loaded once, not timed
            start = time.perf_counter()
            for k, img in enumerate(images, start=1):
                ocr_image(img, k, dpi=dpi)
            per = (time.perf_counter() - start) / len(images)
            print(f"{f'page image, {dpi} dpi':<34}{len(images):>6}{per:>9.2f}{peak_mb():>9.0f}")
        images = scans.render(pdf, 150, list(range(pages)))
        data = scans.image_pdf(images, 150)
        start = time.perf_counter()
        plan = build_plan(*read_source(data, "scan.pdf"))
        per = (time.perf_counter() - start) / len(images)
        print(f"{'scanned PDF → plan, 150 dpi':<34}{len(images):>6}{per:>9.2f}{peak_mb():>9.0f}"
              f"   ({len(plan.requirements)} requirements)")
        print(f"(Python and the libraries before OCR: {base:.0f} MB)")


if __name__ == "__main__":
    main()
