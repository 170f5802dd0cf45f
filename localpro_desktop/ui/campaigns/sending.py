"""The words of the Send summary: audience, who is left out, cost, SMS parts, the plan.

One QObject (translation context ``SendTexts``) so the dialog, the flow and the tests share
the same sentences; numbers, dates and money are formatted for the user's locale.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QObject

from localpro_desktop.domain.campaigns import Channel
from localpro_desktop.domain.plans import Plan
from localpro_desktop.services.campaign_sending import SendSummary
from localpro_desktop.services.usage import UsageLine
from localpro_desktop.ui import formatting as fmt
from localpro_desktop.ui import labels
from localpro_desktop.ui.channels.price import money

REPLACE_SHOWN = 8
"""Characters to replace named on the button; more are summed up by "…"."""


def _plural(n: int, one: str, many: str, **args: str) -> str:
    return fmt.plural(n, one, many).format(n=fmt.number(n), **args)


class SendTexts(QObject):
    """The Send flow's sentences, in the user's language."""

    # -- the question -----------------------------------------------------------------------

    def title(self, name: str) -> str:
        return self.tr("Send “{name}”").format(name=name)

    def audience(self, n: int, channel: Channel) -> str:
        text = (
            self.tr("1 person will get it on {channel}.")
            if n == 1
            else self.tr("{n} people will get it on {channel}.")
        )
        return text.format(n=fmt.number(n), channel=labels.channel(channel))

    def send_button(self, n: int) -> str:
        if n == 1:
            return self.tr("Send 1 message")
        return self.tr("Send {n} messages").format(n=fmt.number(n))

    def not_now(self) -> str:
        return self.tr("Not now")

    def queued_note(self) -> str:
        return self.tr("Messages are queued and go out as soon as a connection is available.")

    # -- who is left out ----------------------------------------------------------------------

    def left_out_title(self, excluded: dict[str, int]) -> str:
        total = sum(excluded.values())
        if not total:
            return self.tr("Nobody is left out.")
        return _plural(total, self.tr("1 person is left out:"), self.tr("{n} people are left out:"))

    def left_out(self, excluded: dict[str, int], channel: Channel) -> list[str]:
        """One phrase per reason, worded for the channel ("12 without a number")."""
        email = channel is Channel.EMAIL
        phrases: list[str] = []
        if n := excluded.get("no_address", 0):
            phrases.append(
                _plural(
                    n,
                    self.tr("1 without an e-mail address"),
                    self.tr("{n} without an e-mail address"),
                )
                if email
                else _plural(n, self.tr("1 without a number"), self.tr("{n} without a number"))
            )
        if n := excluded.get("invalid_address", 0):
            phrases.append(
                _plural(
                    n,
                    self.tr("1 with an invalid e-mail address"),
                    self.tr("{n} with an invalid e-mail address"),
                )
                if email
                else _plural(
                    n, self.tr("1 with an invalid number"), self.tr("{n} with an invalid number")
                )
            )
        if n := excluded.get("opted_out", 0):
            phrases.append(
                _plural(
                    n,
                    self.tr("1 opted out of {channel}"),
                    self.tr("{n} opted out of {channel}"),
                    channel=labels.channel(channel),
                )
            )
        if n := excluded.get("not_on_whatsapp", 0):
            phrases.append(
                _plural(
                    n,
                    self.tr("1 not on WhatsApp (an earlier message could not reach them)"),
                    self.tr("{n} not on WhatsApp (an earlier message could not reach them)"),
                )
            )
        known = {"no_address", "invalid_address", "opted_out", "not_on_whatsapp"}
        if n := sum(count for reason, count in excluded.items() if reason not in known):
            phrases.append(
                _plural(n, self.tr("1 for another reason"), self.tr("{n} for another reason"))
            )
        return phrases

    # -- cost ---------------------------------------------------------------------------------

    def cost(self, summary: SendSummary) -> str:
        channel = summary.channel
        if summary.price is None or summary.cost is None:
            return self.tr(
                "No price is set for {channel}: add it under File → Workspace settings → "
                "Channels to see the cost here."
            ).format(channel=labels.channel(channel))
        price = money(summary.price, summary.currency, exact=True)
        total = money(summary.cost, summary.currency)
        if channel is Channel.SMS:
            detail = _plural(
                summary.sms_parts,
                self.tr("1 SMS part at {price}"),
                self.tr("{n} SMS parts at {price} each"),
                price=price,
            )
        else:
            detail = _plural(
                summary.recipients,
                self.tr("1 message at {price}"),
                self.tr("{n} messages at {price} each"),
                price=price,
            )
        return self.tr("Estimated cost: {total} ({detail}).").format(total=total, detail=detail)

    def spread(self, spread: dict[int, int]) -> str:
        """ "118 in 1 part, 4 in 2 parts": one name with "ï" lengthens only that message."""
        spread = {parts: count for parts, count in spread.items() if parts}  # empty: none
        if set(spread) <= {1}:
            return self.tr("Every SMS fits in 1 part.")
        phrases = [
            (self.tr("{n} in 1 part") if parts == 1 else self.tr("{n} in {parts} parts")).format(
                n=fmt.number(count), parts=fmt.number(parts)
            )
            for parts, count in sorted(spread.items())
        ]
        return self.tr("SMS length: {spread}. Operators bill every part.").format(
            spread=", ".join(phrases)
        )

    def offers_replace(self, summary: SendSummary) -> bool:
        """SMS: replacing the characters that force Unicode at least halves the parts."""
        return (
            summary.channel is Channel.SMS
            and bool(summary.unicode_chars)
            and summary.parts_if_replaced > 0
            and summary.parts_if_replaced * 2 <= summary.sms_parts
        )

    def shown_chars(self, chars: str) -> str:
        shown = " ".join(chars[:REPLACE_SHOWN])
        return shown + (" …" if len(chars) > REPLACE_SHOWN else "")

    def replace_why(self, summary: SendSummary) -> str:
        text = self.tr(
            "{chars} make these SMS Unicode: 70 characters a part instead of 160. With plain "
            "look-alikes instead (' \" e…), the words stay readable."
        ).format(chars=self.shown_chars(summary.unicode_chars))
        saved = summary.cost_if_replaced
        if summary.cost is not None and saved is not None:
            text += " " + self.tr("Estimated cost after: {cost}.").format(
                cost=money(saved, summary.currency)
            )
        return text

    def replace_button(self, summary: SendSummary) -> str:
        return self.tr("Replace {chars} to use {after} instead of {before} SMS").format(
            chars=self.shown_chars(summary.unicode_chars),
            after=fmt.number(summary.parts_if_replaced),
            before=fmt.number(summary.sms_parts),
        )

    # -- the plan -----------------------------------------------------------------------------

    def plan(self, n: int, quota: UsageLine, plan: Plan) -> str:
        if quota.remaining is None:
            return self.tr("Your {plan} plan has no monthly message limit.").format(plan=plan.label)
        return self.tr(
            "This uses {n} of the {remaining} messages left this month on your "
            "{plan} plan ({after} left afterwards)."
        ).format(
            n=fmt.number(n),
            remaining=fmt.number(quota.remaining),
            plan=plan.label,
            after=fmt.number(max(quota.remaining - n, 0)),
        )

    def over_limit(self, summary: SendSummary, plan: Plan) -> str:
        allowed, total = summary.allowed_now, summary.recipients
        if allowed <= 0:
            text = self.tr(
                "Your {plan} plan has no messages left this month: none of the {total} can go now."
            )
        else:
            text = self.tr(
                "Only {allowed} of the {total} messages can go now: that is what your {plan} "
                "plan has left this month."
            )
        text = text.format(allowed=fmt.number(allowed), total=fmt.number(total), plan=plan.label)
        return text + " " + self.resets(summary.resets_on)

    def resets(self, day: date) -> str:
        return self.tr("The count resets on {date}.").format(date=fmt.day(day))

    def over_choices(self, summary: SendSummary, can_wait: bool, wait_time: str) -> str:
        lines = []
        rest = summary.recipients - summary.allowed_now
        if summary.allowed_now > 0:
            lines.append(
                _plural(
                    rest,
                    self.tr(
                        "Send {allowed} now: the other person is marked “monthly limit "
                        "reached”, for a follow-up later."
                    ),
                    self.tr(
                        "Send {allowed} now: the other {n} are marked “monthly limit "
                        "reached”, for a follow-up later."
                    ),
                    allowed=fmt.number(summary.allowed_now),
                )
            )
        if can_wait:
            lines.append(
                self.tr("Or wait: the whole campaign goes out on {date} at {time}.").format(
                    date=fmt.day(summary.resets_on), time=wait_time
                )
            )
        else:
            lines.append(
                self.tr(
                    "Waiting does not help: the campaign is larger than your plan's monthly "
                    "allowance. Choose fewer recipients or upgrade your plan."
                )
            )
        return "\n".join(lines)

    def send_allowed_button(self, n: int) -> str:
        return self.tr("Send {n} now").format(n=fmt.number(n))

    def wait_button(self, day: date) -> str:
        return self.tr("Wait for the reset on {date}").format(date=fmt.day(day))
