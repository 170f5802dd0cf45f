"""What the CRM board must re-read after changes made elsewhere, gathered between refreshes.

Change sets arrive in bursts (an import, a sync page, a campaign send); each is noted in a
``PendingRefresh`` (plain Python, so its rules are tested without a screen) and, once the
burst pauses, ``BoardRefresher`` takes the sum: the named contacts are re-read, a bulk
change reloads the whole board.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from localpro_desktop.domain.changes import ChangeSet
from localpro_desktop.services.board import RefreshedCards, refresh_cards
from localpro_desktop.ui.changes import concerns
from localpro_desktop.ui.context import UiContext
from localpro_desktop.ui.crm.board_area import BoardArea
from localpro_desktop.ui.crm.moves import MoveController
from localpro_desktop.ui.crm.panel import ContactPanel
from localpro_desktop.ui.tasks import guarded
from localpro_protocol.wire import Table

REFRESH_DELAY_MS = 120

BOARD_TABLES = (Table.CONTACTS, Table.ACTIVITIES, Table.SEGMENTS, Table.SEGMENT_MEMBERS)
"""The tables the CRM tab shows: a change set touching none of them is ignored."""


@dataclass
class PendingRefresh:
    everything: bool = False
    """A bulk change (import, sync) or a static segment's members: reload the board."""
    contact_ids: set[str] = field(default_factory=set)
    activity_ids: set[str] = field(default_factory=set)
    panel: bool = False
    """Activities changed in bulk: the open panel's timeline may be stale."""
    segments: bool = False
    """Segment names, rules or member counts may have changed."""

    def note(self, changes: ChangeSet, *, static_segment: bool) -> None:
        """Add what ``changes`` touched; ``static_segment``: the board shows a hand-picked list."""
        tables = changes.tables
        if Table.SEGMENTS in tables or Table.SEGMENT_MEMBERS in tables:
            self.segments = True
            if Table.SEGMENT_MEMBERS in tables and static_segment:
                self.everything = True
        if Table.CONTACTS in tables:
            self.segments = True  # status and field rules change segment sizes
            contacts = changes.ids_of(Table.CONTACTS)
            if contacts:
                self.contact_ids.update(contacts)
            else:
                self.everything = True  # a bulk change: read it all again
        if Table.ACTIVITIES in tables:
            activities = changes.ids_of(Table.ACTIVITIES)
            if activities:
                self.activity_ids.update(activities)
            else:
                self.panel = True

    def take(self) -> PendingRefresh:
        """What has gathered so far; this one starts empty again."""
        taken = PendingRefresh(
            self.everything,
            set(self.contact_ids),
            set(self.activity_ids),
            self.panel,
            self.segments,
        )
        self.everything = self.panel = self.segments = False
        self.contact_ids.clear()
        self.activity_ids.clear()
        return taken


class BoardRefresher(QObject):
    """Notes the change sets that concern the board and, once a burst pauses, re-reads them.

    Only the named contacts are re-read (their cards move, update or leave); a bulk change
    asks the tab to reload the board, and the open panel follows its contact.
    """

    sig_reload = Signal()
    """A bulk change: the whole board must be read again."""
    sig_segments_changed = Signal()
    """Segments (or the contacts their rules select) changed: read the list again."""
    sig_failed = Signal(str)
    """Re-reading the changed cards failed: the reason."""

    def __init__(
        self,
        ctx: UiContext,
        area: BoardArea,
        moves: MoveController,
        panel: ContactPanel,
        owner: QObject,
    ) -> None:
        super().__init__(owner)
        self.ctx, self.area, self.moves, self.panel = ctx, area, moves, panel
        self._owner = owner
        self.pending = PendingRefresh()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(REFRESH_DELAY_MS)
        self.timer.timeout.connect(self._flush)
        ctx.bridge.sig_changed.connect(self._on_changed)

    def soon(self) -> None:
        """Flush what is pending once the current burst of changes pauses."""
        self.timer.start()

    def reread(self, contact_ids: list[str]) -> None:
        """Read these contacts' cards again soon (the tab's own change left them unsure)."""
        self.pending.contact_ids.update(contact_ids)
        self.timer.start()

    @Slot(object)
    def _on_changed(self, changes: object) -> None:
        if not isinstance(changes, ChangeSet) or not concerns(
            changes, *BOARD_TABLES, me=self._owner
        ):
            return
        self.pending.note(changes, static_segment=self.area.filter.is_static)
        self.timer.start()

    def _panel_id(self) -> str | None:
        return self.panel.contact_id if self.panel.isVisible() else None

    def _flush(self) -> None:
        pending = self.pending.take()
        if pending.segments:
            self.sig_segments_changed.emit()
        panel_id = self._panel_id()
        if pending.everything:
            self.sig_reload.emit()
            if panel_id:
                self.panel.load(panel_id)
            return
        contact_ids, activity_ids = pending.contact_ids, pending.activity_ids
        if contact_ids or activity_ids:
            ws, flt, generation = self.ctx.ws, self.area.filter, self.area.generation
            self.ctx.runner.run(
                lambda: refresh_cards(ws, flt, contact_ids, activity_ids),
                on_done=guarded(self, lambda result: self._apply(generation, result, pending)),
                on_error=guarded(self, lambda message, _bug: self.sig_failed.emit(message)),
            )
        elif pending.panel and panel_id:
            self.panel.load(panel_id)

    def _apply(self, generation: int, result: RefreshedCards, pending: PendingRefresh) -> None:
        area = self.area
        if generation != area.generation:
            return  # a new filter reloaded everything meanwhile
        selected = area.selected_id()
        area.apply_cards(result.cards, skip=set(self.moves.in_flight))
        if not self.moves.in_flight:
            area.set_counts(result.counts)
        if selected is not None and area.selected_id() is None:
            area.select(selected, announce=False)
        panel_id = self._panel_id()
        if panel_id and (pending.panel or panel_id in result.cards):
            self.panel.load(panel_id)
