"""The sync wire protocol, shared word for word by the app and the cloud service.

Pushes carry field-level changes numbered per device (``op_id`` 1, 2, 3 …) so a replay
after a lost acknowledgement is skipped, never applied twice. Pulls page through the
account's changes by a server sequence cursor. Conflicts resolve per field: the value
with the larger hybrid logical clock wins (``merge``), on both sides, with the same code.

A tombstone is the field ``deleted_at``; a field write newer than the tombstone brings
the record back ("a delete wins only over older writes").
"""

from collections import Counter
from collections.abc import Iterator, Sequence
from enum import StrEnum
from typing import Annotated, Any, Literal, NamedTuple, Self, cast

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    JsonValue,
    StringConstraints,
    model_validator,
)

SCHEMA_VERSION = 1
"""Version of the synced data the app speaks; the server says which it accepts."""


class Table(StrEnum):
    """The synced tables: the desktop models take their names from here, and a change set
    names what it touched with these."""

    WORKSPACE_SETTINGS = "workspace_settings"
    PROSPECTS = "prospects"
    CONTACTS = "contacts"
    ACTIVITIES = "activities"
    SEGMENTS = "segments"
    SEGMENT_MEMBERS = "segment_members"
    CAMPAIGNS = "campaigns"
    CAMPAIGN_RECIPIENTS = "campaign_recipients"
    USAGE_EVENTS = "usage_events"
    INBOUND_EVENTS = "inbound_events"
    """Provider events (receipts, replies, opt-outs): written by the cloud only."""
    CONTACT_OPT_OUTS = "contact_opt_outs"
    AI_CONVERSATIONS = "ai_conversations"
    AI_MESSAGES = "ai_messages"
    AI_USAGE = "ai_usage"
    """Tokens used, one row per call: summed per month like usage_events."""


SYNCED_TABLES: tuple[str, ...] = tuple(table.value for table in Table)
TableName = Literal[
    "workspace_settings",
    "prospects",
    "contacts",
    "activities",
    "segments",
    "segment_members",
    "campaigns",
    "campaign_recipients",
    "usage_events",
    "inbound_events",
    "contact_opt_outs",
    "ai_conversations",
    "ai_messages",
    "ai_usage",
]
DELETED = "deleted_at"
MAX_OPS_PER_PUSH = 2000
MAX_BODY_BYTES = 16 * 1024 * 1024
MAX_INT64 = 2**63 - 1
"""Op ids, cursors and sequence numbers are stored as BIGINT."""
"""Decompressed size cap for request bodies (a gzip bomb must not fill the server)."""

Hlc = Annotated[str, StringConstraints(pattern=r"^\d{13}-\d{5}-[0-9a-z\-]{1,40}$")]
RowId = Annotated[str, StringConstraints(pattern=r"^[0-9a-f\-]{36}$")]
DeviceId = Annotated[str, StringConstraints(pattern=r"^[0-9a-z\-]{1,40}$")]
FieldName = Annotated[str, StringConstraints(pattern=r"^[a-z_][a-z0-9_]{0,62}$")]
# A field travels as [value, hlc]; values are JSON scalars or lists/dicts (tags, rules).
FieldValue = tuple[Any, Hlc]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ServerMeta(_Model):
    server_time_ms: int
    server_hlc: Hlc
    min_schema_version: int
    max_schema_version: int


OpId = Annotated[int, Field(ge=1, le=MAX_INT64, strict=True)]
"""Strict: ``true`` or ``1.0`` is no op id (pydantic would read them as 1)."""
Count = Annotated[int, Field(ge=0, le=MAX_INT64, strict=True)]


class PushOp(_Model):
    op_id: OpId
    table: TableName
    row_id: RowId
    fields: dict[FieldName, FieldValue]


class PushRequest(_Model):
    device_id: DeviceId
    schema_version: Count
    ops: list[PushOp] = Field(default=[], max_length=MAX_OPS_PER_PUSH)
    blocks: list["PushBlock"] = []
    """The compact layout of ops (see ``PushBlock``); both count against the op limit."""
    cursor: Count | None = None
    """The device's pull cursor as it pushes: lets the server spare it its own echo."""


class Rejection(_Model):
    op_id: int
    reason: str


class PushResponse(_Model):
    acked_op_id: int
    """Every op at or below this id is durably applied (or rejected, listed below)."""
    rejected: list[Rejection] = []
    server_hlc: Hlc
    cursor: int | None = None
    """Set when pulling every change up to this seq would change nothing on the pushing
    device: its cursor was the account's sequence when the push began, and every op was
    stored exactly as sent. The device may move its pull cursor here instead of
    downloading its own rows back (after a first upload of 100,000 contacts, 8.6 MB)."""


class Change(_Model):
    table: TableName
    row_id: RowId
    seq: int
    fields: dict[FieldName, FieldValue]


def _check_block(
    row_ids: list[str],
    per_row: list[list[Any]],
    columns: dict[str, list[Any]],
    other_hlcs: list[tuple[int, str, str]],
) -> None:
    """A block adds up: one entry per row everywhere, exceptions naming real cells."""
    rows = len(row_ids)
    if any(len(values) != rows for values in [*per_row, *columns.values()]):
        raise ValueError("every per-row list and column must have one entry per row id")
    for index, name, _hlc in other_hlcs:
        if not 0 <= index < rows or name not in columns:
            raise ValueError(f"other_hlcs names row {index} field {name!r}, not in block")


def _by_row(other_hlcs: list[tuple[int, str, str]]) -> dict[int, dict[str, str]]:
    """Row index -> {field: clock} for the fields whose clock is not their row's."""
    exceptions: dict[int, dict[str, str]] = {}
    for index, name, hlc in other_hlcs:
        exceptions.setdefault(index, {})[name] = hlc
    return exceptions


class ChangeBlock(_Model):
    """Changed rows of one table that carry the same fields, written column by column.

    The compact pull layout (``layout=blocks``). A first sync is mostly whole rows that
    were written at once, so nearly every field of a row has the same clock: one clock
    per row (``hlcs``) plus the few fields that differ (``other_hlcs``) replaces a
    56-character clock per field, and the values of one column side by side (phones next
    to phones) compress far better. On typical contacts this is about 2.5x fewer bytes
    on the wire than one object per change (see bench/bench_sync.py).
    """

    table: TableName
    row_ids: list[RowId]
    hlcs: list[Hlc]
    """The clock of most of each row's fields."""
    columns: dict[FieldName, list[Any]]
    """Field name -> one value per row, in ``row_ids`` order."""
    other_hlcs: list[tuple[int, FieldName, Hlc]] = []
    """(row index, field, clock) for each field whose clock is not its row's."""

    @model_validator(mode="after")
    def _same_lengths(self) -> Self:
        _check_block(self.row_ids, [self.hlcs], self.columns, self.other_hlcs)
        return self

    def changes(self) -> Iterator["Change"]:
        """The block as one ``Change`` per row (``seq`` 0: a page is applied as a whole)."""
        exceptions = _by_row(self.other_hlcs)
        names = list(self.columns)
        columns = [self.columns[name] for name in names]
        for index, (row_id, row_hlc) in enumerate(zip(self.row_ids, self.hlcs, strict=True)):
            own = exceptions.get(index, {})
            yield Change.model_construct(
                table=self.table,
                row_id=row_id,
                seq=0,
                fields={
                    name: (column[index], own.get(name, row_hlc))
                    for name, column in zip(names, columns, strict=True)
                },
            )


class _Columns(NamedTuple):
    table: str
    members: list[int]
    """Indexes into the grouped sequence, in order."""
    hlcs: list[str]
    columns: dict[str, list[Any]]
    other_hlcs: list[tuple[int, str, str]]


def _columnar(rows: Sequence[tuple[str, dict[str, FieldValue]]]) -> list[_Columns]:
    """Group (table, fields) rows by table and field set, in order of first appearance,
    each field's values side by side, one clock per row plus the fields that differ."""
    grouped: dict[tuple[str, tuple[str, ...]], list[int]] = {}
    for index, (table, fields) in enumerate(rows):
        grouped.setdefault((table, tuple(fields)), []).append(index)
    result: list[_Columns] = []
    for (table, names), members in grouped.items():
        hlcs: list[str] = []
        others: list[tuple[int, str, str]] = []
        for position, index in enumerate(members):
            fields = rows[index][1]
            stamps = [hlc for _value, hlc in fields.values()]
            row_hlc = stamps[0] if len(set(stamps)) == 1 else Counter(stamps).most_common(1)[0][0]
            hlcs.append(row_hlc)
            others += [
                (position, name, hlc) for name, (_value, hlc) in fields.items() if hlc != row_hlc
            ]
        columns = {name: [rows[i][1][name][0] for i in members] for name in names}
        result.append(_Columns(table, members, hlcs, columns, others))
    return result


def to_blocks(changes: Sequence[Change]) -> list[ChangeBlock]:
    """A page's changes as blocks.

    Rows may change places between blocks; that is harmless because a page holds each
    row at most once and is applied in one transaction (merging is per field anyway).
    """
    return [
        ChangeBlock.model_construct(
            table=cast(TableName, group.table),  # from validated changes
            row_ids=[changes[i].row_id for i in group.members],
            hlcs=group.hlcs,
            columns=group.columns,
            other_hlcs=group.other_hlcs,
        )
        for group in _columnar([(c.table, c.fields) for c in changes])
    ]


class PushBlock(_Model):
    """Ops of one table with the same fields, column by column (as ``ChangeBlock``).

    Loosely typed on purpose: the server turns a block back into one op per row and
    validates each op alone, so a bad value or an unknown table rejects that op only.
    """

    table: str
    op_ids: list[OpId]
    row_ids: list[str]
    hlcs: list[str]
    columns: dict[str, list[Any]]
    other_hlcs: list[tuple[int, str, str]] = []

    @model_validator(mode="after")
    def _same_lengths(self) -> Self:
        _check_block(self.row_ids, [self.op_ids, self.hlcs], self.columns, self.other_hlcs)
        return self

    def raw_ops(self) -> Iterator[dict[str, Any]]:
        """One op per row, as the ``ops`` layout would have sent it."""
        exceptions = _by_row(self.other_hlcs)
        for index, (op_id, row_id, row_hlc) in enumerate(
            zip(self.op_ids, self.row_ids, self.hlcs, strict=True)
        ):
            own = exceptions.get(index, {})
            yield {
                "op_id": op_id,
                "table": self.table,
                "row_id": row_id,
                "fields": {
                    name: [column[index], own.get(name, row_hlc)]
                    for name, column in self.columns.items()
                },
            }


def to_push_blocks(ops: Sequence[PushOp]) -> list[PushBlock]:
    return [
        PushBlock.model_construct(
            table=group.table,
            op_ids=[ops[i].op_id for i in group.members],
            row_ids=[ops[i].row_id for i in group.members],
            hlcs=group.hlcs,
            columns=group.columns,
            other_hlcs=group.other_hlcs,
        )
        for group in _columnar([(op.table, op.fields) for op in ops])
    ]


PullLayout = Literal["changes", "blocks"]


class PullResponse(_Model):
    changes: list[Change]
    """The ``changes`` layout: one object per changed row, a clock per field."""
    next_cursor: int
    has_more: bool
    server_hlc: Hlc
    blocks: list[ChangeBlock] = []
    """The ``blocks`` layout (``changes`` is then empty)."""

    def all_changes(self) -> list[Change]:
        """The page's changes whatever the layout."""
        return [*self.changes, *(c for block in self.blocks for c in block.changes())]


# -- accounts ---------------------------------------------------------------------------


MAX_EMAIL = 254
"""RFC 5321's path limit leaves 254 characters for an address."""
MAX_PASSWORD = 1024
MAX_NAME = 200
MAX_BUSINESS_NAME = 300
MAX_REFRESH_TOKEN = 200


def _no_surrogates(text: str) -> str:
    # A lone surrogate (JSON "\ud800") cannot be encoded: refuse it here, not as a 500.
    if any("\ud800" <= ch <= "\udfff" for ch in text):
        raise ValueError("contains an invalid character")
    return text


def _plain_text(text: str) -> str:
    _no_surrogates(text)
    if any(ord(ch) < 32 or 127 <= ord(ch) < 160 for ch in text):
        raise ValueError("contains a control character")
    return text


_Plain = AfterValidator(_plain_text)
_NO_CONTROL = r"\x00-\x1f\x7f-\x9f"
PLAIN_TEXT_PATTERN = rf"^[^{_NO_CONTROL}]*$"
EMAIL_PATTERN = rf"^[^@\s{_NO_CONTROL}]+@[^@\s{_NO_CONTROL}]+\.[^@\s{_NO_CONTROL}]+$"
# Published in the OpenAPI document (what a client may send), checked by the validators
# and the service (whose messages a user reads), not by a pattern error of pydantic's.
_PlainDoc = Field(json_schema_extra={"pattern": PLAIN_TEXT_PATTERN})
Email = Annotated[
    str,
    StringConstraints(min_length=3, max_length=MAX_EMAIL),
    _Plain,
    Field(json_schema_extra={"pattern": EMAIL_PATTERN}),
]
SignInEmail = Annotated[str, StringConstraints(max_length=MAX_EMAIL), _Plain, _PlainDoc]
Password = Annotated[
    str,
    StringConstraints(min_length=10, max_length=MAX_PASSWORD),
    AfterValidator(_no_surrogates),
    # Any password (even one with control characters) is checked, never echoed or logged.
]
SignInPassword = Annotated[
    str, StringConstraints(max_length=MAX_PASSWORD), AfterValidator(_no_surrogates)
]
Name = Annotated[str, StringConstraints(max_length=MAX_NAME), _Plain, _PlainDoc]
BusinessName = Annotated[str, StringConstraints(max_length=MAX_BUSINESS_NAME), _Plain, _PlainDoc]
Country = Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")]


class RegisterRequest(_Model):
    email: Email
    password: Password = Field(repr=False)
    name: Name = ""
    business_name: BusinessName = ""
    country: Country = "SN"


class LoginRequest(_Model):
    email: SignInEmail
    password: SignInPassword = Field(repr=False)
    device_id: DeviceId
    device_name: Name = ""


class RefreshRequest(_Model):
    refresh_token: Annotated[str, StringConstraints(max_length=MAX_REFRESH_TOKEN)] = Field(
        repr=False
    )


class TokenPair(_Model):
    access_token: str
    refresh_token: str
    expires_in: int
    account_id: str


class UsageLine(_Model):
    metric: str
    used: int
    limit: int | None


class Profile(_Model):
    account_id: str
    email: str
    name: str
    business_name: str
    country: str
    plan: str
    usage: list[UsageLine] = []


class ProfileUpdate(_Model):
    name: Name | None = None
    business_name: BusinessName | None = None
    country: Country | None = None


# -- merge: last writer wins per field ------------------------------------------------


def merge(
    current: dict[str, FieldValue], incoming: dict[str, FieldValue]
) -> tuple[dict[str, FieldValue], dict[str, FieldValue]]:
    """Merge ``incoming`` field writes into ``current``; return (merged, what changed).

    Equal clocks cannot come from two devices (the device id is part of the clock), so
    ``>`` is a total order. A write newer than the tombstone revives the record.
    """
    merged = dict(current)
    changed: dict[str, FieldValue] = {}
    for name, (value, hlc) in incoming.items():
        mine = merged.get(name)
        if mine is None or hlc > mine[1]:
            merged[name] = (value, hlc)
            changed[name] = (value, hlc)
    tomb = merged.get(DELETED)
    if tomb is not None and tomb[0] is not None:
        newest_write = max((h for n, (_v, h) in merged.items() if n != DELETED), default="")
        if newest_write > tomb[1]:
            merged[DELETED] = (None, newest_write)
            changed[DELETED] = merged[DELETED]
    return merged, changed


PushRequest.model_rebuild()


# -- provider webhooks ------------------------------------------------------------------

HookChannel = Literal["whatsapp", "sms", "email"]


_SPACE = r"\t-\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
"""What ``str.strip`` removes, spelled out: ``\\S`` differs between regex engines (the
Rust one schemathesis validates with counts \\x1c-\\x1f and \\x85 as text)."""
_SECRET_GIVEN: JsonValue = {"type": "string", "pattern": f"[^{_SPACE}]"}
_HOOK_CHOICES: list[JsonValue] = [
    {
        "properties": {
            "channel": {"const": "whatsapp"},
            "provider": {"enum": ["", "whatsapp"]},
            "secret": _SECRET_GIVEN,
        },
        "required": ["secret"],
    },
    {
        "properties": {
            "channel": {"const": "sms"},
            "provider": {"enum": ["", "twilio"]},
            "secret": _SECRET_GIVEN,
        },
        "required": ["secret"],
    },
    {
        "properties": {"channel": {"const": "sms"}, "provider": {"const": "africastalking"}},
        "required": ["provider"],
    },
    {"properties": {"channel": {"const": "email"}, "provider": {"enum": ["", "email"]}}},
]
"""What the service accepts (``hooks.registry``), published in the OpenAPI document: each
channel's providers (the first is the default), and a signing secret for those that sign."""


class HookRequest(_Model):
    """``POST /v1/hooks``: enable (or rotate) the account's webhook for one channel.

    ``provider``: ``"twilio"`` or ``"africastalking"`` for SMS, ``"whatsapp"``, ``"email"``
    ("" lets the server pick the channel's only provider). ``secret`` is the provider's
    signing secret (WhatsApp app secret, Twilio auth token): it travels once, is kept
    encrypted and is never returned; left out of ``repr`` so a log line cannot show it.
    """

    model_config = ConfigDict(json_schema_extra={"anyOf": _HOOK_CHOICES})

    channel: HookChannel
    provider: Annotated[str, StringConstraints(max_length=20)] = ""
    secret: Annotated[str, StringConstraints(max_length=500)] = Field(default="", repr=False)


class HookInfo(_Model):
    """One enabled webhook, as ``POST /v1/hooks`` and ``GET /v1/hooks`` answer it.

    ``url`` is what to paste into the provider's console (WhatsApp, Twilio), the base of
    the two Africa's Talking URLs, or for e-mail the base of the per-message links
    (``{url}/{hook_id}.{key}/open.gif`` and ``…/unsubscribe``). ``urls`` names every URL
    to paste when there are several (Africa's Talking: ``delivery``, ``inbound``).
    ``verify_token``: WhatsApp's verification token ("" otherwise). ``hook_id``: the
    URL's secret part (the laptop needs it to make the e-mail links).
    """

    channel: str
    provider: str
    url: str
    verify_token: str = ""
    urls: dict[str, str] = {}
    hook_id: str = ""
