"""Checks of the rule ids an audit file names (an obstacle's ``affects``) against the rule registry.

The model only checks how a rule id is written; whether it names a rule of the catalogue needs the
registry, which lives above the model. ``auditkit validate`` reports these problems as warnings.
"""

from __future__ import annotations

from auditkit.errors import Problem
from auditkit.findings import RULES
from auditkit.locale import msg
from auditkit.model import Audit


def unknown_rule_ids(audit: Audit) -> list[Problem]:
    """One problem per rule id in an obstacle's ``affects`` that names no rule, with the valid ids."""
    valid = ", ".join(sorted(RULES))
    return [
        Problem(
            f"strategy.obstacles.{i}.affects.{j}",
            msg("store.check.unknown_rule", id=rule_id, valid=valid),
        )
        for i, obstacle in enumerate(audit.strategy.obstacles)
        for j, rule_id in enumerate(obstacle.affects)
        if rule_id not in RULES
    ]
