"""Audits the roadmap tests build on: the bundled examples, synthetic ones, and bare ones."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from auditkit import store
from auditkit.diagnose import Finding, Severity, Theme
from auditkit.model import (
    Audit,
    Channel,
    ClientProfile,
    Engagement,
    IndustryKind,
    Objective,
    ObjectiveKind,
    Organisation,
    OrganisationSize,
    PlatformUse,
    Stakeholder,
)
from auditkit.platforms import Platform
from auditkit.resources import example_audits
from auditkit.roadmap import Action, Roadmap
from auditkit.roadmap.texts import Written
from benchmarks.synthetic import large_audit

EXAMPLES = example_audits()
_SPACES = re.compile(r"[\s\u00a0\u202f]+")


def example(name: str) -> Audit:
    return store.load(next(path for path in EXAMPLES if path.name.startswith(name)))


def documented_bakery() -> Audit:
    """The bakery as a medium-sized business: every missing strategy component is an action of its own."""
    audit = example("boulangerie-martin.")
    audit.client.size = OrganisationSize.MEDIUM
    return audit


def with_hours(audit: Audit, hours: float | None) -> Audit:
    copy = audit.model_copy(deep=True)
    copy.organisation.hours_per_week = hours
    return copy


def every_audit() -> Iterator[tuple[str, Audit]]:
    """The bundled examples and synthetic audits, each at several team capacities."""
    audits = [(path.name, store.load(path)) for path in EXAMPLES]
    audits += [(f"synthetic-{seed}", large_audit(seed=seed)) for seed in range(4)]
    for name, audit in audits:
        for hours in (None, 1.0, 6.0, 40.0):
            yield f"{name}@{hours}h", with_hours(audit, hours)


def scheduled(roadmap: Roadmap) -> list[Action]:
    return [*roadmap.actions, *roadmap.backlog]


def bare_audit(**organisation: object) -> Audit:
    """No objective, no audience, no channel: the critical findings of a strategy that does not exist."""
    return Audit(
        engagement=Engagement(client="Atelier Test", audit_date=date(2026, 1, 15)),
        client=ClientProfile(industry=IndustryKind.COMMERCIAL_B2C),
        organisation=Organisation(**organisation),
    )


def finding(rule: str, severity: Severity = Severity.MAJOR, subjects: tuple[str, ...] = ()) -> Finding:
    text = Written(texts={"en": f"{rule} fired", "fr": f"{rule} constaté"})
    return Finding(rule, severity, Theme.STRATEGY, text, text, (), ("004",), text, subjects)


def not_now_audit(hours: float) -> Audit:
    return Audit(
        engagement=Engagement(client="Cabinet Notarial", audit_date=date(2026, 2, 1)),
        client=ClientProfile(industry=IndustryKind.COMMERCIAL_B2B),
        objectives=[
            Objective(id="clients", statement="Keep our clients.", kind=ObjectiveKind.LOYALTY, primary=True,
                      stakeholders=["retirees"])
        ],
        stakeholders=[
            Stakeholder(id="retirees", name="Retired clients", importance=5,
                        platforms=[PlatformUse(platform=Platform.FACEBOOK, share=0.05)])
        ],
        channels=[Channel(id="letter", name="Client letter", platform=Platform.NEWSLETTER, objectives=["clients"])],
        organisation=Organisation(hours_per_week=hours),
    )  # fmt: skip


def spaced(text: str) -> str:
    """``text`` with every kind of space as a plain one (French typography uses no-break spaces)."""
    return _SPACES.sub(" ", text)
