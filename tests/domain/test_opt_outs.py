"""Stop words, start words and the ids every laptop derives for the same event."""

import uuid
from datetime import datetime, timedelta

import pytest

from localpro_desktop.domain.campaigns import RecipientStatus
from localpro_desktop.domain.inbound import (
    answers,
    choice_entry_id,
    failure_text,
    receipt_status,
    timeline_entry_id,
)
from localpro_desktop.domain.opt_outs import (
    OPT_OUTS_NAMESPACE,
    STOP_WORDS,
    KeywordAction,
    OptOutSource,
    clip_words,
    inbound_contact_id,
    keyword_action,
    keyword_source,
    newer_choice,
    opt_in_by_keyword,
    opt_out_id,
)


@pytest.mark.parametrize("word", STOP_WORDS)
def test_every_stop_word_alone_in_any_case_is_an_opt_out(word: str) -> None:
    for text in (
        word,
        word.lower(),
        word.title(),
        f"  {word}  ",
        f"{word}.",
        f"{word}!!",
        f"«{word}»",
    ):
        assert keyword_action(text) is KeywordAction.OPT_OUT, text


@pytest.mark.parametrize(
    "text",
    ["Stop.", "ARRÊT", "arret", "Arrêt !", "stop sms", "STOP   SMS", "Désabonner", "desinscrire\n"],
)
def test_accents_spaces_and_punctuation_around_do_not_matter(text: str) -> None:
    assert keyword_action(text) is KeywordAction.OPT_OUT


@pytest.mark.parametrize(
    "text",
    [
        "please stop calling me",
        "Stop, je suis intéressé quand même",
        "stopper",
        "STOP STOP",
        "unstoppable",
        "the end",
        "oui",
        "",
        "   ",
        "...",
    ],
)
def test_a_stop_word_inside_a_sentence_is_not_an_opt_out(text: str) -> None:
    assert keyword_action(text) is not KeywordAction.OPT_OUT


@pytest.mark.parametrize("text", ["START", "start", "Unstop.", " UNSTOP "])
def test_start_and_unstop_resubscribe_on_sms_only(text: str) -> None:
    assert keyword_action(text) is KeywordAction.OPT_IN
    assert opt_in_by_keyword("sms")
    assert not opt_in_by_keyword("whatsapp") and not opt_in_by_keyword("email")


def test_sources_by_channel_and_their_words() -> None:
    assert keyword_source("sms") is OptOutSource.SMS_KEYWORD
    assert keyword_source("whatsapp") is OptOutSource.WHATSAPP
    assert keyword_source("email") is OptOutSource.EMAIL_UNSUBSCRIBE
    assert str(OptOutSource.SMS_KEYWORD.words) == "replied with a stop word by SMS"


def test_ids_follow_the_contract_and_are_the_same_everywhere() -> None:
    contact = "01900000-0000-7000-8000-000000000001"
    assert opt_out_id(contact, "sms") == str(uuid.uuid5(OPT_OUTS_NAMESPACE, f"{contact}|sms"))
    assert opt_out_id(contact, "sms") != opt_out_id(contact, "email")
    assert inbound_contact_id("+221771234567") == str(
        uuid.uuid5(OPT_OUTS_NAMESPACE, "contact|+221771234567")
    )
    event = str(uuid.uuid4())
    assert timeline_entry_id(event) == timeline_entry_id(event)
    assert len({timeline_entry_id(event), choice_entry_id(event), event}) == 3


def test_the_later_choice_wins_and_an_opt_out_wins_a_tie() -> None:
    t = datetime(2026, 3, 1, 10)
    assert newer_choice(None, False, t, False)
    assert newer_choice(t, True, t + timedelta(seconds=1), False)
    assert not newer_choice(t, False, t - timedelta(seconds=1), True)
    assert newer_choice(t, False, t, True)
    assert not newer_choice(t, True, t, False)
    assert not newer_choice(t, True, t, True)  # the same choice again: nothing to do


def test_receipts_map_to_recipient_statuses() -> None:
    assert receipt_status("read") is RecipientStatus.OPENED
    assert receipt_status("opened") is RecipientStatus.OPENED
    assert receipt_status("DELIVERED") is RecipientStatus.DELIVERED
    assert receipt_status("failed") is RecipientStatus.FAILED
    assert receipt_status("queued") is None
    assert failure_text("131026", "Message undeliverable") == "131026: Message undeliverable"
    assert failure_text("", "refused") == "refused"
    assert len(failure_text("1", "x" * 1000)) == 400


def test_a_reply_answers_a_campaign_sent_within_the_week_before() -> None:
    sent = datetime(2026, 3, 1, 10)
    assert answers(sent, sent + timedelta(days=6, hours=23))
    assert not answers(sent, sent + timedelta(days=7, seconds=1))
    assert not answers(sent, sent - timedelta(hours=1))
    assert answers(sent, sent - timedelta(minutes=2))  # two clocks: a little slack
    assert not answers(None, sent)


def test_words_are_kept_short() -> None:
    assert clip_words("  " + "a" * 500) == "a" * 200
