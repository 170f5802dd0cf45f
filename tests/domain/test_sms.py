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
