"""Issue 18, item 5: a batch is all or nothing even when one of its files is
open in Word/Excel/WPS (locked: it cannot be replaced) — the message names that
file and no file is replaced; staging folders a killed run left are removed on
the next run."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from hostile import ROOT, digest, run_cli

from xltools.io import fileio
from xltools import labels as L
from xltools.cli import main

TXT = ROOT / "examples" / "taonan-2019.txt"


@pytest.fixture(scope="module")
def wb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("wb")
    assert main(["import", str(TXT), "-o", str(folder / "wb.xlsx")]) == 0
    return folder / "wb.xlsx"


def _lock(path: Path) -> bool:
    """Make ``path`` impossible to replace, as a file Word holds open on Windows:
    immutable (root, chattr) or read-only (another user). False when neither works."""
    if os.geteuid() == 0:
        if shutil.which("chattr") is None:
            return False
        done = subprocess.run(["chattr", "+i", str(path)], capture_output=True)
        return done.returncode == 0
    path.chmod(0o444)
    return True


def _unlock(path: Path) -> None:
    if os.geteuid() == 0:
        subprocess.run(["chattr", "-i", str(path)], capture_output=True)
    else:
        path.chmod(0o644)


def test_open_letter_stops_the_batch_before_any_replace(wb: Path, tmp_path: Path) -> None:
    out = tmp_path / "letters"
    assert main(["letters", str(wb), "-o", str(out)]) == 0
    letters = sorted(out.glob("*.docx"))
    locked = letters[len(letters) // 2]
    if not _lock(locked):
        pytest.skip("cannot make a file unreplaceable here")
    try:
        before = digest(out)
        info, _, err = run_cli(["letters", str(wb), "-o", str(out), "--force",
                                "--date", "2019-05-01"], tmp_path)
        assert info["status"] == 1 and err.startswith("Error: "), err
        assert str(locked) in err and L.MSG_BATCH_LOCKED.split("：")[1][:8] in err, err
        assert digest(out) == before  # not one letter replaced
        assert not [p for p in out.iterdir() if p.name.startswith(".~")]
    finally:
        _unlock(locked)


def test_folder_in_place_of_a_file(wb: Path, tmp_path: Path) -> None:
    out = tmp_path / "split"
    assert main(["split", str(wb), "-o", str(out)]) == 0
    files = sorted(out.glob("*.xlsx"))
    victim = files[3]
    victim.unlink()
    victim.mkdir()
    before = digest(out)
    info, _, err = run_cli(["split", str(wb), "-o", str(out), "--force"], tmp_path)
    assert info["status"] == 1 and str(victim) in err, err
    assert digest(out) == before


def test_stale_staging_removed_next_run(wb: Path, tmp_path: Path) -> None:
    out = tmp_path / "letters"
    out.mkdir()
    proc = subprocess.Popen(["true"])
    proc.wait()
    stale = out / f"{fileio.STAGING_PREFIX}letters-{proc.pid}-abc"
    stale.mkdir()
    (stale / "half.docx").write_bytes(b"x")
    alive = out / f"{fileio.STAGING_PREFIX}letters-{os.getpid()}-xyz"
    alive.mkdir()
    assert main(["letters", str(wb), "-o", str(out)]) == 0
    assert not stale.exists()
    assert alive.exists()  # a running owner's staging is left alone
    shutil.rmtree(alive)


def test_stale_temporary_file_removed(wb: Path, tmp_path: Path) -> None:
    """A single file's temporary twin left by a killed run goes on the next write."""
    proc = subprocess.Popen(["true"])
    proc.wait()
    stale = tmp_path / f".~export-{proc.pid}-abc.xlsx"
    stale.write_bytes(b"half")
    assert main(["export", str(wb), "-o", str(tmp_path / "export.xlsx")]) == 0
    assert not stale.exists() and (tmp_path / "export.xlsx").is_file()


def test_cannot_replace(tmp_path: Path) -> None:
    f = tmp_path / "a.docx"
    assert not fileio.cannot_replace(f)
    f.write_bytes(b"x")
    assert not fileio.cannot_replace(f)
    d = tmp_path / "b.docx"
    d.mkdir()
    assert fileio.cannot_replace(d)
