"""Why a typed phone number cannot be used."""

from localpro_desktop.domain.messages import Catalogue

_ = Catalogue("PhoneMessages")

NOT_A_PHONE_NUMBER = _("not a phone number ({reason})")
# Extra argument ``length``: "short", "long" or "" (the usual typing slips, for the screens).
NOT_VALID = _("{number} is not a valid number")

UNKNOWN_COUNTRY_CODE = _("unknown country code")
NO_DIGITS = _("no digits")
TOO_SHORT = _("too short")
TOO_LONG = _("too long")
UNREADABLE = _("unreadable")
