"""Issue 11, item 6: the environment fails (permissions, a full disk, a
read-only place, a parent that is a file, a closed pipe): an ``Error:`` line
saying what to do, never a traceback, and a batch is written whole or not at all."""

from __future__ import annotations

import errno
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hostile import ROOT, run_cli

from xltools import labels as L
from xltools.cli import main

TXT = ROOT / "examples" / "taonan-2019.txt"


@pytest.fixture(scope="module")
def wb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("env") / "wb.xlsx"
    assert main(["import", str(TXT), "-o", str(out)]) == 0
    return out


def _error_line(info: dict, err: str, *words: str) -> None:
    assert info["status"] == 1, (info, err)
    assert err.startswith("Error: ") and "Traceback" not in err, err
    for w in words:
        assert w in err, err


def test_output_whose_parent_is_a_file(wb: Path, tmp_path: Path) -> None:
    (tmp_path / "afile").write_text("x")
    for args in (["import", str(TXT), "-o", str(tmp_path / "afile" / "out.xlsx")],
                 ["import", str(TXT), "-o", str(tmp_path / "afile" / "sub" / "out.xlsx")],
                 ["export", str(wb), "-o", str(tmp_path / "afile" / "out.docx")],
                 ["letters", str(wb), "-o", str(tmp_path / "afile" / "letters")],
                 ["split", str(wb), "-o", str(tmp_path / "afile" / "sent")]):
        info, _, err = run_cli(args, tmp_path)
        _error_line(info, err, "afile", L.MSG_ENV_NOT_DIR.split("：")[1][:8])
    info, _, err = run_cli(["split", str(wb), "-o", str(tmp_path / "afile")], tmp_path)
    _error_line(info, err, "afile")
    assert (tmp_path / "afile").read_text() == "x"


def _immutable(folder: Path) -> bool:
    """chattr +i: even root cannot create files there (a real EPERM)."""
    if shutil.which("chattr") is None:
        return False
    return subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode == 0


def test_read_only_output_folder(wb: Path, tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    if os.geteuid() != 0:
        locked.chmod(0o555)
    elif not _immutable(locked):
        pytest.skip("running as root without chattr: no folder refuses writes")
    try:
        for args in (["import", str(TXT), "-o", str(locked / "out.xlsx")],
                     ["export", str(wb), "-o", str(locked / "out.xlsx")],
                     ["letters", str(wb), "-o", str(locked / "letters")],
                     ["split", str(wb), "-o", str(locked)]):
            info, _, err = run_cli(args, tmp_path)
            _error_line(info, err, str(locked))
            assert "权限" in err or "只读" in err
        assert list(locked.iterdir()) == []
    finally:
        if os.geteuid() == 0:
            subprocess.run(["chattr", "-i", str(locked)], check=False)
        locked.chmod(0o755)


def test_unreadable_input(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root reads every file")
    src = tmp_path / "secret.txt"
    shutil.copy(TXT, src)
    src.chmod(0)
    info, _, err = run_cli(["import", str(src), "-o", str(tmp_path / "o.xlsx")], tmp_path)
    _error_line(info, err, "secret.txt")


def test_an_input_that_is_a_folder(tmp_path: Path) -> None:
    (tmp_path / "dir.xlsx").mkdir()
    info, _, err = run_cli(["check", str(tmp_path / "dir.xlsx")], tmp_path)
    _error_line(info, err, "dir.xlsx")


def test_broken_pipe_is_quiet(wb: Path, tmp_path: Path) -> None:
    """`xltools check wb | head`: the reader is gone before anything is written."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    for args in (["check", str(wb)], ["import", str(TXT), "-o", str(tmp_path / "o.xlsx")]):
        proc = subprocess.Popen([sys.executable, "-m", "xltools", *args], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, env=env, cwd=tmp_path)
        assert proc.stdout is not None and proc.stderr is not None
        proc.stdout.close()  # no reader: the first write fails with EPIPE
        err = proc.stderr.read().decode()
        status = proc.wait(timeout=120)
        assert "Traceback" not in err and "BrokenPipe" not in err, err
        assert status == 141, (status, err)


def test_disk_full_in_the_middle_of_a_batch_leaves_nothing(wb: Path, tmp_path: Path,
                                                           monkeypatch, capsys) -> None:
    """The third letter hits a full disk: no letter is left, nor a staging folder."""
    from xltools.io import fileio

    real = fileio.Batch.write_bytes
    calls = {"n": 0}

    def write_bytes(self, target, data):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 3:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(target))
        return real(self, target, data)

    monkeypatch.setattr(fileio.Batch, "write_bytes", write_bytes)
    out = tmp_path / "letters"
    assert main(["letters", str(wb), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Error: ") and L.MSG_ENV_DISK_FULL.split("{")[0] in err
    assert not out.exists() and list(tmp_path.iterdir()) == []
    # Into an existing folder with earlier files: those stay, nothing is added.
    out.mkdir()
    (out / "keep.txt").write_text("keep")
    calls["n"] = 0
    assert main(["letters", str(wb), "-o", str(out)]) == 1
    assert [p.name for p in out.iterdir()] == ["keep.txt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["letters"]


def test_split_is_all_or_nothing(wb: Path, tmp_path: Path, monkeypatch) -> None:
    from openpyxl import Workbook

    real = Workbook.save
    calls = {"n": 0}

    def save(self, filename):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 4:
            # As a full disk does: the workbook is written, the bytes do not fit. (Raising
            # before writing would leave openpyxl's write-only sheet half open, and its
            # clean-up complains when it is collected.)
            real(self, io.BytesIO())
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(filename))
        return real(self, filename)

    monkeypatch.setattr(Workbook, "save", save)
    out = tmp_path / "sent"
    assert main(["split", str(wb), "-o", str(out)]) == 1
    assert not out.exists() and list(tmp_path.iterdir()) == []


def test_excel_buttons_show_environment_errors(wb: Path, monkeypatch) -> None:
    """The same message in Excel as on the command line, not the 'unexpected' log box."""
    import xltools.documents.letters
    from xltools.excel import entry
    from xltools.excel.port import FilePort

    def full(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), "/x/letters")

    monkeypatch.setattr(xltools.documents.letters, "letters", full)
    port = FilePort(wb)
    entry.letters(port=port)
    text, error = port.messages[-1]
    assert error and text == L.MSG_ENV_DISK_FULL.format(path="/x/letters")
