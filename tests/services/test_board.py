"""The one board query (``services.board``) on a real workspace: filters, pages, refreshes.

Expected results are written out here with plain SQL or from what the test itself created,
never through ``services.board``, so a wrong query fails.
"""

from __future__ import annotations

import csv
from pathlib import Path

from sqlalchemy import select

from localpro_desktop.domain.activities import ActivityKind
from localpro_desktop.domain.campaigns import Channel
from localpro_desktop.domain.pipeline import PIPELINE_ORDER, PipelineStatus
from localpro_desktop.domain.segment_rules import SegmentRule
from localpro_desktop.services.board import (
    BoardFilter,
    Reach,
    export_board,
    load_board,
    load_cards,
    load_counts,
    locate,
    matching_ids,
    refresh_cards,
)
from localpro_desktop.services.contacts import ContactService
from localpro_desktop.services.exporting.exporters import ExportFormat
from localpro_desktop.services.segments import SegmentService
from localpro_desktop.services.workspace import Workspace
from localpro_desktop.store.models import Contact

NEW, CLIENT = PipelineStatus.NEW, PipelineStatus.CLIENT


def _people(ws: Workspace) -> dict[str, str]:
    """Eight contacts: five in Thiès (two of them clients), three in Dakar; name → id."""
    svc = ContactService(ws)
    ids: dict[str, str] = {}
    for i in range(5):
        ids[f"thies{i}"] = svc.add({"first_name": f"Awa {i}", "city": "Thiès"}).id
    for i in range(3):
        ids[f"dakar{i}"] = svc.add({"first_name": f"Modou {i}", "city": "Dakar"}).id
    svc.move(ids["thies0"], CLIENT)
    svc.move(ids["thies1"], CLIENT)
    return ids


def _column_order(ws: Workspace, status: PipelineStatus) -> list[str]:
    with ws.read() as session:
        return list(
            session.scalars(
                select(Contact.id)
                .where(Contact.deleted_at.is_(None), Contact.status == status.value)
                .order_by(Contact.updated_at.desc(), Contact.id)
            )
        )


def test_unfiltered_board_counts_and_orders_every_column(workspace: Workspace) -> None:
    _people(workspace)
    page = load_board(workspace, BoardFilter(), per_column=2)
    assert page.counts.per_status[NEW] == 6 and page.counts.per_status[CLIENT] == 2
    assert page.counts.everyone == page.counts.matching == 8
    for status in PIPELINE_ORDER:
        assert [c.id for c in page.columns[status]] == _column_order(workspace, status)[:2]


def test_text_filter_is_accent_blind_and_counts_everyone_apart(workspace: Workspace) -> None:
    ids = _people(workspace)
    page = load_board(workspace, BoardFilter("thies"), per_column=50)
    assert page.counts.per_status[CLIENT] == 2 and page.counts.per_status[NEW] == 3
    assert page.counts.everyone == 8  # "no match" is told apart from "no contacts yet"
    shown = {c.id for cards in page.columns.values() for c in cards}
    assert shown == {ids[f"thies{i}"] for i in range(5)}
    # The one-pass text path keeps the SQL path's order (newest first, then id).
    expected_new = [i for i in _column_order(workspace, NEW) if i in shown]
    assert [c.id for c in page.columns[NEW]] == expected_new
    assert load_counts(workspace, BoardFilter("thies")).per_status == page.counts.per_status


def test_pages_follow_on_by_keyset_without_repeats(workspace: Workspace) -> None:
    _people(workspace)
    flt = BoardFilter()
    seen: list[str] = []
    after = None
    while True:
        cards = load_cards(workspace, flt, NEW, after, limit=4)
        seen.extend(c.id for c in cards)
        if len(cards) < 4:
            break
        after = cards[-1]
    assert seen == _column_order(workspace, NEW)


def test_static_segment_limits_the_board_to_its_members(workspace: Workspace) -> None:
    ids = _people(workspace)
    segments = SegmentService(workspace)
    picked = segments.create_static("Picked", [ids["dakar0"], ids["thies0"]])
    flt = BoardFilter("", segments.get(picked.id))
    assert flt.is_static
    page = load_board(workspace, flt)
    assert {c.id for cards in page.columns.values() for c in cards} == {
        ids["dakar0"],
        ids["thies0"],
    }
    assert sorted(matching_ids(workspace, flt) or []) == sorted([ids["dakar0"], ids["thies0"]])
    assert matching_ids(workspace, BoardFilter()) is None  # no filter: everyone


def test_cards_say_which_channels_are_usable(workspace: Workspace) -> None:
    svc = ContactService(workspace)
    contact = svc.add({"first_name": "Fatou", "phone": "77 123 45 67", "email": "not an address"})
    svc.set_opt_out(contact.id, Channel.SMS)
    card = locate(workspace, BoardFilter(), contact.id)
    assert card is not None
    assert (card.phone_reach, card.email_reach, card.whatsapp_reach) == (
        Reach.OPTED_OUT,
        Reach.INVALID,
        Reach.ABSENT,
    )
    assert locate(workspace, BoardFilter("nobody-by-this-name"), contact.id) is None


def test_refresh_maps_activities_to_cards_and_drops_what_left(workspace: Workspace) -> None:
    ids = _people(workspace)
    svc = ContactService(workspace)
    call = svc.add_activity(ids["dakar1"], "Called", kind=ActivityKind.CALL)
    svc.update(ids["thies2"], {"city": "Kaolack"})  # no longer matches "thies"
    result = refresh_cards(workspace, BoardFilter("thies"), [ids["thies2"]], [call.id])
    assert result.cards[ids["thies2"]] is None
    assert ids["dakar1"] in result.cards and result.cards[ids["dakar1"]] is None
    everyone = refresh_cards(workspace, BoardFilter(), (), [call.id])
    card = everyone.cards[ids["dakar1"]]
    assert card is not None and card.last_activity == call.occurred_at
    assert result.counts.matching == 4


def test_export_board_writes_what_the_filter_shows(workspace: Workspace, tmp_path: Path) -> None:
    ids = _people(workspace)
    target = tmp_path / "dakar.csv"
    result = export_board(workspace, BoardFilter("dakar"), ExportFormat.CSV, target)
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert {row["id"] for row in rows} == {ids[f"dakar{i}"] for i in range(3)}
    assert result.rows_written == 3


def test_contact_service_board_is_the_same_query(workspace: Workspace) -> None:
    _people(workspace)
    svc = ContactService(workspace)
    columns = {column.status: column for column in svc.board(per_column=3)}
    assert [c.id for c in columns[NEW].contacts] == _column_order(workspace, NEW)[:3]
    assert columns[NEW].count == 6
    assert svc.status_counts() == {s: columns[s].count for s in PIPELINE_ORDER}


def test_rule_segment_filter_adds_the_typed_words(workspace: Workspace) -> None:
    ids = _people(workspace)
    segments = SegmentService(workspace)
    clients = segments.create_rule("Clients", SegmentRule(statuses=(CLIENT,)))
    flt = BoardFilter("Awa 1", segments.get(clients.id))
    assert flt.rule == SegmentRule(statuses=(CLIENT,), text="Awa 1")
    assert not flt.shows(NEW)
    page = load_board(workspace, flt)
    assert [c.id for c in page.columns[CLIENT]] == [ids["thies1"]]
