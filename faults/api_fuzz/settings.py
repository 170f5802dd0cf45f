"""The API fuzzing campaign's sizes and limits, and the checks that count as schema
mismatches."""

from __future__ import annotations

DEFAULT_CASES = 600
PG_ENV = "LOCALPRO_TEST_PG_URL"
MAX_ANSWER = 4000
"""A refusal is a short message: longer means something was echoed."""
MAX_SECONDS = 20.0
"""Any single answer slower than this is a failure (a parser or a bomb that got through)."""
SCHEMA_MISMATCH_CHECKS = frozenset(
    {
        "status_code_conformance",
        "content_type_conformance",
        "response_schema_conformance",
        "response_headers_conformance",
        "allow_header_conformance",
    }
)
