"""Ids derived from names; ids earlier versions froze from placeholder names renamed, references following."""

from __future__ import annotations

from pathlib import Path

import pytest
from synthetic_audits import freeze_id

from auditkit import store
from auditkit.locale.catalogue import ENVIRONMENT, write_po
from auditkit.model import ActionEdit, Audit, GeneratedSnapshot, SetAside
from auditkit.model.ids import derived_id, frozen_ids, rename_placeholder_ids
from auditkit.resources import examples_dir

BAKERY = examples_dir() / "boulangerie-martin.audit.json"


@pytest.fixture
def earlier() -> Audit:
    """The bakery as an earlier version left it: ids frozen from the placeholder names, in both languages,
    referred to by other items, a set-aside finding and an edit of the roadmap."""
    audit = store.load(BAKERY)
    freeze_id(audit, "objectives", 0, "objective", "Fidéliser les clients du quartier d'ici juin")
    freeze_id(audit, "stakeholders", 0, "new-audience", "Parents d'élèves")
    freeze_id(audit, "peers", 0, "nouveau-pair", "Épicerie Dupont")
    freeze_id(audit, "channels", 0, "nouveau-canal", "Café des Arts")
    freeze_id(audit, "channels", 1, "nouveau-canal-2", "Nouveau canal")
    audit.commentary.set_aside = [SetAside(rule="CH-DORMANT", subject="nouveau-canal", reason="Saisonnier")]
    snapshot = GeneratedSnapshot(
        title_en="Invest", title_fr="Investir", fingerprint="0", subjects=["nouveau-canal", "instagram"]
    )
    audit.roadmap.edits = [ActionEdit(action_id="rec-invest", effort_hours=12, base=snapshot)]
    return Audit.model_validate(audit.model_dump())


def test_an_id_frozen_from_a_placeholder_gets_the_id_of_the_real_name_and_references_follow(
    earlier: Audit,
) -> None:
    objective_users = [i for i, c in enumerate(earlier.channels) if "objective" in c.objectives]
    audience_users = [i for i, o in enumerate(earlier.objectives) if "new-audience" in o.stakeholders]
    assert objective_users and audience_users
    renamed = rename_placeholder_ids(earlier)
    Audit.model_validate(earlier.model_dump())

    assert renamed == {
        "objective": "fideliser-les-clients-du-quartier-d-ici",
        "new-audience": "parents-d-eleves",
        "nouveau-pair": "epicerie-dupont",
        "nouveau-canal": "cafe-des-arts",
    }
    assert all(
        "fideliser-les-clients-du-quartier-d-ici" in earlier.channels[i].objectives for i in objective_users
    )
    assert all("parents-d-eleves" in earlier.objectives[i].stakeholders for i in audience_users)
    references = [ref for item in (*earlier.objectives, *earlier.channels) for ref in item.stakeholders]
    assert "new-audience" not in references
    assert earlier.commentary.set_aside[0].subject == "cafe-des-arts"
    base = earlier.roadmap.edits[0].base
    assert base is not None and base.subjects == ["cafe-des-arts", "instagram"]
    assert frozen_ids(earlier) == []


def test_an_item_still_named_by_a_placeholder_keeps_its_id(earlier: Audit) -> None:
    rename_placeholder_ids(earlier)
    kept = earlier.channels[1]
    assert (kept.id, kept.name) == ("nouveau-canal-2", "Nouveau canal")
    earlier.channels[1].name = "New channel 3"
    assert rename_placeholder_ids(earlier) == {}


def test_a_taken_id_gets_a_fresh_one(earlier: Audit) -> None:
    earlier.channels[2].id = "cafe-des-arts"
    renamed = rename_placeholder_ids(earlier)
    assert renamed["nouveau-canal"] == "cafe-des-arts-2"
    assert [c.id for c in earlier.channels].count("cafe-des-arts-2") == 1


def test_ids_given_by_hand_or_from_real_names_are_kept() -> None:
    for path in sorted(examples_dir().glob("*.audit.json")):
        audit = store.load(path)
        assert rename_placeholder_ids(audit) == {}, path.name


def test_derived_ids_take_the_first_words_without_accents(earlier: Audit) -> None:
    assert derived_id(earlier, "peers", "Épicerie  Dupont & fils, rue des Lilas à Lyon") == (
        "epicerie-dupont-fils-rue-des"
    )


def test_the_placeholder_names_of_a_language_added_by_its_catalogue_count_too(
    earlier: Audit, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "de").mkdir()
    with (tmp_path / "de" / "ui.po").open("wb") as out:
        write_po({"ui.new.earlier.channel": "Neuer Kanal"}, "de_DE", out)
    earlier.channels[2].id = "neuer-kanal"
    expected = derived_id(earlier, "channels", earlier.channels[2].name)
    assert "neuer-kanal" not in rename_placeholder_ids(earlier.model_copy(deep=True))
    monkeypatch.setenv(ENVIRONMENT, str(tmp_path))
    assert rename_placeholder_ids(earlier)["neuer-kanal"] == expected
