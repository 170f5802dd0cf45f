"""Records the user names or edits: prospects, contacts, campaigns, segments."""

from localpro_desktop.domain.messages import Catalogue, MessageId

_ = Catalogue("RecordMessages")

NOT_FOUND = _("No {kind} with id {ident!r} (it may have been deleted).")
AMBIGUOUS_ID = _("The id {ident!r} matches several {kinds}: give more characters.")
CANNOT_ADD_PROSPECT = _("Cannot add this prospect: {problems}.")
CANNOT_ADD_CONTACT = _("Cannot add this contact: {problems}.")
CANNOT_SAVE = _("Cannot save: {problems}.")
NOT_EDITABLE = _("Cannot edit {fields}; editable: {editable}.")
DUPLICATE = _(
    "{name!r} ({city}) already exists with {reason}; edit it, or add anyway to keep both."
)

# One record and several of them, by the kind a service names.
KINDS: dict[str, tuple[MessageId, MessageId]] = {
    "prospect": (_("prospect"), _("prospects")),
    "contact": (_("contact"), _("contacts")),
    "campaign": (_("campaign"), _("campaigns")),
    "segment": (_("segment"), _("segments")),
    "recipient": (_("recipient"), _("recipients")),
}

# Why a new prospect looks like one already there.
SAME_PHONE = _("the same phone")
SAME_EMAIL = _("the same e-mail")
SIMILAR_NAME = _("a very similar name in the same city")

CANNOT_SORT = _("Cannot sort contacts by {order!r}; use {choices}.")

# Merging two contacts (the one made for an unknown number into the person it is).
MERGE_INTO_ITSELF = _("Cannot merge a contact into itself: pick another contact.")
