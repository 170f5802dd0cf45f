"""Messages are ids with arguments: English for the command line, translatable for the window."""

import ast
import pickle
from pathlib import Path

import pytest

from localpro_desktop.domain.errors import UserError
from localpro_desktop.domain.messages import (
    Message,
    all_message_ids,
    catalogues,
    joined,
    rows,
    workspace,
)
from localpro_desktop.domain.normalize import normalize_contact

ROOT = Path(__file__).resolve().parents[2] / "localpro_desktop"

# Exceptions the user reads: they must be raised with a message id, not English text.
USER_FACING = {
    "UserError",
    "NotFoundError",
    "InvalidTransitionError",
    "PlanLimitError",
    "ImportCancelled",
    "ExportCancelled",
    "NotSignedIn",
    "ImportFileError",
    "MappingError",
}


def test_every_template_formats_with_its_placeholders() -> None:
    ids = list(all_message_ids())
    assert len(ids) == len({m.key for m in ids})
    for message_id in ids:
        args = {
            name: 1.5 if "{" + name + ":" in message_id.template else "x"
            for name in message_id.placeholders
        }
        assert str(message_id(**args))  # no stray brace, no unnamed field
    assert all(name.endswith("Messages") for name in catalogues())


def test_a_message_is_its_english_sentence_and_keeps_its_id() -> None:
    error = UserError(workspace.UNKNOWN_LANGUAGE, text="de")
    assert str(error) == "Unknown language 'de': use en or fr."
    assert isinstance(error.message, Message) and error.message.id is workspace.UNKNOWN_LANGUAGE
    assert error.message.args == {"text": "de"}
    assert str(UserError("plain")) == "plain" and UserError("plain").message == "plain"
    with pytest.raises(TypeError):
        UserError("plain", text="de")


def test_messages_survive_pickling_as_import_workers_send_them() -> None:
    out = normalize_contact({"first_name": "Awa", "status": "bogus", "latitude": "x"}, "SN")
    both = joined(out.errors)
    back = pickle.loads(pickle.dumps(both))
    assert (
        back == both == "Unknown status 'bogus': use one of new, contacted, interested, "
        "negotiation, client, inactive; latitude 'x' is not a number"
    )
    assert back.id == both.id and back.args["items"][1].id is rows.NOT_A_NUMBER
    assert back.args["items"][1].args["key"] == "latitude"


def _raises_english(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not (isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call)):
            continue
        func = node.exc.func
        name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
        if name in USER_FACING and node.exc.args:
            first = node.exc.args[0]
            if isinstance(first, ast.JoinedStr | ast.BinOp) or (
                isinstance(first, ast.Constant) and isinstance(first.value, str)
            ):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def test_headless_code_raises_user_errors_with_message_ids() -> None:
    """English written at a raise site could not be translated: it must be a message id."""
    offenders = [
        place
        for package in ("domain", "store", "sync", "services", "discovery")
        for path in sorted((ROOT / package).rglob("*.py"))
        for place in _raises_english(path)
    ]
    assert not offenders, offenders
