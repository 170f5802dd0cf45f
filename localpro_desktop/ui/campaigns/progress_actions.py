"""What the user can do about a campaign going out, for ``CampaignProgress``.

``ProgressActions`` belongs to the progress view: the view shows the figures and hands
its buttons, its offers and the "To check" table's requests to it. It offers and does:

- **Pause / Resume / Cancel** (cancel asks first: sent messages stay sent, the rest are
  skipped);
- **Take over sending** when another laptop is the sender, after a confirmation that says
  the risk (that laptop may have sent some after its last sync: those people would get
  the message twice);
- **Unknown — check before resending**: messages the dispatcher could not confirm. Resend
  (after a confirmation that the person may get it twice) or Give up;
- **Follow-ups**: "12 people are not on WhatsApp — Send them an SMS", and the people the
  plan's monthly limit left out, as a new draft opened in the composer.

Every action runs on the database worker; its buttons wait meanwhile, and the view reads
the figures again when it is done.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Slot

from localpro_desktop.domain.campaigns import Channel
from localpro_desktop.services import campaign_sending
from localpro_desktop.ui import formatting as fmt
from localpro_desktop.ui.campaigns import widgets
from localpro_desktop.ui.campaigns.progress_figures import (
    MONTHLY_LIMIT,
    NOT_ON_WHATSAPP,
    Progress,
    open_count,
    sent_count,
)
from localpro_desktop.ui.i18n import translate_message
from localpro_desktop.ui.tasks import guarded
from localpro_desktop.ui.widgets import Tone

if TYPE_CHECKING:
    from localpro_desktop.ui.campaigns.progress import CampaignProgress


class ProgressActions(QObject):
    """The actions and offers of one ``CampaignProgress`` (its parent, ``view``)."""

    def __init__(self, view: CampaignProgress) -> None:
        super().__init__(view)
        self.view = view
        self.busy = False  # an action in flight: its buttons wait

    # -- offers -----------------------------------------------------------------------

    def show_offers(self, progress: Progress, live: bool) -> None:
        """The view's bars that offer an action: take over, and the follow-ups."""
        self._show_takeover(progress, live)
        self._show_follow_ups(progress)

    def _show_takeover(self, progress: Progress, live: bool) -> None:
        bar = self.view.takeover_bar
        if not live or progress.sends_here or not open_count(progress):
            bar.dismiss()
            return
        text = self.tr(
            "Another computer sends this campaign; its progress arrives here when it syncs."
        )
        if bar.message != text:
            bar.show_message(
                text, Tone.INFO, action=self.tr("Take over sending…"), on_action=self.take_over
            )

    def _show_follow_ups(self, progress: Progress) -> None:
        view = self.view
        missing = progress.not_on_whatsapp
        if missing and view.channel is Channel.WHATSAPP:
            text = fmt.plural(
                missing,
                self.tr("1 person is not on WhatsApp."),
                self.tr("{n} people are not on WhatsApp."),
            ).format(n=fmt.number(missing))
            if view.whatsapp_bar.message != text:
                view.whatsapp_bar.show_message(
                    text,
                    Tone.INFO,
                    action=self.tr("Send them an SMS…"),
                    on_action=lambda: self.follow_up(NOT_ON_WHATSAPP, Channel.SMS),
                )
        else:
            view.whatsapp_bar.dismiss()
        left_out = view.limit_left_out
        if left_out and view.channel is not None:
            channel = view.channel
            text = fmt.plural(
                left_out,
                self.tr("1 person was left out: this month's message limit was reached."),
                self.tr("{n} people were left out: this month's message limit was reached."),
            ).format(n=fmt.number(left_out))
            if view.limit_bar.message != text:
                view.limit_bar.show_message(
                    text,
                    Tone.INFO,
                    action=self.tr("Send to them later…"),
                    on_action=lambda: self.follow_up(MONTHLY_LIMIT, channel),
                )
        else:
            view.limit_bar.dismiss()

    # -- actions ----------------------------------------------------------------------

    @Slot()
    def pause(self) -> None:
        self._act(campaign_sending.pause, self.tr("Sending is paused."))

    @Slot()
    def resume(self) -> None:
        self._act(campaign_sending.resume, self.tr("Sending resumes."))

    @Slot()
    def cancel(self) -> None:
        progress = self.view.progress
        if progress is None:
            return
        sent, waiting = sent_count(progress), open_count(progress)
        text = self.tr(
            "Stop sending “{name}”?\n\nMessages already sent ({sent}) stay sent. Those not "
            "sent yet ({left}) are skipped: they will not go out, even if you change your mind."
        ).format(name=self.view.campaign_name, sent=fmt.number(sent), left=fmt.number(waiting))
        if not widgets.ask(
            self.view,
            self.tr("Cancel sending"),
            text,
            self.tr("Cancel sending"),
            self.tr("Keep sending"),
        ):
            return
        self._act(campaign_sending.cancel, self.tr("Sending is cancelled; the rest is skipped."))

    @Slot()
    def take_over(self) -> None:
        """Ask first, with the service's words for the risk (how many would go from here)."""
        view = self.view
        campaign_id = view.campaign_id
        if campaign_id is None:
            return
        ws = view.ctx.ws
        view.ctx.runner.run(
            lambda: campaign_sending.take_over_risk(ws, campaign_id),
            on_done=guarded(view, self._confirm_take_over),
            on_error=guarded(view, self._action_failed),
        )

    @Slot(object)
    def _confirm_take_over(self, risk: object) -> None:
        text = self.tr(
            "Send the rest of “{name}” from this computer?\n\n{risk}\n\nTake over only when "
            "the other computer is lost, broken or will stay offline."
        ).format(name=self.view.campaign_name, risk=_worded(risk))
        if not widgets.ask(
            self.view,
            self.tr("Take over sending"),
            text,
            self.tr("Take over sending"),
            self.tr("Leave it"),
        ):
            return
        self._act(
            campaign_sending.take_over,
            self.tr("This computer now sends the rest of “{name}”.").format(
                name=self.view.campaign_name
            ),
        )

    @Slot(list)
    def resend_unknown(self, recipient_ids: list[str]) -> None:
        if not recipient_ids:
            return
        count = len(recipient_ids)
        text = fmt.plural(
            count,
            self.tr(
                "Send this message again?\n\nLocalPro cannot tell whether it left: the "
                "connection was cut while it was being sent. If the person did get it, they "
                "will get it twice. Check first if you can (ask them, or look in the "
                "provider's log)."
            ),
            self.tr(
                "Send these {n} messages again?\n\nLocalPro cannot tell whether they left: "
                "the connection was cut while they were being sent. A person who did get "
                "one will get it twice. Check first if you can (ask them, or look in the "
                "provider's log)."
            ),
        ).format(n=fmt.number(count))
        if not widgets.ask(
            self.view, self.tr("Send again"), text, self.tr("Send again"), self.tr("Don't send")
        ):
            return
        ws, ids = self.view.ctx.ws, list(recipient_ids)
        self._run(
            lambda: campaign_sending.resend_unknown(ws, ids),
            lambda n: self._count_said(
                n, self.tr("1 message goes out again."), self.tr("{n} messages go out again.")
            ),
        )

    @Slot(list)
    def give_up_unknown(self, recipient_ids: list[str]) -> None:
        if not recipient_ids:
            return
        ws, ids = self.view.ctx.ws, list(recipient_ids)
        self._run(
            lambda: campaign_sending.give_up_unknown(ws, ids),
            lambda n: self._count_said(
                n,
                self.tr("1 message will not be sent again."),
                self.tr("{n} messages will not be sent again."),
            ),
        )

    @staticmethod
    def _count_said(count: object, one: str, many: str) -> str:
        n = count if isinstance(count, int) else 0
        return fmt.plural(n, one, many).format(n=fmt.number(n))

    def follow_up(self, reason: str, channel: Channel) -> None:
        """A new draft for the people ``reason`` left out, on ``channel``, opened to edit."""
        view = self.view
        campaign_id = view.campaign_id
        if campaign_id is None:
            return
        ws = view.ctx.ws
        self.busy = True
        view.ctx.runner.run(
            lambda: campaign_sending.follow_up_draft(
                ws, campaign_id, reason=reason, channel=channel
            ),
            on_done=guarded(view, self._draft_made),
            on_error=guarded(view, self._action_failed),
        )

    @Slot(object)
    def _draft_made(self, draft_id: object) -> None:
        self.busy = False
        self.view.sig_open_draft.emit(str(draft_id))

    def _act(self, action: Callable[[Any, str], object], done: str) -> None:
        campaign_id = self.view.campaign_id
        if campaign_id is None:
            return
        ws = self.view.ctx.ws
        self._run(lambda: action(ws, campaign_id), lambda _result: done)

    def _run(self, fn: Callable[[], object], said: Callable[[object], str]) -> None:
        view = self.view
        self.busy = True
        for button in (view.pause_button, view.resume_button, view.cancel_button):
            button.setEnabled(False)
        view.unknown_view.set_busy(True)

        def done(result: object) -> None:
            self.busy = False
            view.unknown_view.set_busy(False)
            view.notice.show_message(said(result), Tone.SUCCESS, timeout_ms=8000)
            view.refresh()

        view.ctx.runner.run(
            fn, on_done=guarded(view, done), on_error=guarded(view, self._action_failed)
        )

    @Slot(str, bool)
    def _action_failed(self, message: str, _is_bug: bool) -> None:
        view = self.view
        self.busy = False
        view.unknown_view.set_busy(False)
        view.notice.show_message(message, Tone.ERROR)
        view.refresh()


def _worded(message: object) -> str:
    """A service's message (a ``Message``, worded in the UI language) or nothing."""
    return translate_message(message) if isinstance(message, str) else ""
