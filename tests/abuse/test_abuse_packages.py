"""Issue 11, item 5: one input guard for every package the project opens
(original, workbook, master, returned file). Every hostile file is built here,
at test time."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hostile import (LAUGHS, ROOT, damage_member, digest, encrypted, first_sheet, largest_sheet,
                     lying_directory,
                     padded_bomb, parts, replace_part, run_cli)

from xltools.io import guard
from xltools import labels as L
from xltools.cli import main
from xltools.errors import InputError
from xltools.importing.readers import read_source

EXAMPLES = ROOT / "examples"
XLSX = EXAMPLES / "taonan-2019.xlsx"
DOCX = EXAMPLES / "taonan-2019.docx"
TXT = EXAMPLES / "taonan-2019.txt"
PASSWORD_MSG = "文件有密码保护，请取消密码后另存"


@pytest.fixture(scope="module")
def master(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A normalised workbook (the importer's output), also the roll-up master."""
    folder = tmp_path_factory.mktemp("master")
    assert main(["import", str(TXT), "-o", str(folder / "wb.xlsx")]) == 0
    return folder / "wb.xlsx"


@pytest.fixture(scope="module")
def returned(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("returned")
    return folder


@pytest.fixture(scope="module")
def gigabyte(tmp_path_factory: pytest.TempPathFactory, master: Path) -> dict[str, Path]:
    """1 GB of spaces inside a sheet: the original table, the workbook, and the
    same bomb with a directory that declares the sheet small."""
    folder = tmp_path_factory.mktemp("bombs")
    xlsx = XLSX.read_bytes()
    out = {"original": padded_bomb(xlsx, first_sheet(xlsx), 1 << 30, folder / "original.xlsx")}
    wb = master.read_bytes()
    out["workbook"] = padded_bomb(wb, first_sheet(wb), 1 << 30, folder / "workbook.xlsx")
    liar = folder / "liar.xlsx"
    liar.write_bytes(lying_directory(out["workbook"], first_sheet(wb)))
    out["liar"] = liar
    return out


def _refused(info: dict, err: str, *words: str) -> None:
    assert info["status"] == 1, (info, err)
    assert err.startswith("Error: ") and "Traceback" not in err, err
    for word in words:
        assert word in err, err


# ------------------------------------------------------------------ bombs
@pytest.mark.parametrize("which", ["original", "liar"])
def test_gigabyte_original_is_refused_fast_and_small(gigabyte: dict[str, Path], tmp_path: Path,
                                                     which: str) -> None:
    info, _, err = run_cli(["import", str(gigabyte[which]), "-o", str(tmp_path / "o.xlsx")],
                           tmp_path, child=True)
    _refused(info, err, "压缩炸弹")
    # Refused from the directory (or a capped stream), not by parsing 1 GB.
    assert info["peak_mb"] < 300, info
    assert not (tmp_path / "o.xlsx").exists()


@pytest.mark.parametrize("which", ["workbook", "liar"])
def test_gigabyte_workbook_is_refused_by_check_and_rollup(gigabyte: dict[str, Path],
                                                          tmp_path: Path, which: str) -> None:
    bomb = gigabyte[which]
    info, out, err = run_cli(["check", str(bomb)], tmp_path, child=True)
    _refused(info, err, "压缩炸弹")
    assert L.CHK_OK.split("{")[0] not in out
    assert info["peak_mb"] < 300, info
    (tmp_path / "returned").mkdir()
    info, _, err = run_cli(["rollup", str(bomb), str(tmp_path / "returned"), "-o",
                            str(tmp_path / "summary.xlsx")], tmp_path, child=True)
    _refused(info, err, "压缩炸弹")
    assert info["peak_mb"] < 300, info
    assert not (tmp_path / "summary.xlsx").exists()


def test_bomb_among_returned_files_is_listed_not_read(master: Path, gigabyte: dict[str, Path],
                                                      tmp_path: Path) -> None:
    folder = tmp_path / "returned"
    folder.mkdir()
    os.link(gigabyte["workbook"], folder / "bomb.xlsx")
    before = digest(folder)
    info, out, err = run_cli(["rollup", str(master), str(folder), "-o", str(tmp_path / "s.xlsx")],
                             tmp_path, child=True)
    assert info["status"] == 0, err
    assert info["peak_mb"] < 400, info
    assert digest(folder) == before
    import openpyxl

    issues = openpyxl.load_workbook(tmp_path / "s.xlsx", read_only=True)[L.SHEET_ISSUES]
    text = " ".join(str(v) for row in issues.iter_rows(values_only=True) for v in row if v)
    assert "bomb.xlsx" in text


def test_guard_limits_from_the_directory_only() -> None:
    # A part just over the ratio is refused; the same size at a normal ratio is not.
    ok = guard.zip_problem(replace_part(XLSX.read_bytes(), "xl/styles.xml",
                                        os.urandom(2 * 1024 * 1024)))
    assert ok is None
    many = {f"p{i}.xml": b"<a/>" for i in range(guard.MAX_MEMBERS + 1)}
    from hostile import rezip

    kind, detail = guard.zip_problem(rezip(many))
    assert kind == "too_large" and str(guard.MAX_MEMBERS) in detail


# ---------------------------------------------------------- damaged parts
def test_damaged_member_is_named_in_import_and_check(master: Path, tmp_path: Path) -> None:
    sheet = first_sheet(master.read_bytes())
    bad = tmp_path / "damaged.xlsx"
    bad.write_bytes(damage_member(master.read_bytes(), sheet))
    for args in (["check", str(bad)], ["import", str(bad), "-o", str(tmp_path / "o.xlsx")],
                 ["export", str(bad), "-o", str(tmp_path / "o.docx")],
                 ["split", str(bad), "-o", str(tmp_path / "sent")]):
        info, _, err = run_cli(args, tmp_path)
        _refused(info, err, "damaged.xlsx", sheet, "已损坏")
    docx = tmp_path / "damaged.docx"
    docx.write_bytes(damage_member(DOCX.read_bytes(), "word/document.xml"))
    info, _, err = run_cli(["import", str(docx), "-o", str(tmp_path / "o.xlsx")], tmp_path)
    _refused(info, err, "damaged.docx", "word/document.xml")


def test_truncated_package_is_reported(tmp_path: Path) -> None:
    cut = tmp_path / "cut.docx"
    cut.write_bytes(DOCX.read_bytes()[: DOCX.stat().st_size // 2])
    info, _, err = run_cli(["import", str(cut), "-o", str(tmp_path / "o.xlsx")], tmp_path)
    _refused(info, err, "cut.docx")
    assert "UTF-8" not in err


@pytest.mark.parametrize("src,part", [(DOCX, "word/document.xml"), (XLSX, None)])
def test_malformed_xml_is_named(tmp_path: Path, src: Path, part: str | None) -> None:
    data = src.read_bytes()
    part = part or first_sheet(data)
    bad = tmp_path / ("bad" + src.suffix)
    bad.write_bytes(replace_part(data, part, parts(data)[part][:-40] + b"<unclosed"))
    with pytest.raises(InputError) as caught:
        read_source(bad.read_bytes(), str(bad))
    assert part in str(caught.value) and "XML" in str(caught.value)
    info, _, err = run_cli(["import", str(bad), "-o", str(tmp_path / "o.xlsx")], tmp_path)
    _refused(info, err, part)


def test_malformed_sheet_in_workbook_named_by_check(master: Path, tmp_path: Path) -> None:
    data = master.read_bytes()
    sheet = largest_sheet(data)
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(replace_part(data, sheet, parts(data)[sheet][:-40] + b"<unclosed"))
    info, _, err = run_cli(["check", str(bad)], tmp_path)
    _refused(info, err, sheet)


@pytest.mark.parametrize("src,part", [(DOCX, "word/document.xml"), (XLSX, "xl/sharedStrings.xml"),
                                      (None, "xl/workbook.xml")])
def test_billion_laughs_is_refused_before_parsing(master: Path, tmp_path: Path, src: Path | None,
                                                  part: str) -> None:
    data = (src or master).read_bytes()
    members = parts(data)
    if part not in members:
        part = first_sheet(data)
    body = members[part].split(b"?>", 1)[-1]
    bad = tmp_path / ("laughs" + (src or master).suffix)
    bad.write_bytes(replace_part(data, part, LAUGHS + body.replace(b">", b">&lol9;", 1)))
    cmd = ["import", str(bad), "-o", str(tmp_path / "o.xlsx")] if src else ["check", str(bad)]
    info, _, err = run_cli(cmd, tmp_path, child=True)
    _refused(info, err, part, "DTD")
    assert info["peak_mb"] < 300


# ------------------------------------------------------------- encrypted
def test_password_protected_files_are_called_so(master: Path, tmp_path: Path) -> None:
    pytest.importorskip("msoffcrypto")
    locked_xlsx = tmp_path / "locked.xlsx"
    locked_xlsx.write_bytes(encrypted(XLSX.read_bytes()))
    locked_docx = tmp_path / "locked.docx"
    locked_docx.write_bytes(encrypted(DOCX.read_bytes()))
    locked_master = tmp_path / "locked-master.xlsx"
    locked_master.write_bytes(encrypted(master.read_bytes()))
    (tmp_path / "returned").mkdir()
    for args in (["import", str(locked_xlsx), "-o", str(tmp_path / "o.xlsx")],
                 ["import", str(locked_docx), "-o", str(tmp_path / "o.xlsx")],
                 ["import", str(TXT), "--units", str(locked_master), "-o", str(tmp_path / "o.xlsx")],
                 ["check", str(locked_master)],
                 ["letters", str(locked_master), "-o", str(tmp_path / "letters")],
                 ["rollup", str(locked_master), str(tmp_path / "returned"), "-o",
                  str(tmp_path / "s.xlsx")]):
        info, _, err = run_cli(args, tmp_path)
        _refused(info, err, PASSWORD_MSG)
    assert not (tmp_path / "o.xlsx").exists() and not (tmp_path / "letters").exists()


# ---------------------------------------------------------- random bytes
@pytest.mark.parametrize("suffix", [".xlsx", ".docx", ".xls", ".txt", ".csv"])
def test_random_bytes_are_not_told_to_save_as_utf8(tmp_path: Path, suffix: str) -> None:
    junk = tmp_path / ("junk" + suffix)
    junk.write_bytes(bytes(range(256)) * 40 + os.urandom(4096))
    info, _, err = run_cli(["import", str(junk), "-o", str(tmp_path / "o.xlsx")], tmp_path)
    _refused(info, err, junk.name)
    assert "UTF-8" not in err
    info, _, err = run_cli(["check", str(junk)], tmp_path)
    _refused(info, err, junk.name)


def test_legacy_files_are_not_taken_for_encrypted() -> None:
    """A legacy .xls/.doc is an OLE file too; its text may even name the streams."""
    xls = (EXAMPLES / "returned" / "财政局2019一季度进度.xls").read_bytes()
    assert not guard.is_encrypted_ole(xls)
    guard.check_package(xls, "x.xls")  # no error
    names = b"".join(n.encode("utf-16-le") for n in ("EncryptionInfo", "EncryptedPackage"))
    assert not guard.is_encrypted_ole(xls + names)
    pytest.importorskip("msoffcrypto")
    assert guard.is_encrypted_ole(encrypted(XLSX.read_bytes()))


def test_a_sheet_of_millions_of_empty_cells_is_refused(master: Path, tmp_path: Path) -> None:
    """Within the size and ratio limits, but more cells than any real table has:
    refused before openpyxl would hold them all."""
    data = master.read_bytes()
    sheet = largest_sheet(data)
    xml = parts(data)[sheet]
    start = xml.index(b"<sheetData>") + len(b"<sheetData>") if b"<sheetData>" in xml else None
    assert start is not None
    rows = b"".join(b'<row r="%d">' % r + b'<c r="A%d"/>' % r * 10 + b"</row>"
                    for r in range(1, guard.MAX_CELLS // 10 + 2))
    end = xml.index(b"</sheetData>")
    bad = tmp_path / "cells.xlsx"
    bad.write_bytes(replace_part(data, sheet, xml[:start] + rows + xml[end:]))
    assert guard.zip_problem(bad.read_bytes()) is None  # the directory alone does not tell
    info, _, err = run_cli(["check", str(bad)], tmp_path)
    _refused(info, err, sheet, "cells")


def test_a_huge_input_is_refused_unread(tmp_path: Path) -> None:
    huge = tmp_path / "huge.xlsx"
    with huge.open("wb") as fh:  # sparse: no disk used, nothing to read
        fh.truncate(guard.MAX_INPUT_BYTES + 1)
    for args in (["import", str(huge), "-o", str(tmp_path / "o.xlsx")], ["check", str(huge)]):
        info, _, err = run_cli(args, tmp_path)
        _refused(info, err, "huge.xlsx", "过大")
