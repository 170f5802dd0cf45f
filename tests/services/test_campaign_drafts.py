"""The composer's use cases, headless: one transaction per save, read models without ORM rows."""

import sqlite3
from collections.abc import Callable, Iterator, Mapping
from datetime import timedelta

import pytest
from sqlalchemy import event

from localpro_desktop.domain.campaigns import CampaignStatus, Channel, RecipientStatus
from localpro_desktop.domain.changes import ChangeSet
from localpro_desktop.domain.ids import utcnow
from localpro_desktop.services import campaign_content as content_module
from localpro_desktop.services import campaign_drafts, campaign_views
from localpro_desktop.services.campaign_drafts import CampaignDraft, RecipientSource
from localpro_desktop.services.campaigns import CampaignService
from localpro_desktop.services.contacts import ContactService
from localpro_desktop.services.segments import SegmentService
from localpro_desktop.services.workspace import Workspace
from localpro_protocol.wire import Table


def _people(ws: Workspace) -> dict[str, str]:
    svc = ContactService(ws)
    return {
        "awa": svc.add(
            {
                "first_name": "Awa",
                "company": "Awa Couture",
                "city": "Dakar",
                "phone": "771234567",
                "email": "awa@example.sn",
            }
        ).id,
        "ibou": svc.add({"first_name": "Ibou", "email": "ibou@example.sn"}).id,
        "modou": svc.add({"first_name": "Modou", "phone": "781112233"}).id,
    }


def _draft(campaign_id: str | None = None, **changes: object) -> CampaignDraft:
    values: dict[str, object] = {
        "campaign_id": campaign_id,
        "name": "Tabaski",
        "channel": Channel.SMS,
        "subject": "",
        "body": "Hello {{first_name}}",
        "source": RecipientSource(),
    }
    values.update(changes)
    return CampaignDraft(**values)  # type: ignore[arg-type]


def _dump(ws: Workspace) -> list[str]:
    """Every row of every table, read from the file by another connection."""
    with sqlite3.connect(ws.paths.database) as conn:
        return list(conn.iterdump())


@pytest.fixture
def commits(workspace: Workspace) -> Iterator[list[object]]:
    seen: list[object] = []

    def on_commit(conn: object) -> None:
        seen.append(conn)

    event.listen(workspace.engine, "commit", on_commit)
    yield seen
    event.remove(workspace.engine, "commit", on_commit)


@pytest.fixture
def published(workspace: Workspace) -> Iterator[list[ChangeSet]]:
    seen: list[ChangeSet] = []
    unsubscribe = workspace.changes.subscribe(seen.append)
    yield seen
    unsubscribe()


def test_a_new_scheduled_draft_is_one_commit_and_one_change_set(
    workspace: Workspace, commits: list[object], published: list[ChangeSet]
) -> None:
    people = _people(workspace)
    when = (utcnow() + timedelta(days=2)).replace(microsecond=0)
    draft = _draft(source=RecipientSource(contact_ids=tuple(people.values())), schedule_at=when)
    commits.clear()
    published.clear()
    campaign_id = campaign_drafts.save_draft(workspace, draft)
    assert len(commits) == 1
    (changes,) = published
    assert changes.ids_of(Table.CAMPAIGNS) == {campaign_id}
    assert Table.CAMPAIGN_RECIPIENTS in changes.tables
    svc = CampaignService(workspace)
    saved = svc.get(campaign_id)
    assert (saved.status, saved.scheduled_at) == (CampaignStatus.SCHEDULED, when)
    assert svc.stats(campaign_id).recipients == 2  # Ibou has no phone


def test_changing_channel_and_segment_edits_the_draft_in_one_commit(
    workspace: Workspace, commits: list[object], published: list[ChangeSet]
) -> None:
    people = _people(workspace)
    segment = SegmentService(workspace).create_static("E-mail people", list(people.values()))
    first = campaign_drafts.save_draft(
        workspace, _draft(source=RecipientSource(contact_ids=(people["modou"],)))
    )
    commits.clear()
    published.clear()
    edited = _draft(
        first,
        channel=Channel.EMAIL,
        subject="News for {{company}}",
        source=RecipientSource(segment_id=segment.id),
    )
    assert campaign_drafts.save_draft(workspace, edited) == first
    assert len(commits) == 1 and len(published) == 1
    svc = CampaignService(workspace)
    now = svc.get(first)
    assert (now.channel, now.segment_id, now.subject) == ("email", segment.id, edited.subject)
    recipients = {name: r.address for r, name in svc.recipients(first)}
    assert recipients == {"Awa": "awa@example.sn", "Ibou": "ibou@example.sn"}
    assert [c.id for c, _s in svc.overview()] == [first]  # no second copy


def test_a_failure_midway_leaves_the_database_exactly_as_it_was(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    people = _people(workspace)
    segment = SegmentService(workspace).create_static("Everyone", list(people.values()))
    first = campaign_drafts.save_draft(
        workspace, _draft(source=RecipientSource(contact_ids=(people["modou"],)))
    )
    before = _dump(workspace)
    real_compile = content_module.compile_template
    calls: list[str] = []

    def compile_then_crash(template: str) -> Callable[[Mapping[str, str]], str]:
        render = real_compile(template)

        def render_then_crash(fields: Mapping[str, str]) -> str:
            # The first recipient renders, the second "crashes the laptop".
            calls.append(template)
            if len(calls) > 1:
                raise RuntimeError("power cut")
            return render(fields)

        return render_then_crash

    monkeypatch.setattr(content_module, "compile_template", compile_then_crash)
    edited = _draft(
        first,
        name="Renamed",
        channel=Channel.EMAIL,
        subject="Hi",
        source=RecipientSource(segment_id=segment.id),
    )
    with pytest.raises(RuntimeError, match="power cut"):
        campaign_drafts.save_draft(workspace, edited)
    with pytest.raises(RuntimeError, match="power cut"):
        campaign_drafts.save_draft(workspace, _draft(name="Brand new", source=edited.source))
    assert calls, "the failure must happen after the first step"
    assert _dump(workspace) == before


def test_a_schedule_in_the_past_is_refused_before_anything_is_written(
    workspace: Workspace, commits: list[object]
) -> None:
    commits.clear()
    with pytest.raises(Exception, match="future"):
        campaign_drafts.save_draft(workspace, _draft(schedule_at=utcnow() - timedelta(hours=1)))
    assert commits == []


def test_saving_again_keeps_or_moves_the_schedule(workspace: Workspace) -> None:
    when = (utcnow() + timedelta(days=1)).replace(microsecond=0)
    campaign_id = campaign_drafts.save_draft(workspace, _draft(schedule_at=when))
    svc = CampaignService(workspace)
    campaign_drafts.save_draft(workspace, _draft(campaign_id, body="Bye", schedule_at=when))
    assert (svc.get(campaign_id).status, svc.get(campaign_id).scheduled_at) == ("scheduled", when)
    later = when + timedelta(hours=3)
    campaign_drafts.save_draft(workspace, _draft(campaign_id, schedule_at=later))
    assert svc.get(campaign_id).scheduled_at == later
    campaign_drafts.save_draft(workspace, _draft(campaign_id))
    assert (svc.get(campaign_id).status, svc.get(campaign_id).scheduled_at) == ("draft", None)


def test_audience_view_carries_fields_and_addresses_not_orm_rows(workspace: Workspace) -> None:
    people = _people(workspace)
    source = RecipientSource(contact_ids=tuple(people.values()))
    view = campaign_drafts.compute_audience(workspace, Channel.SMS, source)
    (awa,) = [m for m in view.included if m.id == people["awa"]]
    assert type(awa) is campaign_drafts.AudienceMember
    assert awa.fields["company"] == "Awa Couture" and awa.city == "Dakar"
    assert awa.address(Channel.EMAIL) == "awa@example.sn"
    assert (awa.address(Channel.SMS) or "").endswith("771234567")
    assert awa.address(Channel.WHATSAPP) is None  # only an explicit WhatsApp number counts
    assert view.excluded_counts() == {"no_address": 1}
    assert campaign_drafts.compute_audience(workspace, Channel.SMS, RecipientSource()) == (
        campaign_drafts.AudienceView()
    )


@pytest.mark.usefixtures("channels_set_up")
def test_send_now_saves_then_queues_and_reopens_for_editing(workspace: Workspace) -> None:
    people = _people(workspace)
    draft = _draft(source=RecipientSource(contact_ids=(people["awa"], people["modou"])))
    campaign_id = campaign_drafts.save_draft(workspace, draft)
    state = campaign_drafts.load_for_editing(workspace, campaign_id)
    assert sorted(state.recipient_ids) == sorted([people["awa"], people["modou"]])
    assert state.row.editable and not state.segment_live
    outcome = campaign_drafts.send_now(workspace, _draft(campaign_id, source=draft.source))
    assert (outcome.campaign_id, outcome.queued, outcome.refused) == (campaign_id, 2, None)
    used, _plan = campaign_drafts.message_quota(workspace)
    assert used.used == 2


def test_recipient_pages_filter_by_status_and_survive_a_deleted_campaign(
    workspace: Workspace,
) -> None:
    people = _people(workspace)
    campaign_id = campaign_drafts.save_draft(
        workspace, _draft(source=RecipientSource(contact_ids=tuple(people.values())))
    )
    rows = campaign_views.load_recipients(workspace, campaign_id)
    assert [r.name for r in rows] == ["Awa", "Modou"]
    assert campaign_views.load_recipients(workspace, campaign_id, RecipientStatus.FAILED) == []
    assert len(campaign_views.load_recipients(workspace, campaign_id, limit=1, offset=1)) == 1
    (row,) = campaign_views.load_overview(workspace)
    assert (row.id, row.stats.recipients, row.editable) == (campaign_id, 2, True)
    campaign_drafts.delete(workspace, campaign_id)
    assert campaign_views.load_recipients(workspace, campaign_id) == []
    assert campaign_views.load_overview(workspace) == []


def test_send_now_keeps_the_draft_when_no_service_can_send(workspace: Workspace) -> None:
    people = _people(workspace)
    draft = _draft(source=RecipientSource(contact_ids=(people["awa"], people["modou"])))
    outcome = campaign_drafts.send_now(workspace, draft)
    assert (outcome.queued, outcome.refused, outcome.not_set_up) == (0, None, draft.channel)
    (row,) = campaign_views.load_overview(workspace)
    assert row.status is CampaignStatus.DRAFT and set(row.stats.by_status) == {"pending"}
    used, _plan = campaign_drafts.message_quota(workspace)
    assert used.used == 0


def test_sms_spread_counts_each_recipient_as_rendered_for_them(workspace: Workspace) -> None:
    svc = ContactService(workspace)
    ids = [
        svc.add({"first_name": "Awa", "phone": "771234567"}).id,
        svc.add({"first_name": "Moussa", "phone": "771234568"}).id,
        svc.add({"first_name": "Anaïs", "phone": "771234569"}).id,  # ï: Unicode, 70 a part
    ]
    view = campaign_drafts.compute_audience(
        workspace, Channel.SMS, RecipientSource(contact_ids=tuple(ids))
    )
    body = "Bonjour {{first_name}}, " + "x" * 60
    assert campaign_drafts.sms_spread(body, view.included) == {1: 2, 2: 1}
