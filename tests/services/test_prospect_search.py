"""The one prospect search on a real workspace: keyset pages, offsets, positions, choices.

Each expectation comes from a plain ORDER BY over the table, never from the search
itself, so a wrong page, a gap between pages or a wrong position fails here.
"""

import pytest
from sqlalchemy import select

from localpro_desktop.domain.prospect_fields import EDITABLE, OPTIONAL, REQUIRED
from localpro_desktop.services.prospect_search import (
    Column,
    ProspectFilter,
    Sort,
    fetch_page,
    load_choices,
    position_of,
)
from localpro_desktop.services.prospects import ProspectRecord, ProspectService
from localpro_desktop.services.workspace import Workspace
from localpro_desktop.store.models import Prospect
from localpro_desktop.store.queries.prospects import apply_filter

CITIES = ("Dakar", "Thiès", "Mbour")
SECTORS = ("bakery", "garage", "")


@pytest.fixture
def filled(workspace: Workspace) -> Workspace:
    svc = ProspectService(workspace)
    ids = [
        svc.add(
            {
                # Equal names on purpose: the id must break the tie, or pages overlap.
                "business_name": f"Boutique {i % 7}",
                "city": CITIES[i % 3],
                "sector": SECTORS[i % 3],
                "phone": "77 123 45 67" if i % 2 else "",
            },
            allow_duplicate=True,
        ).id
        for i in range(23)
    ]
    svc.convert(ids[:4])
    svc.delete(ids[-2:])
    return workspace


def _expected(ws: Workspace, flt: ProspectFilter, order: list) -> list[str]:  # type: ignore[type-arg]
    with ws.read() as session:
        return list(session.scalars(apply_filter(select(Prospect.id), flt).order_by(*order)))


def _all_pages(ws: Workspace, flt: ProspectFilter, sort: Sort, size: int) -> list[str]:
    first = fetch_page(ws, flt, sort, limit=size, with_total=True)
    ids = [row.id for row in first.rows]
    last = first.rows[-1].key if first.rows else None
    while last is not None:
        page = fetch_page(ws, flt, sort, after=last, limit=size)
        ids += [row.id for row in page.rows]
        last = page.rows[-1].key if page.rows else None
    return ids


def test_keyset_pages_join_without_gaps_in_name_order(filled: Workspace) -> None:
    flt = ProspectFilter()
    expected = _expected(filled, flt, [Prospect.business_name, Prospect.id])
    assert len(expected) == 21
    assert _all_pages(filled, flt, Sort(), size=4) == expected
    assert fetch_page(filled, flt, Sort(), limit=4, with_total=True).total == 21
    assert fetch_page(filled, flt, Sort(), limit=4).total is None  # counted only when asked


def test_pages_in_descending_city_order(filled: Workspace) -> None:
    flt = ProspectFilter(has_phone=True)
    expected = _expected(
        filled,
        flt,
        [Prospect.city.desc(), Prospect.business_name.desc(), Prospect.id.desc()],
    )
    assert expected  # the filter keeps some rows
    assert _all_pages(filled, flt, Sort(Column.CITY, descending=True), size=3) == expected


def test_offset_skips_rows_like_the_old_cli_did(filled: Workspace) -> None:
    flt = ProspectFilter(city="Dakar")
    expected = _expected(filled, flt, [Prospect.business_name, Prospect.id])
    page = fetch_page(filled, flt, Sort(), offset=2, limit=3, with_total=True)
    assert [row.id for row in page.rows] == expected[2:5]
    assert page.total == len(expected)


def test_position_of_matches_the_sorted_list(filled: Workspace) -> None:
    sort = Sort(Column.CONVERTED)
    flt = ProspectFilter()
    ids = _all_pages(filled, flt, sort, size=50)
    for index in (0, 7, len(ids) - 1):
        assert position_of(filled, flt, sort, ids[index]) == index
    with filled.read() as session:
        gone = session.scalar(select(Prospect.id).where(Prospect.deleted_at.is_not(None)))
    assert gone is not None
    assert position_of(filled, flt, sort, gone) is None


def test_choices_list_only_live_values_and_cities_by_sector(filled: Workspace) -> None:
    choices = load_choices(filled)
    assert choices.sectors == ["bakery", "garage"]
    assert choices.sources == ["manual"]
    assert choices.cities("bakery") == ["Dakar"]
    assert choices.cities() == sorted(CITIES, key=str.casefold)


def test_service_search_gives_full_records_of_the_same_page(filled: Workspace) -> None:
    svc = ProspectService(filled)
    flt = ProspectFilter(sector="garage")
    page = svc.search(flt, limit=3, offset=1)
    screen = fetch_page(filled, flt, Sort(), offset=1, limit=3, with_total=True)
    assert [p.id for p in page.rows] == [row.id for row in screen.rows]
    assert page.total == screen.total == 7
    assert all(isinstance(p, ProspectRecord) and p.sector == "garage" for p in page.rows)


def test_records_are_plain_values(filled: Workspace) -> None:
    svc = ProspectService(filled)
    first = svc.search(ProspectFilter(converted=True), limit=1).rows[0]
    record = svc.get(first.id)
    assert record == first  # the same values however it is read
    assert record.contact_id is not None and record.tags == ()
    with pytest.raises(AttributeError):
        record.notes = "changed"  # type: ignore[misc]


def test_one_list_of_editable_fields() -> None:
    assert EDITABLE[0] == REQUIRED == "business_name"
    assert EDITABLE[1:] == OPTIONAL and REQUIRED not in OPTIONAL
    assert set(EDITABLE) <= set(ProspectRecord.__dataclass_fields__)
