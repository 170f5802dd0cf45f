"""Campaign rules without a database: sending controls, errors on recipients, template
variables, money rounding."""

from decimal import Decimal

import pytest

from localpro_desktop.domain.campaigns import (
    CampaignAction,
    CampaignStatus,
    SendingState,
    SkipReason,
    TemplateVar,
    cancelled_status,
    check_action,
    check_campaign_move,
    minor_units,
    parse_template_vars,
    recipient_error,
    round_money,
    split_error,
)
from localpro_desktop.domain.errors import InvalidTransitionError, UserError
from localpro_desktop.domain.templates import PLACEHOLDERS

A = CampaignAction
S = CampaignStatus


def _state(
    status: S, *, paused: bool = False, cancelled: bool = False, here: bool = True
) -> SendingState:
    return SendingState("Tabaski", status, paused, cancelled, here)


# Every (action, state) the table allows; everything else is refused.
ALLOWED = {
    (A.PAUSE, S.SENT, False, False, True),
    (A.PAUSE, S.SENT, False, False, False),  # from another computer: the pause syncs
    (A.RESUME, S.SENT, True, False, True),
    (A.RESUME, S.SENT, True, False, False),
    (A.CANCEL, S.SCHEDULED, False, False, True),
    (A.CANCEL, S.SCHEDULED, False, False, False),
    (A.CANCEL, S.SCHEDULED, True, False, True),
    (A.CANCEL, S.SCHEDULED, True, False, False),
    (A.CANCEL, S.SENT, False, False, True),
    (A.CANCEL, S.SENT, False, False, False),
    (A.CANCEL, S.SENT, True, False, True),
    (A.CANCEL, S.SENT, True, False, False),
    (A.TAKE_OVER, S.SENT, False, False, False),
    (A.TAKE_OVER, S.SENT, True, False, False),
}


def test_the_sending_controls_are_an_explicit_table() -> None:
    for action in A:
        for status in S:
            for paused in (False, True):
                for cancelled in (False, True):
                    for here in (False, True):
                        state = _state(status, paused=paused, cancelled=cancelled, here=here)
                        key = (action, status, paused, cancelled, here)
                        if key in ALLOWED:
                            check_action(action, state)
                        else:
                            with pytest.raises(InvalidTransitionError):
                                check_action(action, state)


def test_the_refusals_say_why() -> None:
    with pytest.raises(InvalidTransitionError, match="'Tabaski' is draft"):
        check_action(A.PAUSE, _state(S.DRAFT))
    with pytest.raises(InvalidTransitionError, match="already being sent from this computer"):
        check_action(A.TAKE_OVER, _state(S.SENT))
    with pytest.raises(InvalidTransitionError, match="already cancelled"):
        check_action(A.CANCEL, _state(S.SENT, cancelled=True))


def test_a_cancelled_campaign_ends_completed_if_anything_left_else_failed() -> None:
    assert cancelled_status(S.SENT, anything_sent=True) is S.COMPLETED
    assert cancelled_status(S.SENT, anything_sent=False) is S.FAILED
    assert cancelled_status(S.SCHEDULED, anything_sent=False) is S.FAILED
    with pytest.raises(InvalidTransitionError):
        cancelled_status(S.SCHEDULED, anything_sent=True)  # nothing can have left
    with pytest.raises(InvalidTransitionError):
        check_campaign_move(S.COMPLETED, S.FAILED)


def test_recipient_errors_are_code_and_words() -> None:
    assert recipient_error("131026", "Message undeliverable") == "131026: Message undeliverable"
    assert split_error("131026: Message undeliverable") == ("131026", "Message undeliverable")
    assert split_error("gateway refused: try later") == ("", "gateway refused: try later")
    assert split_error("") == ("", "")
    assert len(recipient_error("x", "y" * 500)) == 400
    assert str(SkipReason.LIMIT.words) == "monthly message limit reached"


def test_template_variables_name_a_contact_field_and_may_fall_back() -> None:
    parsed = parse_template_vars(["1=first_name", " city = city | chez vous "], PLACEHOLDERS)
    assert parsed == [TemplateVar("1", "first_name"), TemplateVar("city", "city", "chez vous")]
    assert [str(v) for v in parsed] == ["1=first_name", "city=city|chez vous"]
    assert parsed[1].value({"city": "  "}) == "chez vous"
    assert parsed[1].value({"city": "Thiès"}) == "Thiès"
    assert parsed[0].value({}) == ""  # never "None"
    with pytest.raises(UserError, match="use one of first_name, last_name"):
        parse_template_vars(["1=age"], PLACEHOLDERS)
    with pytest.raises(UserError, match="NAME=FIELD"):
        parse_template_vars(["=city"], PLACEHOLDERS)
    with pytest.raises(UserError, match="given twice"):
        parse_template_vars(["1=city", "1=sector"], PLACEHOLDERS)


def test_money_is_rounded_to_the_currencys_smallest_unit() -> None:
    assert minor_units("XOF") == 0 and minor_units("eur") == 2 and minor_units("TND") == 3
    assert round_money(Decimal("12.5"), "XOF") == Decimal("13")
    assert round_money(Decimal("0.125"), "EUR") == Decimal("0.13")
    assert str(round_money(Decimal("3"), "GHS")) == "3.00"
    assert str(round_money(Decimal("1.0005"), "TND")) == "1.001"
