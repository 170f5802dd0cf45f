"""CRM rules: pipeline moves write the timeline, notes touch last-contacted, opt-outs."""

import pytest

from localpro_desktop.domain.activities import ActivityKind
from localpro_desktop.domain.campaigns import Channel
from localpro_desktop.domain.changes import ChangeSet
from localpro_desktop.domain.errors import UserError
from localpro_desktop.domain.pipeline import PipelineStatus
from localpro_desktop.domain.sources import ProspectSource
from localpro_desktop.services.analytics import AnalyticsService
from localpro_desktop.services.contacts import ContactService
from localpro_desktop.services.prospects import ProspectService
from localpro_desktop.services.workspace import Workspace
from localpro_protocol.wire import Table


def test_full_name_is_split_and_whatsapp_may_differ(workspace: Workspace) -> None:
    c = ContactService(workspace).add(
        {"full_name": "Moussa Sow", "phone": "33 821 00 00", "whatsapp": "+221 70 111 22 33"}
    )
    assert (c.first_name, c.last_name) == ("Moussa", "Sow")
    assert c.phone_e164 == "+221338210000" and c.whatsapp_e164 == "+221701112233"
    assert c.status == "new"


def test_move_writes_timeline_and_publishes_change(workspace: Workspace) -> None:
    svc = ContactService(workspace)
    c = svc.add({"first_name": "Awa", "company": "Awa Couture"})
    seen: list[ChangeSet] = []
    workspace.changes.subscribe(seen.append)
    svc.move(c.id, "INTERESTED", note="Liked the catalogue", initiator="board")
    assert svc.get(c.id).status == "interested"
    entry = svc.timeline(c.id)[0]
    assert entry.kind == ActivityKind.STATUS_CHANGE
    assert (entry.old_status, entry.new_status, entry.body) == (
        "new",
        "interested",
        "Liked the catalogue",
    )
    assert seen and c.id in seen[-1].ids["contacts"] and seen[-1].initiator == "board"
    with pytest.raises(UserError, match="already interested"):
        svc.move(c.id, PipelineStatus.INTERESTED)
    with pytest.raises(UserError, match="use one of new, contacted"):
        svc.move(c.id, "won")


def test_call_updates_last_contacted_but_note_does_not(workspace: Workspace) -> None:
    svc = ContactService(workspace)
    c = svc.add({"company": "Quincaillerie Baye Fall"})
    svc.add_activity(c.id, "Asked for prices")
    assert svc.get(c.id).last_contacted_at is None
    svc.add_activity(c.id, "Called the owner", kind=ActivityKind.CALL)
    assert svc.get(c.id).last_contacted_at is not None
    with pytest.raises(UserError, match="cannot be empty"):
        svc.add_activity(c.id, "   ")


def test_board_counts_and_columns(workspace: Workspace) -> None:
    svc = ContactService(workspace)
    ids = [svc.add({"company": f"Shop {i}"}).id for i in range(5)]
    svc.move(ids[0], "client")
    svc.move(ids[1], "client")
    svc.delete([ids[2]])
    board = {col.status: col for col in svc.board()}
    assert board[PipelineStatus.CLIENT].count == 2
    assert board[PipelineStatus.NEW].count == 2
    assert {c.id for c in board[PipelineStatus.NEW].contacts} == {ids[3], ids[4]}


def test_opt_out_per_channel(workspace: Workspace) -> None:
    svc = ContactService(workspace)
    c = svc.add({"company": "Pharmacie Guigon", "email": "contact@guigon.sn"})
    svc.set_opt_out(c.id, Channel.SMS)
    c = svc.get(c.id)
    assert c.opt_out_sms and not c.opt_out_email


def test_edit_revalidates(workspace: Workspace) -> None:
    svc = ContactService(workspace)
    c = svc.add({"company": "Bakery"})
    svc.update(c.id, {"email": "Owner@Bakery.SN"})
    assert svc.get(c.id).email_normalized == "owner@bakery.sn"
    with pytest.raises(UserError, match="Cannot edit status"):
        svc.update(c.id, {"status": "client"})


def test_details_carry_the_timeline_and_the_workspace_region(workspace: Workspace) -> None:
    svc = ContactService(workspace)
    c = svc.add({"first_name": "Awa", "company": "Awa Couture", "tags": "fidèle, vip"})
    svc.move(c.id, PipelineStatus.CONTACTED)
    svc.add_activity(c.id, "Called about prices", kind=ActivityKind.CALL)
    details = svc.details(c.id)
    assert (details.display_name, details.status) == ("Awa", PipelineStatus.CONTACTED)
    assert details.region == workspace.settings().country
    assert [e.kind for e in details.timeline] == ["call", "status_change", "created"]
    assert details.timeline[0].body == "Called about prices"
    assert len(svc.details(c.id, timeline_limit=1).timeline) == 1


def test_move_card_reports_the_move_as_a_read_model(workspace: Workspace) -> None:
    svc = ContactService(workspace)
    c = svc.add({"first_name": "Moussa", "last_name": "Sow"})
    moved = svc.move_card(c.id, PipelineStatus.CLIENT, initiator="board")
    assert (moved.id, moved.display_name, moved.status) == (c.id, "Moussa Sow", "client")
    assert moved.updated_at == svc.get(c.id).updated_at
    with pytest.raises(UserError, match="already client"):
        svc.move_card(c.id, PipelineStatus.CLIENT)


def test_undo_puts_the_contact_back_and_the_slip_counts_nowhere(workspace: Workspace) -> None:
    """A mistaken drag to Client, undone: status back, no trace in timeline or analytics."""
    svc = ContactService(workspace)
    analytics = AnalyticsService(workspace)
    c = svc.add({"first_name": "Awa", "company": "Awa Couture"})
    svc.move(c.id, PipelineStatus.INTERESTED)
    before = {s.status: s.reached for s in analytics.funnel()}
    moves_before = sum(d.status_moves for d in analytics.daily_metrics(2))
    moved = svc.move_card(c.id, PipelineStatus.CLIENT, initiator="board")
    assert (moved.previous, moved.activity_id) == (
        PipelineStatus.INTERESTED,
        svc.timeline(c.id)[0].id,
    )
    seen: list[ChangeSet] = []
    workspace.changes.subscribe(seen.append)

    undone = svc.undo_moves([moved], initiator="board")

    assert [(m.id, m.status) for m in undone.restored] == [(c.id, PipelineStatus.INTERESTED)]
    assert undone.stale == ()
    assert svc.get(c.id).status == "interested"
    moves = [a for a in svc.timeline(c.id) if a.kind == ActivityKind.STATUS_CHANGE]
    assert [(a.old_status, a.new_status) for a in moves] == [("new", "interested")]
    assert {s.status: s.reached for s in analytics.funnel()} == before
    assert sum(d.status_moves for d in analytics.daily_metrics(2)) == moves_before
    assert sum(d.new_clients for d in analytics.daily_metrics(2)) == 0
    assert seen[-1].initiator == "board" and moved.activity_id in seen[-1].ids_of(Table.ACTIVITIES)


def test_undo_leaves_a_contact_moved_again_since_alone(workspace: Workspace) -> None:
    svc = ContactService(workspace)
    a = svc.add({"company": "Boutique A"})
    b = svc.add({"company": "Boutique B"})
    # One drag of two cards: undone together, in one unit of work.
    moved = [svc.move_card(i, PipelineStatus.CONTACTED) for i in (a.id, b.id)]
    svc.move(b.id, PipelineStatus.CLIENT)  # newer work, e.g. from another device
    undone = svc.undo_moves(moved)
    assert [m.id for m in undone.restored] == [a.id]
    assert undone.stale == ("Boutique B",)
    assert (svc.get(a.id).status, svc.get(b.id).status) == ("new", "client")
    with pytest.raises(UserError, match="Nothing to undo: Boutique A moved again since"):
        svc.undo_moves(moved[:1])  # already undone: the move is not the latest any more


def test_a_conversion_entry_carries_the_prospect_source(workspace: Workspace) -> None:
    """The panel words "Converted from prospect (…)" itself, from the prospect's source."""
    prospects = ProspectService(workspace)
    p = prospects.add({"business_name": "Pharmacie du Port"}, source=ProspectSource.IMPORT)
    contact = prospects.convert([p.id]).contacts[0]
    svc = ContactService(workspace)
    entry = next(e for e in svc.details(contact.id).timeline if e.kind == "converted")
    assert entry.source == "import"
    plain = svc.add({"company": "Typed by hand"})
    assert all(e.source is None for e in svc.details(plain.id).timeline)
