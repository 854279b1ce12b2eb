"""The base of every section of the audit model, and the checks of ids shared by the sections."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, TypeVar

from pydantic import BaseModel, ConfigDict

from auditkit.errors import InvalidValue, Problem
from auditkit.locale import msg


class AuditModel(BaseModel):
    """Base of every section: unknown fields, NaN and infinite numbers are errors; assignments are validated."""

    model_config = ConfigDict(
        extra="forbid", validate_assignment=True, use_enum_values=False, allow_inf_nan=False
    )


class _HasId(Protocol):
    id: str


_Item = TypeVar("_Item", bound=_HasId)


def check_unique(items: Sequence[_HasId], section: str) -> None:
    seen: set[str] = set()
    for item in items:
        if item.id in seen:
            raise InvalidValue(Problem(section, msg("store.check.id_twice", id=item.id)))
        seen.add(item.id)


def dangling(refs: list[str], known: set[str], where: str) -> list[Problem]:
    valid = ", ".join(sorted(known))
    return [
        Problem(
            f"{where}.{j}",
            msg("store.check.unknown_id", id=ref, valid=valid)
            if known
            else msg("store.check.no_ids", id=ref),
        )
        for j, ref in enumerate(refs)
        if ref not in known
    ]


def by_id(items: Sequence[_Item], item_id: str) -> _Item:
    for item in items:
        if item.id == item_id:
            return item
    raise KeyError(item_id)
