"""A reply that says yes to a campaign moves the person to Interested on the board, once,
forward only; anything else ("oui mais…", "not interested", STOP) moves nobody."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from localpro_desktop.domain.activities import ActivityKind
from localpro_desktop.domain.inbound import interest_entry_id, says_yes
from localpro_desktop.services.contacts import ContactService
from localpro_desktop.services.inbound import apply_pending
from localpro_desktop.store.models import Activity, Contact
from tests.services.inbound_kit import add_contact, inbound, pull, sent_campaign

AWA = "+221770000101"


def status_of(ws, contact_id: str) -> str:  # type: ignore[no-untyped-def]
    with ws.read() as session:
        contact = session.get(Contact, contact_id)
        assert contact is not None
        return str(contact.status)


def moves(ws, contact_id: str) -> list[tuple[str | None, str | None]]:  # type: ignore[no-untyped-def]
    with ws.read() as session:
        rows = session.scalars(
            select(Activity).where(
                Activity.contact_id == contact_id,
                Activity.kind == ActivityKind.STATUS_CHANGE.value,
            )
        ).all()
        return [(row.old_status, row.new_status) for row in rows]


@pytest.mark.parametrize(
    ("text", "yes"),
    [
        ("Oui !", True),
        ("oui merci", True),
        ("OK.", True),
        ("Je suis intéressée.", True),
        ("ça m’intéresse", True),
        ("yes please!!", True),
        ("Oui mais pas maintenant", False),
        ("not interested", False),
        ("Non merci", False),
        ("STOP", False),
    ],
)
def test_what_counts_as_a_yes(text: str, yes: bool) -> None:
    assert says_yes(text) is yes


def test_a_yes_to_a_campaign_moves_a_new_contact_to_interested_once(workspace) -> None:  # type: ignore[no-untyped-def]
    awa = add_contact(workspace, "awa", whatsapp_e164=AWA, status="new")
    sent_campaign(workspace, "Tabaski", "whatsapp", {awa: ("awa", AWA, "wamid.AWA")})
    yes = inbound(AWA, "Oui, je suis intéressée !", 30)
    pull(workspace, yes)
    report = apply_pending(workspace)
    assert report.interested == 1
    assert status_of(workspace, awa) == "interested"
    assert moves(workspace, awa) == [("new", "interested")]
    with workspace.read() as session:
        entry = session.get(Activity, interest_entry_id(yes.id))
        assert entry is not None and entry.body == "Oui, je suis intéressée !"
    # The same reply again (another sync, another laptop): no second move.
    pull(workspace, yes)
    assert apply_pending(workspace).interested == 0
    assert moves(workspace, awa) == [("new", "interested")]


def test_a_yes_never_moves_a_contact_back_or_out_of_inactive(workspace) -> None:  # type: ignore[no-untyped-def]
    client = add_contact(workspace, "client", whatsapp_e164=AWA, status="client")
    sent_campaign(workspace, "Korité", "whatsapp", {client: ("client", AWA, "wamid.C")})
    pull(workspace, inbound(AWA, "oui", 10))
    apply_pending(workspace)
    assert status_of(workspace, client) == "client"
    assert moves(workspace, client) == []


def test_a_yes_that_answers_no_campaign_moves_nobody(workspace) -> None:  # type: ignore[no-untyped-def]
    awa = add_contact(workspace, "awa", whatsapp_e164=AWA, status="contacted")
    pull(workspace, inbound(AWA, "Oui", 10))  # no campaign reached her: a plain message
    apply_pending(workspace)
    assert status_of(workspace, awa) == "contacted"


def test_the_move_shows_on_the_board_like_a_users_move(workspace) -> None:  # type: ignore[no-untyped-def]
    awa = add_contact(workspace, "awa", whatsapp_e164=AWA, status="contacted")
    sent_campaign(workspace, "Tabaski", "whatsapp", {awa: ("awa", AWA, "wamid.AWA")})
    pull(workspace, inbound(AWA, "ok", 5))
    apply_pending(workspace)
    assert ContactService(workspace).get(awa).status == "interested"
