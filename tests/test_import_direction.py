"""Imports point down the layers and never go round in a circle.

engine <- packs <- saves, demo <- ui <- cli: a layer may import from the ones below it,
never from one above. Every import counts, also those inside functions and under
TYPE_CHECKING. No two modules may depend on each other round a circle either, even through
an import inside a function (which only hides the circle until that function runs); only
imports for type checking are left out of that count.
"""

from __future__ import annotations

import ast
from pathlib import Path

GAME = Path(__file__).resolve().parents[1] / "game"

LAYERS = {"engine": 0, "packs": 1, "saves": 2, "demo": 2, "ui": 3, "cli": 4}
# game/__main__.py and game/serve.py start the program: they belong with the cli layer.
# The package itself (game/__init__.py) holds only the version, which any layer may read.
# Within one level, the only direction that exists: a demo's debrief may read saves.
SIDEWAYS = {("demo", "saves")}


def module_name(path: Path, root: Path = GAME) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def layer_of(module: str) -> tuple[str, int]:
    parts = module.split(".")
    if module == "game":
        return "game", -1
    if len(parts) > 1 and parts[1] in LAYERS:
        return parts[1], LAYERS[parts[1]]
    return "cli", LAYERS["cli"]


def imports(path: Path, root: Path = GAME, at_run_time: bool = False) -> list[tuple[int, str]]:
    """(line, module) for each `game.*` import in a file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module_name(path, root).rsplit(".", 0 if path.name == "__init__.py" else 1)[0]
    found = []

    def visit(node: ast.AST, top: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                if not at_run_time:
                    visit(child, False)
                continue
            if isinstance(child, ast.Import):
                found.extend((child.lineno, a.name) for a in child.names if a.name.startswith("game"))
            elif isinstance(child, ast.ImportFrom):
                base = child.module or ""
                if child.level:
                    base = ".".join(package.split(".")[: len(package.split(".")) - child.level + 1] + [base])
                if base.startswith("game"):
                    found.extend((child.lineno, f"{base}.{a.name}") for a in child.names)
            visit(child, top)

    visit(tree, True)
    return found


def resolve(name: str, known: set[str]) -> str | None:
    """The module an imported name lives in (`game.engine.rules.apply` -> `game.engine.rules`)."""
    while name and name not in known:
        name = name.rpartition(".")[0]
    return name or None


def upward_imports(root: Path = GAME) -> list[str]:
    bad = []
    known = {module_name(p, root) for p in root.rglob("*.py")}
    for path in sorted(root.rglob("*.py")):
        here = module_name(path, root)
        mine, level = layer_of(here)
        for line, name in imports(path, root):
            theirs, their_level = layer_of(resolve(name, known) or name)
            if their_level > level or (their_level == level and mine != theirs and (mine, theirs) not in SIDEWAYS):
                bad.append(f"{path.relative_to(root.parent)}:{line} imports {name} ({mine} must not import {theirs})")
    return bad


def cycles(root: Path = GAME) -> list[list[str]]:
    paths = {module_name(p, root): p for p in root.rglob("*.py")}
    known = set(paths)
    graph = {m: sorted({r for _, n in imports(p, root, at_run_time=True) if (r := resolve(n, known)) and r != m})
             for m, p in paths.items()}
    found: list[list[str]] = []
    state: dict[str, int] = {}
    stack: list[str] = []

    def walk(m: str) -> None:
        state[m] = 1
        stack.append(m)
        for n in graph.get(m, []):
            # importing a package runs its __init__: a module importing its own package is not a circle
            if m.startswith(n + "."):
                continue
            if state.get(n) == 1:
                found.append(stack[stack.index(n):] + [n])
            elif n not in state:
                walk(n)
        stack.pop()
        state[m] = 2

    for m in sorted(graph):
        if m not in state:
            walk(m)
    return found


def test_imports_point_down_the_layers():
    assert upward_imports() == []


def test_no_module_imports_itself_round_a_circle():
    assert cycles() == []


def test_the_checks_can_fail(tmp_path):
    root = tmp_path / "game"
    (root / "engine").mkdir(parents=True)
    (root / "ui").mkdir()
    for folder in (root, root / "engine", root / "ui"):
        (folder / "__init__.py").write_text("")
    (root / "engine" / "a.py").write_text("from game.ui.b import x\n")
    (root / "ui" / "b.py").write_text("from game.engine.a import y\n")
    assert upward_imports(root) == ["game/engine/a.py:1 imports game.ui.b.x (engine must not import ui)"]
    assert cycles(root) == [["game.engine.a", "game.ui.b", "game.engine.a"]]
