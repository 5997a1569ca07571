"""The import rules of docs/architecture.md, as a test.

- **Layers** point inwards: ``core`` <- ``taxonomy``, ``rules``, ``skills`` <- ``carving``, ``matching``,
  ``plainlang`` <- ``web`` <- ``cli``. Inside ``web``: ``core`` <- ``audit`` <- ``accounts`` <- ``api`` <- the
  feature apps <- ``seeker`` <- ``pages`` <- ``project``.
- **No cycles**, between modules or between packages, counting imports inside functions.
- **No private names across modules**: ``from kohtaanto.x import _y`` is refused.
- **Unique class names**: a module-level class name is defined once in the package.

Each rule is a function over a graph or over sources, so the planted violations below prove it can fail.
"""

from __future__ import annotations

import ast
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path

import grimp
import numpy as np
import pytest
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import connected_components

import kohtaanto

pytestmark = pytest.mark.unit

PACKAGE = Path(kohtaanto.__file__).parent
ROOT = "kohtaanto"

# Top first. Siblings in one tuple may import each other (never in a cycle).
LAYERS: tuple[tuple[str, ...], ...] = (
    ("cli",),
    ("web",),
    ("carving", "matching", "plainlang"),
    ("taxonomy", "rules", "skills"),
    ("core",),
)
WEB_LAYERS: tuple[tuple[str, ...], ...] = (
    ("project",),
    ("pages",),
    ("seeker",),
    ("hiring", "matching", "supports", "plainlang", "outreach", "coaching", "esf", "outcomes", "retention",
     "jobs"),
    ("api",),
    ("accounts",),
    ("audit",),
    ("core",),
)  # fmt: skip


@cache
def graph() -> grimp.ImportGraph:
    return grimp.build_graph(ROOT, cache_dir=None)


def edges() -> dict[str, set[str]]:
    g = graph()
    return {m: set(g.find_modules_directly_imported_by(m)) for m in g.modules if ".migrations" not in m}


def package_of(module: str, depth: int) -> str:
    return ".".join(module.split(".")[:depth])


def layer_violations(
    imports: Mapping[str, Iterable[str]], layers: tuple[tuple[str, ...], ...], prefix: str
) -> list[str]:
    """Imports from a lower layer up, or between layers' packages that skip the order."""
    rank = {f"{prefix}.{name}": i for i, names in enumerate(layers) for name in names}
    depth = prefix.count(".") + 2
    found = []
    for source, targets in imports.items():
        upper = rank.get(package_of(source, depth))
        if upper is None:
            continue
        for target in targets:
            lower = rank.get(package_of(target, depth))
            if lower is not None and lower < upper:
                found.append(f"{source} -> {target}")
    return sorted(found)


def cycles(imports: Mapping[str, Iterable[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one node."""
    nodes = sorted(set(imports) | {t for targets in imports.values() for t in targets})
    index = {n: i for i, n in enumerate(nodes)}
    rows = [index[s] for s, targets in imports.items() for t in targets if t != s]
    cols = [index[t] for s, targets in imports.items() for t in targets if t != s]
    matrix = csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(nodes), len(nodes)))
    _, labels = connected_components(matrix, directed=True, connection="strong")
    groups: dict[int, list[str]] = defaultdict(list)
    for node, label in zip(nodes, labels, strict=True):
        groups[int(label)].append(node)
    return sorted(group for group in groups.values() if len(group) > 1)


def packages(imports: Mapping[str, Iterable[str]]) -> dict[str, set[str]]:
    """The graph between packages: ``kohtaanto.<x>`` and, inside the shell, ``kohtaanto.web.<app>``."""

    def name(module: str) -> str:
        return package_of(module, 3 if module.startswith(f"{ROOT}.web.") else 2)

    out: dict[str, set[str]] = defaultdict(set)
    for source, targets in imports.items():
        out[name(source)].update(name(t) for t in targets if name(t) != name(source))
    return out


def private_imports(source: str, module: str, is_package: bool = False) -> list[str]:
    """``from <kohtaanto module> import _name`` where ``_name`` is not a module of that package."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.ImportFrom):
            continue
        if node.level:
            base = module.split(".") if is_package else module.split(".")[:-1]
            base = base[: len(base) - node.level + 1]
            target = ".".join([*base, node.module] if node.module else base)
        else:
            target = node.module or ""
        if not target.startswith(ROOT) or target == module:
            continue
        for alias in node.names:
            private = alias.name.startswith("_") and not alias.name.startswith("__")
            submodule = PACKAGE.parent / Path(*target.split("."), f"{alias.name}.py")
            if private and not submodule.exists():
                found.append(f"{module}: {target}.{alias.name}")
    return found


def class_names(source: str) -> list[str]:
    return [node.name for node in ast.parse(source).body if isinstance(node, ast.ClassDef)]


def duplicated(names_by_module: Mapping[str, Iterable[str]]) -> dict[str, list[str]]:
    where: dict[str, list[str]] = defaultdict(list)
    for module, names in names_by_module.items():
        for name in names:
            where[name].append(module)
    return {name: sorted(mods) for name, mods in where.items() if len(mods) > 1}


def sources() -> dict[str, tuple[str, bool]]:
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        if "migrations" in path.parts:
            continue
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        is_package = parts[-1] == "__init__"
        module = ".".join(parts[:-1] if is_package else parts)
        out[module] = (path.read_text(encoding="utf-8"), is_package)
    return out


# --- the rules over the real package ------------------------------------------------------------------


def test_layers_point_inwards():
    assert layer_violations(edges(), LAYERS, ROOT) == []


def test_web_apps_point_inwards():
    assert layer_violations(edges(), WEB_LAYERS, f"{ROOT}.web") == []


def test_no_module_cycles():
    assert cycles(edges()) == []


def test_no_package_cycles():
    assert cycles(packages(edges())) == []


def test_no_private_names_across_modules():
    found = [hit for module, (text, pkg) in sources().items() for hit in private_imports(text, module, pkg)]
    assert found == []


def test_class_names_are_unique():
    names = {module: class_names(text) for module, (text, _) in sources().items()}
    assert duplicated(names) == {}


def test_every_layer_names_a_real_package():
    for names in LAYERS:
        for name in names:
            assert (PACKAGE / name / "__init__.py").exists(), name
    for names in WEB_LAYERS:
        for name in names:
            assert (PACKAGE / "web" / name / "__init__.py").exists(), name


# --- each rule fails on a planted violation -----------------------------------------------------------


def test_a_planted_upward_import_is_found():
    planted = {
        "kohtaanto.core.language": {"kohtaanto.web.hiring.models"},
        "kohtaanto.web.x": {"kohtaanto.core"},
    }
    assert layer_violations(planted, LAYERS, ROOT) == [
        "kohtaanto.core.language -> kohtaanto.web.hiring.models"
    ]
    planted = {"kohtaanto.web.accounts.models": {"kohtaanto.web.hiring.services"}}
    assert layer_violations(planted, WEB_LAYERS, f"{ROOT}.web") == [
        "kohtaanto.web.accounts.models -> kohtaanto.web.hiring.services"
    ]


def test_a_planted_cycle_is_found():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_grimp_counts_imports_inside_functions(tmp_path, monkeypatch):
    package = tmp_path / "planted_pkg"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "one.py").write_text("def f():\n    from planted_pkg import two\n    return two\n")
    (package / "two.py").write_text("from planted_pkg import one\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    g = grimp.build_graph("planted_pkg", cache_dir=None)
    found = {m: set(g.find_modules_directly_imported_by(m)) for m in g.modules}
    assert cycles(found) == [["planted_pkg.one", "planted_pkg.two"]]


def test_a_planted_package_cycle_is_found():
    planted = {"kohtaanto.web.accounts.models": {"kohtaanto.web.api.errors"}, "kohtaanto.web.api.x": {
        "kohtaanto.web.accounts.services"}}  # fmt: skip
    assert cycles(packages(planted)) == [["kohtaanto.web.accounts", "kohtaanto.web.api"]]


def test_a_planted_private_import_is_found():
    assert private_imports(
        "from kohtaanto.web.hiring.services import _set, publish\n", "kohtaanto.cli.x"
    ) == ["kohtaanto.cli.x: kohtaanto.web.hiring.services._set"]
    assert private_imports("def f():\n    from .runs import _plain\n", "kohtaanto.web.matching.views") == [
        "kohtaanto.web.matching.views: kohtaanto.web.matching.runs._plain"
    ]
    assert private_imports("from kohtaanto.core import language\nimport os._x\n", "kohtaanto.a") == []


def test_a_planted_duplicate_class_is_found():
    names = {"a": class_names("class Job:\n    class Meta: ...\n"), "b": class_names("class Job: ...\n")}
    assert duplicated(names) == {"Job": ["a", "b"]}
    assert Counter(class_names("class Meta: ...\nclass Other: ...\n")) == Counter({"Meta": 1, "Other": 1})
