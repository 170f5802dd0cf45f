"""Column recognition on headers copied from real French and English spreadsheets."""

import pytest

from localpro_desktop.services.importing import mapping as mapping_module
from localpro_desktop.services.importing.mapping import (
    CONTACT_FIELDS,
    FIELDS_BY_KIND,
    PROSPECT_FIELDS,
    MappingError,
    apply_overrides,
    describe_mapping,
    guess_mapping,
    parse_overrides,
    unmapped_required,
)


def test_field_lists_are_the_importer_contract() -> None:
    assert PROSPECT_FIELDS == (
        "business_name", "sector", "city", "country", "address", "phone", "whatsapp",
        "email", "website", "latitude", "longitude", "source_ref", "notes", "tags",
        "contact_person",
    )  # fmt: skip
    assert CONTACT_FIELDS == (
        "first_name", "last_name", "full_name", "company", "phone", "whatsapp", "email",
        "city", "country", "address", "sector", "status", "tags", "notes", "latitude",
        "longitude", "website", "opt_out_whatsapp", "opt_out_email", "opt_out_sms",
    )  # fmt: skip


def test_exported_headers_map_back_to_their_fields() -> None:
    from localpro_desktop.services.exporting.exporters import CONTACT_COLUMNS, PROSPECT_COLUMNS

    for kind, columns, fields in (
        ("prospects", PROSPECT_COLUMNS, PROSPECT_FIELDS),
        ("contacts", CONTACT_COLUMNS, CONTACT_FIELDS),
    ):
        headers = [name for name, _ in columns]
        mapping = guess_mapping(headers, kind)
        for header in headers:
            if header in fields:
                assert mapping.get(header) == header, (kind, header)


def test_french_excel_prospect_headers() -> None:
    headers = ["Nom", "Téléphone", "Ville", "Secteur", "Courriel"]

    assert guess_mapping(headers, "prospects") == {
        "Nom": "business_name",
        "Téléphone": "phone",
        "Ville": "city",
        "Secteur": "sector",
        "Courriel": "email",
    }


def test_rich_french_prospect_headers() -> None:
    headers = [
        "Raison sociale", "Secteur d'activité", "Tél.", "N° WhatsApp", "Adresse e-mail",
        "Site internet", "Quartier", "Localité", "Pays", "Lat", "Long", "Remarques",
        "Mots-clés", "Référence", "Chiffre d'affaires",
    ]  # fmt: skip

    assert guess_mapping(headers, "prospects") == {
        "Raison sociale": "business_name",
        "Secteur d'activité": "sector",
        "Tél.": "phone",
        "N° WhatsApp": "whatsapp",
        "Adresse e-mail": "email",
        "Site internet": "website",
        "Quartier": "address",
        "Localité": "city",
        "Pays": "country",
        "Lat": "latitude",
        "Long": "longitude",
        "Remarques": "notes",
        "Mots-clés": "tags",
        "Référence": "source_ref",
    }


def test_google_maps_style_english_headers() -> None:
    headers = [
        "title", "categoryName", "address", "city", "countryCode", "phone", "website",
        "url", "placeId", "location/lat", "location/lng", "totalScore",
    ]  # fmt: skip

    assert guess_mapping(headers, "prospects") == {
        "title": "business_name",
        "categoryName": "sector",
        "address": "address",
        "city": "city",
        "countryCode": "country",
        "phone": "phone",
        "website": "website",
        "placeId": "source_ref",
        "location/lat": "latitude",
        "location/lng": "longitude",
    }


def test_english_contact_headers() -> None:
    headers = ["First Name", "Last Name", "Company", "Mobile", "E-mail", "Stage", "Labels"]

    assert guess_mapping(headers, "contacts") == {
        "First Name": "first_name",
        "Last Name": "last_name",
        "Company": "company",
        "Mobile": "phone",
        "E-mail": "email",
        "Stage": "status",
        "Labels": "tags",
    }


@pytest.mark.parametrize(
    "header",
    ["Téléphone", "TELEPHONE", "telephone", " Téléphone ", "téléphone:", "TÉL", "Tel."],
)
def test_recognition_ignores_case_accents_and_punctuation(header: str) -> None:
    assert guess_mapping([header], "contacts") == {header: "phone"}


@pytest.mark.parametrize("header", ["E-mail", "email", "E_MAIL", "Adresse email", "eMail"])
def test_email_spellings(header: str) -> None:
    assert guess_mapping([header], "prospects") == {header: "email"}


def test_nom_next_to_prenom_is_the_last_name() -> None:
    mapping = guess_mapping(["Prénom", "Nom", "Téléphone"], "contacts")
    assert mapping == {"Prénom": "first_name", "Nom": "last_name", "Téléphone": "phone"}


def test_nom_alone_is_the_full_name() -> None:
    mapping = guess_mapping(["Nom", "Téléphone", "Ville"], "contacts")
    assert mapping["Nom"] == "full_name"


def test_name_rule_applies_to_longer_labels_and_english() -> None:
    assert guess_mapping(["Nom du client", "Prénom du client"], "contacts") == {
        "Nom du client": "last_name",
        "Prénom du client": "first_name",
    }
    assert guess_mapping(["Name", "Phone"], "contacts") == {"Name": "full_name", "Phone": "phone"}


def test_nom_in_prospects_is_the_business_name_even_with_prenom() -> None:
    assert guess_mapping(["Prénom", "Nom"], "prospects") == {"Nom": "business_name"}


@pytest.mark.parametrize("header", ["Entreprise", "Société", "Company", "Nom de l'entreprise"])
def test_company_words_depend_on_kind(header: str) -> None:
    assert guess_mapping([header], "contacts") == {header: "company"}
    assert guess_mapping([header], "prospects") == {header: "business_name"}


def test_explicit_business_name_beats_generic_nom() -> None:
    mapping = guess_mapping(["Nom", "Raison sociale"], "prospects")
    assert mapping == {"Raison sociale": "business_name"}


def test_each_field_used_once_and_best_match_wins() -> None:
    mapping = guess_mapping(["Mobile", "Téléphone", "Téléphone 2"], "contacts")
    assert mapping == {"Téléphone": "phone"}


def test_numbered_columns_leftmost_wins() -> None:
    assert guess_mapping(["Téléphone 1", "Téléphone 2"], "contacts") == {"Téléphone 1": "phone"}


def test_specific_field_wins_inside_long_labels() -> None:
    mapping = guess_mapping(
        ["Téléphone WhatsApp", "Adresse e-mail du client", "Site web de l'entreprise"],
        "prospects",
    )
    assert mapping == {
        "Téléphone WhatsApp": "whatsapp",
        "Adresse e-mail du client": "email",
        "Site web de l'entreprise": "website",
    }


def test_generic_words_do_not_match_inside_labels() -> None:
    mapping = guess_mapping(
        ["Type de contact", "E-mail du contact", "Adresse de l'entreprise"], "contacts"
    )
    assert mapping == {"E-mail du contact": "email", "Adresse de l'entreprise": "address"}


def test_typos_are_tolerated_but_not_lookalike_words() -> None:
    assert guess_mapping(["Adress", "Telphone"], "prospects") == {
        "Adress": "address",
        "Telphone": "phone",
    }
    assert guess_mapping(["Altitude", "Chiffre d'affaires"], "prospects") == {}


def test_canonical_field_names_map_to_themselves() -> None:
    # A file exported by LocalPro must re-import without any override.
    for kind, fields in FIELDS_BY_KIND.items():
        assert guess_mapping(list(fields), kind) == {field: field for field in fields}


def test_no_synonym_points_to_two_fields() -> None:
    for kind, fields in FIELDS_BY_KIND.items():
        owner: dict[str, str] = {}
        for synonym in mapping_module._synonyms(kind):
            assert synonym.field in fields or synonym.field.startswith("@"), synonym
            previous = owner.setdefault(synonym.compact, synonym.field)
            assert previous == synonym.field, f"{kind}: {synonym.compact!r} is ambiguous"


def test_unknown_kind() -> None:
    with pytest.raises(MappingError, match="'prospects' or 'contacts'"):
        guess_mapping(["Nom"], "leads")  # type: ignore[arg-type]


# ----------------------------------------------------------------- overrides

HEADERS = ["Nom", "Tél", "Portable", "Quartier", "Divers"]


def guessed() -> dict[str, str]:
    mapping = guess_mapping(HEADERS, "prospects")
    assert mapping == {"Nom": "business_name", "Tél": "phone", "Quartier": "address"}
    return mapping


def test_override_maps_an_unrecognised_column() -> None:
    result = apply_overrides(guessed(), HEADERS, {"Divers": "notes"}, "prospects")
    assert result == {
        "Nom": "business_name",
        "Tél": "phone",
        "Quartier": "address",
        "Divers": "notes",
    }


def test_override_steals_field_from_guessed_column() -> None:
    result = apply_overrides(guessed(), HEADERS, {"portable": "phone"}, "prospects")
    assert result == {"Nom": "business_name", "Portable": "phone", "Quartier": "address"}


def test_override_column_is_case_and_accent_insensitive() -> None:
    result = apply_overrides(guessed(), HEADERS, {"TEL": "whatsapp"}, "prospects")
    assert result["Tél"] == "whatsapp"


@pytest.mark.parametrize("drop", ["", "ignore", "IGNORE", " skip "])
def test_override_can_drop_a_column(drop: str) -> None:
    result = apply_overrides(guessed(), HEADERS, {"Quartier": drop}, "prospects")
    assert "Quartier" not in result
    assert result == {"Nom": "business_name", "Tél": "phone"}


def test_override_field_spelling_is_forgiving() -> None:
    result = apply_overrides({}, HEADERS, {"Nom": "Business Name"}, "prospects")
    assert result == {"Nom": "business_name"}


def test_override_result_follows_header_order() -> None:
    result = apply_overrides(guessed(), HEADERS, {"Divers": "tags", "Nom": "notes"}, "prospects")
    assert list(result) == ["Nom", "Tél", "Quartier", "Divers"]


def test_unknown_column_lists_available_columns() -> None:
    with pytest.raises(MappingError) as caught:
        apply_overrides(guessed(), HEADERS, {"Ville": "city"}, "prospects")
    message = str(caught.value)
    assert "Unknown column 'Ville'" in message
    assert "'Nom', 'Tél', 'Portable', 'Quartier', 'Divers'" in message


def test_unknown_field_lists_valid_fields_and_suggests() -> None:
    with pytest.raises(MappingError) as caught:
        apply_overrides(guessed(), HEADERS, {"Portable": "telephone"}, "contacts")
    message = str(caught.value)
    assert "Unknown field 'telephone' for contacts" in message
    assert "Did you mean 'phone'?" in message
    assert ", ".join(CONTACT_FIELDS) in message


def test_field_of_the_other_kind_is_rejected() -> None:
    with pytest.raises(MappingError, match="Unknown field 'status' for prospects"):
        apply_overrides({}, HEADERS, {"Divers": "status"}, "prospects")


def test_same_field_for_two_columns_is_rejected() -> None:
    with pytest.raises(MappingError, match="given to two columns"):
        apply_overrides({}, HEADERS, {"Tél": "phone", "Portable": "phone"}, "prospects")


def test_ambiguous_column_name_is_rejected() -> None:
    headers = ["Tél", "TEL."]
    with pytest.raises(MappingError, match="matches several columns"):
        apply_overrides({}, headers, {"tel": "phone"}, "prospects")
    assert apply_overrides({}, headers, {"TEL.": "phone"}, "prospects") == {"TEL.": "phone"}


def test_parse_overrides() -> None:
    assert parse_overrides(["Tél=phone", "Prix = TTC=ignore", "Divers="]) == {
        "Tél": "phone",
        "Prix = TTC": "ignore",
        "Divers": "",
    }
    with pytest.raises(MappingError, match="COLUMN=FIELD"):
        parse_overrides(["phone"])


# ------------------------------------------------------------ preview, required


def test_describe_mapping_lists_every_column_in_order() -> None:
    assert describe_mapping(guessed(), HEADERS, "prospects") == [
        ("Nom", "business_name"),
        ("Tél", "phone"),
        ("Portable", None),
        ("Quartier", "address"),
        ("Divers", None),
    ]


def test_describe_mapping_rejects_fields_of_another_kind() -> None:
    with pytest.raises(MappingError, match="Not prospects fields: first_name"):
        describe_mapping({"Nom": "first_name"}, ["Nom"], "prospects")


def test_unmapped_required_for_prospects() -> None:
    assert unmapped_required({"Tél": "phone"}, "prospects") == ["business_name"]
    assert unmapped_required(guessed(), "prospects") == []


@pytest.mark.parametrize("name_field", ["full_name", "first_name", "last_name", "company"])
def test_any_name_field_satisfies_contacts(name_field: str) -> None:
    assert unmapped_required({"X": name_field}, "contacts") == []


def test_contacts_without_any_name() -> None:
    assert unmapped_required({"Tél": "phone"}, "contacts") == [
        "full_name or first_name or last_name or company"
    ]
