"""Importing a file: files that cannot be read, column mappings, duplicates, cancelling."""

from localpro_desktop.domain.messages import Catalogue

_ = Catalogue("ImportMessages")

# -- the file
NOT_FOUND = _(
    "File not found: {path}. Check the folder and the file name (including its extension, "
    "e.g. .csv or .xlsx)."
)
IS_FOLDER = _("{path} is a folder, not a file. Choose the .csv or .xlsx file.")
CONVERT_FIRST = _(
    "{file}: {why}. Open it in Excel or LibreOffice and save it as .xlsx or CSV, then import "
    "that file."
)
OLD_EXCEL = _("'.xls' is the old Excel format, which LocalPro cannot read")
OPENDOCUMENT = _("'.ods' (LibreOffice/OpenOffice) files cannot be read directly")
APPLE_NUMBERS = _("Apple Numbers files cannot be read directly")
NO_EXTENSION = _(
    "{file} has no extension. LocalPro imports .csv, .txt, .tsv and .xlsx files: save or "
    "rename it accordingly."
)
UNSUPPORTED = _(
    "{file}: unsupported file type '{suffix}'. LocalPro imports .csv, .txt, .tsv and .xlsx files."
)
LOCKED = _(
    "LocalPro is not allowed to read {file}. If it is open in Excel, close it and try again; "
    "otherwise check the file's permissions."
)
CANNOT_READ = _("Could not read {path}: {detail}.")
EMPTY_FILE = _(
    "{file} is empty (0 bytes). Export the spreadsheet again, with a header row of column "
    "names followed by one row per record."
)
BLANK_FILE = _(
    "{file} is empty: it contains only blank lines. Add a header row of column names "
    "followed by one row per record."
)
UNKNOWN_ENCODING = _(
    "Unknown encoding '{encoding}'. Use for example utf-8, cp1252 or utf-16, or leave the "
    "encoding out to let LocalPro detect it."
)
WRONG_ENCODING = _(
    "The file is not valid {encoding} (unexpected byte at position {position}). Leave the "
    "encoding out to let LocalPro detect it, or save the file as 'CSV UTF-8' in Excel."
)
BAD_DELIMITER = _(
    "Invalid delimiter {value!r}: give a single character such as ',' or ';', or the word 'tab'."
)
BAD_CSV_LINE = _(
    '{file}, row {row}: the line cannot be read as CSV ({detail}). Check for a quote (") '
    "that is opened and never closed."
)
CORRUPT_XLSX = _(
    "{file} could not be read as an Excel .xlsx workbook ({error}). It may be damaged, "
    "password-protected, or another format renamed to .xlsx: open it in Excel or "
    "LibreOffice and save it again as .xlsx or CSV."
)
NO_WORKSHEET = _("{file} contains no worksheet to import.")
NO_SHEET_NUMBER = _(
    "{file} has no sheet number {sheet}: it has {count} sheet(s), numbered from 0: {names}."
)
NO_SHEET_NAMED = _("{file} has no sheet named '{sheet}'. Its sheets are: {names}.")
SHEET_OF = _("sheet '{sheet}' of {file}")
NO_HEADER_NO_DATA = _(
    "{where} is empty: there is no header row and no data. Put the column names (e.g. Name, "
    "Phone, City) on the first row and one record per row below."
)
NO_HEADER = _(
    "{where} has no header row: the first row ({shown}) looks like data, not column names. "
    "Insert a first row with the column names, e.g. Name, Phone, City."
)
DUPLICATE_COLUMNS = _(
    "{where} has duplicate column names: {problems}. Rename them so every column has its "
    "own name (e.g. 'Phone' and 'Phone 2')."
)
DUPLICATE_COLUMN = _('"{name}" (columns {first} and {second})')
AND_MORE = _("and {count} more")
HEADER_TOO_LONG = _(
    "{file}: line {row} is longer than {limit} characters, far too long for a row of column "
    "names. The file may not be a table, or its rows may lack line breaks: open it in Excel or "
    "LibreOffice, check that it has one record per line, and save it again as CSV."
)
TOO_MANY_COLUMNS = _(
    "{where} has {count} columns; LocalPro imports at most {limit}. Check that the delimiter is "
    "right, or delete the columns you do not need, then import the file again."
)

# -- the mapping of columns to fields
UNKNOWN_KIND = _("Unknown record kind {kind!r}: use 'prospects' or 'contacts'.")
BAD_OVERRIDE = _(
    'Invalid column mapping {item!r}: write COLUMN=FIELD, e.g. "Tél=phone", or '
    "COLUMN=ignore to skip a column."
)
FIELD_TWICE = _(
    "Field '{field}' is given to two columns: '{first}' and '{second}'. Each field can come "
    "from one column only."
)
AMBIGUOUS_COLUMN = _(
    "Column '{column}' matches several columns ({matches}): write the exact name. Available "
    "columns: {available}."
)
UNKNOWN_COLUMN = _("Unknown column '{column}'. Available columns: {available}.")
UNKNOWN_FIELD = _(
    "Unknown field '{raw}' for {kind}.{hint} Valid fields: {fields}; or 'ignore' to skip the "
    "column."
)
DID_YOU_MEAN = _(" Did you mean '{field}'?")
NOT_FIELDS = _("Not {kind} fields: {unknown}. Valid fields: {fields}.")
NO_COLUMN_FOR = _(
    "No column for {missing} in {file}. Columns found: {columns}. Map one with --map "
    "COLUMN={field}."
)

# -- the records
SAME_PHONE = _("same phone {phone}")
SAME_EMAIL = _("same e-mail {email}")
SIMILAR_NAME = _("similar name in {city} ({score:.0f}%)")
# What a duplicate row matched (``reason``: one of the three above).
MATCHED_ROW = _("matched row {other} of the file ({reason})")
MATCHED_RECORD = _("matched {name}, already in the workspace ({reason})")
CANCELLED = _("Import cancelled; the workspace is unchanged.")

# -- presets (LinkedIn connections, Facebook lead ads)
PRESET_LINKEDIN = _("LinkedIn connections")
PRESET_FACEBOOK = _("Facebook lead ads")
UNKNOWN_PRESET = _("Unknown kind of file '{preset}'. Choose one of: {choices}.")
PRESET_DOES_NOT_FIT = _(
    "{file} does not look like a {preset} export: the columns {missing} are missing. Choose "
    "another kind of file, or none to match the columns yourself."
)
LINKEDIN_NO_NAME = _(
    "This LinkedIn connection has no name and no company: fill in First Name and Last Name, "
    "or Company, then import the file again."
)
FACEBOOK_NO_NAME = _(
    "This lead has no name and no company: fill in full_name (or first_name and last_name), "
    "or company_name, then import the file again."
)
