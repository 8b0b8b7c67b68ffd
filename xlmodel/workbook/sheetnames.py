"""Sheet tabs in the workbook's language, and finding a sheet whatever the language of its tab.

The sheet writers and the plan name every sheet by its key (``"Inputs"``, its English tab):
``Inputs!$B$7``, ``Calc!$E$12:$BL$12``.  :func:`localise` then gives every sheet its tab in the
workbook's language and rewrites every reference to it (cell formulas, defined names, conditional
formats, data validations, charts, hyperlinks), quoting a tab that needs it (``'Tableau de bord'!A1``);
text inside a formula's quotes is never touched.  A reader finds a sheet by its key in a book of
either language with :func:`titles_in`.
"""

from __future__ import annotations

import re
from typing import Iterable

from ..schema import LANGUAGES
from ..text import sheet_titles

_PLAIN = re.compile(r"^[A-Za-z_][A-Za-z0-9_.]*$")


def quoted(title: str) -> str:
    """A tab as a formula names it: ``Calc``, or ``'Tableau de bord'`` (any character beyond
    ASCII letters, digits, ``_`` and ``.`` quoted, as Excel writes it)."""
    return title if _PLAIN.match(title) else "'" + title.replace("'", "''") + "'"


def title(key: str, lang: str) -> str:
    """The tab of sheet ``key`` in a workbook of ``lang``."""
    return sheet_titles(lang)[key]


def titles_in(sheetnames: Iterable[str]) -> dict[str, str]:
    """The tab of each sheet key present in a workbook, whatever its language: the first language
    (English, then French) whose tab is there, ignoring case (``{"Inputs": "Hypothèses", ...}``)."""
    present = {name.lower(): name for name in sheetnames}
    found: dict[str, str] = {}
    for lang in LANGUAGES:
        for key, tab in sheet_titles(lang).items():
            if key not in found and tab.lower() in present:
                found[key] = present[tab.lower()]
    return found


def book_language(sheetnames: Iterable[str]) -> str:
    """The language of a workbook built by xlmodel, told by its tabs (English when none is French)."""
    names = {name.lower() for name in sheetnames}
    for lang in LANGUAGES:
        tabs = sheet_titles(lang)
        if tabs["Inputs"].lower() in names:
            return lang
    return LANGUAGES[0]


def _renamer(renames: dict[str, str]):
    keys = sorted(renames, key=len, reverse=True)
    names = "|".join(re.escape(k) for k in keys)
    # Compare!A1, or 'Compare'!A1 as openpyxl's chart references quote every sheet.
    pattern = re.compile(r"(?<![\w.'!])(?:'(" + names + r")'|(" + names + r"))!")

    def outside_quotes(text: str) -> str:
        parts = text.split('"')  # even parts are outside string literals ("" escapes keep the parity)
        for i in range(0, len(parts), 2):
            parts[i] = pattern.sub(lambda m: quoted(renames[m.group(1) or m.group(2)]) + "!", parts[i])
        return '"'.join(parts)
    return outside_quotes


def localise(wb, lang: str) -> None:
    """Give every sheet of ``wb`` (built with the sheet keys as tabs) its tab in ``lang``, and
    rewrite every reference to the renamed sheets."""
    renames = {key: tab for key, tab in sheet_titles(lang).items() if key != tab and key in wb.sheetnames}
    if not renames:
        return
    fix = _renamer(renames)
    for ws in wb.worksheets:
        _rewrite_sheet(ws, fix)
    for name in list(wb.defined_names):
        defined = wb.defined_names[name]
        defined.attr_text = fix(defined.attr_text)
    for key, tab in renames.items():
        wb[key].title = tab


def _rewrite_sheet(ws, fix) -> None:
    for row in ws._cells.values() if hasattr(ws, "_cells") else ():
        value = row.value
        if isinstance(value, str) and value.startswith("=") and "!" in value:
            fixed = fix(value)
            if fixed != value:
                row._value = fixed  # the same formula cell, its text only (not a second write of the cell)
        if row.hyperlink is not None and row.hyperlink.location:
            row.hyperlink.location = fix(row.hyperlink.location)
    for cf in ws.conditional_formatting:
        for rule in cf.rules:
            rule.formula = [fix(f) for f in rule.formula]
    for dv in ws.data_validations.dataValidation:
        dv.formula1 = fix(dv.formula1) if dv.formula1 else dv.formula1
        dv.formula2 = fix(dv.formula2) if dv.formula2 else dv.formula2
    for chart in getattr(ws, "_charts", ()):
        for part in (chart, *getattr(chart, "_charts", ())):
            for series in part.series:
                _rewrite_series(series, fix)


def _rewrite_series(series, fix) -> None:
    for attr in ("tx", "cat", "val", "xVal", "yVal", "bubbleSize"):
        holder = getattr(series, attr, None)
        if holder is None:
            continue
        for ref_attr in ("strRef", "numRef", "multiLvlStrRef"):
            ref = getattr(holder, ref_attr, None)
            if ref is not None and ref.f:
                ref.f = fix(ref.f)


def sheet(wb, key: str):
    """The worksheet of sheet ``key`` in an openpyxl workbook of either language (``sheet(wb, "Compare")``)."""
    return wb[titles_in(wb.sheetnames).get(key, key)]
