"""Imports go one way: report/ knows no file format and no Qt; readers know no recognizer."""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "ggbg_desktop"


def _imported(path: Path) -> set[str]:
    """Absolute names of the ggbg_desktop modules a file imports (at any depth of the file)."""
    package = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts[:-1])
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = package.split(".")[: len(package.split(".")) - node.level + 1] if node.level else []
            module = ".".join(base + ([node.module] if node.module else []))
            names.add(module)
            names.update(f"{module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return {n for n in names if n.startswith("ggbg_desktop") or n.startswith("PySide6")}


@pytest.mark.parametrize("path", sorted((PACKAGE / "formats" / "readers").glob("*.py")), ids=lambda p: p.name)
def test_readers_do_not_import_the_recognizer(path):
    through = {n for n in _imported(path) if n.startswith("ggbg_desktop.formats.recognize")}
    assert not through


@pytest.mark.parametrize("path", sorted((PACKAGE / "report").rglob("*.py")), ids=lambda p: p.name)
def test_the_domain_imports_no_format_and_no_qt(path):
    outside = {n for n in _imported(path)
               if n.startswith(("ggbg_desktop.formats", "ggbg_desktop.ui", "PySide6"))}
    assert not outside


@pytest.mark.parametrize("path", sorted((PACKAGE / "ui").glob("*.py")), ids=lambda p: p.name)
def test_the_window_parses_no_figure_and_no_date_itself(path):
    """Figures and dates typed into the window are read by report.values: ui/ needs neither re nor datetime."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    modules = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    modules |= {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}
    assert not modules & {"re", "datetime"}
