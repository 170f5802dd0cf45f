"""User-facing messages as ids with arguments, translatable where they are shown.

A message is made where the fact is known (the domain, a service, the importer) and worded
once, in English, in a catalogue module of this package::

    from localpro_desktop.domain.messages import workspace as msg

    raise UserError(msg.UNKNOWN_LANGUAGE, language=text)

``str()`` of the error is the English sentence (the command line prints it, logs and tests
read it); the window translates the same id with ``QCoreApplication.translate(context,
template)`` and formats the arguments into the French text (``ui/i18n.translate_message``).
Nothing parses English back: reword a template and its translation is simply asked for again.

- A ``MessageId`` is an English template with named ``{placeholders}`` (``str.format``
  syntax, ``{value!r}`` included) in a context (one per catalogue module, as Qt groups
  strings). Arguments the template does not name may ride along for the screens (e.g. which
  field a problem is about).
- A ``Message`` is an id plus its arguments. It *is* a ``str`` (its English rendering), so it
  joins, compares and serialises like the English sentence it replaced.
- Arguments that need translating are Messages themselves (a metric name, a reason), never
  English words; ``joined(messages, "; ")`` makes one message of several.
- Every catalogue registers its ids; ``all_message_ids()`` walks them (the translation test
  and ``build_scripts/translations.py`` use it).
"""

from __future__ import annotations

import string
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from importlib import import_module
from types import MappingProxyType
from typing import Any

__all__ = ["Catalogue", "Message", "MessageId", "all_message_ids", "catalogues", "joined"]

# The catalogue modules of this package; each defines one Catalogue.
_MODULES = (
    "common",
    "phones",
    "emails",
    "rows",
    "plans",
    "pipeline",
    "campaigns",
    "segments",
    "records",
    "importing",
    "import_limits",
    "exporting",
    "workspace",
    "disk",
    "analytics",
    "sync",
    "outbox",
    "channels",
    "inbound",
    "replies",
    "discovery",
    "assistant",
    "ai_tools",
)


@dataclass(frozen=True, slots=True)
class MessageId:
    """One English sentence with named placeholders, in a translation context."""

    context: str
    template: str

    def __call__(self, **args: object) -> Message:
        return Message(self, args)

    @property
    def key(self) -> tuple[str, str]:
        """How a Qt catalogue files it: (context, source text)."""
        return (self.context, self.template)

    @property
    def placeholders(self) -> frozenset[str]:
        """The argument names the template uses (a translation must use the same)."""
        return placeholders(self.template)

    def __repr__(self) -> str:
        return f"MessageId({self.context!r}, {self.template!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        # Unpickled as the catalogue's own id, so ``is`` keeps working across processes.
        return (_registered, (self.context, self.template))


def _registered(context: str, template: str) -> MessageId:
    catalogue = catalogues().get(context)
    for message_id in catalogue.ids if catalogue else ():
        if message_id.template == template:
            return message_id
    return MessageId(context, template)


def placeholders(template: str) -> frozenset[str]:
    names = set()
    for _text, field, _spec, _conversion in string.Formatter().parse(template):
        if field is not None:
            names.add(field.split(".")[0].split("[")[0])
    return frozenset(names)


class Message(str):
    """A message id with its arguments; as a ``str`` it is the English sentence."""

    id: MessageId
    args: Mapping[str, object]

    def __new__(cls, message_id: MessageId, args: Mapping[str, object] | None = None) -> Message:
        values = dict(args or {})
        if message_id == JOINED_ID:
            items: tuple[Message, ...] = values["items"]  # type: ignore[assignment]  # joined() made it
            english = str(values["separator"]).join(items)
        else:
            english = message_id.template.format(**values)
        self = super().__new__(cls, english)
        self.id = message_id
        self.args = MappingProxyType(values)
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        # Import workers send their row problems back pickled; keep the id and arguments.
        return (Message, (self.id, dict(self.args)))

    def __repr__(self) -> str:
        return f"Message({str.__repr__(self)})"

    def with_args(self, **args: object) -> Message:
        return Message(self.id, {**self.args, **args})


class Catalogue:
    """The message ids of one module, under one translation context."""

    def __init__(self, context: str) -> None:
        self.context = context
        self.ids: list[MessageId] = []
        _CATALOGUES[context] = self

    def __call__(self, template: str) -> MessageId:
        message_id = MessageId(self.context, template)
        if message_id in self.ids:
            raise ValueError(f"{template!r} is defined twice in {self.context}")
        self.ids.append(message_id)
        return message_id


_CATALOGUES: dict[str, Catalogue] = {}


def catalogues() -> Mapping[str, Catalogue]:
    """Every catalogue, by context (importing all catalogue modules first)."""
    for name in _MODULES:
        import_module(f"{__name__}.{name}")
    return MappingProxyType(_CATALOGUES)


def all_message_ids() -> Iterator[MessageId]:
    for catalogue in catalogues().values():
        yield from catalogue.ids


JOINED_ID = MessageId("Messages", "{items}")  # not translated itself: its items are


def joined(items: Iterable[Message], separator: str = "; ") -> Message:
    """Several messages as one (``separator`` between them), each still translatable."""
    return Message(JOINED_ID, {"items": tuple(items), "separator": separator})
