"""A laptop does not download its own pushes back, unless that could change something.

After a push, the next pull used to bring back every row just pushed (8.6 MB after a first
upload of 100,000 contacts: a minute and a half on 3G). The server now says when those
rows are, field for field, what the laptop already holds, and the laptop moves its cursor
past them. Whenever that is not certain (another laptop pushed in between, a clamped
clock, a revived record), the rows still come back and every laptop converges.
"""

import time

from synckit import DAY_MS, Fleet, assert_converged

from localpro_desktop.sync import engine


def _server_seq(fleet: Fleet) -> int:
    rows = fleet.cloud.sql("SELECT seq FROM accounts WHERE id = :a", a=fleet.account_id)
    return int(rows[0][0])


def test_a_push_is_not_pulled_back(fleet: Fleet) -> None:
    a = fleet.device("a")
    a.sync()
    added = [
        a.contacts.add({"first_name": f"Client {i}", "phone": f"77 100 00 {i:02d}"})
        for i in range(30)
    ]
    report = a.sync()
    assert report.pushed >= 30
    assert report.pulled_rows == 0  # nothing of its own came back
    assert engine.cursor(a.ws) == _server_seq(fleet)
    # Another laptop still gets all of it, and a's next edit reaches it.
    b = fleet.device("b")
    assert b.sync().pulled_rows >= 30
    a.sync()  # b's own first push (its workspace settings row)
    contact = added[0]
    a.contacts.update(contact.id, {"city": "Thiès"})
    assert a.sync().pulled_rows == 0
    b.sync()
    assert b.contacts.get(contact.id).city == "Thiès"
    assert_converged(fleet)


def test_the_rows_come_back_when_another_laptop_pushed_in_between(fleet: Fleet) -> None:
    a, b = fleet.device("a"), fleet.device("b")
    a.sync()
    b.sync()
    a.sync()  # caught up: only b's next push can make a pull its own back
    b.contacts.add({"first_name": "Moussa", "city": "Thiès"})
    b.sync()  # the account's sequence moves past a's cursor
    mine = a.contacts.add({"first_name": "Awa", "city": "Dakar"})
    report = a.sync()
    # a's cursor was behind when it pushed: it pulls b's row and its own back.
    assert report.pulled_rows >= 2
    assert a.contacts.get(mine.id).first_name == "Awa"
    assert engine.cursor(a.ws) == _server_seq(fleet)
    assert_converged(fleet)


def test_a_clamped_clock_is_pulled_back(fleet: Fleet) -> None:
    """A laptop a day ahead: the server stores its stamps pulled back, so it must learn them."""
    a, b = fleet.device("a"), fleet.device("b")
    a.sync()
    b.sync()
    a.sync()  # caught up: only the clamp can make a pull its push back
    a.set_wall(lambda: int(time.time() * 1000) + DAY_MS)
    contact = a.contacts.add({"first_name": "Awa", "city": "Dakar"})
    report = a.sync()
    assert report.pulled_rows >= 1  # not exact: the server clamped the clock
    b.sync()
    b.contacts.update(contact.id, {"city": "Louga"})
    b.sync()
    a.sync()
    assert a.contacts.get(contact.id).city == b.contacts.get(contact.id).city
    assert_converged(fleet)
