"""Excel tables over input ranges: the workbook reader finds the Channels, the vendor quotes and
the hybrid channel flags by their table names, wherever their rows are."""

from __future__ import annotations

from openpyxl.worksheet.table import Table, TableStyleInfo


def add_table(ws, name: str, ref: str):
    """An Excel table over ``ref`` (header row first)."""
    table = Table(displayName=name, ref=ref)
    table.tableStyleInfo = TableStyleInfo(name="TableStyleLight1", showRowStripes=False)
    ws.add_table(table)
