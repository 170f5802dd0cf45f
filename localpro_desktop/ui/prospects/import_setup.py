"""The import wizard's first two steps: the file, then which column holds which field.

The columns are prefilled by ``guess_mapping``; the preview shows the first rows so the
user can check a guess against real values. A LinkedIn connections export or a Facebook
lead-ads download is read with its preset (``services.importing.presets``): recognised
from its headers, or chosen by the user in "File from", who may also turn it off.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWizardPage,
)

from localpro_desktop.domain.errors import UserError
from localpro_desktop.services.importing.importer import Kind
from localpro_desktop.services.importing.mapping import (
    FIELDS_BY_KIND,
    describe_mapping,
    unmapped_required,
)
from localpro_desktop.services.importing.presets import PreparedTable, PresetChoice, prepare
from localpro_desktop.services.importing.readers import ImportFileError, RawTable, read_table
from localpro_desktop.ui import formatting as fmt
from localpro_desktop.ui import labels
from localpro_desktop.ui.prospects import texts
from localpro_desktop.ui.prospects.background import run_for
from localpro_desktop.ui.style import ERROR_COLOR, MUTED_COLOR
from localpro_desktop.ui.widgets import OK_COLOR

if TYPE_CHECKING:
    from localpro_desktop.ui.prospects.import_wizard import ImportWizard

PREVIEW_ROWS = 8


def _read(path: Path) -> RawTable:
    try:
        return read_table(path)
    except ImportFileError as exc:  # the reader's message says what to change
        raise UserError(exc.message) from None


def _prepare(raw: RawTable, choice: PresetChoice, name: str) -> PreparedTable:
    try:
        return prepare(raw, choice, file=name)
    except ImportFileError as exc:  # e.g. "LinkedIn" chosen for a file that is not one
        raise UserError(exc.message) from None


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
        self.preset_combo = QComboBox()
        for value, text in self._preset_choices():
            self.preset_combo.addItem(text, value)
        self.preset_note = QLabel()
        self.preset_note.setWordWrap(True)
        self.preset_note.setStyleSheet(f"color: {MUTED_COLOR};")
        self._raw: RawTable | None = None
        self._prepared_for: tuple[Path, str] | None = None
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
        layout.addSpacing(14)
        layout.addWidget(QLabel(self.tr("File from")))
        layout.addWidget(self.preset_combo)
        layout.addWidget(self.preset_note)
        layout.addStretch(1)
        self.browse.clicked.connect(self.choose)
        self.kinds.buttonToggled.connect(self._kind_changed)
        self.preset_combo.currentIndexChanged.connect(self._preset_changed)

    def _preset_choices(self) -> list[tuple[PresetChoice, str]]:
        return [
            ("auto", self.tr("Recognise it automatically")),
            ("linkedin", self.tr("LinkedIn connections (Connections.csv)")),
            ("facebook-leads", self.tr("Facebook lead ads (download from Meta)")),
            ("none", self.tr("Another spreadsheet: I match the columns myself")),
        ]

    def preset_label(self, key: str) -> str:
        return {
            "linkedin": self.tr("a LinkedIn connections export"),
            "facebook-leads": self.tr("a Facebook lead ads download"),
        }.get(key, key)

    def set_preset(self, choice: PresetChoice) -> None:
        """Choose "File from" as the user would (tests, scripted use)."""
        self.preset_combo.setCurrentIndex(max(self.preset_combo.findData(choice), 0))

    def _preset_changed(self, *_args: object) -> None:
        self.wiz.preset = self.preset_combo.currentData()
        path = self._loaded_path
        if self._raw is not None and path is not None and path == self.wiz.path:
            self._prepare(path, self._raw)

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
        self.wiz.prepared = None
        self._raw = None
        self._loaded_path = None
        self._prepared_for = None
        self.preset_note.clear()
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
        self._raw = table
        self._loaded_path = path
        self._prepare(path, table)

    def _prepare(self, path: Path, raw: RawTable) -> None:
        """Apply the "File from" choice to the table as read (on a worker: big files)."""
        choice: PresetChoice = self.preset_combo.currentData()
        self.wiz.preset = choice
        self.wiz.table = None
        self.wiz.prepared = None
        self._prepared_for = None
        self.completeChanged.emit()
        run_for(
            self,
            self.wiz.ctx.runner,
            lambda: _prepare(raw, choice, path.name),
            database=False,
            on_done=lambda prepared: self._prepared(path, raw, choice, prepared),
            on_error=lambda message, _bug: self._preset_failed(path, raw, choice, message),
        )

    def _current(self, path: Path, raw: RawTable, choice: str) -> bool:
        return (
            path == self.wiz.path and raw is self._raw and choice == self.preset_combo.currentData()
        )

    def _preset_failed(self, path: Path, raw: RawTable, choice: str, message: str) -> None:
        if self._current(path, raw, choice):
            self.preset_note.clear()
            self._failed(path, message)

    def _prepared(self, path: Path, raw: RawTable, choice: str, prepared: PreparedTable) -> None:
        if not self._current(path, raw, choice):
            return
        self.wiz.prepared = prepared
        self.wiz.table = prepared.table
        self._prepared_for = (path, choice)
        self._show_read(raw)
        self._show_preset(prepared, choice)
        self.completeChanged.emit()

    def _show_preset(self, prepared: PreparedTable, choice: str) -> None:
        preset = prepared.preset
        if preset is None:
            self.preset_note.setText(
                self.tr("Columns are matched from their names; you can correct them next.")
                if choice == "none"
                else self.tr(
                    "An ordinary spreadsheet: columns are matched from their names. If it is "
                    "a LinkedIn or Facebook export, choose it above."
                )
            )
            return
        what = self.preset_label(preset.key)
        note = (
            self.tr("Recognised as {what}.") if choice == "auto" else self.tr("Read as {what}.")
        ).format(what=what)
        note += " " + self.tr(
            "New prospects are recorded as coming from {source}; the business name is the "
            "company, or the person's name when there is none."
        ).format(source=labels.source(preset.source.value))
        if prepared.set_aside:
            note += " " + self.tr(
                "{count} rows have neither a name nor a company: they will be listed, with "
                "what to fix, in the report."
            ).format(count=fmt.number(len(prepared.set_aside)))
        self.preset_note.setText(note)

    def _show_read(self, table: RawTable) -> None:
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
        return (
            self.wiz.table is not None
            and self._loaded_path == self.wiz.path
            and self._prepared_for == (self.wiz.path, self.preset_combo.currentData())
        )


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
        self.whatsapp_rule = QLabel()
        self.whatsapp_rule.setWordWrap(True)
        self.whatsapp_rule.setStyleSheet(f"color: {MUTED_COLOR};")
        layout = QVBoxLayout(self)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.whatsapp_rule)

    def initializePage(self) -> None:
        table = self.wiz.table
        assert table is not None
        key = (id(table), self.wiz.kind)
        if key == self._built_for:
            return  # back and forth keeps the user's choices
        self._built_for = key
        kind = self.wiz.kind
        assert self.wiz.prepared is not None
        guessed = self.wiz.prepared.mapping(kind)
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
        self.whatsapp_rule.setText(self._whatsapp_rule())
        self.completeChanged.emit()

    def _whatsapp_rule(self) -> str:
        """The WhatsApp rule, as it applies to this file (the importer's ``check_rows``)."""
        fields = set(self.wiz.mapping.values())
        if "whatsapp" in fields:
            return self.tr(
                "WhatsApp numbers come from the WhatsApp column only: a row with none there "
                "gets none."
            )
        if "phone" in fields:
            return self.tr(
                "The file has no WhatsApp column: mobile numbers are also taken as WhatsApp "
                "numbers, landlines are not."
            )
        return ""

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
