"""What the Prospects tab says after an action (conversions, deletions, imports) or when
nothing matches.

Plain functions of the outcome, so the tab only routes results to its message bar. Their
words are the Prospects tab's (translation context ``ProspectsTab``): they were written
there first, and the French catalogue keeps them under that name.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from localpro_desktop.services.prospect_search import ProspectFilter
from localpro_desktop.services.prospects import ConversionResult
from localpro_desktop.ui import formatting as fmt
from localpro_desktop.ui.widgets import EmptyState, Tone


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


def imported(report: object) -> tuple[str, Tone]:
    """The import's summary, a warning when rows were rejected."""
    created = getattr(report, "created", 0)
    updated = getattr(report, "updated", 0)
    rejected = len(getattr(report, "rejected", []))
    text = QCoreApplication.translate(
        "ProspectsTab", "Import finished: {created} added, {updated} updated, {rejected} rejected."
    )
    message = text.format(
        created=fmt.number(created),
        updated=fmt.number(updated),
        rejected=fmt.number(rejected),
    )
    return message, Tone.WARNING if rejected else Tone.SUCCESS


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
