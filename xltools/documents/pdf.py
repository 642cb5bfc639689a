"""Word → PDF with LibreOffice (headless, a private profile per run), and page
counts of what it lays out (the combined print file starts each letter on an
odd page by them)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from xltools import labels as L
from xltools.errors import DependencyError
from xltools.io.fileio import atomic_path, check_writable


def find_soffice() -> str | None:
    """The LibreOffice binary: $XLTOOLS_SOFFICE, soffice/libreoffice on PATH, usual install dirs."""
    env = os.environ.get("XLTOOLS_SOFFICE")
    if env and Path(env).is_file():
        return env
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    candidates = []
    if sys.platform == "win32":
        for base in (os.environ.get("ProgramFiles", r"C:\Program Files"),
                     os.environ.get("ProgramFiles(x86)", r"C:\Program Files (x86)")):
            candidates.append(Path(base) / "LibreOffice" / "program" / "soffice.exe")
    elif sys.platform == "darwin":
        candidates.append(Path("/Applications/LibreOffice.app/Contents/MacOS/soffice"))
    return next((str(c) for c in candidates if c.is_file()), None)


def convert_to_pdf(docs: Sequence[Path], out_dir: Path, *, force: bool = False,
                   soffice: str | None = None) -> list[Path]:
    """Convert ``docs`` to PDF in ONE LibreOffice run (private profile); write into ``out_dir``.

    Raises DependencyError when LibreOffice is not installed.
    """
    binary = soffice or find_soffice()
    if binary is None:
        raise DependencyError(L.MSG_PDF_NO_LIBREOFFICE)
    targets = [out_dir / (d.stem + ".pdf") for d in docs]
    for target in targets:
        check_writable(target, force)
    with tempfile.TemporaryDirectory(prefix="xltools-pdf-") as tmp:
        profile = Path(tmp) / "profile"
        converted = Path(tmp) / "out"
        converted.mkdir()
        cmd = [binary, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
               "--nolockcheck", "--convert-to", "pdf:writer_pdf_Export", "--outdir",
               str(converted), *map(str, docs)]
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True,
                                  timeout=120 + 10 * len(docs))
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise DependencyError(L.MSG_PDF_FAILED.format(reason=exc)) from exc
        written = []
        for doc, target in zip(docs, targets):
            made = converted / (doc.stem + ".pdf")
            if not made.is_file():
                reason = (proc.stderr or proc.stdout or f"exit {proc.returncode}").strip()
                raise DependencyError(L.MSG_PDF_FAILED.format(reason=f"{doc.name}: {reason}"))
            with atomic_path(target, force) as tmp_target:
                shutil.copyfile(made, tmp_target)
            written.append(target)
    return written


def pdf_page_count(data: bytes) -> int:
    """Pages of a PDF written by LibreOffice (its page objects are not compressed)."""
    return len(re.findall(rb"/Type\s*/Page\b(?!s)", data))


def page_counts(docs: Sequence[Path], *, soffice: str | None = None) -> list[int]:
    """How many pages each document has, as LibreOffice lays it out (one run)."""
    with tempfile.TemporaryDirectory(prefix="xltools-pages-") as tmp:
        pdfs = convert_to_pdf(docs, Path(tmp), force=True, soffice=soffice)
        return [pdf_page_count(p.read_bytes()) for p in pdfs]


# ======================================================================
# The library function
# ======================================================================
