"""Zip packages (xlsx) read part by part and written with unchanged parts copied as they are.

``merge_sheets`` (master.py) rewrites a few small parts of a workbook and adds
new sheets; the large parts it does not touch (a 任务分工 sheet of thousands
of rows) are copied compressed, without inflating and deflating them again.
New large parts are deflated on worker threads (zlib releases the GIL) while
the caller builds the next one.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Iterator, MutableMapping
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

LOCAL_HEADER = struct.Struct("<IHHHHHIIIHH")
CENTRAL_HEADER = struct.Struct("<IHHHHHHIIIHHHHHII")
END_RECORD = struct.Struct("<IHHHHIIH")
_DOS_DATE = (0 << 9) | (1 << 5) | 1  # 1980-01-01, as zipfile writes a fixed date
_UTF8_FLAG = 0x0800
_LIMIT = 0xFFFFFFFF  # beyond it a zip needs the zip64 records: written by zipfile instead


@dataclass(frozen=True)
class Member:
    """A part ready for the archive: its compressed bytes and what the headers need."""

    method: int  # zipfile.ZIP_DEFLATED or ZIP_STORED
    crc: int
    size: int
    compressed: bytes

    def data(self) -> bytes:
        """The part's content (inflated)."""
        if self.method == zipfile.ZIP_STORED:
            return self.compressed
        return zlib.decompress(self.compressed, -15)


def deflate(data: bytes, level: int = 6) -> Member:
    """Compress one part (raw deflate, as in zip archives)."""
    packer = zlib.compressobj(level, zlib.DEFLATED, -15)
    return Member(zipfile.ZIP_DEFLATED, zlib.crc32(data), len(data),
                  packer.compress(data) + packer.flush())


_WINDOW = 32 * 1024  # deflate's window: how far back a chunk may refer into the one before
_FINAL_BLOCK = b"\x03\x00"  # an empty final block, which ends a raw deflate stream


def _deflate_chunk(chunk: bytes, before: bytes, level: int) -> bytes:
    """One chunk as deflate blocks that may refer back into ``before`` (the end
    of the previous chunk), ended by a sync flush so the next chunk's blocks follow."""
    packer = (zlib.compressobj(level, zlib.DEFLATED, -15, zdict=before) if before
              else zlib.compressobj(level, zlib.DEFLATED, -15))
    return packer.compress(chunk) + packer.flush(zlib.Z_SYNC_FLUSH)


class StreamDeflater:
    """Deflate a part fed in chunks on ``pool`` while the caller builds the next
    chunk. Chunks are deflated independently (each may refer back into the end of
    the one before, as pigz does), so several deflate at once and the last one
    finishes soon after it is fed; the CRC is taken here, in order."""

    def __init__(self, pool: ThreadPoolExecutor, level: int = 1) -> None:
        self._pool = pool
        self._level = level
        self._crc = 0
        self._size = 0
        self._tail = b""
        self._parts: list[Future[bytes]] = []

    def feed(self, chunk: bytes) -> None:
        if not chunk:
            return
        self._crc = zlib.crc32(chunk, self._crc)
        self._size += len(chunk)
        self._parts.append(self._pool.submit(_deflate_chunk, chunk, self._tail, self._level))
        self._tail = chunk[-_WINDOW:]

    def finish(self) -> Future[Member]:
        """The member, once every chunk is deflated. (The pool runs jobs in the
        order given, so every chunk has started before this job waits for it.)"""
        parts, crc, size = self._parts, self._crc, self._size
        return self._pool.submit(lambda: Member(
            zipfile.ZIP_DEFLATED, crc, size, b"".join(p.result() for p in parts) + _FINAL_BLOCK))


class Package(MutableMapping[str, bytes]):
    """The parts of a zip package by name, inflated only when read.

    Parts that are never assigned keep their original compressed bytes
    (``unchanged``), which ``write_package`` copies as they are. Iteration
    gives the original parts in archive order, then the new ones.
    """

    def __init__(self, data: bytes) -> None:
        self._data = data
        self._zip = zipfile.ZipFile(io.BytesIO(data))
        self._infos = {i.filename: i for i in self._zip.infolist()}
        self._parts: dict[str, bytes] = {}
        self._assigned: set[str] = set()
        self._deleted: set[str] = set()

    def __getitem__(self, name: str) -> bytes:
        if name in self._parts:
            return self._parts[name]
        if name in self._deleted or name not in self._infos:
            raise KeyError(name)
        data = self._parts[name] = self._zip.read(name)
        return data

    def __setitem__(self, name: str, data: bytes) -> None:
        self._parts[name] = data
        self._assigned.add(name)
        self._deleted.discard(name)

    def __delitem__(self, name: str) -> None:
        if name not in self:
            raise KeyError(name)
        self._parts.pop(name, None)
        self._assigned.discard(name)
        self._deleted.add(name)

    def __contains__(self, name: object) -> bool:
        return name in self._assigned or (name in self._infos and name not in self._deleted)

    def __iter__(self) -> Iterator[str]:
        for name in self._infos:
            if name not in self._deleted:
                yield name
        for name in self._parts:
            if name not in self._infos and name not in self._deleted:
                yield name

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def head(self, name: str, size: int) -> bytes:
        """The first ``size`` bytes of a part, inflating no more than that."""
        if name in self._parts:
            return self._parts[name][:size]
        with self._zip.open(name) as fh:
            return fh.read(size)

    def unchanged(self, name: str) -> Member | None:
        """The original compressed member when the part was never assigned (else None)."""
        info = self._infos.get(name)
        if (info is None or name in self._assigned or name in self._deleted
                or info.flag_bits & 0x1  # encrypted
                or info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)):
            return None
        offset = info.header_offset
        header = self._data[offset:offset + LOCAL_HEADER.size]
        if len(header) < LOCAL_HEADER.size or header[:4] != b"PK\x03\x04":
            return None
        name_len, extra_len = struct.unpack("<HH", header[26:30])
        start = offset + LOCAL_HEADER.size + name_len + extra_len
        return Member(info.compress_type, info.CRC, info.file_size,
                      self._data[start:start + info.compress_size])


def write_package(parts: list[tuple[str, bytes | Member | Future[Member]]],
                  level: int = 6) -> bytes:
    """A zip archive of ``parts`` in order: bytes are deflated here, members written as given."""
    members: list[tuple[str, Member]] = []
    for name, part in parts:
        if isinstance(part, Future):
            part = part.result()
        elif not isinstance(part, Member):
            part = deflate(part, level)
        members.append((name, part))
    total = sum(len(m.compressed) for _, m in members)
    if (len(members) >= 0xFFFF or total >= _LIMIT
            or any(m.size >= _LIMIT for _, m in members)):
        return _write_zip64(members)
    out = io.BytesIO()
    central: list[bytes] = []
    for name, m in members:
        raw_name = name.encode("utf-8")
        flags = 0 if raw_name.isascii() else _UTF8_FLAG
        offset = out.tell()
        out.write(LOCAL_HEADER.pack(0x04034B50, 20, flags, m.method, 0, _DOS_DATE, m.crc,
                                    len(m.compressed), m.size, len(raw_name), 0))
        out.write(raw_name)
        out.write(m.compressed)
        central.append(CENTRAL_HEADER.pack(0x02014B50, 20, 20, flags, m.method, 0, _DOS_DATE,
                                           m.crc, len(m.compressed), m.size, len(raw_name),
                                           0, 0, 0, 0, 0, offset) + raw_name)
    start = out.tell()
    for entry in central:
        out.write(entry)
    out.write(END_RECORD.pack(0x06054B50, 0, 0, len(members), len(members), out.tell() - start,
                              start, 0))
    return out.getvalue()


def _write_zip64(members: list[tuple[str, Member]]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as zf:
        for name, m in members:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, m.data())
    return out.getvalue()


__all__ = ["Member", "Package", "StreamDeflater", "deflate", "write_package"]
