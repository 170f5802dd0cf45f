"""The import wizard: file → columns → duplicates → progress → report.

Each step answers one question the importer would otherwise guess at: which kind of
record, which column holds which field (prefilled by ``guess_mapping``), and what to do
with rows that already exist (answered with a dry run, so the user sees the outcome
before anything is written). The import itself is one transaction on the database
worker: Cancel, or any failure, leaves the workspace exactly as it was.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from localpro_desktop.domain.errors import UserError
from localpro_desktop.domain.plans import PlanLimitError
from localpro_desktop.services.importing.importer import (
    DuplicatePolicy,
    ImportReport,
    Kind,
    RowProblem,
    import_file,
)
from localpro_desktop.services.importing.mapping import (
    FIELDS_BY_KIND,
    describe_mapping,
    guess_mapping,
    unmapped_required,
)
from localpro_desktop.services.importing.readers import ImportFileError, RawTable, read_table
from localpro_desktop.ui import formatting as fmt
from localpro_desktop.ui.context import UiContext
from localpro_desktop.ui.prospects import texts
from localpro_desktop.ui.prospects.background import run_for
from localpro_desktop.ui.prospects.editor import LimitHit
from localpro_desktop.ui.style import ERROR_COLOR, MUTED_COLOR
from localpro_desktop.ui.tasks import TaskHandle, Wants
from localpro_desktop.ui.widgets import OK_COLOR, WARN_COLOR

PREVIEW_ROWS = 8
AnyIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class DryRun:
    report: ImportReport | None
    limit: LimitHit | None


def _read(path: Path) -> RawTable:
    try:
        return read_table(path)
    except ImportFileError as exc:  # the reader's message says what to change
        raise UserError(str(exc)) from None


class ImportWizard(QWizard):
    sig_imported = Signal(object)
    """The ImportReport of a finished import (not sent for dry runs or cancels)."""

    FILE, MAPPING, DUPLICATES, PROGRESS, REPORT = range(5)

    def __init__(
        self,
        ctx: UiContext,
        *,
        path: Path | None = None,
        kind: Kind = "prospects",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.kind: Kind = kind
        self.path: Path | None = None
        self.table: RawTable | None = None
        self.mapping: dict[str, str] = {}
        self.policy = DuplicatePolicy.SKIP
        self.report: ImportReport | None = None
        self.cancelled = False
        self.setWindowTitle(self.tr("Import a file"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Import"))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Next >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< Back"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Finish"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Cancel"))
        self.resize(940, 620)
        self.file_page = FilePage(self)
        self.mapping_page = MappingPage(self)
        self.duplicates_page = DuplicatesPage(self)
        self.progress_page = ProgressPage(self)
        self.report_page = ReportPage(self)
        for key, page in enumerate(
            (
                self.file_page,
                self.mapping_page,
                self.duplicates_page,
                self.progress_page,
                self.report_page,
            )
        ):
            self.setPage(key, page)
        if path is not None:
            self.file_page.set_kind(kind)
            self.file_page.load(path)

    def overrides(self) -> dict[str, str]:
        """Every column with the field the user chose, or "ignore"."""
        assert self.table is not None
        return {header: self.mapping.get(header) or "ignore" for header in self.table.headers}

    def reject(self) -> None:
        """Cancel during the import stops it (rolled back) before the wizard closes."""
        if self.progress_page.running:
            self.cancelled = True
            self.progress_page.cancel()
            return
        self.duplicates_page.stop()
        super().reject()


# -- 1. file ------------------------------------------------------------------------


class FilePage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("Choose a file"))
        self.setSubTitle(
            self.tr(
                "CSV files (from Excel, Google Sheets or any other program) and Excel "
                "workbooks (.xlsx) can be imported. The first row must hold column names."
            )
        )
        self._loaded_path: Path | None = None
        kind_label = QLabel(self.tr("What does the file contain?"))
        self.prospects_radio = QRadioButton(self.tr("Prospects — businesses you want to reach"))
        self.contacts_radio = QRadioButton(
            self.tr("Contacts — people you already work with (go to the CRM)")
        )
        self.prospects_radio.setChecked(True)
        self.kinds = QButtonGroup(self)
        self.kinds.addButton(self.prospects_radio)
        self.kinds.addButton(self.contacts_radio)
        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText(self.tr("No file chosen"))
        self.path_edit.setReadOnly(True)
        self.browse = QPushButton(self.tr("Choose a file…"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.browse)
        layout = QVBoxLayout(self)
        layout.addWidget(kind_label)
        layout.addWidget(self.prospects_radio)
        layout.addWidget(self.contacts_radio)
        layout.addSpacing(14)
        layout.addWidget(QLabel(self.tr("File")))
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.browse.clicked.connect(self.choose)
        self.kinds.buttonToggled.connect(self._kind_changed)

    def set_kind(self, kind: Kind) -> None:
        (self.contacts_radio if kind == "contacts" else self.prospects_radio).setChecked(True)
        self.wiz.kind = kind

    def _kind_changed(self, *_args: object) -> None:
        self.wiz.kind = "contacts" if self.contacts_radio.isChecked() else "prospects"

    def choose(self) -> None:
        start = str(self.wiz.path.parent) if self.wiz.path else str(Path.home())
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a file to import"),
            start,
            self.tr("Spreadsheets (*.csv *.xlsx *.xlsm *.txt *.tsv);;All files (*)"),
        )
        if name:
            self.load(Path(name))

    def load(self, path: Path) -> None:
        """Read the file on a worker: a big workbook takes seconds to open."""
        self.wiz.path = path
        self.wiz.table = None
        self._loaded_path = None
        self.path_edit.setText(str(path))
        self.status.setStyleSheet(f"color: {MUTED_COLOR};")
        self.status.setText(self.tr("Reading {name}…").format(name=path.name))
        self.completeChanged.emit()
        run_for(
            self,
            self.wiz.ctx.runner,
            lambda: _read(path),
            database=False,
            on_done=lambda table: self._read(path, table),
            on_error=lambda message, _bug: self._failed(path, message),
        )

    def _read(self, path: Path, table: RawTable) -> None:
        if path != self.wiz.path:
            return
        self.wiz.table = table
        self._loaded_path = path
        separator = {";": self.tr("semicolons"), ",": self.tr("commas"), "\t": self.tr("tabs")}
        if table.source_format == "xlsx":
            how = self.tr("Excel workbook")
        else:
            how = self.tr("text file ({encoding}, separated by {separator})").format(
                encoding=table.encoding,
                separator=separator.get(table.delimiter or "", table.delimiter or "?"),
            )
        self.status.setStyleSheet(f"color: {OK_COLOR};")
        self.status.setText(
            self.tr("✓ {rows} rows and {columns} columns found — {how}.").format(
                rows=fmt.number(len(table.rows)), columns=len(table.headers), how=how
            )
        )
        self.completeChanged.emit()

    def _failed(self, path: Path, message: str) -> None:
        if path != self.wiz.path:
            return
        self.status.setStyleSheet(f"color: {ERROR_COLOR};")
        self.status.setText(message)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.wiz.table is not None and self._loaded_path == self.wiz.path


# -- 2. mapping ---------------------------------------------------------------------


class MappingPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("Match the columns"))
        self.setSubTitle(
            self.tr(
                "Check which field each column fills; LocalPro guessed from the column "
                "names. Columns set to “Ignore” are not imported."
            )
        )
        self._built_for: tuple[int, str] | None = None
        self.combos: list[QComboBox] = []
        self.preview = QTableWidget()
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.preview.setWordWrap(False)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.status)

    def initializePage(self) -> None:
        table = self.wiz.table
        assert table is not None
        key = (id(table), self.wiz.kind)
        if key == self._built_for:
            return  # back and forth keeps the user's choices
        self._built_for = key
        kind = self.wiz.kind
        guessed = guess_mapping(table.headers, kind)
        described = describe_mapping(guessed, table.headers, kind)
        preview_rows = table.rows[:PREVIEW_ROWS]
        self.preview.clear()
        self.preview.setColumnCount(len(table.headers))
        self.preview.setRowCount(1 + len(preview_rows))
        self.preview.setHorizontalHeaderLabels(table.headers)
        self.preview.setVerticalHeaderLabels(
            [self.tr("Field"), *(str(n) for n in table.row_numbers[:PREVIEW_ROWS])]
        )
        self.combos = []
        fields = sorted(
            ((name, texts.field_label(name)) for name in FIELDS_BY_KIND[kind]),
            key=lambda item: item[1].casefold(),
        )
        choices = [("", self.tr("— Ignore —")), *fields]
        for column, (_header, field_name) in enumerate(described):
            combo = QComboBox()
            for value, text in choices:
                combo.addItem(text, value)
            combo.setCurrentIndex(max(combo.findData(field_name or ""), 0))
            combo.currentIndexChanged.connect(lambda _i, c=column: self._changed(c))
            self.preview.setCellWidget(0, column, combo)
            self.combos.append(combo)
        for row, cells in enumerate(preview_rows, start=1):
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.preview.setItem(row, column, item)
        self.preview.setRowHeight(0, 34)
        header = self.preview.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column in range(len(table.headers)):
            self.preview.setColumnWidth(column, 170)
        self._sync()

    def _changed(self, column: int) -> None:
        """One field per column: choosing a field takes it away from any other column."""
        chosen = self.combos[column].currentData()
        if chosen:
            for other, combo in enumerate(self.combos):
                if other != column and combo.currentData() == chosen:
                    combo.blockSignals(True)
                    combo.setCurrentIndex(0)
                    combo.blockSignals(False)
        self._sync()

    def _sync(self) -> None:
        table = self.wiz.table
        assert table is not None
        self.wiz.mapping = {
            header: str(combo.currentData())
            for header, combo in zip(table.headers, self.combos, strict=True)
            if combo.currentData()
        }
        missing = unmapped_required(self.wiz.mapping, self.wiz.kind)
        for combo in self.combos:
            combo.setStyleSheet("" if combo.currentData() else f"color: {MUTED_COLOR};")
        if missing:
            self.status.setStyleSheet(f"color: {ERROR_COLOR};")
            self.status.setText(
                self.tr(
                    "⚠ No column is set to {field}, which is required. Choose it above."
                ).format(field=texts.requirement_label(missing[0]))
            )
        else:
            self.status.setStyleSheet(f"color: {OK_COLOR};")
            self.status.setText(
                self.tr("✓ {used} of {total} columns will be imported.").format(
                    used=len(self.wiz.mapping), total=len(table.headers)
                )
            )
        self.completeChanged.emit()

    def missing(self) -> list[str]:
        return unmapped_required(self.wiz.mapping, self.wiz.kind)

    def set_field(self, header: str, field_name: str | None) -> None:
        """Choose a column's field as the user would (tests, scripted use)."""
        table = self.wiz.table
        assert table is not None
        combo = self.combos[table.headers.index(header)]
        combo.setCurrentIndex(max(combo.findData(field_name or ""), 0))

    def isComplete(self) -> bool:
        return self.wiz.table is not None and not self.missing()


# -- 3. duplicates ------------------------------------------------------------------


class DuplicatesPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("Rows you already have"))
        self.setSubTitle(
            self.tr(
                "A row matches an existing record when the phone, the e-mail or the name "
                "in the same city is the same. What should happen to those rows?"
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
        found = len(report.duplicates)
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
        return "<br>".join(f"• {line}" for line in lines)

    def isComplete(self) -> bool:
        return self.dry is not None and self.dry.report is not None


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


class ProblemModel(QAbstractTableModel):
    """Rejected rows, then warnings: a model because a messy file can have thousands."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.items: list[tuple[bool, RowProblem]] = []

    def set_report(self, report: ImportReport) -> None:
        self.beginResetModel()
        self.items = [(True, p) for p in report.rejected] + [
            (False, p) for p in sorted(report.warnings, key=lambda p: p.row)
        ]
        self.endResetModel()

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
        rejected, problem = self.items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return str(problem.row)
            if index.column() == 1:
                return self.tr("Rejected") if rejected else self.tr("Imported, to check")
            return texts.row_problem(problem.reason)
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 1:
            return QBrush(QColor(ERROR_COLOR if rejected else WARN_COLOR))
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 2:
            return texts.row_problem(problem.reason)
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
        self.table.setColumnWidth(1, 130)
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
        return [(p.row, p.reason, rejected) for rejected, p in self.problems.items]

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
        items = list(self.problems.items)
        outcome = {True: self.tr("Rejected"), False: self.tr("Imported, to check")}
        header = [self.tr("Row"), self.tr("Outcome"), self.tr("Reason")]

        def write() -> None:
            # utf-8-sig and semicolons: what French Excel opens correctly on double-click.
            with open(name, "w", encoding="utf-8-sig", newline="") as handle:
                writer = csv.writer(handle, delimiter=";")
                writer.writerow(header)
                for rejected, problem in items:
                    reason = texts.row_problem(problem.reason)
                    writer.writerow([problem.row, outcome[rejected], reason])

        run_for(self, self.wiz.ctx.runner, write, database=False)
