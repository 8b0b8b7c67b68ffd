"""Decision analytics over the engine: cost of inaction, vendor scoring, break-even, tornado and
Monte Carlo.  Pure Python and numpy; plain-data results (their words: :mod:`xlmodel.text`).

=====================================================  ===========================================
call                                                   returns
=====================================================  ===========================================
``economic_view(comparison)``                          :class:`Economics` (cost of inaction, lost
                                                       contacts and economic view per scenario)
``score_vendors(comparison)``                          :class:`VendorRanking`
``break_even(case, comparison=None)``                  :class:`BreakEven`
``tornado(case, comparison=None, driver_ids=None)``    :class:`Tornado`
``run_risk(case, draws=None, seed=None, ...)``         :class:`RiskResult`
``analyse(comparison, draws=2000, seed=None)``         :class:`Analysis` (all of the above)
=====================================================  ===========================================
"""

import importlib

# Imported on first use: scipy (break-even root finding) costs a third of a second to import, and
# the workbook build runs the analytics that need it on a second core.
_WHERE = {
    "BreakEven": "breakeven", "HybridShare": "breakeven", "VendorBreakEven": "breakeven", "break_even": "breakeven",
    "Economics": "economics", "ScenarioEconomics": "economics", "economic_view": "economics",
    "RiskResult": "montecarlo", "ScenarioRisk": "montecarlo",
    "run_risk": "montecarlo", "VendorRanking": "scoring", "VendorScore": "scoring", "score_vendors": "scoring",
    "Tornado": "sensitivity", "TornadoBar": "sensitivity", "tornado": "sensitivity", "Analysis": "summary",
    "analyse": "summary",
}


def __getattr__(name):
    if name in _WHERE:
        return getattr(importlib.import_module(f".{_WHERE[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["Analysis", "BreakEven", "Economics", "HybridShare", "RiskResult", "ScenarioEconomics", "ScenarioRisk",
           "Tornado", "TornadoBar", "VendorBreakEven", "VendorRanking", "VendorScore", "analyse", "break_even",
           "economic_view", "run_risk", "score_vendors",
           "tornado"]
