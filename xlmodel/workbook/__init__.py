"""The Excel workbook: planned (:mod:`.plan`, :mod:`.layout`), written sheet by sheet (:mod:`.sheets`),
saved safely (:mod:`.build`, :mod:`.parts`, :mod:`.files`), read back (:mod:`.reader`, :mod:`.untrusted`),
refreshed by its macros (:mod:`.refresh`) and recalculated by LibreOffice for the tests (:mod:`.libreoffice`).

``build_workbook(case, lang, comparison=None, analysis=None) -> (Workbook, Plan)`` is the way in.
"""



def __getattr__(name):
    # Imported on first use: ``from xlmodel.workbook.files import ...`` must not pull in openpyxl.
    if name == "build_workbook":
        from .book import build_workbook
        return build_workbook
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["build_workbook"]
