"""The Send confirmation and the plan refusal: their numbers, in the user's language."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from localpro_desktop.domain.campaigns import Channel
from localpro_desktop.domain.plans import LimitCheck, Plan
from localpro_desktop.services.campaign_drafts import CampaignDraft
from localpro_desktop.services.usage import UsageLine
from localpro_desktop.ui import formatting as fmt
from localpro_desktop.ui import labels
from localpro_desktop.ui.campaigns import widgets


class SendTexts(QObject):
    """The Send flow's questions and warnings (a QObject for its translation context)."""

    def ask_to_send(
        self,
        parent: QWidget,
        draft: CampaignDraft,
        n: int,
        quota: UsageLine,
        plan: Plan,
        sms_spread: dict[int, int],
    ) -> bool:
        return widgets.ask(
            parent,
            self.tr("Send campaign"),
            self.confirm_text(draft, n, quota, plan, sms_spread),
            self.tr("Send 1 message")
            if n == 1
            else self.tr("Send {n} messages").format(n=fmt.number(n)),
            self.tr("Not now"),
        )

    def warn_limit(
        self,
        parent: QWidget,
        check: LimitCheck,
        resets_on: date | None,
        *,
        refused_by_service: bool = False,
    ) -> None:
        """The plan cannot take this send; ``refused_by_service``: the draft was saved."""
        text = self.limit_text(check, resets_on)
        if refused_by_service:
            text += "\n\n" + self.tr("Nothing was sent; the campaign is saved as a draft.")
        widgets.warn(parent, self.tr("Plan limit reached"), text)

    def confirm_text(
        self,
        draft: CampaignDraft,
        n: int,
        quota: UsageLine,
        plan: Plan,
        sms_spread: dict[int, int],
    ) -> str:
        """The question before sending; ``sms_spread``: parts → how many recipients' SMS."""
        question = (
            self.tr("Send “{name}” now to 1 person on {channel}?")
            if n == 1
            else self.tr("Send “{name}” now to {n} people on {channel}?")
        )
        lines = [
            question.format(name=draft.name, n=fmt.number(n), channel=labels.channel(draft.channel))
        ]
        if quota.remaining is None:
            lines.append(
                self.tr("Your {plan} plan has no monthly message limit.").format(plan=plan.label)
            )
        else:
            lines.append(
                self.tr(
                    "This uses {n} of the {remaining} messages left this month on your "
                    "{plan} plan ({after} left afterwards)."
                ).format(
                    n=fmt.number(n),
                    remaining=fmt.number(quota.remaining),
                    plan=plan.label,
                    after=fmt.number(quota.remaining - n),
                )
            )
        if draft.channel is Channel.SMS and sms_spread:
            lines.append(self.spread_text(sms_spread))
        lines.append(
            self.tr("Messages are queued and go out as soon as a connection is available.")
        )
        return "\n\n".join(lines)

    def spread_text(self, spread: dict[int, int]) -> str:
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

    def limit_text(self, check: LimitCheck, resets_on: date | None) -> str:
        """The plan refusal with its numbers (the service's own sentence is English)."""
        text = self.tr(
            "Sending needs {n} messages, but your {plan} plan has {remaining} of {limit} "
            "left this month."
        ).format(
            n=fmt.number(check.requested),
            plan=check.plan.label,
            remaining=fmt.number(check.remaining or 0),
            limit=fmt.limit(check.limit),
        )
        if resets_on is not None:
            text += " " + self.tr("The count resets on {date}.").format(date=fmt.day(resets_on))
        else:
            text += " " + self.tr("The count resets on the first day of next month.")
        return (
            text
            + "\n\n"
            + self.tr(
                "Choose fewer recipients (a smaller segment), wait for the reset, or upgrade "
                "your plan."
            )
        )
