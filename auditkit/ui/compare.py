"""Notebooks 08 and 09: two rounds of a client compared, and every client of the workspace at a glance.

:class:`CompareView` picks two audit files of the workspace folder (by default the current audit and
the round it names as its previous one), shows what changed between them (scores, findings resolved,
new and still open, objectives, the previous roadmap's actions done and overdue, and the trajectory
when the client has three rounds or more between them) and exports the comparison page beside them.
:class:`PortfolioView` lists the latest round of every client of the folder, with a link that opens
each one's audit. Every text is a ``compare.*`` or ``ui.*`` catalogue message.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

import ipywidgets as widgets
from IPython.display import Markdown

from auditkit import store
from auditkit.compare import Trends, comparison_dict, in_round_order, trends_dict
from auditkit.compare.portfolio import ClientRow, Portfolio, gather
from auditkit.errors import AuditkitError
from auditkit.locale import msg
from auditkit.locale.formatter import Formatter
from auditkit.run import AuditRun
from auditkit.ui.common import download_link, heading
from auditkit.ui.fields import style_sheet
from auditkit.ui.session import AuditSession, page_address
from auditkit.ui.steps import STEPS
from auditkit.ui.toolbar import toolbar
from auditkit.ui.workspace import export_name, workspace_path

__all__ = ["CompareView", "PortfolioView", "compare_step", "explain_page", "portfolio_step"]

PAGES = {"compare": 8, "portfolio": 9}
"""The follow-up notebooks, after the guided audit's steps: their numbers."""

_SORTS = ("client", "score", "trend", "critical")


def explain_page(session: AuditSession, page: str) -> Markdown:
    """The page's number, title and explanation in the audit's language (``ui.<page>.title``, ``.intro``)."""
    title, intro = session.say(f"ui.{page}.title"), session.say(f"ui.{page}.intro")
    return Markdown(f"## {PAGES[page]:02d} · {title}\n\n{intro}")  # type: ignore[no-untyped-call]


def _signed(value: float | None, formatter: Formatter) -> str:
    if value is None:
        return "—"
    return ("+" if value > 0 else "") + formatter.decimal(value, 1)


def _table(head: Iterable[str], rows: Iterable[Iterable[str]]) -> str:
    """An HTML table; every cell is escaped here."""
    header = "".join(f"<th>{html.escape(cell)}</th>" for cell in head)
    body = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in rows)
    return f'<table class="auditkit-table"><thead><tr>{header}</tr></thead><tbody>{body}</tbody></table>'


def _findings_html(document: dict[str, Any], t: Any) -> str:
    parts = [f"<h4>{html.escape(t('compare.page.findings'))}</h4>"]
    for group in ("resolved", "new", "persisting"):
        items = document[group]
        parts.append(f"<p><b>{html.escape(t(f'compare.text.{group}', count=len(items)))}</b></p>")
        if items:
            listed = (
                f"{item['title']} ({', '.join(item['subject_names'])})"
                if item["subject_names"]
                else item["title"]
                for item in items
            )
            parts.append("<ul>" + "".join(f"<li>{html.escape(text)}</li>" for text in listed) + "</ul>")
    return "".join(parts)


def comparison_html(trends: Trends, lang: str) -> str:
    """What changed between the last two of ``trends``' rounds, and the trajectory over three or more."""
    formatter = Formatter(lang)
    t = formatter.label
    document = comparison_dict(trends.latest, formatter.code)
    before, after = document["before"], document["after"]
    day = formatter.date
    parts = [
        f"<h3>{html.escape(t('compare.page.title', client=after['client'], before=before['round'], after=after['round']))}</h3>",
        "<p>"
        + html.escape(
            t(
                "compare.page.subtitle",
                before=before["round"],
                after=after["round"],
                before_date=day(trends.latest.before.audit.engagement.audit_date),
                after_date=day(trends.latest.after.audit.engagement.audit_date),
            )
        )
        + "</p>",
        f"<h4>{html.escape(t('compare.page.scores'))}</h4>",
        _table(
            [
                t("compare.page.score"),
                t("compare.page.before"),
                t("compare.page.after"),
                t("compare.page.change"),
            ],
            [
                [
                    s["label"],
                    formatter.number(s["before"]),
                    formatter.number(s["after"]),
                    _signed(s["delta"], formatter),
                ]
                for s in document["scores"]
            ],
        ),
    ]
    levels = document["levels"]
    parts.append(
        "<p>"
        + html.escape(t("compare.page.level", before=levels["before"] or "—", after=levels["after"] or "—"))
        + "</p>"
    )
    parts.append(_findings_html(document, t))
    parts.append(f"<h4>{html.escape(t('compare.page.objectives'))}</h4>")
    parts.append(
        _table(
            [
                t("compare.page.objective"),
                t("compare.page.before"),
                t("compare.page.after"),
                t("compare.page.target"),
                t("compare.page.progress"),
            ],
            [
                [
                    o["statement"],
                    formatter.decimal(o["before"]) if o["before"] is not None else "—",
                    formatter.decimal(o["after"]) if o["after"] is not None else "—",
                    formatter.decimal(o["target"]) if o["target"] is not None else "—",
                    _progress(o, formatter),
                ]
                for o in document["objectives"]
            ],
        )
        if document["objectives"]
        else f"<p>{html.escape(t('compare.page.none'))}</p>"
    )
    parts.append(_actions_html(document, formatter))
    if len(trends.runs) > 2:
        parts.append(_trends_html(trends, formatter))
    return f'<div class="auditkit-compare">{"".join(parts)}</div>'


def _progress(objective: dict[str, Any], formatter: Formatter) -> str:
    value = objective["progress_after"]
    if value is None:
        return formatter.label("compare.page.not_measured")
    state = "compare.page.on_track" if objective["on_track"] else "compare.page.off_track"
    return f"{formatter.percent(value)} · {formatter.label(state)}"


def _actions_html(document: dict[str, Any], formatter: Formatter) -> str:
    t = formatter.label
    done, overdue, total = document["actions_done"], document["actions_overdue"], document["actions"]
    summary = t("compare.page.actions_summary", done=len(done), total=len(total), count=len(overdue))
    parts = [f"<h4>{html.escape(t('compare.page.actions'))}</h4>", f"<p>{html.escape(summary)}</p>"]
    if overdue:
        rows = [
            [a["title"], formatter.date(date.fromisoformat(a["due"])) if a["due"] else "—", a["status_label"]]
            for a in overdue
        ]
        parts.append(
            _table([t("compare.page.overdue"), t("compare.page.due"), t("compare.page.status")], rows)
        )
    return "".join(parts)


def _trends_html(trends: Trends, formatter: Formatter) -> str:
    t = formatter.label
    document = trends_dict(trends)
    head = ["", *(t("compare.page.round", round=item["round"]) for item in document["rounds"])]
    rows = [[t("compare.score.overall"), *(formatter.number(value) for value in document["overall"])]]
    rows += [
        [item["name"], *(formatter.number(value) for value in item["health"])]
        for item in document["channels"]
    ]
    return f"<h4>{html.escape(t('compare.page.trends'))}</h4>" + _table(head, rows)


def _round_label(run: AuditRun, formatter: Formatter) -> str:
    engagement = run.audit.engagement
    name = run.path.name if run.path is not None else ""
    return formatter.label(
        "ui.compare.option",
        client=engagement.client,
        round=engagement.round,
        date=formatter.date(engagement.audit_date),
        name=name,
    )


def _readable(folder: Path) -> list[AuditRun]:
    """The audit files of ``folder`` that can be read, in round order (the others are the portfolio's to list)."""
    runs = []
    for path in sorted(folder.glob(f"*{store.SUFFIX}")):
        try:
            runs.append(AuditRun(store.load(path), path=path))
        except AuditkitError:
            continue
    return in_round_order(runs)


class CompareView:
    """Two rounds of the workspace folder picked, what changed between them, and the comparison's export."""

    def __init__(self, session: AuditSession, folder: Path | None = None) -> None:
        self.session = session
        self.folder = folder or session.path.parent
        say = session.say
        formatter = Formatter(session.language)
        self.runs = {run.path.name: run for run in _readable(self.folder) if run.path is not None}
        options = [(_round_label(run, formatter), name) for name, run in self.runs.items()]
        labelled = {"description_width": "initial"}
        layout = widgets.Layout(width="100%")
        later = session.path.name if session.path.name in self.runs else None
        self.earlier = widgets.Dropdown(
            options=options,
            value=self._previous_of(later),
            description=say("ui.compare.earlier"),
            style=labelled,
            layout=layout,
        )
        self.later = widgets.Dropdown(
            options=options, value=later, description=say("ui.compare.later"), style=labelled, layout=layout
        )
        self.file_name = widgets.Text(
            value=export_name(session.audit.engagement.client, "compare", session.language),
            description=say("ui.common.file_name"),
            style=labelled,
            layout=widgets.Layout(width="24em"),
        )
        self.export_button = widgets.Button(
            description=say("ui.compare.export"),
            icon="download",
            button_style="success",
            layout=widgets.Layout(width="auto"),
        )
        self.export_button.on_click(lambda _: self.export())
        self.message = widgets.HTML()
        self.result = widgets.HTML(layout=widgets.Layout(width="100%"))
        for picker in (self.earlier, self.later):
            picker.observe(lambda _change: self.show(), "value")
        self.widget = widgets.VBox(
            [
                heading(say("ui.compare.rounds")),
                self.earlier,
                self.later,
                self.result,
                heading(say("ui.compare.export_heading")),
                widgets.HBox([self.file_name, self.export_button]),
                self.message,
            ],
            layout=widgets.Layout(width="100%"),
        )
        self.show()

    def _previous_of(self, name: str | None) -> str | None:
        """The round ``name`` names as its previous one when it is in the folder, else the client's round
        just before it."""
        if name is None:
            return None
        run = self.runs[name]
        reference = run.audit.engagement.previous_round
        if reference and Path(reference).name in self.runs and Path(reference).name != name:
            return Path(reference).name
        client = run.audit.engagement.client
        names = [n for n, other in self.runs.items() if other.audit.engagement.client == client]
        position = names.index(name)
        return names[position - 1] if position > 0 else None

    def trends(self) -> Trends:
        """The chosen rounds and the client's rounds between them, oldest first.

        Raises:
            AuditkitError: two rounds are not chosen, the same one is chosen twice, or they are of two clients.
        """
        if self.earlier.value is None or self.later.value is None:
            raise AuditkitError(msg("ui.compare.choose_two"))
        if self.earlier.value == self.later.value:
            raise AuditkitError(msg("ui.compare.same"))
        chosen = in_round_order([self.runs[self.earlier.value], self.runs[self.later.value]])
        clients = sorted({run.audit.engagement.client for run in chosen})
        if len(clients) > 1:
            raise AuditkitError(msg("compare.cli.clients_differ", clients=clients))
        names = list(self.runs)
        first, last = names.index(chosen[0].path.name), names.index(chosen[1].path.name)  # type: ignore[union-attr]
        between = [
            run
            for run in list(self.runs.values())[first : last + 1]
            if run.audit.engagement.client == clients[0]
        ]
        return Trends(between)

    def show(self) -> bool:
        """Compare the chosen rounds and show the result (or why they cannot be compared)."""
        try:
            self.result.value = comparison_html(self.trends(), self.session.language)
        except AuditkitError as error:
            self.result.value = (
                f'<p class="auditkit-notice">{html.escape(self.session.error_text(error))}</p>'
            )
            return False
        return True

    def export(self) -> Path | None:
        """Write the comparison page in the folder, under the name typed (see :func:`workspace_path`)."""
        from auditkit.report.compare_page import render_compare

        try:
            trends = self.trends()
            path = workspace_path(self.folder, self.file_name.value.strip(), ".html")
            store.check_replaceable(path)
            store.write_atomically(path, render_compare(trends, self.session.language))
        except (AuditkitError, OSError) as error:
            self.message.value = (
                f'<span class="auditkit-error">⚠ {html.escape(self.session.error_text(error))}</span>'
            )
            return None
        written = html.escape(self.session.say("ui.common.written", paths=path.name))
        self.message.value = f"{written}<br>{download_link(self.session, path)}"
        return path


def _page_box(session: AuditSession, page: str, children: list[widgets.Widget]) -> widgets.VBox:
    """The frame of a follow-up page, as a step's: style sheet, the bar (save status, undo, presentation
    mode), then the page's widgets."""
    box = widgets.VBox([style_sheet(), toolbar(session), *children], layout=widgets.Layout(width="100%"))
    box.add_class("auditkit-step")
    box.add_class(f"auditkit-step-{page}")
    return box


def compare_step(session: AuditSession) -> widgets.VBox:
    """Notebook 08: two rounds compared, and the comparison exported."""
    return _page_box(session, "compare", [CompareView(session).widget])


def _row_cells(row: ClientRow, formatter: Formatter, folder: Path) -> str:
    engagement = row.run.audit.engagement
    trend = (
        _signed(row.trend, formatter)
        if row.trend is not None
        else formatter.label("compare.portfolio.first_round")
    )
    actions = "".join(
        f"<li>{html.escape(title)}{f' ({html.escape(formatter.date(due))})' if due else ''}</li>"
        for title, due in row.next_actions
    )
    link = ""
    if row.run.path is not None:
        address = page_address(STEPS[0].notebook, row.run.path, folder)
        link = f'<a href="{html.escape(address, quote=True)}" target="_blank">{html.escape(formatter.label("ui.portfolio.open"))}</a>'
    cells = [
        html.escape(row.client),
        str(engagement.round),
        html.escape(formatter.date(engagement.audit_date)),
        str(row.level or "—"),
        html.escape(formatter.number(row.overall)),
        html.escape(trend),
        str(row.critical),
        f"<ul>{actions}</ul>",
        link,
    ]
    return "<tr>" + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>"


def _sorted(rows: Iterable[ClientRow], key: str) -> list[ClientRow]:
    if key == "client":
        return sorted(rows, key=lambda row: row.client.casefold())

    def figure(row: ClientRow) -> float | None:
        return {"score": row.overall, "trend": row.trend, "critical": float(row.critical)}[key]

    return sorted(rows, key=lambda row: (figure(row) is None, -(figure(row) or 0), row.client.casefold()))


class PortfolioView:
    """The latest round of every client of the workspace folder, filtered by name and sorted."""

    def __init__(self, session: AuditSession, folder: Path | None = None) -> None:
        self.session = session
        self.folder = folder or session.path.parent
        self.formatter = Formatter(session.language)
        t = self.formatter.label
        self.portfolio: Portfolio = gather(self.folder)
        labelled = {"description_width": "initial"}
        self.filter = widgets.Text(
            description=t("compare.portfolio.filter"),
            placeholder=t("compare.portfolio.filter_placeholder"),
            style=labelled,
        )
        self.sort = widgets.Dropdown(
            options=[(t(f"compare.portfolio.{key}"), key) for key in _SORTS],
            value="client",
            description=t("ui.portfolio.sort"),
            style=labelled,
        )
        self.table = widgets.HTML(layout=widgets.Layout(width="100%"))
        for control in (self.filter, self.sort):
            control.observe(lambda _change: self.show(), "value")
        self.widget = widgets.VBox(
            [
                heading(t("compare.portfolio.lead", count=len(self.portfolio.clients))),
                widgets.HBox([self.filter, self.sort]),
                self.table,
                widgets.HTML(self._errors_html()),
            ],
            layout=widgets.Layout(width="100%"),
        )
        self.show()

    def rows(self) -> list[ClientRow]:
        """The clients whose name holds the filter's text, in the chosen order."""
        wanted = " ".join(self.filter.value.casefold().split())
        kept = [row for row in self.portfolio.clients if wanted in " ".join(row.client.casefold().split())]
        return _sorted(kept, self.sort.value)

    def show(self) -> None:
        t = self.formatter.label
        keys = ("client", "round", "date", "level", "score", "trend", "critical", "next")
        head = "".join(f"<th>{html.escape(t(f'compare.portfolio.{key}'))}</th>" for key in keys) + "<th></th>"
        body = "".join(_row_cells(row, self.formatter, self.folder) for row in self.rows())
        self.table.value = (
            f'<table class="auditkit-table"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'
        )

    def _errors_html(self) -> str:
        errors = self.portfolio.errors
        if not errors:
            return ""
        t = self.formatter.label
        items = "".join(
            f"<li>{html.escape(problem.path.name)}: {html.escape(problem.text(self.session.language))}</li>"
            for problem in errors
        )
        return f"<h4>{html.escape(t('compare.portfolio.errors', count=len(errors)))}</h4><ul>{items}</ul>"


def portfolio_step(session: AuditSession) -> widgets.VBox:
    """Notebook 09: every client of the workspace folder, with a link that opens each one's audit."""
    return _page_box(session, "portfolio", [PortfolioView(session).widget])
