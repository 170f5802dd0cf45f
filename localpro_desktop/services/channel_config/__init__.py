"""Channel configuration on this laptop: settings, secrets, checks, tests, WhatsApp templates.

Each channel (e-mail over SMTP, SMS through Africa's Talking or Twilio, WhatsApp through
Meta's Cloud API) is configured per laptop: the settings (server, account ids, sender,
price per message, sending rate) are the workspace's local state and never sync; the
secret (SMTP password, API key, auth token, access token) is only in this laptop's OS
keyring (``channels/secrets.py``). ``channel_setup`` reads this module to know which
channels are set up and to build the dispatcher's adapters, in any process.

- ``settings``: the dataclasses, presets, rate limits and validation (no I/O);
- ``stored``: load, save, remove, read models, building the adapters;
- ``remote``: what asks a provider over the network (check, test message, templates).

Provider addresses: the settings' ``base_url``, else the environment
(``LOCALPRO_AFRICASTALKING_URL``, ``LOCALPRO_TWILIO_URL``, ``LOCALPRO_WHATSAPP_URL``), else the
public APIs; that is how tests point the adapters at local stand-ins.
"""

from localpro_desktop.services.channel_config.remote import (
    TEST_TEMPLATE,
    TEST_TEMPLATE_LANGUAGE,
    WhatsAppTemplateInfo,
    check_connection,
    send_test,
    whatsapp_templates,
)
from localpro_desktop.services.channel_config.settings import (
    DEFAULT_RATES,
    EMAIL_PRESETS,
    MAX_RATES,
    SECURITIES,
    SMS_PROVIDERS,
    ChannelSettings,
    EmailPreset,
    EmailSettings,
    SmsSettings,
    WhatsAppSettings,
    channel_of,
    describe,
    effective_rate,
    needs_secret,
    parse_price,
    provider_of,
    rate_limit,
    secret_label,
    validate,
)
from localpro_desktop.services.channel_config.stored import (
    ChannelSummary,
    base_url,
    build_adapter,
    channel_name,
    has_secret,
    is_ready,
    load,
    price_for,
    rates,
    remove,
    save,
    summaries,
)

__all__ = [
    "DEFAULT_RATES",
    "EMAIL_PRESETS",
    "MAX_RATES",
    "SECURITIES",
    "SMS_PROVIDERS",
    "TEST_TEMPLATE",
    "TEST_TEMPLATE_LANGUAGE",
    "ChannelSettings",
    "ChannelSummary",
    "EmailPreset",
    "EmailSettings",
    "SmsSettings",
    "WhatsAppSettings",
    "WhatsAppTemplateInfo",
    "base_url",
    "build_adapter",
    "channel_name",
    "channel_of",
    "check_connection",
    "describe",
    "effective_rate",
    "has_secret",
    "is_ready",
    "load",
    "needs_secret",
    "parse_price",
    "price_for",
    "provider_of",
    "rate_limit",
    "rates",
    "remove",
    "save",
    "secret_label",
    "send_test",
    "summaries",
    "validate",
    "whatsapp_templates",
]
