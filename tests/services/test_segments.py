"""Segments and the shared contact filter, against a real SQLite workspace."""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from localpro_desktop.domain.campaigns import Channel
from localpro_desktop.domain.changes import ChangeSet
from localpro_desktop.domain.errors import NotFoundError, UserError
from localpro_desktop.domain.ids import utcnow
from localpro_desktop.domain.names import fold, name_key
from localpro_desktop.domain.pipeline import PIPELINE_ORDER, PipelineStatus
from localpro_desktop.domain.segment_rules import SegmentRule
from localpro_desktop.services.segments import SegmentKind, SegmentService
from localpro_desktop.services.workspace import Workspace
from localpro_desktop.store.models import Contact, Segment, SegmentMember
from localpro_desktop.store.queries.contacts import (
    contact_filter,
    count_contacts,
    select_contact_ids,
    select_contacts,
)

STATUSES = list(PIPELINE_ORDER)
CITIES = ["Dakar", "Thiès", "DAKAR", "thies", "Saint-Louis", "Abidjan"]
FIRST_NAMES = ["Aïssatou", "Mamadou", "Fatou", "Ndèye", "Cheikh", "Awa", "Ibrahima"]
SECTORS = ["Commerce", "Restauration", "Santé"]
TAGS = [["vip", "grossiste"], ["vip"], ["fidèle"], []]
DELETED = 29


@dataclass
class Person:
    """The test's own record of a contact, so expectations are plain Python predicates."""

    i: int
    status: PipelineStatus
    city: str
    first_name: str
    sector: str
    tags: list[str]
    created_at: datetime
    last_contacted_at: datetime | None
    phone_e164: str | None
    whatsapp_e164: str | None
    email_normalized: str | None
    opt_out_whatsapp: bool
    opt_out_email: bool
    opt_out_sms: bool
    company: str = ""
    id: str = field(default="")

    @property
    def country(self) -> str:
        return "CI" if self.city == "Abidjan" else "SN"


def person(i: int) -> Person:
    return Person(
        i=i,
        status=STATUSES[i % 6],
        city=CITIES[i % 5] if i % 11 else "Abidjan",
        first_name=FIRST_NAMES[i % 7],
        sector=SECTORS[i % 3],
        tags=TAGS[i % 4],
        created_at=datetime(2024, 1, 1, 10) + timedelta(days=3 * i),
        last_contacted_at=None if i % 3 == 0 else datetime(2024, 6, 1, 9) + timedelta(days=i),
        phone_e164=f"+22177{i:07d}" if i % 2 == 0 else None,
        whatsapp_e164=f"+22178{i:07d}" if i % 3 != 1 else None,
        email_normalized=f"p{i}@example.sn" if i % 4 != 3 else None,
        opt_out_whatsapp=i % 5 == 0,
        opt_out_email=i % 7 == 0,
        opt_out_sms=i % 8 == 0,
        company="Boutique Touré" if i % 9 == 0 else "",
    )


def contact_row(p: Person) -> Contact:
    last_name = f"Sow{p.i:02d}"
    return Contact(
        first_name=p.first_name,
        last_name=last_name,
        company=p.company,
        name_key=name_key(f"{p.first_name} {last_name}"),
        sector=p.sector,
        city=p.city,
        country=p.country,
        status=p.status.value,
        tags=list(p.tags),
        created_at=p.created_at,
        last_contacted_at=p.last_contacted_at,
        # Raw phones as typed locally, e164 only when valid (as the normalizer does).
        phone=f"77 {p.i:03d} 00 00" if p.phone_e164 else ("12" if p.i % 10 == 5 else ""),
        phone_e164=p.phone_e164,
        whatsapp=p.whatsapp_e164 or "",
        whatsapp_e164=p.whatsapp_e164,
        email=p.email_normalized or "",
        email_normalized=p.email_normalized,
        opt_out_whatsapp=p.opt_out_whatsapp,
        opt_out_email=p.opt_out_email,
        opt_out_sms=p.opt_out_sms,
    )


class Crm:
    """Thirty contacts in a workspace, the last one deleted, with handy lookups."""

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws
        self.people = [person(i) for i in range(30)]
        with ws.write() as session:
            for p in self.people:
                row = contact_row(p)
                if p.i == DELETED:
                    row.deleted_at = utcnow()
                session.add(row)
                session.flush()
                p.id = row.id
        self.by_id = {p.id: p for p in self.people}

    @property
    def live(self) -> list[Person]:
        return [p for p in self.people if p.i != DELETED]

    def expect(self, predicate: Callable[[Person], bool]) -> set[int]:
        return {p.i for p in self.live if predicate(p)}

    def matching(self, rule: SegmentRule, **kwargs: object) -> set[int]:
        with self.ws.read() as session:
            ids = session.scalars(select_contact_ids(rule, **kwargs)).all()  # type: ignore[arg-type]
            count = session.scalar(count_contacts(rule, **kwargs))  # type: ignore[arg-type]
        assert count == len(ids)
        assert len(set(ids)) == len(ids)
        return {self.by_id[i].i for i in ids}

    def numbers(self, ids: list[str]) -> list[int]:
        return [self.by_id[i].i for i in ids]


@pytest.fixture
def crm(workspace: Workspace) -> Crm:
    return Crm(workspace)


@pytest.fixture
def segments(workspace: Workspace) -> SegmentService:
    return SegmentService(workspace)


# -- the contact filter, one field at a time ----------------------------------------------


def test_empty_rule_is_every_live_contact(crm: Crm) -> None:
    assert crm.matching(SegmentRule()) == set(range(29))


def test_statuses(crm: Crm) -> None:
    rule = SegmentRule(statuses=(PipelineStatus.INTERESTED, PipelineStatus.NEGOTIATION))
    expected = crm.expect(lambda p: p.status in {"interested", "negotiation"})
    assert expected == {2, 3, 8, 9, 14, 15, 20, 21, 26, 27}
    assert crm.matching(rule) == expected


def test_tags_any_and_all_are_case_and_accent_insensitive(crm: Crm) -> None:
    assert crm.matching(SegmentRule(tags_any=("vip",))) == crm.expect(lambda p: "vip" in p.tags)
    assert crm.matching(SegmentRule(tags_any=("grossiste", "Fidele"))) == crm.expect(
        lambda p: p.i % 4 in (0, 2)
    )
    assert crm.matching(SegmentRule(tags_all=("VIP", "grossiste"))) == crm.expect(
        lambda p: p.i % 4 == 0
    )
    assert crm.matching(SegmentRule(tags_all=("vip", "fidèle"))) == set()
    assert crm.matching(SegmentRule(tags_any=("absent",))) == set()


def test_city_ignores_case_and_accents(crm: Crm) -> None:
    thies = crm.expect(lambda p: fold(p.city) == "thies")
    assert thies == {1, 3, 6, 8, 13, 16, 18, 21, 23, 26, 28}
    assert crm.matching(SegmentRule(city="thies")) == thies
    assert crm.matching(SegmentRule(city="THIÈS")) == thies
    assert crm.matching(SegmentRule(city="dakar")) == crm.expect(
        lambda p: p.city.lower() == "dakar"
    )
    assert crm.matching(SegmentRule(city="saint louis")) == crm.expect(
        lambda p: p.city == "Saint-Louis"
    )
    assert crm.matching(SegmentRule(city="Thiès-Nord")) == set()


def test_sector_and_country(crm: Crm) -> None:
    assert crm.matching(SegmentRule(sector="sante")) == crm.expect(lambda p: p.sector == "Santé")
    assert crm.matching(SegmentRule(country="ci")) == {0, 11, 22}
    assert crm.matching(SegmentRule(country="CI", sector="Restauration")) == {22}


def test_text_searches_names_company_city_email_and_phones(crm: Crm) -> None:
    assert crm.matching(SegmentRule(text="aissatou")) == crm.expect(lambda p: p.i % 7 == 0)
    assert crm.matching(SegmentRule(text="NDEYE")) == crm.expect(lambda p: p.i % 7 == 3)
    assert crm.matching(SegmentRule(text="sow07")) == {7}
    assert crm.matching(SegmentRule(text="toure")) == crm.expect(lambda p: p.i % 9 == 0)
    assert crm.matching(SegmentRule(text="p12@example")) == {12}
    # Several words must all appear, in any field and any order.
    assert crm.matching(SegmentRule(text="Thiès fatou")) == crm.expect(
        lambda p: p.first_name == "Fatou" and fold(p.city) == "thies"
    )
    # Phones: local format with a leading zero, spaced digits, full international.
    assert crm.matching(SegmentRule(text="0770000014")) == {14}
    assert crm.matching(SegmentRule(text="77 014")) == {14}
    assert crm.matching(SegmentRule(text="+221 78 000 00 24")) == {24}
    assert crm.matching(SegmentRule(text="zzz")) == set()


def test_created_dates_are_calendar_days(crm: Crm) -> None:
    # Contact i was created on 2024-01-01 + 3i days at 10:00.
    since = SegmentRule(created_since=date(2024, 1, 31))  # i = 10 was created that day
    assert crm.matching(since) == crm.expect(lambda p: p.i >= 10)
    before = SegmentRule(created_before=date(2024, 1, 31))
    assert crm.matching(before) == crm.expect(lambda p: p.i < 10)
    window = SegmentRule(created_since=date(2024, 1, 31), created_before=date(2024, 2, 6))
    assert crm.matching(window) == {10, 11}


def test_last_contacted_before_includes_never_contacted(crm: Crm) -> None:
    # Contacted on 2024-06-01 + i days at 09:00 unless i % 3 == 0.
    rule = SegmentRule(last_contacted_before=date(2024, 6, 11))
    expected = crm.expect(lambda p: p.i % 3 == 0 or p.i < 10)
    assert crm.matching(rule) == expected
    assert {0, 3, 27} <= expected


def test_last_contacted_since_excludes_never_contacted(crm: Crm) -> None:
    rule = SegmentRule(last_contacted_since=date(2024, 6, 21))
    assert crm.matching(rule) == crm.expect(lambda p: p.i % 3 != 0 and p.i >= 20)
    window = SegmentRule(
        last_contacted_since=date(2024, 6, 11), last_contacted_before=date(2024, 6, 15)
    )
    assert crm.matching(window) == {10, 11, 13}


def test_day_boundaries_follow_the_given_time_zone(crm: Crm) -> None:
    # Contact 10 was created 2024-01-31 10:00 UTC, which is 2024-01-31 in Nairobi (UTC+3)
    # but already 2024-02-01 in Kiritimati (UTC+14).
    # Contact 11 was created 2024-02-03 10:00 UTC, 2024-02-04 00:00 in Kiritimati.
    rule = SegmentRule(created_since=date(2024, 2, 1), created_before=date(2024, 2, 4))
    assert crm.matching(rule) == {11}
    assert crm.matching(rule, tz=ZoneInfo("Africa/Nairobi")) == {11}
    assert crm.matching(rule, tz=ZoneInfo("Pacific/Kiritimati")) == {10}


def test_has_phone_email_whatsapp(crm: Crm) -> None:
    assert crm.matching(SegmentRule(has_phone=True)) == crm.expect(lambda p: p.i % 2 == 0)
    # Contact 5, 15, 25 typed an invalid phone: there is text but no valid number.
    assert crm.matching(SegmentRule(has_phone=False)) == crm.expect(lambda p: p.i % 2 == 1)
    assert crm.matching(SegmentRule(has_email=True)) == crm.expect(lambda p: p.i % 4 != 3)
    assert crm.matching(SegmentRule(has_email=False)) == crm.expect(lambda p: p.i % 4 == 3)
    assert crm.matching(SegmentRule(has_whatsapp=True)) == crm.expect(lambda p: p.i % 3 != 1)
    assert crm.matching(SegmentRule(has_whatsapp=False)) == crm.expect(lambda p: p.i % 3 == 1)


@pytest.mark.parametrize(
    ("channel", "predicate"),
    [
        (Channel.WHATSAPP, lambda p: p.whatsapp_e164 is not None and not p.opt_out_whatsapp),
        (Channel.EMAIL, lambda p: p.email_normalized is not None and not p.opt_out_email),
        (Channel.SMS, lambda p: p.phone_e164 is not None and not p.opt_out_sms),
    ],
)
def test_reachable_on_needs_an_address_and_no_opt_out(
    crm: Crm, channel: Channel, predicate: Callable[[Person], bool]
) -> None:
    expected = crm.expect(predicate)
    assert expected  # the fixture has reachable people on every channel...
    assert expected != crm.expect(lambda p: True)  # ...and unreachable ones
    assert crm.matching(SegmentRule(reachable_on=channel)) == expected


def test_combined_rule(crm: Crm) -> None:
    rule = SegmentRule(
        statuses=(PipelineStatus.NEW, PipelineStatus.CONTACTED, PipelineStatus.CLIENT),
        tags_any=("vip",),
        city="Dakar",
        reachable_on=Channel.WHATSAPP,
        last_contacted_before=date(2024, 6, 20),
    )

    def wanted(p: Person) -> bool:
        return (
            p.status in {"new", "contacted", "client"}
            and "vip" in p.tags
            and p.city.lower() == "dakar"
            and p.whatsapp_e164 is not None
            and not p.opt_out_whatsapp
            and (p.last_contacted_at is None or p.last_contacted_at < datetime(2024, 6, 20))
        )

    expected = crm.expect(wanted)
    assert expected == {12}
    assert crm.matching(rule) == expected


def test_deleted_contacts_never_match(crm: Crm) -> None:
    gone = crm.people[DELETED]
    rule = SegmentRule(text=f"sow{DELETED}", city=gone.city, statuses=(gone.status,))
    assert crm.matching(rule) == set()
    with crm.ws.read() as session:
        assert session.scalar(count_contacts(SegmentRule())) == 29


def test_select_contacts_orders_and_pages(crm: Crm) -> None:
    rule = SegmentRule(city="dakar")
    with crm.ws.read() as session:
        by_status = session.scalars(select_contacts(rule, order_by="status")).all()
        ranks = [PipelineStatus(c.status).rank for c in by_status]
        assert ranks == sorted(ranks)
        newest = session.scalars(
            select_contacts(rule, order_by="created", descending=True, limit=3)
        ).all()
        assert [c.created_at for c in newest] == sorted(
            (c.created_at for c in by_status), reverse=True
        )[:3]
        follow_up = session.scalars(select_contacts(rule, order_by="last_contacted")).all()
        assert follow_up[0].last_contacted_at is None  # never contacted first
        names = session.scalars(select_contacts(rule)).all()
        assert [c.name_key for c in names] == sorted(c.name_key for c in names)
        pages = [
            c.id
            for offset in range(0, len(names), 4)
            for c in session.scalars(select_contacts(rule, limit=4, offset=offset))
        ]
        assert pages == [c.id for c in names]
    with pytest.raises(UserError, match="Cannot sort contacts by 'age'"):
        select_contacts(rule, order_by="age")  # type: ignore[arg-type]


def test_contact_filter_is_plain_where_clauses(crm: Crm) -> None:
    with crm.ws.read() as session:
        clauses = contact_filter(SegmentRule(has_email=True, sector="Commerce"))
        rows = session.scalars(select(Contact.id).where(*clauses)).all()
    assert {crm.by_id[i].i for i in rows} == crm.expect(
        lambda p: p.i % 4 != 3 and p.sector == "Commerce"
    )


# -- rule segments ----------------------------------------------------------------------


def test_rule_segment_members_follow_the_contacts(
    crm: Crm, segments: SegmentService, workspace: Workspace
) -> None:
    info = segments.create_rule("Thiès VIP", SegmentRule(city="thies", tags_any=("vip",)))
    assert info.kind is SegmentKind.RULE
    assert info.rule == SegmentRule(city="thies", tags_any=("vip",))
    expected = crm.expect(lambda p: fold(p.city) == "thies" and "vip" in p.tags)
    assert expected == {1, 8, 13, 16, 21, 28}
    assert info.member_count == 6
    assert set(crm.numbers(segments.contact_ids("thiès vip"))) == expected
    assert segments.count(info) == 6
    page = segments.contacts(info.id, limit=2, offset=1)
    assert [c.id for c in page] == segments.contact_ids(info)[1:3]

    with workspace.write() as session:
        session.get(Contact, crm.people[1].id).deleted_at = utcnow()  # type: ignore[union-attr]
        session.get(Contact, crm.people[0].id).city = "Thies"  # type: ignore[union-attr]
    assert set(crm.numbers(segments.contact_ids(info))) == {0, 8, 13, 16, 21, 28}


def test_update_rule_and_preview(crm: Crm, segments: SegmentService) -> None:
    info = segments.create_rule("Clients", SegmentRule(statuses=(PipelineStatus.CLIENT,)))
    assert info.member_count == len(crm.expect(lambda p: p.status == "client"))
    new_rule = SegmentRule(statuses=(PipelineStatus.CLIENT,), has_email=True)
    preview = segments.preview(new_rule, limit=2)
    assert preview.count == len(crm.expect(lambda p: p.status == "client" and p.i % 4 != 3))
    assert len(preview.contacts) == 2
    updated = segments.update_rule("clients", new_rule, description="with e-mail")
    assert updated.rule == new_rule
    assert updated.description == "with e-mail"
    assert updated.member_count == preview.count


def test_stored_rule_is_the_json_dict(crm: Crm, segments: SegmentService) -> None:
    rule = SegmentRule(city="Dakar", created_since=date(2024, 2, 1))
    info = segments.create_rule("Dakar récents", rule)
    with crm.ws.read() as session:
        stored = session.get(Segment, info.id)
        assert stored is not None
        assert stored.rule == rule.to_dict()
        assert stored.kind == "rule"


def test_unreadable_stored_rule_still_lists(crm: Crm, segments: SegmentService) -> None:
    info = segments.create_rule("Future", SegmentRule(city="Dakar"))
    with crm.ws.write() as session:
        row = session.get(Segment, info.id)
        assert row is not None
        row.rule = {"city": "Dakar", "loyalty_points_min": 10}
    [listed] = segments.list()
    assert listed.rule is None
    assert "loyalty_points_min" in listed.problem
    with pytest.raises(UserError, match="cannot read"):
        segments.contact_ids(info)


# -- static segments --------------------------------------------------------------------


def test_static_segment_members(crm: Crm, segments: SegmentService) -> None:
    picked = [crm.people[i].id for i in (3, 7, 12)]
    info = segments.create_static("Salon 2024", picked, description="met at the fair")
    assert info.kind is SegmentKind.STATIC
    assert info.rule is None
    assert info.member_count == 3
    assert set(crm.numbers(segments.contact_ids(info))) == {3, 7, 12}

    assert segments.add_members("SALON 2024", [crm.people[7].id, crm.people[20].id[:30]]) == 1
    assert set(crm.numbers(segments.contact_ids(info))) == {3, 7, 12, 20}

    assert segments.remove_members(info, [crm.people[3].id, crm.people[4].id]) == 1
    assert set(crm.numbers(segments.contact_ids(info))) == {7, 12, 20}
    assert segments.remove_members(info, [crm.people[3].id]) == 0

    # Added back: the tombstoned membership is revived, not duplicated.
    assert segments.add_members(info, [crm.people[3].id]) == 1
    with crm.ws.read() as session:
        rows = session.scalars(
            select(SegmentMember).where(
                SegmentMember.segment_id == info.id,
                SegmentMember.contact_id == crm.people[3].id,
            )
        ).all()
    assert len(rows) == 1
    assert rows[0].deleted_at is None
    assert segments.count(info) == 4


def test_static_members_exclude_deleted_contacts(crm: Crm, segments: SegmentService) -> None:
    info = segments.create_static("Few", [crm.people[i].id for i in (1, 2)])
    with crm.ws.write() as session:
        session.get(Contact, crm.people[2].id).deleted_at = utcnow()  # type: ignore[union-attr]
    assert crm.numbers(segments.contact_ids(info)) == [1]
    assert segments.count(info) == 1
    assert [s.member_count for s in segments.list()] == [1]
    assert [c.id for c in segments.contacts(info)] == [crm.people[1].id]
    # A member whose contact was deleted can still be taken out.
    assert segments.remove_members(info, [crm.people[2].id]) == 1


def test_static_segment_refuses_deleted_or_unknown_contacts(
    crm: Crm, segments: SegmentService
) -> None:
    with pytest.raises(NotFoundError):
        segments.create_static("Ghosts", [crm.people[DELETED].id])
    with pytest.raises(NotFoundError):
        segments.create_static("Ghosts", ["not-an-id"])
    assert segments.list() == []  # the failed create rolled back entirely


def test_members_of_rule_segments_cannot_be_hand_picked(crm: Crm, segments: SegmentService) -> None:
    info = segments.create_rule("Dakar", SegmentRule(city="Dakar"))
    with pytest.raises(UserError, match="follows a rule"):
        segments.add_members(info, [crm.people[0].id])
    with pytest.raises(UserError, match="follows a rule"):
        segments.remove_members(info, [crm.people[0].id])
    static = segments.create_static("Hand", [])
    with pytest.raises(UserError, match="static list"):
        segments.update_rule(static, SegmentRule(city="Dakar"))


# -- names, listing, deletion -------------------------------------------------------------


def test_names_are_unique_among_live_segments_ignoring_case(
    crm: Crm, segments: SegmentService
) -> None:
    first = segments.create_rule("VIP Dakar", SegmentRule(city="Dakar", tags_any=("vip",)))
    with pytest.raises(UserError, match="already exists"):
        segments.create_static("vip  dakar", [])
    with pytest.raises(UserError, match="needs a name"):
        segments.create_rule("   ", SegmentRule())
    other = segments.create_static("Autres", [])
    with pytest.raises(UserError, match="already exists"):
        segments.rename(other, "Vip dakar")
    assert segments.rename(first, "vip DAKAR").name == "vip DAKAR"  # its own name, new case
    segments.delete(first)
    assert segments.create_static("VIP Dakar", []).name == "VIP Dakar"  # free again


def test_get_by_name_or_id_and_helpful_not_found(crm: Crm, segments: SegmentService) -> None:
    a = segments.create_rule("Clients Dakar", SegmentRule(city="Dakar"))
    segments.create_static("Ambassadeurs", [])
    assert segments.get("  clients   DAKAR ").id == a.id
    assert segments.get(a.id).name == "Clients Dakar"
    assert segments.get(a.id[:30].upper()).id == a.id  # a unique prefix, as lists show
    with pytest.raises(NotFoundError) as caught:
        segments.get("Clients Thiès")
    assert str(caught.value) == (
        "No segment named 'Clients Thiès'; existing: Ambassadeurs, Clients Dakar."
    )


def test_list_gives_live_counts_sorted_by_name(crm: Crm, segments: SegmentService) -> None:
    segments.create_rule("zoo", SegmentRule(country="CI"))
    segments.create_static("Alpha", [crm.people[0].id, crm.people[1].id])
    segments.create_rule("Everyone", SegmentRule())
    gone = segments.create_static("Gone", [crm.people[0].id])
    segments.delete(gone)
    listed = segments.list()
    assert [(s.name, s.member_count) for s in listed] == [
        ("Alpha", 2),
        ("Everyone", 29),
        ("zoo", 3),
    ]


def test_delete_tombstones_segment_and_members(crm: Crm, segments: SegmentService) -> None:
    info = segments.create_static("Temp", [crm.people[i].id for i in (1, 2, 3)])
    segments.delete("temp")
    with crm.ws.read() as session:
        row = session.get(Segment, info.id)
        assert row is not None and row.deleted_at is not None
        members = session.scalars(
            select(SegmentMember).where(SegmentMember.segment_id == info.id)
        ).all()
        assert len(members) == 3
        assert all(m.deleted_at is not None for m in members)
    with pytest.raises(NotFoundError):
        segments.get(info.id)
    with pytest.raises(NotFoundError):
        segments.delete(info)


def test_each_write_publishes_what_changed(crm: Crm, segments: SegmentService) -> None:
    seen: list[ChangeSet] = []
    crm.ws.changes.subscribe(seen.append)

    info = segments.create_static("Notify", [crm.people[0].id])
    assert seen[-1].ids["segments"] == {info.id}
    assert len(seen[-1].ids["segment_members"]) == 1

    segments.add_members(info, [crm.people[1].id])
    assert seen[-1].tables == {"segments", "segment_members"}
    segments.rename(info, "Notified")
    assert seen[-1].ids == {"segments": {info.id}}
    rule_segment = segments.create_rule("R", SegmentRule())
    segments.update_rule(rule_segment, SegmentRule(has_phone=True))
    assert seen[-1].ids == {"segments": {rule_segment.id}}
    segments.delete(info)
    assert seen[-1].ids["segments"] == {info.id}
    assert len(seen[-1].ids["segment_members"]) == 2

    count = len(seen)
    segments.list()
    segments.count(rule_segment)
    assert len(seen) == count  # reads publish nothing
