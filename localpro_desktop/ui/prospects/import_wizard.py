"""The import wizard: file → columns → duplicates → progress → report.

Each step answers one question the importer would otherwise guess at: which kind of
record, which column holds which field (prefilled by ``guess_mapping``, or by the preset
of a LinkedIn or Facebook export), and what to do
with rows that already exist (answered with a dry run, so the user sees the outcome
before anything is written). The import itself is one transaction on the database
worker: Cancel, or any failure, leaves the workspace exactly as it was.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget, QWizard

from localpro_desktop.services.importing.importer import DuplicatePolicy, ImportReport, Kind
from localpro_desktop.services.importing.presets import PreparedTable, PresetChoice
from localpro_desktop.services.importing.readers import RawTable
from localpro_desktop.ui.context import UiContext
from localpro_desktop.ui.prospects.import_duplicates import DuplicatesPage
from localpro_desktop.ui.prospects.import_run import ProgressPage, ReportPage
from localpro_desktop.ui.prospects.import_setup import FilePage, MappingPage


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
        preset: PresetChoice = "auto",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.kind: Kind = kind
        self.path: Path | None = None
        self.table: RawTable | None = None  # as the import will see it (preset applied)
        self.prepared: PreparedTable | None = None
        self.preset: PresetChoice = preset
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
        self.file_page.set_preset(preset)
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
