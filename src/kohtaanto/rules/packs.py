"""Regional rule packs: an employment area adds its own supports as a folder.

A pack folder has ``pack.yaml`` (name, area, description), ``parameters/`` (dated YAML files,
named ``packs.<name>.<path>``) and ``formulas.py`` with ``supports(situation, law) -> list[Support]``.
Packs are loaded by configuration (``KOHTAANTO_RULE_PACKS``), never discovered implicitly.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import yaml

from kohtaanto.rules.parameters import ParameterError, ParameterSet, load_parameters

BUILTIN = Path(__file__).parent / "packs"


@dataclass(frozen=True)
class RulePack:
    name: str
    area: str
    description: str
    parameters: ParameterSet
    module: ModuleType

    def supports(self, situation: Any, law: Any) -> list[Any]:
        return list(self.module.supports(situation, law))


def load_pack(folder: Path) -> RulePack:
    folder = Path(folder)
    manifest = folder / "pack.yaml"
    if not manifest.exists():
        raise ParameterError(f"{folder}: not a rule pack (pack.yaml is missing)")
    meta = yaml.safe_load(manifest.read_text(encoding="utf-8")) or {}
    name = str(meta.get("name") or "")
    if not name.isidentifier():
        raise ParameterError(f"{manifest}: name must be a simple identifier")
    parameters = load_parameters(folder / "parameters", prefix=f"packs.{name}.")
    spec = importlib.util.spec_from_file_location(f"kohtaanto_pack_{name}", folder / "formulas.py")
    if spec is None or spec.loader is None:
        raise ParameterError(f"{folder}: formulas.py is missing")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    if not hasattr(module, "supports"):
        raise ParameterError(f"{folder / 'formulas.py'}: defines no supports(situation, law)")
    return RulePack(name, str(meta.get("area", "")), str(meta.get("description", "")), parameters, module)


def resolve(spec: str) -> Path:
    """A pack given by path, or by the name of a pack shipped with kohtaanto."""
    path = Path(spec)
    return path if path.exists() else BUILTIN / spec
