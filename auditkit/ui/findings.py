"""The findings of the diagnosis, each of which the consultant may set aside with a reason, and restore.

A finding set aside leaves the findings, the scores and the roadmap, and the report lists it with the
reason in an appendix (see :class:`auditkit.model.SetAside`). The entry is saved in the audit file
through the session, so it survives re-running the notebook and regenerating the report.
"""

from __future__ import annotations

import html
from datetime import date

import ipywidgets as widgets

from auditkit.diagnose import Diagnosis, Finding, diagnose
from auditkit.errors import AuditkitError
from auditkit.findings import RULES
from auditkit.locale import msg
from auditkit.locale.formats import day as written_day
from auditkit.model import Audit, SetAside
from auditkit.report.markdown import render_markdown
from auditkit.ui.common import heading
from auditkit.ui.layouts import fixed_layout, plain_button_style, plain_text_style
from auditkit.ui.session import AuditSession, Event


def subject_of(finding: Finding) -> str | None:
    """The subject a "set aside" entry names for ``finding``: its first subject, none when audit-wide."""
    return finding.subjects[0] if finding.subjects else None


def _names(audit: Audit) -> dict[str, str]:
    names = {
        item.id: item.name
        for section in (audit.channels, audit.stakeholders, audit.peers)
        for item in section
    }
    names.update((objective.id, objective.statement) for objective in audit.objectives)
    return names


def _without(audit: Audit, rule: str, subject: str | None) -> list[SetAside]:
    return [entry for entry in audit.commentary.set_aside if (entry.rule, entry.subject) != (rule, subject)]


class FindingsView:
    """Every finding with "set aside…" (a reason is required), and the findings set aside with "restore"."""

    def __init__(self, session: AuditSession) -> None:
        self.session = session
        self.diagnosis: Diagnosis | None = None
        self.message = widgets.HTML()
        self.findings = widgets.VBox()
        self.set_aside = widgets.VBox()
        self._key = ""
        self.widget = widgets.VBox(
            [
                heading(session.say("ui.findings.heading")),
                widgets.HTML(
                    f'<span class="auditkit-hint">{html.escape(session.say("ui.findings.hint"))}</span>'
                ),
                self.message,
                self.findings,
                heading(session.say("ui.findings.set_aside_heading"), 4),
                self.set_aside,
            ]
        )
        self.refresh()
        session.on_change(self._on_session)

    def refresh(self) -> None:
        """Diagnose the audit again and show its findings and the findings set aside."""
        audit = self.session.audit
        self._key = _key(audit)
        try:
            self.diagnosis = diagnose(audit)
        except AuditkitError as error:
            self.message.value = (
                f'<span class="auditkit-error">⚠ {html.escape(self.session.error_text(error))}</span>'
            )
            return
        self.message.value = ""
        names = _names(audit)
        self.findings.children = [
            self._finding_row(finding, names) for finding in self.diagnosis.findings
        ] or [widgets.HTML(html.escape(self.session.say("ui.findings.none")))]
        used = {(item.entry.rule, item.entry.subject) for item in self.diagnosis.set_aside}
        rows = [self._set_aside_row(item.finding, item.entry, names) for item in self.diagnosis.set_aside]
        rows += [
            self._unused_row(entry)
            for entry in audit.commentary.set_aside
            if (entry.rule, entry.subject) not in used
        ]
        self.set_aside.children = rows or [
            widgets.HTML(html.escape(self.session.say("ui.findings.none_set_aside")))
        ]

    def set_aside_finding(self, finding: Finding, reason: str) -> str | None:
        """Set ``finding`` aside with ``reason``; the reason it was refused, or None."""
        if not reason.strip():
            return self.session.say("ui.findings.reason_required")
        rule, subject = finding.rule, subject_of(finding)
        entry = SetAside(
            rule=rule,
            subject=subject,
            reason=reason.strip(),
            by=self.session.audit.engagement.consultant,
            on=date.today(),
        )

        def add(audit: Audit) -> None:
            audit.commentary.set_aside = [*_without(audit, rule, subject), entry]

        return self.session.problems_text(self.session.edit(add)) or None

    def restore(self, rule: str, subject: str | None) -> None:
        """Take back the entry that set aside the findings of ``rule`` about ``subject``."""

        def remove(audit: Audit) -> None:
            audit.commentary.set_aside = _without(audit, rule, subject)

        self.session.edit(remove)

    def _describe(self, finding: Finding, names: dict[str, str]) -> str:
        lang = self.session.language
        concerned = ", ".join(names.get(subject, subject) for subject in finding.subjects)
        about = concerned or self.session.say("ui.findings.audit_wide")
        return (
            f"<b>{html.escape(finding.severity.label(lang))}</b> · {html.escape(finding.title(lang))}"
            f' <span class="auditkit-id">({html.escape(about)})</span>'
        )

    def _finding_row(self, finding: Finding, names: dict[str, str]) -> widgets.VBox:
        """The finding's line; its "set aside" form is built under it when first asked for."""
        open_form = self._button_of(self.session.say("ui.findings.set_aside"), "eye-slash")
        open_form.add_class("auditkit-set-aside")
        line = widgets.HBox([open_form, self._html(self._describe(finding, names))], layout=fixed_layout())
        row = widgets.VBox([line], layout=fixed_layout())
        row.add_class("auditkit-finding")
        open_form.on_click(lambda _: self._open_form(row, finding))
        return row

    def _open_form(self, row: widgets.VBox, finding: Finding) -> None:
        if len(row.children) > 1:
            row.children[1].layout.display = "flex"
            return
        say = self.session.say
        reason = widgets.Textarea(
            placeholder=say("ui.findings.reason"), rows=2, layout=widgets.Layout(width="36em")
        )
        reason.add_class("auditkit-prose")
        feedback = widgets.HTML()
        confirm = widgets.Button(
            description=say("ui.findings.confirm"),
            button_style="warning",
            layout=widgets.Layout(width="auto"),
        )
        cancel = widgets.Button(description=say("ui.findings.cancel"), layout=widgets.Layout(width="auto"))
        form = widgets.VBox([reason, widgets.HBox([confirm, cancel]), feedback])

        def hide_form(_: object) -> None:
            form.layout.display = "none"
            feedback.value = ""

        def submit(_: object) -> None:
            refused = self.set_aside_finding(finding, reason.value)
            if refused:
                feedback.value = f'<span class="auditkit-error">⚠ {html.escape(refused)}</span>'

        cancel.on_click(hide_form)
        confirm.on_click(submit)
        form.layout.display = "flex"
        row.children = [row.children[0], form]

    def _set_aside_row(self, finding: Finding, entry: SetAside, names: dict[str, str]) -> widgets.Widget:
        lang = self.session.language
        signed = ", ".join(part for part in (entry.by, self._day(entry.on)) if part)
        reason = str(render_markdown(entry.reason, lang))
        text = f"{self._describe(finding, names)}<div class='auditkit-preview'>{reason}</div>"
        if signed:
            text += f'<span class="auditkit-id">{html.escape(signed)}</span>'
        return self._with_restore(text, entry, "ui.findings.restore")

    def _unused_row(self, entry: SetAside) -> widgets.Widget:
        title = msg(f"rule.{entry.rule}.title")(self.session.language) if entry.rule in RULES else entry.rule
        about = f" ({entry.subject})" if entry.subject else ""
        text = (
            f"{html.escape(title + about)}"
            f'<br><span class="auditkit-warning">△ {html.escape(self.session.say("ui.findings.unused"))}</span>'
        )
        return self._with_restore(text, entry, "ui.findings.remove")

    def _with_restore(self, text: str, entry: SetAside, button: str) -> widgets.Widget:
        restore = self._button_of(self.session.say(button), "undo")
        restore.add_class("auditkit-restore")
        restore.on_click(lambda _: self.restore(entry.rule, entry.subject))
        row = widgets.HBox([restore, self._html(text)], layout=fixed_layout())
        row.add_class("auditkit-set-aside-finding")
        return row

    def _button_of(self, description: str, icon: str) -> widgets.Button:
        """A button of a finding's line; the lines share their layouts and styles, none of which ever
        changes (a finding costs the browser four widgets, not ten)."""
        return widgets.Button(
            description=description, icon=icon, layout=fixed_layout(width="auto"), style=plain_button_style()
        )

    def _html(self, text: str) -> widgets.HTML:
        return widgets.HTML(text, layout=fixed_layout(), style=plain_text_style())

    def _day(self, day: date | None) -> str:
        return written_day(day, self.session.language) if day else ""

    def _on_session(self, event: Event) -> None:
        if event is Event.SAVED:
            return
        if event is Event.RELOAD or _key(self.session.audit) != self._key:
            self.refresh()


def _key(audit: Audit) -> str:
    """What the findings depend on: the audit without the consultant's texts (typing them changes nothing)."""
    return audit.model_dump_json(
        exclude={"revision": True, "saved_at": True, "commentary": {"summary", "sections"}}
    )
