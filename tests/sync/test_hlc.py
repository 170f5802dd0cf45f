"""The hybrid logical clock: every local stamp sorts after everything given or seen before."""

from localpro_protocol.hlc import MAX_COUNTER, HybridClock, Timestamp


def test_stamps_increase_when_the_wall_clock_stalls_or_goes_back() -> None:
    walls = iter([1_000, 1_000, 1_000, 990, 2_000, 1_500])
    clock = HybridClock("laptop-a", wall=lambda: next(walls))
    stamps = [clock.now() for _ in range(6)]
    assert stamps == sorted(stamps) and len(set(stamps)) == 6
    assert [(Timestamp.decode(s).millis, Timestamp.decode(s).counter) for s in stamps] == [
        (1_000, 0),
        (1_000, 1),
        (1_000, 2),
        (1_000, 3),
        (2_000, 0),
        (2_000, 1),
    ]
    assert all(s.endswith("-laptop-a") for s in stamps)


def test_a_full_counter_moves_to_the_next_millisecond() -> None:
    clock = HybridClock("laptop-a", wall=lambda: 5_000)
    clock.observe(Timestamp(5_000, MAX_COUNTER - 1, "server").encode())
    assert _parts(clock.now()) == (5_000, MAX_COUNTER)
    assert _parts(clock.now()) == (5_001, 0)


def test_after_seeing_a_later_stamp_the_next_one_is_later_still() -> None:
    clock = HybridClock("laptop-a", wall=lambda: 1_000)  # a day behind, say
    remote = Timestamp(86_401_000, 7, "laptop-b").encode()
    clock.observe(remote)
    clock.observe(Timestamp(5, 0, "old").encode())  # an older one changes nothing
    mine = clock.now()
    assert mine > remote
    assert Timestamp.decode(mine) == Timestamp(86_401_000, 8, "laptop-a")


def test_a_reserved_block_sits_between_the_stamps_before_and_after() -> None:
    walls = iter([7_000, 7_000, 7_000])
    clock = HybridClock("laptop-a", wall=lambda: next(walls))
    before = clock.now()
    millis, first = clock.reserve(500)
    after = clock.now()
    block = [Timestamp(millis, first + i, "laptop-a").encode() for i in range(500)]
    assert before < block[0] and block[-1] < after
    assert _parts(after) == (7_000, 501)


def test_a_block_that_would_overflow_the_counter_starts_the_next_millisecond() -> None:
    clock = HybridClock("laptop-a", wall=lambda: 9_000)
    clock.observe(Timestamp(9_000, MAX_COUNTER - 10, "server").encode())
    assert clock.reserve(100) == (9_001, 0)
    assert _parts(clock.now()) == (9_001, 100)


def _parts(stamp: str) -> tuple[int, int]:
    decoded = Timestamp.decode(stamp)
    return decoded.millis, decoded.counter
