"""Applying a previewed plan: the only step that changes the audit, and only the channel."""

from __future__ import annotations

import dataclasses

import pytest
from csv_samples import FRENCH_POSTS

from auditkit.csv_import import CsvImportError, apply_plan, plan_import, read_csv, suggest_mapping, undo_plan
from auditkit.model import Audit


def test_preview_changes_nothing_and_apply_changes_only_the_channel(audit: Audit) -> None:
    before = audit.model_dump()
    table = read_csv(FRENCH_POSTS.encode("utf-8"), "export.csv")
    plan = plan_import(audit, "facebook", table, suggest_mapping(table))
    assert audit.model_dump() == before
    updated = apply_plan(audit, plan)
    assert audit.model_dump() == before
    assert updated.channel("facebook").audience_size == 1210
    assert updated.channel("instagram") == audit.channel("instagram")
    assert updated.model_dump(exclude={"channels"}) == audit.model_dump(exclude={"channels"})


def test_a_channel_that_moved_since_the_preview_is_refused(audit: Audit) -> None:
    table = read_csv(FRENCH_POSTS.encode("utf-8"), "export.csv")
    plan = plan_import(audit, "facebook", table, suggest_mapping(table))
    with pytest.raises(CsvImportError) as caught:
        apply_plan(audit, dataclasses.replace(plan, channel_index=1))
    assert str(caught.value) == "export.csv: the channel 'facebook' moved since the preview; preview again"
    assert "prévisualisez à nouveau" in caught.value.text("fr")


def test_undo_puts_back_the_values_the_import_changed(audit: Audit) -> None:
    table = read_csv(FRENCH_POSTS.encode("utf-8"), "export.csv")
    plan = plan_import(audit, "facebook", table, suggest_mapping(table))
    assert [(change.field, change.old) for change in plan.changes][:2] == [
        ("channels.0.last_post", None),
        ("channels.0.audience_size", 900),
    ]
    imported = apply_plan(audit, plan)
    assert imported.channel("facebook").audience_size == 1210
    assert undo_plan(imported, plan).model_dump() == audit.model_dump()


def test_undo_refuses_when_the_channel_is_no_longer_there(audit: Audit) -> None:
    table = read_csv(FRENCH_POSTS.encode("utf-8"), "export.csv")
    plan = plan_import(audit, "facebook", table, suggest_mapping(table))
    imported = apply_plan(audit, plan)
    imported.channels = imported.channels[1:]
    with pytest.raises(CsvImportError, match="the channel 'facebook' moved"):
        undo_plan(imported, plan)
