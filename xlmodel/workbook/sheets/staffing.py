"""The Staffing sheet: agents on duty sized by Erlang C in Python (values, month by month), the
inputs that sizing used as values next to live links, and a check that turns red when they differ.
"""

from __future__ import annotations

from ...model import Model
from ...schema import CASE, CHANNEL, CUSTOMER, DEMAND, FINANCE, HYBRID, INHOUSE, RISK, SCORING, TRANSITION, VENDOR
from .. import styles
from ..content import Content
from ..layout import Plan, month_col

_SECTIONS = (CASE, FINANCE, DEMAND, INHOUSE, TRANSITION, CUSTOMER, SCORING, RISK, HYBRID)


def write(ws, plan: Plan, c: Content):
    t, lay = c.t, plan.staffing
    styles.title(ws, "A1", t["staffing_title"])
    ws["A2"] = t["staffing_help"]
    for m in range(1, c.months + 1):
        letter = month_col(m)
        ws[f"{letter}3"] = f"=Calc!{letter}3"
        ws[f"{letter}3"].number_format = "mmm yyyy"
    for s in c.model.staff:
        r = lay.rows[s.key]
        ws[f"A{r}"] = c.label(s)
        ws[f"B{r}"] = t["staff_unit"]
        values = c.ev.staff[s.key]
        for m in range(1, c.months + 1):
            styles.write_computed(ws, f"{month_col(m)}{r}", float(values[m - 1]), styles.DECIMAL)
    # The inputs this sizing used, as values, next to live links: a change shows as 1.
    r = lay.inputs_title
    styles.section(ws, f"A{r}", t["sized_inputs"])
    styles.header_row(ws, r + 1, [t["label"], t["at_sizing"], t["now"], t["changed"]])
    for r, key in enumerate(lay.sized_inputs, start=lay.first_input):
        styles.write_text(ws, f"A{r}", describe(key, c))
        ws[f"B{r}"] = c.ev.resolve(key)
        ws[f"C{r}"] = f"={plan.refs[key]}"
        ws[f"D{r}"] = f"=(B{r}<>C{r})*1"
    start_row = plan.inputs.seasonality.first
    for m, r in enumerate(lay.seasonality.rows):
        ws[f"A{r}"] = f"{t['seasonality']}: {t['months'][m]}"
        ws[f"B{r}"] = c.case.demand.seasonality[m]
        ws[f"C{r}"] = f"=Inputs!$B${start_row + m}"
        ws[f"D{r}"] = f"=(B{r}<>C{r})*1"
    ws[f"A{lay.check_row}"] = t["sizing_current"]
    ws[f"B{lay.check_row}"] = f"=(SUM(D{lay.first_input}:D{lay.seasonality.last})=0)*1"
    ws.column_dimensions["A"].width = 70
    ws.column_dimensions["B"].width = 14
    ws.column_dimensions["C"].width = 14
    ws.freeze_panes = f"{month_col(1)}4"


def sizing_inputs(model: Model) -> list[str]:
    """Every single input the Staffing values depend on (reference keys, sorted), found by walking
    the row bindings."""
    found: set[str] = set()
    rows = {r.key: r for r in model.rows}

    def walk(key: str):
        kind, _, rest = key.partition(":")
        if kind == "row":
            for ref in rows[rest].bind.values():
                if ref != key:
                    walk(ref)
        elif kind in ("in", "ch", "vd", "hc", "const") and key != "in:demand.seasonality":
            found.add(key)

    for s in model.staff:
        if s.peak_of:
            continue
        for key in (s.contacts, s.aht, s.hours):
            walk(key)
        for name in ("kind", "service_level", "answer_seconds", "max_occupancy", "concurrency"):
            found.add(f"ch:{s.channel}.{name}")
    found.add("const:INTERVAL_SECONDS")
    return sorted(found)


def describe(key: str, c: Content) -> str:
    """An input's label for the Staffing sheet, e.g. ``Finance: Discount rate`` or ``phone: AHT``."""
    kind, _, rest = key.partition(":")
    if kind == "in":
        section, _, name = rest.partition(".")
        sec = {s.name: s for s in _SECTIONS}[section]
        return f"{c.label(sec, 'title')}: {c.label(sec.by_name[name])}"
    if kind in ("ch", "vd"):
        index, _, name = rest.partition(".")
        section = CHANNEL if kind == "ch" else VENDOR
        item = (c.case.channels if kind == "ch" else c.case.vendors)[int(index)]
        return f"{item.name}: {c.label(section.by_name[name])}"
    if kind == "hc":
        return f"{c.case.channels[int(rest)].name}: {c.t['to_vendor']}"
    return rest
