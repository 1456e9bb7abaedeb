"""The five services by name."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from shared.runtime import ServiceSpec
    from shared.settings import ServiceSettings

NAMES = ("intake", "register", "warning", "assessment", "console")


def load(name: str) -> tuple[ServiceSpec, type[ServiceSettings]]:
    """A service's spec and settings class (imported on demand: a process loads only its own)."""
    if name not in NAMES:
        raise KeyError(f"unknown service {name!r}; choose one of {', '.join(NAMES)}")
    module = importlib.import_module(f"services.{name}.main")
    return module.SPEC, module.Settings
