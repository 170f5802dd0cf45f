"""Leaving the Channels page with edits not saved: ask before they are thrown away."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from localpro_desktop.ui.channels import form
from localpro_desktop.ui.channels.page import ChannelsPage


def may_close(parent: QWidget, page: ChannelsPage) -> bool:
    """True when nothing is unsaved, or the user agrees to throw the edits away."""
    unsaved = page.unsaved()
    if not unsaved:
        return True
    names = ", ".join(page.forms[channel].title() for channel in unsaved)
    return form.ask(
        parent,
        QCoreApplication.translate("ChannelsPage", "Discard the changes?"),
        QCoreApplication.translate(
            "ChannelsPage", "The {channels} settings were changed but not saved."
        ).format(channels=names),
        QCoreApplication.translate("ChannelsPage", "Discard"),
        QCoreApplication.translate("ChannelsPage", "Keep editing"),
    )
