"""Generators of hostile text files: huge, endless, cut, binary, wrongly encoded, quoted."""

from __future__ import annotations

import csv
import random

from faults.hostile_files.case import HUGE_SECONDS, Case, Gen
from faults.hostile_files.content import (
    CONTACT_HEADER,
    csv_text,
    full_sheet,
    person,
    sheet_rows,
    stored,
    write_xlsx,
)


def gen_huge_csv(g: Gen) -> Case:
    """Hundreds of MB of valid rows (tens in the CI subset): refused by size, at once."""
    key = "huge"
    if key not in g.cache:
        size_mb = g.rng.randint(200, 400) if g.full else 30
        path = g.folder / f"huge-{size_mb}mb.csv"
        block = csv_text(CONTACT_HEADER, [person(0, i, g.rng) for i in range(8_000)])
        block_bytes = block.split("\r\n", 1)[1].encode()
        with path.open("wb") as handle:
            handle.write(block.encode())
            while handle.tell() < size_mb * 1024 * 1024:
                handle.write(block_bytes)
        g.cache[key] = path
    return Case("huge_csv", g.cache[key], "refuse", words=("MB",), seconds=HUGE_SECONDS)


def gen_single_line(g: Gen) -> Case:
    """One line of millions of characters, no line break (issue 14 finding 7's 50 MB file)."""
    size = g.rng.randint(8, 20) * 1024 * 1024 if g.full else g.rng.randint(1, 3) * 1024 * 1024
    unit = g.rng.choice([b"abc,", b"x;", b'"q",', b"nom\t", b"lorem ipsum "])
    path = g.file("one-line.csv")
    path.write_bytes(unit * (size // len(unit)))
    return Case("single_line", path, "refuse", words=("characters",), seconds=HUGE_SECONDS)


def gen_long_row(g: Gen) -> Case:
    """A fine header, then one data line of millions of cells or one endless cell."""
    size = g.rng.randint(4, 20) * 1024 * 1024 if g.full else 2 * 1024 * 1024
    path = g.file("long-row.csv")
    head = csv_text(CONTACT_HEADER, [person(g.case, 0, g.rng)]).encode()
    names = frozenset([person(g.case, 0, random.Random(0))["First name"]])
    if g.rng.random() < 0.5:
        # Under the cell bound the row is one row with too many cells: rejected, the
        # others stored (either); past it the file is refused.
        path.write_bytes(head + b"x," * (size // 2))
        return Case(
            "long_row",
            path,
            "either",
            names=names,
            words=("cells",),
            seconds=HUGE_SECONDS,
            note=f"{size // 2:,} cells",
        )
    path.write_bytes(head + b"y" * size)
    return Case("long_row", path, "refuse", words=("longer than",), seconds=HUGE_SECONDS)


def gen_too_many_rows(g: Gen) -> Case:
    """Short rows, a small file, one row more than an import takes."""
    from localpro_desktop.services.importing.table import MAX_ROWS

    extra = g.rng.randint(1, 5_000)
    path = g.file("many-rows.csv")
    with path.open("w", encoding="utf-8") as handle:
        handle.write("First name,Phone\n")
        handle.writelines(f"n{i},\n" for i in range(MAX_ROWS + extra))
    return Case("too_many_rows", path, "refuse", words=("rows",), seconds=HUGE_SECONDS)


def gen_capacity(g: Gen) -> Case:
    """The largest file accepted (the row bound, near the size bound), into its own workspace:
    stored whole within the memory bound. Full runs only (about 15-30 s)."""
    from localpro_desktop.services.importing.table import MAX_ROWS

    key = "capacity"
    if key not in g.cache:
        path = g.folder / "capacity.csv"
        rng = random.Random(g.case)
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\r\n")
            writer.writerow(CONTACT_HEADER)
            for i in range(MAX_ROWS):
                row = person(1_000 + i // 2_000, i % 2_000, rng)
                row["Notes"] = "note " * 32  # ~ 230 bytes a row, ~ 23 MB in all
                writer.writerow([row[h] for h in CONTACT_HEADER])
        g.cache[key] = path
    return Case(
        "capacity",
        g.cache[key],
        "accept",
        count=MAX_ROWS,
        seconds=HUGE_SECONDS,
        workspace="capacity",
        note=f"{MAX_ROWS} rows",
    )


def gen_truncated_csv(g: Gen) -> Case:
    rows = [person(g.case, i, g.rng) for i in range(g.rng.randint(5, 400))]
    data = csv_text(CONTACT_HEADER, rows, g.rng.choice([",", ";"])).encode("utf-8")
    cut = g.rng.randint(0, len(data) - 1)
    path = g.file("cut.csv")
    path.write_bytes(data[:cut])
    names = frozenset(r["First name"] for r in rows)
    return Case("truncated_csv", path, "either", names=names, note=f"cut at {cut}/{len(data)}")


def gen_binary(g: Gen) -> Case:
    """Not a table at all, under a .csv or .xlsx name."""
    suffix = g.rng.choice([".csv", ".xlsx", ".txt"])
    size = g.rng.randint(1, 2_000_000)
    choice = g.rng.choice(["random", "png", "elf", "zeros", "pdf", "zip-in-csv", "csv-in-xlsx"])
    if choice == "random":
        data = g.rng.randbytes(size)
    elif choice == "png":
        data = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + g.rng.randbytes(size)
    elif choice == "elf":
        data = b"\x7fELF\x02\x01\x01\x00" + bytes(8) + g.rng.randbytes(size)
    elif choice == "zeros":
        data = bytes(size)
    elif choice == "pdf":
        data = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + g.rng.randbytes(size)
    elif choice == "zip-in-csv":
        suffix = ".csv"
        inner = g.file("inner.xlsx")
        write_xlsx(inner, full_sheet(sheet_rows(CONTACT_HEADER, [person(g.case, 0, g.rng)])))
        data = inner.read_bytes()
        inner.unlink()
    else:
        suffix = ".xlsx"
        data = csv_text(CONTACT_HEADER, [person(g.case, 0, g.rng)]).encode()
    path = g.file(f"{choice}{suffix}")
    path.write_bytes(data)
    words: tuple[str, ...] = ("xlsx",)
    if suffix != ".xlsx":
        words = ("binary", "Excel workbook", "not a text")
    if suffix != ".xlsx" and choice == "zeros":
        words = ("binary", "not a text")
    return Case("binary", path, "refuse", words=words, note=choice)


_ACCENTED = "éèêëàâçôöîïùûüÉÈÀÇÔ"


def accented_people(g: Gen, count: int) -> list[dict[str, str]]:
    rows = []
    for i in range(count):
        row = person(g.case, i, g.rng)
        row["Last name"] = "".join(g.rng.choice(_ACCENTED + "abcdefg") for _ in range(8))
        row["City"] = g.rng.choice(["Thiès", "Kébémer", "Rufisque", "Mbour"])
        row["Notes"] = g.rng.choice(["Boulangerie Façon d’Or", "Café Ô Délices", "déjà vu", ""])
        rows.append(row)
    return rows


def gen_encoding(g: Gen) -> Case:
    """Wrong but decodable: UTF-16 without BOM, Latin-1, cp1252, UTF-8 and cp1252 mixed."""
    rows = accented_people(g, g.rng.randint(3, 200))
    which = g.rng.choice(["utf-16-le", "utf-16-be", "latin-1", "cp1252", "mixed", "utf-8-sig"])
    delimiter = "\t" if which.startswith("utf-16") and g.rng.random() < 0.5 else ";"
    if which == "latin-1":
        for row in rows:  # Latin-1 has no curly apostrophe: keep to what it can write
            row["Notes"] = row["Notes"].replace("’", "'")
    text = csv_text(CONTACT_HEADER, rows, delimiter)
    if which == "mixed":
        lines = text.split("\r\n")
        data = b"\r\n".join(
            line.encode("utf-8" if n % 2 else "cp1252") for n, line in enumerate(lines)
        )
    else:
        data = text.encode(which)
    path = g.file(f"{which}.csv")
    path.write_bytes(data)
    return Case("encoding", path, "accept", rows=[stored(r) for r in rows], note=which)


def gen_invalid_utf8(g: Gen) -> Case:
    """Invalid UTF-8 sequences in a UTF-8 file: stored (as cp1252 for those bytes)."""
    rows = accented_people(g, g.rng.randint(3, 100))
    bad = [b"\xff", b"\xc0\x80", b"\xed\xa0\x80", b"\xe9", b"\x80\x81", b"\xf8\x88\x80\x80\x80"]
    text = csv_text(CONTACT_HEADER, rows)
    lines = text.encode("utf-8").split(b"\r\n")
    for n in range(1, len(lines) - 1):
        if g.rng.random() < 0.5:
            lines[n] = lines[n] + g.rng.choice(bad)  # into the notes, the last column
    path = g.file("invalid-utf8.csv")
    path.write_bytes(b"\r\n".join(lines))
    names = frozenset(r["First name"] for r in rows)
    return Case("invalid_utf8", path, "either", names=names, note="bytes in notes")


def gen_deep_quotes(g: Gen) -> Case:
    """Thousands of doubled quotes in a cell: valid CSV, the cell a run of quote marks."""
    rows = [person(g.case, i, g.rng) for i in range(g.rng.randint(2, 50))]
    depth = g.rng.randint(1_000, 60_000) if g.full else g.rng.randint(1_000, 5_000)
    victim = g.rng.randrange(len(rows))
    rows[victim]["Notes"] = '"' * depth
    path = g.file("deep-quotes.csv")
    path.write_text(csv_text(CONTACT_HEADER, rows), encoding="utf-8")
    names = frozenset(r["First name"] for r in rows)
    return Case("deep_quotes", path, "either", names=names, note=f"{depth} quotes")


def gen_unclosed_quote(g: Gen) -> Case:
    """A quote opened in a cell and never closed: the rest of the file is inside it."""
    count = g.rng.randint(200, 20_000) if g.full else g.rng.randint(200, 5_000)
    rows = [person(g.case, i, g.rng) for i in range(count)]
    text = csv_text(CONTACT_HEADER, rows)
    lines = text.split("\r\n")
    at = g.rng.randint(1, min(5, len(lines) - 2))
    lines[at] = lines[at].replace(",", ',"', 1)
    path = g.file("unclosed.csv")
    path.write_text("\r\n".join(lines), encoding="utf-8")
    names = frozenset(r["First name"] for r in rows)
    size = path.stat().st_size
    # Under the cell bound the whole tail is one (long) note, a row of the file: either.
    expect = "refuse" if size > 200_000 else "either"
    return Case("unclosed_quote", path, expect, names=names, words=("quote",), note=f"{size} B")
