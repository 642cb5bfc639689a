"""The normalised workbook (任务分工 / 单位 / 说明), the hub every stage reads or writes:
``writer`` (Plan → xlsx), ``reader`` (xlsx → Plan with problems), ``check`` (`xltools check`),
``template`` (`xltools template`: the empty workbook).
See docs/workbook.md and docs/architecture.md."""
