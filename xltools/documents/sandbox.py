"""The Jinja2 sandbox every template is rendered in, with a budget.

``SandboxedEnvironment`` blocks attribute access to internals but bounds no
work or size. ``BoundedSandbox`` adds:

* every ``{% for %}`` loop goes through ``_xltools_loop`` (the template's
  syntax tree is rewritten when it is compiled), which counts iterations and
  checks the clock, so nested loops cannot run for hours;
* ``**``, ``*``, ``+`` and ``%`` are intercepted: a power, a repetition or a
  concatenation whose result would be larger than the budget is refused
  before it is computed (``7**(10**9)``, ``"x"*10**9``);
* method calls that grow a value (``x.extend(x)``, ``"x".ljust(10**9)``,
  ``"{:>999999999}".format(1)``) and filters with a width (``center``,
  ``indent``, ``format``…) are checked the same way;
* the output of one document and of a batch is counted (``Budget.output``).

A budget exceeded raises ``BudgetExceeded``; the caller turns it (and
RecursionError, OverflowError, MemoryError from a template) into a Chinese
message naming the template and the tag (``failure_line``).
"""

from __future__ import annotations

import math
import re
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from jinja2 import nodes
from jinja2.sandbox import SandboxedEnvironment

# Per document, and per batch (every letter or notice of one command).
MAX_SECONDS = 20.0
MAX_BATCH_SECONDS = 300.0
MAX_ITERATIONS = 2_000_000  # loop iterations of one document
MAX_ITEMS = 4_000_000  # characters of one value, items of one list
MAX_INT_BITS = 14_000  # an integer of about 4,200 digits (Python prints up to 4,300)
MAX_OUTPUT = 32 * 1024 * 1024  # characters of one rendered part
MAX_BATCH_OUTPUT = 256 * 1024 * 1024
MAX_WIDTH = 100_000  # a width or count given to a filter or method
_CHECK_EVERY = 1024


class BudgetExceeded(Exception):
    """A template asked for more work or output than its budget."""

    def __init__(self, what: str) -> None:
        super().__init__(what)
        self.what = what


@dataclass
class Budget:
    """The work of one document, within a batch."""

    started: float = field(default_factory=time.monotonic)
    iterations: int = 0
    output: int = 0
    batch_started: float | None = None  # set by BoundedSandbox.start_batch
    batch_output: int = 0

    def start_document(self) -> None:
        self.started = time.monotonic()
        self.iterations = 0
        self.output = 0

    def tick(self, n: int = 1) -> None:
        self.iterations += n
        if self.iterations > MAX_ITERATIONS:
            raise BudgetExceeded(f"more than {MAX_ITERATIONS:,} loop iterations")
        if self.iterations % _CHECK_EVERY < n:
            self.clock()

    def clock(self) -> None:
        now = time.monotonic()
        if now - self.started > MAX_SECONDS:
            raise BudgetExceeded(f"more than {MAX_SECONDS:.0f} s")
        if self.batch_started is not None and now - self.batch_started > MAX_BATCH_SECONDS:
            raise BudgetExceeded(f"more than {MAX_BATCH_SECONDS:.0f} s for the batch")

    def add_output(self, n: int) -> None:
        self.output += n
        self.batch_output += n
        if self.output > MAX_OUTPUT:
            raise BudgetExceeded(f"output over {MAX_OUTPUT >> 20} MB")
        if self.batch_started is not None and self.batch_output > MAX_BATCH_OUTPUT:
            raise BudgetExceeded(f"output over {MAX_BATCH_OUTPUT >> 20} MB for the batch")


def _size(value: object) -> int | None:
    if isinstance(value, str | bytes | list | tuple | dict | set | frozenset):
        return len(value)
    return None


def _int_bits(value: object) -> int:
    return abs(value).bit_length() if isinstance(value, int) and not isinstance(value, bool) else 0


def _check_items(n: float, what: str) -> None:
    if n > MAX_ITEMS:
        raise BudgetExceeded(f"{what}: {n:,.0f} items > {MAX_ITEMS:,}")


_BIG_WIDTH = re.compile(r"[0-9]{6,}")  # a width or precision of 100,000 or more


def _check_format(text: object) -> None:
    if isinstance(text, str) and _BIG_WIDTH.search(text):
        raise BudgetExceeded(f"format width in {text[:40]!r}")


_GROWING = {"ljust", "rjust", "center", "zfill"}  # str method(width)


def _check_method(obj: Any, args: tuple, kwargs: dict) -> None:
    obj = getattr(obj, "__wrapped__", obj)  # the sandbox wraps str.format
    owner = getattr(obj, "__self__", None)
    name = getattr(obj, "__name__", "")
    if owner is None or isinstance(owner, type):
        return
    if isinstance(owner, str):
        if name in _GROWING and args and isinstance(args[0], int):
            _check_items(args[0], f"str.{name}")
        elif name == "expandtabs":
            tab = args[0] if args and isinstance(args[0], int) else 8
            _check_items(len(owner) + owner.count("\t") * tab, "str.expandtabs")
        elif name == "replace" and len(args) >= 2:
            new = args[1]
            _check_items(len(owner) + (owner.count(args[0]) + 1) * len(str(new)), "str.replace")
        elif name in ("format", "format_map"):
            _check_format(owner)
        elif name == "join" and args:
            items = args[0]
            n = _size(items)
            if n is not None:
                _check_items(n * len(owner) + sum(len(str(x)) for x in items), "str.join")
    elif isinstance(owner, list | set | dict):
        if name in ("extend", "update", "__iadd__") and args:
            n = _size(args[0])
            _check_items(len(owner) + (n if n is not None else MAX_ITEMS), f"{name}")
        elif name in ("append", "insert", "add", "setdefault"):
            _check_items(len(owner) + 1, name)


def _filter_guard(func: Any, name: str) -> Any:
    """A filter whose numeric arguments (widths, counts) are bounded."""

    def guarded(*args: Any, **kwargs: Any) -> Any:
        for value in (*args[1:], *kwargs.values()):
            if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_WIDTH:
                raise BudgetExceeded(f"filter {name}({value:,})")
        if name == "format" and args:
            _check_format(args[0] if not hasattr(args[0], "environment") else args[1])
        return func(*args, **kwargs)

    for attr in ("jinja_pass_arg",):  # the context/environment the filter wants
        if hasattr(func, attr):
            setattr(guarded, attr, getattr(func, attr))
    guarded.__name__ = getattr(func, "__name__", name)
    return guarded


_WIDTH_FILTERS = ("center", "indent", "truncate", "wordwrap", "format", "batch", "slice",
                  "filesizeformat", "random")


class _LoopWrap:
    """Rewrites every ``{% for x in SEQ %}`` to ``{% for x in _xltools_loop(SEQ) %}``."""

    @staticmethod
    def apply(tree: nodes.Template) -> nodes.Template:
        for node in tree.find_all(nodes.For):
            node.iter = nodes.Call(nodes.Name(LOOP_NAME, "load", lineno=node.lineno), [node.iter],
                                   [], None, None, lineno=node.lineno)
        return tree


LOOP_NAME = "_xltools_loop"


class BoundedSandbox(SandboxedEnvironment):
    """``SandboxedEnvironment`` with a budget on work and size (see the module doc)."""

    intercepted_binops = frozenset(["**", "*", "+", "%", "//"])

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.budget = Budget()
        self.globals[LOOP_NAME] = self._loop
        for name in _WIDTH_FILTERS:
            if name in self.filters:
                self.filters[name] = _filter_guard(self.filters[name], name)

    # ------------------------------------------------------------- budget
    def start_batch(self) -> Budget:
        """A new budget whose batch limits count from now (until the next call):
        every document rendered until then shares them."""
        self.budget = Budget(batch_started=time.monotonic())
        return self.budget

    def _loop(self, iterable: Iterable[Any]) -> Iterator[Any]:
        budget = self.budget
        if iterable is None:
            return iter(())
        n = _size(iterable)
        if n is not None:
            _check_items(n, "loop")
        return self._counted(iterable, budget)

    @staticmethod
    def _counted(iterable: Iterable[Any], budget: Budget) -> Iterator[Any]:
        for item in iterable:
            budget.tick()
            yield item

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        return _LoopWrap.apply(super()._parse(source, name, filename))

    # ------------------------------------------------------- intercepted
    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        self.budget.tick(0)
        if operator == "**":
            if isinstance(right, int | float) and isinstance(left, int | float):
                base = abs(left)
                if isinstance(left, int) and isinstance(right, int) and right > 0 and base > 1:
                    if right * math.log2(base) > MAX_INT_BITS:
                        raise BudgetExceeded(f"{left!r} ** {right!r}")
        elif operator == "*":
            for seq, times in ((left, right), (right, left)):
                n = _size(seq)
                if n is not None and isinstance(times, int):
                    _check_items(n * times, "repetition")
            if _int_bits(left) + _int_bits(right) > MAX_INT_BITS:
                raise BudgetExceeded("integer product too large")
        elif operator == "+":
            a, b = _size(left), _size(right)
            if a is not None and b is not None:
                _check_items(a + b, "concatenation")
        elif operator == "%":
            _check_format(left)
        return super().call_binop(context, operator, left, right)

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
        __self.budget.tick(0)
        _check_method(__obj, args, kwargs)
        for value in (*args, *kwargs.values()):
            if _int_bits(value) > MAX_INT_BITS:
                raise BudgetExceeded("integer argument too large")
        return super().call(__context, __obj, *args, **kwargs)


def render_counted(env: BoundedSandbox, template: Any, context: Any) -> str:
    """``template.render(context)`` with its output counted against the budget
    as it is produced (a document over MAX_OUTPUT stops there)."""
    budget = env.budget
    budget.start_document()
    pieces = []
    for piece in template.generate(context):
        budget.add_output(len(piece))
        pieces.append(piece)
    return "".join(pieces)


def failure_line(exc: BaseException) -> int | None:
    """The template line an exception came from (Jinja rewrites the traceback so
    that template frames carry the template's line numbers), or None."""
    line = None
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)


def tag_at(source: str, line: int | None) -> tuple[str, str]:
    """(the tags, the text) of line ``line`` of a template's source (XML stripped)."""
    if not line:
        return "", ""
    lines = source.splitlines()
    if not 0 < line <= len(lines):
        return "", ""
    text = re.sub(r"<[^>]+>", "", lines[line - 1])
    tags = _TAG.findall(text)
    return " ".join(tags)[:120], text.strip()[:120]


def budget_message(path: str, unit: str, exc: BaseException, tag: str, text: str) -> str:
    """The Chinese message for a template that exceeded its budget (or recursed,
    overflowed, ran out of memory): the template, the unit, the tag and its paragraph."""
    from xltools import labels as L

    return L.MSG_TEMPLATE_BUDGET.format(
        path=path, unit=L.TEMPLATE_BUDGET_FOR_UNIT.format(unit=unit) if unit else "",
        reason=str(exc)[:120] or type(exc).__name__, tag=tag or "?", text=text)


TEMPLATE_FAILURES = (BudgetExceeded, RecursionError, OverflowError, MemoryError)


def bounded_sandbox() -> BoundedSandbox:
    """The only Jinja2 environment templates are rendered in."""
    import jinja2

    return BoundedSandbox(autoescape=True, undefined=jinja2.StrictUndefined)


__all__ = ["BoundedSandbox", "BudgetExceeded", "Budget", "bounded_sandbox", "render_counted",
           "failure_line", "tag_at", "budget_message", "TEMPLATE_FAILURES", "MAX_SECONDS", "MAX_ITERATIONS", "MAX_OUTPUT",
           "MAX_BATCH_OUTPUT", "MAX_ITEMS"]
