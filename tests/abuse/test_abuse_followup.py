"""Issue 11 for the 通报 (report) and 催办 (remind): never onto the roll-up
workbook or the template, and remind's notices are written all or none."""

from __future__ import annotations

import errno
import os
import sys
from pathlib import Path

import pytest
from hostile import ROOT, digest, run_cli

from xltools import labels as L
from xltools.cli import main


@pytest.fixture(scope="module")
def rolled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    sys.path.insert(0, str(ROOT / "tests"))
    from example_rollup import example_rollup

    out, _ = example_rollup(tmp_path_factory.mktemp("followup"))
    return out


def test_report_never_onto_the_rollup(rolled: Path, tmp_path: Path) -> None:
    before = digest(rolled)
    info, _, err = run_cli(["report", str(rolled), "-o", str(rolled), "--force"], tmp_path)
    assert info["status"] == 1 and err.startswith("Error: ") and "Traceback" not in err, err
    assert digest(rolled) == before


def test_remind_all_or_nothing(rolled: Path, tmp_path: Path, monkeypatch, capsys) -> None:
    from xltools.io import fileio

    real = fileio.Batch.write_bytes
    calls = {"n": 0}

    def write_bytes(self, target, data):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 2:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(target))
        return real(self, target, data)

    monkeypatch.setattr(fileio.Batch, "write_bytes", write_bytes)
    out = tmp_path / "remind"
    assert main(["remind", str(rolled), "-o", str(out), "--deadline", "2019-04-30"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Error: ") and L.MSG_ENV_DISK_FULL.split("{")[0] in err
    assert not out.exists() and list(tmp_path.iterdir()) == []


def test_report_never_onto_its_template(rolled: Path, tmp_path: Path) -> None:
    import shutil

    template = tmp_path / "mine.docx"
    shutil.copy(ROOT / "templates" / "report.docx", template)
    before = digest(template)
    info, _, err = run_cli(["report", str(rolled), "-o", str(template), "--template",
                            str(template), "--force"], tmp_path)
    assert info["status"] == 1 and L.MSG_SAME_AS_INPUT.split("{")[0] in err, err
    assert digest(template) == before
