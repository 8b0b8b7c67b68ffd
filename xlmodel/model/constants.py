"""Constants of the model: physical constants (on the Inputs sheet, locked) and the cost lines of reports."""

from __future__ import annotations

#: The traffic per interval a staffing row may reach (the engine refuses more, naming the channel):
#: the workbook's native Erlang B, POISSON(N,A,FALSE)/POISSON(N,A,TRUE), is accurate to 1e-10 up to
#: here in LibreOffice and IronCalc; far beyond any contact centre (some 70 000 agents on duty).
STAFFING_MAX_ERLANGS = 60_000.0
#: The workbook's native search for the agents needed (:mod:`xlmodel.model.sizing`) takes this
#: many halving steps, so it finds up to 2**12 - 1 = 4 095 agents above the traffic: the most a
#: target up to 99.9999 % needs at 60 000 Erlangs is 1 171 (the engine refuses more).
NATIVE_SEARCH_STEPS = 12
#: Erlang A sizing (a channel's ``sizing = "erlang_a"``) is exact up to this traffic per interval and a
#: patience of this many handling times: measured in LibreOffice and IronCalc (GAMMADIST within 1E-10 up
#: to a shape of 1E6) and, beyond 50 handling times, the incomplete gamma functions underflow at strict
#: targets (tests/test_erlang_a_sizing.py).
ERLANG_A_MAX_ERLANGS = 5_000.0
ERLANG_A_MAX_RATIO = 50

CONSTANTS = {
    "SECONDS_PER_HOUR": (3600, "seconds", "Seconds per hour", "Secondes par heure"),
    "SECONDS_PER_MINUTE": (60, "seconds", "Seconds per minute", "Secondes par minute"),
    "WEEKS_PER_YEAR": (52, "weeks", "Weeks per year", "Semaines par an"),
    "INTERVAL_SECONDS": (1800, "seconds", "Staffing interval", "Intervalle de dimensionnement"),
    # The reach of the native Erlang C search (xlmodel.model.sizing): the traffic it is exact for and
    # the most agents above the traffic its halving steps find.
    "STAFFING_MAX_ERLANGS": (int(STAFFING_MAX_ERLANGS), "Erlangs", "Staffing: most traffic per interval",
                             "Dimensionnement : trafic maximal par intervalle"),
    "SEARCH_WINDOW": (2 ** NATIVE_SEARCH_STEPS - 1, "agents", "Staffing search: most agents above the traffic",
                      "Recherche des effectifs : conseillers au-delà du trafic, au plus"),
    # The reach of the native Erlang A sizing (xlmodel.model.erlang_a): the traffic and the patience (in
    # handling times) it is exact for, and the log of the smallest Poisson term its formula divides by.
    "ERLANG_A_MAX_ERLANGS": (int(ERLANG_A_MAX_ERLANGS), "Erlangs", "Erlang A: most traffic per interval",
                             "Erlang A : trafic maximal par intervalle"),
    "ERLANG_A_MAX_RATIO": (ERLANG_A_MAX_RATIO, "handling_times", "Erlang A: longest patience in handling times",
                           "Erlang A : patience maximale en durées de traitement"),
    "ERLANG_A_LOG_FLOOR": (-700, "", "Erlang A: smallest log of a Poisson term",
                           "Erlang A : plus petit logarithme d'un terme de Poisson"),
    # Tolerances of the workbook's checks (kept here so that no number is typed in a formula).
    "SEASONALITY_TOLERANCE": (0.001, "", "Tolerance: seasonality average", "Tolérance : moyenne saisonnière"),
    "CHECK_TOLERANCE": (0.000001, "relative", "Tolerance: Python twin vs native formulas",
                        "Tolérance : jumeau Python / formules natives"),
    # A committed service level a rounding error below the target (0.85 - 0.05) still meets it.
    "SERVICE_LEVEL_TOLERANCE": (0.000000001, "rate", "Tolerance: committed vs target service level",
                                "Tolérance : niveau de service contractuel / cible"),
}

#: Cost lines, in the order of reports and of the stacked chart: (id, English, French).
COST_LINES = (
    ("payroll", "Agent payroll", "Masse salariale conseillers"),
    ("management", "Supervision and support", "Encadrement et support"),
    ("workplace", "Workplace and IT", "Poste de travail et informatique"),
    ("attrition", "Attrition, hiring and downsizing", "Turnover, recrutements et départs"),
    ("overhead", "Overheads", "Frais de structure"),
    ("vendor", "Vendor invoice", "Facture prestataire"),
    ("vat", "VAT not recovered", "TVA non récupérée"),
    ("governance", "Governance", "Pilotage"),
    ("parallel_run", "Parallel run", "Double fonctionnement"),
    ("service_gap", "Service gap below target (customers lost)", "Écart de service sous la cible (clients perdus)"),
    # A phased portfolio's later steps (issue 14): the one-off costs of each step, in its month.
    ("step_one_off", "One-off costs of later phases", "Coûts ponctuels des phases suivantes"),
    # Issue 14: what coming back in-house costs in the month it happens (xlmodel.model.reinternal).
    ("reinternalisation", "Return in-house (re-internalisation)", "Retour en interne (réinternalisation)"),
)
COST_LINE_IDS = tuple(line for line, _, _ in COST_LINES)

#: One-off costs at signature (t = 0), in report order.
ONE_OFF_LINES = (
    ("setup_fee", "Vendor set-up fee", "Frais de mise en place"),
    ("setup_fee_vat", "VAT not recovered on the set-up fee", "TVA non récupérée sur les frais de mise en place"),
    ("knowledge_transfer", "Knowledge transfer", "Transfert de connaissances"),
    ("it_integration", "IT integration", "Intégration informatique"),
    ("severance", "Severance", "Indemnités de départ"),
    ("exit_provision", "Exit provision", "Provision de réversibilité"),
)
