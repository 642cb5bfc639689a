"""Readers of original task tables. Each turns one kind of input into
(events, SourceMeta) for `xltools.builder.build_plan`.

`read_source` picks the reader from the content (not only the extension).
"""

from __future__ import annotations

from xltools.readers.rows import Event, SourceMeta


def read_source(data: bytes, name: str, *, simplified: bool = True) -> tuple[list[Event], SourceMeta]:
    """Decode and read an original table given as bytes (``name`` for messages).

    ``simplified``: convert Traditional characters to Simplified.
    """
    from xltools.readers import text_table
    from xltools.readers.decode import decode_text

    text = decode_text(data, name)
    return text_table.read_text_table(text, name)
