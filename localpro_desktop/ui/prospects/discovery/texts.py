"""The sentences of the discovery screen that depend on counts, kept apart from the layout.

Each count agrees with its number in both languages (``fmt.plural``); the parts are
joined with " · " as in the rest of the app. Literal ``translate`` calls, for lupdate.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from localpro_desktop.domain.countries import country
from localpro_desktop.domain.messages import discovery as msg
from localpro_desktop.services.discovery import (
    AddOutcome,
    DiscoverySource,
    Preview,
    SavedSearch,
    SearchRequest,
)
from localpro_desktop.ui import formatting as fmt
from localpro_desktop.ui import labels
from localpro_desktop.ui.i18n import translate_message

NO_PHONE_SHARE = 0.3
"""Above this share of places without a phone, the other source is offered."""


def _count(count: int, one: str, many: str) -> str:
    return fmt.plural(count, one, many).format(count=fmt.number(count))


def summary(preview: Preview) -> str:
    """ "134 found · 120 new · 14 already known · 61 without a phone"."""
    parts = [
        _count(
            preview.found,
            QCoreApplication.translate("DiscoveryTexts", "1 found"),
            QCoreApplication.translate("DiscoveryTexts", "{count} found"),
        ),
        _count(
            preview.new,
            QCoreApplication.translate("DiscoveryTexts", "1 new"),
            QCoreApplication.translate("DiscoveryTexts", "{count} new"),
        ),
        _count(
            preview.known,
            QCoreApplication.translate("DiscoveryTexts", "1 already known"),
            QCoreApplication.translate("DiscoveryTexts", "{count} already known"),
        ),
        _count(
            preview.without_phone,
            QCoreApplication.translate("DiscoveryTexts", "1 without a phone"),
            QCoreApplication.translate("DiscoveryTexts", "{count} without a phone"),
        ),
    ]
    if preview.unnamed:
        parts.append(
            _count(
                preview.unnamed,
                QCoreApplication.translate("DiscoveryTexts", "1 without a name left out"),
                QCoreApplication.translate("DiscoveryTexts", "{count} without a name left out"),
            )
        )
    return " · ".join(parts)


def wants_other_source(preview: Preview) -> bool:
    return preview.found > 0 and preview.without_phone / preview.found >= NO_PHONE_SHARE


def other_source_hint(preview: Preview) -> tuple[str, str]:
    """(the hint, the button) offering the other source for places without a phone."""
    if preview.request.source is DiscoverySource.OSM:
        return (
            QCoreApplication.translate(
                "DiscoveryTexts",
                "OpenStreetMap often has no phone number for businesses in African cities. "
                "Google Places usually has them (your own key; the cost is shown first).",
            ),
            QCoreApplication.translate("DiscoveryTexts", "Try Google Places for phone numbers"),
        )
    return (
        QCoreApplication.translate(
            "DiscoveryTexts",
            "Many of these places have no phone number: OpenStreetMap may know others.",
        ),
        QCoreApplication.translate("DiscoveryTexts", "Try OpenStreetMap (free)"),
    )


def cache_note(preview: Preview) -> str:
    when = fmt.day(preview.fetched_at.date())
    if preview.from_cache:
        return QCoreApplication.translate(
            "DiscoveryTexts", "From your saved results of {date}; Search again to refresh."
        ).format(date=when)
    return QCoreApplication.translate("DiscoveryTexts", "Searched just now ({source}).").format(
        source=source_name(preview.request.source)
    )


def title(preview: Preview, language: str) -> str:
    """ "Pharmacy in Abidjan, Côte d'Ivoire (15 km)"."""
    return QCoreApplication.translate("DiscoveryTexts", "{sector} in {city} ({radius} km)").format(
        sector=labels.sector(preview.request.sector, language),
        city=city_label(preview.city.name, preview.city.country, language),
        radius=fmt.number(
            int(preview.radius_km) if preview.radius_km.is_integer() else preview.radius_km
        ),
    )


def city_label(name: str, code: str, language: str) -> str:
    known = country(code) if code else None
    return f"{name}, {known.name(language) if known else code}" if code else name


def source_name(source: DiscoverySource) -> str:
    return translate_message(msg.SOURCE[source.value]())


def outcome(result: AddOutcome) -> str:
    """ "120 added, 3 merged; 5 not added: monthly limit"."""
    done = [
        _count(
            result.added,
            QCoreApplication.translate("DiscoveryTexts", "1 added"),
            QCoreApplication.translate("DiscoveryTexts", "{count} added"),
        )
    ]
    if result.merged:
        done.append(
            _count(
                result.merged,
                QCoreApplication.translate("DiscoveryTexts", "1 merged into a known prospect"),
                QCoreApplication.translate("DiscoveryTexts", "{count} merged into known prospects"),
            )
        )
    text = ", ".join(done)
    if result.already:
        text += "; " + _count(
            result.already,
            QCoreApplication.translate("DiscoveryTexts", "1 was already there"),
            QCoreApplication.translate("DiscoveryTexts", "{count} were already there"),
        )
    if result.over_limit:
        text += "; " + _count(
            result.over_limit,
            QCoreApplication.translate("DiscoveryTexts", "1 not added: monthly limit reached"),
            QCoreApplication.translate(
                "DiscoveryTexts", "{count} not added: monthly limit reached"
            ),
        )
    return text + "."


def request_label(request: SearchRequest, language: str) -> str:
    """ "Pharmacy in Dakar (OpenStreetMap)": a saved search in a list."""
    city = city_label(request.city, request.country or "", language)
    return QCoreApplication.translate("DiscoveryTexts", "{sector} in {city} ({source})").format(
        sector=labels.sector(request.sector, language),
        city=city,
        source=source_name(request.source),
    )


def queued() -> str:
    return QCoreApplication.translate(
        "DiscoveryTexts",
        "No connection: the search is saved and will run by itself when the connection "
        "is back. You will be told when its results arrive.",
    )


def arrived(searches: list[SavedSearch], language: str) -> str:
    """The notice for saved searches that ran: the first one named, the others counted."""
    first = searches[0]
    what = request_label(first.request, language)
    if first.state == "failed":
        text = QCoreApplication.translate(
            "DiscoveryTexts", "Your saved search “{what}” could not run: {problem}"
        )
        text = text.format(what=what, problem=first.problem)
    else:
        text = QCoreApplication.translate(
            "DiscoveryTexts", "Your saved search “{what}” has run: {found} found, {new} new."
        ).format(what=what, found=fmt.number(first.found), new=fmt.number(first.new))
    if len(searches) > 1:
        text += " " + _count(
            len(searches) - 1,
            QCoreApplication.translate("DiscoveryTexts", "1 other saved search has run too."),
            QCoreApplication.translate(
                "DiscoveryTexts", "{count} other saved searches have run too."
            ),
        )
    return text


def cost(requests: int, usd: str) -> str:
    return QCoreApplication.translate(
        "DiscoveryTexts",
        "This Google Places search makes about {requests} requests, about US${usd} "
        "billed to your Google account (Google's monthly free credit may cover it).",
    ).format(requests=fmt.number(requests), usd=usd)
