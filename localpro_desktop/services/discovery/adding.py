"""Adding found places: new ones become prospects, known ones are merged, merges undone.

- A new place becomes a prospect like one typed by hand (same normalisation) and counts
  against the plan's monthly prospect limit; when fewer remain than were chosen, the first
  ones are added and the rest reported, never silently dropped.
- A known place (same phone, close name nearby) is merged into the prospect it matches:
  empty fields are filled from the place, fields the user filled are kept, and the
  source's reference is added, so the next search knows it. Merging costs nothing.
  What each merge changed is kept (``discovery_merges``) so it can be reviewed and undone.
- A place already added from this very source is left alone.

The matches are computed again inside the write transaction: the workspace may have
changed (a sync, another search) since the preview was shown.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from sqlalchemy import select

from localpro_desktop.discovery.found import DiscoverySource, FoundPlace
from localpro_desktop.domain.changes import ChangeSet
from localpro_desktop.domain.errors import UserError
from localpro_desktop.domain.ids import utcnow
from localpro_desktop.domain.messages import discovery as msg
from localpro_desktop.domain.normalize import normalize_prospect
from localpro_desktop.domain.phones import take_phone_as_whatsapp
from localpro_desktop.domain.plans import PLAN_LIMITS, Metric
from localpro_desktop.domain.sources import ProspectSource, with_ref, without_ref
from localpro_desktop.services import usage
from localpro_desktop.services.discovery.matching import WorkspaceIndex, preview_rows
from localpro_desktop.services.discovery.model import (
    AddMode,
    AddOutcome,
    MatchKind,
    MergeRecord,
    Preview,
)
from localpro_desktop.services.workspace import Workspace
from localpro_desktop.store.models import DiscoveryMerge, Prospect
from localpro_protocol.wire import Table

PROSPECT_SOURCE = {
    DiscoverySource.OSM: ProspectSource.OPENSTREETMAP,
    DiscoverySource.GOOGLE: ProspectSource.GOOGLE_MAPS,
}

# Filled from the place only when empty on the prospect; (field, its derived column).
_FILLABLE = (
    ("phone", "phone_e164"),
    ("whatsapp", "whatsapp_e164"),
    ("email", "email_normalized"),
    ("website", None),
    ("address", None),
)


def prospect_fields(place: FoundPlace, preview: Preview) -> dict[str, object]:
    """A place as the fields a prospect is made of (normalised like a typed one)."""
    phone = place.phone or (place.unparsed_phones[0] if place.unparsed_phones else "")
    others = [n for n in (*place.phones, *place.unparsed_phones) if n != phone]
    fields: dict[str, object] = {
        "business_name": place.name,
        "sector": preview.request.sector,
        "city": place.city or preview.city.name,
        "country": place.country or preview.city.country,
        "address": place.address or "",
        "phone": phone,
        "whatsapp": place.whatsapp or "",
        "email": place.email or "",
        "website": place.website or "",
        "source_ref": place.ref,
        # More numbers than the record has fields for: kept where the user sees them.
        "notes": "; ".join(others),
    }
    if place.coordinates_storable and place.lat is not None and place.lon is not None:
        fields["latitude"], fields["longitude"] = place.lat, place.lon
    return fields


def add_from_preview(
    ws: Workspace,
    preview: Preview,
    refs: Iterable[str] | None = None,
    *,
    mode: AddMode = AddMode.ALL,
) -> AddOutcome:
    """Add the chosen places (``refs``; None: every row ``mode`` takes)."""
    if mode is AddMode.NONE:
        return AddOutcome()
    chosen = set(refs) if refs is not None else None
    places = [
        row.place
        for row in preview.rows
        if (chosen is None or row.place.ref in chosen)
        and (mode is AddMode.ALL or row.is_new or chosen is not None)
    ]
    if chosen is not None:
        missing = chosen - {p.ref for p in places}
        if missing:
            raise UserError(msg.NOT_IN_PREVIEW, count=len(missing))
    settings = ws.settings()
    changes = ChangeSet()
    added: list[str] = []
    merged: list[str] = []
    ids: list[str] = []
    already = over = 0
    with ws.write(changes) as session:
        index = WorkspaceIndex.load(session)
        rows = preview_rows(index, places, preview.city.name)
        new_rows = [row for row in rows if row.is_new]
        room = usage.remaining(session, settings.plan, Metric.PROSPECTS)
        allowed = len(new_rows) if room is None else min(room, len(new_rows))
        over = len(new_rows) - allowed
        for row in new_rows[:allowed]:
            prospect = _new_prospect(row.place, preview, settings.country)
            session.add(prospect)
            session.flush()
            added.append(row.place.ref)
            ids.append(prospect.id)
            changes.add(Table.PROSPECTS, prospect.id)
        if allowed:
            usage.record(session, Metric.PROSPECTS, allowed, "prospect:discovery")
            changes.touch(Table.USAGE_EVENTS)
        for row in rows:
            if row.match is MatchKind.SAME_REF:
                already += 1
            elif row.can_merge and row.known_id is not None:
                known = session.get(Prospect, row.known_id)
                if known is None or known.deleted_at is not None:
                    continue
                _merge(session, known, row.place, row.match)
                merged.append(row.place.ref)
                ids.append(known.id)
                changes.add(Table.PROSPECTS, known.id)
    return AddOutcome(
        added=len(added),
        merged=len(merged),
        already=already,
        over_limit=over,
        plan=settings.plan.value,
        limit=PLAN_LIMITS[settings.plan][Metric.PROSPECTS],
        remaining=room,
        added_refs=tuple(added),
        merged_refs=tuple(merged),
        prospect_ids=tuple(ids),
    )


def _new_prospect(place: FoundPlace, preview: Preview, region: str) -> Prospect:
    normalized = normalize_prospect(prospect_fields(place, preview), region)
    values = normalized.values
    if not place.whatsapp:
        take_phone_as_whatsapp(values)
    return Prospect(**values, source=PROSPECT_SOURCE[place.source].value)


def _merge(session: Any, prospect: Prospect, place: FoundPlace, reason: MatchKind) -> None:
    region = prospect.country or place.country
    normalized = normalize_prospect(
        {
            "business_name": place.name,
            "phone": place.phone or "",
            "whatsapp": place.whatsapp or "",
            "email": place.email or "",
            "website": place.website or "",
            "address": place.address or "",
        },
        region,
    ).values
    before: dict[str, object] = {}
    after: dict[str, object] = {}
    for name, derived in _FILLABLE:
        value = normalized.get(name)
        if value and not getattr(prospect, name):
            for column in (name, derived):
                if column is None:
                    continue
                before[column] = getattr(prospect, column)
                after[column] = normalized.get(column)
                setattr(prospect, column, normalized.get(column))
    if (
        place.coordinates_storable
        and place.lat is not None
        and place.lon is not None
        and prospect.latitude is None
    ):
        before.update(latitude=None, longitude=None)
        after.update(latitude=place.lat, longitude=place.lon)
        prospect.latitude, prospect.longitude = place.lat, place.lon
    prospect.source_ref = with_ref(prospect.source_ref or "", place.ref)
    session.add(
        DiscoveryMerge(
            prospect_id=prospect.id,
            ref=place.ref,
            place_name=place.name,
            reason=reason.value,
            before=json.dumps(before, ensure_ascii=False),
            after=json.dumps(after, ensure_ascii=False),
            merged_at=utcnow(),
        )
    )


def merges(ws: Workspace, *, limit: int = 200, include_undone: bool = False) -> list[MergeRecord]:
    """The latest merges, newest first, with the prospect's current name."""
    query = select(DiscoveryMerge, Prospect.business_name).join(
        Prospect, Prospect.id == DiscoveryMerge.prospect_id
    )
    if not include_undone:
        query = query.where(DiscoveryMerge.undone_at.is_(None))
    query = query.order_by(DiscoveryMerge.merged_at.desc()).limit(limit)
    with ws.read() as session:
        return [
            MergeRecord(
                id=merge.id,
                prospect_id=merge.prospect_id,
                prospect_name=name,
                place_name=merge.place_name,
                ref=merge.ref,
                reason=MatchKind(merge.reason),
                fields=tuple(
                    k for k in json.loads(merge.after) if not k.endswith(("_e164", "_normalized"))
                ),
                merged_at=merge.merged_at,
                undone_at=merge.undone_at,
            )
            for merge, name in session.execute(query)
        ]


def undo_merge(ws: Workspace, merge_id: str) -> None:
    """Put back what the merge changed, unless the user changed it since; the reference
    goes, so the place shows as new (or as a match) in the next preview."""
    changes = ChangeSet()
    with ws.write(changes) as session:
        merge = session.get(DiscoveryMerge, merge_id)
        if merge is None:
            raise UserError(msg.NO_MERGE, ident=merge_id)
        if merge.undone_at is not None:
            raise UserError(msg.MERGE_UNDONE_ALREADY)
        prospect = session.get(Prospect, merge.prospect_id)
        if prospect is not None:
            before = json.loads(merge.before)
            after = json.loads(merge.after)
            for column, old in before.items():
                if getattr(prospect, column) == after.get(column):
                    setattr(prospect, column, old)
            prospect.source_ref = without_ref(prospect.source_ref or "", merge.ref)
            changes.add(Table.PROSPECTS, prospect.id)
        merge.undone_at = utcnow()
