"""Issue 11, item 7: a few bad bytes in a text original are replaced and the
lines noted on 待核对; a file that is mostly undecodable is refused clearly."""

from __future__ import annotations

import os
from pathlib import Path

import openpyxl
import pytest
from hostile import ROOT, run_cli

from xltools import labels as L
from xltools.errors import InputError
from xltools.importing.importer import read_original
from xltools.importing.readers.decode import decode_text_lines

TXT = ROOT / "examples" / "taonan-2019.txt"


def _spoil(data: bytes, lines: list[int], junk: bytes = b"\xff") -> bytes:
    """Put ``junk`` at the end of each of ``lines`` (1-based)."""
    rows = data.split(b"\n")
    for n in lines:
        rows[n - 1] = rows[n - 1].rstrip(b"\r") + junk
    return b"\n".join(rows)


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030"])
def test_a_few_bad_bytes_are_replaced_and_noted(tmp_path: Path, encoding: str) -> None:
    text = TXT.read_text(encoding="utf-8")
    clean = text.encode(encoding)
    spoiled = _spoil(clean, [5, 12], b"\xff\xfe" if encoding == "utf-8" else b"\xff")
    decoded, bad = decode_text_lines(spoiled, "x.txt")
    assert bad == [5, 12]
    assert decoded.split("\n")[20] == text.replace("\r\n", "\n").split("\n")[20]
    src = tmp_path / "spoiled.txt"
    src.write_bytes(spoiled)
    plan = read_original(src)
    assert len(plan.requirements) == len(read_original(TXT).requirements)
    notes = [n for n in plan.notes if n.kind == L.REVIEW_ENCODING]
    assert [n.line for n in notes] == [5, 12]
    assert "5" in notes[0].message and "12" in notes[1].message
    info, _, err = run_cli(["import", str(src), "-o", str(tmp_path / "o.xlsx")], tmp_path)
    assert info["status"] == 0, err
    ws = openpyxl.load_workbook(tmp_path / "o.xlsx", read_only=True)[L.SHEET_REVIEW]
    texts = [" ".join(str(v) for v in row if v is not None) for row in ws.iter_rows(values_only=True)]
    assert sum(L.REVIEW_ENCODING in t for t in texts) == 2


def test_mostly_undecodable_text_is_refused(tmp_path: Path) -> None:
    data = TXT.read_bytes()
    rows = data.split(b"\n")
    spoiled = b"\n".join(r + bytes([0x80 + (i % 60), 0xFF]) * 5 for i, r in enumerate(rows))
    with pytest.raises(InputError) as caught:
        decode_text_lines(spoiled, "bad.txt")
    assert "bad.txt" in str(caught.value)
    src = tmp_path / "bad.txt"
    src.write_bytes(spoiled)
    info, _, err = run_cli(["import", str(src), "-o", str(tmp_path / "o.xlsx")], tmp_path)
    assert info["status"] == 1 and err.startswith("Error: ") and "bad.txt" in err
    assert "Traceback" not in err


def test_clean_text_has_no_notes() -> None:
    text, bad = decode_text_lines(TXT.read_bytes(), "x.txt")
    assert bad == [] and "\ufffd" not in text
    # A real U+FFFD written in the text is content, not a decoding note.
    _, bad = decode_text_lines("甲局\ufffd 负责\n".encode(), "x.txt")
    assert bad == []


def test_binary_is_not_text(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        decode_text_lines(b"\x00\x01\x02" + os.urandom(2000), "x.txt")
    assert L.MSG_BINARY_NOT_TEXT.split("{")[0] in str(caught.value) or "不是文本" in str(caught.value)
