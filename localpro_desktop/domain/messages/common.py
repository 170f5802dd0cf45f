"""Words several messages share: field names, metric names, "unlimited"."""

from localpro_desktop.domain.messages import Catalogue, MessageId

_ = Catalogue("CommonMessages")

UNLIMITED = _("unlimited")
NONE_YET = _("none yet")

METRIC_PROSPECTS = _("prospects")
METRIC_MESSAGES = _("messages")

# Field names as the command line prints them (the keys of an import mapping).
FIELD_PHONE = _("phone")
FIELD_WHATSAPP = _("whatsapp")
FIELD_LATITUDE = _("latitude")
FIELD_LONGITUDE = _("longitude")
FIELD_OPT_OUT_WHATSAPP = _("opt_out_whatsapp")
FIELD_OPT_OUT_EMAIL = _("opt_out_email")
FIELD_OPT_OUT_SMS = _("opt_out_sms")

FIELDS: dict[str, MessageId] = {
    "phone": FIELD_PHONE,
    "whatsapp": FIELD_WHATSAPP,
    "latitude": FIELD_LATITUDE,
    "longitude": FIELD_LONGITUDE,
    "opt_out_whatsapp": FIELD_OPT_OUT_WHATSAPP,
    "opt_out_email": FIELD_OPT_OUT_EMAIL,
    "opt_out_sms": FIELD_OPT_OUT_SMS,
}

METRICS: dict[str, MessageId] = {"prospects": METRIC_PROSPECTS, "messages": METRIC_MESSAGES}
