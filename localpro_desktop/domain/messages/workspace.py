"""The workspace's settings, and the demo data."""

from localpro_desktop.domain.messages import Catalogue

_ = Catalogue("WorkspaceMessages")

EMPTY_NAME = _("The workspace name cannot be empty.")
UNKNOWN_LANGUAGE = _("Unknown language {text!r}: use en or fr.")
UNKNOWN_COUNTRY = _(
    "Unknown country {text!r}: give a two-letter ISO code such as SN, CI, NG, GH, KE."
)
UNKNOWN_CURRENCY = _("Unknown currency {text!r}: give a three-letter ISO code such as XOF.")
UNKNOWN_TIMEZONE = _("Unknown time zone {text!r}: use an IANA name such as Africa/Dakar.")
DEMO_SIZE = _("Choose a demo size between 1 and 1,000,000 prospects.")
DEMO_EXISTS = _("This workspace already has demo data. Use another --data-dir for a fresh demo.")
NO_BACKUP = _("No backup file at {path}.")
BACKUP_DAMAGED = _("{path} is damaged (integrity check failed); choose another backup.")
PASSWORD_TOO_SHORT = _("Choose a password of at least {limit} characters.")
PASSWORD_TOO_LONG = _(
    "This password has {length} characters; LocalPro accepts at most {limit}. Choose a shorter "
    "one (a few words you can remember are enough)."
)
ACCOUNT_DETAILS_INVALID = _(
    "These account details are not accepted: {fields}. Check them (length and characters) and "
    "try again."
)
UNEXPECTED_ERROR = _(
    "Unexpected error ({error}). Details, without passwords or keys, are in {where}."
)
