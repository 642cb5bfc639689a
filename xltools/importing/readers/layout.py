"""What a person tells the importer about the layout when the readers cannot
find it themselves: ``--header-line N`` (the header is on source line N, or
row N of a sheet/table) and ``--columns 序号,任务,具体要求,责任单位,完成时限``
(the columns in order, named with any header word the readers know).

The hint is set for the duration of one ``read_source`` call and read by the
readers that rebuild tables (grid, cell stream, space-separated dump), so it
does not have to be threaded through every reader's signature.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass

from xltools import labels as L
from xltools.errors import InputError


@dataclass(frozen=True)
class Layout:
    header_line: int | None = None
    columns: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return self.header_line is not None or bool(self.columns)


_CURRENT: ContextVar[Layout] = ContextVar("xltools_layout", default=Layout())


def current_layout() -> Layout:
    return _CURRENT.get()


@contextlib.contextmanager
def use_layout(layout: Layout | None) -> Iterator[None]:
    token = _CURRENT.set(layout or Layout())
    try:
        yield
    finally:
        _CURRENT.reset(token)


def parse_columns(text: str) -> tuple[str, ...]:
    """``序号,任务,具体要求`` → the names; each must be a header word the readers know."""
    from xltools.importing.readers.columns import header_role

    names = tuple(n.strip() for n in text.replace("，", ",").replace("、", ",").split(",") if n.strip())
    unknown = [n for n in names if header_role(n) is None or header_role(n).kind == "text"]  # type: ignore[union-attr]
    if not names or unknown:
        raise InputError(L.MSG_BAD_COLUMNS.format(names="、".join(unknown) or text,
                                                   known="、".join(L.COLUMN_HINT_WORDS)))
    return names
