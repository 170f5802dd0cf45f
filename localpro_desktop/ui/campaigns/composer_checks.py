"""What stops the composer from saving or sending, said one thing at a time.

The first problem found, with the field to fix it in (focused when it is said). Its
words are the composer's (translation context ``CampaignComposer``): they were written
there first, and the French catalogue keeps them under that name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from localpro_desktop.domain.campaigns import Channel
from localpro_desktop.ui import labels

if TYPE_CHECKING:
    from localpro_desktop.ui.campaigns.composer import CampaignComposer


def first_problem(composer: CampaignComposer, *, sending: bool) -> tuple[str, QWidget | None]:
    """The first thing stopping a save (or, ``sending``, a send), and the field to fix."""
    draft = composer.draft()
    if not draft.name:
        return QCoreApplication.translate(
            "CampaignComposer", "Give the campaign a name."
        ), composer.name_edit
    if error := composer.template_error():
        return QCoreApplication.translate(
            "CampaignComposer", "Fix the message first: {error}"
        ).format(error=error), composer.body_edit
    if draft.schedule_at is not None and composer.schedule.in_past():
        return QCoreApplication.translate(
            "CampaignComposer", "Pick a time in the future, or untick “Send later”."
        ), composer.schedule_edit
    if not sending:
        return "", None
    if problem := composer.channel_notice.problem(draft.channel):
        return problem, None
    if draft.channel is Channel.EMAIL and not draft.subject.strip():
        return QCoreApplication.translate(
            "CampaignComposer", "An e-mail needs a subject."
        ), composer.subject_edit
    if not draft.body.strip() and not draft.template_name:
        return QCoreApplication.translate(
            "CampaignComposer", "Write the message first."
        ), composer.body_edit
    if draft.attachment_path and (refusal := composer.attachment.refusal()):
        return refusal, composer.attachment.choose_button
    if not draft.source.chosen:
        return QCoreApplication.translate(
            "CampaignComposer", "Choose who receives the campaign."
        ), composer.source_combo
    audience = composer.audience
    if audience is not None and not audience.included:
        return QCoreApplication.translate(
            "CampaignComposer", "Nobody in this selection can be reached on {channel}."
        ).format(channel=labels.channel(draft.channel)), composer.source_combo
    return "", None
