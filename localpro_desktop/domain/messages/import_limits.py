"""Files too big, or built to exhaust the machine, refused before they are read (issue 14)."""

from localpro_desktop.domain.messages import Catalogue

_ = Catalogue("ImportLimitMessages")

FILE_TOO_BIG = _(
    "{file} is {size} MB; LocalPro imports files of at most {limit} MB at a time. Split it "
    "into smaller files (for example by city) and import them one after the other."
)
TOO_MANY_ROWS = _(
    "{where} has more than {limit} rows; LocalPro imports at most {limit} rows at a time. "
    "Split it into smaller files (for example by city) and import them one after the other."
)
TOO_MANY_CELLS = _(
    "{where} has more than {limit} cells, counting the empty ones up to the last filled "
    "column and row. Delete the empty rows and columns after your data (or save the sheet as "
    "CSV), then import it again."
)
XLSX_TOO_BIG = _(
    "{file} unpacks to more than {limit} MB ({part}), far more than a spreadsheet LocalPro can "
    "import: it may be damaged or built to exhaust memory. Open it in Excel or LibreOffice, "
    "keep only the rows to import, and save it again as .xlsx or CSV."
)
NOT_TEXT = _(
    "{file} is not a text file: it contains binary data. If it is a spreadsheet, open it in "
    "Excel or LibreOffice and save it as CSV or .xlsx, then import that file."
)
XLSX_AS_CSV = _(
    "{file} is an Excel workbook with a CSV name. Rename it to .xlsx, or open it in Excel and "
    "save it as CSV, then import it again."
)
CELL_TOO_LONG = _(
    '{file}, row {row}: a cell is longer than {limit} characters. Most often a quote (") is '
    "opened and never closed, so the rest of the file reads as one cell; otherwise the rows "
    "lack line breaks. Open the file in Excel or LibreOffice, check that row, and save it "
    "again as CSV."
)
