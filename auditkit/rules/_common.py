"""Small helpers shared by the rule modules."""

from __future__ import annotations

from auditkit.diagnose import Context, NotAssessed
from auditkit.i18n import Bilingual, short
from auditkit.model import Channel, Objective, ObjectiveKind


def channel_label(channel: Channel) -> str:
    """A channel's name and platform, e.g. ``Boulangerie Martin (Instagram)``; the name alone if it says it."""
    platform = channel.platform.label
    if platform.split(" (")[0].casefold() in channel.name.casefold():
        return channel.name
    return f"{channel.name} ({platform})"


def objective_label(objective: Objective) -> str:
    """An objective's id and the start of its statement."""
    return f"{objective.id} ({short(objective.statement, 50)})"


def gaps(context: Context, missing: list[str], subjects: list[str], reason: Bilingual) -> list[NotAssessed]:
    """One not-assessed entry for the items of the current rule that lacked data (none if none did)."""
    return [context.not_assessed(missing, reason, subjects)] if missing else []


OBJECTIVE_KINDS: dict[ObjectiveKind, Bilingual] = {
    ObjectiveKind.INSTITUTIONAL: Bilingual(
        en="institutional communication", fr="communication institutionnelle"
    ),
    ObjectiveKind.CUSTOMER_RELATIONS: Bilingual(en="customer relations", fr="relation client"),
    ObjectiveKind.PROSPECTING: Bilingual(en="prospecting", fr="prospection"),
    ObjectiveKind.SALES: Bilingual(en="sales", fr="ventes"),
    ObjectiveKind.LOYALTY: Bilingual(en="loyalty", fr="fidélisation"),
    ObjectiveKind.RECRUITMENT: Bilingual(en="recruitment", fr="recrutement"),
    ObjectiveKind.EMPLOYER_BRAND: Bilingual(en="employer brand", fr="marque employeur"),
    ObjectiveKind.INTERNAL: Bilingual(en="internal communication", fr="communication interne"),
    ObjectiveKind.AWARENESS: Bilingual(en="awareness", fr="notoriété"),
    ObjectiveKind.WEB_TRAFFIC: Bilingual(en="web traffic", fr="trafic web"),
    ObjectiveKind.LISTENING: Bilingual(en="listening", fr="veille"),
}
"""Each kind of objective in words."""
