"""Hostile files (issue 14): huge, truncated, binary, wrongly encoded, formula-laden, deeply
quoted and zip-bomb XLSX imports, each through ``localpro import`` in a child process against
a real workspace that already holds data.

Every case: peak RSS of the import (its process and its worker processes, ``wait4``) at most
500 MB, the wall time bounded (60 s for the huge files, 30 s for the rest), no crash (exit 3,
a traceback, ``logs/crash.log``), a message of at most 2,000 characters, and
``PRAGMA integrity_check`` ok. Then, per case:

* refused (huge, binary, truncated XLSX, zip bombs, entity expansion, missing parts, an
  endless line or quote): exit 1 with a message naming what to fix, and nothing written
  (row counts and a checksum of the prospects and contacts tables unchanged);
* accepted (wrong but decodable encodings, formula cells, a declared dimension of billions
  of cells, huge-but-allowed shared strings, the largest file accepted): exit 0, exactly the
  expected rows stored as typed, and formula cells neutralised on export (CSV and XLSX);
* either (a CSV cut at a random offset, thousands of nested quotes): refused as above, or
  accepted with no more rows than the file holds, each one a row of the file (the row a cut
  falls in is stored as far as it goes, as Excel opens it: its name may be cut short).

The import runs in a process forked from a small pre-warmed process that imported the CLI
and nothing else (an exec'ed ``python -m localpro_desktop.cli.main`` takes 3-8 s just to
start on this machine, which the CI subset cannot afford); its peak RSS includes that
process's pages, as a real command's does. Forking from the campaign's own process instead
would count its pages too (a pytest worker of the CI subset: 700 MB). In full runs every
tenth case (and the first) runs exec'ed as a real command.

    python -m faults.hostile_files --cases 200 --seed 1
"""

from faults.hostile_files.campaign import FIXED, iter_kinds, run
from faults.hostile_files.case import DEFAULT_CASES, Case
from faults.hostile_files.content import (
    CONTACT_HEADER,
    PROSPECT_HEADER,
    WORKBOOK,
    csv_text,
    full_sheet,
    person,
    sheet_rows,
    write_xlsx,
)
from faults.hostile_files.generators import FULL_ONLY, GENERATORS, schedule
from faults.hostile_files.xlsx_generators import LAUGHS

__all__ = [
    "CONTACT_HEADER",
    "DEFAULT_CASES",
    "FIXED",
    "FULL_ONLY",
    "GENERATORS",
    "LAUGHS",
    "PROSPECT_HEADER",
    "WORKBOOK",
    "Case",
    "csv_text",
    "full_sheet",
    "iter_kinds",
    "person",
    "run",
    "schedule",
    "sheet_rows",
    "write_xlsx",
]
