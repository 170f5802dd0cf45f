"""The import wizard's last steps: the import itself, with progress, then its report.

The import is one transaction on the database worker: Cancel, or any failure, leaves the
workspace exactly as it was. The report lists every rejected row and can save them as a
CSV file to fix in Excel.
"""

from __future__ import annotations

import csv
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from localpro_desktop.domain.plans import PlanLimitError
from localpro_desktop.services.importing.importer import (
    DuplicatePolicy,
    ImportReport,
    RowProblem,
    import_file,
)
from localpro_desktop.ui import formatting as fmt
from localpro_desktop.ui.prospects import texts
from localpro_desktop.ui.prospects.background import run_for
from localpro_desktop.ui.prospects.editor import LimitHit
from localpro_desktop.ui.style import ERROR_COLOR, MUTED_COLOR
from localpro_desktop.ui.tasks import TaskHandle, Wants
from localpro_desktop.ui.widgets import OK_COLOR, WARN_COLOR

if TYPE_CHECKING:
    from localpro_desktop.ui.prospects.import_wizard import ImportWizard

AnyIndex = QModelIndex | QPersistentModelIndex

# -- 4. progress --------------------------------------------------------------------


class ProgressPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("Importing"))
        self.setSubTitle(
            self.tr("Everything is written at once at the end: Cancel leaves your data as it was.")
        )
        self.running = False
        self.done = False
        self._handle: TaskHandle | None = None
        self.phase = QLabel()
        self.bar = QProgressBar()
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {ERROR_COLOR};")
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.phase)
        layout.addWidget(self.bar)
        layout.addWidget(self.error)
        layout.addStretch(2)

    def initializePage(self) -> None:
        self.start()

    def start(self) -> None:
        ws, kind, path = self.wiz.ctx.ws, self.wiz.kind, self.wiz.path
        policy, overrides = self.wiz.policy, self.wiz.overrides()
        preset = self.wiz.preset
        assert path is not None
        self.running, self.done = True, False
        self.error.clear()
        self.phase.setText(self.tr("Starting…"))
        self.bar.setRange(0, 0)

        def work(progress: Any, cancel: Any) -> ImportReport | LimitHit:
            try:
                return import_file(
                    ws,
                    kind,
                    path,
                    on_duplicate=policy,
                    overrides=overrides,
                    preset=preset,
                    progress=progress,
                    cancel=cancel,
                )
            except PlanLimitError as exc:
                return LimitHit(exc.check)

        self._handle = run_for(
            self,
            self.wiz.ctx.runner,
            work,
            wants=Wants.PROGRESS | Wants.CANCEL,
            on_progress=self._progress,
            on_done=self._finished,
            on_error=self._failed,
        )

    def cancel(self) -> None:
        if self._handle is not None:
            self._handle.cancel()
        self.phase.setText(self.tr("Cancelling…"))
        self.wiz.button(QWizard.WizardButton.CancelButton).setEnabled(False)

    def _progress(self, phase: str, done: int, total: int) -> None:
        words = {
            "reading": self.tr("Reading the file"),
            "checking": self.tr("Checking rows"),
            "writing": self.tr("Saving"),
        }
        self.phase.setText(
            self.tr("{phase}… {done} / {total}").format(
                phase=words.get(phase, phase), done=fmt.number(done), total=fmt.number(total)
            )
        )
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)

    def _finished(self, result: object) -> None:
        self.running = False
        self.wiz.button(QWizard.WizardButton.CancelButton).setEnabled(True)
        if isinstance(result, LimitHit):
            self._stopped(texts.plan_limit_message(result.check))
            return
        assert isinstance(result, ImportReport)
        self.done = True
        self.wiz.report = result
        self.wiz.sig_imported.emit(result)
        self.completeChanged.emit()
        self.wiz.next()

    def _failed(self, message: str, _is_bug: bool) -> None:
        self.running = False
        self.wiz.button(QWizard.WizardButton.CancelButton).setEnabled(True)
        if self.wiz.cancelled:
            QWizard.reject(self.wiz)
            return
        self._stopped(message)

    def _stopped(self, message: str) -> None:
        self.bar.setRange(0, 1)
        self.bar.setValue(0)
        self.phase.setText(self.tr("Nothing was imported."))
        self.error.setText(message)
        self.wiz.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Close"))

    def isComplete(self) -> bool:
        return self.done


# -- 5. report ----------------------------------------------------------------------


class Outcome(Enum):
    REJECTED = "rejected"
    TO_CHECK = "to_check"
    DUPLICATE = "duplicate"


class ProblemModel(QAbstractTableModel):
    """Rejected rows, warnings, then duplicates (each with what it matched): a model
    because a messy file can have thousands."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.items: list[tuple[Outcome, RowProblem]] = []
        self.skipped = True  # the duplicates were skipped (else combined with their match)

    def set_report(self, report: ImportReport) -> None:
        self.beginResetModel()
        self.skipped = report.policy == DuplicatePolicy.SKIP.value
        self.items = [
            *((Outcome.REJECTED, p) for p in report.rejected),
            *((Outcome.TO_CHECK, p) for p in sorted(report.warnings, key=lambda p: p.row)),
            *((Outcome.DUPLICATE, p) for p in report.duplicates),
        ]
        self.endResetModel()

    def outcome_text(self, outcome: Outcome) -> str:
        if outcome is Outcome.REJECTED:
            return self.tr("Rejected")
        if outcome is Outcome.TO_CHECK:
            return self.tr("Imported, to check")
        return self.tr("Skipped, a duplicate") if self.skipped else self.tr("Combined, a duplicate")

    def reason_text(self, outcome: Outcome, problem: RowProblem) -> str:
        if outcome is Outcome.DUPLICATE:
            return texts.duplicate_match(problem)
        return texts.row_problem(problem.reason)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Row"), self.tr("Outcome"), self.tr("Reason"))[section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        outcome, problem = self.items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return str(problem.row)
            if index.column() == 1:
                return self.outcome_text(outcome)
            return self.reason_text(outcome, problem)
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 1:
            color = {Outcome.REJECTED: ERROR_COLOR, Outcome.TO_CHECK: WARN_COLOR}
            return QBrush(QColor(color.get(outcome, MUTED_COLOR)))
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 2:
            return self.reason_text(outcome, problem)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 0:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None


class ReportPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("Import finished"))
        self.counts: dict[str, QLabel] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(28)
        captions = {
            "created": self.tr("Added"),
            "updated": self.tr("Updated"),
            "unchanged": self.tr("Already up to date"),
            "skipped": self.tr("Skipped (already there)"),
            "rejected": self.tr("Rejected"),
            "warnings": self.tr("To check"),
        }
        for column, (key, caption) in enumerate(captions.items()):
            number = QLabel("0")
            number.setStyleSheet("font-size: 20px; font-weight: 600;")
            label = QLabel(caption)
            label.setStyleSheet(f"color: {MUTED_COLOR};")
            grid.addWidget(number, 0, column)
            grid.addWidget(label, 1, column)
            self.counts[key] = number
        self.problems = ProblemModel(self)
        self.table = QTableView()
        self.table.setModel(self.problems)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 60)
        self.table.setColumnWidth(1, 170)
        self.no_problem = QLabel(self.tr("✓ Every row was imported without a problem."))
        self.no_problem.setStyleSheet(f"color: {OK_COLOR};")
        self.save_button = QPushButton(self.tr("Save this list…"))
        self.save_button.setToolTip(
            self.tr("Save the rows to fix as a CSV file you can open in Excel")
        )
        bottom = QHBoxLayout()
        bottom.addWidget(self.no_problem)
        bottom.addStretch(1)
        bottom.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addSpacing(8)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.save_button.clicked.connect(self._save)

    def initializePage(self) -> None:
        report = self.wiz.report
        assert report is not None
        self.setSubTitle(
            self.tr("{file}: {rows} rows read.").format(
                file=Path(report.file).name, rows=fmt.number(report.total_rows)
            )
        )
        values = {
            "created": report.created,
            "updated": report.updated,
            "unchanged": report.unchanged,
            "skipped": report.skipped_duplicate,
            "rejected": len(report.rejected),
            "warnings": len(report.warnings),
        }
        for key, value in values.items():
            self.counts[key].setText(fmt.number(value))
        self.counts["rejected"].setStyleSheet(
            "font-size: 20px; font-weight: 600;"
            + (f" color: {ERROR_COLOR};" if report.rejected else "")
        )
        self.counts["warnings"].setStyleSheet(
            "font-size: 20px; font-weight: 600;"
            + (f" color: {WARN_COLOR};" if report.warnings else "")
        )
        self.problems.set_report(report)
        has_problems = bool(self.problems.items)
        self.table.setVisible(has_problems)
        self.save_button.setVisible(has_problems)
        self.no_problem.setVisible(not has_problems)

    def rows_listed(self) -> list[tuple[int, str, bool]]:
        """(row, reason, rejected) as listed; what a test or a support script reads."""
        return [(p.row, p.reason, o is Outcome.REJECTED) for o, p in self.problems.items]

    def _save(self) -> None:
        report = self.wiz.report
        if report is None:
            return
        default = Path(report.file).with_name(Path(report.file).stem + "-problems.csv")
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the rows to fix"), str(default), self.tr("CSV files (*.csv)")
        )
        if not name:
            return
        problems = self.problems
        items = [
            (p.row, problems.outcome_text(o), problems.reason_text(o, p)) for o, p in problems.items
        ]
        header = [self.tr("Row"), self.tr("Outcome"), self.tr("Reason")]

        def write() -> None:
            # utf-8-sig and semicolons: what French Excel opens correctly on double-click.
            with open(name, "w", encoding="utf-8-sig", newline="") as handle:
                writer = csv.writer(handle, delimiter=";")
                writer.writerow(header)
                writer.writerows(items)

        run_for(self, self.wiz.ctx.runner, write, database=False)
