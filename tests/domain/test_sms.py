"""SMS parts: one number for a whole campaign would be wrong; the spread is what is billed."""

from localpro_desktop.domain.campaigns import CampaignStatus, ShownState, shown_state
from localpro_desktop.domain.sms import parts_spread


def test_parts_spread_counts_each_message() -> None:
    texts = ["Bonjour Awa"] * 3 + ["Bonjour Anaïs " + "x" * 60]
    assert parts_spread(texts) == {1: 3, 2: 1}
    assert parts_spread([]) == {}


def test_a_sent_campaign_with_nothing_sent_is_waiting() -> None:
    assert shown_state(CampaignStatus.SENT, sent=0) is ShownState.WAITING
    assert shown_state(CampaignStatus.SENT, sent=2) is ShownState.SENT
    assert shown_state(CampaignStatus.DRAFT, sent=0) is ShownState.DRAFT


def test_the_characters_that_force_unicode_are_listed_once_in_order() -> None:
    from localpro_desktop.domain.sms import unicode_chars

    assert unicode_chars(["l’été à Thiès", "fête « chez » nous 😀", "l’"]) == "’ê«»😀"
    assert unicode_chars(["Ça coûte 5 €"]) == "û"  # Ç and € are GSM-7


def test_gsm7_look_alikes_keep_the_accents_gsm7_has() -> None:
    from localpro_desktop.domain.sms import replaceable_chars, sms_length, to_gsm7_lookalikes

    kept = "é è ù ì ò Ç Ø ø Å å Ä Ö Ñ Ü ß ä ö ñ ü à"
    assert to_gsm7_lookalikes(kept) == kept
    text = "L’offre « fête » : –20 %… ça\u202fva ? Œuvre, naŋ"
    assert to_gsm7_lookalikes(text) == 'L\'offre " fete " : -20 %... ca va ? OEuvre, nan'
    assert sms_length(to_gsm7_lookalikes(text)).encoding == "GSM-7"
    assert replaceable_chars("Salut 😀 l’ami") == "’"  # the emoji has no look-alike
    assert sms_length(to_gsm7_lookalikes("Salut 😀 l’ami")).encoding == "UCS-2"
