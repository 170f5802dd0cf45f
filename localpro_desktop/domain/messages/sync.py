"""Signing in and syncing with the cloud account."""

from localpro_desktop.domain.messages import Catalogue

_ = Catalogue("SyncMessages")

TOKEN_TOO_LARGE = _("The server sent a sign-in token too large for the OS keyring.")
NO_KEYRING = _(
    "No OS keyring is available to keep your sign-in safely. On Linux install a Secret "
    "Service (e.g. gnome-keyring) or set PYTHON_KEYRING_BACKEND."
)
KEYRING_REFUSED = _("The OS keyring refused to store the sign-in: {detail}")
UPDATE_NEEDED = _("Update LocalPro to keep syncing.")
SERVER_REFUSED = _("The server refused ({status}).")
SIGN_IN_FIRST = _("Sign in first: localpro account login --email YOU@EXAMPLE.COM")
SIGN_IN_EXPIRED = _("Your sign-in has expired or was revoked: sign in again.")
