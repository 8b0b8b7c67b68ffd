"""Continuity of a portfolio (issue 14): what one vendor's failure for a stated number of weeks costs,
with and without a second vendor able to absorb its flows, and the share of volume that depends on it.

For each vendor ``v`` of a portfolio scenario (rows of its block ``pf{p}v{v}``, single values):

- **dependence** = its contacts over the horizon / all contacts over the horizon, where its contacts
  are each channel's contacts x the share the portfolio gives it (its ``vendor_share`` rows);
- **contacts during a failure** = its contacts over the horizon / (horizon years x weeks per year)
  x ``[continuity] failure_weeks``: an average week of the horizon, times the weeks without service;
- **without a backup** every one of them is lost, at today's economic value of a lost contact (the
  analytics' rule, :mod:`xlmodel.analytics.economics`): ``churn_share x value_per_lost_customer``;
- **with a backup** they are absorbed at the backup's cost per contact x (1 + ``surge_premium``); the
  backup is the cheapest other vendor engaged in the portfolio, by its own cost per contact there
  (its invoice over the horizon / its contacts over the horizon); with none engaged, a standby vendor
  priced like the failed one.

The failed vendor's invoice for the weeks it does not serve is left as it is in both cases (a force
majeure clause may waive it): the two costs compare what the failure adds, lost customers or a
backup's surge price.

Worked example (a flat case): a vendor taking 600 000 of 780 000 contacts a year depends 76.9 % of the
volume; 2 weeks out of 52 are 600 000 / 52 x 2 = 23 077 contacts; at 10 % churn and 300 EUR a
customer they are worth 23 077 x 30 = 692 308 EUR lost; a backup at 2.10 EUR a contact with a 25 %
premium takes them for 23 077 x 2.1 x 1.25 = 60 577 EUR.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .refs import Constant, Input, RowKey, RowRef
from .rows import Scenario

if TYPE_CHECKING:
    from .declare import Context

#: The continuity rows of each vendor of a portfolio, in order (the Sourcing sheet shows them).
CONTINUITY_NAMES = ("cont_dependence", "cont_contacts", "cont_cost_unit", "cont_backup_unit", "cont_lost",
                    "cont_backup")


def continuity(ctx: Context, sc: Scenario) -> None:
    """The continuity rows of portfolio scenario ``sc`` (see the module), declared once its rows are."""
    p = int(sc.prefix[2:])
    vendors = ctx.shape.portfolios[p][1]
    channels = range(len(ctx.shape.channels))
    weeks, horizon = Constant("WEEKS_PER_YEAR"), Input("finance", "horizon_years")
    failure = Input("continuity", "failure_weeks")
    contacts, units = {}, {}
    for v in vendors:
        block, name = f"{sc.prefix}v{v}", ctx.shape.vendors[v]

        def add(key, en, fr, unit, expr, scalar=True, **bind):
            return ctx.add(RowKey(block, key), f"{name}: {en}", f"{name} : {fr}", unit, expr, scalar=scalar,
                           scenario=sc.id, **bind)

        contacts[v] = add("cont_dependent", "contacts depending on it", "contacts qui en dépendent", "contacts",
                          " + ".join(f"s{i} * c{i}" for i in channels), scalar=False,
                          **{f"s{i}": RowRef(RowKey(block, "vendor_share", i)) for i in channels},
                          **{f"c{i}": ctx.demand.contacts[i] for i in channels})
        add("cont_dependence", "share of the volume depending on it", "part du volume qui en dépend", "rate",
            "total(own) / total(all)", own=contacts[v], all=ctx.demand.total)
        add("cont_contacts", "contacts during a failure", "contacts pendant une défaillance", "contacts",
            "total(own) / (horizon * weeks) * failure", own=contacts[v], horizon=horizon, weeks=weeks,
            failure=failure)
        units[v] = add("cont_cost_unit", "cost per contact (its invoice / its contacts)",
                       "coût par contact (sa facture / ses contacts)", "money",
                       "total(invoice) / max(1, total(own))", invoice=RowRef(RowKey(block, "vendor_invoice")),
                       own=contacts[v])
    for v in vendors:
        block, name = f"{sc.prefix}v{v}", ctx.shape.vendors[v]
        others = [w for w in vendors if w != v]
        # A vendor of the portfolio given nothing is no backup: it stands in at the failed one's price.
        terms = [f"e{w} * u{w} + (1 - e{w}) * own" for w in others] or ["own"]
        expr = f"min({', '.join(terms)})" if len(terms) > 1 else terms[0]
        backup = ctx.add(RowKey(block, "cont_backup_unit"), f"{name}: backup's cost per contact (cheapest other "
                         "vendor engaged)", f"{name} : coût par contact du secours (autre prestataire retenu le "
                         "moins cher)", "money", expr, scalar=True, scenario=sc.id, own=units[v],
                         **{f"e{w}": RowRef(RowKey(f"{sc.prefix}v{w}", "engaged")) for w in others},
                         **{f"u{w}": units[w] for w in others})
        during = RowRef(RowKey(block, "cont_contacts"))
        ctx.add(RowKey(block, "cont_lost"), f"{name}: failure without a backup (contacts lost)",
                f"{name} : défaillance sans secours (contacts perdus)", "money", "contacts * churn * value",
                scalar=True, scenario=sc.id, contacts=during, churn=Input("customer", "churn_share"),
                value=Input("customer", "value_per_lost_customer"))
        ctx.add(RowKey(block, "cont_backup"), f"{name}: failure with a backup (surge price)",
                f"{name} : défaillance avec secours (prix d'urgence)", "money", "contacts * price * (1 + premium)",
                scalar=True, scenario=sc.id, contacts=during, price=backup,
                premium=Input("continuity", "surge_premium"))


def continuity_json(ev, sc: Scenario) -> list[dict]:
    """The continuity rows of portfolio ``sc``, one record per vendor of it (``compare --json``):
    money in the case currency, the dependence as a fraction."""
    values, out = ev.values, []
    for v, quote in enumerate(ev.case.vendors):
        block = f"{sc.prefix}v{v}"
        if RowKey(block, "cont_lost") not in values:
            continue
        read = {name: float(values[RowKey(block, name)]) for name in CONTINUITY_NAMES}
        out.append({"vendor": quote.name, "volume_share": read["cont_dependence"],
                    "contacts_during_failure": read["cont_contacts"], "cost_per_contact": read["cont_cost_unit"],
                    "backup_cost_per_contact": read["cont_backup_unit"], "cost_without_backup": read["cont_lost"],
                    "cost_with_backup": read["cont_backup"]})
    return out
