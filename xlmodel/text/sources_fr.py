"""The note and source of each input, in French: what :attr:`xlmodel.schema.Field.source` says in
English, written for a French finance team (``(section, field)`` -> text; a test checks that every
field with a source has its French text here)."""

from __future__ import annotations

SOURCES = {
    ("finance", "discount_rate"):
        "CMPC usuel d'une ETI française : 7 à 9 % ; retenez le vôtre.",
    ("finance", "vat_rate"):
        "20 % : taux normal français (Code général des impôts, art. 278). Un prestataire établi à l'étranger "
        "(nearshore, offshore) facture hors TVA et le client l'autoliquide à ce taux (CGI art. 283-2) : la TVA "
        "est la même dans les deux cas. Les salaires n'en supportent pas.",
    ("finance", "vat_recovery"):
        "1 : une entreprise assujettie (un fournisseur d'énergie, un groupe industriel) la récupère en totalité, "
        "la TVA ne coûte rien. Une banque, un assureur, un hôpital ou un organisme public en récupère peu ou "
        "pas : saisissez son coefficient de déduction (CGI, annexe II, art. 206), tiré de ses déclarations de "
        "TVA. La TVA non récupérée sur les factures du prestataire et sur les frais de mise en place est un "
        "coût ; les coûts internes sont saisis tels que le client les supporte.",
    ("finance", "corporation_tax_rate"):
        "France 2026 : 25 % (CGI art. 219) plus la contribution sociale de 3,3 % sur l'impôt au-delà de "
        "763 000 € (CGI art. 235 ter ZC), soit 25 % x 1,033 = 25,8 % pour une grande entreprise ; ajoutez la "
        "contribution exceptionnelle des plus grands groupes si elle vous concerne. Chaque coût est déduit "
        "l'année où il est payé, par une entreprise bénéficiaire ; les VAN après impôt figurent à côté des VAN "
        "avant impôt, qui classent les scénarios.",
    ("finance", "one_off_tax_year"):
        "0 : déduits à leur paiement, à la signature. Saisissez une année ultérieure s'ils sont déduits plus "
        "tard (provision reprise, charge étalée selon les règles fiscales) : la VAN après impôt actualise alors "
        "leur économie d'impôt à cette année. Au plus l'horizon.",
    ("demand", "out_of_hours_share"):
        "Part des contacts tentés pour la première fois le soir ou le week-end ; à lire dans les statistiques "
        "de téléphonie (appels reçus par le serveur vocal hors ouverture).",
    ("demand", "scheduling_efficiency"):
        "Les conseillers en poste sont dimensionnés sur une demi-heure moyenne ; or les contacts ont des "
        "pointes (milieu de matinée, lundi) et les conseillers travaillent par vacations entières : couvrir "
        "chaque demi-heure de la semaine demande plus de temps planifié que la moyenne, soit conseillers en "
        "poste x heures de service / cette efficacité (ETP internes, et heures connectées des offres à l'heure "
        "et à l'ETP ; les prix au contact et à la minute l'absorbent). 1 : aucune perte, les chiffres "
        "d'aujourd'hui. Les pratiques de planification (WFM) affichent couramment 85 à 95 % (temps requis sur "
        "temps planifié, dans l'outil de planification) ; dimensionner les demi-heures de l'exemple sur une "
        "semaine et les couvrir par des vacations ajoute environ 4 à 5 % à ses ETP, soit environ 0,95. Lisez-la "
        "dans vos propres plannings.",
    ("demand", "arrival_days"):
        "Poids relatifs, un par jour ouvert (par exemple 130 110 100 100 95 65 du lundi au samedi), séparés par "
        "des espaces ou des points-virgules, tirés des statistiques de téléphonie (contacts par jour de la "
        "semaine sur quelques mois). Avec les poids des tranches ci-dessous, les arrivées de chaque tranche sont "
        "sa part de la semaine ; chaque tranche de chaque jour ouvert est dimensionnée pour elle-même (Erlang C "
        "ou A) et les conseillers en poste sont la moyenne sur les tranches (de même durée). Vide : tous les "
        "jours identiques.",
    ("demand", "arrival_slots"):
        "Poids relatifs des tranches égales qui découpent les heures d'ouverture d'un jour ouvert (20 "
        "demi-heures pour 8 h - 18 h, au plus 48), séparés par des espaces ou des points-virgules, tirés des "
        "statistiques de téléphonie (contacts par demi-heure). Une journée avec des pointes demande plus de "
        "conseillers que sa demi-heure moyenne : les conseillers en poste deviennent la moyenne du "
        "dimensionnement propre de chaque tranche (canaux en direct ; le travail différé est lissé sur son délai "
        "de réponse). Le profil vaut pour les équipes internes et celles du prestataire : les heures connectées "
        "d'une offre à l'heure ou à l'ETP le suivent. Vide : arrivées uniformes sur la journée, les chiffres "
        "d'aujourd'hui.",
    ("demand", "min_shift_hours"):
        "Avec un profil d'arrivée, les conseillers requis par chaque tranche sont planifiés en vacations : une "
        "pointe plus courte que cette durée coûte quand même une vacation de cette durée (au plus la journée "
        "d'ouverture). 4 h, une demi-journée : un contrat à temps partiel compte au moins 24 h par semaine (Code "
        "du travail, art. L3123-27), si bien que les journées plus courtes sont rares ; reprenez vos règles de "
        "planification. Sans effet sans profil.",
    ("inhouse", "gross_salary"):
        "Conseiller clientèle en France, environ 1,1 SMIC (SMIC 2026 : environ 21 900 € par an).",
    ("inhouse", "employer_charge_rate"):
        "Pas un taux forfaitaire de 42 à 45 % près du SMIC : la réduction générale dégressive unique (RGDU) "
        "2026 l'abaisse ; saisissez le taux de votre propre paie (bulletins "
        "de paie ou DSN).",
    ("inhouse", "paid_hours_per_fte"):
        "1 607 h : durée légale annuelle du travail en France (Code du travail, art. L3121-41), 35 h par "
        "semaine sur l'année une fois pris les cinq semaines de congés payés et les jours fériés. Les congés "
        "sont déjà hors de ces heures : le taux d'indisponibilité ne doit pas les retrancher une seconde fois.",
    ("inhouse", "shrinkage"):
        "Sur les heures travaillées : maladie 6 à 8 % (centres de relation client français, au-dessus de la "
        "moyenne nationale de 5 %), pauses environ 6 %, formation et accompagnement 3 à 4 %, réunions 2 %, "
        "travail hors ligne 3 %, soit 20 à 24 %. Ni les congés payés ni les jours fériés, déjà hors des heures "
        "travaillées : les références usuelles de 30 à 35 % les incluent.",
    ("inhouse", "attrition_rate"):
        "Le turnover des centres de relation client français atteint souvent 20 à 30 % par an.",
    ("inhouse", "cost_per_hire"):
        "Annonces, sélection et intégration d'un conseiller : 2 000 à 4 000 € en France. La formation est "
        "comptée à part (formateur, et semaines payées du stagiaire) : les 10 000 € souvent cités par départ "
        "ajoutent les semaines où un nouveau conseiller est moins productif, que le modèle ne compte pas.",
    ("inhouse", "training_cost_per_hire"):
        "Un formateur (environ 40 k€ brut) pour une promotion de 10 à 12 pendant la formation initiale, avec "
        "supports et outils : environ 1 000 € par stagiaire. Les semaines payées du stagiaire sont comptées "
        "à part, une seule fois.",
    ("inhouse", "training_weeks"):
        "Les nouveaux embauchés sont payés mais ne traitent pas de contacts pendant leur formation ; le modèle "
        "ajoute ce temps aux ETP nécessaires.",
    ("inhouse", "supervision_span"):
        "12 à 18 conseillers par superviseur est l'usage.",
    ("inhouse", "management_charge_rate"):
        "À 1,6-1,8 SMIC (38 à 40 k€), la RGDU 2026, qui s'éteint à 3 SMIC, pèse peu : environ 42 % du brut, "
        "contre 30 % près du SMIC pour les conseillers.",
    ("inhouse", "payroll_extras"):
        "Part employeur par salarié : mutuelle (au moins 50 %) environ 400 €, titres-restaurant (environ 55 % "
        "d'un titre de 9 €, 210 jours) environ 1 000 €, transport (50 % de l'abonnement de transport en "
        "commun) 300 à 500 €, soit environ 1 700 €, 7 % du salaire brut d'un conseiller. Pour les conseillers, "
        "les superviseurs et les fonctions support.",
    ("inhouse", "cost_inflation"):
        "L'objectif de moyen terme de 2 % de la BCE ; retenez l'indexation de vos baux et de vos contrats.",
    ("inhouse", "seasonal_flex"):
        "0 : effectif tenu au mois de pointe de chaque année ; 1 : l'effectif suit chaque mois (intérim, "
        "heures supplémentaires, annualisation du temps de travail).",
    ("transition", "governance_rate"):
        "Piloter un prestataire coûte 5 à 10 % du contrat (gestion du contrat, qualité, reporting).",
    ("transition", "governance_floor"):
        "Si petit que soit le contrat, quelqu'un pilote le prestataire : un responsable prestataire, environ "
        "42 k€ brut x 1,42 de charges = 60 k€ par an (indexé sur les salaires), dès qu'un prestataire "
        "facture.",
    ("transition", "severance_per_agent"):
        "Indemnité légale (1/4 de mois par année d'ancienneté) plus la part négociée d'un plan de sauvegarde "
        "de l'emploi (PSE) : 20 à 40 k€ par conseiller est courant en France.",
    ("channels", "service_level"):
        "80/20 (80 % des appels répondus en moins de 20 s) est l'objectif téléphonique usuel ; les normes "
        "NF 345 et ISO 18295 demandent un objectif affiché, pas une valeur imposée.",
    ("channels", "max_occupancy"):
        "Au-delà de 85 à 90 % d'occupation durable, l'épuisement et le turnover augmentent (règle de la "
        "profession).",
    ("channels", "patience_seconds"):
        "À lire dans les statistiques de téléphonie (temps moyen avant abandon des appels abandonnés, corrigé "
        "de la censure) ; renseignée, les contacts perdus au service cible viennent du modèle d'Erlang A.",
    ("channels", "late_abandon_share"):
        "Utilisé quand la patience est inconnue : part perdue = (1 - niveau de service) x cette part. Dimensionné "
        "à 80/20, l'abandon est en général de 2 à 5 % des appels, soit 10 à 25 % des 20 % répondus en retard.",
    ("channels", "sizing"):
        "Erlang C : personne ne raccroche (le dimensionnement usuel, prudent). Erlang A : les appelants "
        "raccrochent au bout de la patience moyenne ci-dessus (elle doit être > 0, au plus 50 durées de "
        "traitement) ; le niveau de service compte un abandon comme un échec (répondu dans le délai sur "
        "l'ensemble des contacts) et le plafond d'occupation porte sur le trafic traité. Demande moins de "
        "conseillers quand les appelants sont impatients.",
    ("vendors", "minute_unit"):
        "Minutes conseiller : le temps que les conseillers passent sur les contacts (un chat traité à deux en "
        "même temps facture la moitié de sa durée, comme le compte le dimensionnement) ; minutes de contact : "
        "la durée propre de chaque contact, quelle que soit la simultanéité. Demandez au prestataire laquelle "
        "son prix compte.",
    ("vendors", "staff_transfer"):
        "Oui : l'activité est cédée comme entité économique autonome et les contrats des conseillers sont "
        "transférés au prestataire (Code du travail, art. L1224-1), donc ni indemnités ni double fonctionnement des sortants "
        "(ils continuent de travailler, comme salariés du prestataire), au prix que l'offre indique avec la "
        "reprise. Cela suppose un site en France ; chiffrez le même prestataire sans reprise dans une autre "
        "offre pour comparer les deux.",
    ("vendors", "transfer_uplift"):
        "Ce que l'offre ajoute à son prix pour reprendre les conseillers avec leur rémunération, leur ancienneté "
        "et leur convention collective (plus chers que ses propres recrues), en part de la facture, sur tout "
        "l'horizon ; 0 si son prix les inclut déjà.",
    ("vendors", "indexation_fixed_share"):
        "Clause de révision de type Syntec P = P0 x (part fixe + (1 - part fixe) x rapport des indices) ; une "
        "part fixe de 15 % est l'usage.",
    ("vendors", "hours_per_fte_month"):
        "La durée contractuelle de travail du prestataire par ETP, congés payés et jours fériés déduits : "
        "1 607 h / 12 = 133,9 h en France ; environ 170 h au Maroc (semaine de 44 h, 2 288 h par an, moins "
        "environ 31 jours de congés et de fériés). Ses heures productives valent ces heures x (1 - son taux "
        "d'indisponibilité).",
    ("vendors", "shrinkage"):
        "Maladie, formation, réunions, accompagnement et pauses du prestataire, sur la même base que l'interne "
        "(les congés payés sont déjà hors des heures travaillées) ; la valeur interne par défaut, sauf si le "
        "prestataire justifie ses propres chiffres.",
    ("vendors", "seasonal_flex"):
        "La même règle qu'en interne : chaque mois, le prestataire facture la pointe de son année moins cette "
        "part de l'écart entre la pointe et le besoin du mois (0 : facturé à la pointe toute l'année ; 1 : les "
        "heures de chaque mois). À lire dans le contrat (tolérance de prévision, heures minimales facturées) ; "
        "0,5, la valeur interne par défaut, ne donne à aucune partie plus de souplesse sauf contrat ou plan "
        "contraire.",
    ("vendors", "committed_service_level"):
        "Part des contacts répondus dans le délai cible de chaque canal en temps réel sur laquelle le contrat "
        "s'engage. Sous l'objectif d'un canal, l'offre n'est pas comparable (jamais recommandée) et porte le "
        "coût de son écart de service.",
    ("vendors", "service_shortfall"):
        "0 : le prestataire tient son engagement. À lire dans les rapports de service de ses références ; ce "
        "que le niveau rendu perd sous un objectif coûte l'écart de service (le Monte Carlo le tire au sort).",
    ("vendors", "security_rating"):
        "Localisation des données, accord de sous-traitance RGPD, résultats d'audit, contrôle des accès.",
    ("vendors", "financial_solidity"):
        "Cotation de crédit (Banque de France, Ellisphere, D&B) ramenée à une note de 1 à 5.",
    # Issue 14: continuity and re-internalisation.
    ("continuity", "failure_weeks"):
        "Un site qui s'arrête (coupure de courant, inondation, grève, cyberattaque) est en général rétabli ou "
        "transféré sur un autre site en une à trois semaines ; 2 semaines est une hypothèse de planification, "
        "pas une statistique. Saisissez la durée maximale d'interruption admissible de votre plan de continuité "
        "d'activité (l'ISO 22301 demande de la fixer).",
    ("continuity", "surge_premium"):
        "Une capacité achetée avec quelques jours de préavis coûte plus cher qu'une capacité contractée (heures "
        "supplémentaires, recrutement et formation en urgence) : 25 % au-dessus du prix du prestataire de secours "
        "est le milieu des majorations de 20 à 50 % pratiquées pour les renforts ; saisissez le taux que votre "
        "prestataire de secours propose pour reprendre un flux.",
    ("reinternalisation", "year"):
        "0 : pas de scénario de réinternalisation. Une année N de 2 à l'horizon en ajoute un : l'offre externalisée "
        "la moins chère au niveau de service cible (VAN des coûts la plus basse) jusqu'à la fin de l'année N - 1, "
        "puis l'équipe interne au niveau de service cible dès le premier mois de l'année N.",
    ("reinternalisation", "termination_share"):
        "Sortir avant la durée minimale d'engagement de l'offre coûte une indemnité sur les mois restants de cette "
        "durée, souvent un quart à la moitié de leurs factures (la marge du prestataire et sa mise en place non "
        "encore amorties) : lisez la clause de résiliation de votre contrat. Rien n'est dû une fois la durée "
        "minimale accomplie.",
    ("reinternalisation", "knowledge_transfer_back"):
        "Le savoir-faire du prestataire rendu selon le plan de réversibilité : autant que le transfert de "
        "connaissances à l'aller (sa valeur par défaut, 60 k€), payé le mois du retour.",
    ("reinternalisation", "it_reintegration"):
        "Téléphonie, accès au CRM et reporting rapatriés : autant que l'intégration informatique à l'aller (sa "
        "valeur par défaut, 80 k€), payé le mois du retour.",
    ("risk", "distribution"):
        "PERT : Bêta(1 + 4 (mode - bas) / (haut - bas), 1 + 4 (haut - mode) / (haut - bas)) ramenée à "
        "[bas, haut] ; triangulaire : loi triangulaire (bas, mode, haut).",
}
