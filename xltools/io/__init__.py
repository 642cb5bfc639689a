"""Files in and out, shared by every stage: safe outputs (``fileio``: never onto an input, temp +
rename, ``--force``), the input guard (``guard``: zip bombs, damaged packages, budgets), zip and
shared-strings helpers (``ziputil``, ``sharedstrings``) and file names (``filenames``).
See docs/safety.md and docs/architecture.md."""
