"""The domain core must not import Django, DRF or the web shell."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import kohtaanto

pytestmark = pytest.mark.unit

PACKAGE = Path(kohtaanto.__file__).parent
DOMAIN = ["core", "rules", "taxonomy", "skills", "carving", "matching", "plainlang"]
FORBIDDEN = ("django", "rest_framework", "drf_spectacular", "django_htmx", "csp", "axes", "kohtaanto.web")


def imported_modules(source: str) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
        elif (
            isinstance(node, ast.Call)
            and getattr(node.func, "id", getattr(node.func, "attr", "")) in {"import_module", "__import__"}
            and node.args
            and isinstance(node.args[0], ast.Constant)
        ):
            names.add(str(node.args[0].value))
    return names


def framework_imports(source: str) -> list[str]:
    return sorted(
        name
        for name in imported_modules(source)
        if any(name == bad or name.startswith(bad + ".") for bad in FORBIDDEN)
    )


def domain_files() -> list[Path]:
    files: list[Path] = []
    for entry in DOMAIN:
        path = PACKAGE / entry
        files.extend([path] if path.is_file() else sorted(path.rglob("*.py")))
    return files


def test_every_domain_package_exists_with_code():
    for entry in DOMAIN:
        path = PACKAGE / entry
        assert path.exists(), f"{entry} is missing"
    assert len(domain_files()) >= len(DOMAIN)


@pytest.mark.parametrize("path", domain_files(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_domain_module_imports_no_framework(path: Path):
    assert framework_imports(path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize(
    "source",
    [
        "import django",
        "from django.db import models",
        "from kohtaanto.web.accounts import models",
        "import rest_framework.serializers as s",
        "importlib.import_module('django.conf')",
        "def f():\n    from django.utils import timezone\n",
    ],
)
def test_the_walker_catches_framework_imports(source: str):
    assert framework_imports(source), source


def test_the_walker_allows_plain_python():
    assert (
        framework_imports("import datetime\nfrom decimal import Decimal\nimport yaml\nimport djangoish") == []
    )
