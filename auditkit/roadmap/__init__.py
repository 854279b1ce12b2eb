"""The staged roadmap: the audit's findings turned into actions at 1, 3, 6, 9 and 12 months.

The method (DOMAIN §9) asks for a plan, not only a critique: specific steps in specific windows, by
priority, never everything at once. :func:`build_roadmap` builds it from the diagnosis, the channel
recommendations of the scorecard and the consultant's edits stored in the audit file:

* :mod:`~auditkit.roadmap.generate`: one action per rule that fired or channel recommendation, through
  the plan table (:data:`auditkit.plan.PLAN`), in the method's phases: **foundations**, **fixes**,
  **planning**, **growth**, then **review** (the next audit round at month 12);
* :mod:`~auditkit.roadmap.changes` and :mod:`~auditkit.roadmap.edits`: the consultant's moves, edits,
  drops and added actions, and what changed underneath them since;
* :mod:`~auditkit.roadmap.schedule`: each stage capped by the team's hours, what overflows moving later
  or to the backlog, never an action before what it depends on;
* :mod:`~auditkit.roadmap.projection`: the scores each stage is projected to reach;
* :mod:`~auditkit.roadmap.actions`, :mod:`~auditkit.roadmap.stages`: what a roadmap is made of, and
  its JSON; :mod:`~auditkit.roadmap.notes`: what it says about itself. Its texts are ``roadmap.*``
  catalogue messages, rendered in the language the reader asks for.
"""

from auditkit.plan import PLAN, Phase, Step
from auditkit.roadmap.actions import OWNER_ROLES, Action, Change, ChangeKind, Covered
from auditkit.roadmap.build import build_roadmap
from auditkit.roadmap.edits import (
    EDITABLE_FIELDS,
    acknowledge_changes,
    add_action,
    drop_action,
    edit_action,
    move_action,
    remove_action,
    restore_action,
)
from auditkit.roadmap.generate import generated_actions
from auditkit.roadmap.stages import STAGES, Roadmap, Stage

__all__ = [
    "EDITABLE_FIELDS",
    "OWNER_ROLES",
    "PLAN",
    "STAGES",
    "Action",
    "Change",
    "ChangeKind",
    "Covered",
    "Phase",
    "Roadmap",
    "Stage",
    "Step",
    "acknowledge_changes",
    "add_action",
    "build_roadmap",
    "drop_action",
    "edit_action",
    "generated_actions",
    "move_action",
    "remove_action",
    "restore_action",
]
