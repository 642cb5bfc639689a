"""xltools: task-division tables (任务分工) for government offices.

Library first: every CLI command and Excel button calls a function here.
"""

__version__ = "0.1.0"
