"""Applying a previewed plan: the only step that changes the audit, and only the channel."""

from __future__ import annotations

import dataclasses

import pytest
from csv_samples import FRENCH_POSTS

from auditkit.csv_import import CsvImportError, apply_plan, plan_import, read_csv, suggest_mapping
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
