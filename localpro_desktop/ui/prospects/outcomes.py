"""What the Prospects tab says after an action (conversions, deletions, imports) or when
nothing matches.

Plain functions of the outcome, so the tab only routes results to its message bar. Their
words are the Prospects tab's (translation context ``ProspectsTab``): they were written
there first, and the French catalogue keeps them under that name.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from localpro_desktop.services.prospect_search import ProspectFilter
from localpro_desktop.services.prospects import ConversionResult
from localpro_desktop.ui import formatting as fmt
from localpro_desktop.ui.prospects import texts
from localpro_desktop.ui.widgets import EmptyState, Tone

if TYPE_CHECKING:
    # Not at run time: the importer pulls in pandas, which the tab loads only to import.
    from localpro_desktop.services.importing.importer import ImportReport

BANNER_MATCHES = 3  # duplicates named in the banner; the wizard's report lists them all


def converted_one(name: str, result: ConversionResult) -> str:
    """One prospect converted (or found converted already)."""
    text = (
        QCoreApplication.translate("ProspectsTab", "“{name}” is now a contact in the CRM.")
        if result.created
        else QCoreApplication.translate(
            "ProspectsTab", "“{name}” was already a contact in the CRM."
        )
    )
    return text.format(name=name)


def converted_many(result: ConversionResult) -> str:
    text = QCoreApplication.translate(
        "ProspectsTab", "{count} prospects converted to contacts."
    ).format(count=fmt.number(result.created))
    if result.already_converted:
        text += " " + QCoreApplication.translate(
            "ProspectsTab", "{count} were contacts already."
        ).format(count=fmt.number(result.already_converted))
    return text


def deleted(count: int) -> str:
    if count == 1:
        return QCoreApplication.translate("ProspectsTab", "1 prospect deleted.")
    return QCoreApplication.translate("ProspectsTab", "{count} prospects deleted.").format(
        count=fmt.number(count)
    )


def confirm_delete(parent: QWidget, count: int, name: str) -> bool:
    """Ask before deleting ``count`` prospects (``name`` is the one when there is one)."""
    if count == 1:
        question = QCoreApplication.translate("ProspectsTab", "Delete “{name}”?").format(
            name=name or "?"
        )
    else:
        question = QCoreApplication.translate("ProspectsTab", "Delete {count} prospects?").format(
            count=fmt.number(count)
        )
    box = QMessageBox(
        QMessageBox.Icon.Question,
        QCoreApplication.translate("ProspectsTab", "Delete prospects"),
        question,
        QMessageBox.StandardButton.Cancel,
        parent,
    )
    box.setInformativeText(
        QCoreApplication.translate(
            "ProspectsTab",
            "They disappear from lists, searches and the map. Contacts already made "
            "from them stay in the CRM.",
        )
    )
    delete = box.addButton(
        QCoreApplication.translate("ProspectsTab", "Delete"), QMessageBox.ButtonRole.DestructiveRole
    )
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is delete


def imported(report: ImportReport) -> tuple[str, Tone]:
    """The import's summary, a warning when rows were rejected or are to check.

    Every count is there, skipped duplicates and values to check included, and the first
    duplicates say what they matched (the wizard's report lists them all).
    """
    rejected, to_check = len(report.rejected), len(report.warnings)
    text = QCoreApplication.translate(
        "ProspectsTab",
        "Import finished: {created} added, {updated} updated, {skipped} skipped as "
        "duplicates, {rejected} rejected, {to_check} to check.",
    )
    message = text.format(
        created=fmt.number(report.created),
        updated=fmt.number(report.updated),
        skipped=fmt.number(report.skipped_duplicate),
        rejected=fmt.number(rejected),
        to_check=fmt.number(to_check),
    )
    matches = [
        QCoreApplication.translate("ProspectsTab", "row {row}: {match}").format(
            row=p.row, match=texts.duplicate_match(p)
        )
        for p in report.duplicates[:BANNER_MATCHES]
    ]
    if len(report.duplicates) > BANNER_MATCHES:
        matches.append("…")
    if matches:
        message += " " + QCoreApplication.translate("ProspectsTab", "Duplicates: {list}").format(
            list="; ".join(matches)
        )
    return message, Tone.WARNING if rejected or to_check else Tone.SUCCESS


def show_empty(
    empty: EmptyState,
    flt: ProspectFilter,
    where: str,
    *,
    add: Callable[[], object],
    start_import: Callable[[], object],
    clear: Callable[[], object],
) -> None:
    """No prospect at all (offer to add or import), or none matching (offer to clear).

    The actions may return what they open (a dialog, the wizard): the buttons ignore it.
    """
    if flt == ProspectFilter():
        empty.show_state(
            QCoreApplication.translate("ProspectsTab", "No prospects yet"),
            QCoreApplication.translate(
                "ProspectsTab",
                "Add the businesses you want to reach one by one, or import the list "
                "you already keep in Excel.",
            ),
            [
                (QCoreApplication.translate("ProspectsTab", "Add a prospect"), _button(add)),
                (
                    QCoreApplication.translate("ProspectsTab", "Import a file…"),
                    _button(start_import),
                ),
            ],
        )
        return
    title = (
        QCoreApplication.translate("ProspectsTab", "No prospect matches “{text}”").format(
            text=flt.text
        )
        if flt.text
        else QCoreApplication.translate("ProspectsTab", "No prospect matches these filters")
    )
    detail = (
        QCoreApplication.translate("ProspectsTab", "Filters: {filters}").format(filters=where)
        if where
        else ""
    )
    empty.show_state(
        title,
        detail,
        [(QCoreApplication.translate("ProspectsTab", "Clear filters"), _button(clear))],
    )


def _button(action: Callable[[], object]) -> Callable[[], None]:
    def clicked() -> None:
        action()

    return clicked
