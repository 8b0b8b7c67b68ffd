"""The cost of inaction and the economic view: costs plus the value of the customers lost.

Rules (stated on the Method page, docs/analytics.md):

- **Value of a lost contact** = ``churn_share x value_per_lost_customer`` (``[customer]``).
- **Open days per year** = ``open_days_per_week x 52``.
- **Cost of inaction** (the yearly value of the contacts lost today) =
  ``lost_contacts_per_day x open days per year x churn_share x value_per_lost_customer``.
- **Lost contacts, status quo**: today's ``lost_contacts_per_day x open days per year``, grown with
  volume (``x (1 + growth_rate)^(year - 1)``).
- **Lost contacts, scenarios at target service** (in-house at target, outsourced, hybrid: all sized
  to the same target, so they lose the same share): for each live channel, each month's contacts x
  the channel's lost share, where the lost share is

  - with ``patience_seconds > 0``: the Erlang A (M/M/N+M) abandonment probability of a team of the
    in-house scenario's size that month, for that month's traffic, handling time and patience
    (:func:`xlmodel.erlang.abandon_rate`);
  - otherwise ``(1 - service_level) x late_abandon_share`` (the share answered later than the
    target, times the share of those who hang up first).

  Deferred channels (e-mail) lose nothing: they are answered within their response time.
- **Economic annual cost** = annual cost + lost contacts x value of a lost contact;
  **economic NPV of cost** = one-off + sum over years of it / (1 + r)^y; **economic NPV of savings**
  against in-house at target, like the cost view.

Worked example (the test case): one live channel of 100 000 contacts a year, no growth, target 80 %,
``late_abandon_share`` 0.5, 100 contacts lost a day today, 5 open days a week, churn 10 %, 300 EUR a
customer: a lost contact is worth 0.1 x 300 = 30 EUR; the cost of inaction is
100 x 260 x 30 = 780 000 EUR a year; a target-service scenario loses 100 000 x 0.2 x 0.5 = 10 000
contacts a year, worth 300 000 EUR.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..engine import Comparison
from ..finance import discount_factors
from ..erlang import abandon_rate, contacts_per_interval
from ..model import CONSTANTS, RowKey

WEEKS_PER_YEAR = CONSTANTS["WEEKS_PER_YEAR"][0]
_INTERVAL = float(CONSTANTS["INTERVAL_SECONDS"][0])


def _abandon_share(contacts_in_interval: float, aht_seconds: float, agents: float, patience_seconds: float) -> float:
    """Share of the contacts of one interval that abandon (:func:`xlmodel.erlang.abandon_rate`, Erlang A)."""
    if contacts_in_interval <= 0:
        return 0.0
    if agents < 1:
        return 1.0  # nobody to answer: every caller hangs up
    return abandon_rate(contacts_in_interval, aht_seconds, agents, patience_seconds, _INTERVAL)


@dataclass
class ScenarioEconomics:
    """One scenario's lost contacts and economic view (money in the case currency; lists per year)."""

    id: str
    lost_contacts: list[float]
    lost_customers: list[float]
    lost_customer_value: list[float]
    economic_annual_cost: list[float]
    economic_npv_cost: float
    economic_npv_savings: float
    npv_lost_customer_value: float

    def as_json(self) -> dict:
        return dict(self.__dict__)


@dataclass
class Economics:
    """The cost of inaction and every scenario's economic view."""

    value_per_lost_contact: float
    open_days_per_year: float
    lost_contacts_today_per_year: float
    cost_of_inaction_per_year: float
    lost_share_by_channel: dict[str, float]  # year-1 lost share at target service, per live channel
    rule_by_channel: dict[str, str]          # "erlang_a" | "late_abandon_share" | "deferred"
    scenarios: list[ScenarioEconomics]
    best_economic: str

    def scenario(self, scenario_id: str) -> ScenarioEconomics:
        return next(s for s in self.scenarios if s.id == scenario_id)

    def as_json(self) -> dict:
        return {"value_per_lost_contact": self.value_per_lost_contact,
                "open_days_per_year": self.open_days_per_year,
                "lost_contacts_today_per_year": self.lost_contacts_today_per_year,
                "cost_of_inaction_per_year": self.cost_of_inaction_per_year,
                "lost_share_by_channel": self.lost_share_by_channel, "rule_by_channel": self.rule_by_channel,
                "best_economic": self.best_economic}


def _lost_at_target(result: Comparison) -> tuple[np.ndarray, dict, dict]:
    """Contacts lost per year by a scenario at target service, and per-channel year-1 lost shares."""
    case, ev = result.case, result.evaluation
    years = case.finance.horizon_years
    lost = np.zeros(years)
    shares, rules = {}, {}
    hours = float(ev.values[RowKey("time", "open_hours_month")])
    for i, ch in enumerate(case.channels):
        contacts = np.asarray(ev.values[f"demand.contacts.{i}"], dtype=float)
        if ch.kind != "live":
            rules[ch.name] = "deferred"
            shares[ch.name] = 0.0
            continue
        if ch.patience_seconds > 0:
            # The team of the average interval (with an arrival profile, before its shifts: whole agents,
            # each slot at target).
            key = f"inh.agents.{i}"
            agents = np.asarray(ev.flat_staff.get(key, ev.staff[key]), dtype=float)
            aht = ch.aht_seconds / ch.concurrency  # chats at once share an agent, as in the staffing
            monthly_share = np.array([
                _abandon_share(contacts_per_interval(c, hours, _INTERVAL), aht, n, ch.patience_seconds)
                for c, n in zip(contacts, agents)])
            rules[ch.name] = "erlang_a"
        else:
            monthly_share = np.full(contacts.shape, (1 - ch.service_level) * ch.late_abandon_share)
            rules[ch.name] = "late_abandon_share"
        lost_months = contacts * monthly_share
        lost += lost_months.reshape(years, 12).sum(axis=1)
        shares[ch.name] = float(lost_months[:12].sum() / contacts[:12].sum()) if contacts[:12].sum() else 0.0
    return lost, shares, rules


def economic_view(result: Comparison) -> Economics:
    """The cost of inaction and, per scenario, lost contacts and the economic view (see module)."""
    case = result.case
    years = case.finance.horizon_years
    rate = case.finance.discount_rate
    discount = discount_factors(rate, years)
    per_contact = case.customer.churn_share * case.customer.value_per_lost_customer
    open_days = case.demand.open_days_per_week * WEEKS_PER_YEAR
    growth = (1 + case.demand.growth_rate) ** np.arange(years)
    today = case.inhouse.lost_contacts_per_day * open_days
    status_quo_lost = today * growth
    target_lost, shares, rules = _lost_at_target(result)

    rows = []
    for s in result.scenarios:
        lost = status_quo_lost if s.kind == "status_quo" else target_lost
        value = lost * per_contact
        annual = np.asarray(s.annual_cost, dtype=float) + value
        rows.append((s, lost, value, annual, float(s.one_off_cost + annual @ discount)))
    inhouse = next(r for r in rows if r[0].kind == "inhouse")
    out = []
    for s, lost, value, annual, npv in rows:
        savings = -s.one_off_cost + float((inhouse[3] - annual) @ discount)
        out.append(ScenarioEconomics(
            id=s.id, lost_contacts=lost.tolist(), lost_customers=(lost * case.customer.churn_share).tolist(),
            lost_customer_value=value.tolist(), economic_annual_cost=annual.tolist(), economic_npv_cost=npv,
            economic_npv_savings=0.0 if s.kind == "inhouse" else savings,
            npv_lost_customer_value=float(value @ discount)))
    best = min((e for e, s in zip(out, result.scenarios) if s.meets_target_service),
               key=lambda e: e.economic_npv_cost).id
    return Economics(value_per_lost_contact=per_contact, open_days_per_year=open_days,
                     lost_contacts_today_per_year=today, cost_of_inaction_per_year=today * per_contact,
                     lost_share_by_channel=shares, rule_by_channel=rules, scenarios=out, best_economic=best)
