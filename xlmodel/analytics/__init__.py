"""Decision analytics over the engine: cost of inaction, vendor scoring, break-even, tornado,
Monte Carlo and the recommendation sentence.  Pure Python and numpy; plain-data results.

=====================================================  ===========================================
call                                                   returns
=====================================================  ===========================================
``economic_view(comparison)``                          :class:`Economics` (cost of inaction, lost
                                                       contacts and economic view per scenario)
``score_vendors(comparison)``                          :class:`VendorRanking`
``break_even(case, comparison=None)``                  :class:`BreakEven`
``tornado(case, comparison=None, driver_ids=None)``    :class:`Tornado`
``run_risk(case, draws=None, seed=None, ...)``         :class:`RiskResult`
``recommendation_sentence(comparison, risk, tornado,   ``str``
lang)``
``analyse(comparison, draws=2000, seed=None)``         :class:`Analysis` (all of the above)
=====================================================  ===========================================
"""

from .breakeven import BreakEven, HybridShare, VendorBreakEven, break_even
from .economics import Economics, ScenarioEconomics, economic_view, erlang_a_abandonment
from .montecarlo import RiskResult, ScenarioRisk, run_risk
from .scoring import VendorRanking, VendorScore, score_vendors
from .sensitivity import Tornado, TornadoBar, tornado
from .summary import Analysis, analyse, recommendation_sentence

__all__ = ["Analysis", "BreakEven", "Economics", "HybridShare", "RiskResult", "ScenarioEconomics", "ScenarioRisk",
           "Tornado", "TornadoBar", "VendorBreakEven", "VendorRanking", "VendorScore", "analyse", "break_even",
           "economic_view", "erlang_a_abandonment", "recommendation_sentence", "run_risk", "score_vendors",
           "tornado"]
