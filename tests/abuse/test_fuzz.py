"""Issue 18, item 8: the fuzzing suite. Mutated returned files (far cells, odd
numbers and dates, bad shared-string indexes, cut-off parts, flipped bytes),
template tags (powers, repetitions, growing lists, widths, nested loops) and
damaged templates carrying active content, generated with hypothesis and run in
a child process whose memory is bounded (RLIMIT_AS) with each example
time-boxed: every run must end in a result or a Chinese message, and every
returned row must be used or listed. XLTOOLS_FUZZ_SCALE multiplies the number
of examples (default 1: about half a minute in all)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

WORKER = Path(__file__).with_name("fuzz_worker.py")
SCALE = float(os.environ.get("XLTOOLS_FUZZ_SCALE", "1"))
TARGETS = {"returns": 150, "tags": 60, "packages": 60}

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_AS and SIGALRM are POSIX")


@pytest.mark.parametrize("target", sorted(TARGETS))
def test_fuzz(target: str) -> None:
    examples = max(1, int(TARGETS[target] * SCALE))
    seed = int(os.environ.get("XLTOOLS_FUZZ_SEED", "18"))
    proc = subprocess.run([sys.executable, str(WORKER), target, str(examples), str(seed)],
                          capture_output=True, text=True, timeout=60 + 2 * examples)
    tail = (proc.stdout[-2000:] + proc.stderr[-4000:])
    assert proc.returncode == 0, tail  # an abort (out of memory, a Rust panic) or a failure
    assert f"fuzz ok {target} {examples}" in proc.stdout, tail
