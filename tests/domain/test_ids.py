"""Client-made ids: UUIDv7 one by one or in bulk, all in creation order."""

import uuid

from localpro_desktop.domain.ids import new_id, new_ids


def test_bulk_ids_are_version_7_unique_and_between_their_neighbours() -> None:
    before = new_id()
    ids = new_ids(20_000)
    after = new_id()
    assert len(set(ids)) == 20_000
    assert ids == sorted(ids)
    assert before < ids[0] and ids[-1] < after
    for text in ids:
        parsed = uuid.UUID(text)
        assert (parsed.version, parsed.variant) == (7, uuid.RFC_4122)
        assert str(parsed) == text  # lowercase, dashed: the form every other id has
    # Every random hex digit shows up: the randomness is not stuck anywhere.
    for position in (15, 20, 35):
        assert len({text[position] for text in ids}) == 16
    assert {text[19] for text in ids} == set("89ab")


def test_no_ids_asked_none_made() -> None:
    assert new_ids(0) == []
