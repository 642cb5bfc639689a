"""Formats read through a conversion: .doc/.wps/.rtf/.odt → .docx and
.et/.ods (and .xls that xlrd cannot open) → .xlsx with LibreOffice
headless; .pdf → text with pdftotext. A clear DependencyError names what to
install (or how to save the file) when the program is missing."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path, PurePath

from xltools import labels as L
from xltools.errors import DependencyError, InputError

TIMEOUT = 180


def soffice_path() -> str | None:
    """The LibreOffice executable, or None when it is not installed."""
    for exe in ("soffice", "libreoffice"):
        found = shutil.which(exe)
        if found:
            return found
    return None


def convert(data: bytes, name: str, fmt: str, target: str) -> bytes:
    """Convert ``data`` with LibreOffice headless and return the result's bytes."""
    exe = soffice_path()
    if exe is None:
        raise DependencyError(L.MSG_NEEDS_LIBREOFFICE.format(path=name, kind=L.FORMAT_KINDS.get(fmt, fmt)),
                              path=name)
    suffix = PurePath(name).suffix.lower() or "." + fmt
    with tempfile.TemporaryDirectory(prefix="xltools-lo-") as tmp:
        src = Path(tmp) / ("source" + suffix)
        src.write_bytes(data)
        profile = Path(tmp) / "profile"
        cmd = [exe, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
               "--convert-to", target, "--outdir", str(Path(tmp) / "out"), str(src)]
        try:
            proc = subprocess.run(cmd, capture_output=True, timeout=TIMEOUT,
                                  env={**os.environ, "HOME": tmp})
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise InputError(L.MSG_CONVERT_FAILED.format(path=name, reason=exc), path=name) from exc
        out = Path(tmp) / "out" / ("source." + target)
        if not out.is_file():
            reason = (proc.stderr or proc.stdout or b"").decode("utf-8", "replace").strip()[:200]
            raise InputError(L.MSG_CONVERT_FAILED.format(path=name, reason=reason or proc.returncode),
                             path=name)
        return out.read_bytes()


def pdf_text(data: bytes, name: str) -> str:
    """The text of a PDF (reading order) via pdftotext."""
    exe = shutil.which("pdftotext")
    if exe is None:
        raise DependencyError(L.MSG_NEEDS_PDFTOTEXT.format(path=name), path=name)
    with tempfile.TemporaryDirectory(prefix="xltools-pdf-") as tmp:
        src = Path(tmp) / "source.pdf"
        src.write_bytes(data)
        proc = subprocess.run([exe, "-enc", "UTF-8", str(src), "-"], capture_output=True, timeout=TIMEOUT)
        if proc.returncode != 0:
            raise InputError(L.MSG_CONVERT_FAILED.format(
                path=name, reason=proc.stderr.decode("utf-8", "replace")[:200]), path=name)
        return proc.stdout.decode("utf-8", "replace")
