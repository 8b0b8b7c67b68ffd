"""The Method sheet: every formula and convention in words, and the source of each default.

The formulas are printed from the model's own rows (one line per kind of line item), so the
Method sheet cannot drift from what the Calc sheet computes.
"""

from __future__ import annotations

from ..case import Case
from ..model import Model
from ..schema import ALL_SECTIONS

CONVENTIONS = {
    "en": [
        ("h", "Scenarios"),
        ("p", "Status quo: today's agents (FTE) and today's service, with its lost contacts. It costs less only "
              "because it serves customers worse: it is shown, never recommended."),
        ("p", "In-house at target service: agents sized by Erlang C to each channel's service target (share "
              "answered within N seconds) under its occupancy cap, then converted to FTE with shrinkage and "
              "training time. It is the reference: every saving is measured against it (same service level)."),
        ("p", "Outsourced: one scenario per vendor quote. The vendor handles every contact, at its own handling "
              "time (AHT factor, with a ramp-up premium fading linearly over the ramp-up months) and with the "
              "repeat contacts its first-contact resolution implies (contacts x FCR in-house / FCR vendor). "
              "It is billed at the same service level: logged hours are at least the Erlang C hours."),
        ("p", "Hybrid: one scenario per vendor, in the chosen mode (share, extended_hours, overflow, channel). "
              "Each side is sized on its own part of the volume: splitting a queue loses pooling efficiency, "
              "and the model shows it. Running two organisations costs the vendor minimum, set-up, transfer, "
              "integration and exit provision, shown explicitly."),
        ("h", "Conventions"),
        ("p", "Time: one column per month over the horizon; annual totals are the sums of the months of each "
              "year (year 1 = the 12 months from January of the first year)."),
        ("p", "NPV of cost = one-off costs + sum over years y of annual cost_y / (1 + r)^y: end-of-year "
              "discounting, one-off costs at signature (t = 0), with explicit discount factors. Excel's NPV() "
              "discounts its first value by one period; it is not used."),
        ("p", "NPV of savings = - one-off costs + sum over y of (in-house cost_y - scenario cost_y) / (1 + r)^y. "
              "ROI = NPV of savings / one-off costs. IRR: the rate at which the NPV of savings is 0 (cash flows: "
              "- one-off at t = 0, then the yearly savings)."),
        ("p", "Payback month: the first month at which the cumulative undiscounted saving, each year's saving "
              "spread evenly over its 12 months, reaches the one-off costs; 0 without one-off costs."),
        ("p", "Staffing: contacts arrive evenly over the opening hours (no intraday profile); agents on duty "
              "are sized per 30-minute interval. Chat concurrency divides the handling time. Deferred channels "
              "(e-mail) need their workload divided by the occupancy cap. In-house headcount each month = "
              "peak of the year - seasonal flexibility x (peak - need)."),
        ("p", "The Staffing sheet is computed in Python (Erlang C); it records the inputs it used and the "
              "Checks sheet turns red when any of them changes, until the 'refresh' macro or a rebuild."),
        ("p", "Money in the case currency; rates are fractions (0.08 = 8 %); vendor prices indexed yearly: "
              "P = P0 x (fixed share + (1 - fixed share) x (1 + indexation)^(year - 1))."),
    ],
    "fr": [
        ("h", "Scénarios"),
        ("p", "Statu quo : les conseillers (ETP) et le service d'aujourd'hui, avec ses contacts perdus. Il coûte "
              "moins cher seulement parce qu'il sert moins bien les clients : il est affiché, jamais recommandé."),
        ("p", "Interne au service cible : conseillers dimensionnés par Erlang C sur l'objectif de chaque canal "
              "(part répondue en moins de N secondes) sous son plafond d'occupation, puis convertis en ETP avec "
              "le taux d'indisponibilité et la formation. C'est la référence : toute économie est mesurée par "
              "rapport à lui (même niveau de service)."),
        ("p", "Externalisé : un scénario par offre. Le prestataire traite tous les contacts, avec sa propre "
              "durée de traitement (facteur de DMT, avec un surcroît de montée en charge qui décroît linéairement) "
              "et les rappels qu'implique sa résolution au premier contact (contacts x FCR interne / FCR "
              "prestataire). Il est facturé au même niveau de service : les heures connectées sont au moins "
              "celles d'Erlang C."),
        ("p", "Hybride : un scénario par prestataire, dans le mode choisi (share, extended_hours, overflow, "
              "channel). Chaque partie est dimensionnée sur son propre volume : scinder une file perd de "
              "l'efficacité de mutualisation, et le modèle le montre. Faire tourner deux organisations coûte le "
              "minimum de facturation, la mise en place, le transfert, l'intégration et la réversibilité, "
              "affichés explicitement."),
        ("h", "Conventions"),
        ("p", "Temps : une colonne par mois sur l'horizon ; les totaux annuels sont les sommes des mois de chaque "
              "année."),
        ("p", "VAN des coûts = coûts ponctuels + somme sur les années y de coût_y / (1 + r)^y : actualisation en "
              "fin d'année, coûts ponctuels à la signature (t = 0), facteurs d'actualisation explicites. La "
              "fonction VAN() d'Excel actualise sa première valeur d'une période ; elle n'est pas utilisée."),
        ("p", "VAN des économies = - coûts ponctuels + somme sur y de (coût interne_y - coût scénario_y) / "
              "(1 + r)^y. ROI = VAN des économies / coûts ponctuels. TRI : le taux qui annule la VAN des "
              "économies."),
        ("p", "Mois de retour : le premier mois où l'économie cumulée non actualisée, chaque économie annuelle "
              "répartie sur ses 12 mois, atteint les coûts ponctuels ; 0 sans coûts ponctuels."),
        ("p", "Effectifs : les contacts arrivent uniformément sur les heures d'ouverture (pas de profil "
              "intra-journalier) ; les conseillers en poste sont dimensionnés par intervalle de 30 minutes. La "
              "simultanéité du chat divise la durée de traitement. Les canaux différés (e-mail) demandent leur "
              "charge divisée par le plafond d'occupation. Effectif interne de chaque mois = pointe de l'année - "
              "flexibilité saisonnière x (pointe - besoin)."),
        ("p", "La feuille Staffing est calculée en Python (Erlang C) ; elle garde les hypothèses utilisées et la "
              "feuille Checks passe au rouge si l'une change, jusqu'à la macro 'refresh' ou une reconstruction."),
        ("p", "Montants dans la devise du cas ; taux en fractions (0,08 = 8 %) ; prix des prestataires indexés "
              "chaque année : P = P0 x (part fixe + (1 - part fixe) x (1 + indexation)^(année - 1))."),
    ],
}


def method_lines(case: Case, model: Model, lang: str) -> list[tuple[str, str]]:
    """(kind, text) lines: 'h' for a heading, 'p' for a paragraph, 'f' for a formula line."""
    lines = list(CONVENTIONS[lang])
    lines.append(("h", "Line items: the formula of each kind of row" if lang == "en"
                  else "Postes : la formule de chaque type de ligne"))
    seen = set()
    for row in model.rows:
        # One line per kind of row: the key without its scenario prefix and channel index.
        kind = row.key.name
        if kind in seen:
            continue
        seen.add(kind)
        names = ", ".join(f"{name} = {ref.target}" for name, ref in row.bind.items())
        label = row.label_en if lang == "en" else row.label_fr
        lines.append(("f", f"{label}: {row.expr}" + (f"   where {names}" if names else "")))
    lines.append(("h", "Inputs: defaults and sources" if lang == "en" else "Hypothèses : valeurs par défaut et sources"))
    for section in ALL_SECTIONS:
        for f in section.fields:
            if f.source:
                label = f.label_en if lang == "en" else f.label_fr
                lines.append(("p", f"{label} (default {f.default}): {f.source}" if lang == "en"
                              else f"{label} (défaut {f.default}) : {f.source}"))
    return lines
