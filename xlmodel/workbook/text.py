"""Words of the workbook in English and French; the numbers never depend on the language."""

from __future__ import annotations

TEXT = {
    "en": {
        "inputs_title": "Inputs: type your figures in the yellow cells",
        "inputs_help": "Blue on yellow = input. Every input has a unit, bounds (data validation) and a note with "
                       "its source. Everything else is calculated and locked (protection without password).",
        "label": "Input", "value": "Value", "unit": "Unit", "source": "Note and source",
        "seasonality": "Seasonality weight", "months": ["January", "February", "March", "April", "May", "June",
                                                        "July", "August", "September", "October", "November",
                                                        "December"],
        "channels": "Channels (one column per channel)", "constants": "Constants (locked)",
        "vendors_title": "Vendor quotes: one row per quote",
        "vendors_help": "Pricing models: per_hour (per logged agent hour), per_fte_month, per_minute (handled "
                        "minute), per_contact, fixed_monthly. Add a quote by rebuilding with it in the case file.",
        "hybrid_title": "Hybrid: the vendor takes part of the work, experts stay in-house",
        "hybrid_help": "Modes: share (a fixed share of every channel), extended_hours (the vendor opens evenings "
                       "and weekends and takes the contacts arriving then), overflow (the vendor takes the volume "
                       "above the in-house capacity in peak months), channel (the vendor takes whole channels).",
        "to_vendor": "Goes to the vendor (channel mode)", "hybrid_scenario": "Hybrid scenario",
        "calc_title": "Calculation: one column per month, one formula per row",
        "line_item": "Line item", "month_start": "Month starting",
        "staffing_title": "Staffing: agents on duty sized by Erlang C (computed by xlmodel in Python)",
        "staffing_help": "These values are computed in Python (Erlang C needs an iterative search). They were "
                         "computed from the inputs listed below; if any of them changes, the check turns red "
                         "until the 'refresh' macro (or a rebuild) recomputes them.",
        "sized_inputs": "Inputs used for this sizing", "at_sizing": "At sizing", "now": "Now",
        "changed": "Changed", "sizing_current": "Staffing sizing matches the current inputs",
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
        "checks_title": "Checks: each is 1 when true; the master check is the minimum",
        "check": "Check", "result": "Result", "master": "Master check (all checks pass)",
        "check_seasonality": "Seasonality weights average 1",
        "check_annual": "Annual costs reconcile with the monthly calculation",
        "check_lines": "Cost lines add up to the annual costs",
        "check_npv": "NPV of savings = NPV of cost in-house - NPV of cost of the scenario",
        "check_prices": "Every vendor has a price above 0",
        "check_python": "Python functions agree with their native twins (when the add-in is loaded)",
        "python_block": "Python functions (need the xlwings add-in; see the README)",
        "short_label": "Short label (charts)",
        "risk_title": "Risk and decision analytics (computed by xlmodel in Python)",
        "risk_help": "Tornado, Monte Carlo, vendor scoring, break-evens and the economic view are computed in "
                     "Python and written as values; the check below turns red when the inputs change, until the "
                     "'refresh' macro or a rebuild recomputes them. Method: docs/analytics.md.",
        "risk_base": "Base of this analysis", "risk_scenario": "Scenario analysed",
        "risk_base_at_analysis": "NPV of savings when analysed", "risk_base_now": "NPV of savings now (native)",
        "risk_current": "Risk analysis matches the current inputs",
        "settings_used": "Scoring and risk settings used", "value_used": "Used", "value_now": "Now (Inputs)",
        "changed": "Changed (1)",
        "driver": "Driver", "low_change": "Low change", "high_change": "High change",
        "at_low": "NPV of savings, low", "at_high": "NPV of savings, high",
        "delta_low": "Change at low end", "delta_high": "Change at high end",
        "monte_carlo": "Monte Carlo: NPV of savings vs in-house", "draws": "draws",
        "p_cheapest": "Probability of being cheapest",
        "risk_note": "Percentiles over the draws of the uncertain drivers (ranges in the case's [risk] table).",
        "histogram": "Distribution of the NPV of savings", "bin_from": "From", "bin_to": "To", "bin_label": "Range",
        "count": "Draws", "scoring": "Vendor scoring (weighted, scores 1-5)", "vendor": "Vendor",
        "total": "Total", "rank": "Rank", "knock_out": "Knocked out by", "weights": "Weights",
        "break_even": "Break-even: where outsourcing and in-house cost the same NPV",
        "pricing_model": "Pricing model", "price": "Quoted price", "break_even_price": "Break-even price",
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
        "tornado_room": "Tornado: sensitivity of the NPV of savings to each driver (computed by the "
                        "decision analytics, refreshed by the 'refresh' macro).",
        "rec_prefix": "Recommended: ", "rec_saves": ". It saves ", "rec_npv": " in NPV over ",
        "rec_years": " years against in-house at the target service level; payback month ",
        "rec_inhouse": "Keep the service in-house, staffed to the target service level: no vendor quote "
                       "costs less in NPV.",
        "not_reached": "not reached", "staff_unit": "agents",
        "conf_help": "xlwings settings: the Python module with the functions (UDFs) and macros.",
    },
    "fr": {
        "inputs_title": "Hypothèses : saisissez vos chiffres dans les cellules jaunes",
        "inputs_help": "Bleu sur jaune = saisie. Chaque saisie a une unité, des bornes (validation des données) et "
                       "une note avec sa source. Tout le reste est calculé et verrouillé (protection sans mot de "
                       "passe).",
        "label": "Hypothèse", "value": "Valeur", "unit": "Unité", "source": "Note et source",
        "seasonality": "Coefficient saisonnier", "months": ["janvier", "février", "mars", "avril", "mai", "juin",
                                                            "juillet", "août", "septembre", "octobre", "novembre",
                                                            "décembre"],
        "channels": "Canaux (une colonne par canal)", "constants": "Constantes (verrouillées)",
        "vendors_title": "Offres des prestataires : une ligne par offre",
        "vendors_help": "Modèles de prix : per_hour (heure connectée), per_fte_month (ETP-mois), per_minute "
                        "(minute traitée), per_contact, fixed_monthly (forfait mensuel). Pour ajouter une offre, "
                        "reconstruisez le classeur avec elle dans le fichier de cas.",
        "hybrid_title": "Hybride : le prestataire prend une partie du travail, les experts restent en interne",
        "hybrid_help": "Modes : share (une part de chaque canal), extended_hours (le prestataire ouvre le soir et le "
                       "week-end et prend les contacts qui arrivent alors), overflow (le prestataire prend le volume "
                       "au-delà de la capacité interne les mois de pointe), channel (le prestataire prend des canaux "
                       "entiers).",
        "to_vendor": "Confié au prestataire (mode canal)", "hybrid_scenario": "Scénario hybride",
        "calc_title": "Calculs : une colonne par mois, une formule par ligne",
        "line_item": "Poste", "month_start": "Mois commençant le",
        "staffing_title": "Effectifs : conseillers en poste dimensionnés par Erlang C (calculés par xlmodel en Python)",
        "staffing_help": "Ces valeurs sont calculées en Python (Erlang C demande une recherche itérative), à partir "
                         "des hypothèses listées ci-dessous ; si l'une d'elles change, le contrôle passe au rouge "
                         "jusqu'à ce que la macro 'refresh' (ou une reconstruction) les recalcule.",
        "sized_inputs": "Hypothèses utilisées pour ce dimensionnement", "at_sizing": "Au calcul", "now": "Maintenant",
        "changed": "Modifiée", "sizing_current": "Le dimensionnement correspond aux hypothèses actuelles",
        "compare_title": "Scénarios côte à côte",
        "compare_help": "Économies, ROI, retour et TRI sont mesurés par rapport à l'interne au niveau de service "
                        "cible (même service). VAN : l'année y est actualisée par (1 + r)^y, coûts ponctuels à la "
                        "signature (t = 0).",
        "annual_cost": "Coût annuel", "year": "Année", "cost_lines": "Coût annuel par poste",
        "one_off": "Coûts ponctuels à la signature", "one_off_total": "Coûts ponctuels, total",
        "discount_factor": "Facteur d'actualisation", "npv_cost": "VAN des coûts",
        "npv_savings": "VAN des économies vs interne", "roi": "ROI (VAN des économies / coûts ponctuels)",
        "payback": "Mois de retour sur investissement", "irr": "TRI",
        "flow": "Flux net vs interne", "cumulative": "Flux net cumulé vs interne",
        "contacts": "Contacts (tous canaux)", "cost_per_contact": "Coût par contact",
        "fte": "Conseillers internes (ETP, moyenne)", "vendor_fte": "ETP prestataire facturés (moyenne)",
        "average_cost_line": "Coût annuel moyen par poste", "eligible": "Atteint le service cible",
        "eligible_npv": "VAN des coûts, si éligible", "reference": "référence", "na": "n/a",
        "checks_title": "Contrôles : chacun vaut 1 si vrai ; le contrôle général est le minimum",
        "check": "Contrôle", "result": "Résultat", "master": "Contrôle général (tous les contrôles passent)",
        "check_seasonality": "Les coefficients saisonniers ont une moyenne de 1",
        "check_annual": "Les coûts annuels concordent avec le calcul mensuel",
        "check_lines": "Les postes de coût s'additionnent aux coûts annuels",
        "check_npv": "VAN des économies = VAN des coûts interne - VAN des coûts du scénario",
        "check_prices": "Chaque prestataire a un prix supérieur à 0",
        "check_python": "Les fonctions Python concordent avec leurs jumelles natives (si le complément est chargé)",
        "python_block": "Fonctions Python (demandent le complément xlwings ; voir le README)",
        "short_label": "Libellé court (graphiques)",
        "risk_title": "Risque et aide à la décision (calculés par xlmodel en Python)",
        "risk_help": "Tornade, Monte Carlo, notation des prestataires, points morts et vue économique sont calculés "
                     "en Python et écrits en valeurs ; le contrôle ci-dessous passe au rouge quand les hypothèses "
                     "changent, jusqu'à la macro 'refresh' ou une reconstruction. Méthode : docs/analytics.md.",
        "risk_base": "Base de cette analyse", "risk_scenario": "Scénario analysé",
        "risk_base_at_analysis": "VAN des économies à l'analyse", "risk_base_now": "VAN des économies maintenant",
        "risk_current": "L'analyse de risque correspond aux hypothèses actuelles",
        "settings_used": "Paramètres de notation et de risque utilisés", "value_used": "Utilisé",
        "value_now": "Actuel (Hypothèses)", "changed": "Modifié (1)",
        "driver": "Facteur", "low_change": "Variation basse", "high_change": "Variation haute",
        "at_low": "VAN des économies, bas", "at_high": "VAN des économies, haut",
        "delta_low": "Écart au bas de la plage", "delta_high": "Écart au haut de la plage",
        "monte_carlo": "Monte Carlo : VAN des économies vs interne", "draws": "tirages",
        "p_cheapest": "Probabilité d'être le moins cher",
        "risk_note": "Centiles sur les tirages des facteurs incertains (plages dans la table [risk] du cas).",
        "histogram": "Distribution de la VAN des économies", "bin_from": "De", "bin_to": "À", "bin_label": "Plage",
        "count": "Tirages", "scoring": "Notation des prestataires (pondérée, notes 1-5)", "vendor": "Prestataire",
        "total": "Total", "rank": "Rang", "knock_out": "Éliminé par", "weights": "Poids",
        "break_even": "Point mort : là où externaliser et internaliser coûtent la même VAN",
        "pricing_model": "Modèle de prix", "price": "Prix proposé", "break_even_price": "Prix d'équilibre",
        "headroom": "Marge", "break_even_volume": "Volume d'équilibre (contacts/an)", "note": "Note",
        "best_share": "Part hybride à la VAN de coût la plus basse",
        "economic": "Vue économique : coûts plus valeur des clients perdus",
        "inaction": "Coût de l'inaction (valeur des contacts perdus aujourd'hui, par an)",
        "economic_npv_cost": "VAN économique des coûts", "lost_value_npv": "VAN des clients perdus",
        "python_missing": "Complément Python non chargé",
        "method_title": "Méthode : comment chaque chiffre est calculé",
        "dashboard_title": "Relation client : interne, externalisée ou hybride ?",
        "recommendation": "Recommandation", "scenario": "Scénario", "checks_status": "Contrôles",
        "all_ok": "tous les contrôles passent", "not_ok": "UN CONTRÔLE ÉCHOUE : voir la feuille Checks",
        "chart_cost": "Coût annuel moyen par poste", "chart_cash": "Flux net cumulé vs interne",
        "chart_tornado": "Sensibilité de l'option recommandée (tornade)",
        "tornado_room": "Tornade : sensibilité de la VAN des économies à chaque hypothèse (calculée par l'analyse "
                        "de décision, mise à jour par la macro 'refresh').",
        "rec_prefix": "Recommandation : ", "rec_saves": ". Économie de ", "rec_npv": " en VAN sur ",
        "rec_years": " ans par rapport à l'interne au niveau de service cible ; retour sur investissement au mois ",
        "rec_inhouse": "Garder le service en interne, dimensionné au niveau de service cible : aucune offre ne "
                       "coûte moins en VAN.",
        "not_reached": "non atteint", "staff_unit": "conseillers",
        "conf_help": "Réglages xlwings : le module Python des fonctions (UDF) et des macros.",
    },
}

UNITS = {
    "en": {"money": "{cur}", "fte": "FTE", "contacts": "contacts", "hours": "hours", "minutes": "minutes",
           "seconds": "seconds", "agents": "agents", "flag": "0/1", "index": "factor", "number": "number",
           "rate": "rate"},
    "fr": {"money": "{cur}", "fte": "ETP", "contacts": "contacts", "hours": "heures", "minutes": "minutes",
           "seconds": "secondes", "agents": "conseillers", "flag": "0/1", "index": "coefficient",
           "number": "nombre", "rate": "taux"},
}


def words(lang: str) -> dict:
    return TEXT[lang]
