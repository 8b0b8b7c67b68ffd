"""French (français): the same names and keys as :mod:`xlmodel.text.en`, in French.

Over 400 lines (about 830): one entry per text key, in the order of en.py; French sentences run longer
than English ones, so the same keys take more lines here."""

# The workbook (xlmodel.workbook.sheets): titles, headers, labels and help texts.
WORKBOOK = {
    "inputs_title": "Hypothèses : saisissez vos chiffres dans les cellules jaunes",
    "inputs_help": "Bleu sur jaune = saisie. Chaque saisie a une unité, des bornes (validation des données) et "
                   "une note avec sa source. Tout le reste est calculé et verrouillé (protection sans mot de "
                   "passe).",
    "label": "Hypothèse", "value": "Valeur", "unit": "Unité", "source": "Note et source",
    "seasonality": "Coefficient saisonnier", "months": ["janvier", "février", "mars", "avril", "mai", "juin",
                                                        "juillet", "août", "septembre", "octobre", "novembre",
                                                        "décembre"],
    "channels": "Canaux (une ligne par canal)", "constants": "Constantes (verrouillées)",
    "channels_help": "Bleu sur jaune = saisie. Les canaux en temps réel (téléphone, chat) sont dimensionnés sur leur "
                     "objectif de service, les canaux différés (e-mail, courrier) sur leur charge dans le délai de "
                     "réponse. Pour ajouter un canal, reconstruisez le classeur avec lui dans le fichier de cas.",
    "vendors_title": "Offres des prestataires : une ligne par offre",
    "vendors_help": "Modèles de prix : à l'heure (heure de conseiller connecté), à l'ETP-mois, à la minute "
                    "(minute traitée), au contact, forfait mensuel. Pour ajouter une offre, reconstruisez le "
                    "classeur avec elle dans le fichier de cas.",
    "hybrid_title": "Hybride : le prestataire prend une partie du travail, les experts restent en interne",
    "hybrid_help": "Modes : part fixe (une part de chaque canal), horaires étendus (le prestataire ouvre le soir "
                   "et le week-end et prend les contacts qui arrivent alors), débordement (le prestataire prend le "
                   "volume au-delà de la capacité interne les mois de pointe), par canal (le prestataire prend des "
                   "canaux entiers).",
    "to_vendor": "Confié au prestataire (mode canal)", "hybrid_scenario": "Scénario hybride",
    "calc_title": "Calculs : une colonne par mois, une formule par ligne",
    "line_item": "Poste", "month_start": "Mois commençant le",
    "staffing_title": "Effectifs : conseillers en poste dimensionnés par Erlang C (Erlang A si le canal le choisit), en formules natives (à jour)",
    "staffing_help": "Les conseillers en poste sont calculés ici par des formules natives : une recherche "
                     "Erlang C ou Erlang A exacte (décrite sur la feuille Méthode), si bien qu'une hypothèse modifiée les "
                     "recalcule dans tout Excel. En dessous, leur jumeau dimensionné par xlmodel en Python, "
                     "vérifié égal à chaque construction.",
    "staffing_native": "Conseillers en poste : Erlang C ou A natif (à jour ; la feuille Calculs utilise ces lignes)",
    "staffing_twin": "Jumeau Python : les mêmes effectifs dimensionnés par xlmodel à la construction (valeurs)",
    "twin_agree": "Les effectifs natifs égalent le jumeau Python (somme des carrés des écarts dans la tolérance)",
    "twin_verified": "Jumeau Python",
    "twin_ok": "concorde avec les effectifs natifs",
    "twin_differs": "DIFFÈRE des effectifs natifs alors que les hypothèses sont celles de la construction : "
                    "une erreur du modèle",
    "twin_stale": "vérifié à la construction ; les hypothèses ont changé depuis, les effectifs natifs ci-dessus "
                  "sont donc ceux à jour (la macro 'refresh' ou une reconstruction les vérifie à nouveau)",
    "sized_inputs": "Hypothèses d'après lesquelles le jumeau Python a été dimensionné",
    "at_sizing": "À la construction", "now": "Maintenant",
    "sizing_current": "Hypothèses inchangées depuis la construction (1)",
    "staffing_covered": "Recherche native des effectifs exacte chaque mois (trafic d'au plus 60 000 Erlangs par "
                        "intervalle)",
    "staffing_search": "La recherche native, étape par étape (pour chaque ligne d'effectifs : son trafic, la "
                       "recherche, le plancher d'occupation)",
    "staffing_verified": "Les effectifs natifs égalent leur jumeau Python (vérifié à la construction si les "
                         "hypothèses ont changé depuis)",
    "year_number": "Année",
    "compare_title": "Scénarios côte à côte",
    "compare_help": "Économies, ROI, délai de récupération et TRI sont mesurés par rapport à l'interne au niveau de service "
                    "cible (même service). VAN : l'année y est actualisée par (1 + r)^y, coûts ponctuels à la "
                    "signature (t = 0).",
    "annual_cost": "Coût annuel", "year": "Année", "cost_lines": "Coût annuel par poste",
    "one_off": "Coûts ponctuels à la signature", "one_off_total": "Coûts ponctuels, total",
    "discount_factor": "Facteur d'actualisation", "npv_cost": "VAN des coûts",
    "npv_savings": "VAN des économies vs interne", "roi": "ROI (VAN des économies / coûts ponctuels)",
    "payback": "Délai de récupération (mois)", "irr": "TRI",
    "flow": "Flux net vs interne", "cumulative": "Flux net cumulé vs interne",
    "contacts": "Contacts (tous canaux)", "cost_per_contact": "Coût par contact",
    "fte": "Conseillers internes (ETP, moyenne)", "vendor_fte": "ETP prestataire facturés (moyenne)",
    "average_cost_line": "Coût annuel moyen par poste", "eligible": "Atteint le service cible",
    "eligible_npv": "VAN des coûts, si éligible", "reference": "référence", "na": "s.o.",
    "no_single_irr": "pas de TRI unique",
    "after_tax": "Après impôt sur les sociétés (vue à part : les chiffres avant impôt ci-dessus classent les "
                 "scénarios)",
    "npv_cost_after_tax": "VAN des coûts après impôt",
    "npv_savings_after_tax": "VAN des économies vs interne après impôt",
    "checks_title": "Contrôles : chacun vaut 1 si vrai ; le contrôle général est le minimum",
    "check": "Contrôle", "result": "Résultat", "master": "Contrôle général (tous les contrôles passent)",
    "check_seasonality": "Les coefficients saisonniers ont une moyenne de 1",
    "check_annual": "Les coûts annuels concordent avec le calcul mensuel",
    "check_lines": "Les postes de coût s'additionnent aux coûts annuels",
    "check_npv": "VAN des économies = VAN des coûts interne - VAN des coûts du scénario",
    "check_prices": "Chaque prestataire a un prix supérieur à 0",
    "check_horizon": "Horizon tel que construit (une colonne par mois sur Calculs : un nouvel horizon demande une "
                     "reconstruction)",
    "check_python": "Les fonctions Python concordent avec leurs jumelles natives (si le complément est chargé)",
    "python_block": "Fonctions Python (demandent le complément xlwings ; voir le README)",
    "short_label": "Libellé court (graphiques)",
    "risk_title": "Risque et aide à la décision (calculés par xlmodel en Python)",
    "risk_help": "Tornade, Monte Carlo, notation des prestataires, points morts et vue économique sont calculés "
                 "en Python et écrits en valeurs ; le contrôle ci-dessous passe au rouge quand les hypothèses "
                 "changent, jusqu'à la macro 'refresh' ou une reconstruction. Méthode : feuille Méthode.",
    "risk_base": "Base de cette analyse", "risk_scenario": "Scénario analysé",
    "risk_base_at_analysis": "VAN des économies à l'analyse", "risk_base_now": "VAN des économies maintenant",
    "risk_current": "L'analyse de risque correspond aux hypothèses actuelles",
    "settings_used": "Paramètres de notation et de risque utilisés", "value_used": "Utilisé",
    "value_now": "Actuel (Hypothèses)", "changed": "Modifié (1)",
    "driver": "Facteur", "low_change": "Variation basse", "high_change": "Variation haute",
    "at_low": "VAN des économies, bas", "at_high": "VAN des économies, haut",
    "delta_low": "Écart au bas de la plage", "delta_high": "Écart au haut de la plage",
    "monte_carlo": "Monte Carlo : VAN des économies vs interne", "seed": "graine", "draws": "tirages",
    "p_cheapest": "Probabilité d'être le moins cher",
    "risk_note": "Centiles sur les tirages des facteurs incertains (leurs plages : feuille Hypothèses, Plages de risque).",
    "histogram": "Distribution de la VAN des économies", "bin_from": "De", "bin_to": "À", "bin_label": "Plage",
    "bin_range": "{low} à {high} k{symbol}",  # a histogram bin in thousands: "1 666 à 2 136 k€"
    "count": "Tirages", "scoring": "Notation des prestataires (pondérée, notes 1-5)", "vendor": "Prestataire",
    "total": "Total", "rank": "Rang", "knock_out": "Éliminé par", "weights": "Poids",
    "break_even": "Point mort : là où externaliser et internaliser coûtent la même VAN",
    "pricing_model": "Modèle de prix", "price": "Prix proposé", "break_even_price": "Prix d'équilibre",
    "break_even_at": "{vendor} à {price} (prix proposé {quoted})", "break_even_none": "{vendor} (aucun)",
    "headroom": "Marge", "break_even_volume": "Volume d'équilibre (contacts/an)", "note": "Note",
    "best_share": "Part hybride à la VAN de coût la plus basse",
    "economic": "Vue économique : coûts plus valeur des clients perdus",
    "inaction": "Coût de l'inaction (valeur des contacts perdus aujourd'hui, par an)",
    "economic_npv_cost": "VAN économique des coûts", "lost_value_npv": "VAN des clients perdus",
    "python_missing": "Complément Python non chargé",
    "method_title": "Méthode : comment chaque chiffre est calculé",
    "dashboard_title": "Relation client : interne, externalisée ou hybride ?",
    "recommendation": "Recommandation", "scenario": "Scénario", "checks_status": "Contrôles",
    "all_ok": "tous les contrôles passent", "not_ok": "UN CONTRÔLE ÉCHOUE : voir la feuille Contrôles",
    "chart_cost": "Coût annuel moyen par poste", "chart_cash": "Flux net cumulé vs interne",
    "chart_tornado": "Sensibilité de l'option recommandée (tornade)",
    "chart_tornado_top": "Sensibilité de l'option recommandée : les {count} plus grands écarts",
    # The recommendation: one template, rendered in Python (text.sentences.recommendation) and as the
    # Dashboard's native formula (text.sentences.recommendation_formula).
    "rec_option": "Recommandation : {option}. Économie de {saving} {currency} en VAN sur {horizon} face à "
                  "l'interne au même niveau de service ({targets}), {payback}",
    "rec_horizon_one": "1 an",
    "rec_horizon_many": "{years} ans",
    "rec_payback": "délai de récupération : {month} mois",
    "rec_no_payback": "coûts ponctuels non récupérés sur l'horizon",
    "rec_inhouse": "Recommandation : garder le service en interne, dimensionné au niveau de service cible "
                   "({targets}) ; l'alternative la moins chère, {option}, {costs}",
    "rec_cheapest": " ; option la moins chère dans {share} des {draws} tirages",
    "an_cheapest": "Calculé par xlmodel sur ces hypothèses (feuille Risques) : {option} est l'option la moins chère "
                   "dans {share} des {draws} tirages",
    "analytics_words": "Les analyses en mots (affichées sur le tableau de bord tant qu'elles correspondent aux "
                       "hypothèses)",
    "analytics_stale": "Périmées : analyse de risque, tornade, notation et points morts (feuille Risques) ont été "
                       "calculés sur d'autres hypothèses. Actualisez-les : macro refresh (complément xlwings) ou "
                       "python cli.py build -o BOOK.xlsx. La recommandation ci-dessus est à jour.",
    "rec_drivers": ". Sur l'économie de VAN{of}, {lead} : {drivers}",
    "rec_of": " de {scenario}",
    # Elision (xlmodel.text.elide): "de" before a vowel or a mute h is "d'" (d'Externalisé, d'Hybride),
    # not before y (de Yaoundé), onze, ouate, nor an aspirated h (de hausse, de hors).
    "elisions": "de:d' que:qu' le:l' la:l'",  # each word and its elided form
    "elision_before": r"(?!onze|ouate)[aeiouàâäéèêëîïôöûüæœ]|h(?:ybride|eure|oraire|ypoth|umain|ôte|abitu|istori)",
    "rec_lead_flip": "les deux facteurs qui pourraient la renverser",
    "rec_lead_sensitive": "les deux facteurs les plus sensibles",
    "rec_driver": "{driver} ({change} : {low} à {high} {currency})",
    "rec_and": " et ",
    "rec_neither": " (aucun des {count} facteurs du tornado ne la renverse dans sa plage)",
    "target_live": "{channel} {level} en {seconds} s",
    "target_deferred": "{channel} sous {hours} h",
    "service_targets": "Service cible",
    "points": " pts",
    "thousands": " ",
    "not_reached": "non atteint", "staff_unit": "conseillers",
    "conf_help": "Réglages xlwings : le module Python des fonctions (UDF) et des macros.",
    "seasonality_unit": "x mois moyen",
    "seasonality_source": "Les 12 coefficients doivent avoir une moyenne de 1 (contrôlé sur la feuille Contrôles).",
    "group_time": "Calendrier et indicateurs",
    "group_demand": "Demande",
    "group_vendor": "Conditions prestataire : {name}",
    "group_years": "Années : la colonne D est la signature (année 0), puis une colonne par année",
    "group_finance": "Finance par année : {label}",
    "print_page": "Page &P sur &N",
    "print_calc_note": "résultats annuels ; l'échéancier mensuel (une colonne par mois) se consulte à l'écran",
    "print_staffing_note": "les 12 premiers mois ; l'échéancier complet se consulte à l'écran",
    "print_method_note": "les valeurs par défaut et les sources figurent sur la feuille des hypothèses",
    "short_status_quo": "Statu quo",
    "short_inhouse": "Interne",
    "short_hybrid": "Hybride : {name}",
    "rate_hint": "Un pourcentage : saisissez 45% (enregistré 0,45).",
    "method_rows": "Postes : la formule de chaque type de ligne",
    "method_inputs": "Hypothèses : valeurs par défaut et sources",
    "method_default": "{label} (défaut {default}). {source}",
    "bounds_words": {
        " and ": " et ",
        "any value": "toute valeur",
    },
    "decimal": ",",
    "validation": {"choose": "Choisissez parmi : {choices}", "text": "Texte de {lo} à {hi} caractères",
                   "error_title": "Saisie refusée", "prompt_title": "Saisie", "no_unit": "sans unité",
                   "whole": "un nombre entier", "number": "un nombre", "between": "entre {lo} et {hi}",
                   "strictly": " (bornes exclues)", "above": "supérieur à {lo}", "at_least": "au moins {lo}",
                   "below": "inférieur à {hi}", "at_most": "au plus {hi}", "any_size": "de toute taille",
                   "enter": "Saisissez {what} {bounds} ({unit})", "prompt": "Unité : {unit}. {what} {bounds}."},
    # Lead, issue 16: the hybrid share's NPV of cost said in its note, not under the volume header
    "best_share_npv": "VAN des coûts à cette part : {npv} {cur}",
}
"""Keyed by what the word is for; templates take ``str.format`` fields (``{name}``)."""

# Units of the Calc rows, by the model's unit names (``{cur}``: the case currency).
UNITS = {"money": "{cur}", "fte": "ETP", "contacts": "contacts", "hours": "heures", "minutes": "minutes",
         "seconds": "secondes", "agents": "conseillers", "flag": "0/1", "index": "coefficient", "number": "nombre",
         "rate": "taux", "erlangs": "Erlangs", "weeks": "semaines", "relative": "relatif", "Erlangs": "Erlangs"}

# The Method sheet's conventions: ('h', heading) or ('p', paragraph).
METHOD = [
    ("h", "Scénarios"),
    ("p", "Statu quo : les conseillers (ETP) et le service d'aujourd'hui, avec ses contacts perdus. Il coûte "
          "moins cher seulement parce qu'il sert moins bien les clients : il est affiché, jamais recommandé."),
    ("p", "Interne au service cible : conseillers dimensionnés par Erlang C sur l'objectif de chaque canal "
          "(part répondue en moins de N secondes) sous son plafond d'occupation, puis convertis en ETP avec "
          "le taux d'indisponibilité et la formation. C'est la référence : toute économie est mesurée par "
          "rapport à lui (même niveau de service)."),
    ("p", "Externalisé : un scénario par offre. Le prestataire traite tous les contacts, avec sa propre "
          "durée de traitement (facteur de DMT, avec un surcroît de montée en charge qui décroît "
          "linéairement) et les rappels qu'implique sa résolution au premier contact (contacts x FCR interne "
          "/ FCR prestataire). Il est facturé au même niveau de service : les heures connectées sont au "
          "moins celles d'Erlang C."),
    ("p", "Niveau de service contractuel : une offre qui s'engage sous l'objectif d'un canal en temps réel "
          "n'est pas comparable (jamais recommandée). Un service sous l'objectif coûte son écart : les contacts "
          "répondus en retard au-delà de l'objectif (objectif - service rendu, l'engagement moins son écart "
          "attendu) x la part de ceux-ci qui raccrochent x l'attrition x la valeur d'un client, si bien qu'un "
          "engagement plus bas ne baisse jamais le coût."),
    ("p", "Hybride : un scénario par prestataire, dans le mode choisi (part fixe, horaires étendus, "
          "débordement, par canal). Chaque partie est dimensionnée sur son propre volume : scinder une file perd de "
          "l'efficacité de mutualisation, et le modèle le montre. Faire tourner deux organisations coûte le "
          "minimum de facturation, la mise en place, le transfert, l'intégration et la réversibilité, "
          "affichés explicitement."),
    ("h", "À périmètre égal : les règles qui chiffrent les deux parties"),
    ("p", "Base horaire : un ETP interne travaille ses heures travaillées de l'année (1 607 h en France : 35 h "
          "par semaine, les cinq semaines de congés payés et les jours fériés déjà déduits) ; un ETP prestataire "
          "travaille les heures par ETP-mois facturé de son offre, sur la même base (congés déduits)."),
    ("p", "Indisponibilité : la part de ces heures travaillées passée hors contacts (maladie, pauses, "
          "formation continue, réunions, travail hors ligne), jamais de nouveau les congés ; chaque partie a la "
          "sienne, et les ETP facturés par un prestataire découlent de la charge et de son indisponibilité (au "
          "moins ce que la charge demande)."),
    ("p", "Règle de flexibilité : chaque mois, chaque partie paie la pointe de son année moins sa propre "
          "flexibilité saisonnière x (pointe - besoin du mois), l'interne sur ses ETP, le prestataire sur ses "
          "heures et ETP facturés ; les offres à l'unité suivent le volume (le prestataire porte la flexibilité)."),
    ("p", "Efficacité de planification : les conseillers en poste sont dimensionnés sur une demi-heure moyenne ; "
          "couvrir une semaine avec ses pointes par des vacations entières demande conseillers en poste x heures "
          "de service / l'efficacité de planification de temps planifié (une hypothèse pour les deux parties ; "
          "1 : aucune perte) : l'interne sur ses ETP, le prestataire sur les heures connectées de ses offres à "
          "l'heure et à l'ETP ; les prix au contact et à la minute l'absorbent."),
    ("p", "Périmètre du minimum : un minimum mensuel, comme un forfait mensuel, est coté pour tout le "
          "périmètre ; un hybride le porte au prorata de sa part de la charge de ce périmètre, si bien que "
          "scinder un périmètre ne l'augmente jamais."),
    ("p", "Règle du TRI : le taux qui annule la VAN des économies (flux : - coûts ponctuels à t = 0, puis les "
          "économies annuelles), donné seulement si les coûts ponctuels sont récupérés sur l'horizon et si le "
          "flux net ne change de signe qu'une fois ; s'il en change plusieurs fois, plusieurs taux peuvent "
          "annuler la VAN et le classeur indique « pas de TRI unique »."),
    ("p", "Facteurs de risque : chaque donnée chiffrée qui atteint un coût est un facteur du tornado (et du "
          "Monte Carlo, sauf les prix des prestataires, le taux d'actualisation et le niveau de service "
          "contractuel) ou en est écartée pour une raison donnée (un objectif, un fait propre au client, un "
          "chiffre de l'offre, un choix de conception) ; la recommandation ne dit qu'aucun facteur ne la "
          "renverse que si aucun ne le fait."),
    ("p", "Reprise du personnel (Code du travail L1224-1) : une offre peut reprendre les conseillers actuels avec "
          "leurs contrats. Ses sortants ne touchent pas d'indemnité et ne sont pas payés pendant le double fonctionnement (ils "
          "continuent chez le prestataire) ; l'offre les facture par une majoration de sa facture (leur salaire et "
          "leur ancienneté, plus chers que ses propres recrues). Elle suppose un site en France ; les autres coûts "
          "de transition restent ceux saisis."),
    ("h", "Fiscalité"),
    ("p", "TVA : les factures du prestataire et ses frais de mise en place portent la TVA au taux de TVA (20 % en "
          "France) ; les salaires n'en portent pas. Un prestataire à l'étranger (nearshore, offshore) facture hors "
          "TVA et le client l'autoliquide au même taux. Le client en récupère sa part : la TVA non récupérée, "
          "facture x taux x (1 - part récupérée), est une ligne de coût (nulle pour une entreprise assujettie, "
          "toute la TVA pour une banque, un assureur, un hôpital ou un organisme public exonérés)."),
    ("p", "Vue après impôt, à côté des chiffres avant impôt (jamais à leur place) : les coûts sont déduits d'un "
          "bénéfice imposé au taux d'impôt sur les sociétés (25,8 % en France en 2026 : 25 % plus la contribution "
          "sociale de 3,3 %), le coût de chaque année dans son année et les coûts ponctuels l'année indiquée (à la "
          "signature par défaut). VAN des coûts après impôt = ponctuels x (1 - impôt / (1 + r)^d) + (1 - impôt) x "
          "la VAN des coûts annuels ; avec d = 0 chaque VAN est multipliée par (1 - impôt) et le classement ne peut "
          "pas changer. La recommandation se fait sur les chiffres avant impôt."),
    ("h", "Conventions"),
    ("p", "Temps : une colonne par mois sur l'horizon ; les totaux annuels sont les sommes des mois de "
          "chaque année."),
    ("p", "VAN des coûts = coûts ponctuels + Σ sur les années y de (coût de l'année y) / (1 + r)^y : actualisation en "
          "fin d'année, coûts ponctuels à la signature (t = 0), facteurs d'actualisation explicites. La "
          "fonction VAN() d'Excel actualise sa première valeur d'une période ; elle n'est pas utilisée."),
    ("p", "VAN des économies = − coûts ponctuels + Σ sur les années y de (coût interne − coût du scénario, de "
          "l'année y) / (1 + r)^y. ROI = VAN des économies / coûts ponctuels."),
    ("p", "Mois de retour : le premier mois où l'économie cumulée non actualisée, chaque économie annuelle "
          "répartie sur ses 12 mois, atteint les coûts ponctuels ; 0 sans coûts ponctuels (le statu quo, qui ne "
          "change rien, n'en a pas : s.o.)."),
    ("p", "Effectifs : les contacts arrivent uniformément sur les heures d'ouverture (pas de profil "
          "intra-journalier) ; les conseillers en poste sont dimensionnés par intervalle de 30 minutes. La "
          "simultanéité du chat divise la durée de traitement. Les canaux différés (e-mail) demandent leur "
          "charge divisée par le plafond d'occupation. Effectif interne de chaque mois = pointe de l'année - "
          "flexibilité saisonnière x (pointe - besoin)."),
    ("p", "La feuille Staffing dimensionne chaque équipe en formules natives, si bien qu'une hypothèse "
          "modifiée recalcule les effectifs dans tout Excel : trafic A = contacts par intervalle x durée de "
          "traitement / 1 800 s ; Erlang B(N) = POISSON(N, A, FAUX) / POISSON(N, A, VRAI) ; Erlang C = N B / "
          "(N - A (1 - B)) ; niveau de service SL(N) = 1 - C x EXP(-(N - A) x délai de réponse / durée de "
          "traitement). Le plus petit N avec SL(N) >= objectif est trouvé par une recherche dichotomique depuis "
          "ARRONDI.INF(A) : douze pas de 2 048, 1 024, ... 1 conseillers (chacun une valeur verrouillée en "
          "colonne C de sa ligne), chaque candidat étant le précédent moins le pas si le précédent atteint "
          "l'objectif, plus le pas sinon ; un candidat au-delà d'A + durée de traitement / délai de réponse x "
          "LN(1 / (1 - objectif)) atteint l'objectif quel que soit C, il n'est donc pas calculé. Puis le "
          "plafond d'occupation : au moins le plus petit k avec A / k <= plafond. Conseillers = (A > 0) x "
          "MAX(recherche + 1, k) ; canaux différés A / plafond ; la pointe de l'année par SOMMEPROD(MAX(...)) "
          "sur ses mois. La recherche est exacte jusqu'à 60 000 Erlangs par intervalle et 4 095 conseillers "
          "au-delà du trafic (la feuille Staffing le vérifie chaque mois ; un cas au-delà est refusé)."),
    # -- erlang (issue 15) : dimensionnement en Erlang A -----------------------------------------
    ("p", "Erlang A (canal dimensionné en Erlang A, avec une patience moyenne) : les appelants "
          "raccrochent au bout d'une patience exponentielle. L'objectif compte un abandon comme un échec : "
          "contacts répondus dans le délai sur l'ensemble des contacts ; le plafond d'occupation porte sur le "
          "trafic traité, A x (1 - taux d'abandon) / N. Avec r = patience / durée de traitement, x = N r, y = A r, "
          "u = EXP(-délai de réponse / patience) et G_s(z) = GAMMADIST(z, s, 1, VRAI) (LOI.GAMMA dans Excel en "
          "français) : masse sous N rho = POISSON(N - 1, A, VRAI) x EXP(x LN(y) - y - GAMMALN(x + 1) - "
          "LN(POISSON(N, A, FAUX)) - LN(G_x(y))) ; niveau de service = (rho + x / y (G_x+1(y) - G_x+1(y u)) / G_x(y)) / (rho + 1) ; "
          "occupation = A (rho + x / y G_x+1(y) / G_x(y)) / (N (rho + 1)). Même recherche dichotomique, à partir "
          "d'ARRONDI.INF(objectif x A / plafond) - 1 ; loin au-dessus du trafic, Erlang C tranche (il majore "
          "Erlang A). Exact jusqu'à 5 000 Erlangs par intervalle et une patience de 50 durées de traitement."),
    ("p", "Les mêmes effectifs dimensionnés par xlmodel en Python (la récurrence d'Erlang B) sont écrits à "
          "côté comme leur jumeau, avec les hypothèses utilisées ; chaque construction vérifie qu'ils "
          "concordent. Après la modification d'une hypothèse, les effectifs natifs sont ceux à jour et le "
          "jumeau indique « vérifié à la construction », jusqu'à la macro 'refresh' ou une reconstruction."),
    ("p", "Montants dans la devise du cas ; taux en fractions (0,08 = 8 %) ; prix des prestataires indexés "
          "chaque année : P = P0 x (part fixe + (1 - part fixe) x (1 + indexation)^(année - 1))."),
]

# The quote form (xlmodel.tender).
FORM = {
    "instructions": "Instructions",
    "quote": "Offre",
    "title": "Formulaire d'offre : externalisation de la relation client",
    "quote_help": "Saisissez vos réponses dans les cellules jaunes seulement ; lisez d'abord la feuille "
                  "Instructions. Tous les montants sont en {currency}, hors TVA.",
    "currency": "Devise de tous les montants",
    "field": "Rubrique",
    "answer": "Votre réponse",
    "unit": "Unité",
    "guidance": "Explications",
    "default": "Vide : compté comme {value}.",
    "paragraphs": (
        "Merci de répondre à notre appel d'offres. Donnez votre offre dans la feuille « {quote} » : "
        "saisissez vos réponses dans les cellules jaunes de la colonne « {answer} ». Toutes les autres "
        "cellules sont verrouillées.",
        "Un formulaire par offre. Si vous proposez plusieurs options (onshore et nearshore, prix à l'heure "
        "et à l'ETP...), copiez ce fichier et remplissez un formulaire par option, chacun avec son propre "
        "nom à la première ligne (ex. « Acme - nearshore »).",
        "Unités : chaque ligne indique son unité dans la colonne « {unit} », et chaque cellule jaune porte "
        "une note (survolez-la) avec l'unité et les valeurs admises. Tous les montants sont en {currency}, "
        "hors TVA.",
        "Les taux et les parts sont des pourcentages : leurs cellules sont au format %, saisissez 45% et la "
        "cellule enregistre la fraction 0,45. Saisi comme un nombre simple, un taux est une fraction : 0,45 "
        "pour 45 %.",
        "Modèle de prix : choisissez-en un dans la liste : à l'heure (par heure de conseiller connecté), "
        "à l'ETP-mois (par ETP facturé et par mois), à la minute (par minute traitée), au contact (par "
        "contact traité) ou forfait mensuel (un montant fixe par mois). Le prix est dans l'unité de ce "
        "modèle.",
        "Obligatoire : le nom de votre société, le modèle de prix, le prix, le nom et l'e-mail du contact. "
        "Une cellule facultative laissée vide compte pour la valeur indiquée dans la colonne « {guidance} » "
        "; merci de répondre à toutes les lignes malgré tout.",
        "Ne modifiez pas la mise en page : n'insérez, ne supprimez, ne déplacez ni ne renommez aucune ligne, "
        "colonne ou feuille, et gardez la colonne masquée. Le formulaire est lu automatiquement ; les "
        "feuilles sont protégées sans mot de passe seulement pour éviter les accidents.",
        "Non demandé ici : la qualité de service, la sécurité et la conformité RGPD, la solidité financière "
        "et l'adéquation de votre localisation sont notées par nos soins (visites, références, audits, "
        "notations financières).",
        "Renvoyez ce fichier au format Excel (.xlsx), pas en PDF ni en CSV. Les macros et les liaisons vers "
        "d'autres fichiers ne sont pas lues : un fichier qui en contient est accepté, mais elles sont "
        "ignorées.",
    ),
    "labels": {
        "name": "Raison sociale (nom de cette offre)",
    },
    "price_unit": "{currency} par unité de prix (voir explications)",
    "groups": {
        "company": "Votre société",
        "price": "Prix",
        "operations": "Production et productivité",
        "certifications": "Certifications",
        "contract": "Contrat",
        "references": "Références clients (client, secteur, périmètre, depuis quand)",
    },
}

# What each row of the quote form asks, in the vendor's words, by field name.
GUIDANCE = {
    "name": "Obligatoire. Le nom de votre société tel qu'il apparaîtra dans la comparaison ; un nom par "
            "offre (ex. « Acme - nearshore » pour une seconde offre).",
    "location": "Où travaillent les conseillers : national (France), nearshore (ex. Maghreb, Europe du Sud) "
                "ou offshore.",
    "production_sites": "Les sites qui nous serviraient.",
    "production_countries": "Les pays de ces sites (les données peuvent y être traitées).",
    "annual_revenue": "Chiffre d'affaires du groupe, dernier exercice clos.",
    "years_in_business": "Années depuis la création de la société.",
    "agent_headcount": "Conseillers employés aujourd'hui, tous clients confondus.",
    "contact_name": "Obligatoire. Qui répond à nos questions sur cette offre.",
    "contact_email": "Obligatoire.",
    "pricing_model": "Obligatoire. À l'heure : par heure de conseiller connecté ; à l'ETP-mois : par ETP "
                     "facturé et par mois ; à la minute : par minute traitée ; au contact : par contact "
                     "traité ; forfait mensuel : un montant fixe par mois.",
    "price": "Obligatoire. Hors TVA, dans l'unité du modèle de prix ci-dessus.",
    "minute_unit": "Prix à la minute seulement : minutes conseiller (les minutes que vos conseillers "
                   "consacrent à nos contacts : un chat traité à deux en même temps compte pour la moitié de "
                   "sa durée) ou minutes de contact (la durée propre de chaque contact).",
    "setup_fee": "Hors TVA, facturés une fois au démarrage (transition, formation, installation).",
    "minimum_monthly": "La facture mensuelle minimale, s'il y en a une (0 : aucune).",
    "indexation_rate": "Révision annuelle attendue des prix (ex. 2,5 % pour un indice de type Syntec).",
    "indexation_fixed_share": "La part du prix non indexée par la clause de révision : P = P0 x (part fixe + "
                              "(1 - part fixe) x rapport des indices).",
    "bonus_malus": "Bonus (+) ou pénalité (-) attendu sur la facture, en part de celle-ci.",
    "staff_transfer": "oui si ce prix reprend nos conseillers avec leurs contrats (Code du travail L1224-1), sur "
                      "un site en France ; non sinon. Répondez deux fois si vous proposez les deux.",
    "transfer_uplift": "Avec reprise seulement : ce que vous ajoutez au prix pour les conseillers repris (salaire, "
                       "ancienneté, convention), en part de la facture (0 si le prix les inclut).",
    "aht_factor": "Votre durée moyenne de traitement en régime, rapportée à la nôtre (1,00 = la même, 1,10 = "
                  "10 % plus longue).",
    "ramp_up_months": "Mois avant que votre durée de traitement atteigne le régime.",
    "ramp_up_aht_premium": "Durée de traitement supplémentaire le premier mois, réduite à 0 sur la montée en "
                           "charge.",
    "occupancy_billed": "Contrats horaires : temps traité / temps connecté que suppose votre prix.",
    "hours_per_fte_month": "Heures travaillées par ETP facturé et par mois : votre durée contractuelle du "
                           "travail, hors congés payés et jours fériés (ex. 1 607 h / 12 = 133,9 h en France).",
    "shrinkage": "Part des heures travaillées où vos conseillers ne traitent pas de contacts : maladie, "
                 "formation, réunions, coaching, pauses (ni congés payés ni jours fériés, déjà hors des heures "
                 "travaillées).",
    "seasonal_flex": "Contrats horaires et à l'ETP : la part de notre écart saisonnier que votre facture suit "
                     "sous le mois de pointe de l'année (0 : facturé à la pointe toute l'année ; 1 : les heures de "
                     "chaque mois).",
    "fte_proposed": "Contrats à l'ETP seulement : les ETP que vous proposez de facturer (0 ou vide sinon).",
    "first_contact_resolution": "Part des contacts résolus sans nouveau contact.",
    "committed_service_level": "Part des contacts répondus dans le délai cible sur laquelle vous vous "
                               "engagez, avec pénalités.",
    "languages": "Codes de langue séparés par des virgules (ex. fr, en, es).",
    "coverage_24_7": "Pouvez-vous servir 24 h/24, 7 j/7 ?",
    "certified_nf345_iso18295": "Certificat en cours de validité pour les sites ci-dessus.",
    "certified_iso27001": "Certificat en cours de validité pour les sites ci-dessus.",
    "certified_pci_dss": "Conforme pour les paiements par carte pris au téléphone.",
    "minimum_term_months": "La durée de contrat la plus courte acceptée.",
    "exit_notice_months": "Préavis pour mettre fin au contrat.",
    "quote_validity_months": "Durée de validité de ces prix.",
    "reference_1": "Un client que nous pouvons appeler : société, secteur, périmètre, depuis quand, contact.",
    "reference_2": "Idem.",
    "reference_3": "Idem.",
}

# The unit of a quoted price, by pricing model.
PRICE_UNITS = {
    "per_hour": "par heure de conseiller connecté",
    "per_fte_month": "par ETP facturé et par mois",
    "per_minute": "par minute traitée",
    "per_contact": "par contact traité",
    "fixed_monthly": "par mois (forfait)",
}

# Issue 14, scénarios de portefeuille (feuille Sourcing, terminal, notes) : un bloc à part.
WORKBOOK.update({
    "sourcing_title": "Répartition : portefeuilles de prestataires et équipe interne, canal par canal",
    "sourcing_help": "Chaque portefeuille confie chaque canal à l'équipe interne, à des prestataires selon des parts "
                     "(l'interne prend le reste), ou à un prestataire dans un mode : horaires étendus (les "
                     "contacts hors des heures d'ouverture internes) ou débordement (le volume au-delà de la capacité interne). "
                     "Parts, modes et prestataires se recalculent ; un prestataire ajouté à un portefeuille et les "
                     "canaux couverts par une offre sont pris en compte à la prochaine reconstruction.",
    "quoted_title": "Canaux couverts par chaque offre (vide : tous les canaux)",
    "quoted_channels": "Canaux de l'offre",
    "portfolio_title": "Portefeuille {number}",
    "portfolio_name": "Nom du portefeuille",
    "pf_mode": "Mode",
    "pf_vendor": "Prestataire du mode",
    "pf_inhouse": "Part interne (le reste)",
    "pf_shares": "Part confiée à chaque prestataire (par parts)",
    "pf_results": "Équipes et factures, année 1",
    "pf_inhouse_fte": "ETP internes",
    "pf_vendor_fte": "ETP facturés : {vendor}",
    "pf_invoice": "Facture : {vendor}",
    "pf_governance": "Pilotage : {vendor}",
    "pf_pooling": "Perte de mutualisation (ETP)",
    "pf_valid": "Valide (1)",
    "check_sourcing": "Affectations des portefeuilles valides (parts de 100 % au plus, prestataire du mode dans le "
                      "portefeuille)",
    "method_portfolio_title": "Scénarios de portefeuille",
    "method_portfolio": "Un portefeuille confie chaque canal à l'équipe interne, à des prestataires selon des parts "
                        "(par parts), ou à un prestataire pour les contacts hors des heures d'ouverture internes "
                        "(horaires étendus) ou pour le volume au-delà de la capacité interne (débordement). Chaque équipe "
                        "est dimensionnée sur sa propre part ; la perte de mutualisation est le surcroît d'heures de "
                        "conseillers des files séparées par rapport à la part de chacun dans une file mutualisée par "
                        "canal, en ETP internes. Chaque prestataire est facturé selon sa propre offre, son minimum "
                        "porté au prorata de sa part des canaux de son offre. Chaque prestataire est piloté à part : "
                        "le taux de pilotage de sa facture, au moins le plancher de pilotage (un responsable "
                        "prestataire par prestataire). Chaque prestataire retenu apporte ses frais de mise en place, "
                        "son transfert de connaissances, son intégration informatique et sa provision de "
                        "réversibilité ; les conseillers actuels ne partent qu'une fois (une indemnité, un double fonctionnement).",
    "short_portfolio": "Portefeuille : {name}",
    "portfolio_analytics": "La tornade, le Monte Carlo et la vue économique couvrent les scénarios de portefeuille, y "
                           "compris par phases ; les points morts et la notation des prestataires sont propres à "
                           "chaque offre (son scénario externalisé, sa part hybride) et ne s'appliquent pas à un "
                           "portefeuille, qui combine plusieurs offres.",
})

# Issue 16 (board words): the Method sheet's formulas in words, the kinds of FTE, units and tax basis.
WORKBOOK.update({
    "method_reading": "Chaque ligne se lit « poste = formule ». Les termes sont nommés comme sur les feuilles Calculs, "
                      "Hypothèses et Canaux ; × multiplie, / divise, ^ élève à la puissance, Σ additionne ; « 1 si "
                      "condition, sinon 0 » est un indicateur. La ligne d'un prestataire ou d'un scénario montre le "
                      "premier de son type ; les autres suivent la même formule avec leurs propres chiffres.",
    "method_seasonality": "Coefficients saisonniers mensuels",
    "method_to_vendor": "{channel} confié au prestataire (oui/non)",
    "method_this_one": "celui-ci",
    "scenario_key": "Clé du scénario (pour les formules)",
    "not_applicable": "s.o.",
    "fte_paid": "ETP internes payés (moyenne)",
    "fte_billed": "ETP prestataire facturés (moyenne)",
    "fte_note": "Les ETP ne sont pas une même unité : les ETP internes payés sont les conseillers de la masse salariale "
                "(chacun travaille les heures payées moins congés, formation et inactivité) ; les ETP prestataire "
                "facturés sont ceux que compte sa facture, à ses propres heures par ETP-mois (pour une offre à la "
                "minute ou au contact, les ETP que son travail demande). Comparez des coûts, pas des effectifs.",
    "tax_basis": "Base fiscale : coûts et économies avant impôt sur les sociétés (à {tax} %, les VAN après impôt "
                 "figurent sur la feuille de comparaison) ; factures prestataire nettes de la TVA récupérée "
                 "({recovery} % de la TVA à {vat} % ; la part non récupérée est un poste de coût).",
    "fte_paid_year1": "ETP internes payés (moyenne année 1)",
    "decimal_mark": ",",
    "colon": " : ",
    "semicolon": " ; ",  # French sets a space before it, as before a colon
})

# Issue 14, portefeuilles par phases et tableau de bord du pilote (w6-phases) : un bloc à part.
WORKBOOK.update({
    "pf_phase": "Phase {number} : à partir du mois",
    "kpi_title": "Phase {number} : objectifs (KPI)",
    "kpi_target": "Objectif",
    "kpi_measured": "Mesuré (à saisir)",
    "kpi_status": "Statut",
    "kpi_met": "atteint",
    "kpi_not_met": "non atteint",
    "kpi_to_measure": "à mesurer",
    "method_phases_title": "Portefeuilles par phases",
    "method_phases": "Un portefeuille par phases change de répartition aux mois où ses phases commencent (un pilote, "
                     "puis un périmètre élargi) : chaque mois prend les parts et les heures de service de sa phase, "
                     "et la pointe de chaque partie (règle de flexibilité) est prise dans l'année et dans la phase. "
                     "Une phase commençant après le mois 1 porte ses coûts ponctuels sur son premier mois : frais de "
                     "mise en place, transfert de connaissances, intégration informatique et provision de "
                     "réversibilité de chaque prestataire retenu pour la première fois, indemnités et double fonctionnement des "
                     "conseillers internes dont elle n'a plus besoin (ETP du mois précédent moins ETP de son premier "
                     "mois). Ils entrent dans le coût de l'année (le délai de récupération répartit l'économie de "
                     "chaque année sur ses mois) ; le ROI divise par les coûts ponctuels à la signature.",
})
# Issue 16 (pages prêtes pour le conseil) : les unités que les pages imprimées montraient en anglais.
UNITS.update({"handling_times": "durées de traitement"})
# Issue 15 (vrais plannings, contrôles croisés) : le profil d'arrivée hebdomadaire sur Effectifs, Contrôles et Méthode.
WORKBOOK.update({
    "staffing_profile": "Profil d'arrivée hebdomadaire : conseillers que ses vacations ajoutent à chaque équipe en "
                        "direct par rapport à la tranche moyenne (chaque tranche de la semaine dimensionnée pour "
                        "elle-même, puis planifiée en vacations : valeurs Python de la construction, que les "
                        "effectifs natifs ci-dessus ajoutent ; après une modification, reconstruire)",
    "profile_uplift_row": "{row} \u2013 conseillers ajoutés par le profil d'arrivée (tranches dimensionnées une à une, puis vacations)",
    "check_sizing_rules": "Les canaux en Erlang A indiquent une patience > 0 et d'au plus 50 durées de traitement "
                          "(DMT / simultanéité)",
    "check_quote_rules": "Offres : une reprise du personnel sur un site en France, une majoration seulement avec une "
                         "reprise, des ETP proposés seulement pour une offre à l'ETP",
    "check_finance_rules": "Finance : TVA récupérée entre 0 et 1, coûts ponctuels déduits dans l'horizon",
    "check_profile": "Profil d'arrivée dimensionné d'après les hypothèses actuelles (ses vacations sont "
                     "dimensionnées à la construction : après une modification du profil ou des hypothèses "
                     "d'effectifs, reconstruire)",
})
METHOD.insert(next(k for k, (_, text) in enumerate(METHOD) if text.startswith("Efficacité de planification")) + 1, (
    "p", "Profil d'arrivée hebdomadaire (facultatif : un poids par jour ouvert et par tranche d'une journée) : "
         "chaque tranche de la semaine reçoit la part poids du jour x poids de la tranche / (somme des poids des "
         "jours x somme des poids des tranches) des contacts, chaque tranche en direct est dimensionnée pour "
         "elle-même (Erlang C ou A au trafic moyen x sa part / la part moyenne), et chaque niveau de la courbe d'une "
         "journée est tenu par des vacations d'au moins la durée la plus courte (au plus la journée), une suite de "
         "tranches rejoignant la vacation précédente quand cela ne coûte pas plus qu'une vacation à elle ; "
         "conseillers en poste = tranches-conseillers planifiées / tranches de la semaine. Un profil plat donne les "
         "chiffres d'aujourd'hui ; une pointe plus courte qu'une vacation coûte cette vacation. Équipes internes et "
         "du prestataire (les heures connectées des offres à l'heure et à l'ETP le suivent) ; le travail différé "
         "n'est pas profilé."))
# Issue 14 (continuité, réinternalisation) : le bloc de continuité de la feuille Répartition, le groupe
# de Calc, les mots du scénario de réinternalisation, les tableaux du terminal et la Méthode.
WORKBOOK.update({
    "group_continuity": "Continuité : {label}",
    "check_reinternalisation": "L'année de réinternalisation vaut 0 (aucune) ou de 2 à l'horizon",
    "check_reinternalisation_none": "L'année de réinternalisation vaut 0 (une année demande une reconstruction, "
                                    "qui ajoute son scénario)",
    "cont_title": "Continuité : la défaillance d'un prestataire",
    "cont_help": "Pour chaque prestataire de chaque portefeuille : la part du volume qui en dépend, et ce que coûte "
                 "sa défaillance pendant les semaines de « Défaillance d'un prestataire : semaines sans service » "
                 "(Hypothèses). Sans secours, ses contacts de ces semaines sont perdus, chacun à la valeur d'un contact perdu (part de clients "
                 "perdus x valeur d'un client perdu) ; avec secours, l'autre prestataire retenu le moins cher les "
                 "reprend à son propre coût par contact majoré de l'urgence (aucun autre retenu : un secours au "
                 "prix du prestataire défaillant).",
    "cont_vendor": "Portefeuille : prestataire défaillant",
    "cont_head_cont_dependence": "Part du volume qui en dépend",
    "cont_head_cont_contacts": "Contacts pendant la défaillance",
    "cont_head_cont_lost": "Sans secours : valeur des contacts perdus",
    "cont_head_cont_cost_unit": "Son coût par contact",
    "cont_head_cont_backup_unit": "Coût par contact du secours",
    "cont_head_cont_backup": "Avec secours : coût au prix d'urgence",
    "cont_line": "{portfolio} : {vendor}",
    "short_reinternalised": "Réinternalisé",
    "cont_terminal_title": "Continuité : un prestataire défaillant pendant {weeks} semaines (majoration d'urgence "
                           "{premium})",
    "cont_terminal_head": ("Portefeuille : prestataire", "Part du volume", "Contacts", "Perdu sans secours k{cur}",
                           "Avec secours k{cur}"),
    "ri_terminal": "Réinternalisation l'année {year} : l'offre la moins chère au service cible ({vendor}) jusque-là, "
                   "puis l'interne ; le retour coûte {cost} k{cur} (embauches, résiliation, double fonctionnement, transfert et "
                   "informatique) ; VAN des coûts {npv} k{cur} contre {stay} k{cur} en restant externalisé "
                   "({diff} k{cur}).",
    "method_continuity_title": "Continuité et réinternalisation",
    "method_continuity": "Continuité (chaque prestataire d'un portefeuille) : sa part du volume ; ses contacts d'une "
                         "semaine moyenne de l'horizon x les semaines de défaillance ; sans secours, ils sont perdus, "
                         "chacun à la part de clients perdus x la valeur d'un client perdu ; avec secours, l'autre "
                         "prestataire retenu le moins cher les reprend à son coût par contact (facture / contacts sur "
                         "l'horizon) x (1 + majoration d'urgence). Réinternalisation l'année N : l'offre externalisée "
                         "la moins chère au service cible jusqu'au mois 12 (N - 1), puis l'interne au service cible, "
                         "plus le coût du retour (l'équipe réembauchée, l'indemnité de résiliation (mois de durée minimale "
                         "restants x dernière facture x part), le prestataire facturé de nouveau pendant le double "
                         "fonctionnement, le transfert de connaissances et l'informatique) ; sa provision de réversibilité à la "
                         "signature est remplacée par ces coûts.",

    # w7-wayback (issue 14): the way back in-house in the decision analytics, its break-even return cost.
    "rb_return_npv": "Retour en interne : coûts du retour, VAN",
    "rb_break_even": "Retour en interne : coût du retour au point mort, VAN (revenir coûte autant que rester)",
    "rb_never": "Négatif : même un retour gratuit coûte plus que rester externalisé",
    "rb_pays": "Revenir l'emporte sur rester tant que le retour coûte moins que ce montant",
    "ri_break_even_terminal": "Coût du retour au point mort (VAN) {even} k{cur}, contre {cost} k{cur} modélisés : "
                              "{verdict}.",
    "ri_verdict_never": "même un retour gratuit coûte plus que rester externalisé",
    "ri_verdict_pays": "revenir l'emporte sur rester",
    "ri_verdict_stays": "rester externalisé coûte moins cher aux coûts de retour modélisés",
    "method_way_back_title": "Le retour en interne dans les analyses d'aide à la décision",
    "method_way_back": "La tornade, le Monte Carlo et la vue économique couvrent le scénario de réinternalisation comme "
                       "tout autre ; à chaque tirage ou borne, l'offre quittée est choisie de nouveau (la moins chère "
                       "au service cible). Coût du retour au point mort (VAN) = VAN des coûts du retour + VAN des "
                       "coûts en restant externalisé avec l'offre retenue - VAN des coûts du retour en interne : le "
                       "plus que le retour (réembauches, résiliation, double fonctionnement, transfert et informatique) peut "
                       "coûter, en valeur actuelle, pour que revenir ne coûte pas plus que rester. Les coûts du retour "
                       "n'entrent qu'une fois et ne changent pas l'offre retenue : le calcul est exact ; négatif, même "
                       "un retour gratuit coûte plus que rester.",
})


# Issue 16, the words left (validation messages, percent typography, the in-house sentence): one block.
WORKBOOK.update({
    "percent_sign": " %",  # a space before the sign, as between thousands (80 %)
    "percent_format_space": "\u00a0",  # before the sign of a cell's percent format: a no-break space (15,2 %)
    "rec_alt_more": "coûte {extra} {currency} de plus en VAN",
    "rec_alt_less": "coûte {extra} {currency} de moins en VAN mais n'atteint pas le niveau de service cible",
    "rec_alt_same": "coûte autant en VAN",
})

# Issue 16: the validation problems (xlmodel.errors.Problem's key), said by xlmodel.text.problems. The
# values are filled in the language's style; {hint} is a sub-sentence or empty.
PROBLEMS = {
    "types": {"str": "texte", "int": "nombre entier", "float": "nombre", "bool": "booléen", "list": "liste",
              "dict": "table", "NoneType": "vide", "text": "texte", "choice": "choix", "number": "nombre",
              "money": "montant", "rate": "taux"},
    "one_of": "l'une des valeurs {values}", "between": "{lo} {low} et {hi} {high}", "any_value": "toute valeur",
    "did_you_mean": " : vouliez-vous dire {name} ?", "known_keys": " ; clés connues : {keys}",
    "known": " ; noms connus : {names}", "known_none": " ; aucun n'est défini",
    "rate_hint": " : un taux s'écrit en fraction, saisissez {fraction} pour {percent} %",
    "yes_no": "doit valoir oui ou non (ou o, 1 / n, 0), lu : {found}",
    "expected_text": "texte attendu, lu : {type} {found}",
    "too_long": "doit compter au plus {most} caractères (lu : {count} caractères)",
    "not_a_choice": "doit être {bounds} (lu : {found}){hint}",
    "empty": "ne doit pas être vide",
    "expected_number": "nombre attendu ({unit_or_kind}), lu : {type} {found}",
    "not_finite": "doit être un nombre fini (lu : {found})",
    "not_whole": "doit être un nombre entier de {unit} (lu : {found})",
    "out_of_bounds": "doit être {bounds_unit} (lu : {found}){hint}",
    "unknown_key": "clé inconnue {found}{hint}",
    "expected_table": "table attendue, lu : {type}",
    "required": "est obligatoire ({label_unit})",
    "expected_names": "liste de noms attendue, lu : {found}",
    "vendor_missing": "le prestataire {name} n'existe pas{hint}",
    "channel_missing": "le canal {name} n'existe pas{hint}",
    "tax_year_beyond": "doit tomber dans l'horizon de {horizon} ans (lu : {found})",
    "year_one_back": "doit valoir 0 (aucune) ou une année de 2 à l'horizon (lu : 1) : un retour en interne dès "
                     "l'année 1 ne serait jamais externalisé ; c'est le scénario interne",
    "year_beyond": "doit tomber dans l'horizon de {horizon} ans (lu : {found}), ou valoir 0 pour aucune",
    "profile_list": "poids relatifs attendus, en liste de nombres ou en texte comme \"130 110 100\" (lu : {found})",
    "erlang_a_patience": "le dimensionnement Erlang A (erlang_a) demande la patience moyenne des appelants : un "
                         "nombre de secondes > 0 (ou le dimensionnement Erlang C, erlang_c)",
    "fte_on_other_model": "ne s'applique qu'au modèle de prix « par ETP-mois » (per_fte_month) ; supprimez-le ou "
                          "mettez 0",
    "uplift_without_transfer": "ne s'applique qu'à une offre avec transfert de personnel (staff_transfer = oui) ; "
                               "supprimez-le ou mettez 0",
    "transfer_offshore": "un transfert de personnel (Code du travail L1224-1) suppose un site en France : les "
                         "conseillers y gardent leur contrat, et le site de cette offre est {found}",
    "seasonality_count": "12 nombres attendus, un poids par mois (janvier en premier)",
    "seasonality_finite": "chaque poids mensuel doit être un nombre fini (lu : {found} pour {month_name})",
    "seasonality_positive": "chaque poids mensuel doit être > 0",
    "seasonality_mean": "les 12 poids doivent avoir une moyenne de 1 (moyenne lue : {mean}) ; divisez chaque poids "
                        "par cette moyenne",
    "no_channels": "au moins un canal est obligatoire (nom, nature, volume annuel, DMT)",
    "no_vendors": "au moins une offre de prestataire est obligatoire (nom, modèle de prix, prix)",
    "too_many_channels": "au plus {most} canaux (lu : {found}) : {hint}",
    "too_many_vendors": "au plus {most} offres de prestataires (lu : {found}) : {hint}",
    "hint_channels": "regroupez les petites files en un seul canal",
    "hint_vendors": "présélectionnez d'abord les offres",
    "duplicate_vendor": "le nom de prestataire {name} est déjà pris par {table} {first}",
    "duplicate_channel": "le nom de canal {name} est déjà pris par {table} {first}",
    "channel_mode_needs_channels": "le mode « par canal » (channel) demande la liste des canaux confiés au "
                                   "prestataire",
    "hybrid_needs_vendor": "nommez au moins un prestataire pour les scénarios hybrides",
    "too_many_draws": "au plus {most} tirages pour {scenarios} scénarios (lu : {found}) : tirages x scénarios sont "
                      "gardés en mémoire, {limit} au plus",
    "weights_sum": "les huit pondérations doivent totaliser 1 (100 %) ; leur somme est {total}",
    "not_sections": "un cas doit être une table de sections",
    "toml_syntax": "n'est pas un fichier TOML valide : {detail}",
    "too_deep": "n'est pas un fichier de cas : ses tables ou listes sont trop imbriquées (un cas a trois niveaux "
                "au plus)",
    "file_not_found": "fichier introuvable",
    "is_a_folder": "est un dossier : donnez le chemin du fichier de cas (.toml) lui-même",
    "not_regular": "n'est pas un fichier ordinaire (un périphérique ou un tube)",
    "over_limit_mb": "dépasse la limite de {size} Mo", "over_limit_bytes": "dépasse la limite de {size} octets",
    "toml_detail": "erreur de syntaxe ligne {line}, colonne {column}", "toml_detail_bare": "erreur de syntaxe",
    "utf8_detail": "un octet n'est pas de l'UTF-8", "os_detail": "{text}",
    "limit_case": "{limit} : un fichier de cas est un petit fichier texte (.toml)",
    "not_utf8": "ne peut pas être lu comme un texte UTF-8 ({detail})",
    "not_a_source": "un fichier de cas (.toml) ou un classeur (.xlsx) est attendu",
    "target_not_xlsx": "le classeur à écrire doit se terminer par .xlsx",
    "target_not_toml": "le fichier de cas à écrire doit se terminer par .toml",
    "batch_toml_only": "un lot ne construit que des fichiers de cas (.toml)",
    "lang_choice": "doit être l'une des valeurs {values} (lu : {found})",
    # classeurs lus
    "holds_formula": "contient une formule ({formula}), pas une valeur saisie : saisissez la valeur elle-même (une "
                     "reconstruction écrit des valeurs, la formule serait perdue)",
    "table_not_found": "tableau {name} introuvable : ce classeur a-t-il été construit par xlmodel ? ({where})",
    "no_sheet": "n'a pas de feuille {name} : ce classeur a-t-il été construit par xlmodel ?",
    "name_not_found": "nom défini {defined} introuvable dans le classeur",
    "seasonality_range": "le nom demand_seasonality doit désigner les 12 poids mensuels : des lignes y ont été "
                         "insérées ou supprimées ; reconstruisez le classeur à partir d'un fichier de cas",
    "expected_range": "une plage de cellules est attendue",
    "header_first": "sa première ligne doit être l'en-tête du tableau (libellés des champs)",
    "wb_unreadable": "ne peut pas être lu comme un classeur xlsx ({detail}) : enregistrez-le de nouveau depuis Excel "
                     "ou demandez-en une nouvelle copie à l'expéditeur",
    "wb_file_not_found": "fichier introuvable",
    "wb_folder": "est un dossier, pas un classeur : donnez le chemin du fichier .xlsx lui-même",
    "wb_not_regular": "n'est pas un fichier ordinaire (un périphérique ou un tube) : donnez le chemin d'un classeur "
                      ".xlsx",
    "wb_empty": "est vide (0 octet) : il n'a pas été enregistré en entier ; enregistrez-le ou téléchargez-le de "
                "nouveau",
    "wb_xls": "est un fichier chiffré ou à l'ancien format (.xls) : enregistrez-le en .xlsx non protégé",
    "wb_pdf": "est un document PDF, pas un classeur : demandez le fichier .xlsx lui-même",
    "wb_html": "est une page web (HTML), pas un classeur : ouvrez-la dans Excel et enregistrez-la en classeur .xlsx",
    "wb_csv": "est un fichier CSV ou texte, pas un classeur : ouvrez-le dans Excel et enregistrez-le en classeur "
              ".xlsx",
    "wb_unknown": "n'est pas un classeur xlsx (ni aucun type de document connu) : enregistrez-le depuis Excel en "
                  "classeur .xlsx",
    "added_sheet": "la feuille {name} ({count} cellule(s) remplie(s)) ne fait pas partie du classeur et serait perdue",
    "added_value": "contient {found}, saisi hors des cellules d'hypothèses : il serait perdu",
    "added_comment": "porte un commentaire{author} ({found}) qui serait perdu",
    "comment_by": " de {author}",
    "added_pictures": "contient {count} image(s) ({names}) qui seraient perdues",
    "more_additions": "et {count} autres ajouts",
    "rebuild_would_drop": "une reconstruction réécrit le classeur à partir de ses hypothèses et perdrait les ajouts "
                          "ci-dessus : copiez-les dans un autre classeur, ou reconstruisez avec --force (le classeur "
                          "précédent est alors gardé en sauvegarde datée)",
    "beyond_traffic": "le canal {name} demanderait plus de {limit} erlangs de trafic sur un intervalle moyen ({row}), "
                      "au-delà de ce que le modèle de dimensionnement sait calculer : vérifiez son volume annuel, sa "
                      "durée de traitement et les heures d'ouverture",
    # portefeuilles
    "channel_unassigned": "le canal {name} n'est confié à personne : donnez-le à l'interne (inhouse), à un "
                          "prestataire, en parts ou dans un mode",
    "unknown_kpi": "indicateur inconnu {found}{hint}",
    "kpi_bounds": "doit être un nombre >= {low} et <= {high} (lu : {found}) : {hint}",
    "kpi_fraction": "une fraction, 0,8 pour 80 %", "kpi_score": "une note sur 5",
    "share_bounds": "une part doit être un nombre >= 0 et <= 1 (lu : {found}) : une part s'écrit en fraction, 0,4 "
                    "pour 40 %",
    "shares_over": "les parts totalisent {total} ({percent}), plus de 100 %",
    "shares_under": "les parts totalisent {total} ({percent}) : {rest} du canal n'est confié à personne ; donnez le "
                    "reste à l'interne (inhouse) ou à un prestataire",
    "mode_vendor": "le prestataire qui prend la part {mode} : {missing}",
    "mode_vendor_required": "obligatoire{hint}", "choice_value": "{value}",
    "duplicate_portfolio": "le nom de portefeuille {name} est déjà pris par {table} {first}",
    "expected_channel_names": "liste de noms de canaux attendue, lu : {found}",
    "portfolios_not_array": "une liste de tables est attendue ([[portfolios]] avec un nom et une table "
                            "[portfolios.channels])",
    "too_many_portfolios": "au plus {most} portefeuilles (lu : {found}) : chacun est un scénario de chaque feuille ; "
                           "gardez ceux sur lesquels décider",
    "portfolio_name_required": "est obligatoire : le nom du portefeuille, en texte",
    "name_too_long": "doit compter au plus {most} caractères",
    "phased_channels": "un portefeuille par phases donne ses canaux dans chacune de ses phases "
                       "([[portfolios.phases]]) : supprimez cette table",
    "portfolio_channels_required": "est obligatoire : une table qui confie chaque canal à l'interne (inhouse), à un "
                                   "prestataire, en parts ou dans un mode",
    "phases_not_array": "une liste de tables est attendue ([[portfolios.phases]], chacune avec from_month et une "
                        "table des canaux)",
    "too_many_phases": "au plus {most} phases (lu : {found}) : un pilote, puis ses élargissements",
    "from_month_required": "est obligatoire : le mois où la phase commence, un nombre entier (lu : {found})",
    "first_phase_month": "la première phase commence au mois 1 (lu : {found}) : le portefeuille commence à la "
                         "signature",
    "phases_out_of_order": "mois dans le désordre : la phase {phase} commence au mois {month}, pas après la phase "
                           "{before} (mois {previous})",
    "phase_beyond": "au-delà de l'horizon : mois {month} (l'horizon compte {months} mois)",
    "expected_kpis": "une table d'indicateurs est attendue ({keys}), lu : {found}",
    "expected_assignment": "l'interne (inhouse), le nom d'un prestataire, des parts ou un mode sont attendus, lu : "
                           "{found}",
    "mode_keys": "clé inconnue {found} : un mode prend mode et vendor",
    "portfolio_mode": "doit être « horaires étendus » (extended_hours) ou « débordement » (overflow) (lu : "
                      "{found}) ; pour des parts, donnez la part de chacun au lieu d'un mode",
    "expected_vendor_names": "liste de noms de prestataires attendue, lu : {found}",
    "vendor_not_listed": "le prestataire {name} reçoit un canal sans figurer dans la liste",
    "portfolio_without_vendor": "un portefeuille confie au moins un canal ou une part à un prestataire (tous les "
                                "canaux en interne, c'est le scénario interne)",
    "portfolio_transfer": "l'offre du prestataire {name} prévoit un transfert de personnel (L1224-1 : il reprend "
                          "toute l'équipe), qu'un portefeuille partage : demandez-lui une offre sans transfert pour "
                          "un portefeuille",
    "not_quoted_for": "le prestataire {name} ne chiffre pas le canal {channel} (il chiffre : {scope})",
    "quoted_name": "{name}",
    "form_field_twice": "le champ {name} figure deux fois (aussi ligne {row}) : ne copiez pas de lignes",
    "form_row_missing": "la ligne {label} ({key}) manque : ne supprimez pas de lignes ; demandez un nouveau "
                        "formulaire",
    "not_a_form": "n'est pas un formulaire d'offre xlmodel (aucun repère de formulaire dans la colonne masquée "
                  "{column}) : envoyez au prestataire un formulaire fait par `python cli.py rfp-template`",
    "form_version": "la version de formulaire {found} n'est pas prise en charge (ce programme lit {version}) : "
                    "envoyez au prestataire un nouveau formulaire",
    "batch_twice": "le prestataire {name} est aussi chiffré par {other} dans ce lot : importez un formulaire par "
                   "prestataire (donnez à chaque offre son propre nom)",
    "matches_several": "le prestataire {name} correspond à {count} offres de {origin} (noms qui ne diffèrent que par "
                       "la casse ou les espaces) : renommez-en une d'abord",
    "looks_like_book": "le prestataire {name} ressemble à {twin} de {origin} mais s'écrit avec d'autres caractères "
                       "({odd}) : saisissez le nom exactement comme dans {origin} pour mettre à jour cette offre, ou "
                       "donnez un nom nettement différent",
    "looks_like_batch": "le prestataire {name} ressemble à {twin} de {other} dans ce lot : donnez à chaque offre un "
                        "nom nettement différent",
    # dimensionnement hors de portée, feuille Répartition, pages à imprimer
    "beyond_erlang_a": "le canal {name} dépasse la portée du dimensionnement Erlang A ({row}) : au plus {limit} "
                       "erlangs sur un intervalle, une patience d'au plus {ratio} durées de traitement (DMT / "
                       "simultanéité) et un objectif de service pas trop en dessous du plafond d'occupation sur une "
                       "grande file ; raccourcissez la patience (patience_seconds) ou dimensionnez en Erlang C "
                       "(erlang_c)",
    "beyond_agents": "le canal {name} demanderait plus de {limit} conseillers au-delà de son trafic pour répondre à "
                     "{level} des contacts en {seconds} s ({row}), au-delà de ce que le modèle de dimensionnement "
                     "sait calculer : vérifiez son objectif de service et son délai de réponse",
    "sourcing_mode": "doit être l'une des valeurs {values} (lu : {found})",
    "sourcing_mode_vendor": "le prestataire d'un mode ne vaut que pour les horaires étendus et le débordement : "
                            "effacez-le, ou choisissez l'un de ces modes",
    "sourcing_shares": "les parts ne valent qu'en mode par parts : effacez-les, ou passez le mode à {split}",
    "no_such_sheet": "aucune feuille ne s'appelle {unknown} ; les feuilles sont : {sheets}",
    # profil hebdomadaire des arrivées
    "too_many_weights": "au plus {most} poids, un par {what} (lu : {found})",
    "weight_per_day": "jour ouvert", "weight_per_slot": "créneau d'un jour ouvert (une demi-heure au plus fin)",
    "weight_negative": "chaque poids doit être un nombre fini >= 0 (le poids {position} vaut {found})",
    "weights_all_zero": "au moins un poids doit être > 0 (tous valent 0 : personne n'appellerait)",
    "weight_not_number": "le poids {position} ({found}) n'est pas un nombre : saisissez des poids relatifs séparés "
                         "par des espaces ou des points-virgules, comme \"130 110 100\"",
    # formulaires d'offre retournés
    "form_formula": "contient une formule ({formula}), pas une valeur saisie : saisissez la valeur elle-même",
    "form_currency": "la devise du formulaire doit être l'une des devises {names} (lu : {found})",
    "form_email": "doit être une adresse électronique comme nom@societe.fr (lu : {found})",
    "book_not_found": "fichier introuvable : construisez d'abord le classeur (python cli.py build -o {book})",
    "no_form": "donnez au moins un formulaire d'offre retourné",
    "form_other_currency": "le formulaire est chiffré en {currency} mais {book} est en {wanted} : demandez un "
                           "formulaire fait avec --currency {code}",
}

# Where a problem is: the field's label (and the channel's or quote's number and name), then the file key
# or the cell, so that the line can be found.
PLACES = {"scalar": "{section}, {label} ({key})", "item": "{item} {index} « {name} », {label} ({key})",
          "item_unnamed": "{item} {index}, {label} ({key})",
          "item_names": {"channels": "canal", "vendors": "offre"}}

# Issue 16, l'aide « words » : ce qui ne se disait encore qu'en anglais (refus et remarques d'un fichier
# reçu, remarque d'une saisie vide, refus de la construction et de la plage Répartition). Un bloc à part.
_RENVOI = "demandez à l'expéditeur une copie saine enregistrée depuis Excel"
PROBLEMS.update({
    # un classeur que nous n'avons pas construit (xlmodel.workbook.untrusted) : le fichier, l'archive, le XML
    "wb_reason": "{kind}", "wb_reason_bare": "{kind}",  # le nom technique de l'erreur, sans le texte anglais
    "wb_cannot_open": "ne peut pas être ouvert ({detail}) : vérifiez que le fichier est lisible et qu'aucun autre "
                      "programme ne le verrouille",
    "wb_too_big": "dépasse la limite de {limit} Mo d'un classeur à lire ({size} Mo) : retirez les images volumineuses "
                  "ou les feuilles inutiles et enregistrez-le de nouveau",
    "wb_archive": "est {what}, pas un classeur : extrayez-en d'abord le fichier .xlsx",
    "wb_gzip": "une archive gzip", "wb_7z": "une archive 7-Zip", "wb_rar": "une archive RAR",
    "wb_xml2003": "est une feuille de calcul XML Excel 2003, pas un classeur xlsx : ouvrez-la dans Excel et "
                  "enregistrez-la en classeur .xlsx",
    "wb_xml": "est un fichier XML, pas un classeur xlsx : demandez le fichier .xlsx lui-même",
    "wb_rtf": "est un document Word (RTF), pas un classeur : demandez le fichier .xlsx lui-même",
    "wb_directory": "a un répertoire zip de {size} Ko, bien plus qu'il n'en faut à un classeur : il est endommagé ou "
                    "n'est pas un vrai classeur ; " + _RENVOI,
    "wb_truncated": "ne peut pas être lu comme un classeur xlsx (le fichier est tronqué ou endommagé : {detail}) : "
                    "enregistrez-le de nouveau depuis Excel ou demandez une nouvelle copie à l'expéditeur",
    "wb_too_many_parts": "contient {count} parties, plus que les {most} qu'un classeur peut avoir : il est endommagé ou "
                         "n'est pas un vrai classeur ; " + _RENVOI,
    "wb_part_twice": "contient deux fois la partie {part}, ce qu'Excel n'écrit jamais : il est endommagé ou a été "
                     "altéré ; " + _RENVOI,
    "wb_encrypted_parts": "contient des parties chiffrées dans son archive zip : enregistrez-le en .xlsx non protégé",
    "wb_bomb": "{what} : il est endommagé ou conçu pour épuiser la mémoire (une « bombe zip ») et n'a pas été "
               "ouvert ; " + _RENVOI,
    "wb_unpack_total": "se décompresserait en {size} Mo, au-delà de la limite de {limit} Mo",
    "wb_unpack_ratio": "a une partie ({part}) qui se décompresse en {ratio} fois sa taille stockée, ce qu'aucun vrai "
                       "classeur ne fait",
    "wb_unpack_more": "se décompresse en plus qu'il n'annonce ({part})",
    "wb_ods": "est une feuille de calcul OpenDocument (.ods), pas un classeur xlsx : enregistrez-la au format "
              "« Excel 2007-365 (.xlsx) »",
    "wb_odf": "est un fichier OpenDocument, pas un classeur : demandez le fichier .xlsx lui-même",
    "wb_docx": "est un document Word (.docx), pas un classeur : demandez le fichier .xlsx lui-même",
    "wb_pptx": "est une présentation PowerPoint (.pptx), pas un classeur : demandez le fichier .xlsx lui-même",
    "wb_zip_holding": "est une archive zip contenant {part}, pas un classeur : extrayez-en d'abord le classeur",
    "wb_zip_not_book": "est une archive zip mais pas un classeur xlsx (elle n'a ni [Content_Types].xml ni "
                       "xl/workbook.xml) : demandez le fichier .xlsx lui-même",
    "wb_part_damaged": "ne peut pas être lu comme un classeur xlsx ({part} : {detail}) : enregistrez-le de nouveau "
                       "depuis Excel ou demandez une nouvelle copie à l'expéditeur",
    "wb_beyond": "{what} : ce n'est ni un classeur de ce programme ni un formulaire d'offre, ou il a été conçu pour "
                 "épuiser la mémoire, et il n'a pas été ouvert ; " + _RENVOI,
    "wb_many_cells": "contient plus de {most} cellules, lignes, cellules fusionnées, commentaires et textes au total",
    "wb_many_elements": "contient plus de {most} éléments XML",
    "wb_many_sheets": "a plus de {most} feuilles",
    "wb_many_styles": "a plus de {most} enregistrements de style",
    "wb_reaching": "a {what} atteignant {ref} ({part}), au-delà de la ligne {rows} ou de la colonne {columns} où "
                   "s'arrête un classeur de ce programme",
    "wb_row_n": "ligne {row}", "wb_a_cell": "une cellule", "wb_a_row": "une ligne",
    "wb_a_merged_range": "une plage fusionnée", "wb_a_hyperlink": "un lien hypertexte", "wb_a_comment": "un commentaire",
    "wb_a_table": "un tableau", "wb_a_used_range": "une plage utilisée",
    "wb_bad_reference": "a une référence de cellule mal formée {found} dans {part}",
    "wb_dtd": "contient une déclaration de type de document XML (DTD) dans {part} ; un classeur n'en a jamais besoin et "
              "les attaques XML en dépendent, il n'a donc pas été ouvert ; " + _RENVOI,
    # ce qu'un fichier reçu contient et qui est ignoré (remarques, pas refus)
    "wb_few": "{list}", "wb_few_more": "{list} et {count} autres",
    "wb_macros": "macros ({parts}) trouvées et ignorées : un formulaire d'offre contient des données, jamais du code",
    "wb_xlsm_no_macros": "enregistré comme classeur prenant en charge les macros (.xlsm) mais sans code de macro ; "
                         "toute macro est ignorée : un formulaire d'offre contient des données, jamais du code",
    "wb_macro_sheets": "feuilles de macros Excel 4 ({parts}) trouvées : leurs cellules sont lues comme de simples "
                       "valeurs et rien n'y est exécuté",
    "wb_external_link": "{what} ({part}) trouvée et ignorée : les cellules qui l'utilisent gardent les dernières valeurs "
                        "enregistrées dans ce fichier et rien n'est récupéré",
    "wb_link_to": "liaison externe vers {found}", "wb_link": "liaison externe",
    "wb_objects": "{what} ({parts}) trouvés et ignorés : seules les valeurs des cellules sont lues",
    "wb_embedded": "objets incorporés", "wb_activex": "contrôles ActiveX",
    "wb_connections": "connexions de données (xl/connections.xml) trouvées et ignorées : rien n'est actualisé, les "
                      "cellules gardent les dernières valeurs enregistrées",
    # une saisie vide lue dans un classeur (xlmodel.workbook.reader) : remarques
    "blank_default": "{label} est vide ; sa valeur par défaut {default} est retenue",
    "blank_row_defaults": "{sheet}! ligne {row} ({vendor}) : cellules vides, les valeurs par défaut sont donc "
                          "retenues : {defaults}",
    "no_name": "sans nom",
    # la construction (xlmodel.workbook.build) et la feuille Répartition lue en plage (workbook.sourcing_range)
    "cannot_check": "va être remplacé mais ne peut pas être lu, son contenu ne peut donc pas être vérifié : "
                    "reconstruisez avec --force pour le remplacer (une sauvegarde datée est conservée)",
    "batch_same_target": "écrirait lui aussi {target}, comme {first} : donnez des noms différents aux fichiers de cas",
    "sourcing_not_range": "attend la plage de la feuille {sheet} (plusieurs lignes et colonnes)",
    "sourcing_no_table": "portefeuille {name} : son tableau des canaux n'est pas dans la plage",
})
