"""Everything the decision needs in one plain-data bundle, and its numbers in ``compare --json``.

``analyse(comparison)`` runs the economic view, the vendor scoring, the break-evens, the tornado
and a small Monte Carlo (``COMPARE_DRAWS`` draws, the case's seed) for ``compare``;
``python cli.py risk`` runs the full Monte Carlo.  Their words (the recommendation, the terminal
tables) are the text layer's: :mod:`xlmodel.text.sentences`, :mod:`xlmodel.text.tables`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..engine import Comparison

if TYPE_CHECKING:  # imported where used: break-even and economics pull in scipy
    from .breakeven import BreakEven
    from .economics import Economics
    from .montecarlo import RiskResult
    from .scoring import VendorRanking
    from .sensitivity import Tornado

COMPARE_DRAWS = 2000


@dataclass
class Analysis:
    economics: Economics
    ranking: VendorRanking
    break_even: BreakEven
    tornado: Tornado
    risk: RiskResult


def analyse(result: Comparison, draws: int = COMPARE_DRAWS, seed: int | None = None) -> Analysis:
    """The decision analytics of a comparison (about 2 s on the example case)."""
    from .breakeven import break_even
    from .economics import economic_view
    from .montecarlo import run_risk
    from .scoring import score_vendors
    from .sensitivity import tornado
    case = result.case
    return Analysis(economic_view(result), score_vendors(result), break_even(case, result),
                    tornado(case, result), run_risk(case, draws, seed, comparison=result))


def extend_json(data: dict, result: Comparison, a: Analysis) -> dict:
    """Add the analytics to ``compare --json``'s object (new keys only; existing keys untouched)."""
    econ = {s.id: s for s in a.economics.scenarios}
    risk = {s.id: s for s in a.risk.scenarios}
    for s in data["scenarios"]:
        if s["id"] not in econ:
            continue
        e, r = econ[s["id"]], risk[s["id"]]
        s.update({"lost_contacts": e.lost_contacts, "lost_customer_value": e.lost_customer_value,
                  "economic_annual_cost": e.economic_annual_cost, "economic_npv_cost": e.economic_npv_cost,
                  "economic_npv_savings": e.economic_npv_savings, "p_cheapest": r.p_cheapest,
                  "npv_savings_p10": r.npv_savings_p10, "npv_savings_p50": r.npv_savings_p50,
                  "npv_savings_p90": r.npv_savings_p90})
    data["economics"] = a.economics.as_json()
    data["vendor_scoring"] = a.ranking.as_json()
    data["break_even"] = a.break_even.as_json()
    data["tornado"] = a.tornado.as_json()
    data["risk"] = a.risk.as_json()
    return data
