"""Message templates with personal fields, rendered in a Jinja2 sandbox.

Templates are typed by users (and arrive through sync), so they must not reach Python
internals: the sandbox blocks attribute tricks, and rendering errors become messages.
"""

from collections.abc import Mapping
from functools import lru_cache

from jinja2 import Template, TemplateSyntaxError, Undefined
from jinja2.sandbox import SandboxedEnvironment

from localpro_desktop.domain.errors import UserError
from localpro_desktop.domain.messages import campaigns as msg

PLACEHOLDERS: tuple[str, ...] = (
    "first_name",
    "last_name",
    "full_name",
    "company",
    "city",
    "sector",
    "phone",
    "email",
    "business_name",
)


class _Blank(Undefined):
    """A missing field renders as nothing rather than failing the whole campaign."""

    def __str__(self) -> str:
        return ""


_ENV = SandboxedEnvironment(undefined=_Blank, autoescape=False, keep_trailing_newline=True)


@lru_cache(maxsize=256)
def _compile(source: str) -> Template:
    try:
        return _ENV.from_string(source)
    except TemplateSyntaxError as exc:
        raise UserError(
            msg.TEMPLATE_SYNTAX, line=exc.lineno, detail=exc.message, example="{{first_name}}"
        ) from None


def check_template(source: str) -> None:
    _compile(source)


def render(source: str, fields: Mapping[str, object]) -> str:
    try:
        return str(_compile(source).render(**fields)).strip()
    except UserError:
        raise
    except Exception as exc:  # sandbox violations and filter errors from user input
        raise UserError(msg.TEMPLATE_RENDER, detail=str(exc)) from None
