"""The window's tabs: a typed registry of what each tab is and what it offers the window.

Each ``TabSpec`` builds its tab on first show (the map's browser engine costs 50 MB; start-up
pays only for the first tab) and returns a ``BuiltTab``: the widget plus the hooks the window
routes between tabs ("open this record", "the map follows the filters", the welcome page's
"import" and "add"). The hooks are filled from the concrete classes, so a renamed method or
signal is a type error here rather than a silently dead link found by name at run time.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtCore import QCoreApplication, SignalInstance
from PySide6.QtWidgets import QWidget

from localpro_desktop.ui.context import UiContext


class TabKey(StrEnum):
    """Tab names, as ``localpro screenshot --tab`` and the smoke test spell them."""

    PROSPECTS = "prospects"
    CRM = "crm"
    CAMPAIGNS = "campaigns"
    REPLIES = "replies"
    MAP = "map"
    ANALYTICS = "analytics"
    ASSISTANT = "assistant"


@dataclass(frozen=True)
class BuiltTab:
    """A tab's widget and what it offers the window (None: this tab does not)."""

    widget: QWidget
    open_record: SignalInstance | None = None
    """Emits ("prospect"|"contact", id): show that record in its tab."""
    filter_changed: SignalInstance | None = None
    """Emits the list's filter object each time it changes (the map follows it)."""
    select_record: Callable[[str], object] | None = None
    apply_filter: Callable[[str, object], None] | None = None
    """(source tab key, filter): show what that list shows."""
    start_import: Callable[[], object] | None = None
    add_prospect: Callable[[], object] | None = None
    new_record: Callable[[], object] | None = None
    """What "New" (Ctrl+N) does while this tab is shown: add a prospect, a contact, a campaign."""
    use_in_campaign: SignalInstance | None = None
    """Emits a text: open the campaign composer with it as the message (the assistant)."""
    compose_text: Callable[[str], object] | None = None
    """Open the campaign composer with this text as the message (the campaigns tab)."""


@dataclass(frozen=True)
class TabSpec:
    key: TabKey
    title: Callable[[], str]
    """Translated when the window is built (the language is installed by then)."""
    build: Callable[[UiContext], BuiltTab]


# Each builder imports its tab when first shown (a static import PyInstaller can see).


def _prospects(ctx: UiContext) -> BuiltTab:
    from localpro_desktop.ui.prospects.tab import ProspectsTab

    tab = ProspectsTab(ctx)
    return BuiltTab(
        tab,
        open_record=tab.sig_open_record,
        filter_changed=tab.sig_filter_changed,
        select_record=tab.select_record,
        start_import=tab.start_import,
        add_prospect=tab.add_prospect,
        new_record=tab.add_prospect,
    )


def _crm(ctx: UiContext) -> BuiltTab:
    from localpro_desktop.ui.crm.tab import CrmTab

    tab = CrmTab(ctx)
    return BuiltTab(
        tab,
        open_record=tab.sig_open_record,
        filter_changed=tab.sig_filter_changed,
        select_record=tab.select_record,
        new_record=tab.add_contact,
    )


def _campaigns(ctx: UiContext) -> BuiltTab:
    from localpro_desktop.ui.campaigns.tab import CampaignsTab

    tab = CampaignsTab(ctx)
    return BuiltTab(
        tab,
        open_record=tab.sig_open_record,
        new_record=tab.new_campaign,
        compose_text=tab.compose_text,
    )


def _replies(ctx: UiContext) -> BuiltTab:
    from localpro_desktop.ui.replies.tab import RepliesTab

    tab = RepliesTab(ctx)
    return BuiltTab(tab, open_record=tab.sig_open_record)


def _map(ctx: UiContext) -> BuiltTab:
    from localpro_desktop.ui.map.tab import MapTab

    tab = MapTab(ctx)
    return BuiltTab(tab, open_record=tab.sig_open_record, apply_filter=tab.apply_filter)


def _analytics(ctx: UiContext) -> BuiltTab:
    from localpro_desktop.ui.analytics.tab import AnalyticsTab

    return BuiltTab(AnalyticsTab(ctx))


def _assistant(ctx: UiContext) -> BuiltTab:
    from localpro_desktop.ui.assistant.tab import AssistantTab

    tab = AssistantTab(ctx)
    return BuiltTab(tab, use_in_campaign=tab.sig_use_in_campaign, new_record=tab.new_conversation)


# The literal strings are repeated for lupdate, which reads translate() calls' arguments.
TAB_SPECS: tuple[TabSpec, ...] = (
    TabSpec(
        TabKey.PROSPECTS,
        lambda: QCoreApplication.translate("MainWindow", "Prospects"),
        _prospects,
    ),
    TabSpec(TabKey.CRM, lambda: QCoreApplication.translate("MainWindow", "CRM"), _crm),
    TabSpec(
        TabKey.CAMPAIGNS,
        lambda: QCoreApplication.translate("MainWindow", "Campaigns"),
        _campaigns,
    ),
    TabSpec(
        TabKey.REPLIES,
        lambda: QCoreApplication.translate("MainWindow", "Replies"),
        _replies,
    ),
    TabSpec(TabKey.MAP, lambda: QCoreApplication.translate("MainWindow", "Map"), _map),
    TabSpec(
        TabKey.ANALYTICS,
        lambda: QCoreApplication.translate("MainWindow", "Analytics"),
        _analytics,
    ),
    TabSpec(
        TabKey.ASSISTANT,
        lambda: QCoreApplication.translate("MainWindow", "Assistant"),
        _assistant,
    ),
)
TABS: dict[TabKey, TabSpec] = {spec.key: spec for spec in TAB_SPECS}
"""Key -> spec, in the window's order."""
