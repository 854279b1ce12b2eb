"""Small helpers shared by the rule modules."""

from __future__ import annotations

from auditkit.findings import Context, NotAssessed
from auditkit.locale import Message, label, msg
from auditkit.locale.formats import short
from auditkit.model import Channel, Objective


def channel_label(channel: Channel) -> str | Message:
    """A channel's name and platform, e.g. ``Boulangerie Martin (Instagram)``; the name alone if it says it."""
    platform = label(channel.platform)
    if any(platform(lang).split(" (")[0].casefold() in channel.name.casefold() for lang in ("en", "fr")):
        return channel.name
    return msg("rule.channels.with_platform", name=channel.name, platform=platform)


def objective_label(objective: Objective) -> Message:
    """An objective named by the start of its statement, in quotation marks (never by its id)."""
    return msg("rule.objectives.quoted", statement=short(objective.statement.rstrip(" ."), 50))


def gaps(context: Context, missing: list[str], subjects: list[str], reason: Message) -> list[NotAssessed]:
    """One not-assessed entry for the items of the current rule that lacked data (none if none did)."""
    return [context.not_assessed(missing, reason, subjects)] if missing else []
