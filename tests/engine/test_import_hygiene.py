"""The engine is pure: no terminal UI, no files. Each module is imported in a fresh interpreter."""

import ast
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import game.engine

ENGINE = Path(game.engine.__file__).parent
MODULES = sorted(m.name for m in pkgutil.walk_packages([str(ENGINE)], prefix="game.engine."))
FORBIDDEN = ("textual", "rich", "pydantic", "tomllib", "tomli_w", "pathlib", "shutil", "tempfile",
             "sqlite3", "pickle", "game.packs", "game.ui", "game.saves")

PROBE = """
import sys
before = set(sys.modules)
import {module}
new = set(sys.modules) - before
bad = sorted(m for m in new if m.split('.')[0] in {roots} or any(m == f or m.startswith(f + '.') for f in {forbidden}))
print(','.join(bad))
"""


def test_every_engine_module_is_probed():
    assert "game.engine.rules" in MODULES and "game.engine.rules.actions.meet" in MODULES


@pytest.mark.parametrize("module", MODULES)
def test_engine_module_imports_nothing_impure(module):
    roots = {f.split(".")[0] for f in FORBIDDEN if "." not in f}
    code = PROBE.format(module=module, roots=roots, forbidden=FORBIDDEN)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"{module} pulls in {out.stdout.strip()}"


@pytest.mark.parametrize("path", sorted(ENGINE.glob("*.py")), ids=lambda p: p.name)
def test_engine_source_never_opens_files_or_reads_the_clock(path):
    tree = ast.parse(path.read_text())
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            assert node.func.id not in ("open", "eval", "exec", "input"), f"{path.name}:{node.lineno}"
        if isinstance(node, ast.Attribute):
            assert node.attr not in ("time", "now", "today", "perf_counter", "random"), f"{path.name}:{node.lineno}"
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            names = [a.name for a in node.names] + ([node.module] if isinstance(node, ast.ImportFrom) and node.module else [])
            for n in names:
                assert n.split(".")[0] not in ("random", "time", "datetime", "os", "io", "pathlib"), f"{path.name}: {n}"
