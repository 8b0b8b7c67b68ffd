"""The tender (appel d'offres): the quote form a vendor fills in, and importing the returned forms.

The form is a small workbook: an Instructions sheet, and a Quote sheet with one row per field
(label, the vendor's answer in an input cell, unit, guidance).  Its fields are the vendor-supplied
fields of :data:`xlmodel.schema.VENDOR` (the price and everything else a quote states) plus
information a tender needs but the model does not use (:data:`INFO`: sites, revenue, references,
contact, validity).  The client-assessed scores (:data:`CLIENT_ASSESSED`) are not on the form: the
client rates those.

Reading a returned form does not depend on its language nor on where its rows are: a hidden key
column (:data:`KEY_COLUMN`) holds each row's field name and, on the title row, the form-version
marker (:data:`FORM_MARKER`) by which the Quote sheet is recognised.  The values go through the
case format's own validation (:func:`xlmodel.case._read_section`), and each problem is reported with
the form and the cell (``quote_acme.xlsx: Quote!B9: must be > 0 ...``).

Importing forms into a workbook built by ``python cli.py build`` adds or updates its vendor quotes:
a vendor whose name matches an existing quote (trimmed, case-insensitive) is updated and keeps the
client's scores and its hybrid flag; a new vendor gets the default scores and a hybrid scenario.
The workbook is then rebuilt around the new case, validated as a whole and written atomically; a
batch with any bad form changes nothing.

Modules: :mod:`.fields` (what the form asks), :mod:`.form` (writing the blank form), :mod:`.read`
(reading a returned form), :mod:`.imports` (merging quotes into a workbook).
"""

from .fields import (CLIENT_ASSESSED, CURRENCY_KEY, FORM_MARKER, FORM_MARKER_PREFIX, FORM_VERSION, GROUPS, INFO,
                     KEY_COLUMN, VALUE_COLUMN, form_fields, form_label, form_unit)
from .form import quote_form, write_quote_form
from .imports import ImportedQuote, ImportReport, import_quotes, merge_quotes
from .read import Quote, read_quote_form

__all__ = ["CLIENT_ASSESSED", "CURRENCY_KEY", "FORM_MARKER", "FORM_MARKER_PREFIX", "FORM_VERSION", "GROUPS", "INFO",
           "KEY_COLUMN", "VALUE_COLUMN", "ImportReport", "ImportedQuote", "Quote", "form_fields", "form_label",
           "form_unit", "import_quotes", "merge_quotes", "quote_form", "read_quote_form", "write_quote_form"]
