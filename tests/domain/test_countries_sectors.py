"""The product's countries and sectors, which the demo data follows."""

from localpro_desktop.discovery.demo.generator import COUNTRIES as DEMO_COUNTRIES
from localpro_desktop.discovery.demo.generator import SECTORS as DEMO_SECTORS
from localpro_desktop.domain.countries import COUNTRIES, country
from localpro_desktop.domain.phones import format_international, format_national
from localpro_desktop.domain.sectors import SECTORS, sector_key, sector_label


def test_the_demo_covers_exactly_the_product_countries_with_their_facts() -> None:
    assert list(DEMO_COUNTRIES) == list(COUNTRIES)
    for code, facts in COUNTRIES.items():
        demo = DEMO_COUNTRIES[code]
        assert (demo.name_en, demo.name_fr, demo.currency, demo.timezone) == (
            facts.name_en,
            facts.name_fr,
            facts.currency,
            facts.timezone,
        )
    assert country(" sn ") is COUNTRIES["SN"] and country("FR") is None
    assert COUNTRIES["CM"].name("fr") == "Cameroun" and COUNTRIES["CM"].name("en") == "Cameroon"


def test_sectors_have_stable_keys_and_both_labels() -> None:
    assert list(DEMO_SECTORS) == list(SECTORS)
    assert all(s.label_en and s.label_fr for s in SECTORS.values())
    assert sector_label("hardware", "fr") == "Quincaillerie"
    assert sector_label("hardware", "en") == "Hardware store"
    assert sector_label("Couture sur mesure", "fr") == "Couture sur mesure"  # typed: as is
    assert sector_key("quincaillerie") == sector_key("Hardware Store") == "hardware"
    assert sector_key("ELECTRONIQUE") == "electronics" and sector_key("hair salon") == "hair_salon"
    assert sector_key("Santé") is None


def test_phone_formats() -> None:
    assert format_national("+221771234567") == "77 123 45 67"
    assert format_international("+221771234567") == "+221 77 123 45 67"


def test_a_sector_typed_in_either_language_is_stored_as_its_key() -> None:
    from localpro_desktop.domain.normalize import normalize_prospect

    def stored(text: str) -> object:
        return normalize_prospect({"business_name": "Awa", "sector": text}, "SN").values["sector"]

    assert stored("Quincaillerie") == "hardware"
    assert stored("  hardware store ") == "hardware"
    assert stored("Réparation de telephones") == "phone_repair"
    assert stored("Vente de pagnes") == "Vente de pagnes"  # not in the list: kept as typed
