"""User-facing wording for domain facts, chosen by message id (``domain/messages``).

The domain and the services word their problems as Messages: an id with arguments whose
English the command line prints. Most are shown simply translated
(``i18n.translate_message``); the few a form or the import report shows all the time get
a shorter wording for people here, picked by the message's id — never by parsing English.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from localpro_desktop.domain.emails import CheckedEmail
from localpro_desktop.domain.messages import JOINED_ID, Message
from localpro_desktop.domain.messages import emails as email_msg
from localpro_desktop.domain.messages import phones as phone_msg
from localpro_desktop.domain.messages import records as record_msg
from localpro_desktop.domain.messages import rows as row_msg
from localpro_desktop.domain.phones import ParsedPhone
from localpro_desktop.domain.plans import (
    PLAN_LIMITS,
    LimitCheck,
    cheapest_plan_allowing,
    next_reset,
)
from localpro_desktop.ui import formatting as fmt
from localpro_desktop.ui.i18n import translate_message

if TYPE_CHECKING:
    # Not at run time: the importer pulls in pandas, which the tab loads only to import.
    from localpro_desktop.services.importing.importer import RowProblem

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
    problem = parsed.problem
    if problem is None:
        return ""
    if problem.id == phone_msg.NOT_VALID:
        return QCoreApplication.translate("ProspectTexts", "{number}: {reason}").format(
            number=problem.args["number"], reason=_phone_reason(problem)
        )
    return _phone_reason(problem)


def _phone_reason(problem: str) -> str:
    """The gist of a ``parse_phone`` problem, in the user's language."""
    if isinstance(problem, Message) and problem.id == phone_msg.NOT_VALID:
        length = problem.args.get("length")
        if length == "short":
            return QCoreApplication.translate("ProspectTexts", "too short, digits are missing")
        if length == "long":
            return QCoreApplication.translate("ProspectTexts", "too long, check the digits")
        return QCoreApplication.translate("ProspectTexts", "not a valid number in that country")
    return translate_message(problem)


def email_problem(checked: CheckedEmail) -> str:
    """e-mail validator's reasons are long and English; the gist is enough in a form."""
    problem = checked.problem
    if problem is not None and problem.id == email_msg.NEEDS_AT:
        return QCoreApplication.translate("ProspectTexts", "An e-mail address needs an @")
    if problem is not None and problem.id == email_msg.BAD_DOMAIN:
        return QCoreApplication.translate(
            "ProspectTexts", "The part after the @ is not a valid domain"
        )
    return QCoreApplication.translate("ProspectTexts", "Not a valid e-mail address")


def duplicate_reason(reason: str) -> str:
    if isinstance(reason, Message):
        if reason.id == record_msg.SAME_PHONE:
            return QCoreApplication.translate("ProspectTexts", "same phone number")
        if reason.id == record_msg.SAME_EMAIL:
            return QCoreApplication.translate("ProspectTexts", "same e-mail")
        if reason.id == record_msg.SIMILAR_NAME:
            return QCoreApplication.translate("ProspectTexts", "very similar name in the same city")
    return translate_message(reason)


def duplicate_match(problem: RowProblem) -> str:
    """What a duplicate row of an import matched, and why: never just "already there"."""
    reason = translate_message(problem.reason)
    if problem.matched_row is not None:
        return QCoreApplication.translate(
            "ProspectTexts", "Matches row {other} of the file ({reason})"
        ).format(other=problem.matched_row, reason=reason)
    return QCoreApplication.translate(
        "ProspectTexts", "Matches “{name}”, already in your records ({reason})"
    ).format(name=problem.matched_name or problem.matched_id or "?", reason=reason)


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


def row_problem(reason: str) -> str:
    """An import report reason (a ``domain.messages`` Message) in the user's words.

    A rejected row's errors come joined as one message; each is worded on its own. The
    commonest problems get a wording for people (the message's English is the command
    line's); anything else is the message translated as it is.
    """
    if isinstance(reason, Message) and reason.id == JOINED_ID:
        items = reason.args["items"]
        assert isinstance(items, tuple)
        return "; ".join(row_problem(item) for item in items)
    if not isinstance(reason, Message):
        return reason
    args = reason.args
    key = str(args.get("key", ""))
    if reason.id == row_msg.BUSINESS_NAME_EMPTY:
        return QCoreApplication.translate("ProspectTexts", "The business name is empty")
    if reason.id == row_msg.NO_NAME:
        return QCoreApplication.translate(
            "ProspectTexts", "No name: give a first name, a last name or a company"
        )
    if reason.id == row_msg.ONE_COORDINATE:
        return QCoreApplication.translate(
            "ProspectTexts", "Only one coordinate given; both were left out"
        )
    if reason.id == row_msg.PHONE:
        # The problem as it came (a Message): str() would lose its id, and so its wording.
        problem = args["problem"]
        return QCoreApplication.translate("ProspectTexts", "{field} “{value}”: {problem}").format(
            field=field_label(key),
            value=args["value"],
            problem=_phone_reason(problem if isinstance(problem, str) else str(problem)),
        )
    if reason.id == row_msg.EMAIL:
        return QCoreApplication.translate(
            "ProspectTexts", "E-mail “{value}”: not a valid address"
        ).format(value=args["value"])
    if reason.id in (row_msg.NOT_A_NUMBER, row_msg.OUT_OF_RANGE):
        return QCoreApplication.translate(
            "ProspectTexts", "{field} “{value}” is not a valid coordinate"
        ).format(field=field_label(key), value=args["value"])
    if reason.id == row_msg.UNKNOWN_COUNTRY:
        return QCoreApplication.translate(
            "ProspectTexts", "Unknown country “{value}”; {code} was used"
        ).format(value=args["value"], code=args["region"])
    if reason.id == row_msg.EXTRA_CELLS:
        return QCoreApplication.translate(
            "ProspectTexts",
            "More cells than the header has columns: check the separator or a missing quote",
        )
    if reason.id == row_msg.NOT_YES_NO:
        return QCoreApplication.translate(
            "ProspectTexts", "{field} “{value}” is not yes or no; left out"
        ).format(field=field_label(key), value=args["value"])
    return translate_message(reason)
