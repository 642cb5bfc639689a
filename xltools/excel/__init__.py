"""Excel integration: the ribbon add-in / control workbook (build, install) and the
entry points its buttons call. See docs/excel.md."""
