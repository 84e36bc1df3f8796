"""Every module-level name in driftcheck is bound once: a second binding silently replaces the first for every
function that reads it at call time (a regex named _WORD in compare.py once broke quote matching this way)."""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "driftcheck"


@pytest.mark.parametrize("path", sorted(PACKAGE.glob("*.py")), ids=lambda p: p.name)
def test_module_level_names_are_bound_once(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    bound: Counter[str] = Counter()
    for node in tree.body:
        if isinstance(node, ast.Assign):
            bound.update(t.id for t in node.targets if isinstance(t, ast.Name))
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            bound[node.target.id] += 1
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            bound[node.name] += 1
    assert [name for name, count in bound.items() if count > 1] == []
