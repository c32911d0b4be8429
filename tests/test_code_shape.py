"""The rules and the pack loader stay readable: no function in them runs past one screen."""

import ast
from pathlib import Path

import pytest

GAME = Path(__file__).resolve().parents[1] / "game"
LONGEST = 60


def long_functions(folder: Path) -> list[str]:
    found = []
    for path in sorted(folder.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                if length > LONGEST:
                    found.append(f"{path.relative_to(folder.parent)}:{node.lineno} {node.name}() is {length} lines")
    return found


@pytest.mark.parametrize("package", ["engine", "packs"])
def test_no_function_is_longer_than_a_screen(package):
    assert long_functions(GAME / package) == []


def test_the_check_can_fail(tmp_path):
    body = "\n".join(f"    x{i} = {i}" for i in range(LONGEST))
    (tmp_path / "long.py").write_text(f"def long():\n{body}\n")
    assert len(long_functions(tmp_path)) == 1
