"""English: every word the program writes, by the part that writes it.

:mod:`xlmodel.text.fr` has the same names and keys (a test checks it); numbers never depend on
the language.  Over 400 lines (about 770): one entry per text key, each block of keys kept by the part
that writes it (issue 16's validation problems, PROBLEMS and PLACES, last).
"""

# The workbook (xlmodel.workbook.sheets): titles, headers, labels and help texts.
WORKBOOK = {
    "inputs_title": "Inputs: type your figures in the yellow cells",
    "inputs_help": "Blue on yellow = input. Every input has a unit, bounds (data validation) and a note with "
                   "its source. Everything else is calculated and locked (protection without password).",
    "label": "Input", "value": "Value", "unit": "Unit", "source": "Note and source",
    "seasonality": "Seasonality weight", "months": ["January", "February", "March", "April", "May", "June",
                                                    "July", "August", "September", "October", "November",
                                                    "December"],
    "channels": "Channels (one row per channel)", "constants": "Constants (locked)",
    "channels_help": "Blue on yellow = input. Live channels (phone, chat) are sized on their service target, "
                     "deferred ones (e-mail, letters) on their workload within the response time. Add a channel "
                     "by rebuilding with it in the case file.",
    "vendors_title": "Vendor quotes: one row per quote",
    "vendors_help": "Pricing models: per hour (per logged agent hour), per FTE-month, per minute (handled "
                    "minute), per contact, fixed monthly. Add a quote by rebuilding with it in the case file.",
    "hybrid_title": "Hybrid: the vendor takes part of the work, experts stay in-house",
    "hybrid_help": "Modes: share (a fixed share of every channel), extended hours (the vendor opens evenings "
                   "and weekends and takes the contacts arriving then), overflow (the vendor takes the volume "
                   "above the in-house capacity in peak months), channel (the vendor takes whole channels).",
    "to_vendor": "Goes to the vendor (channel mode)", "hybrid_scenario": "Hybrid scenario",
    "calc_title": "Calculation: one column per month, one formula per row",
    "line_item": "Line item", "month_start": "Month starting",
    "staffing_title": "Staffing: agents on duty sized by Erlang C (Erlang A where a channel chooses it), in native formulas (live)",
    "staffing_help": "The agents on duty are computed here by native formulas: an exact Erlang C or Erlang A search (the "
                     "Method sheet states it), so an edited input recalculates them in any Excel. Below them, "
                     "their twin sized by xlmodel in Python, checked equal at every build.",
    "staffing_native": "Agents on duty: native Erlang C or A (live; the Calc sheet uses these rows)",
    "staffing_twin": "Python twin: the same agents sized by xlmodel at build (values)",
    "twin_agree": "Native agents equal the Python twin (sum of squared differences within tolerance)",
    "twin_verified": "Python twin",
    "twin_ok": "agrees with the native agents",
    "twin_differs": "DIFFERS from the native agents although the inputs are those of the build: a model bug",
    "twin_stale": "verified at build; inputs changed since, so the native agents above are the live ones "
                  "(the 'refresh' macro or a rebuild checks them again)",
    "sized_inputs": "Inputs the Python twin was sized from", "at_sizing": "At build", "now": "Now",
    "sizing_current": "Inputs unchanged since the build (1)",
    "staffing_covered": "Native staffing search exact in every month (traffic within 60,000 Erlangs per interval)",
    "staffing_search": "The native search, step by step (each staffing row: its traffic, the search, the "
                       "occupancy floor)",
    "staffing_verified": "Native staffing equals its Python twin (verified at build when inputs changed since)",
    "year_number": "Year",
    "compare_title": "Scenarios side by side",
    "compare_help": "Savings, ROI, payback and IRR are measured against in-house at the target service level "
                    "(the same service). NPV: year y discounted by (1 + r)^y, one-off costs at signature (t = 0).",
    "annual_cost": "Annual cost", "year": "Year", "cost_lines": "Annual cost by cost line",
    "one_off": "One-off costs at signature", "one_off_total": "One-off costs, total",
    "discount_factor": "Discount factor", "npv_cost": "NPV of cost", "npv_savings": "NPV of savings vs in-house",
    "roi": "ROI (NPV of savings / one-off)", "payback": "Payback month", "irr": "IRR",
    "flow": "Net cash flow vs in-house", "cumulative": "Cumulative net cash flow vs in-house",
    "contacts": "Contacts (all channels)", "cost_per_contact": "Cost per contact",
    "fte": "In-house agents (FTE, average)", "vendor_fte": "Vendor FTE billed (average)",
    "average_cost_line": "Average annual cost by cost line", "eligible": "Meets the target service",
    "eligible_npv": "NPV of cost, if eligible", "reference": "reference", "na": "n/a",
    "no_single_irr": "no single IRR",
    "after_tax": "After corporation tax (a separate view: the pre-tax figures above rank the scenarios)",
    "npv_cost_after_tax": "NPV of cost after tax", "npv_savings_after_tax": "NPV of savings vs in-house after tax",
    "checks_title": "Checks: each is 1 when true; the master check is the minimum",
    "check": "Check", "result": "Result", "master": "Master check (all checks pass)",
    "check_seasonality": "Seasonality weights average 1",
    "check_annual": "Annual costs reconcile with the monthly calculation",
    "check_lines": "Cost lines add up to the annual costs",
    "check_npv": "NPV of savings = NPV of cost in-house - NPV of cost of the scenario",
    "check_prices": "Every vendor has a price above 0",
    "check_horizon": "Horizon as built (one column per month of it on Calc: a new horizon needs a rebuild)",
    "check_python": "Python functions agree with their native twins (when the add-in is loaded)",
    "python_block": "Python functions (need the xlwings add-in; see the README)",
    "short_label": "Short label (charts)",
    "risk_title": "Risk and decision analytics (computed by xlmodel in Python)",
    "risk_help": "Tornado, Monte Carlo, vendor scoring, break-evens and the economic view are computed in "
                 "Python and written as values; the check below turns red when the inputs change, until the "
                 "'refresh' macro or a rebuild recomputes them. Method: the Method sheet.",
    "risk_base": "Base of this analysis", "risk_scenario": "Scenario analysed",
    "risk_base_at_analysis": "NPV of savings when analysed", "risk_base_now": "NPV of savings now (native)",
    "risk_current": "Risk analysis matches the current inputs",
    "settings_used": "Scoring and risk settings used", "value_used": "Used", "value_now": "Now (Inputs)",
    "changed": "Changed (1)",
    "driver": "Driver", "low_change": "Low change", "high_change": "High change",
    "at_low": "NPV of savings, low", "at_high": "NPV of savings, high",
    "delta_low": "Change at low end", "delta_high": "Change at high end",
    "monte_carlo": "Monte Carlo: NPV of savings vs in-house", "seed": "seed", "draws": "draws",
    "p_cheapest": "Probability of being cheapest",
    "risk_note": "Percentiles over the draws of the uncertain drivers (their ranges: Inputs sheet, Risk ranges).",
    "histogram": "Distribution of the NPV of savings", "bin_from": "From", "bin_to": "To", "bin_label": "Range",
    "bin_range": "{low}–{high} k{symbol}",  # a histogram bin in thousands: "1,666–2,136 k€"
    "count": "Draws", "scoring": "Vendor scoring (weighted, scores 1-5)", "vendor": "Vendor",
    "total": "Total", "rank": "Rank", "knock_out": "Knocked out by", "weights": "Weights",
    "break_even": "Break-even: where outsourcing and in-house cost the same NPV",
    "pricing_model": "Pricing model", "price": "Quoted price", "break_even_price": "Break-even price",
    "break_even_at": "{vendor} at {price} (quoted price {quoted})", "break_even_none": "{vendor} (none)",
    "headroom": "Headroom", "break_even_volume": "Break-even volume (contacts/year)", "note": "Note",
    "best_share": "Hybrid share with the lowest NPV of cost",
    "economic": "Economic view: costs plus the value of lost customers",
    "inaction": "Cost of inaction (value of contacts lost today, per year)",
    "economic_npv_cost": "Economic NPV of cost", "lost_value_npv": "NPV of lost customers",
    "python_missing": "Python add-in not loaded",
    "method_title": "Method: how every figure is computed",
    "dashboard_title": "Customer service: in-house, outsourced or hybrid?",
    "recommendation": "Recommendation", "scenario": "Scenario", "checks_status": "Checks",
    "all_ok": "all checks pass", "not_ok": "A CHECK FAILS: see the Checks sheet",
    "chart_cost": "Average annual cost by cost line", "chart_cash": "Cumulative net cash flow vs in-house",
    "chart_tornado": "Sensitivity of the recommended option (tornado)",
    "chart_tornado_top": "Sensitivity of the recommended option: the {count} largest swings",
    # The recommendation: one template, rendered in Python (text.sentences.recommendation) and as the
    # Dashboard's native formula (text.sentences.recommendation_formula).
    "rec_option": "Recommended: {option}. It saves {saving} {currency} in NPV over {horizon} against "
                  "in-house at the same service level ({targets}), {payback}",
    "rec_horizon_one": "1 year",
    "rec_horizon_many": "{years} years",
    "rec_payback": "payback in month {month}",
    "rec_no_payback": "payback beyond the horizon",
    "rec_inhouse": "Recommended: keep the service in-house, staffed to the target service level ({targets}); "
                   "the cheapest alternative, {option}, {costs}",
    "rec_cheapest": "; cheapest in {share} of {draws} simulated draws",
    "an_cheapest": "Computed by xlmodel from these inputs (Risk sheet): {option} is the cheapest in {share} of "
                   "{draws} simulated draws",
    "analytics_words": "The analytics in words (shown on the Dashboard while they match the inputs)",
    "analytics_stale": "Out of date: the risk analysis, tornado, vendor scoring and break-evens (Risk sheet) were "
                       "computed from other inputs. Refresh them: the refresh macro (xlwings add-in), or python "
                       "cli.py build -o BOOK.xlsx. The recommendation above is live.",
    "rec_drivers": ". On the NPV saving{of}, {lead}: {drivers}",
    "rec_of": " of {scenario}",
    "elisions": "",  # French elides (d'Externalisé): xlmodel.text.elide
    "elision_before": "",
    "rec_lead_flip": "the two drivers that could flip it",
    "rec_lead_sensitive": "the two drivers it is most sensitive to",
    "rec_driver": "{driver} ({change}: {low} to {high} {currency})",
    "rec_and": " and ",
    "rec_neither": " (none of the {count} drivers of the tornado flips it within its range)",
    "target_live": "{channel} {level} in {seconds} s",
    "target_deferred": "{channel} within {hours} h",
    "service_targets": "Target service",
    "points": " pts",
    "thousands": ",",
    "not_reached": "not reached", "staff_unit": "agents",
    "conf_help": "xlwings settings: the Python module with the functions (UDFs) and macros.",
    "seasonality_unit": "x average month",
    "seasonality_source": "The 12 weights must average 1 (checked on the Checks sheet).",
    "group_time": "Timeline and flags",
    "group_demand": "Demand",
    "group_vendor": "Vendor terms: {name}",
    "group_years": "Years: column D is the signature (year 0), then one column per year",
    "group_finance": "Finance by year: {label}",
    # Page headers and footers (xlmodel.workbook.printing): &P is the page, &N the page count.
    "print_page": "Page &P of &N",
    "print_calc_note": "yearly results; the monthly timeline (one column per month) is read on screen",
    "print_staffing_note": "the first 12 months; the whole timeline is read on screen",
    "print_method_note": "the defaults and sources of the inputs print on the Inputs sheet",
    "short_status_quo": "Status quo",
    "short_inhouse": "In-house",
    "short_hybrid": "Hybrid: {name}",
    "rate_hint": "A percentage: type 45% (stored as 0.45).",
    "method_rows": "Line items: the formula of each kind of row",
    "method_inputs": "Inputs: defaults and sources",
    "method_default": "{label} (default {default}). {source}",
    "bounds_words": {" and ": " and ", "any value": "any value"},  # French translates the bounds text
    "decimal": ".",  # the decimal mark of numbers written as text; below, the input cells' validation messages
    "validation": {"choose": "Choose one of: {choices}", "text": "Text of {lo} to {hi} characters",
                   "error_title": "Invalid input", "prompt_title": "Input", "no_unit": "no unit",
                   "whole": "a whole number", "number": "a number", "between": "between {lo} and {hi}",
                   "strictly": " (strictly)", "above": "above {lo}", "at_least": "at least {lo}",
                   "below": "below {hi}", "at_most": "at most {hi}", "any_size": "of any size",
                   "enter": "Enter {what} {bounds} ({unit})", "prompt": "Unit: {unit}. {what} {bounds}."},
    # Lead, issue 16: the hybrid share's NPV of cost said in its note, not under the volume header
    "best_share_npv": "NPV of cost at this share: {npv} {cur}",
}
"""Keyed by what the word is for; templates take ``str.format`` fields (``{name}``)."""

# Units of the Calc rows, by the model's unit names (``{cur}``: the case currency).
UNITS = {"money": "{cur}", "fte": "FTE", "contacts": "contacts", "hours": "hours", "minutes": "minutes",
         "seconds": "seconds", "agents": "agents", "flag": "0/1", "index": "factor", "number": "number",
         "rate": "rate", "erlangs": "Erlangs", "weeks": "weeks", "relative": "relative", "Erlangs": "Erlangs"}

# The Method sheet's conventions: ('h', heading) or ('p', paragraph).
METHOD = [
    ("h", "Scenarios"),
    ("p", "Status quo: today's agents (FTE) and today's service, with its lost contacts. It costs less only "
          "because it serves customers worse: it is shown, never recommended."),
    ("p", "In-house at target service: agents sized by Erlang C to each channel's service target (share "
          "answered within N seconds) under its occupancy cap, then converted to FTE with shrinkage and "
          "training time. It is the reference: every saving is measured against it (same service level)."),
    ("p", "Outsourced: one scenario per vendor quote. The vendor handles every contact, at its own handling "
          "time (AHT factor, with a ramp-up premium fading linearly over the ramp-up months) and with the "
          "repeat contacts its first-contact resolution implies (contacts x FCR in-house / FCR vendor). It "
          "is billed at the same service level: logged hours are at least the Erlang C hours."),
    ("p", "Committed service level: a quote committing to less than a live channel's target is not comparable "
          "(never recommended). A service below the target costs its gap: the contacts answered late beyond "
          "it (target - the service delivered, the commitment less its expected shortfall) x the channel's "
          "late-abandon share x churn x value of a customer, so that a lower commitment never lowers the cost."),
    ("p", "Hybrid: one scenario per vendor, in the chosen mode (share, extended hours, overflow, channel). "
          "Each side is sized on its own part of the volume: splitting a queue loses pooling efficiency, and "
          "the model shows it. Running two organisations costs the vendor minimum, set-up, transfer, "
          "integration and exit provision, shown explicitly."),
    ("h", "Like for like: the rules both parties are costed by"),
    ("p", "Hours basis: an in-house FTE works its worked hours a year (1,607 h in France: 35 h a week once the "
          "five weeks of paid leave and the public holidays are out); a vendor FTE works its quote's worked "
          "hours per billed FTE-month, on the same basis (leave out)."),
    ("p", "Shrinkage: the share of those worked hours spent off contacts (sickness, breaks, ongoing training, "
          "meetings, off-phone work), never the leave again; each party has its own, and the FTE a vendor "
          "bills follow from the work and its shrinkage (at least what the work needs)."),
    ("p", "Flex rule: each month each party pays its year's peak less its own seasonal flexibility x (peak - the "
          "month's need), in-house on its FTE, the vendor on its billed hours and FTE; unit-priced quotes "
          "follow the volume (the vendor carries the flex)."),
    ("p", "Scheduling efficiency: agents on duty are sized on an average half-hour; covering a peaked week with "
          "whole shifts needs agents on duty x service hours / the scheduling efficiency of scheduled time (one "
          "input for both parties; 1: no loss): in-house on its FTE, the vendor on the logged hours of its "
          "per-hour and per-FTE quotes; per-contact and per-minute prices absorb it."),
    ("p", "Minimum's scope: a monthly minimum, like a fixed monthly fee, is quoted for the whole scope; a hybrid "
          "carries it in proportion to its share of that scope's work, so splitting a scope never raises it."),
    ("p", "IRR rule: the rate at which the NPV of savings is 0 (cash flows: - one-off at t = 0, then the yearly "
          "savings), given only when the one-off costs are recovered within the horizon and the net cash flow "
          "changes sign once; when it changes sign more than once there may be several such rates, and the "
          "workbook says 'no single IRR'."),
    ("p", "Risk drivers: every numeric input that reaches a cost is a driver of the tornado (and of the Monte "
          "Carlo, but for the vendor prices, the discount rate and the committed service level) or is left out "
          "for a stated reason (a target, a fact of the client's, a quoted figure, a design choice); the "
          "recommendation says that no driver flips it only when none does."),
    ("p", "Staff transfer (Code du travail L1224-1): a quote may take today's agents over with their contracts. "
          "Its leavers get no severance and are not paid in a parallel run (they work on as the vendor's staff); "
          "the quote prices them as an uplift on its invoice (their pay and seniority, dearer than its own "
          "hires). It needs an onshore site; the other transition costs stay as typed."),
    ("h", "Taxes"),
    ("p", "VAT: vendor invoices and the set-up fee bear VAT at the VAT rate (20% in France); salaries bear none. "
          "A vendor abroad (nearshore, offshore) invoices without VAT and the client self-assesses it (reverse "
          "charge) at the same rate. The client recovers its share of it: the VAT not recovered, invoice x rate "
          "x (1 - share recovered), is a cost line (zero for a taxable company, the whole VAT for an exempt "
          "bank, insurer, hospital or public body)."),
    ("p", "After-tax view, beside the pre-tax figures (never instead): costs are deducted from a profit taxed at "
          "the corporation tax rate (25.8% in France in 2026: 25% plus the 3.3% social contribution), each "
          "year's cost in its year and the one-off costs in the year stated (at signature by default). NPV of cost "
          "after tax = one-off x (1 - tax / (1 + r)^d) + (1 - tax) x the NPV of the yearly costs; with d = 0 every "
          "NPV scales by (1 - tax) and the ranking cannot change. The recommendation is on the pre-tax figures."),
    ("h", "Conventions"),
    ("p", "Time: one column per month over the horizon; annual totals are the sums of the months of each "
          "year (year 1 = the 12 months from January of the first year)."),
    ("p", "NPV of cost = one-off costs + Σ over the years y of (annual cost of year y) / (1 + r)^y: end-of-year "
          "discounting, one-off costs at signature (t = 0), with explicit discount factors. Excel's NPV() "
          "discounts its first value by one period; it is not used."),
    ("p", "NPV of savings = − one-off costs + Σ over the years y of (in-house cost − scenario cost, of year y) / "
          "(1 + r)^y. ROI = NPV of savings / one-off costs."),
    ("p", "Payback month: the first month at which the cumulative undiscounted saving, each year's saving "
          "spread evenly over its 12 months, reaches the one-off costs; 0 without one-off costs (the status quo, "
          "which changes nothing, has none: n/a)."),
    ("p", "Staffing: contacts arrive evenly over the opening hours (no intraday profile); agents on duty are "
          "sized per 30-minute interval. Chat concurrency divides the handling time. Deferred channels "
          "(e-mail) need their workload divided by the occupancy cap. In-house headcount each month = peak "
          "of the year - seasonal flexibility x (peak - need)."),
    ("p", "The Staffing sheet sizes every team in native formulas, so an edited input recalculates the agents "
          "in any Excel: traffic A = contacts per interval x handling time / 1,800 s; Erlang B(N) = "
          "POISSON(N, A, FALSE) / POISSON(N, A, TRUE); Erlang C = N B / (N - A (1 - B)); service level SL(N) "
          "= 1 - C x EXP(-(N - A) x answer time / handling time). The smallest N with SL(N) >= target is found "
          "by a binary search from ROUNDDOWN(A): twelve steps of 2,048 agents, then 1,024, ... down to 1 (each a locked "
          "value in column C of its row), each candidate the last one minus the step if the last met the "
          "target, plus the step otherwise; a candidate at or above A + handling / answer time x LN(1 / (1 - "
          "target)) meets the target whatever C, so it is not computed. Then the occupancy cap: at least the "
          "smallest k with A / k <= cap. Agents = (A > 0) x MAX(search + 1, k); deferred channels A / cap; the "
          "year's peak by SUMPRODUCT(MAX(...)) over its months. The search is exact up to 60,000 Erlangs per "
          "interval and 4,095 agents above the traffic (the Staffing sheet checks it every month; a case beyond "
          "is refused)."),
    ("p", "Erlang A (a channel sized by Erlang A, with a mean patience): callers hang up after an exponential patience; "
          "an abandon fails the target (answered within the time over all contacts) and the occupancy cap applies "
          "to the handled traffic. With r = patience / handling time, x = N r, y = A r, u = EXP(-answer time / "
          "patience), G_s(z) = GAMMADIST(z, s, 1, TRUE): mass below N rho = POISSON(N - 1, A, TRUE) x EXP(x LN(y) "
          "- y - GAMMALN(x + 1) - LN(POISSON(N, A, FALSE)) - LN(G_x(y))); service level = (rho + x / y (G_x+1(y) - "
          "G_x+1(y u)) / G_x(y)) / (rho + 1); occupancy = A (rho + x / y G_x+1(y) / G_x(y)) / (N (rho + 1)). The "
          "same search from ROUNDDOWN(target x A / cap) - 1; far above the traffic Erlang C decides (it bounds "
          "Erlang A). Exact up to 5,000 Erlangs per interval and a patience of 50 handling times."),
    ("p", "The same agents sized by xlmodel in Python (the Erlang B recursion) are written beside them as "
          "their twin, with the inputs they were sized from; every build checks that both agree. After an "
          "input is edited the native agents are the live ones and the twin says 'verified at build', until "
          "the 'refresh' macro or a rebuild."),
    ("p", "Money in the case currency; rates are fractions (0.08 = 8%); vendor prices indexed yearly: P = "
          "P0 x (fixed share + (1 - fixed share) x (1 + indexation)^(year - 1))."),
]

# The quote form (xlmodel.tender).
FORM = {
    "instructions": "Instructions",
    "quote": "Quote",
    "title": "Quote form: outsourcing of customer service",
    "quote_help": "Type your answers in the yellow cells only; read the Instructions sheet first. Every "
                  "amount is in {currency}, excluding VAT.",
    "currency": "Currency of every amount",
    "field": "Field",
    "answer": "Your answer",
    "unit": "Unit",
    "guidance": "Guidance",
    "default": "Blank: counted as {value}.",
    "paragraphs": (
        "Thank you for answering our request for proposal. Give your offer in the '{quote}' sheet: type your "
        "answers in the yellow cells of the column '{answer}'. Every other cell is locked.",
        "One form per offer. If you propose several options (onshore and nearshore, per-hour and per-FTE "
        "pricing...), copy this file and fill one form for each, each with its own name in the first row "
        "(e.g. 'Acme - nearshore').",
        "Units: each row states its unit in the column '{unit}', and each yellow cell has a note (hover over "
        "it) giving the unit and the accepted range. Every amount is in {currency}, excluding VAT.",
        "Rates and shares are percentages: their cells are formatted as %, so type 45% and the cell stores "
        "the fraction 0.45. Typed as a plain number, a rate is a fraction: 0.45 for 45 %.",
        "Pricing model: choose one from the list: per hour (per logged agent hour), per FTE-month (per "
        "billed full-time agent per month), per minute (per handled minute), per contact (per handled "
        "contact) or fixed monthly (a fixed monthly fee). The price is in that model's unit.",
        "Required: your company's name, the pricing model, the price, and the contact's name and e-mail. A "
        "blank optional cell counts as the value stated in the column '{guidance}'; please answer every row "
        "all the same.",
        "Do not change the layout: do not insert, delete, move or rename rows, columns or sheets, and keep "
        "the hidden column. The form is read automatically; the sheets are protected without a password only "
        "to prevent accidents.",
        "Not asked here: the quality of service, security and GDPR compliance, financial solidity and the "
        "fit of your location are rated by us, the client (site visits, references, audits, credit ratings).",
        "Return this file in Excel format (.xlsx), not as PDF or CSV. Macros and links to other files are "
        "not read: a returned file that has them is accepted, but they are ignored.",
    ),
    "labels": {
        "name": "Company name (name of this offer)",
    },
    "price_unit": "{currency} per pricing unit (see guidance)",
    "groups": {
        "company": "Your company",
        "price": "Price",
        "operations": "Operations and productivity",
        "certifications": "Certifications",
        "contract": "Contract",
        "references": "Client references (client, sector, scope, since when)",
    },
}

# What each row of the quote form asks, in the vendor's words, by field name.
GUIDANCE = {
    "name": "Required. Your company's name as it will appear in the comparison; one name per offer (e.g. "
            "'Acme - nearshore' for a second offer).",
    "location": "Where the agents work: onshore (France), nearshore (e.g. North Africa, Southern Europe) or "
                "offshore.",
    "production_sites": "The sites that would serve us.",
    "production_countries": "The countries of those sites (data may be processed there).",
    "annual_revenue": "Group revenue of the last closed financial year.",
    "years_in_business": "Years since your company was founded.",
    "agent_headcount": "Agents employed today, all clients together.",
    "contact_name": "Required. Who answers our questions on this quote.",
    "contact_email": "Required.",
    "pricing_model": "Required. per hour: per logged agent hour; per FTE-month: per billed full-time agent "
                     "per month; per minute: per handled minute; per contact: per handled contact; "
                     "fixed monthly: a fixed fee per month.",
    "price": "Required. Excluding VAT, in the unit of the pricing model above.",
    "minute_unit": "Per-minute prices only: agent minutes (the minutes your agents spend on our contacts: a "
                   "chat handled two at a time counts half its length) or contact minutes (each contact's own "
                   "length).",
    "setup_fee": "Excluding VAT, invoiced once at the start (transition, training, set-up).",
    "minimum_monthly": "The minimum monthly invoice, if any (0: none).",
    "indexation_rate": "Expected yearly revision of prices (e.g. 2.5 % for a Syntec-type index).",
    "indexation_fixed_share": "The part of the price the revision clause does not index: P = P0 x (fixed "
                              "share + (1 - fixed share) x index ratio).",
    "bonus_malus": "Expected bonus (+) or penalty (-) on the invoice, as a share of it.",
    "staff_transfer": "yes if this price takes our agents over with their contracts (Code du travail L1224-1), "
                      "on a site in France; no otherwise. Quote both as two answers if you offer both.",
    "transfer_uplift": "With a transfer only: what you add to the price for the agents taken over (their pay, "
                       "seniority and agreement), as a share of the invoice (0 if the price includes them).",
    "aht_factor": "Your average handling time once in steady state, relative to ours (1.00 = the same, 1.10 "
                  "= 10 % longer).",
    "ramp_up_months": "Months until your handling time reaches the steady state.",
    "ramp_up_aht_premium": "Extra handling time in the first month, fading to 0 over the ramp-up.",
    "occupancy_billed": "Per-hour contracts: handled time / logged time your price assumes.",
    "hours_per_fte_month": "Worked hours per billed FTE per month: your contractual working time, after paid "
                           "leave and public holidays (e.g. 1 607 h / 12 = 133.9 h in France).",
    "shrinkage": "Share of worked hours your agents are off contacts: sickness, training, meetings, coaching, "
                 "breaks (not paid leave nor public holidays, already out of the worked hours).",
    "seasonal_flex": "Per-hour and per-FTE contracts: the share of our seasonal swing your invoice follows "
                     "below the year's peak month (0: billed at the peak all year; 1: every month's hours).",
    "fte_proposed": "Per-FTE contracts only: the FTE you propose to bill (0 or blank otherwise).",
    "first_contact_resolution": "Share of contacts resolved without a repeat contact.",
    "committed_service_level": "Share of contacts answered within the target time that you commit to, with "
                               "penalties.",
    "languages": "Language codes, separated by commas (e.g. fr, en, es).",
    "coverage_24_7": "Can you serve 24 hours a day, 7 days a week?",
    "certified_nf345_iso18295": "Current certificate for the sites above.",
    "certified_iso27001": "Current certificate for the sites above.",
    "certified_pci_dss": "Compliant for card payments taken by phone.",
    "minimum_term_months": "The shortest contract you accept.",
    "exit_notice_months": "Notice to end the contract.",
    "quote_validity_months": "How long these prices hold from today.",
    "reference_1": "A client we may call: company, sector, scope, since when, contact.",
    "reference_2": "As above.",
    "reference_3": "As above.",
}

# The unit of a quoted price, by pricing model.
PRICE_UNITS = {
    "per_hour": "per logged agent hour",
    "per_fte_month": "per billed FTE per month",
    "per_minute": "per handled minute",
    "per_contact": "per handled contact",
    "fixed_monthly": "per month (fixed fee)",
}

# Issue 14, portfolio scenarios (the Sourcing sheet, the terminal, the notes): one block, kept apart.
WORKBOOK.update({
    "sourcing_title": "Sourcing: portfolios of vendors and the in-house team, channel by channel",
    "sourcing_help": "Each portfolio gives every channel to the in-house team, to vendors by shares (the in-house "
                     "team takes the rest), or to one vendor in a mode: extended hours (the contacts outside the "
                     "in-house opening hours) or overflow (the volume above in-house capacity). Shares, modes and "
                     "vendors are live; a vendor new to a portfolio and the channels a quote covers take effect "
                     "at the next rebuild.",
    "quoted_title": "Channels each quote covers (blank: every channel)",
    "quoted_channels": "Channels quoted",
    "portfolio_title": "Portfolio {number}",
    "portfolio_name": "Portfolio name",
    "pf_mode": "Mode",
    "pf_vendor": "Vendor of the mode",
    "pf_inhouse": "In-house share (the rest)",
    "pf_shares": "Share to each vendor (by shares)",
    "pf_results": "Teams and invoices, year 1",
    "pf_inhouse_fte": "In-house FTE",
    "pf_vendor_fte": "Vendor FTE billed: {vendor}",
    "pf_invoice": "Invoice: {vendor}",
    "pf_governance": "Governance: {vendor}",
    "pf_pooling": "Pooling loss (FTE)",
    "pf_valid": "Valid (1)",
    "check_sourcing": "Portfolio assignments valid (shares at most 100%, a mode's vendor in the portfolio)",
    "method_portfolio_title": "Portfolio scenarios",
    "method_portfolio": "A portfolio gives each channel to the in-house team, to vendors by shares, or to one "
                        "vendor for the contacts outside the in-house opening hours (extended hours) or the volume "
                        "above in-house capacity (overflow). Each team is sized on its own part; the pooling loss is "
                        "the agent hours the split queues need beyond each party's prorated part of one pooled "
                        "queue per channel, in in-house FTE. Each vendor is invoiced from its own quote, its minimum "
                        "carried in proportion to its share of the channels it quotes for. Each vendor is governed "
                        "on its own: the governance rate of its invoice, at least the governance floor (one vendor "
                        "manager per vendor). Each vendor engaged brings its set-up fee, knowledge transfer, IT "
                        "integration and exit provision; today's agents leave once (one severance, one parallel run).",
    "short_portfolio": "Portfolio: {name}",
    "portfolio_analytics": "The tornado, the Monte Carlo and the economic view cover the portfolio scenarios, phased "
                           "ones included; the break-evens and the vendor scoring are per quote (its outsourced "
                           "scenario, its hybrid share) and do not apply to a portfolio, which mixes several quotes.",
})

# Issue 16 (board words): the Method sheet's formulas in words, the kinds of FTE, units and tax basis.
WORKBOOK.update({
    "method_reading": "Each line reads 'line item = formula'. Operands are named as on the Calc, Inputs and Channels "
                      "sheets; × multiplies, / divides, ^ raises to a power, Σ sums; '1 if condition, else 0' is a "
                      "flag. A vendor's or a scenario's line shows the first one of its kind; the others follow the "
                      "same formula with their own figures.",
    "method_seasonality": "Monthly seasonality weights",
    "method_to_vendor": "{channel} goes to the vendor (yes/no)",
    "method_this_one": "this one",
    "scenario_key": "Scenario key (for the formulas)",
    "not_applicable": "n/a",
    "fte_paid": "Paid FTE in-house (average)",
    "fte_billed": "Billed FTE vendor (average)",
    "fte_note": "FTE are not one unit: paid FTE in-house are agents on the payroll (each works the paid hours less "
                "leave, training and shrinkage); billed FTE vendor are what the vendor's invoice counts at its own "
                "hours per FTE-month (for a per-minute or per-contact quote, the FTE its work needs). Compare costs, "
                "not heads.",
    "tax_basis": "Tax basis: costs and savings before corporation tax (at {tax}%, the after-tax NPVs are on the "
                 "Compare sheet); vendor invoices net of the VAT recovered ({recovery}% of the {vat}% VAT; what is "
                 "not recovered is a cost line).",
    "fte_paid_year1": "Paid FTE in-house (year-1 average)",
    "decimal_mark": ".",
    "colon": ": ",
    "semicolon": "; ",
})

# Issue 14, phased portfolios and the pilot's scorecard (w6-phases): one block, kept apart.
WORKBOOK.update({
    "pf_phase": "Phase {number}: from month",
    "kpi_title": "Phase {number}: KPI targets",
    "kpi_target": "Target",
    "kpi_measured": "Measured (type it)",
    "kpi_status": "Status",
    "kpi_met": "met",
    "kpi_not_met": "not met",
    "kpi_to_measure": "to measure",
    "method_phases_title": "Phased portfolios",
    "method_phases": "A phased portfolio changes its assignments at the months its phases start (a pilot, then a "
                     "wider scope): each month takes the shares and service hours of its phase, and each party's "
                     "peak (the flex rule) is taken within the year and the phase. A phase starting after month 1 "
                     "brings its one-off costs in its first month: set-up fee, knowledge transfer, IT integration "
                     "and exit provision of each vendor engaged for the first time, and the severance and parallel "
                     "run of the in-house agents it no longer needs (FTE the month before less FTE in its first "
                     "month). They are in that year's cost (the payback spreads each year's saving over its months); "
                     "the ROI divides by the one-off costs at signature.",
})
# Issue 16 (board-ready pages): the unit names the rendered pages showed untranslated.
UNITS.update({"handling_times": "handling times"})
# Issue 15 (real schedules, cross-field checks): the weekly arrival profile on Staffing, Checks and Method.
WORKBOOK.update({
    "staffing_profile": "Weekly arrival profile: agents its shifts add to each live team over the average slot "
                        "(each slot of the week sized on its own, then worked as shifts: Python values of the "
                        "build, which the native agents above add; after an edit, rebuild)",
    "profile_uplift_row": "{row} \u2013 agents the arrival profile adds (its slots sized one by one, then worked as shifts)",
    "check_sizing_rules": "Erlang A channels state a patience > 0 and at most 50 handling times (AHT / concurrency)",
    "check_quote_rules": "Quotes: a staff transfer on an onshore site, an uplift only with a transfer, FTE proposed "
                         "only on a per-FTE quote",
    "check_finance_rules": "Finance: VAT recovered between 0 and 1, one-off costs deducted within the horizon",
    "check_profile": "Arrival profile sized at the current inputs (its shifts are sized at build: after an edit "
                     "of the profile or the staffing inputs, rebuild)",
})
METHOD.insert(next(k for k, (_, text) in enumerate(METHOD) if text.startswith("Scheduling efficiency")) + 1, (
    "p", "Weekly arrival profile (optional: a weight per open day and per slot of a day): each slot of the week gets "
         "the share day weight x slot weight / (sum of the day weights x sum of the slot weights) of the contacts, "
         "each live slot is sized on its own (Erlang C or A at the average traffic x its share / the average share), "
         "and each level of a day's curve is worked by shifts of at least the shortest shift (at most the day), a run "
         "of slots joining the shift before it when that costs no more than a shift of its own; agents on duty = "
         "scheduled agent-slots / slots of the week. A flat profile gives today's figures; a peak shorter than a "
         "shift costs that shift. In-house and vendor teams alike (the logged hours of per-hour and per-FTE quotes "
         "follow it); deferred work is not profiled."))
# Issue 14 (continuity, re-internalisation): the Sourcing sheet's continuity block, the Calc group,
# the re-internalisation scenario's words, the terminal's tables and the Method paragraphs.
WORKBOOK.update({
    "group_continuity": "Continuity: {label}",
    "check_reinternalisation": "Year back in-house is 0 (none) or from 2 to the horizon",
    "check_reinternalisation_none": "Year back in-house is 0 (a year needs a rebuild, which adds its scenario)",
    "cont_title": "Continuity: one vendor's failure",
    "cont_help": "For each vendor of each portfolio: the share of the volume that depends on it, and what its "
                 "failure for the weeks of 'Vendor failure: weeks without service' (Inputs) costs. Without a "
                 "backup, its contacts of those weeks are lost, each at the value of a lost contact (churn share x value of a lost "
                 "customer); with a backup, the cheapest other vendor engaged in the portfolio takes them at its "
                 "own cost per contact plus the surge premium (none engaged: a standby priced like the vendor).",
    "cont_vendor": "Portfolio: vendor failing",
    "cont_head_cont_dependence": "Share of the volume depending on it",
    "cont_head_cont_contacts": "Contacts during the failure",
    "cont_head_cont_lost": "Without a backup: value of the contacts lost",
    "cont_head_cont_cost_unit": "Its cost per contact",
    "cont_head_cont_backup_unit": "Backup's cost per contact",
    "cont_head_cont_backup": "With a backup: cost at the surge price",
    "cont_line": "{portfolio}: {vendor}",
    "short_reinternalised": "Back in-house",
    "cont_terminal_title": "Continuity: one vendor failing for {weeks} weeks (surge premium {premium})",
    "cont_terminal_head": ("Portfolio: vendor", "Volume share", "Contacts", "Lost, no backup k{cur}",
                           "With backup k{cur}"),
    "ri_terminal": "Re-internalisation in year {year}: the cheapest quote at target service ({vendor}) until then, "
                   "then in-house; the return costs {cost} k{cur} (hiring, termination, parallel run, transfer and "
                   "IT); NPV of cost {npv} k{cur} against {stay} k{cur} staying outsourced ({diff} k{cur}).",
    "method_continuity_title": "Continuity and re-internalisation",
    "method_continuity": "Continuity (each vendor of a portfolio): its share of the volume; its contacts of an average "
                         "week of the horizon x the weeks of a failure; without a backup they are lost at churn share "
                         "x value of a lost customer each; with a backup, the cheapest other vendor engaged takes them "
                         "at its cost per contact (invoice / contacts over the horizon) x (1 + surge premium). "
                         "Re-internalisation in year N: the cheapest outsourced quote at target service until month "
                         "12 (N - 1), then in-house at target service, plus the cost of the return (the team hired again, the "
                         "early termination fee (months of the minimum term left x last invoice x share), the vendor "
                         "invoiced again over the parallel run, the knowledge transfer back and the IT); its exit "
                         "provision at signature is replaced by these costs.",

    # w7-wayback (issue 14): the way back in-house in the decision analytics, its break-even return cost.
    "rb_return_npv": "Way back in-house: the return's costs, NPV",
    "rb_break_even": "Way back in-house: break-even return cost, NPV (coming back costs as much as staying)",
    "rb_never": "Below 0: even a free return costs more than staying outsourced",
    "rb_pays": "Coming back beats staying while the return costs less than this",
    "ri_break_even_terminal": "Break-even return cost (NPV) {even} k{cur}, against {cost} k{cur} modelled: {verdict}.",
    "ri_verdict_never": "even a free return costs more than staying outsourced",
    "ri_verdict_pays": "coming back beats staying",
    "ri_verdict_stays": "staying outsourced is cheaper at the return costs modelled",
    "method_way_back_title": "The way back in the decision analytics",
    "method_way_back": "The tornado, the Monte Carlo and the economic view cover the re-internalisation scenario like "
                       "every other; in each draw or range end the quote it comes back from is chosen again (the "
                       "cheapest at target service). Break-even return cost (NPV) = NPV of the return's costs + NPV of "
                       "cost staying outsourced with the quote chosen - NPV of cost of the way back: the most the "
                       "return (rehiring, termination, parallel run, transfer and IT) may cost, in today's money, for "
                       "coming back to cost no more than staying. The return's costs enter once and choose no quote, "
                       "so it is exact; below 0, even a free return costs more than staying.",
})


# Issue 16, the words left (validation messages, percent typography, the in-house sentence): one block.
WORKBOOK.update({
    "percent_sign": "%",  # after a percentage written as text (80%)
    "percent_format_space": "",  # before the sign of a cell's percent format: none (15.2%)
    # What the cheapest alternative costs against in-house when in-house is recommended, by the sign of
    # its NPV saving (a cheaper one is not recommended because it misses the service target).
    "rec_alt_more": "costs {extra} {currency} more in NPV",
    "rec_alt_less": "costs {extra} {currency} less in NPV but does not meet the target service level",
    "rec_alt_same": "costs the same in NPV",
})

# Issue 16: the validation problems (xlmodel.errors.Problem's key), said by xlmodel.text.problems. The
# values are filled in the language's style; {hint} is a sub-sentence or empty.
PROBLEMS = {
    "types": {"str": "str", "int": "int", "float": "float", "bool": "bool", "list": "list", "dict": "dict",
              "NoneType": "NoneType", "text": "text", "choice": "choice", "number": "number", "money": "money",
              "rate": "rate"},
    "one_of": "one of {values}", "between": "{lo} {low} and {hi} {high}", "any_value": "any value",
    "did_you_mean": ": did you mean {name}?", "known_keys": "; known keys: {keys}", "known": "; known: {names}",
    "known_none": "; known: none",
    "rate_hint": ": rates are fractions, write {fraction} for {percent} %",
    # one field's value
    "yes_no": "must be yes or no (also y, oui, o, true, 1 / n, non, false, 0), found {found}",
    "expected_text": "expected text, found {type} {found}",
    "too_long": "must be at most {most} characters (found {count} characters)",
    "not_a_choice": "must be {bounds} (found {found}){hint}",
    "empty": "must not be empty",
    "expected_number": "expected a number ({unit_or_kind}), found {type} {found}",
    "not_finite": "must be a finite number (found {found})",
    "not_whole": "must be a whole number of {unit} (found {found})",
    "out_of_bounds": "must be {bounds_unit} (found {found}){hint}",
    "unknown_key": "unknown key {found}{hint}",
    "expected_table": "expected a table, found {type}",
    "required": "is required ({label_unit})",
    "expected_names": "expected a list of names, found {found}",
    "vendor_missing": "vendor {name} does not exist{hint}",
    "channel_missing": "channel {name} does not exist{hint}",
    # a case's parts that hold together
    "tax_year_beyond": "must be within the horizon, <= horizon_years ({horizon}) (found {found})",
    "year_one_back": "must be 0 (none) or a year from 2 to the horizon (found 1): year 1 back in-house would "
                     "never be outsourced; that is the in-house scenario",
    "year_beyond": "must be within the horizon, <= horizon_years ({horizon}) (found {found}), or 0 for none",
    "profile_list": "expected numbers (relative weights), a list or a text such as \"130 110 100\" (found {found})",
    "erlang_a_patience": "sizing 'erlang_a' needs the callers' mean patience: a number of seconds > 0 (or sizing "
                         "= 'erlang_c')",
    "fte_on_other_model": "applies only to pricing_model 'per_fte_month'; remove it or set it to 0",
    "uplift_without_transfer": "applies only to a quote with staff_transfer = 'yes'; remove it or set it to 0",
    "transfer_offshore": "a staff transfer (Code du travail L1224-1) needs an onshore site: the agents keep their "
                         "contracts in France, and this quote's location is {found}",
    "seasonality_count": "expected 12 numbers, one weight per month (January first)",
    "seasonality_finite": "every monthly weight must be a finite number (found {found} for {month_name})",
    "seasonality_positive": "every monthly weight must be > 0",
    "seasonality_mean": "the 12 weights must average 1 (found an average of {mean}); divide each weight by that "
                        "average",
    "no_channels": "at least one channel is required (name, kind, annual_volume, aht_seconds)",
    "no_vendors": "at least one vendor quote is required (name, pricing_model, price)",
    "too_many_channels": "at most {most} channels (found {found}): {hint}",
    "too_many_vendors": "at most {most} vendor quotes (found {found}): {hint}",
    "hint_channels": "group small queues into one channel",
    "hint_vendors": "shortlist the quotes first",
    "duplicate_vendor": "vendor name {name} is already used by {table} {first}",
    "duplicate_channel": "channel name {name} is already used by {table} {first}",
    "channel_mode_needs_channels": "mode 'channel' needs the list of channels the vendor takes",
    "hybrid_needs_vendor": "name at least one vendor for the hybrid scenarios",
    "too_many_draws": "at most {most} draws for {scenarios} scenarios (found {found}): draws x scenarios are held "
                      "in memory, {limit} at most",
    "weights_sum": "the eight weights must sum to 1 (100 %); they sum to {total}",
    "not_sections": "a case must be a table of sections",
    # files
    "toml_syntax": "is not valid TOML: {detail}",
    "too_deep": "is not a case file: its tables or arrays are nested too deeply (a case nests three levels at most)",
    "file_not_found": "file not found",
    "is_a_folder": "is a folder: give the path of the case file (.toml) itself",
    "not_regular": "is not a regular file (a device or a pipe)",
    "over_limit_mb": "is over the {size} MB limit", "over_limit_bytes": "is over the {size} bytes limit",
    # {text}: the parser's or the system's own message (English), which French replaces by its position
    "toml_detail": "{text} (at line {line}, column {column})", "toml_detail_bare": "{text}", "utf8_detail": "{text}",
    "os_detail": "{text}",
    "limit_case": "{limit}: a case file is a small text file (.toml)",
    "not_utf8": "cannot be read as UTF-8 text ({detail})",
    "not_a_source": "expected a case file (.toml) or a workbook (.xlsx)",
    "target_not_xlsx": "the workbook to write must end in .xlsx",
    "target_not_toml": "the case file to write must end in .toml",
    "batch_toml_only": "a batch builds case files (.toml) only",
    "lang_choice": "must be one of {values} (found {found})",
    # workbooks read (xlmodel.workbook.reader, untrusted, additions)
    "holds_formula": "holds a formula ({formula}), not a typed value: type the value itself (a rebuild writes values, "
                     "so the formula would be lost)",
    "table_not_found": "table {name} not found: is this a workbook built by xlmodel? ({where})",
    "no_sheet": "has no {name} sheet: is it a workbook built by xlmodel?",
    "name_not_found": "defined name {defined} not found in the workbook",
    "seasonality_range": "the name demand_seasonality must point at the 12 monthly weights: rows were inserted or "
                         "deleted there; rebuild from a case file",
    "expected_range": "expected a range of cells",
    "header_first": "its first row must be the table's header (field labels)",
    "wb_unreadable": "cannot be read as an xlsx workbook ({detail}): save it again from Excel or ask the sender for a "
                     "new copy",
    "wb_file_not_found": "file not found",
    "wb_folder": "is a folder, not a workbook: give the path of the .xlsx file itself",
    "wb_not_regular": "is not a regular file (a device or a pipe): give the path of an .xlsx workbook",
    "wb_empty": "is empty (0 bytes): it was not saved completely; save or download it again",
    "wb_xls": "is an encrypted or old-format (.xls) file: save it as an unprotected .xlsx",
    "wb_pdf": "is a PDF document, not a workbook: ask for the .xlsx file itself",
    "wb_html": "is a web page (HTML), not a workbook: open it in Excel and save it as an .xlsx workbook",
    "wb_csv": "is a CSV or plain-text file, not a workbook: open it in Excel and save it as an .xlsx workbook",
    "wb_unknown": "is not an xlsx workbook (nor any document type we recognise): save it from Excel as an .xlsx "
                  "workbook",
    "added_sheet": "the sheet {name} ({count} cells with content) is not part of the workbook and would be dropped",
    "added_value": "holds {found}, typed outside the input cells: it would be dropped",
    "added_comment": "has a comment{author} ({found}) that would be dropped",
    "comment_by": " by {author}",
    "added_pictures": "holds {count} picture(s) ({names}) that would be dropped",
    "more_additions": "and {count} more additions",
    "rebuild_would_drop": "a rebuild writes the workbook afresh from its inputs and would drop what was added above: "
                          "copy it to another workbook, or rebuild with --force (the previous workbook is then kept "
                          "as a dated backup)",
    "beyond_traffic": "channel {name} would need more than {limit} Erlangs of traffic on an average interval ({row}), "
                      "beyond what the staffing model sizes: check its annual volume, handling time and the opening "
                      "hours",
    # portfolios (xlmodel.portfolios)
    "channel_unassigned": "channel {name} is left to nobody: give it to 'inhouse', a vendor, shares or a mode",
    "unknown_kpi": "unknown KPI {found}{hint}",
    "kpi_bounds": "must be a number >= {low} and <= {high} (found {found}): {hint}",
    "kpi_fraction": "a fraction, 0.8 for 80 %", "kpi_score": "a score out of 5",
    "share_bounds": "a share must be a number >= 0 and <= 1 (found {found}): shares are fractions, 0.4 for 40 %",
    "shares_over": "the shares sum to {total} ({percent}), more than 100 %",
    "shares_under": "the shares sum to {total} ({percent}): {rest} of the channel is left to nobody; give the rest "
                    "to 'inhouse' or a vendor",
    "mode_vendor": "the vendor taking the {mode} part: {missing}", "mode_vendor_required": "required{hint}",
    "choice_value": "{value}",
    "duplicate_portfolio": "portfolio name {name} is already used by {table} {first}",
    "expected_channel_names": "expected a list of channel names, found {found}",
    "portfolios_not_array": "expected an array of tables ([[portfolios]] with a name and a [portfolios.channels] "
                            "table)",
    "too_many_portfolios": "at most {most} portfolios (found {found}): each is a scenario of every sheet; keep the "
                           "ones to decide on",
    "portfolio_name_required": "is required: the portfolio's name, as text",
    "name_too_long": "must be at most {most} characters",
    "phased_channels": "a phased portfolio gives its channels in each of its [[portfolios.phases]]: remove this table",
    "portfolio_channels_required": "is required: a table giving each channel to 'inhouse', a vendor, shares or a mode",
    "phases_not_array": "expected an array of tables ([[portfolios.phases]], each with from_month and a channels "
                        "table)",
    "too_many_phases": "at most {most} phases (found {found}): a pilot, then its widenings",
    "from_month_required": "is required: the month the phase starts, a whole number (found {found})",
    "first_phase_month": "the first phase starts in month 1 (found {found}): the portfolio starts at signature",
    "phases_out_of_order": "months out of order: phase {phase} starts in month {month}, not after phase {before} "
                           "(month {previous})",
    "phase_beyond": "beyond the horizon: month {month} (the horizon has {months} months)",
    "expected_kpis": "expected a table of KPIs ({keys}), found {found}",
    "expected_assignment": "expected 'inhouse', a vendor's name, shares or a mode, found {found}",
    "mode_keys": "unknown key {found}: a mode takes 'mode' and 'vendor'",
    "portfolio_mode": "must be 'extended_hours' or 'overflow' (found {found}); for shares, give each party's share "
                      "instead of a mode",
    "expected_vendor_names": "expected a list of vendor names, found {found}",
    "vendor_not_listed": "vendor {name} is assigned a channel but not listed",
    "portfolio_without_vendor": "a portfolio gives at least one channel or share to a vendor (every channel in-house "
                                "is the in-house scenario)",
    "portfolio_transfer": "vendor {name} quotes with a staff transfer (L1224-1: it takes over the whole team), which "
                          "a portfolio splits: quote it without the transfer for a portfolio",
    "not_quoted_for": "vendor {name} does not quote for channel {channel} (it quotes for {scope})",
    "quoted_name": "{name}",
    "form_field_twice": "field {name} appears twice (also row {row}): do not copy rows",
    "form_row_missing": "the row of {label} ({key}) is missing: do not delete rows; ask for a new form",
    "not_a_form": "is not an xlmodel quote form (no form marker in a hidden column {column}): send the vendor a form "
                  "made by `python cli.py rfp-template`",
    "form_version": "form version {found} is not supported (this program reads {version}): send the vendor a new "
                    "form",
    "batch_twice": "vendor {name} is also quoted by {other} in this batch: import one form per vendor (give each "
                   "offer its own name)",
    "matches_several": "vendor {name} matches {count} quotes of {origin} (names differing only in case or spaces): "
                       "rename one there first",
    "looks_like_book": "vendor {name} looks like {twin} of {origin} but is spelt with other characters ({odd}): type "
                       "the name exactly as in {origin} to update that quote, or give a clearly different name",
    "looks_like_batch": "vendor {name} looks like {twin} of {other} in this batch: give each offer a clearly different "
                        "name",
    # staffing beyond reach, the Sourcing sheet, the pages to print
    "beyond_erlang_a": "channel {name} is beyond the reach of Erlang A sizing ({row}): at most {limit} Erlangs on an "
                       "interval, a patience of at most {ratio} handling times (AHT / concurrency), and a service "
                       "target not far below the occupancy cap on a large queue; shorten patience_seconds or use "
                       "sizing = 'erlang_c'",
    "beyond_agents": "channel {name} would need more than {limit} agents above its traffic to answer {level} of "
                     "contacts within {seconds} s ({row}), beyond what the staffing model sizes: check its service "
                     "target and answer time",
    "sourcing_mode": "must be one of {values} (found {found})",
    "sourcing_mode_vendor": "the vendor of a mode applies to extended_hours and overflow: clear it, or choose one of "
                            "those modes",
    "sourcing_shares": "the shares apply in split mode only: clear them, or set the mode to {split}",
    "no_such_sheet": "no sheet named {unknown}; the sheets are {sheets}",
    # the weekly arrival profile (xlmodel.profile)
    "too_many_weights": "at most {most} weights, one per {what} (found {found})",
    "weight_per_day": "open day", "weight_per_slot": "slot of an open day (a half-hour at the finest)",
    "weight_negative": "every weight must be a finite number >= 0 (weight {position} is {found})",
    "weights_all_zero": "at least one weight must be > 0 (all are 0: nobody would call)",
    "weight_not_number": "weight {position} ({found}) is not a number: type relative weights separated by spaces or "
                         "semicolons, such as \"130 110 100\"",
    # returned quote forms (xlmodel.tender)
    "form_formula": "holds a formula ({formula}), not a typed value: type the value itself",
    "form_currency": "the currency of the form must be one of {names} (found {found})",
    "form_email": "must be an e-mail address such as name@company.com (found {found})",
    "book_not_found": "file not found: build the workbook first (python cli.py build -o {book})",
    "no_form": "give at least one returned quote form",
    "form_other_currency": "the form is priced in {currency} but {book} is in {wanted}: ask for a form made with "
                           "--currency {code}",
}

# Where a problem is (xlmodel.text.problems.place_text): in English the file key or the cell as it is, as
# printed since issue 5 (tests and users' scripts read it); French names the field first.
PLACES = {"scalar": "{key}", "item": "{key}", "item_unnamed": "{key}",
          "item_names": {"channels": "channel", "vendors": "vendor quote"}}

# Issue 16, the words helper: what was still said in English alone (an untrusted file's refusals and
# notices, a blank input's notice, the build's and the Sourcing range's refusals). One block, kept apart.
_RESEND = "ask the sender for a clean copy saved from Excel"
PROBLEMS.update({
    # a workbook we did not build (xlmodel.workbook.untrusted): the file, the zip archive, the XML parts
    "wb_reason": "{kind}: {text}", "wb_reason_bare": "{kind}",  # what Python said of the damage
    "wb_cannot_open": "cannot be opened ({detail}): check that the file is readable and not locked by another "
                      "program",
    "wb_too_big": "is over the {limit} MB limit for a workbook to read ({size} MB): remove large pictures or unused "
                  "sheets and save it again",
    "wb_archive": "is {what}, not a workbook: extract the .xlsx file from it first",
    "wb_gzip": "a gzip archive", "wb_7z": "a 7-Zip archive", "wb_rar": "a RAR archive",
    "wb_xml2003": "is an Excel 2003 XML spreadsheet, not an xlsx workbook: open it in Excel and save it as an .xlsx "
                  "workbook",
    "wb_xml": "is an XML file, not an xlsx workbook: ask for the .xlsx file itself",
    "wb_rtf": "is a Word (RTF) document, not a workbook: ask for the .xlsx file itself",
    "wb_directory": "has a zip directory of {size} KB, far more than a workbook needs: it is damaged or not a genuine "
                    "workbook; " + _RESEND,
    "wb_truncated": "cannot be read as an xlsx workbook (the file is truncated or damaged: {detail}): save it again "
                    "from Excel or ask the sender for a new copy",
    "wb_too_many_parts": "holds {count} parts, more than the {most} a workbook may have: it is damaged or not a "
                         "genuine workbook; " + _RESEND,
    "wb_part_twice": "contains the part {part} twice, which Excel never writes: it is damaged or tampered with; "
                     + _RESEND,
    "wb_encrypted_parts": "has encrypted parts inside its zip archive: save it as an unprotected .xlsx",
    "wb_bomb": "{what}: it is damaged or built to exhaust memory (a \"zip bomb\") and was not opened; " + _RESEND,
    "wb_unpack_total": "would unpack to {size} MB, over the {limit} MB limit",
    "wb_unpack_ratio": "has a part ({part}) that unpacks to {ratio} times its stored size, which no genuine workbook "
                       "does",
    "wb_unpack_more": "unpacks to more than it declares ({part})",
    "wb_ods": "is an OpenDocument spreadsheet (.ods), not an xlsx workbook: save it as \"Excel 2007-365 (.xlsx)\"",
    "wb_odf": "is an OpenDocument file, not a workbook: ask for the .xlsx file itself",
    "wb_docx": "is a Word document (.docx), not a workbook: ask for the .xlsx file itself",
    "wb_pptx": "is a PowerPoint presentation (.pptx), not a workbook: ask for the .xlsx file itself",
    "wb_zip_holding": "is a zip archive containing {part}, not a workbook itself: extract the workbook from it first",
    "wb_zip_not_book": "is a zip archive but not an xlsx workbook (it has no [Content_Types].xml or xl/workbook.xml): "
                       "ask for the .xlsx file itself",
    "wb_part_damaged": "cannot be read as an xlsx workbook ({part}: {detail}): save it again from Excel or ask the "
                       "sender for a new copy",
    "wb_beyond": "{what}: it is not a workbook of this program nor a quote form, or it was built to exhaust memory, "
                 "and it was not opened; " + _RESEND,
    "wb_many_cells": "holds more than {most} cells, rows, merged cells, comments and strings in all",
    "wb_many_elements": "holds more than {most} XML elements",
    "wb_many_sheets": "has more than {most} sheets",
    "wb_many_styles": "has more than {most} style records",
    "wb_reaching": "has {what} reaching {ref} ({part}), beyond row {rows} or column {columns} where a workbook of this "
                   "program ends",
    "wb_row_n": "row {row}", "wb_a_cell": "a cell", "wb_a_row": "a row", "wb_a_merged_range": "a merged range",
    "wb_a_hyperlink": "a hyperlink", "wb_a_comment": "a comment", "wb_a_table": "a table",
    "wb_a_used_range": "a used range",
    "wb_bad_reference": "has a malformed cell reference {found} in {part}",
    "wb_dtd": "contains an XML document type declaration (DTD) in {part}; workbooks never need one and XML attacks "
              "rely on it, so it was not opened; " + _RESEND,
    # what an untrusted file holds and is ignored (notices, not refusals)
    "wb_few": "{list}", "wb_few_more": "{list} and {count} more",
    "wb_macros": "macros ({parts}) found and ignored: a quote form is data, never code",
    "wb_xlsm_no_macros": "saved as a macro-enabled workbook (.xlsm) but without macro code; any macros are ignored: a "
                         "quote form is data, never code",
    "wb_macro_sheets": "Excel 4 macro sheets ({parts}) found: their cells are read as plain values and nothing in "
                       "them is run",
    "wb_external_link": "{what} ({part}) found and ignored: cells using it keep the values last saved in this file and "
                        "nothing is fetched",
    "wb_link_to": "external link to {found}", "wb_link": "external link",
    "wb_objects": "{what} ({parts}) found and ignored: only cell values are read",
    "wb_embedded": "embedded objects", "wb_activex": "ActiveX controls",
    "wb_connections": "data connections (xl/connections.xml) found and ignored: nothing is refreshed, cells keep the "
                      "values last saved",
    # a blank input read from a workbook (xlmodel.workbook.reader): notices
    "blank_default": "{label} is blank: its default {default} is used",
    "blank_row_defaults": "{sheet}! row {row} ({vendor}): blank, so the defaults are used: {defaults}",
    "no_name": "no name",
    # building (xlmodel.workbook.build) and the Sourcing sheet read as a range (xlmodel.workbook.sourcing_range)
    "cannot_check": "is about to be replaced but cannot be read, so what it holds cannot be checked: rebuild with "
                    "--force to replace it (a dated backup is kept)",
    "batch_same_target": "would write {target} too, like {first}: give the case files different names",
    "sourcing_not_range": "expected the range of the {sheet} sheet (several rows and columns)",
    "sourcing_no_table": "portfolio {name}: its table of channels is not in the range",
})
