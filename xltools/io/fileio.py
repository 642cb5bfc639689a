"""File I/O at the edges: safe writes (temporary file + rename, no overwrite
without force, never onto an input), atomic output folders for batches,
guarded input reads, and operating-system errors turned into messages."""

from __future__ import annotations

import contextlib
import errno
import io
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from xltools import labels
from xltools.errors import InputError, OutputError, XltoolsError

PathLike = str | os.PathLike[str]


def is_file_like(obj: Any) -> bool:
    return hasattr(obj, "read") or hasattr(obj, "write")


# ------------------------------------------------------------ environment
def environment_error(exc: OSError, path: PathLike | None = None, *,
                      reading: bool = False) -> XltoolsError:
    """The XltoolsError (with what to do) for an operating-system error."""
    where = str(path if path is not None else (exc.filename or ""))
    code = exc.errno
    cls = InputError if reading else OutputError
    reason = exc.strerror or str(exc)
    if isinstance(exc, PermissionError) or code in (errno.EACCES, errno.EPERM):
        msg = (labels.MSG_INPUT_UNREADABLE.format(path=where, reason=reason) if reading
               else labels.MSG_ENV_PERMISSION.format(path=where, reason=reason))
    elif code in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        msg = labels.MSG_ENV_DISK_FULL.format(path=where)
    elif code == errno.EROFS:
        msg = labels.MSG_ENV_READ_ONLY.format(path=where)
    elif isinstance(exc, NotADirectoryError) or code == errno.ENOTDIR:
        msg = labels.MSG_ENV_NOT_DIR.format(path=where)
    elif isinstance(exc, FileExistsError) or code in (errno.EEXIST, errno.ENOTEMPTY):
        msg = labels.MSG_ENV_EXISTS.format(path=where)
    elif isinstance(exc, IsADirectoryError):
        msg = labels.MSG_OUTPUT_IS_DIR.format(path=where)
    elif reading:
        msg = labels.MSG_INPUT_UNREADABLE.format(path=where, reason=reason)
    else:
        msg = labels.MSG_ENV_OTHER.format(path=where, reason=reason)
    return cls(msg, path=where or None)


# ------------------------------------------------------------------ inputs
def existing_file(path: PathLike) -> Path:
    """Return ``path`` as a Path, or raise a clear error when it is missing."""
    p = Path(path)
    try:
        found = p.is_file()
    except OSError as exc:  # e.g. a name too long
        raise environment_error(exc, p, reading=True) from exc
    if not found:
        raise InputError(labels.MSG_FILE_NOT_FOUND.format(path=p), path=str(p))
    return p


def read_capped(fh: IO[bytes], cap: int) -> bytes:
    """At most ``cap + 1`` bytes of ``fh`` (one more than allowed says "too big"),
    without reserving ``cap`` bytes up front as ``fh.read(cap + 1)`` does."""
    try:
        hint = os.fstat(fh.fileno()).st_size - fh.tell()
    except (AttributeError, OSError, ValueError, io.UnsupportedOperation):
        hint = 1 << 20
    chunks: list[bytes] = []
    total = 0
    while total <= cap:
        chunk = fh.read(min(max(hint, 0), cap - total) + 1)
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
        hint = 1 << 20  # the file grew since its size was read, or no size was known
    return chunks[0][:0].join(chunks) if chunks else b""  # a text stream gives str


def read_input(src: PathLike | IO[bytes], *, check: bool = True) -> tuple[bytes, str]:
    """Read an input package or text (path or binary file object) through the
    input guard; return (data, display name). Raises InputError for what must
    not be parsed (zip bomb, damaged or encrypted file, …) or cannot be read.
    ``check=False``: only read (the caller passes the bytes to a guarded reader)."""
    from xltools.io.guard import MAX_INPUT_BYTES, check_package, input_too_large

    if is_file_like(src):
        data = read_capped(src, MAX_INPUT_BYTES)  # type: ignore[arg-type]
        if isinstance(data, str):
            data = data.encode("utf-8")
        name = str(getattr(src, "name", "<stream>"))
    else:
        p = existing_file(src)  # type: ignore[arg-type]
        name = str(p)
        try:
            size = p.stat().st_size
            if size > MAX_INPUT_BYTES:  # refused unread
                raise input_too_large(name, size)
            with p.open("rb") as fh:
                data = read_capped(fh, MAX_INPUT_BYTES)
        except OSError as exc:
            raise environment_error(exc, p, reading=True) from exc
    if check:
        check_package(data, name)
    elif len(data) > MAX_INPUT_BYTES:
        check_package(data, name)  # refuses it as too large
    return data, name


def read_source_bytes(src: PathLike | IO[bytes]) -> tuple[bytes, str]:
    """Read an original table (path or binary file object); return (data, display
    name). ``readers.read_source`` passes the bytes through the input guard."""
    return read_input(src, check=False)


# ----------------------------------------------------------------- outputs
def _same_file(a: Path, b: Path) -> bool:
    try:
        if a.exists() and b.exists():
            return os.path.samefile(a, b)
    except OSError:
        pass
    try:
        return os.path.normcase(a.resolve()) == os.path.normcase(b.resolve())
    except (OSError, RuntimeError):
        return os.path.normcase(os.path.abspath(a)) == os.path.normcase(os.path.abspath(b))


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
        return True
    except (ValueError, OSError, RuntimeError):
        return False


def guard_output(path: PathLike, inputs: Iterable[object] = ()) -> Path:
    """Refuse an output that is one of ``inputs`` (same file, also through links)
    or an existing file inside an input folder, whatever ``force`` says.
    File objects and None in ``inputs`` are skipped."""
    p = Path(path)
    for item in inputs:
        if not isinstance(item, str | os.PathLike):  # file objects, None, templates in memory
            continue
        inp = Path(item)  # type: ignore[arg-type]
        try:
            is_dir = inp.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            if _inside(p, inp) and (p.exists() or p.is_symlink()):
                raise OutputError(labels.MSG_OUTPUT_IN_RETURNS.format(path=p, folder=inp),
                                  path=str(p))
        elif _same_file(p, inp):
            raise OutputError(labels.MSG_SAME_AS_INPUT.format(path=p, input=inp), path=str(p))
    return p


def check_writable(path: PathLike, force: bool, inputs: Iterable[object] = ()) -> Path:
    """Refuse to overwrite an existing file unless ``force``, and an input ever."""
    p = guard_output(path, inputs)
    try:
        if p.is_dir():
            raise OutputError(labels.MSG_OUTPUT_IS_DIR.format(path=p), path=str(p))
        exists = p.exists()
    except OSError as exc:
        raise environment_error(exc, p) from exc
    if exists and not force:
        raise OutputError(labels.MSG_FILE_EXISTS.format(path=p), path=str(p))
    return p


def make_folders(folder: Path) -> None:
    """``mkdir -p``, saying which part of the path is a file when one is."""
    for part in (folder, *folder.parents):
        if part.exists():
            if not part.is_dir():
                raise OutputError(labels.MSG_ENV_NOT_DIR.format(path=part), path=str(part))
            break
    folder.mkdir(parents=True, exist_ok=True)


def _normal_mode(path: Path, mode: int = 0o666) -> None:
    """mkstemp/mkdtemp create 0600/0700; give the file the mode a normal write would."""
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(path, mode & ~umask)


@contextlib.contextmanager
def atomic_path(path: PathLike, force: bool = False,
                inputs: Iterable[object] = ()) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; rename it onto ``path`` on success.

    The target is never left half-written, an existing file is only replaced
    when ``force`` is true, and an input (``inputs``) never. Operating-system
    errors (permissions, disk full, read-only, a parent that is a file) become
    OutputError with what to do.
    """
    target = check_writable(path, force, inputs)
    tmp_path: Path | None = None
    try:
        make_folders(target.parent)
        prefix = ".~" + target.stem[:40] + "-"
        _clean_stale_files(target.parent, prefix, target.suffix)  # left by a killed run
        fd, tmp = tempfile.mkstemp(prefix=f"{prefix}{os.getpid()}-", suffix=target.suffix,
                                   dir=target.parent)
        os.close(fd)
        tmp_path = Path(tmp)
        yield tmp_path
        if target.exists() and not force:  # appeared while we were writing
            raise OutputError(labels.MSG_FILE_EXISTS.format(path=target), path=str(target))
        _normal_mode(tmp_path)
        os.replace(tmp_path, target)
    except OSError as exc:
        raise environment_error(exc, target) from exc
    finally:
        if tmp_path is not None:
            with contextlib.suppress(OSError):
                if tmp_path.exists():
                    tmp_path.unlink()


def write_bytes(path: PathLike, data: bytes, force: bool = False,
                inputs: Iterable[object] = ()) -> Path:
    """Write ``data`` atomically to ``path``."""
    with atomic_path(path, force, inputs) as tmp:
        tmp.write_bytes(data)
    return Path(path)


class Batch:
    """A batch of files written into a staging folder; ``path(target)`` gives
    where to write the file that will end up at ``target`` (inside the folder)."""

    def __init__(self, folder: Path, staging: Path) -> None:
        self.folder = folder
        self.staging = staging

    def path(self, target: PathLike) -> Path:
        t = Path(target)
        try:
            rel = t.relative_to(self.folder)
        except ValueError:
            rel = Path(t.name)
        staged = self.staging / rel
        staged.parent.mkdir(parents=True, exist_ok=True)
        return staged

    def write_bytes(self, target: PathLike, data: bytes) -> Path:
        staged = self.path(target)
        staged.write_bytes(data)
        return staged


STAGING_PREFIX = ".~xltools-"
STALE_SECONDS = 6 * 3600  # a staging folder whose owner cannot be asked is stale after this


def _staging_prefix(target: Path) -> str:
    return STAGING_PREFIX + target.name[:40] + "-"


def _owner_alive(pid: int) -> bool | None:
    """Whether process ``pid`` runs (None when that cannot be asked safely)."""
    if os.name != "posix" or pid <= 0:
        return None  # on Windows os.kill(pid, 0) would send Ctrl-C
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, owned by another user
    return True


def _stale(name: str, prefix: str, mtime: float) -> bool:
    """Whether a staging entry ``name`` (``prefix`` + owner pid + "-" …) was left
    by a run that is gone (or is older than STALE_SECONDS)."""
    import time

    pid_text = name[len(prefix):].split("-", 1)[0]
    alive = _owner_alive(int(pid_text)) if pid_text.isdigit() else None
    return alive is False or time.time() - mtime > STALE_SECONDS


def _clean_stale_files(folder: Path, prefix: str, suffix: str) -> None:
    """Remove temporary files of ``atomic_path`` a killed run left in ``folder``."""
    try:
        entries = [e for e in os.scandir(folder)
                   if e.name.startswith(prefix) and e.name.endswith(suffix)]
    except OSError:
        return
    for entry in entries:
        with contextlib.suppress(OSError):
            if entry.is_file(follow_symlinks=False) and _stale(
                    entry.name, prefix, entry.stat(follow_symlinks=False).st_mtime):
                os.unlink(entry.path)


def clean_stale_staging(home: Path, target: Path) -> list[Path]:
    """Remove staging folders of ``target`` that a killed run left in ``home``
    (their owner process is gone, or they are older than STALE_SECONDS: its
    number may have been given to another process since)."""
    removed = []
    prefix = _staging_prefix(target)
    try:
        entries = list(os.scandir(home))
    except OSError:
        return removed
    for entry in entries:
        if not entry.name.startswith(prefix) or not entry.is_dir(follow_symlinks=False):
            continue
        try:
            stale = _stale(entry.name, prefix, entry.stat(follow_symlinks=False).st_mtime)
        except OSError:
            continue
        if stale:
            shutil.rmtree(entry.path, ignore_errors=True)
            removed.append(Path(entry.path))
    return removed


def cannot_replace(path: Path) -> bool:
    """True when an existing ``path`` cannot be replaced now: a folder in its
    place, or a file another program holds open (Word/Excel/WPS lock the files
    they open on Windows: opening it for writing fails) or that is read-only."""
    if not os.path.lexists(path):
        return False
    if path.is_dir() and not path.is_symlink():
        return True
    try:
        with open(path, "r+b"):
            pass
    except OSError:
        return True
    return False


def _check_replaceable(finals: list[Path]) -> None:
    """Refuse (OutputError naming the file) the batch before any file is replaced
    when one of its targets cannot be replaced."""
    for final in finals:
        if cannot_replace(final):
            raise OutputError(labels.MSG_BATCH_LOCKED.format(path=final), path=str(final))


@contextlib.contextmanager
def atomic_folder(folder: PathLike, force: bool = False,
                  inputs: Iterable[object] = ()) -> Iterator[Batch]:
    """Write a batch (letters, progress files) all or nothing.

    Files are written into a hidden staging folder beside a new ``folder``
    (renamed into place on success, one step) or inside an existing one (its
    files then moved in: renames, which need no space). On
    any failure (disk full, a template error, Ctrl-C) the staging folder is
    removed and ``folder`` is left as it was. Existing files are replaced
    only with ``force``, inputs never.
    """
    target = Path(folder)
    inputs = list(inputs)
    try:
        if target.exists() and not target.is_dir():
            raise OutputError(labels.MSG_OUTPUT_NOT_FOLDER.format(path=target), path=str(target))
        # Staged inside an existing folder (its parent may not be writable), else beside it.
        home = target if target.is_dir() else target.parent
        make_folders(home)
        clean_stale_staging(home, target)  # left by a run that was killed
        staging = Path(tempfile.mkdtemp(prefix=f"{_staging_prefix(target)}{os.getpid()}-",
                                        dir=home))
    except OSError as exc:
        raise environment_error(exc, target) from exc
    try:
        yield Batch(target, staging)
        staged = sorted(p for p in staging.rglob("*") if p.is_file())
        finals = [target / p.relative_to(staging) for p in staged]
        for final in finals:
            check_writable(final, force, inputs)
        _check_replaceable(finals)  # an open or locked file: nothing replaced, named
        _normal_mode(staging, 0o777)
        for p in staged:
            _normal_mode(p)
        if not target.exists():
            os.rename(staging, target)
        else:
            for p, final in zip(staged, finals):
                final.parent.mkdir(parents=True, exist_ok=True)
                os.replace(p, final)
    except OSError as exc:
        raise environment_error(exc, target) from exc
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)


__all__ = ["existing_file", "read_input", "read_capped", "read_source_bytes", "guard_output", "check_writable",
           "atomic_path", "atomic_folder", "Batch", "cannot_replace", "clean_stale_staging", "write_bytes", "environment_error",
           "is_file_like"]
