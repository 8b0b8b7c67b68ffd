"""One module per sheet of the workbook, each with ``write(ws, plan, content)``.

A writer reads the :class:`xlmodel.workbook.layout.Plan` (where everything goes, on every sheet) and
the :class:`xlmodel.workbook.content.Content` (what to show) and writes its own sheet only; it never
reads another sheet's cells nor state another writer left, so the sheets may be written in any
order (a test writes them in reverse and finds the same cells).
"""
