"""Issue 11, item 3: no output may replace an input, --force or not: the
workbook, the original, the --units workbook, a returned file, a folder of
filled-in returns. Every input is compared byte for byte afterwards."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hostile import ROOT, digest, run_cli

from xltools import labels as L
from xltools.cli import main

EXAMPLES = ROOT / "examples"
TXT = EXAMPLES / "taonan-2019.txt"
SAME = L.MSG_SAME_AS_INPUT.split("{")[0]


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A workbook, its progress files, and a folder with one filled return."""
    folder = tmp_path_factory.mktemp("base")
    shutil.copy(TXT, folder / "original.txt")
    assert main(["import", str(folder / "original.txt"), "-o", str(folder / "wb.xlsx")]) == 0
    assert main(["split", str(folder / "wb.xlsx"), "-o", str(folder / "sent")]) == 0
    from progress_fixtures import fill

    returned = folder / "returned"
    returned.mkdir()
    first = sorted((folder / "sent").iterdir())[0]
    fill(first, returned / first.name)
    return folder


@pytest.fixture
def work(base: Path, tmp_path: Path) -> Path:
    shutil.copytree(base, tmp_path / "w")
    return tmp_path / "w"


def _refused(work: Path, args: list[str], *protected: Path, word: str = SAME) -> None:
    before = {p: digest(p) for p in protected}
    info, _, err = run_cli(args, work)
    assert info["status"] == 1, (args, err)
    assert err.startswith("Error: ") and "Traceback" not in err and word in err, err
    for p in protected:
        assert digest(p) == before[p], p


def test_export_onto_its_workbook(work: Path) -> None:
    wb = work / "wb.xlsx"
    _refused(work, ["export", str(wb), "-o", str(wb), "--force"], wb)
    # Through another spelling of the same path, a symbolic and a hard link.
    _refused(work, ["export", str(wb), "-o", str(work / "." / "sent" / ".." / "wb.xlsx"),
                    "--force"], wb)
    os.symlink(wb, work / "link.xlsx")
    _refused(work, ["export", str(wb), "-o", str(work / "link.xlsx"), "--force"], wb)
    os.link(wb, work / "hard.xlsx")
    _refused(work, ["export", str(wb), "-o", str(work / "hard.xlsx"), "--force"], wb)


def test_import_onto_its_original_or_units_workbook(work: Path) -> None:
    original, wb = work / "original.txt", work / "wb.xlsx"
    # A .txt output is refused for its extension already; the original is untouched either way.
    _refused(work, ["import", str(original), "-o", str(original), "--force"], original, word="")
    xlsx = work / "original.xlsx"
    shutil.copy(EXAMPLES / "taonan-2019.xlsx", xlsx)
    _refused(work, ["import", str(xlsx), "-o", str(xlsx), "--force"], xlsx)
    _refused(work, ["import", str(original), "--units", str(wb), "-o", str(wb), "--force"],
             original, wb)


def test_rollup_onto_a_returned_file(work: Path) -> None:
    returned = work / "returned"
    target = next(returned.iterdir())
    _refused(work, ["rollup", str(work / "wb.xlsx"), str(returned), "-o", str(target), "--force"],
             returned, work / "wb.xlsx", word=L.MSG_OUTPUT_IN_RETURNS.split("{")[0])
    # A new file in the folder, and the same roll-up again with --force, are fine.
    out = returned / "汇总.xlsx"
    assert main(["rollup", str(work / "wb.xlsx"), str(returned), "-o", str(out)]) == 0
    assert main(["rollup", str(work / "wb.xlsx"), str(returned), "-o", str(out), "--force"]) == 0


def test_split_onto_filled_returns(work: Path) -> None:
    returned = work / "returned"
    _refused(work, ["split", str(work / "wb.xlsx"), "-o", str(returned), "--force"], returned,
             word=L.MSG_FILLED_RETURN.split("{")[0])
    # Unfilled files split wrote may be replaced with --force.
    assert main(["split", str(work / "wb.xlsx"), "-o", str(work / "sent"), "--force"]) == 0


def test_letters_never_replace_the_workbook_or_template(work: Path) -> None:
    # A template kept in the output folder under a unit's letter name.
    unit_letter = work / "letters" / "政府办.docx"
    unit_letter.parent.mkdir()
    assert main(["letters", str(work / "wb.xlsx"), "-o", str(work / "tmp-letters")]) == 0
    shutil.copy(next((work / "tmp-letters").glob("*.docx")), unit_letter)
    name = next((work / "tmp-letters").glob("*.docx")).name
    unit_letter.rename(unit_letter.with_name(name))
    template = unit_letter.with_name(name)
    _refused(work, ["letters", str(work / "wb.xlsx"), "-o", str(template.parent), "--template",
                    str(template), "--force"], template)
    assert sorted(p.name for p in template.parent.iterdir()) == [name]




def test_excel_export_never_onto_the_open_workbook(work: Path) -> None:
    """导出原表格式 with the workbook's own file chosen: refused before asking to overwrite."""
    from xltools.excel import entry
    from xltools.excel.port import FilePort

    wb = work / "wb.xlsx"
    before = digest(wb)
    port = FilePort(wb, answers=[True])
    entry.export_original(str(wb), port=port)
    text, error = port.messages[-1]
    assert error and SAME in text and port.questions == []
    assert digest(wb) == before
