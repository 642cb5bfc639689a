"""Exception hierarchy. Every user mistake is an XltoolsError with a message
that says what to fix; the CLI prints it as ``Error: …`` and exits 1, Excel
shows it in a message box."""

from __future__ import annotations


class XltoolsError(Exception):
    """A problem the user can fix. Carries where it happened."""

    def __init__(self, message: str, *, path: str | None = None, sheet: str | None = None,
                 row: int | None = None, cell: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.sheet = sheet
        self.row = row
        self.cell = cell

    def location(self) -> str:
        parts = []
        if self.path:
            parts.append(str(self.path))
        if self.sheet:
            parts.append(self.sheet)
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.cell:
            parts.append(self.cell)
        return " / ".join(parts)

    def __str__(self) -> str:
        loc = self.location()
        if loc and (self.sheet or self.row is not None or self.cell):
            return f"{self.message} [{loc}]"
        return self.message


class InputError(XltoolsError):
    """An input file is missing, unreadable or not of the expected kind."""


class SourceFormatError(InputError):
    """An original table could not be understood."""


class WorkbookError(InputError):
    """The normalised workbook is missing a sheet or column."""


class OutputError(XltoolsError):
    """An output cannot be written (exists without --force, locked, …)."""


class TemplateError(XltoolsError):
    """A user-edited template is broken."""


class DependencyError(XltoolsError):
    """An optional external program (e.g. LibreOffice) is not available."""
