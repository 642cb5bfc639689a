"""Reading an original document into the model: ``readers`` (one per format, all into rows),
``builder`` (rows → Plan), ``units`` (the units-cell grammar), ``importer`` (`xltools import`).
See docs/readers.md and docs/architecture.md."""
