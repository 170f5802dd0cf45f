"""Turn what a user typed (a form, a CSV row) into clean column values plus reasons.

One function per record kind, shared by manual entry and the importer, so a phone typed
in a dialog and the same phone in a spreadsheet end up identical. Problems come in two
kinds: *errors* reject the row (no name, a latitude of 300), *warnings* keep it but flag a
field (an invalid phone stays as typed, with no E.164).
"""

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import phonenumbers

from localpro_desktop.domain.emails import check_email
from localpro_desktop.domain.messages import Message
from localpro_desktop.domain.messages import common as words
from localpro_desktop.domain.messages import rows as msg
from localpro_desktop.domain.names import fold, name_key, split_full_name
from localpro_desktop.domain.phones import parse_phone
from localpro_desktop.domain.pipeline import PipelineStatus
from localpro_desktop.domain.sectors import sector_key

_TAG_SPLIT = re.compile(r"[,;|]")


@dataclass
class Normalized:
    values: dict[str, Any] = field(default_factory=dict)
    errors: list[Message] = field(default_factory=list)  # of ``domain.messages.rows``
    warnings: list[Message] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def clean(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and math.isnan(value):
        return ""
    return str(value).strip()


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    """Folded English and French country names → ISO code, from phonenumbers' own data.

    Imported here, not at the top: the geodata package takes a third of a second to import,
    which every import worker process would pay although few files have a country column.
    """
    from phonenumbers.geodata.locale import LOCALE_DATA

    names: dict[str, str] = {}
    for code, by_language in LOCALE_DATA.items():
        if len(code) != 2:
            continue
        for language in ("en", "fr"):
            name = by_language.get(language, "")
            while name.startswith("*"):  # "*aa" means "the same as language aa"
                name = by_language.get(name[1:], "")
            if name:
                names.setdefault(fold(name), code)
    names.update({"ivory coast": "CI", "cote divoire": "CI", "rsa": "ZA", "drc": "CD"})
    return names


def country_code(text: str) -> str:
    """ "SN", "Sénégal", "Senegal" or "côte d'ivoire" → the ISO code; "" when unknown."""
    value = text.strip()
    if len(value) == 2 and value.isalpha():
        code = value.upper()
        return code if phonenumbers.country_code_for_region(code) else ""
    return _country_names().get(fold(value), "")


def parse_tags(value: object) -> list[str]:
    if isinstance(value, list | tuple):
        items = [clean(v) for v in value]
    else:
        items = [part.strip() for part in _TAG_SPLIT.split(clean(value))]
    seen: dict[str, None] = {}
    for item in items:
        tag = item.lower()
        if tag:
            seen.setdefault(tag, None)
    return list(seen)


def _coordinate(raw: str, low: float, high: float, key: str, out: Normalized) -> float | None:
    if not raw:
        return None
    label = words.FIELDS[key]()
    try:
        number = float(raw.replace(",", "."))
    except ValueError:
        out.errors.append(msg.NOT_A_NUMBER(field=label, value=raw, key=key))
        return None
    if not (low <= number <= high) or math.isnan(number):
        out.errors.append(msg.OUT_OF_RANGE(field=label, value=raw, low=low, high=high, key=key))
        return None
    return number


def _phones(raw: Mapping[str, object], region: str, out: Normalized) -> None:
    for key in ("phone", "whatsapp"):
        text = clean(raw.get(key))
        parsed = parse_phone(text, region)
        out.values[key] = parsed.raw
        out.values[f"{key}_e164"] = parsed.e164
        if parsed.problem:
            out.warnings.append(
                msg.PHONE(field=words.FIELDS[key](), value=text, problem=parsed.problem, key=key)
            )


def _email(raw: Mapping[str, object], out: Normalized) -> None:
    checked = check_email(clean(raw.get("email")))
    out.values["email"] = checked.raw
    out.values["email_normalized"] = checked.normalized
    if checked.problem:
        out.warnings.append(msg.EMAIL(value=checked.raw, problem=checked.problem, key="email"))


def _common(raw: Mapping[str, object], region: str, out: Normalized) -> None:
    for key in ("sector", "city", "address", "website", "notes"):
        out.values[key] = clean(raw.get(key))
    # "Pharmacie", "pharmacy", "PHARMACY" are one sector: stored as its key, shown in the
    # user's language; a sector not in the product's list is kept as typed.
    out.values["sector"] = sector_key(out.values["sector"]) or out.values["sector"]
    typed_country = clean(raw.get("country"))
    country = country_code(typed_country) if typed_country else ""
    if typed_country and not country:
        out.warnings.append(msg.UNKNOWN_COUNTRY(value=typed_country, region=region, key="country"))
    out.values["country"] = country or region.upper()
    _phones(raw, country or region, out)
    _email(raw, out)
    lat = _coordinate(clean(raw.get("latitude")), -90, 90, "latitude", out)
    lon = _coordinate(clean(raw.get("longitude")), -180, 180, "longitude", out)
    if (lat is None) != (lon is None) and not out.errors:
        out.warnings.append(msg.ONE_COORDINATE())
        lat = lon = None
    out.values["latitude"], out.values["longitude"] = lat, lon
    out.values["tags"] = parse_tags(raw.get("tags"))


def normalize_prospect(raw: Mapping[str, object], region: str) -> Normalized:
    out = Normalized()
    name = clean(raw.get("business_name"))
    if not name:
        out.errors.append(msg.BUSINESS_NAME_EMPTY(key="business_name"))
    out.values["business_name"] = name
    out.values["name_key"] = name_key(name)
    out.values["source_ref"] = clean(raw.get("source_ref"))
    out.values["contact_person"] = clean(raw.get("contact_person"))
    _common(raw, region, out)
    return out


def normalize_contact(raw: Mapping[str, object], region: str) -> Normalized:
    out = Normalized()
    first, last = clean(raw.get("first_name")), clean(raw.get("last_name"))
    full = clean(raw.get("full_name"))
    if full and not (first or last):
        first, last = split_full_name(full)
    company = clean(raw.get("company"))
    if not (first or last or company):
        out.errors.append(msg.NO_NAME())
    out.values.update(first_name=first, last_name=last, company=company)
    out.values["name_key"] = name_key(f"{first} {last}".strip() or company)
    status_text = clean(raw.get("status"))
    status = PipelineStatus.lookup(status_text) if status_text else PipelineStatus.NEW
    if status is None:
        names = ", ".join(s.value for s in PipelineStatus)
        out.errors.append(msg.UNKNOWN_STATUS(value=status_text, names=names, key="status"))
        status = PipelineStatus.NEW
    out.values["status"] = status.value
    for channel in ("whatsapp", "email", "sms"):
        key = f"opt_out_{channel}"
        flag = parse_flag(clean(raw.get(key)))
        if flag is not None:  # absent stays absent, so an import never clears an opt-out
            out.values[key] = flag
        elif clean(raw.get(key)):
            field_name = words.FIELDS[key]()
            out.warnings.append(
                msg.NOT_YES_NO(field=field_name, value=clean(raw.get(key)), key=key)
            )
    _common(raw, region, out)
    return out


_TRUE = {"yes", "y", "true", "1", "oui", "o", "x", "vrai"}
_FALSE = {"no", "n", "false", "0", "non", "faux"}


def parse_flag(text: str) -> bool | None:
    value = text.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    return None
