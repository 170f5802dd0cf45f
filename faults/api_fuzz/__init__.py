"""API fuzzing: schemathesis over the cloud's OpenAPI document, then hostile bodies.

    python -m faults.api_fuzz [--cases 600] [--seed 1] [--workdir D] [--json F]

Against the real cloud (uvicorn on 127.0.0.1; SQLite, and a fresh PostgreSQL database
too when ``LOCALPRO_TEST_PG_URL`` is set), signed in as a real account with a device:

1. **schemathesis**, every check it has (server errors, status codes, content types,
   response schemas and headers, negative data rejected, positive data accepted,
   use-after-free, resource availability, ignored auth, Allow headers...), in all its
   phases (examples, coverage, fuzzing, stateful), ``max(3, cases // 10)`` examples per
   operation, seeded; signed in again every 10 minutes (an access token lasts 15).
2. **hostile bodies**, ``cases`` of them, over every endpoint that takes a body (the
   provider callbacks with a real hook too): NaN/Infinity, lone surrogates, nesting up
   to 100,000 deep, 10^20 and 10^400 integers, 1e400 floats, a gzip push of 4,000 unknown
   columns, strings of 15 MB, bodies up to 200 MB, gzip bombs up to 1 GiB, wrong
   content types and encodings, truncated gzip, bytes that are not UTF-8, top-level
   values that are not objects. Each answer must be a 4xx with a short message that
   echoes no secret (a push whose envelope is sound rejects the hostile *op* instead,
   and a provider callback may answer "nothing recorded"); never a 5xx.
3. Afterwards: ``/health`` answers, a second device of the account pulls the whole
   history (nothing stored by the fuzzing breaks a pull, issue 14 finding 2) and the
   server's log holds no error, no traceback, no password and no token.

Case ``i`` of the hostile bodies is drawn from ``Random(f"{seed}:{i}")``: a failure names
its seed and case, and ``--seed S --cases N`` replays it.
"""

from faults.api_fuzz.campaign import run
from faults.api_fuzz.settings import DEFAULT_CASES, PG_ENV

__all__ = ["DEFAULT_CASES", "PG_ENV", "run"]
