"""Prospect rules on a real workspace: validation, duplicates, search, limits, conversion."""

import pytest
from sqlalchemy import func, select

from localpro_desktop.domain.errors import NotFoundError, UserError
from localpro_desktop.domain.plans import PlanLimitError
from localpro_desktop.services.prospects import ProspectService
from localpro_desktop.services.workspace import Workspace
from localpro_desktop.store.models import Activity, Contact, Prospect, UsageEvent
from localpro_desktop.store.queries import prospects as prospect_queries
from localpro_desktop.store.queries.prospects import (
    ProspectFilter,
    apply_filter,
    fts_query,
)


def test_add_parses_phone_for_workspace_country(workspace: Workspace) -> None:
    svc = ProspectService(workspace)
    p = svc.add({"business_name": "Chez Fatou", "city": "Dakar", "phone": "77 123 45 67"})
    assert p.phone == "77 123 45 67"
    assert p.phone_e164 == "+221771234567"
    assert p.country == "SN"


def test_invalid_phone_is_kept_and_flagged(workspace: Workspace) -> None:
    p = ProspectService(workspace).add({"business_name": "Kiosque", "phone": "12"})
    assert p.phone == "12" and p.phone_e164 is None


def test_missing_name_is_refused_with_reason(workspace: Workspace) -> None:
    with pytest.raises(UserError, match="business name is empty"):
        ProspectService(workspace).add({"city": "Dakar"})


def test_duplicate_by_phone_and_by_close_name(workspace: Workspace) -> None:
    svc = ProspectService(workspace)
    svc.add({"business_name": "Boulangerie Touba", "city": "Thiès", "phone": "+221 77 555 11 22"})
    with pytest.raises(UserError, match="same phone"):
        svc.add({"business_name": "Autre", "city": "Dakar", "phone": "775551122"})
    with pytest.raises(UserError, match="similar name"):
        svc.add({"business_name": "Boulangerie Touba SARL", "city": "thiès"})
    # Allowed explicitly, and a different city is not a duplicate.
    svc.add({"business_name": "Boulangerie Touba", "city": "Dakar"})
    svc.add({"business_name": "Autre", "phone": "775551122"}, allow_duplicate=True)


def test_search_by_sector_city_and_accent_insensitive_prefix_text(workspace: Workspace) -> None:
    svc = ProspectService(workspace)
    svc.add({"business_name": "Pâtisserie Élégance", "sector": "bakery", "city": "Dakar"})
    svc.add({"business_name": "Patte d'Oie Snacks", "sector": "restaurant", "city": "Dakar"})
    svc.add({"business_name": "Pâtisserie du Port", "sector": "bakery", "city": "Mbour"})
    page = svc.search(ProspectFilter(sector="bakery", city="Dakar", text="patis"))
    assert [p.business_name for p in page.rows] == ["Pâtisserie Élégance"]
    assert page.total == 1
    assert svc.search(ProspectFilter(text="elegance")).total == 1
    assert svc.search(ProspectFilter(text='"; DROP')).total == 0
    assert svc.choices("city") == ["Dakar", "Mbour"]


def test_edit_updates_search_index_and_delete_hides(workspace: Workspace) -> None:
    svc = ProspectService(workspace)
    p = svc.add({"business_name": "Garage Ndiaye", "city": "Dakar"})
    svc.update(p.id, {"business_name": "Garage Moderne"})
    assert svc.search(ProspectFilter(text="ndiaye")).total == 0
    assert svc.search(ProspectFilter(text="moderne")).total == 1
    svc.delete([p.id])
    assert svc.search(ProspectFilter(text="moderne")).total == 0
    with pytest.raises(NotFoundError):
        svc.get(p.id)


def test_fts_query_quotes_every_token() -> None:
    assert fts_query('chez "fat') == '"chez"* "fat"*'
    assert fts_query("  -- ") is None


def test_starter_plan_blocks_201st_prospect_with_explanation(workspace: Workspace) -> None:
    svc = ProspectService(workspace)
    with workspace.write() as session:
        session.add(UsageEvent(metric="prospects", month=_month(), quantity=200, reason="t"))
    with pytest.raises(PlanLimitError) as info:
        svc.add({"business_name": "One too many"})
    message = str(info.value)
    assert "200 of 200" in message and "Starter" in message
    assert "resets on" in message and "Business" in message
    with workspace.read() as session:
        total = session.scalar(select(func.sum(UsageEvent.quantity)))
    assert total == 200  # the refused add recorded nothing


def test_convert_is_idempotent_and_keeps_link(workspace: Workspace) -> None:
    svc = ProspectService(workspace)
    p = svc.add(
        {
            "business_name": "Salon Aminata",
            "city": "Dakar",
            "phone": "776001122",
            "contact_person": "Aminata Diallo",
            "tags": "vip, salon",
        }
    )
    first = svc.convert([p.id])
    second = svc.convert([p.id])
    assert first.created == 1 and second.created == 0 and second.already_converted == 1
    contact = first.contacts[0]
    assert second.contacts[0].id == contact.id
    assert (contact.first_name, contact.last_name) == ("Aminata", "Diallo")
    assert contact.status == "new" and contact.prospect_id == p.id
    assert contact.phone_e164 == "+221776001122" and contact.tags == ["vip", "salon"]
    assert svc.get(p.id).contact_id == contact.id
    with workspace.read() as session:
        assert session.scalar(select(func.count()).select_from(Contact)) == 1
        kinds = session.scalars(select(Activity.kind)).all()
    assert kinds == ["converted"]


def _month() -> str:
    from localpro_desktop.domain.plans import month_key
    from localpro_desktop.services.usage import today_utc

    return month_key(today_utc())


@pytest.mark.parametrize("few_text_matches", [0, 10_000])
def test_text_search_same_rows_and_total_from_either_side(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch, few_text_matches: int
) -> None:
    """Text searches start from the FTS index or the name index; the answer never changes.

    The expected page and total come from the plain statements (no plan choice, the count
    over the table itself), with deleted prospects, equal names and a second page.
    """
    monkeypatch.setattr(prospect_queries, "FEW_TEXT_MATCHES", few_text_matches)
    svc = ProspectService(workspace)
    ids = [
        svc.add(
            {"business_name": f"Boutique {'Awa' if i % 3 else 'Sow'}", "city": "Dakar"},
            allow_duplicate=True,
        ).id
        for i in range(12)
    ]
    svc.add({"business_name": "Bazar Central", "city": "Dakar", "notes": "boutique en gros"})
    svc.delete(ids[:3])
    for text in ("boutique", "bou aw", "b", "sow", "nothing"):
        flt = ProspectFilter(text=text)
        with workspace.read() as session:
            total = session.scalar(apply_filter(select(func.count()).select_from(Prospect), flt))
            plain = apply_filter(select(Prospect.id), flt)
            by_name = plain.order_by(Prospect.business_name, Prospect.id)
            expected = list(session.scalars(by_name.limit(4).offset(2)))
        page = svc.search(flt, limit=4, offset=2)
        assert page.total == total, text
        assert [p.id for p in page.rows] == expected, text
