"""Forgiving input, in process, in French and English: each way of typing a number, the value stored, the
value shown back, the refusals with their example, currencies in words, definitions by name, warnings."""

from __future__ import annotations

import csv
import shutil
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import ipywidgets as widgets
import pytest

from auditkit import store
from auditkit.benchmarks import benchmarks_path
from auditkit.locale import catalogue
from auditkit.model import ObjectiveKind
from auditkit.resources import examples_dir
from auditkit.ui import session as session_module
from auditkit.ui.channels import EngagementEditor
from auditkit.ui.common import ENGAGEMENT_DEFINITIONS, definition_choice, show_definition
from auditkit.ui.environment import platform_use_row
from auditkit.ui.fields import INVALID_CLASS, BoundField, field
from auditkit.ui.scoring import ScoringView
from auditkit.ui.session import AuditSession

FRENCH = "boulangerie-martin.audit.json"
ENGLISH = "st-aidans-college.audit.json"


class _Handle:
    def cancel(self) -> None:
        """Nothing to cancel: the tests never run the delayed save."""


def _never(delay: float, action: Callable[[], None]) -> Any:
    return _Handle()


def folded(text: str) -> str:
    """``text`` with no-break and narrow no-break spaces as plain spaces."""
    return text.replace("\u202f", " ").replace("\u00a0", " ")


def _open(tmp_path: Path, name: str) -> AuditSession:
    path = tmp_path / name
    shutil.copyfile(examples_dir() / name, path)
    return AuditSession(path, timer=_never)


@pytest.fixture
def french(tmp_path: Path) -> Iterator[AuditSession]:
    yield _open(tmp_path, FRENCH)
    session_module._SESSIONS.clear()


@pytest.fixture
def english(tmp_path: Path) -> Iterator[AuditSession]:
    yield _open(tmp_path, ENGLISH)
    session_module._SESSIONS.clear()


@pytest.fixture(params=[FRENCH, ENGLISH], ids=["fr", "en"])
def either(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[AuditSession]:
    yield _open(tmp_path, request.param)
    session_module._SESSIONS.clear()


def bound(session: AuditSession, *path: Any, compact: bool = False) -> BoundField:
    made = field(session, path, compact=compact)
    assert isinstance(made, BoundField)
    return made


def typed(made: BoundField, text: str) -> tuple[Any, str, str | None]:
    """Type ``text`` into the field: the value stored, the text shown back, the error (or None)."""
    made.control.value = text
    return made.session.get(made.path), folded(made.control.value), made.error


# -- numbers --------------------------------------------------------------------------------------------

SHARE = ("stakeholders", 0, "platforms", 0, "share")


@pytest.mark.parametrize(
    ("text", "stored", "shown"),
    [("45 %", 0.45, "45 %"), ("45", 0.45, "45 %"), ("45,5", 0.455, "45,5 %"), ("12.5 %", 0.125, "12,5 %")],
)
def test_a_french_share_is_typed_and_shown_as_a_percentage(
    french: AuditSession, text: str, stored: float, shown: str
) -> None:
    assert typed(bound(french, *SHARE), text) == (pytest.approx(stored), shown, None)


@pytest.mark.parametrize(
    ("text", "stored", "shown"),
    [("45%", 0.45, "45%"), ("45", 0.45, "45%"), ("45.5", 0.455, "45.5%"), ("12,5 %", 0.125, "12.5%")],
)
def test_an_english_share_is_typed_and_shown_as_a_percentage(
    english: AuditSession, text: str, stored: float, shown: str
) -> None:
    assert typed(bound(english, *SHARE), text) == (pytest.approx(stored), shown, None)


def test_a_share_is_shown_as_a_percentage_when_the_form_opens(
    french: AuditSession, english: AuditSession
) -> None:
    assert folded(bound(french, *SHARE).control.value) == "70 %"
    assert folded(bound(english, *SHARE).control.value) == "75%"


@pytest.mark.parametrize(
    ("session_name", "text", "error"),
    [
        ("french", "145 %", "« 145 % » est trop grand (au plus 100 %) : tapez par exemple 45 %."),
        ("english", "145%", "“145%” is too large (at most 100%): type, for example, 45%."),
        (
            "french",
            "beaucoup",
            "« beaucoup » n'est pas un nombre : tapez-le comme vous l'écririez, par exemple 45 %.",
        ),
        ("english", "1,5 h", "“h” is not a unit this field takes: type, for example, 45%."),
    ],
)
def test_a_share_that_cannot_be_read_says_what_would_do(
    request: pytest.FixtureRequest, session_name: str, text: str, error: str
) -> None:
    session: AuditSession = request.getfixturevalue(session_name)
    made = bound(session, *SHARE)
    before = session.get(SHARE)
    stored, shown, message = typed(made, text)
    assert (stored, shown) == (before, text)
    assert message is not None and folded(message) == error
    assert INVALID_CLASS in made.control._dom_classes
    assert 'class="auditkit-error"' in made.message.value


@pytest.mark.parametrize(
    ("session_name", "path", "text", "stored", "shown"),
    [
        ("french", ("channels", 0, "hours_per_week"), "1,5 h", 1.5, "1,5"),
        ("english", ("channels", 0, "hours_per_week"), "1.5 h", 1.5, "1.5"),
        ("french", ("channels", 0, "hours_per_week"), "2h", 2, "2"),
        ("french", ("channels", 0, "monthly_budget"), "1 200 €", 1200, "1 200"),
        ("english", ("channels", 0, "monthly_budget"), "£1,200", 1200, "1,200"),
        ("french", ("channels", 0, "audience_size"), "12k", 12000, "12 000"),
        ("english", ("channels", 0, "audience_size"), "1.2M", 1_200_000, "1,200,000"),
        ("french", ("channels", 0, "posts_per_week"), "6,5", 6.5, "6,5"),
        ("french", ("channels", 0, "posts_per_week"), "6.5", 6.5, "6,5"),
        ("english", ("channels", 0, "posts_per_week"), "6,5", 6.5, "6.5"),
        ("french", ("objectives", 1, "baseline"), "1 200,5", 1200.5, "1 200,5"),
        ("english", ("objectives", 0, "baseline"), "1,200.5", 1200.5, "1,200.5"),
        ("french", ("engagement", "round"), "2", 2, "2"),
    ],
)
def test_numbers_are_typed_as_written_and_shown_back_in_the_audit_language(
    request: pytest.FixtureRequest,
    session_name: str,
    path: tuple[Any, ...],
    text: str,
    stored: float,
    shown: str,
) -> None:
    session: AuditSession = request.getfixturevalue(session_name)
    assert typed(bound(session, *path), text) == (pytest.approx(stored), shown, None)


def test_a_blank_optional_number_is_not_known(either: AuditSession) -> None:
    assert typed(bound(either, "channels", 0, "hours_per_week"), "") == (None, "", None)


def test_a_negative_budget_is_refused_with_an_example_in_the_language(
    french: AuditSession, english: AuditSession
) -> None:
    _, _, error = typed(bound(french, "channels", 0, "monthly_budget"), "-3")
    assert (
        error is not None
        and folded(error) == "« -3 » est trop petit (au moins 0 €) : tapez par exemple 1 200 €."
    )
    _, _, error = typed(bound(english, "channels", 0, "monthly_budget"), "-3")
    assert (
        error is not None and folded(error) == "“-3” is too small (at least 0 £): type, for example, 1,200 £."
    )


def test_the_engagement_rate_stays_a_percentage(french: AuditSession, english: AuditSession) -> None:
    for session, text, shown in ((french, "1,8 %", "1,8 %"), (english, "1.8%", "1.8%")):
        editor = EngagementEditor(session, 0)
        for control in editor.numbers.values():
            control.value = ""
        editor.numbers["rate"].value = text
        assert session.audit.channels[0].engagement.rate == 1.8
        editor.refresh()
        assert folded(editor.numbers["rate"].value) == shown


# -- currency -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["euros", "€", "eur", "Euro", "EUR"])
def test_the_currency_is_understood_in_words(english: AuditSession, text: str) -> None:
    made = bound(english, "engagement", "currency")
    assert typed(made, text) == ("EUR", "EUR", None)
    assert made.control.tooltip == "Euro"


def test_an_unknown_currency_gets_a_hint_naming_the_iso_code(french: AuditSession) -> None:
    made = bound(french, "engagement", "currency")
    stored, _, error = typed(made, "Devise : euros")
    assert stored == "EUR"
    assert error is not None and "tapez son code ISO à trois lettres, par exemple EUR (euro)" in folded(error)
    assert typed(made, "livres sterling")[:2] == ("GBP", "GBP")


# -- choices --------------------------------------------------------------------------------------------


def test_engagement_definitions_are_offered_by_name_with_an_explanation(either: AuditSession) -> None:
    dropdown = definition_choice(either, widgets.Layout())
    labels = [text for text, _ in dropdown.options]
    assert set(ENGAGEMENT_DEFINITIONS) <= {code for _, code in dropdown.options}
    assert not set(labels) & set(ENGAGEMENT_DEFINITIONS)
    own = {channel.engagement.definition for channel in either.audit.channels if channel.engagement}
    assert all("_" not in text for text, code in dropdown.options if code not in own)
    dropdown.value = "socialinsider_er_avg"
    assert "Socialinsider" in dropdown.tooltip and dropdown.tooltip.endswith(".")
    show_definition(dropdown, "my_own_rate")
    assert dropdown.value == "my_own_rate"


def test_the_channel_editor_shows_the_definition_by_name(french: AuditSession) -> None:
    editor = EngagementEditor(french, 0)
    assert editor.definition.value == "rivaliq_er_per_post_by_follower"
    assert editor.definition.label == "Interactions par publication ÷ abonnés (Rival IQ)"
    editor.definition.value = "buffer_er_by_impressions"
    assert french.audit.channels[0].engagement.definition == "buffer_er_by_impressions"


def test_every_packaged_engagement_definition_has_a_name_in_the_catalogue() -> None:
    with benchmarks_path().open(encoding="utf-8") as handle:
        rates = {row["metric"] for row in csv.DictReader(handle) if row["unit"] == "%"}
    assert rates <= set(ENGAGEMENT_DEFINITIONS)
    for lang in ("en", "fr"):
        for code in ENGAGEMENT_DEFINITIONS:
            assert f"ui.definition.{code}" in catalogue(lang) and f"ui.definition.{code}.hint" in catalogue(
                lang
            )


def test_weights_are_shown_and_typed_as_percentages(french: AuditSession, english: AuditSession) -> None:
    for session, shown, text in ((french, "35 %", "40 %"), (english, "35%", "40")):
        view = ScoringView(session)
        slider = view.sliders["fit.reach"]
        row = next(
            box for box in _walk(view.widget) if isinstance(box, widgets.HBox) and slider in box.children
        )
        readout = row.children[1]
        assert not slider.readout and folded(readout.value) == shown
        readout.value = text
        assert slider.value == pytest.approx(0.4)
        assert session.audit.settings.weights["fit.reach"] == pytest.approx(0.4)
        slider.value = 0.15
        assert folded(readout.value) == shown.replace("35", "15")


def _walk(widget: Any) -> Iterator[Any]:
    yield widget
    for child in getattr(widget, "children", ()):
        yield from _walk(child)


# -- warnings -------------------------------------------------------------------------------------------


def test_a_deadline_before_the_audit_date_is_saved_with_a_warning(
    french: AuditSession, english: AuditSession
) -> None:
    made = bound(french, "objectives", 1, "deadline")
    assert made.warning is None
    made.control.value = date(2026, 3, 1)
    assert french.audit.objectives[1].deadline == date(2026, 3, 1) and made.error is None
    assert made.warning is not None and folded(made.warning) == (
        "Cette échéance (1er mars 2026) tombe avant la date de l'audit (15 septembre 2026) : vérifiez l'année."
    )
    assert 'class="auditkit-warning"' in made.message.value
    assert INVALID_CLASS not in made.control._dom_classes
    french.set(("engagement", "audit_date"), date(2026, 1, 15))
    assert made.warning is None and made.message.value == ""
    warned = bound(english, "objectives", 0, "deadline")
    warned.control.value = date(2026, 1, 31)
    assert (
        warned.warning
        == "This deadline (31 January 2026) comes before the audit date (12 June 2026): check the year."
    )


def test_a_growth_target_below_its_baseline_is_warned_where_it_is_typed(french: AuditSession) -> None:
    target, baseline = bound(french, "objectives", 1, "target"), bound(french, "objectives", 1, "baseline")
    assert french.audit.objectives[1].kind is ObjectiveKind.SALES and target.warning is None
    target.control.value = "150"
    assert french.audit.objectives[1].target == 150 and target.error is None
    assert target.warning is not None and folded(target.warning).startswith(
        "La cible (150) est en dessous du point de départ (180), alors qu'un objectif de ce type (ventes)"
    )
    assert baseline.warning is None
    baseline.control.value = "120"
    assert target.warning is None


def test_a_lower_target_is_no_warning_where_the_figure_may_shrink(english: AuditSession) -> None:
    objective = english.audit.objectives[1]
    assert objective.kind is ObjectiveKind.CUSTOMER_RELATIONS
    target = bound(english, "objectives", 1, "target")
    target.control.value = "30"
    assert english.audit.objectives[1].target == 30 and target.warning is None
    english.set(("objectives", 1, "kind"), ObjectiveKind.AWARENESS)
    assert target.warning is not None and target.warning.startswith(
        "The target (30) is below the baseline (61)"
    )


def test_a_share_under_one_percent_asks_whether_a_fraction_was_meant(
    french: AuditSession, english: AuditSession
) -> None:
    made = bound(french, *SHARE)
    assert typed(made, "0,45") == (pytest.approx(0.0045), "0,45 %", None)
    assert (
        made.warning is not None
        and folded(made.warning) == "Cela fait 0,45 % du groupe : pour 45 %, tapez 45 %."
    )
    typed(made, "45")
    assert made.warning is None
    english_share = bound(english, *SHARE)
    typed(english_share, "0.3")
    assert english_share.warning == "That is 0.3% of the group: for 30%, type 30%."


def test_a_message_stays_under_its_column(french: AuditSession) -> None:
    row = platform_use_row(french, ("stakeholders", 0, "platforms", 0))
    share_box = row[1]
    control, slot = share_box.children
    widths = [item.layout.width for item in row]
    control.value = "beaucoup"
    assert 'class="auditkit-error"' in slot.value
    assert slot.layout.width == slot.layout.max_width == control.layout.width
    assert [item.layout.width for item in row] == widths
    labelled = bound(french, "channels", 0, "hours_per_week")
    assert labelled.message.layout.margin.endswith("15em") and labelled.message.layout.width == "12em"


def test_warnings_and_values_reach_the_file_only_when_valid(french: AuditSession) -> None:
    made = bound(french, *SHARE)
    typed(made, "145")
    typed(made, "45 %")
    assert french.flush()
    assert store.load(french.path).stakeholders[0].platforms[0].share == 0.45
