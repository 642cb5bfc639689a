"""Compatibility: reading returned files lives in ``xltools.progress.returns``;
this name is that very module (so settings patched here apply there)."""

import sys

from xltools.progress import returns as _returns

sys.modules[__name__] = _returns
