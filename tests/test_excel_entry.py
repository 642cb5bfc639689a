"""Each Excel entry point, run through the openpyxl FilePort, gives what the CLI gives."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import docx
import openpyxl
import pytest
from openpyxl.utils.datetime import to_excel

from conftest import TAONAN
from xltools import __version__
from xltools import labels as L
from xltools.cli import main
from xltools.excel import entry
from xltools.excel.port import FilePort


def sheets(path: Path) -> dict[str, list[tuple]]:
    """Values of every sheet (the split files' write time stamp left out)."""
    wb = openpyxl.load_workbook(path, data_only=True)
    return {ws.title: [r for r in ws.iter_rows(values_only=True)
                       if any(v is not None for v in r) and r[0] != "written"]
            for ws in wb.worksheets}


def serials(rows: list[tuple]) -> list[tuple]:
    return [tuple(to_excel(v) if isinstance(v, (dt.date, dt.datetime)) else v for v in r)
            for r in rows]


def docx_text(path: Path) -> list[str]:
    d = docx.Document(str(path))
    out = [p.text for p in d.paragraphs]
    for t in d.tables:
        out += [c.text for row in t.rows for c in row.cells]
    return out


def same_files(a: Path, b: Path) -> None:
    names_a = sorted(p.relative_to(a).as_posix() for p in a.rglob("*") if p.is_file())
    names_b = sorted(p.relative_to(b).as_posix() for p in b.rglob("*") if p.is_file())
    assert names_a == names_b and names_a
    for name in names_a:
        if name.endswith(".xlsx"):
            assert sheets(a / name) == sheets(b / name), name
        elif name.endswith(".docx"):
            assert docx_text(a / name) == docx_text(b / name), name


@pytest.fixture
def wb(tmp_path: Path) -> Path:
    out = tmp_path / "work" / "wb.xlsx"
    out.parent.mkdir()
    assert main(["import", str(TAONAN), "-o", str(out)]) == 0
    return out


def only_folder(parent: Path, kind: str) -> Path:
    found = [p for p in parent.iterdir() if p.is_dir() and f"_{kind}_" in p.name]
    assert len(found) == 1
    assert found[0].name == L.XL_OUTPUT_DIR.format(stem="wb", kind=kind, date=dt.date.today().isoformat())
    return found[0]


def test_letters_like_the_cli(wb, tmp_path):
    port = FilePort(wb)
    entry.letters(port=port)
    folder = only_folder(wb.parent, L.XL_KIND_LETTERS)
    assert main(["letters", str(wb), "-o", str(tmp_path / "cli")]) == 0
    same_files(folder, tmp_path / "cli")
    assert port.messages[-1][1] is False and str(folder) in port.messages[-1][0]
    assert port.statuses[0] == L.XL_STATUS_WORKING.format(action=L.XL_BTN_LETTERS)
    assert port.statuses[-1] is None
    # A second click makes a new folder, never overwrites.
    entry.letters(port=port)
    assert (wb.parent / (folder.name + "-2")).is_dir()


def test_split_and_rollup_like_the_cli(wb, tmp_path):
    port = FilePort(wb)
    entry.split(port=port)
    folder = only_folder(wb.parent, L.XL_KIND_SPLIT)
    assert main(["split", str(wb), "-o", str(tmp_path / "cli")]) == 0
    same_files(folder, tmp_path / "cli")

    returned = tmp_path / "returned"
    shutil.copytree(folder, returned)
    before = sorted(p.read_bytes() for p in returned.iterdir())
    entry.rollup(str(returned), port=port)
    assert not port.messages[-1][1], port.messages[-1][0]
    port.save()
    cli_out = tmp_path / "cli-rollup.xlsx"
    master = tmp_path / "master.xlsx"
    assert main(["import", str(TAONAN), "-o", str(master)]) == 0
    assert main(["rollup", str(master), str(returned), "-o", str(cli_out)]) == 0
    ours, theirs = sheets(wb), sheets(cli_out)
    assert set(ours) == set(theirs)
    for name in theirs:
        # A date may be stored as a formatted serial number in the CLI's file.
        assert serials(ours[name]) == serials(theirs[name]), name
    assert sorted(p.read_bytes() for p in returned.iterdir()) == before  # returns untouched

    # A second roll-up asks before replacing the sheets; "no" leaves them.
    port2 = FilePort(wb, answers=[False])
    entry.rollup(str(returned), port=port2)
    assert port2.questions and port2.messages[-1][0] == L.XL_CANCELLED


def test_report_and_remind_like_the_cli(wb, tmp_path):
    """生成通报 / 生成催办通知 on a workbook rolled up by the button give the CLI's documents."""
    port = FilePort(wb)
    entry.report(port=port)  # not rolled up yet: a message, no traceback
    assert port.messages[-1][1] is True and L.SHEET_PROGRESS in port.messages[-1][0]
    entry.split(port=port)
    returned = tmp_path / "returned"
    sent = only_folder(wb.parent, L.XL_KIND_SPLIT)
    returned.mkdir()
    for i, f in enumerate(sorted(sent.iterdir())[:3]):  # three units answer, the rest are silent
        book = openpyxl.load_workbook(f)
        ws = book[L.PROGRESS_SHEET]
        for r in range(6, ws.max_row + 1):
            ws.cell(row=r, column=7, value=L.STATUS_IN_PROGRESS)
        book.save(returned / f.name)
    entry.rollup(str(returned), port=port)
    port.save()
    cli_out = tmp_path / "cli-rollup.xlsx"
    master = tmp_path / "master.xlsx"
    assert main(["import", str(TAONAN), "-o", str(master)]) == 0
    assert main(["rollup", str(master), str(returned), "-o", str(cli_out)]) == 0

    port = FilePort(wb)
    entry.report(port=port)
    assert port.messages[-1][1] is False, port.messages[-1][0]
    folder = only_folder(wb.parent, L.XL_KIND_REPORT)
    assert main(["report", str(cli_out), "-o", str(tmp_path / "cli" / L.REPORT_FILE)]) == 0
    same_files(folder, tmp_path / "cli")

    entry.remind("2019-04-26", port=port)
    assert port.messages[-1][1] is False, port.messages[-1][0]
    folder = only_folder(wb.parent, L.XL_KIND_REMIND)
    assert main(["remind", str(cli_out), "-o", str(tmp_path / "cli-remind"),
                 "--deadline", "2019-04-26"]) == 0
    same_files(folder, tmp_path / "cli-remind")
    assert len(list(folder.iterdir())) > 0
    # A date that is no date: a message saying so.
    entry.remind("下周五", port=port)
    assert port.messages[-1][1] is True and "下周五" in port.messages[-1][0]


def test_check_and_export_like_the_cli(wb, tmp_path, capsys):
    port = FilePort(wb)
    entry.check(port=port)
    assert main(["check", str(wb)]) == 0
    assert port.messages[-1] == (capsys.readouterr().out.strip(), False)

    target = tmp_path / "原表.xlsx"
    entry.export_original(str(target), port=port)
    assert main(["export", str(wb), "-o", str(tmp_path / "cli.xlsx")]) == 0
    assert sheets(target) == sheets(tmp_path / "cli.xlsx")
    # Existing file: asks, and "no" keeps it.
    stamp = target.stat().st_mtime_ns
    entry.export_original(str(target), port=FilePort(wb, answers=[False]))
    assert target.stat().st_mtime_ns == stamp


def test_unsaved_edits_are_seen(wb):
    port = FilePort(wb)
    rows = port.read_sheet(L.SHEET_UNITS)
    port.write_sheet(L.SHEET_UNITS, rows[:1])  # units gone, not saved to the file
    entry.check(port=port)
    text, _ = port.messages[-1]
    assert "不在“单位”表中" in text
    assert len(text.splitlines()) <= entry.CHECK_LINES + 1


def test_import_into_an_empty_workbook(tmp_path):
    src = tmp_path / "orig" / "taonan.txt"
    src.parent.mkdir()
    shutil.copy(TAONAN, src)
    control = tmp_path / "control.xlsx"
    book = openpyxl.Workbook()
    book.active.title = L.XL_CONTROL_SHEET
    book.save(control)
    port = FilePort(control)
    entry.import_original(str(src), port=port)
    made = src.with_name(L.XL_IMPORTED_FILE.format(stem="taonan"))
    assert main(["import", str(src), "-o", str(tmp_path / "cli.xlsx")]) == 0
    assert sheets(made) == sheets(tmp_path / "cli.xlsx")
    port.save()
    ours = sheets(control)
    for name, rows in sheets(made).items():
        assert ours[name] == rows
    assert str(made) in port.messages[-1][0]
    # Again: a new file beside the first, and the filled workbook is only replaced on "yes".
    port = FilePort(control, answers=[False])
    entry.import_original(str(src), port=port)
    assert made.with_name(made.stem + "-2.xlsx").is_file()
    assert port.questions == [L.XL_IMPORT_ASK_REPLACE]


def test_expected_error_is_a_chinese_message(tmp_path):
    plain = tmp_path / "plain.xlsx"
    openpyxl.Workbook().save(plain)
    port = FilePort(plain)
    entry.letters(port=port)
    text, error = port.messages[-1]
    assert error and L.SHEET_ASSIGNMENTS in text and "Traceback" not in text
    assert port.statuses[-1] is None


def test_unexpected_error_is_logged_not_shown(wb, tmp_path, monkeypatch):
    monkeypatch.setenv("XLTOOLS_HOME", str(tmp_path / "home"))
    import xltools.documents.letters

    def boom(*args, **kwargs):
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(xltools.documents.letters, "letters", boom)
    port = FilePort(wb)
    entry.letters(port=port)
    text, error = port.messages[-1]
    log = tmp_path / "home" / "logs" / "excel.log"
    assert error and str(log) in text and "Traceback" not in text and "ZeroDivisionError" not in text
    assert "ZeroDivisionError: boom" in log.read_text(encoding="utf-8")


def test_rollup_of_a_missing_folder(wb, tmp_path):
    port = FilePort(wb)
    entry.rollup(str(tmp_path / "nowhere"), port=port)
    assert port.messages[-1][1] is True and "Traceback" not in port.messages[-1][0]


def test_unsaved_or_cloud_workbook_writes_to_documents(wb, tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    (tmp_path / "home" / "Documents").mkdir(parents=True)
    for name in ("https://contoso.sharepoint.com/sites/x/Shared Documents/wb.xlsx", "Book1"):
        port = FilePort(wb, fullname=name)
        folder, fallback = entry.output_dir(port, L.XL_KIND_SPLIT, dt.date(2024, 5, 1))
        assert fallback and folder.parent == tmp_path / "home" / "Documents"
    port = FilePort(wb)
    entry.split(port=port)
    assert L.XL_FALLBACK_DOCUMENTS not in port.messages[-1][0]


def test_version_mismatch_warns_then_runs(wb):
    port = FilePort(wb)
    entry.show_help(addin="0.0.1", port=port)
    assert port.messages[0][0] == L.XL_VERSION_MISMATCH.format(addin="0.0.1", python=__version__)
    assert port.messages[1][0] == L.XL_HELP.format(version=__version__)
    port = FilePort(wb)
    entry.show_help(addin=__version__, port=port)
    assert len(port.messages) == 1
