"""Problems with one typed record (a form or a file's row): errors reject it, warnings flag
a field. Each carries ``key`` (the field's key) for the screens."""

from localpro_desktop.domain.messages import Catalogue

_ = Catalogue("RowMessages")

BUSINESS_NAME_EMPTY = _("business name is empty")
NO_NAME = _("no name: give a first name, last name or company")
UNKNOWN_STATUS = _("Unknown status {value!r}: use one of {names}")
NOT_A_NUMBER = _("{field} {value!r} is not a number")
OUT_OF_RANGE = _("{field} {value!r} is outside {low:g}..{high:g}")
ONE_COORDINATE = _("only one of latitude/longitude given; coordinates ignored")
PHONE = _("{field} {value!r}: {problem}")
EMAIL = _("email {value!r}: {problem}")
UNKNOWN_COUNTRY = _("country {value!r} is unknown; {region} used")
NOT_YES_NO = _("{field} {value!r} is not yes/no; ignored")
EXTRA_CELLS = _(
    "{extra} more cell(s) than the header has columns; check the separator or a missing quote"
)
