"""File I/O at the edges: safe writes (temporary file + rename, no overwrite
without force) and input path checks."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from xltools import labels
from xltools.errors import InputError, OutputError


def existing_file(path: str | os.PathLike[str]) -> Path:
    """Return ``path`` as a Path, or raise a clear error when it is missing."""
    p = Path(path)
    if not p.is_file():
        raise InputError(labels.MSG_FILE_NOT_FOUND.format(path=p), path=str(p))
    return p


def check_writable(path: str | os.PathLike[str], force: bool) -> Path:
    """Refuse to overwrite an existing file unless ``force``."""
    p = Path(path)
    if p.is_dir():
        raise OutputError(labels.MSG_OUTPUT_IS_DIR.format(path=p), path=str(p))
    if p.exists() and not force:
        raise OutputError(labels.MSG_FILE_EXISTS.format(path=p), path=str(p))
    return p


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike[str], force: bool = False) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; rename it onto ``path`` on success.

    The target is never left half-written, and an existing file is only
    replaced when ``force`` is true.
    """
    target = check_writable(path, force)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".~" + target.stem[:40] + "-", suffix=target.suffix,
                               dir=target.parent)
    os.close(fd)
    tmp_path = Path(tmp)
    try:
        yield tmp_path
        if target.exists() and not force:  # appeared while we were writing
            raise OutputError(labels.MSG_FILE_EXISTS.format(path=target), path=str(target))
        # mkstemp creates 0600; give the file the mode a normal write would.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp_path, 0o666 & ~umask)
        os.replace(tmp_path, target)
    except PermissionError as exc:
        raise OutputError(labels.MSG_WRITE_FAILED.format(path=target, reason=exc),
                          path=str(target)) from exc
    finally:
        if tmp_path.exists():
            tmp_path.unlink()


def write_bytes(path: str | os.PathLike[str], data: bytes, force: bool = False) -> Path:
    """Write ``data`` atomically to ``path``."""
    with atomic_path(path, force) as tmp:
        tmp.write_bytes(data)
    return Path(path)


def is_file_like(obj: Any) -> bool:
    return hasattr(obj, "read") or hasattr(obj, "write")


def read_source_bytes(src: str | os.PathLike[str] | IO[bytes]) -> tuple[bytes, str]:
    """Read an input given as a path or binary file object; return (data, display name)."""
    if is_file_like(src):
        data = src.read()  # type: ignore[union-attr]
        if isinstance(data, str):
            data = data.encode("utf-8")
        return data, getattr(src, "name", "<stream>")
    p = existing_file(src)  # type: ignore[arg-type]
    return p.read_bytes(), str(p)
