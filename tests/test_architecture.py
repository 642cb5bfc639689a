"""The house plan (docs/architecture.md), read from the source: every module of
xltools sits in one stage, imports only from its own stage or an earlier one,
and no group of modules imports itself round in a circle (lazy imports inside
functions count too)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1] / "xltools"

# The stages, earliest first. A module may import from its own stage and the ones before it.
STAGES = ("shared", "io", "workbook", "importing", "documents", "progress", "excel", "wps", "app")
# Top-level modules every stage may use (the model, its words and its shared rules).
SHARED = {"xltools.errors", "xltools.labels", "xltools.text", "xltools.model", "xltools.budget",
          "xltools.deadlines", "xltools.issuer"}
# The skins on top: the command line, the demo, and the package root's scripting API.
APP = {"xltools", "xltools.cli", "xltools.demo", "xltools.__main__"}


def _modules() -> dict[str, Path]:
    out = {}
    for path in ROOT.rglob("*.py"):
        parts = list(path.relative_to(ROOT.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = path
    return out


MODULES = _modules()


def stage_of(module: str) -> str:
    if module in SHARED:
        return "shared"
    if module in APP:
        return "app"
    parts = module.split(".")
    if len(parts) >= 2 and parts[1] in STAGES and (ROOT / parts[1]).is_dir():
        return parts[1]
    raise AssertionError(f"{module} belongs to no stage: the top level of xltools/ holds only "
                         f"the shared modules, cli, demo and the stage packages {STAGES}")


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def imports_of(module: str) -> set[str]:
    """The xltools modules ``module`` imports anywhere (module level, functions), except
    under ``if TYPE_CHECKING`` and except the package root (loaded before any submodule)."""
    path = MODULES[module]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and _is_type_checking(node):
            skip.update(id(n) for stmt in node.body for n in ast.walk(stmt))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    deps: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[:len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            names = []
            for alias in node.names:
                sub = f"{target}.{alias.name}"
                names.append(sub if sub in MODULES else target)
        else:
            continue
        for name in names:
            if name == "xltools" or not name.startswith("xltools."):
                continue
            while name not in MODULES and "." in name:
                name = name.rpartition(".")[0]
            if name != "xltools":
                deps.add(name)
    return deps


GRAPH = {m: imports_of(m) - {m} for m in MODULES}


def test_every_module_has_a_stage() -> None:
    for module in MODULES:
        stage_of(module)


def test_no_module_imports_from_a_later_stage() -> None:
    upward = [f"{m} ({stage_of(m)}) imports {d} ({stage_of(d)})"
              for m, deps in sorted(GRAPH.items()) for d in sorted(deps)
              if STAGES.index(stage_of(d)) > STAGES.index(stage_of(m))]
    assert not upward, "imports from a later stage:\n" + "\n".join(upward)


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def test_no_import_circles() -> None:
    assert _cycles(GRAPH) == []


def test_the_package_root_imports_no_stage_when_imported() -> None:
    """``import xltools`` (and so every ``from xltools import labels``) loads no stage:
    the scripting API imports its stage inside each function."""
    tree = ast.parse((ROOT / "__init__.py").read_text(encoding="utf-8"))
    eager = [ast.unparse(n) for n in tree.body if isinstance(n, (ast.Import, ast.ImportFrom))
             and "xltools" in ast.unparse(n)]
    assert eager == []


@pytest.mark.parametrize("graph, circle", [
    ({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}, [["a", "b", "c"]]),
    ({"a": {"b"}, "b": set(), "c": {"a", "b"}}, []),
])
def test_the_circle_finder_finds_circles(graph, circle) -> None:
    assert _cycles(graph) == circle


def test_the_stage_check_sees_an_upward_import(tmp_path) -> None:
    """The checker is not blind: a reader that imported the letters would be reported."""
    assert STAGES.index(stage_of("xltools.documents.letters")) > \
        STAGES.index(stage_of("xltools.importing.readers.grid"))
    assert "xltools.importing.readers.prose" in GRAPH["xltools.importing.readers.grid"]
    assert "xltools.progress.returns" in GRAPH["xltools.progress.split"]
