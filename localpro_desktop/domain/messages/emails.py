"""Why a typed e-mail address is not valid (the validator's own words ride along as
``detail``: long, English and technical, they are for logs, not for people)."""

from localpro_desktop.domain.messages import Catalogue

_ = Catalogue("EmailMessages")

NEEDS_AT = _("an e-mail address needs an @")
BAD_DOMAIN = _("the part after the @ is not a valid domain")
NOT_VALID = _("not a valid e-mail address")
