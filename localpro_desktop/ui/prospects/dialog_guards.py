"""The add/edit dialog's two questions: throw away what was typed? save a doubtful value?

Both are window-modal boxes opened with ``open()``, not ``exec()``: the dialog's event
loop goes on (results of the task runner still arrive) and a test can answer the box.
Their words are the dialog's (translation context ``ProspectDialog``), written out in
full ``translate`` calls: lupdate only finds literal ones.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from localpro_desktop.domain.messages import Message
from localpro_desktop.domain.normalize import normalize_prospect
from localpro_desktop.ui.prospects import texts


def doubtful(
    values: Mapping[str, str], before: Mapping[str, str], region: str, *, mirrored: bool
) -> list[Message]:
    """Phones and e-mail the service would keep but flag, as the import's "to check".

    Only values typed or changed in this form (``before``: what it opened with): an old
    record's doubtful value, left as it was, is not asked about on every edit.
    ``mirrored``: the WhatsApp number is the phone's, whose own problem says it all.
    """
    flagged = []
    for problem in normalize_prospect(values, region).warnings:
        key = str(problem.args.get("key", ""))
        if key == "whatsapp" and mirrored:
            continue
        if key in ("phone", "whatsapp", "email") and values[key] != before.get(key):
            flagged.append(problem)
    return flagged


def ask_discard(parent: QWidget, *, editing: bool, discard: Callable[[], None]) -> QMessageBox:
    """Ask before closing a form the user has typed into; ``discard`` runs on "Discard"."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        QCoreApplication.translate("ProspectDialog", "Discard your changes?")
        if editing
        else QCoreApplication.translate("ProspectDialog", "Discard this prospect?"),
        QCoreApplication.translate(
            "ProspectDialog", "Your changes to this prospect are not saved yet."
        )
        if editing
        else QCoreApplication.translate(
            "ProspectDialog", "What you typed in this form is not saved yet."
        ),
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    box.setInformativeText(
        QCoreApplication.translate("ProspectDialog", "Close the form and lose what you typed?")
    )
    throw = box.addButton(
        QCoreApplication.translate("ProspectDialog", "Discard"),
        QMessageBox.ButtonRole.DestructiveRole,
    )
    keep = box.addButton(
        QCoreApplication.translate("ProspectDialog", "Keep editing"),
        QMessageBox.ButtonRole.RejectRole,
    )
    # Enter and Escape both keep the form: only a deliberate click throws data away.
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)

    def answered() -> None:
        if box.clickedButton() is throw:
            discard()

    box.finished.connect(answered)
    box.open()
    return box


def ask_doubtful(
    parent: QWidget,
    problems: Sequence[str],
    *,
    save: Callable[[], None],
    fix: Callable[[], None],
) -> QMessageBox:
    """Values that do not look right (``problems``: row messages), as the import flags them.

    "Save anyway" keeps them as typed (flagged, like an imported row "to check"); "Fix it"
    goes back to the form.
    """
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("ProspectDialog", "Check this value")
        if len(problems) == 1
        else QCoreApplication.translate("ProspectDialog", "Check these values"),
        QCoreApplication.translate("ProspectDialog", "This does not look right:")
        if len(problems) == 1
        else QCoreApplication.translate("ProspectDialog", "These do not look right:"),
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    box.setInformativeText(
        "\n".join(f"• {texts.row_problem(problem)}" for problem in problems)
        + "\n\n"
        + QCoreApplication.translate(
            "ProspectDialog", "Save anyway (it is kept as typed and flagged), or fix it first?"
        )
    )
    anyway = box.addButton(
        QCoreApplication.translate("ProspectDialog", "Save anyway"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    fix_it = box.addButton(
        QCoreApplication.translate("ProspectDialog", "Fix it"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(fix_it)
    box.setEscapeButton(fix_it)

    def answered() -> None:
        if box.clickedButton() is anyway:
            save()
        else:
            fix()

    box.finished.connect(answered)
    box.open()
    return box
