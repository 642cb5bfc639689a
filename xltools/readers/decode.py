"""Bytes → text for plain-text inputs: UTF-8 (with or without BOM), GB18030/GBK, Big5."""

from __future__ import annotations

from xltools import labels as L
from xltools.errors import InputError

_CANDIDATES = ("utf-8-sig", "gb18030", "big5")


def decode_text(data: bytes, name: str) -> str:
    if not data.strip():
        raise InputError(L.MSG_EMPTY_INPUT.format(path=name), path=name)
    for encoding in _CANDIDATES:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InputError(L.MSG_UNREADABLE_TEXT.format(path=name), path=name)
