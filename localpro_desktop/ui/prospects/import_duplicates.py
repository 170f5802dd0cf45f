"""The import wizard's third step: what to do with rows that already exist.

Answered with a dry run of the whole import (nothing written), so the user sees each
policy's outcome before choosing it.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QLabel,
    QProgressBar,
    QRadioButton,
    QVBoxLayout,
    QWizardPage,
)

from localpro_desktop.domain.plans import PlanLimitError
from localpro_desktop.services.importing.importer import DuplicatePolicy, ImportReport, import_file
from localpro_desktop.ui import formatting as fmt
from localpro_desktop.ui.prospects import texts
from localpro_desktop.ui.prospects.background import run_for
from localpro_desktop.ui.prospects.editor import LimitHit
from localpro_desktop.ui.style import ERROR_COLOR, MUTED_COLOR
from localpro_desktop.ui.tasks import TaskHandle, Wants
from localpro_desktop.ui.widgets import WARN_COLOR

if TYPE_CHECKING:
    from localpro_desktop.ui.prospects.import_wizard import ImportWizard


MATCHES_SHOWN = 5  # duplicates listed with what they matched before "… and N more"


@dataclass(frozen=True)
class DryRun:
    report: ImportReport | None
    limit: LimitHit | None


# -- 3. duplicates ------------------------------------------------------------------


class DuplicatesPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("Rows you already have"))
        self.setSubTitle(
            self.tr(
                "A row is a duplicate when its phone, its e-mail or its name in the same city "
                "matches a record you have or an earlier row of the file. What should happen "
                "to those rows?"
            )
        )
        self.setCommitPage(True)
        self.dry: DryRun | None = None
        self._handle: TaskHandle | None = None
        self._request = 0
        self.radios: dict[DuplicatePolicy, QRadioButton] = {
            DuplicatePolicy.SKIP: QRadioButton(self.tr("Skip them — keep what I have, unchanged")),
            DuplicatePolicy.UPDATE: QRadioButton(
                self.tr("Update them — the file's values replace mine")
            ),
            DuplicatePolicy.MERGE: QRadioButton(
                self.tr("Fill the gaps — only add what my records lack; tags are combined")
            ),
        }
        self.radios[DuplicatePolicy.SKIP].setChecked(True)
        self.group = QButtonGroup(self)
        layout = QVBoxLayout(self)
        for radio in self.radios.values():
            self.group.addButton(radio)
            layout.addWidget(radio)
        layout.addSpacing(12)
        self.summary_title = QLabel(self.tr("What the import will do"))
        self.summary_title.setStyleSheet("font-weight: 600;")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumHeight(10)
        self.busy.setTextVisible(False)
        layout.addWidget(self.summary_title)
        layout.addWidget(self.busy)
        layout.addWidget(self.summary)
        layout.addStretch(1)
        self.group.buttonToggled.connect(self._policy_changed)

    def initializePage(self) -> None:
        self._dry_run()

    def _policy_changed(self, _button: object, checked: bool) -> None:
        if checked:
            self.wiz.policy = next(p for p, r in self.radios.items() if r.isChecked())
            if self.wiz.currentPage() is self:
                self._dry_run()

    def stop(self) -> None:
        if self._handle is not None:
            self._handle.cancel()
            self._handle = None

    def _dry_run(self) -> None:
        """The real import with ``dry_run=True``: exact counts, nothing written."""
        self.stop()
        self._request += 1
        request = self._request
        self.dry = None
        self.busy.show()
        self.summary.setStyleSheet(f"color: {MUTED_COLOR};")
        self.summary.setText(self.tr("Checking every row of the file…"))
        self.completeChanged.emit()
        ws, kind, path = self.wiz.ctx.ws, self.wiz.kind, self.wiz.path
        policy, overrides = self.wiz.policy, self.wiz.overrides()
        preset = self.wiz.preset
        assert path is not None

        def check(progress: Any, cancel: Any) -> DryRun:
            try:
                report = import_file(
                    ws,
                    kind,
                    path,
                    on_duplicate=policy,
                    dry_run=True,
                    overrides=overrides,
                    preset=preset,
                    progress=progress,
                    cancel=cancel,
                )
            except PlanLimitError as exc:
                return DryRun(None, LimitHit(exc.check))
            return DryRun(report, None)

        self._handle = run_for(
            self,
            self.wiz.ctx.runner,
            check,
            wants=Wants.PROGRESS | Wants.CANCEL,
            on_done=lambda dry: self._checked(request, dry),
            on_error=lambda message, _bug: self._failed(request, message),
        )

    def _checked(self, request: int, dry: DryRun) -> None:
        if request != self._request:
            return
        self._handle = None
        self.busy.hide()
        self.dry = dry
        if dry.limit is not None:
            self.summary.setStyleSheet(f"color: {ERROR_COLOR};")
            self.summary.setText(texts.plan_limit_message(dry.limit.check))
        else:
            assert dry.report is not None
            self.summary.setStyleSheet("")
            self.summary.setText(self._describe(dry.report))
        self.completeChanged.emit()

    def _failed(self, request: int, message: str) -> None:
        if request != self._request:
            return  # a run for an older choice, cancelled when the choice changed
        self._handle = None
        self.busy.hide()
        self.summary.setStyleSheet(f"color: {ERROR_COLOR};")
        self.summary.setText(message)
        self.completeChanged.emit()

    def _describe(self, report: ImportReport) -> str:
        """Lines shaped "label: number" read right in both languages whatever the count."""
        n = fmt.number
        lines = [
            self.tr("Rows in the file: {count}").format(count=n(report.total_rows)),
            self.tr("New records to add: <b>{count}</b>").format(count=n(report.created)),
        ]
        # A row repeating an earlier row of the file is not a record the user has.
        found = sum(1 for p in report.duplicates if p.matched_row is None)
        repeats = len(report.duplicates) - found
        if not found:
            lines.append(self.tr("Rows matching records you have: none"))
        elif self.wiz.policy is DuplicatePolicy.SKIP:
            lines.append(
                self.tr("Rows matching records you have: {count}, to skip").format(count=n(found))
            )
        else:
            lines.append(
                self.tr(
                    "Rows matching records you have: {count} ({updated} to update, "
                    "{unchanged} already up to date)"
                ).format(count=n(found), updated=n(report.updated), unchanged=n(report.unchanged))
            )
        if repeats:
            lines.append(
                (
                    self.tr("Rows repeating an earlier row of the file: {count}, to skip")
                    if self.wiz.policy is DuplicatePolicy.SKIP
                    else self.tr(
                        "Rows repeating an earlier row of the file: {count}, combined with it"
                    )
                ).format(count=n(repeats))
            )
        if report.rejected:
            lines.append(
                f"<span style='color:{ERROR_COLOR}'>"
                + self.tr("Rows that cannot be imported: {count} (listed at the end)").format(
                    count=n(len(report.rejected))
                )
                + "</span>"
            )
        if report.warnings:
            lines.append(
                f"<span style='color:{WARN_COLOR}'>"
                + self.tr("Values imported but to check: {count}").format(
                    count=n(len(report.warnings))
                )
                + "</span>"
            )
        return "<br>".join(f"• {line}" for line in lines) + self._matches(report)

    def _matches(self, report: ImportReport) -> str:
        """The first duplicates, each with what it matched; the report lists them all."""
        if not report.duplicates:
            return ""
        shown = report.duplicates[:MATCHES_SHOWN]
        lines = [
            self.tr("Row {row}: {match}").format(
                row=p.row, match=html.escape(texts.duplicate_match(p), quote=False)
            )
            for p in shown
        ]
        more = len(report.duplicates) - len(shown)
        if more:
            lines.append(
                self.tr("… and {count} more, all listed in the report at the end").format(
                    count=fmt.number(more)
                )
            )
        return f"<p style='color:{MUTED_COLOR}'>" + "<br>".join(lines) + "</p>"

    def isComplete(self) -> bool:
        return self.dry is not None and self.dry.report is not None
