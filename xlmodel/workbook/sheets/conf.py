"""The hidden ``xlwings.conf`` sheet: where the xlwings add-in finds the functions and macros."""

from __future__ import annotations

from ..content import Content
from ..layout import Plan

UDF_MODULE = "udfs.functions;udfs.macros"


def write(ws, plan: Plan, c: Content):
    ws["A1"] = "UDF Modules"
    ws["B1"] = UDF_MODULE
    ws["A3"] = c.t["conf_help"]
    ws.sheet_state = "hidden"
