"""auditkit: communications and social-media strategy audits, from the audit file to the report.

``auditkit.open(path)`` reads an audit file and returns its :class:`AuditRun`; nothing heavier than the
version is imported until a name is used, so that ``auditkit --version`` stays quick.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from auditkit.model import SCHEMA_VERSION, Audit
    from auditkit.run import AuditRun, open
    from auditkit.store import load, save

__version__ = "0.1.0"

__all__ = ["SCHEMA_VERSION", "Audit", "AuditRun", "__version__", "load", "open", "save"]

_HOMES = {
    "SCHEMA_VERSION": "auditkit.model",
    "Audit": "auditkit.model",
    "AuditRun": "auditkit.run",
    "open": "auditkit.run",
    "load": "auditkit.store",
    "save": "auditkit.store",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'auditkit' has no attribute {name!r}")
    value = getattr(import_module(home), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
