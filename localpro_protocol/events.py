"""Provider events (receipts, replies, opt-outs) as the cloud records them for an account:
their row id in the synced ``inbound_events`` table.

The id is derived from what identifies the event at the provider, so the same callback
delivered twice (providers retry) names the same row and has one effect.
"""

import uuid

EVENTS_NAMESPACE = uuid.UUID("6f1c1d1e-3b8a-4c55-9a51-2f0e5b7c9d10")

KINDS = ("receipt", "inbound", "opt_out", "opt_in")
CHANNELS = ("whatsapp", "sms", "email")
PROVIDERS = ("whatsapp", "twilio", "africastalking", "email")


def event_id(account_id: str, provider: str, dedupe_key: str) -> str:
    """The ``inbound_events`` row id of one provider event of one account."""
    return str(uuid.uuid5(EVENTS_NAMESPACE, f"{account_id}|{provider}|{dedupe_key}"))
