"""The secrets campaign's CI subset: a short session (sign-in, AI key, WhatsApp token,
refused attempts, a broken pipe) leaves no secret in the workspace, the server's folder or
any output. The full session is ``python -m faults.secrets_scan``."""

import base64
from pathlib import Path

from faults.secrets_scan import find, run


def test_no_secret_in_files_or_outputs_after_a_session(tmp_path: Path) -> None:
    result = run(1, 7, tmp_path, quick=True)
    assert result.cases > 50
    assert result.ok, "\n".join(result.failures)


def test_the_scan_finds_a_secret_in_any_of_its_forms() -> None:
    secret = "sk-proj-Gn9MB0bobzjcU9kC"
    haystacks = [
        ("crash.log", b"key=" + secret.encode("utf-16-le")),
        ("app.log", b"Authorization: Basic " + base64.b64encode(secret.encode())),
        ("clean.log", b"nothing here"),
    ]
    found = find({"AI key": secret}, haystacks)
    assert found == [
        "the AI key (utf-16-le) is in crash.log",
        "the AI key (base64) is in app.log",
    ]
