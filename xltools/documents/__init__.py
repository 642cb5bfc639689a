"""Word documents made from the workbook: ``letters`` (交办通知, the combined print file, PDF),
``letter_template`` (the default GB/T 9704 template), ``docx_clean`` and ``sandbox`` (templates
are cleaned and rendered in a bounded sandbox), ``export`` and ``wording`` (the original layout).
See docs/letters.md, docs/export.md and docs/architecture.md."""

# How ``letters`` lists the units of a general notice; here, where the CLI finds it
# without loading python-docx.
GENERAL_STYLES = ("list", "table", "annex")  # list: task titles + numbers (default)
