"""Numbers, percentages, dates and phone numbers as the workspace's users write them.

One place decides, and every screen goes through it:

- **Locale**: the UI language with the workspace's country (``QLocale(English, Nigeria)``,
  ``QLocale(French, Senegal)``), so a Lagos supplier reads "12/06/2026", not the US
  "6/12/26", and numbers group as at home. Where Qt has no data for the pair (English in
  Senegal) English falls back to British conventions, day first like the rest of English-
  speaking Africa; French falls back to France's, day first too. Month first is the US's
  way only, and day first everyone else's: a pair that would write the month or the year
  first outside the US (English in the Philippines, in South Africa) falls back the same
  way. ``use_workspace`` sets it (and Qt's default, so date
  pickers and delegates follow) when a workspace opens. Every date and time in a table or
  a sentence goes through ``day``, ``moment`` or ``clock``; ``widest_moment`` sizes the
  columns that show them.
- **Phones**: a valid number of the workspace's own country is shown the way people there
  dial it ("77 123 45 67" in Senegal, "0803 123 4567" in Nigeria); any other country's
  number is shown in international form ("+234 803 123 4567"), so the country code appears
  exactly when it matters. An invalid number is shown as typed. The prospects list, the
  prospect sheet, the CRM panel and the board cards all use ``phone``.
- **Counts in sentences**: ``plural`` picks the singular or the plural sentence, since a
  translation cannot agree with a number it does not see ("1 actuel", "3 actuels").
"""

from datetime import UTC, date, datetime, time
from functools import lru_cache

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QTime

from localpro_desktop.domain.phones import format_for_region, parse_phone
from localpro_desktop.domain.plans import format_limit

_home = {"country": ""}  # the workspace's country code, set by use_workspace

# Languages whose own locale is not day first: the pair used when Qt has no data for the
# language in the workspace's country.
_DAY_FIRST = {QLocale.Language.English: QLocale.Country.UnitedKingdom}
# Where month first ("6/12/26") is what people write: the US and its territories.
MONTH_FIRST_COUNTRIES = frozenset({"US", "AS", "GU", "MP", "PR", "UM", "VI"})


def use_workspace(country: str) -> None:
    """Format for the workspace's country (an ISO code such as "NG") from now on."""
    _home["country"] = (country or "").strip().upper()
    QLocale.setDefault(locale())


def home_country() -> str:
    return _home["country"]


def locale() -> QLocale:
    """The UI language (Qt's default locale) with the workspace's country."""
    return _locale_for(QLocale().language(), _home["country"])


@lru_cache(maxsize=32)
def _locale_for(language: QLocale.Language, country: str) -> QLocale:
    territory = QLocale.codeToTerritory(country) if country else QLocale.Country.AnyTerritory
    if territory != QLocale.Country.AnyTerritory:
        paired = QLocale(language, territory)
        if (
            paired.language() == language
            and paired.territory() == territory
            and (country in MONTH_FIRST_COUNTRIES or day_first(paired))
        ):
            return paired
    fallback = _DAY_FIRST.get(language)
    chosen = QLocale(language, fallback) if fallback is not None else QLocale(language)
    if not day_first(chosen) and country not in MONTH_FIRST_COUNTRIES:
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    return chosen


def day_first(here: QLocale) -> bool:
    """True when ``here`` writes short dates day first ("12/06/2026")."""
    return here.dateFormat(QLocale.FormatType.ShortFormat).lstrip("'").startswith("d")


def number(value: int | float) -> str:
    here = locale()
    return here.toString(value) if isinstance(value, int) else here.toString(float(value), "f", 1)


def percent(value: float | None) -> str:
    if value is None:
        return "—"
    here = locale()
    text = here.toString(value * 100, "f", 1)
    # French typography puts a (narrow) space before the percent sign.
    return f"{text}\u202f%" if here.language() == QLocale.Language.French else f"{text}%"


def limit(value: int | None) -> str:
    return number(value) if value is not None else _unlimited()


def _unlimited() -> str:
    return QCoreApplication.translate("formatting", "unlimited")


def plural(count: int, one: str, many: str) -> str:
    """The sentence that agrees with ``count``: ``one`` or ``many``, both translated.

    English uses ``one`` for 1 only, so its source writes the figure ("1 now"); French
    also says "0 actuel", so French translations of ``one`` write the placeholder.
    """
    french = locale().language() == QLocale.Language.French
    return one if count == 1 or (french and count == 0) else many


def day(value: date) -> str:
    return locale().toString(
        QDate(value.year, value.month, value.day), QLocale.FormatType.ShortFormat
    )


def moment(value: datetime | None) -> str:
    """A UTC timestamp from the store (naive, or aware), shown in local time."""
    if value is None:
        return ""
    if value.tzinfo is not None:
        value = value.astimezone(UTC).replace(tzinfo=None)
    utc = QDateTime(
        QDate(value.year, value.month, value.day), QTime(value.hour, value.minute, value.second)
    )
    utc.setTimeZone(QDateTime.currentDateTimeUtc().timeZone())
    return locale().toString(utc.toLocalTime(), QLocale.FormatType.ShortFormat)


def clock(value: time) -> str:
    """A time of day ("14:30", or "2:30 PM" where people write it so)."""
    return locale().toString(QTime(value.hour, value.minute), QLocale.FormatType.ShortFormat)


def widest_moment() -> str:
    """The widest text ``moment`` writes in this locale, for sizing date columns.

    Late December at 23:58 has two digits everywhere (and "PM" where it applies); the
    local time is the same moment shown, so the sample is built in local time.
    """
    local = QDateTime(QDate(2026, 12, 28), QTime(23, 58, 0))
    return locale().toString(local, QLocale.FormatType.ShortFormat)


def phone(raw: str, e164: str | None) -> str:
    """A stored number as the module docstring says: national at home, else international."""
    if not e164:
        return raw
    return _shown_phone(e164, _home["country"])


def typed_phone(raw: str) -> str:
    """A number known only as typed (the board's cards): read with the workspace's country
    as every number typed in this workspace was, then shown as ``phone`` shows it."""
    if not raw:
        return ""
    return phone(raw, parse_phone(raw, _home["country"] or "ZZ").e164)


@lru_cache(maxsize=65_536)
def _shown_phone(e164: str, country: str) -> str:
    try:
        return format_for_region(e164, country)
    except Exception:  # a stored E.164 phonenumbers cannot re-read: show it as stored
        return e164


__all__ = [
    "MONTH_FIRST_COUNTRIES",
    "clock",
    "day",
    "day_first",
    "format_limit",
    "home_country",
    "limit",
    "locale",
    "moment",
    "number",
    "percent",
    "phone",
    "plural",
    "typed_phone",
    "use_workspace",
    "widest_moment",
]
