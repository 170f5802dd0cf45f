"""Segments: rules that cannot be read or never match, names, members."""

from localpro_desktop.domain.messages import Catalogue

_ = Catalogue("SegmentMessages")

RULE_FLAG = _("Segment rule {name} must be true, false or empty.")
RULE_DATE_ORDER = _(
    "Segment rule {since} ({low}) must be earlier than {before} ({high}), or no contact can match."
)
RULE_REACHABLE_CONFLICT = _(
    "Segment rule asks for contacts reachable on {channel} but also with {flag} = false; "
    "no contact can match."
)
RULE_NOT_OBJECT = _("A segment rule must be a JSON object.")
RULE_UNKNOWN_KEYS = _("Unknown segment rule key(s): {unknown}; known keys: {known}.")
RULE_STATUS_NOT_NAME = _("Segment rule statuses must be names, not {value!r}.")
RULE_NOT_TEXT = _("Segment rule {name} must be text, not {value!r}.")
RULE_NOT_LIST = _("Segment rule {name} must be a list.")
RULE_COUNTRY = _("Segment rule country {value!r} must be a two-letter code such as SN.")
RULE_DATE = _("Segment rule {name} {value!r} is not a date (use YYYY-MM-DD).")

STATIC_HAS_NO_RULE = _("{name!r} is a static list; add or remove its members instead.")
NEEDS_NAME = _("A segment needs a name.")
NAME_TOO_LONG = _("A segment name is at most {max} characters.")
DESCRIPTION_TOO_LONG = _("A segment description is at most {max} characters.")
NAME_TAKEN = _("A segment named {name!r} already exists; pick another name.")
SEVERAL_NAMED = _("Several segments are named {name!r} ({ids}); use the id.")
NOT_FOUND = _("No segment named {name!r}; existing: {existing}.")
RULE_HAS_NO_MEMBERS = _(
    "{name!r} follows a rule, so its members change by themselves; edit the rule, or make a "
    "static segment to pick people by hand."
)
AMBIGUOUS_MEMBER = _("The id {ident!r} matches several members: give more characters.")
RULE_TOO_NEW = _(
    "Segment {name!r} has a rule this version cannot read ({problem}); update LocalPro on "
    "this device."
)
