"""The Staffing sheet: the agents on duty of every staffing row in native formulas (an exact Erlang C
search, :mod:`xlmodel.model.sizing`; the Calc sheet uses these rows), their twin sized by xlmodel in
Python (values) with the check that both agree, the inputs the twin was sized from next to live
links, and the native search row by row.

After an input is edited in Excel the native agents are the live ones; the twin then says in words
that it was verified at build (never a red check), until the refresh macro or a rebuild.
"""

from __future__ import annotations

from ...model import SEASONALITY, CaseRef, ChannelInput, Constant, Input, Model, RowRef, ToVendor, VendorInput
from ...model.portfolio import PhaseStart, PortfolioInput, PortfolioShare
from ...schema import CASE, CUSTOMER, DEMAND, FINANCE, HYBRID, INHOUSE, RISK, SCORING, TRANSITION
from ...model.constants import CONSTANTS
from ...text import NAME_DASH, choice_label, pick
from .. import styles
from ..content import Content
from ..glyphs import one_line_width
from ..layout import Plan, month_col
from .rows import write_row

_SECTIONS = (CASE, FINANCE, DEMAND, INHOUSE, TRANSITION, CUSTOMER, SCORING, RISK, HYBRID)


def write(ws, plan: Plan, c: Content):
    t, lay = c.t, plan.staffing
    styles.title(ws, "A1", t["staffing_title"])
    ws["A2"] = t["staffing_help"]
    ws[f"A{lay.year_row}"] = t["year_number"]
    for m in range(1, c.months + 1):
        letter = month_col(m)
        ws[f"{letter}3"] = f"=Calc!{letter}3"
        ws[f"{letter}3"].number_format = "mmm yyyy"
        ws[f"{letter}{lay.year_row}"] = f"=Calc!{letter}{plan.calc.year_row}"
    styles.section(ws, f"A{lay.native_title}", t["staffing_native"])
    styles.section(ws, f"A{lay.search_title}", t["staffing_search"])
    for key, r in lay.search_titles.items():
        styles.section(ws, f"A{r}", c.label(next(s for s in c.model.staff if s.key == key)))
    for row in c.model.sizing:
        write_row(ws, plan, c, row, lay.sizing_rows[row.key], "Staffing")
    _twin(ws, plan, c)
    _sized_inputs(ws, plan, c)
    _profile(ws, plan, c)
    covered = ",".join(f"{month_col(1)}{lay.sizing_rows[key]}:{month_col(c.months)}{lay.sizing_rows[key]}"
                       for key in lay.sizing_rows if key.name.endswith("_covered"))
    ws[f"A{lay.covered_row}"] = t["staffing_covered"]
    ws[f"B{lay.covered_row}"] = f"=MIN({covered})" if covered else "=1"
    ws.column_dimensions["A"].width = label_width(ws, lay.native_title, lay.verified_row)
    ws.column_dimensions["B"].width = 14
    ws.column_dimensions["C"].width = 14
    for m in range(1, c.months + 1):  # "janv. 2027", "sept. 2027": 8.5 units, ### in the default 8.43
        ws.column_dimensions[month_col(m)].width = MONTH_WIDTH
    ws.freeze_panes = f"{month_col(1)}5"


MONTH_WIDTH = 10
"""Width of a month's column, in character units: its date ("sept. 2027") and a margin."""
LABEL_WIDTH = (70, 96)
"""The least and the most width of the label column, in character units."""


def label_width(ws, first: int, last: int) -> float:
    """The width of column A that holds, on one line, the longest label of the printed rows ``first`` to
    ``last`` (within :data:`LABEL_WIDTH`): at 70 units the French labels of the hybrids and portfolios
    ("Portefeuille : Phone nearshore, e-mail offshore, Océan Indien Services : conseillers prestataire
    en poste, email", 90 units) took two lines each, a third printed page; a wider column also prints
    the whole sheet a little smaller, so more rows hold on a page."""
    labels = [cell.value for row in ws.iter_rows(min_row=first, max_row=last, max_col=1)
              for cell in row if isinstance(cell.value, str) and not cell.value.startswith("=")]
    # A unit to spare: at 92 units three of the French search labels (180 units) filled two lines to 99 %.
    return min(max(LABEL_WIDTH[0], one_line_width(labels, spare=1)), LABEL_WIDTH[1])


def _twin(ws, plan: Plan, c: Content):
    """The Python sizing as values, whether it equals the native rows, and the check: they agree, or
    the inputs changed since the build and the twin was verified then."""
    t, lay = c.t, plan.staffing
    styles.section(ws, f"A{lay.twin_title}", t["staffing_twin"])
    for s in c.model.staff:
        r = lay.twin_rows[s.key]
        ws[f"A{r}"] = c.label(s)
        ws[f"B{r}"] = t["staff_unit"]
        values = c.ev.staff[s.key]
        for m in range(1, c.months + 1):
            styles.write_computed(ws, f"{month_col(m)}{r}", float(values[m - 1]), styles.DECIMAL)
    last = month_col(c.months)
    native = f"{month_col(1)}{min(lay.rows.values())}:{last}{max(lay.rows.values())}"
    twin = f"{month_col(1)}{min(lay.twin_rows.values())}:{last}{max(lay.twin_rows.values())}"
    ws[f"A{lay.agree_row}"] = t["twin_agree"]
    ws[f"B{lay.agree_row}"] = f"=(SUMXMY2({native},{twin})<=CHECK_TOLERANCE)*1"
    r, current = lay.verified_row, lay.current_ref
    ws[f"B{r}"] = f"=IF({current}=1,B{lay.agree_row},1)"
    ws[f"A{r}"] = (f'="{t["twin_verified"]}{t["colon"]}"&IF({current}=1,IF(B{lay.agree_row}=1,"{t["twin_ok"]}",'
                   f'"{t["twin_differs"]}"),"{t["twin_stale"]}")')
    styles.check_format(ws, f"B{lay.agree_row}:B{r}")


def _profile(ws, plan: Plan, c: Content):
    """With a weekly arrival profile, the agents its shifts add to each live search over the average
    slot (:mod:`xlmodel.profile`), sized in Python at build: values, which the native agents add."""
    t, lay = c.t, plan.staffing
    if lay.profile_title is None:
        return
    styles.section(ws, f"A{lay.profile_title}", t["staffing_profile"])
    for key, r in lay.profile_rows.items():
        s = next(s for s in c.model.staff if s.key == key)
        ws[f"A{r}"] = t["profile_uplift_row"].format(row=c.label(s))
        ws[f"B{r}"] = t["staff_unit"]
        added = c.ev.staff[key] - c.ev.flat_staff[key]
        for m in range(1, c.months + 1):
            styles.write_computed(ws, f"{month_col(m)}{r}", float(added[m - 1]), styles.DECIMAL)


def _sized_inputs(ws, plan: Plan, c: Content):
    """The inputs the twin was sized from, as values, next to live links: a change shows as 1."""
    t, lay = c.t, plan.staffing
    r = lay.inputs_title
    styles.section(ws, f"A{r}", t["sized_inputs"])
    styles.header_row(ws, r + 1, [t["label"], t["at_sizing"], t["now"], t["changed"]])
    for r, ref in enumerate(lay.sized_inputs, start=lay.first_input):
        styles.write_text(ws, f"A{r}", describe(ref, c))
        value = choice_label(c.ev.resolve(ref), c.lang)  # a choice as its input cell shows it
        if isinstance(value, str):  # a vendor's name (a portfolio's mode) is the user's text: never a formula
            styles.write_text(ws, f"B{r}", value)
        else:
            ws[f"B{r}"] = value
        # An empty text cell links as 0: a text input (the arrival profile) is compared as text.
        text = isinstance(ref, Input) and ref.schema_field.kind == "text"
        ws[f"C{r}"] = f'=""&{plan.refs[ref]}' if text else f"={plan.refs[ref]}"
        ws[f"D{r}"] = f"=(B{r}<>C{r})*1"
    start_row = plan.inputs.seasonality.first
    for m, r in enumerate(lay.seasonality.rows):
        ws[f"A{r}"] = f"{t['seasonality']}{t['colon']}{t['months'][m]}"
        ws[f"B{r}"] = c.case.demand.seasonality[m]
        ws[f"C{r}"] = f"=Inputs!$B${start_row + m}"
        ws[f"D{r}"] = f"=(B{r}<>C{r})*1"
    ws[f"A{lay.current_row}"] = t["sizing_current"]
    ws[f"B{lay.current_row}"] = f"=(SUM(D{lay.first_input}:D{lay.seasonality.last})=0)*1"


def sizing_inputs(model: Model) -> list[CaseRef]:
    """Every single input the Staffing values depend on (sorted by their text form), found by
    walking the row bindings."""
    found: set[CaseRef] = set()

    def walk(ref):
        if isinstance(ref, RowRef):
            for used in model.row(ref.key).bind.values():
                if used != ref:
                    walk(used)
        elif isinstance(ref, CaseRef) and ref != SEASONALITY:
            found.add(ref)

    for s in model.staff:
        if s.peak_of:
            continue
        for ref in (s.contacts, s.aht, s.hours):
            walk(ref)
        for name in ("kind", "service_level", "answer_seconds", "max_occupancy", "concurrency", "sizing",
                     "patience_seconds"):
            found.add(ChannelInput(s.channel, name))
    found.add(Constant("INTERVAL_SECONDS"))
    # The weekly arrival profile: typed into a book built without one, it needs a rebuild (a check says so).
    found.update(Input("demand", f) for f in ("arrival_days", "arrival_slots", "min_shift_hours",
                                              "open_days_per_week", "opening_hours_per_week"))
    return sorted(found, key=str)


def describe(ref: CaseRef, c: Content) -> str:
    """An input's label for the Staffing sheet, e.g. ``Finance – Discount rate`` or ``phone – AHT``; a
    constant by its label (``Staffing interval``), never its name in the formulas. Where it is and what it
    is are joined by a dash, not a colon: many inputs' labels have a colon of their own ("phone: Service
    target: share answered" read as two labels)."""
    colon = NAME_DASH
    if isinstance(ref, Input):
        sec = {s.name: s for s in _SECTIONS}[ref.section]
        return f"{c.label(sec, 'title')}{colon}{c.label(ref.schema_field)}"
    if isinstance(ref, ChannelInput):
        return f"{c.case.channels[ref.channel].name}{colon}{c.label(ref.schema_field)}"
    if isinstance(ref, VendorInput):
        return f"{c.case.vendors[ref.vendor].name}{colon}{c.label(ref.schema_field)}"
    if isinstance(ref, ToVendor):
        return f"{c.case.channels[ref.channel].name}{colon}{c.t['to_vendor']}"
    if isinstance(ref, (PortfolioInput, PortfolioShare)):  # a cell of the Sourcing sheet
        where = f"{c.case.portfolios[ref.portfolio].name}, {c.case.channels[ref.channel].name}"
        what = (c.t["pf_mode"] if ref.field == "mode" else c.t["pf_vendor"]) if isinstance(ref, PortfolioInput) \
            else f"{c.t['pf_shares']}, {c.case.vendors[ref.vendor].name}"
        return f"{where}{colon}{what}"
    if isinstance(ref, PhaseStart):
        return f"{c.case.portfolios[ref.portfolio].name}{colon}{c.t['pf_phase'].format(number=ref.phase + 1)}"
    if isinstance(ref, Constant):
        _, _, en, fr = CONSTANTS[ref.name]
        return pick(c.lang, en, fr)
    return ref.target
