"""A comparison as pandas DataFrames, for analysts in a notebook.

:meth:`xlmodel.engine.Comparison.to_frame` and ``to_frames`` call these. pandas is imported inside
the functions: the engine, the command line and the Excel functions never load it.

=================  ===========================================  ========================================
frame              index                                        columns
=================  ===========================================  ========================================
``scenarios``      (scenario id, calendar year)                 the year's annual_cost, savings,
                                                                contacts, cost_per_contact, fte,
                                                                vendor_fte; the scenario's label, kind,
                                                                vendor, one_off_cost, npv_cost,
                                                                npv_savings, roi, payback_months, irr,
                                                                meets_target_service, best
``cost_lines``     (scenario id, calendar year)                 one column per cost line (payroll,
                                                                vendor_invoice...); they sum to the
                                                                annual_cost
``one_off_lines``  scenario id                                  one column per one-off line; they sum
                                                                to the one_off_cost
=================  ===========================================  ========================================

Money in the case currency, yearly figures for each calendar year of the horizon (``start_year``
first). ``savings`` = annual cost of in-house at target service - annual cost of the scenario, the
reference of every saving. A figure the engine leaves out (the ROI without one-off cost, the
payback never reached) is missing (NaN, or ``<NA>`` for the whole-number payback month).

Examples
--------
>>> from xlmodel.case import example_case
>>> from xlmodel.engine import compare
>>> frame = compare(example_case()).to_frame()
>>> frame.loc[("outsourced:Casablanca Contact", 2027), ["annual_cost", "savings"]].round(0).tolist()
[4362474.0, 563488.0]
>>> frame["annual_cost"].unstack("year").shape  # scenarios x years
(10, 5)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the engine imports this module lazily, and this one needs only its data
    import pandas as pd

    from .engine import Comparison

#: Per-year figures of a scenario (lists of one value per year), in column order.
YEARLY = ("annual_cost", "savings", "contacts", "cost_per_contact", "fte", "vendor_fte")
#: The scenario's own figures, repeated on each of its years.
PER_SCENARIO = ("label", "kind", "vendor", "one_off_cost", "npv_cost", "npv_savings", "roi", "payback_months",
                "irr", "meets_target_service", "best")


def _index(comparison: Comparison, by_year: bool):
    import pandas as pd
    ids = [s.id for s in comparison.scenarios]
    if not by_year:
        return pd.Index(ids, name="scenario")
    start, years = comparison.case.finance.start_year, comparison.case.finance.horizon_years
    return pd.MultiIndex.from_product([ids, range(start, start + years)], names=["scenario", "year"])


def scenario_frame(comparison: Comparison) -> pd.DataFrame:
    """One row per scenario and calendar year: the year's figures and the scenario's (see module)."""
    import pandas as pd
    years = comparison.case.finance.horizon_years
    reference = comparison.scenario("inhouse").annual_cost
    rows = []
    for s in comparison.scenarios:
        own = {"label": s.label_en, "kind": s.kind, "vendor": s.vendor, "one_off_cost": s.one_off_cost,
               "npv_cost": s.npv_cost, "npv_savings": s.npv_savings, "roi": s.roi,
               "payback_months": s.payback_months, "irr": s.irr, "meets_target_service": s.meets_target_service,
               "best": s.id == comparison.best}
        yearly = {"annual_cost": s.annual_cost, "savings": [r - c for r, c in zip(reference, s.annual_cost)],
                  "contacts": s.contacts, "cost_per_contact": s.cost_per_contact, "fte": s.fte,
                  "vendor_fte": s.vendor_fte}
        for y in range(years):
            rows.append({**{k: yearly[k][y] for k in YEARLY}, **own})
    frame = pd.DataFrame(rows, index=_index(comparison, True), columns=list(YEARLY + PER_SCENARIO))
    for column in ("npv_savings", "roi", "irr", "cost_per_contact"):
        frame[column] = frame[column].astype(float)  # None -> NaN
    frame["payback_months"] = frame["payback_months"].astype("Int64")
    return frame


def cost_line_frame(comparison: Comparison) -> pd.DataFrame:
    """One row per scenario and calendar year, one column per cost line (summing to the annual cost)."""
    import pandas as pd
    years = comparison.case.finance.horizon_years
    lines = list(comparison.scenarios[0].cost_lines)
    rows = [[s.cost_lines[line][y] for line in lines] for s in comparison.scenarios for y in range(years)]
    return pd.DataFrame(rows, index=_index(comparison, True), columns=pd.Index(lines, name="cost_line"))


def one_off_frame(comparison: Comparison) -> pd.DataFrame:
    """One row per scenario, one column per one-off line (summing to the one-off cost)."""
    import pandas as pd
    lines = list(comparison.scenarios[0].one_off_lines)
    rows = [[s.one_off_lines[line] for line in lines] for s in comparison.scenarios]
    return pd.DataFrame(rows, index=_index(comparison, False), columns=pd.Index(lines, name="one_off_line"))


def frames(comparison: Comparison) -> dict[str, pd.DataFrame]:
    """The three frames of the module table: ``scenarios``, ``cost_lines``, ``one_off_lines``."""
    return {"scenarios": scenario_frame(comparison), "cost_lines": cost_line_frame(comparison),
            "one_off_lines": one_off_frame(comparison)}
