"""Constants of the model: physical constants (on the Inputs sheet, locked) and the cost lines of reports."""

from __future__ import annotations

CONSTANTS = {
    "SECONDS_PER_HOUR": (3600, "seconds", "Seconds per hour", "Secondes par heure"),
    "SECONDS_PER_MINUTE": (60, "seconds", "Seconds per minute", "Secondes par minute"),
    "WEEKS_PER_YEAR": (52, "weeks", "Weeks per year", "Semaines par an"),
    "INTERVAL_SECONDS": (1800, "seconds", "Staffing interval", "Intervalle de dimensionnement"),
    # Tolerances of the workbook's checks (kept here so that no number is typed in a formula).
    "SEASONALITY_TOLERANCE": (0.001, "", "Tolerance: seasonality average", "Tolérance : moyenne saisonnière"),
    "CHECK_TOLERANCE": (0.000001, "relative", "Tolerance: Python vs native", "Tolérance : Python vs natif"),
    # A committed service level a rounding error below the target (0.85 - 0.05) still meets it.
    "SERVICE_LEVEL_TOLERANCE": (0.000000001, "rate", "Tolerance: committed vs target service level",
                                "Tolérance : niveau de service contractuel vs cible"),
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
    ("parallel_run", "Parallel run", "Double run"),
    ("service_gap", "Service gap below target (customers lost)", "Écart de service sous la cible (clients perdus)"),
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
