"""E-mail links against the real service: the open pixel, the unsubscribe page in the
recipient's language, and RFC 8058 one-click unsubscribes, behind ``{hook_id}.{key}`` tokens.

- RFC 8058: https://www.rfc-editor.org/rfc/rfc8058#section-3.2 (the POST body is
  ``List-Unsubscribe=One-Click``, form-encoded)
- Gmail's sender guidelines: https://support.google.com/mail/answer/81126
"""

import struct
import uuid
from typing import Any

from cloudkit import Account, Cloud, Device
from hooks_kit import enable, events, path_of

from localpro_cloud.hooks.email import language
from localpro_protocol.events import event_id

FRENCH = {"Accept-Language": "fr-FR,fr;q=0.9,en-US;q=0.8,en;q=0.7"}
ENGLISH = {"Accept-Language": "en-GB,en;q=0.9,fr;q=0.5"}
ONE_CLICK = "List-Unsubscribe=One-Click"


def setup(cloud: Cloud) -> tuple[Account, Device, dict[str, Any]]:
    account = cloud.register(name="Awa Diop", business_name="Boutique Awa")
    return account, account.device(), enable(account, "email")


def link(hook: dict[str, Any], key: str, what: str) -> str:
    """The path of a message's link, made as the laptop makes it from the hook's base URL."""
    return f"{path_of(hook['url'])}/{hook['hook_id']}.{key}/{what}"


def assert_is_the_pixel(body: bytes) -> None:
    assert body[:6] == b"GIF89a"
    assert struct.unpack("<HH", body[6:10]) == (1, 1)  # 1×1
    control = body.index(b"\x21\xf9\x04")  # graphic control extension
    assert body[control + 3] & 1 == 1  # a transparent colour is set
    assert body.endswith(b";")


def test_the_open_pixel_records_one_opened_receipt(cloud: Cloud) -> None:
    account, laptop, hook = setup(cloud)
    key = str(uuid.uuid4())

    for _ in range(3):  # mail clients fetch images again and again
        answer = cloud.http.get(link(hook, key, "open.gif"))
        assert answer.status_code == 200
        assert answer.headers["content-type"] == "image/gif"
        assert "no-store" in answer.headers["cache-control"]
        assert_is_the_pixel(answer.content)

    [row] = events(laptop)
    assert row["id"] == event_id(account.id, "email", f"opened|{key}")
    assert row["kind"] == "receipt" and row["status"] == "opened"
    assert row["channel"] == "email" and row["provider"] == "email"
    assert row["message_id"] == key


def test_the_pixel_of_an_unknown_token_is_the_same_image_and_records_nothing(
    cloud: Cloud,
) -> None:
    _account, laptop, hook = setup(cloud)
    known = cloud.http.get(link(hook, "k1", "open.gif"))
    for token in ("not-a-hook.k1", "no-dot-at-all", f"{hook['hook_id']}.", ".k1"):
        answer = cloud.http.get(f"/e/{token}/open.gif")
        assert answer.status_code == 200 and answer.content == known.content
        assert answer.headers["content-type"] == "image/gif"
    assert [row["message_id"] for row in events(laptop)] == ["k1"]


def test_the_unsubscribe_page_speaks_english_and_records_nothing_by_itself(cloud: Cloud) -> None:
    _account, laptop, hook = setup(cloud)
    key = str(uuid.uuid4())

    for headers in (ENGLISH, {}):
        page = cloud.http.get(link(hook, key, "unsubscribe"), headers=headers)
        assert page.status_code == 200
        assert page.headers["content-type"].startswith("text/html")
        assert '<html lang="en">' in page.text
        assert "Stop receiving these e-mails?" in page.text
        assert '<form method="post">' in page.text and ">Unsubscribe</button>" in page.text
        assert "no-store" in page.headers["cache-control"]
        # Nothing about the business, the person or the token's secret part.
        for private in ("Awa", "Boutique", hook["hook_id"], key):
            assert private not in page.text
    assert events(laptop) == []  # link scanners open links; only the button counts


def test_the_unsubscribe_page_speaks_french_when_preferred(cloud: Cloud) -> None:
    _account, _laptop, hook = setup(cloud)
    page = cloud.http.get(link(hook, "k2", "unsubscribe"), headers=FRENCH)
    assert page.status_code == 200
    assert '<html lang="fr">' in page.text
    assert "Ne plus recevoir ces e-mails ?" in page.text
    assert ">Me désabonner</button>" in page.text
    assert page.headers["content-language"] == "fr"


def test_the_button_and_one_click_post_record_one_opt_out(cloud: Cloud) -> None:
    account, laptop, hook = setup(cloud)
    key = str(uuid.uuid4())

    # What a mail provider sends for RFC 8058 one-click (no cookies, no language).
    one_click = cloud.http.post(
        link(hook, key, "unsubscribe"),
        content=ONE_CLICK,
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert one_click.status_code == 200
    assert "You are unsubscribed" in one_click.text
    # The person then also presses the page's button, in French.
    button = cloud.http.post(
        link(hook, key, "unsubscribe"), data={"List-Unsubscribe": "One-Click"}, headers=FRENCH
    )
    assert button.status_code == 200 and "Vous êtes désabonné(e)" in button.text

    [row] = events(laptop)
    assert row["id"] == event_id(account.id, "email", f"unsubscribe|{key}")
    assert row["kind"] == "opt_out" and row["channel"] == "email"
    assert row["provider"] == "email" and row["message_id"] == key
    assert row["status"] == ""


def test_links_of_unknown_or_rotated_hooks_are_not_valid_any_more(cloud: Cloud) -> None:
    account, laptop, old = setup(cloud)
    new = enable(account, "email")

    page = cloud.http.get(link(old, "k3", "unsubscribe"))
    assert page.status_code == 404
    assert "This link is not valid any more" in page.text
    french = cloud.http.get("/e/nothing.k3/unsubscribe", headers=FRENCH)
    assert french.status_code == 404 and "Ce lien n'est plus valide" in french.text
    posted = cloud.http.post(link(old, "k3", "unsubscribe"), content=ONE_CLICK)
    assert posted.status_code == 404 and "You are unsubscribed" not in posted.text
    assert events(laptop) == []

    assert cloud.http.post(link(new, "k3", "unsubscribe"), content=ONE_CLICK).status_code == 200
    assert [row["kind"] for row in events(laptop)] == ["opt_out"]


def test_one_accounts_links_never_touch_another_account(cloud: Cloud) -> None:
    _alice, alice_laptop, alice_hook = setup(cloud)
    _bob, bob_laptop, _bob_hook = setup(cloud)
    cloud.http.get(link(alice_hook, "k4", "open.gif"))
    cloud.http.post(link(alice_hook, "k4", "unsubscribe"), content=ONE_CLICK)
    assert sorted(row["kind"] for row in events(alice_laptop)) == ["opt_out", "receipt"]
    assert events(bob_laptop) == []


def test_the_language_is_the_preferred_one_of_french_and_english() -> None:
    assert language("fr") == "fr"
    assert language("fr-SN") == "fr"
    assert language("en;q=0.5, fr;q=0.8") == "fr"
    assert language("en-US,en;q=0.9,fr;q=0.8") == "en"
    assert language("wo-SN, fr;q=0.7") == "fr"  # Wolof first: French is the one we have
    assert language("de-DE") == "en"
    assert language("fr;q=0") == "en"
    assert language(None) == "en"
    assert language("") == "en"
