"""The facilitator's page: participants joined, answers coming in, score distribution, the questions most
missed, results by category, and the room's consensus on the training case, refreshed every few seconds.

It only reads the participants' files; it redraws when one of them changed.
"""

from __future__ import annotations

import asyncio
import contextlib
import html
from datetime import datetime
from pathlib import Path

import ipywidgets as widgets

from auditkit.locale import msg
from auditkit.locale.formats import number
from auditkit.ui.fields import style_sheet
from auditkit.ui.workshop_charts import (
    CHART_STYLE,
    consensus_chart,
    most_missed,
    room_categories,
    score_distribution,
)
from auditkit.ui.workshop_quiz import STYLE, session_folder
from auditkit.workshop.room import RoomSummary, summarise
from auditkit.workshop.session import Workshop, open_workshop
from auditkit.workshop.training import TrainingReference, consensus, load_reference

__all__ = ["DEFAULT_REFRESH_SECONDS", "FacilitatorPage", "facilitator_page"]

DEFAULT_REFRESH_SECONDS = 5.0


class FacilitatorPage:
    """The live view of one session folder."""

    def __init__(self, workshop: Workshop, reference: TrainingReference) -> None:
        self.workshop = workshop
        self.reference = reference
        self.lang = workshop.settings.language
        self.signature: tuple[tuple[str, int], ...] | None = None
        self.counts = widgets.HTML()
        self.counts.add_class("auditkit-room-counts")
        self.people = widgets.HTML()
        self.people.add_class("auditkit-room-participants")
        self.updated = widgets.HTML()
        self.charts = widgets.HTML()
        self.charts.add_class("auditkit-chart")
        self.consensus = widgets.HTML()
        self.consensus.add_class("auditkit-chart")
        self.split = widgets.HTML()
        refresh = widgets.Button(description=self.say("workshop.room.refresh"), icon="refresh")
        refresh.on_click(lambda _button: self.refresh(force=True))
        self.widget = widgets.VBox(
            [
                style_sheet(),
                widgets.HTML(STYLE + CHART_STYLE),
                widgets.HTML(f"<h2>{html.escape(self.say('workshop.room.title'))}</h2>"),
                self.counts,
                widgets.HBox([refresh, self.updated]),
                self.people,
                self.charts,
                widgets.HTML(f"<h2>{html.escape(self.say('workshop.room.consensus'))}</h2>"),
                self.split,
                self.consensus,
            ]
        )
        self.task: asyncio.Task[None] | None = None

    def say(self, message_id: str, **params: object) -> str:
        """A catalogue text in the session's language."""
        return msg(message_id, **params)(self.lang)

    def files_signature(self) -> tuple[tuple[str, int], ...]:
        """The participants' files and their modification times: what changes when anyone writes."""
        folder = self.workshop.participants_folder
        if not folder.is_dir():
            return ()
        found = []
        for path in sorted(folder.glob("*.json")):
            with contextlib.suppress(FileNotFoundError):
                found.append((path.name, path.stat().st_mtime_ns))
        return tuple(found)

    def refresh(self, *, force: bool = False) -> bool:
        """Redraw from the files if one of them changed (or ``force``); whether it redrew."""
        signature = self.files_signature()
        self.updated.value = html.escape(
            self.say("workshop.room.updated", time=datetime.now().strftime("%H:%M:%S"))
        )
        if signature == self.signature and not force:
            return False
        self.signature = signature
        participants = self.workshop.participants()
        room = summarise(self.workshop)
        self.counts.value = self.counts_html(room)
        self.people.value = self.people_html(room)
        self.charts.value = (
            score_distribution(room, self.lang)
            + room_categories(room.categories, self.lang)
            + most_missed(room, self.workshop.bank, self.lang)
            if room.answers_in
            else ""
        )
        agreement = consensus([participant.training for participant in participants], self.reference)
        divided = agreement.split()
        self.split.value = (
            "<p>"
            + html.escape(
                self.say(
                    "workshop.room.split",
                    count=len(divided),
                    rules=[msg(f"rule.{row.rule}.title") for row in divided],
                )
            )
            + "</p>"
            if agreement.participants
            else f"<p>{html.escape(self.say('workshop.room.no_drafts'))}</p>"
        )
        self.consensus.value = consensus_chart(agreement, self.lang) if agreement.participants else ""
        return True

    def counts_html(self, room: RoomSummary) -> str:
        """The headline figures: participants, answers in, participants finished."""
        expected = len(room.participants) * len(room.questions)
        lines = [
            self.say("workshop.room.joined", count=len(room.participants)),
            self.say("workshop.room.answers", count=room.answers_in, expected=number(expected, self.lang)),
            self.say("workshop.room.finished", count=room.finished),
        ]
        return "<p style='font-size:1.4em'>" + " · ".join(html.escape(line) for line in lines) + "</p>"

    def people_html(self, room: RoomSummary) -> str:
        """Who joined, with their progress."""
        if not room.participants:
            return f"<p>{html.escape(self.say('workshop.room.empty'))}</p>"
        rows = "".join(
            f"<tr><td>{html.escape(person.name)}</td><td>{person.answered}/{len(room.questions)}</td>"
            f"<td>{person.right}</td></tr>"
            for person in room.participants
        )
        head = "".join(
            f"<th>{html.escape(self.say(key))}</th>"
            for key in ("workshop.room.name", "workshop.room.answered", "workshop.room.right")
        )
        return f"<table class='auditkit-room-table'><tr>{head}</tr>{rows}</table>"

    def start(self, seconds: float) -> None:
        """Refresh now, then every ``seconds`` while the kernel runs."""
        self.refresh(force=True)
        with contextlib.suppress(RuntimeError):
            self.task = asyncio.get_event_loop().create_task(self.keep_fresh(seconds))

    async def keep_fresh(self, seconds: float) -> None:
        """Check the files every ``seconds`` and redraw when they changed."""
        while True:
            await asyncio.sleep(seconds)
            self.refresh()


def facilitator_page(
    folder: Path | str | None = None, refresh_seconds: float = DEFAULT_REFRESH_SECONDS
) -> widgets.VBox:
    """The facilitator's live view of the session in ``folder`` (by default the app's session folder),
    refreshed every ``refresh_seconds``."""
    page = FacilitatorPage(open_workshop(session_folder(folder)), load_reference())
    page.start(refresh_seconds)
    return page.widget
