"""User-facing wording for domain facts the services phrase in English.

The domain layer explains problems in English sentences ("not a phone number (too
short)", PlanLimitError's message) because the CLI prints them. The window speaks the
user's language, so the facts behind those sentences are re-worded here, with the
original kept as a fallback for anything not recognised.
"""

from __future__ import annotations

import re
from datetime import date

import phonenumbers
from PySide6.QtCore import QCoreApplication

from localpro_desktop.domain.emails import CheckedEmail
from localpro_desktop.domain.phones import ParsedPhone
from localpro_desktop.domain.plans import (
    PLAN_LIMITS,
    LimitCheck,
    cheapest_plan_allowing,
    next_reset,
)
from localpro_desktop.ui import formatting as fmt

# Strings are written out in full QCoreApplication.translate(...) calls: lupdate only
# finds literal calls.


def field_label(name: str) -> str:
    """Names of importable fields, as the mapping page and the detail panel show them."""
    return {
        "business_name": QCoreApplication.translate("ProspectTexts", "Business name"),
        "contact_person": QCoreApplication.translate("ProspectTexts", "Contact person"),
        "sector": QCoreApplication.translate("ProspectTexts", "Sector"),
        "city": QCoreApplication.translate("ProspectTexts", "City"),
        "country": QCoreApplication.translate("ProspectTexts", "Country"),
        "address": QCoreApplication.translate("ProspectTexts", "Address"),
        "phone": QCoreApplication.translate("ProspectTexts", "Phone"),
        "whatsapp": QCoreApplication.translate("ProspectTexts", "WhatsApp"),
        "email": QCoreApplication.translate("ProspectTexts", "E-mail"),
        "website": QCoreApplication.translate("ProspectTexts", "Website"),
        "latitude": QCoreApplication.translate("ProspectTexts", "Latitude"),
        "longitude": QCoreApplication.translate("ProspectTexts", "Longitude"),
        "source_ref": QCoreApplication.translate("ProspectTexts", "Source reference"),
        "notes": QCoreApplication.translate("ProspectTexts", "Notes"),
        "tags": QCoreApplication.translate("ProspectTexts", "Tags"),
        "first_name": QCoreApplication.translate("ProspectTexts", "First name"),
        "last_name": QCoreApplication.translate("ProspectTexts", "Last name"),
        "full_name": QCoreApplication.translate("ProspectTexts", "Full name"),
        "company": QCoreApplication.translate("ProspectTexts", "Company"),
        "status": QCoreApplication.translate("ProspectTexts", "Pipeline status"),
        "opt_out_whatsapp": QCoreApplication.translate("ProspectTexts", "Opted out of WhatsApp"),
        "opt_out_email": QCoreApplication.translate("ProspectTexts", "Opted out of e-mail"),
        "opt_out_sms": QCoreApplication.translate("ProspectTexts", "Opted out of SMS"),
    }.get(name, name)


def requirement_label(requirement: str) -> str:
    """``unmapped_required`` gives "full_name or first_name"; show it with field labels."""
    parts = [field_label(part.strip()) for part in requirement.split(" or ")]
    return QCoreApplication.translate("ProspectTexts", " or ").join(parts)


def phone_problem(parsed: ParsedPhone) -> str:
    """Why a typed number is not usable, with the number as it was understood."""
    problem = parsed.problem or ""
    match = re.fullmatch(r"(\+\d+) is not a valid number", problem)
    if match:
        return QCoreApplication.translate("ProspectTexts", "{number}: {reason}").format(
            number=match.group(1), reason=_phone_reason(problem)
        )
    return _phone_reason(problem)


def _phone_reason(problem: str) -> str:
    """The gist of a ``parse_phone`` problem, in the user's language."""
    match = re.fullmatch(r"not a phone number \((.+)\)", problem)
    if match:
        reason = {
            "unknown country code": QCoreApplication.translate(
                "ProspectTexts", "unknown country code"
            ),
            "no digits": QCoreApplication.translate("ProspectTexts", "no digits"),
            "too short": QCoreApplication.translate("ProspectTexts", "too short"),
            "too long": QCoreApplication.translate("ProspectTexts", "too long"),
        }.get(match.group(1), QCoreApplication.translate("ProspectTexts", "unreadable"))
        return QCoreApplication.translate("ProspectTexts", "not a phone number ({reason})").format(
            reason=reason
        )
    match = re.fullmatch(r"(\+\d+) is not a valid number", problem)
    if match:
        length = _length_problem(match.group(1))
        if length == "short":
            return QCoreApplication.translate("ProspectTexts", "too short, digits are missing")
        if length == "long":
            return QCoreApplication.translate("ProspectTexts", "too long, check the digits")
        return QCoreApplication.translate("ProspectTexts", "not a valid number in that country")
    return problem


def _length_problem(e164: str) -> str | None:
    """Whether the digit count is wrong ("short"/"long"): the most common typing slip."""
    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return None
    reason = phonenumbers.is_possible_number_with_reason(number)
    result = phonenumbers.ValidationResult
    if reason == result.TOO_SHORT:
        return "short"
    if reason == result.TOO_LONG:
        return "long"
    return None


def email_problem(checked: CheckedEmail) -> str:
    """e-mail validator's reasons are long and English; the gist is enough in a form."""
    problem = checked.problem or ""
    if "@" not in checked.raw:
        return QCoreApplication.translate("ProspectTexts", "An e-mail address needs an @")
    if "domain" in problem.lower() or "period" in problem.lower():
        return QCoreApplication.translate(
            "ProspectTexts", "The part after the @ is not a valid domain"
        )
    return QCoreApplication.translate("ProspectTexts", "Not a valid e-mail address")


def duplicate_reason(reason: str) -> str:
    return {
        "the same phone": QCoreApplication.translate("ProspectTexts", "same phone number"),
        "the same e-mail": QCoreApplication.translate("ProspectTexts", "same e-mail"),
        "a very similar name in the same city": QCoreApplication.translate(
            "ProspectTexts", "very similar name in the same city"
        ),
    }.get(reason, reason)


def plan_limit_message(check: LimitCheck, today: date | None = None) -> str:
    """PlanLimitError in the user's words: what is used, when it resets, what to do."""
    today = today or date.today()
    upgrade = cheapest_plan_allowing(check.metric, check.used + check.requested)
    text = QCoreApplication.translate(
        "ProspectTexts",
        "Your {plan} plan allows {limit} new prospects a month; {used} are used and this "
        "needs {requested} more ({remaining} left). The count resets on {reset}.",
    ).format(
        plan=check.plan.label,
        limit=fmt.limit(check.limit),
        used=fmt.number(check.used),
        requested=fmt.number(check.requested),
        remaining=fmt.number(check.remaining or 0),
        reset=fmt.day(next_reset(today)),
    )
    if upgrade is not None:
        text += " " + QCoreApplication.translate(
            "ProspectTexts", "The {plan} plan allows {limit} a month."
        ).format(plan=upgrade.label, limit=fmt.limit(PLAN_LIMITS[upgrade][check.metric]))
    return text


def prospect_count(count: int) -> str:
    """Result counts, with numbers grouped the way the language writes them (1 234 in French)."""
    if count == 1:
        return QCoreApplication.translate("ProspectTexts", "1 prospect")
    return QCoreApplication.translate("ProspectTexts", "{count} prospects").format(
        count=fmt.number(count)
    )


_ROW_PROBLEMS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"(phone|whatsapp) '(.*)': (.+)"), "phone"),
    (re.compile(r"email '(.*)': .+"), "email"),
    (re.compile(r"(latitude|longitude) '(.*)' is not a number"), "coordinate"),
    (re.compile(r"(latitude|longitude) '(.*)' is outside .+"), "coordinate"),
    (re.compile(r"country '(.*)' is unknown; (\w+) used"), "country"),
    (re.compile(r"(\d+) more cell\(s\) than the header has columns.*"), "cells"),
    (re.compile(r"(opt_out_\w+) '(.*)' is not yes/no; ignored"), "flag"),
]


def row_problem(reason: str) -> str:
    """An import report reason ("phone '77 12': …") in the user's language.

    Reasons come from ``normalize_prospect``/``normalize_contact`` and the importer as
    English text; a rejected row's errors are joined with "; " (which some single
    reasons contain too, so the whole text is tried first). Anything not recognised is
    shown as it is rather than hidden.
    """
    whole = _one_row_problem(reason)
    if whole != reason or "; " not in reason:
        return whole
    return "; ".join(_one_row_problem(part) for part in reason.split("; "))


def _one_row_problem(reason: str) -> str:
    if reason == "business name is empty":
        return QCoreApplication.translate("ProspectTexts", "The business name is empty")
    if reason.startswith("no name:"):
        return QCoreApplication.translate(
            "ProspectTexts", "No name: give a first name, a last name or a company"
        )
    if reason == "only one of latitude/longitude given; coordinates ignored":
        return QCoreApplication.translate(
            "ProspectTexts", "Only one coordinate given; both were left out"
        )
    for pattern, kind in _ROW_PROBLEMS:
        match = pattern.fullmatch(reason)
        if match is None:
            continue
        if kind == "phone":
            label = field_label(match.group(1))
            return QCoreApplication.translate(
                "ProspectTexts", "{field} “{value}”: {problem}"
            ).format(field=label, value=match.group(2), problem=_phone_reason(match.group(3)))
        if kind == "email":
            return QCoreApplication.translate(
                "ProspectTexts", "E-mail “{value}”: not a valid address"
            ).format(value=match.group(1))
        if kind == "coordinate":
            return QCoreApplication.translate(
                "ProspectTexts", "{field} “{value}” is not a valid coordinate"
            ).format(field=field_label(match.group(1)), value=match.group(2))
        if kind == "country":
            return QCoreApplication.translate(
                "ProspectTexts", "Unknown country “{value}”; {code} was used"
            ).format(value=match.group(1), code=match.group(2))
        if kind == "cells":
            return QCoreApplication.translate(
                "ProspectTexts",
                "More cells than the header has columns: check the separator or a missing quote",
            )
        if kind == "flag":
            return QCoreApplication.translate(
                "ProspectTexts", "{field} “{value}” is not yes or no; left out"
            ).format(field=field_label(match.group(1)), value=match.group(2))
    return reason
