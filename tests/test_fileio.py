"""fileio: outputs never onto inputs, atomic files and folders, environment
errors as messages (the attacks through the CLI are in tests/abuse/)."""

from __future__ import annotations

import errno
import os
import io
from pathlib import Path

import pytest

from xltools import labels as L
from xltools.errors import InputError, OutputError
from xltools.io.fileio import atomic_folder, atomic_path, environment_error, guard_output


class _Interrupted(Exception):
    pass


def test_output_is_never_an_input(tmp_path: Path) -> None:
    src = tmp_path / "a.xlsx"
    src.write_bytes(b"x")
    with pytest.raises(OutputError):
        guard_output(tmp_path / "a.xlsx", [src])
    with pytest.raises(OutputError):
        with atomic_path(src, True, [str(src)]):
            pass
    assert src.read_bytes() == b"x"
    guard_output(tmp_path / "b.xlsx", [src, None, tmp_path / "nowhere"])  # no error


def test_environment_messages_say_what_to_do() -> None:
    cases = {errno.ENOSPC: L.MSG_ENV_DISK_FULL, errno.EROFS: L.MSG_ENV_READ_ONLY,
             errno.ENOTDIR: L.MSG_ENV_NOT_DIR, errno.EEXIST: L.MSG_ENV_EXISTS}
    for code, template in cases.items():
        exc = OSError(code, os.strerror(code), "/x/out.xlsx")
        error = environment_error(exc)
        assert isinstance(error, OutputError)
        assert str(error) == template.format(path="/x/out.xlsx")
    denied = environment_error(PermissionError(errno.EACCES, "denied", "/x/in.txt"), reading=True)
    assert isinstance(denied, InputError) and "/x/in.txt" in str(denied)


def test_atomic_folder_commits_every_file(tmp_path: Path) -> None:
    with atomic_folder(tmp_path / "batch") as batch:
        batch.write_bytes(tmp_path / "batch" / "a.txt", b"a")
        batch.path(tmp_path / "batch" / "sub" / "b.txt").write_bytes(b"b")
        assert not (tmp_path / "batch").exists()
    assert (tmp_path / "batch" / "a.txt").read_bytes() == b"a"
    assert (tmp_path / "batch" / "sub" / "b.txt").read_bytes() == b"b"
    with pytest.raises(OutputError):  # exists, no force: nothing moved
        with atomic_folder(tmp_path / "batch") as batch:
            batch.write_bytes(tmp_path / "batch" / "c.txt", b"c")
            batch.write_bytes(tmp_path / "batch" / "a.txt", b"new")
    assert not (tmp_path / "batch" / "c.txt").exists()
    assert (tmp_path / "batch" / "a.txt").read_bytes() == b"a"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["batch"]
    with pytest.raises(_Interrupted):
        with atomic_folder(tmp_path / "other"):
            raise _Interrupted
    assert sorted(p.name for p in tmp_path.iterdir()) == ["batch"]


def test_read_capped_reads_one_byte_past_the_cap_and_no_more(tmp_path: Path) -> None:
    from xltools.io.fileio import read_capped

    for size in (0, 1, 99, 100, 101, 5000):
        data = bytes(range(256)) * (size // 256 + 1)
        data = data[:size]
        path = tmp_path / f"f{size}"
        path.write_bytes(data)
        with path.open("rb") as fh:
            assert read_capped(fh, 100) == data[:101]
        assert read_capped(io.BytesIO(data), 100) == data[:101]
        with path.open("rb") as fh:  # after a partial read, from where the file stands
            fh.read(3)
            assert read_capped(fh, 10_000) == data[3:]
    assert read_capped(io.StringIO("文本"), 10) == "文本"
