"""Step 02: the operating environment: the client's industry, its peers and its stakeholders."""

from __future__ import annotations

import ipywidgets as widgets

from auditkit.model import Audit, Level, Peer, PeerPresence, PlatformUse, Stakeholder
from auditkit.platforms import Platform
from auditkit.ui.common import definition_choice, heading, show_definition, step_box
from auditkit.ui.fields import field, field_label, form
from auditkit.ui.lists import ItemList, RowList, compact_row, derived_id, labelled_columns
from auditkit.ui.session import AuditSession, FieldPath

CLIENT_FIELDS = ["industry", "sector", "size", "country", "minors_in_audience"]
PEER_FIELDS = ["name", "relation", "adoption", "note"]
STAKEHOLDER_FIELDS = [
    "name",
    "importance",
    "digital_literacy",
    "engagement",
    "consultation",
    "consultation_note",
]


def _unused_platform(used: list[Platform]) -> Platform:
    return next((platform for platform in Platform if platform not in used), Platform.OTHER_SOCIAL)


def new_peer(audit: Audit, name: str) -> Peer:
    """The peer "Add" appends once its name is typed; its id comes from the name."""
    return Peer(id=derived_id(audit, "peers", name), name=name)


def new_stakeholder(audit: Audit, name: str) -> Stakeholder:
    """The stakeholder "Add" appends once its name is typed; its id comes from the name."""
    return Stakeholder(id=derived_id(audit, "stakeholders", name), name=name)


PRESENCE_COLUMNS = (
    ("platform", "13em"),
    ("handle", "14em"),
    ("audience", "8em"),
    ("posts_per_week", "8em"),
    ("engagement_rate", "10em"),
)
DEFINITION_COLUMN = ("engagement_definition", "16em")
PLATFORM_USE_COLUMNS = (("platform", "13em"), ("share", "8em"), ("level", "10em"))


def presence_row(session: AuditSession, path: FieldPath) -> list[widgets.Widget]:
    """The compact fields of a peer's presence on one platform, and how its engagement rate was computed."""
    definition = definition_choice(session, widgets.Layout(width=DEFINITION_COLUMN[1]))
    definition.options = [(session.say("ui.peer.definition_unknown"), ""), *definition.options]
    show_definition(definition, session.get((*path, "engagement_definition")) or "")

    def record(change: dict[str, object]) -> None:
        session.set((*path, "engagement_definition"), change["new"] or "")

    definition.observe(record, "value")
    return [*compact_row(session, path, PRESENCE_COLUMNS), definition]


def platform_use_row(session: AuditSession, path: FieldPath) -> list[widgets.Widget]:
    """The compact fields of a stakeholder's use of one platform."""
    return compact_row(session, path, PLATFORM_USE_COLUMNS)


def peer_editor(session: AuditSession, index: int) -> widgets.VBox:
    path = ("peers", index)
    presence = RowList(
        session,
        (*path, "presence"),
        label=session.text(field_label("Peer", "presence")),
        row=lambda row_path: presence_row(session, row_path),
        header=labelled_columns(session, (*path, "presence"), (*PRESENCE_COLUMNS, DEFINITION_COLUMN)),
        new_row=lambda audit, _name: PeerPresence(
            platform=_unused_platform([p.platform for p in audit.peers[index].presence])
        ),
    )
    fields = [field(session, (*path, name)).widget for name in PEER_FIELDS]
    return widgets.VBox([*fields, presence.widget])


def stakeholder_editor(session: AuditSession, index: int) -> widgets.VBox:
    path = ("stakeholders", index)
    platforms = RowList(
        session,
        (*path, "platforms"),
        label=session.text(field_label("Stakeholder", "platforms")),
        row=lambda row_path: platform_use_row(session, row_path),
        header=labelled_columns(session, (*path, "platforms"), PLATFORM_USE_COLUMNS),
        new_row=lambda audit, _name: PlatformUse(
            platform=_unused_platform([u.platform for u in audit.stakeholders[index].platforms]),
            level=Level.MEDIUM,
        ),
    )
    fields = [field(session, (*path, name)).widget for name in STAKEHOLDER_FIELDS]
    return widgets.VBox([*fields, platforms.widget])


def environment_step(session: AuditSession) -> widgets.VBox:
    """The client's profile, the peers list and the stakeholders list."""
    peers = ItemList(
        session,
        "peers",
        title=lambda peer: peer.name,
        editor=lambda index: peer_editor(session, index),
        new_item=new_peer,
        placeholder="ui.new.peer",
    )
    stakeholders = ItemList(
        session,
        "stakeholders",
        title=lambda stakeholder: f"{stakeholder.name} ({stakeholder.importance}/5)",
        editor=lambda index: stakeholder_editor(session, index),
        new_item=new_stakeholder,
        placeholder="ui.new.stakeholder",
    )
    return step_box(
        session,
        "environment",
        [
            heading(session.say("ui.environment.client")),
            form(session, ("client",), CLIENT_FIELDS),
            heading(session.say("ui.environment.peers")),
            peers.widget,
            heading(session.say("ui.environment.stakeholders")),
            stakeholders.widget,
        ],
    )
