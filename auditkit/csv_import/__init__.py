"""Channel metrics from a platform's CSV export: read any dialect, map columns, preview, then apply.

Platforms export their statistics in many dialects. :func:`read_csv` accepts separators ``,``, ``;``,
tab and ``|``; UTF-8 with or without a byte-order mark, UTF-16 with one, and Windows-1252 / Latin-1;
numbers with a decimal comma or point and thousands grouped by a space, a no-break space, a narrow
no-break space, a point, a comma or an apostrophe; percentages (``2,5 %``); dates in ISO form
(``2026-11-23``, with or without a time), in day-first numeric form (``23/11/2026``), month-first
when the column proves it (``11/23/2026``), or with month names in French or English.

The import never guesses silently. :func:`propose_mapping` recognises the tool that wrote the export
(Meta Business Suite, LinkedIn, X, YouTube Studio, TikTok) and proposes which column feeds which channel
field (from header names in French or English, checked against the column's content), saying why a
follower column that counts a change is not an audience size; :func:`suggest_definition` names the
engagement definition the file allows (:class:`Definition`); the user confirms or changes it;
:func:`plan_import` computes what would change on the channel (old value, new value); only
:func:`apply_plan` changes the audit, and :func:`undo_plan` puts back what it changed. A file that is
not usable raises :class:`CsvImportError` naming the file (and the line where one is at fault); nothing
is changed then. Every text a person
reads (errors, notes, the dialect, labels) is a catalogue :class:`~auditkit.locale.Message`.

Modules: :mod:`.decoding` (bytes to text), :mod:`.reading` (text to a table, any separator),
:mod:`.table` (the table and what each column holds), :mod:`.cells` (numbers and dates in a cell),
:mod:`.sources` (which tool wrote the export, engagement definitions), :mod:`.mapping` (which column
feeds which field), :mod:`.preview` (what an import would change),
:mod:`.apply` (changing the audit), :mod:`.errors` (what is wrong with a file).
"""

from auditkit.csv_import.apply import apply_plan, undo_plan
from auditkit.csv_import.cells import parse_date, parse_number
from auditkit.csv_import.errors import CsvImportError
from auditkit.csv_import.mapping import (
    DEFAULT_DEFINITION,
    REACH_DEFINITION,
    TARGET_LABELS,
    Mapping,
    Proposal,
    Target,
    guess_channel,
    propose_mapping,
    suggest_definition,
    suggest_mapping,
)
from auditkit.csv_import.preview import FieldChange, ImportPlan, plan_import
from auditkit.csv_import.reading import read_csv, read_csv_file
from auditkit.csv_import.sources import Source, detect_source
from auditkit.csv_import.table import DELIMITERS, ColumnKind, CsvColumn, CsvTable
from auditkit.definitions import Definition, definition_name

__all__ = [
    "DEFAULT_DEFINITION",
    "DELIMITERS",
    "REACH_DEFINITION",
    "TARGET_LABELS",
    "ColumnKind",
    "CsvColumn",
    "CsvImportError",
    "CsvTable",
    "Definition",
    "FieldChange",
    "ImportPlan",
    "Mapping",
    "Proposal",
    "Source",
    "Target",
    "apply_plan",
    "definition_name",
    "detect_source",
    "guess_channel",
    "parse_date",
    "parse_number",
    "plan_import",
    "propose_mapping",
    "read_csv",
    "read_csv_file",
    "suggest_definition",
    "suggest_mapping",
    "undo_plan",
]
