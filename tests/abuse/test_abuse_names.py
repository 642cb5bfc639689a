"""Issue 18, item 7: file names safe everywhere (no bidi or zero-width
characters to spoof a name, widths unified, names kept unique) and messages
that encode on a GBK console."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from hostile import ROOT

from xltools.io.filenames import safe_filename, unique_filenames, visible_text


def test_bidi_and_zero_width_removed() -> None:
    # "市财政局\u202Excod.exe" would show as 市财政局exe.docx… in a file manager.
    assert safe_filename("市财政局\u202excod.exe", ".docx") == "市财政局xcod.exe.docx"
    assert safe_filename("市\u200b财\u200d政\ufeff局\u2066", ".docx") == "市财政局.docx"
    assert safe_filename("ＡＢＣ局１２", ".xlsx") == "ABC局12.xlsx"
    assert visible_text("\u200e\u200f\u061c") == ""
    assert safe_filename("\u202e\u200b", ".docx") == "unnamed.docx"


def test_lookalike_names_stay_unique() -> None:
    names = unique_filenames(["市财政局", "市财\u200b政局", "市ＡＢ局", "市AB局"], ".docx")
    assert len(set(names.values())) == 4
    assert names["市财\u200b政局"] == "市财政局-2.docx" and names["市AB局"] == "市AB局-2.docx"


def test_messages_encode_on_a_gbk_console(tmp_path: Path) -> None:
    """A unit name outside GBK in an error message, output redirected with a GBK
    encoding (a Chinese Windows console): a message, never UnicodeEncodeError."""
    from xltools.cli import main

    wb = tmp_path / "wb.xlsx"
    assert main(["import", str(ROOT / "examples" / "taonan-2019.txt"), "-o", str(wb)]) == 0
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONIOENCODING="gbk")
    args = ["letters", str(wb), "-o", str(tmp_path / "l"), "--unit", "市\U00020000局😀"]
    proc = subprocess.run([sys.executable, "-m", "xltools", *args], capture_output=True,
                          env=env, timeout=120)
    err = proc.stderr.decode("gbk")
    assert proc.returncode == 1 and "Traceback" not in err and "UnicodeEncodeError" not in err, err
    assert "\\U00020000" in err or "\\U0001f600" in err, err
