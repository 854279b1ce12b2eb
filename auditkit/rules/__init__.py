"""The rules of the method's catalogue, one module per theme, registered in :data:`auditkit.findings.RULES`.

The modules are imported in catalogue order (the order of ``shared/DOMAIN.md``), which is the order
of the registry and of findings of equal severity. To add a rule, add one function decorated with
:func:`auditkit.findings.rule` to the module of its theme, its texts ``rule.<ID>.*`` to the ``rules``
catalogues, and its tests.
"""

from importlib import import_module

MODULES = (
    "objectives",
    "indicators",
    "environment",
    "channel_choice",
    "channel_upkeep",
    "strategy",
    "organisation",
    "safeguarding",
    "practices",
    "decision",
)
"""The rule modules, in catalogue order."""

for _module in MODULES:
    import_module(f"{__name__}.{_module}")
