"""What ``compare`` and ``risk`` print in the terminal (:mod:`xlmodel.text.tables`), in English and
in French: the same keys in both; ``{cur}`` stands for the currency. A header's ``\\n`` puts it on two
lines."""

TERMINAL = {
    "en": {
        "head": "{name}: {years} from {start}, discount rate {rate}, money in {cur} ({channels}, {quotes})",
        "year_one": "year", "year_many": "years", "channel_one": "channel", "channel_many": "channels",
        "quote_one": "vendor quote", "quote_many": "vendor quotes",
        "percent": "%", "points": "pts", "yes": "yes", "reference": "reference", "not_applicable": "n/a",
        "not_reached": "not reached",
        "costs_head": ("Scenario (* recommended)", "Year 1\nk{cur}", "One-off\nk{cur}", "NPV of cost\nk{cur}",
                       "NPV of savings\nk{cur}", "Payback\n(month)"),
        "returns_head": ("Scenario", "ROI", "IRR", "{cur} per contact\nyear 1", "Paid FTE\nin-house y1",
                         "Billed FTE\nvendor y1"),
        "reference_note": "Savings, ROI, payback and IRR are measured against in-house at the target service level. "
                          "The status quo serves customers worse and is never recommended; it changes nothing, so "
                          "it has no payback (n/a).",
        "fte_note": "FTE are not one unit: paid FTE in-house are agents on the payroll; billed FTE vendor are what "
                    "the vendor's invoice counts at its own hours per FTE-month (for a per-minute or per-contact "
                    "quote, the FTE its work needs). Compare costs, not heads.",
        "below_target": "{vendor} commits to {level} of contacts answered in time, below the target ({short}): not "
                        "comparable, never recommended; its cost includes the customers its service gap loses "
                        "({gap} k{cur} in year 1).",
        "fte_short": "{vendor} proposes {proposed} FTE; the work needs up to {needed} FTE at {hours} worked hours per "
                     "FTE-month and {shrinkage} shrinkage: billed for what it needs.",
        "taxes": "Taxes: VAT {vat} on vendor invoices, {recovered} of it recovered; corporation tax {tax}, one-off "
                 "costs deducted in year {year} (after-tax view: the ranking above is pre-tax)",
        "tax_head": ("Scenario", "VAT not recovered\nNPV k{cur}", "NPV of cost\nafter tax k{cur}",
                     "NPV of savings\nafter tax k{cur}", "Staff\ntransfer"),
        "economics_title": "Cost of inaction and economic view",
        "inaction": "Contacts lost today: {lost} a year ({per_day} a day x {days} open days); each is worth {value} "
                    "{cur} (churn {churn} x {customer} {cur}): cost of inaction {cost} k{cur} a year.",
        "lost_share": "Lost share at target service by channel: {rules}.",
        "economics_head": ("Scenario", "Lost contacts\nyear 1", "NPV of cost\nk{cur}", "NPV lost\ncustomers k{cur}",
                           "Economic NPV\nk{cur}", "Economic\nsavings k{cur}"),
        "scoring_title": "Vendor scoring (1-5; weights {weights})",
        "criterion": "Criterion", "weight": "Weight", "total": "Total", "rank": "Rank",
        "knocked_out": "{vendor} is knocked out: {reasons}.",
        "break_even_title": "Break-even against in-house at target service",
        "break_even_head": ("Vendor", "Price unit", "Quoted", "Break-even\nprice", "Headroom", "Break-even\nvolume/year"),
        "hybrid_share": "Hybrid share with {vendor}: NPV of cost is lowest at {share} of volume ({npv} k{cur}).",
        "tornado_title": "Sensitivity of the NPV of savings of {scenario} (base {base} k{cur}; {ends} range ends "
                         "costed, {seconds} s)",
        "tornado_head": ("Driver", "Range\n(low / high)", "At low\nk{cur}", "At high\nk{cur}", "Swing\nk{cur}"),
        "risk_title": "Monte Carlo ({draws} draws, seed {seed}, {distribution}; run `risk` for more draws)",
        "risk_head": ("Scenario", "NPV cost\nP10 k{cur}", "\nP50", "\nP90", "NPV savings\nP10 k{cur}", "\nP50",
                      "\nP90", "P(cheapest)"),
        "risk_head_line": "{name}: Monte Carlo of {draws} draws (seed {seed}, {distribution}) in {seconds} s",
        "drivers_drawn": "Drivers drawn (change from the case value: low / mode / high):",
        "p_cheapest_note": "P(cheapest): share of draws in which the option has the lowest NPV of cost among the "
                           "options at target service (the status quo is not one).",
        # Issue 16 (board): the command line's own lines, and the analytics' words in its tables.
        "cli_wrote_build": "Wrote {output} from {origin} ({scenarios}, {months}, {rows}) in {seconds} s.",
        "scenario_one": "scenario", "scenario_many": "scenarios", "month_one": "month", "month_many": "months",
        "row_one": "line item", "row_many": "line items", "field_one": "field", "field_many": "fields",
        "cli_origin_case": "{path}", "cli_origin_inputs": "the inputs of {path}",
        "cli_origin_example": "the embedded example case",
        "cli_backup": "The previous workbook is kept as {path}.",
        "cli_valid": "OK: '{name}' is valid ({channels}, {quotes}, {years}).",
        "cli_exported": "# Case exported by xlmodel from {name}",
        "cli_wrote_case": "Wrote {output}: the inputs of {source} ({channels}, {quotes}). Build it again with: "
                          "xlmodel build {output}",
        "cli_wrote_form": "Wrote {output}: a quote form of {fields} ({language}, amounts in {cur}). Send one to each "
                          "vendor, then: python cli.py import-quotes FORM.xlsx ... --into BOOK.xlsx",
        "cli_dry_run": "Dry run: nothing was written; {book} would hold {quotes}.",
        "cli_wrote_import": "Wrote {book}: {quotes}.",
        "cli_import_backup": "The workbook as it was before the import is kept as {path}.",
        "cli_notice": "notice: {notice}",
        "cli_error": "error: {problem}",
        "cli_invalid": "{count} invalid input(s); nothing was computed or written.",
        "import_added": "added vendor '{vendor}' ({model}, {price} {cur} {unit})",
        "import_updated": "updated vendor '{vendor}' ({model}, {price} {cur} {unit})",
        "import_no_change": "no field changes",
        "import_kept": "blank on the form, kept from the book: {fields}",
        "cli_wrote_render": "Wrote {pdf} and {pages} PNG page(s) in {folder} ({sheets}) in {seconds} s.",
        "render_building": "Building the workbook ({language})...",
        "render_printing": "Recalculating and printing {sheets} with LibreOffice...",
        "render_every_sheet": "every sheet",
        "render_cutting": "Cutting the PDF into PNG pages at {dpi} dpi...",
        "batch_label": "Building {count} workbooks",
        "batch_head": ("case", "status", "time", "workbook or problem"), "batch_ok": "ok", "batch_failed": "FAILED",
        "batch_summary": "{built} built, {failed} failed, in {seconds} s on {cores}.",
        "core_one": "core", "core_many": "cores",
        "rule_erlang_a": "abandons by Erlang A", "rule_late_abandon_share": "late callers who hang up",
        "rule_deferred": "deferred, none lost",
    },
    "fr": {
        "head": "{name} : {years} à partir de {start}, taux d'actualisation {rate}, montants en {cur} ({channels}, "
                "{quotes})",
        "year_one": "an", "year_many": "ans", "channel_one": "canal", "channel_many": "canaux",
        "quote_one": "offre prestataire", "quote_many": "offres prestataires",
        "percent": " %", "points": "pts", "yes": "oui", "reference": "référence", "not_applicable": "s.o.",
        "not_reached": "non atteint",
        "costs_head": ("Scénario (* recommandé)", "Année 1\nk{cur}", "Ponctuels\nk{cur}", "VAN des coûts\nk{cur}",
                       "VAN des économies\nk{cur}", "Récupération\n(mois)"),
        "returns_head": ("Scénario", "ROI", "TRI", "{cur} par contact\nannée 1", "ETP internes\npayés a. 1",
                         "ETP prestataire\nfacturés a. 1"),
        "reference_note": "Économies, ROI, délai de récupération et TRI sont mesurés par rapport à l'interne au niveau "
                          "de service cible. Le statu quo sert moins bien les clients et n'est jamais recommandé ; il "
                          "ne change rien, il n'a donc pas de délai de récupération (s.o.).",
        "fte_note": "Les ETP ne sont pas une même unité : les ETP internes payés sont les conseillers de la masse "
                    "salariale ; les ETP prestataire facturés sont ceux que compte sa facture, à ses propres heures "
                    "par ETP-mois (pour une offre à la minute ou au contact, les ETP que son travail demande). "
                    "Comparez des coûts, pas des effectifs.",
        "below_target": "{vendor} s'engage sur {level} de contacts traités dans les délais, sous l'objectif ({short}) : "
                        "non comparable, jamais recommandé ; son coût inclut les clients que son écart de service fait "
                        "perdre ({gap} k{cur} en année 1).",
        "fte_short": "{vendor} propose {proposed} ETP ; le travail en demande jusqu'à {needed} à {hours} heures "
                     "travaillées par ETP-mois et {shrinkage} d'inactivité : facturé pour ce qu'il demande.",
        "taxes": "Fiscalité : TVA {vat} sur les factures prestataire, dont {recovered} récupérée ; impôt sur les "
                 "sociétés {tax}, coûts ponctuels déduits en année {year} (vue après impôt : le classement ci-dessus "
                 "est avant impôt)",
        "tax_head": ("Scénario", "TVA non récupérée\nVAN k{cur}", "VAN des coûts\naprès IS k{cur}",
                     "VAN des économies\naprès IS k{cur}", "Reprise du\npersonnel"),
        "economics_title": "Coût de l'inaction et vue économique",
        "inaction": "Contacts perdus aujourd'hui : {lost} par an ({per_day} par jour x {days} jours ouvrés) ; chacun "
                    "vaut {value} {cur} (attrition {churn} x {customer} {cur}) : coût de l'inaction {cost} k{cur} par an.",
        "lost_share": "Part perdue au niveau de service cible, par canal : {rules}.",
        "economics_head": ("Scénario", "Contacts perdus\nannée 1", "VAN des coûts\nk{cur}",
                           "VAN clients\nperdus k{cur}", "VAN économique\nk{cur}", "Économies\néco. k{cur}"),
        "scoring_title": "Notation des prestataires (1 à 5 ; pondérations {weights})",
        "criterion": "Critère", "weight": "Poids", "total": "Total", "rank": "Rang",
        "knocked_out": "{vendor} est éliminé : {reasons}.",
        "break_even_title": "Point mort par rapport à l'interne au niveau de service cible",
        "break_even_head": ("Prestataire", "Unité de prix", "Proposé", "Prix\nd'équilibre", "Marge",
                            "Volume\nd'équilibre/an"),
        "hybrid_share": "Part hybride avec {vendor} : la VAN des coûts est la plus basse à {share} du volume "
                        "({npv} k{cur}).",
        "tornado_title": "Sensibilité de la VAN des économies de {scenario} (base {base} k{cur} ; {ends} bornes "
                         "chiffrées, {seconds} s)",
        "tornado_head": ("Facteur", "Plage\n(bas / haut)", "Au bas\nk{cur}", "Au haut\nk{cur}", "Écart\nk{cur}"),
        "risk_title": "Monte-Carlo ({draws} tirages, graine {seed}, {distribution} ; lancez `risk` pour plus de tirages)",
        "risk_head": ("Scénario", "VAN coûts\nP10 k{cur}", "\nP50", "\nP90", "VAN écon.\nP10 k{cur}",
                      "\nP50", "\nP90", "P(moins\ncher)"),
        "risk_head_line": "{name} : Monte-Carlo de {draws} tirages (graine {seed}, {distribution}) en {seconds} s",
        "drivers_drawn": "Facteurs tirés (écart à la valeur du cas : bas / mode / haut) :",
        "p_cheapest_note": "P(moins cher) : part des tirages où l'option a la VAN des coûts la plus basse parmi les "
                           "options au niveau de service cible (le statu quo n'en est pas une).",
        # Issue 16 (board) : les lignes propres à la ligne de commande, et les mots des analyses dans ses tableaux.
        "cli_wrote_build": "{output} écrit à partir {origin} ({scenarios}, {months}, {rows}) en {seconds} s.",
        "scenario_one": "scénario", "scenario_many": "scénarios", "month_one": "mois", "month_many": "mois",
        "row_one": "ligne de calcul", "row_many": "lignes de calcul", "field_one": "champ", "field_many": "champs",
        "cli_origin_case": "de {path}", "cli_origin_inputs": "des hypothèses de {path}",
        "cli_origin_example": "du cas d'exemple intégré",
        "cli_backup": "Le classeur précédent est conservé sous {path}.",
        "cli_valid": "OK : « {name} » est valide ({channels}, {quotes}, {years}).",
        "cli_exported": "# Cas exporté par xlmodel à partir de {name}",
        "cli_wrote_case": "{output} écrit : les hypothèses de {source} ({channels}, {quotes}). Pour reconstruire le "
                          "classeur : xlmodel build {output}",
        "cli_wrote_form": "{output} écrit : un formulaire d'offre de {fields} ({language}, montants en {cur}). "
                          "Envoyez-en un à chaque prestataire, puis : python cli.py import-quotes FORM.xlsx ... "
                          "--into BOOK.xlsx",
        "cli_dry_run": "Simulation : rien n'a été écrit ; {book} contiendrait {quotes}.",
        "cli_wrote_import": "{book} écrit : {quotes}.",
        "cli_import_backup": "Le classeur tel qu'il était avant l'import est conservé sous {path}.",
        "cli_notice": "remarque : {notice}",
        "cli_error": "erreur : {problem}",
        "cli_invalid": "{count} saisie(s) invalide(s) ; rien n'a été calculé ni écrit.",
        "import_added": "prestataire « {vendor} » ajouté ({model}, {price} {cur} {unit})",
        "import_updated": "prestataire « {vendor} » mis à jour ({model}, {price} {cur} {unit})",
        "import_no_change": "aucun champ modifié",
        "import_kept": "vides sur le formulaire, conservés du classeur : {fields}",
        "cli_wrote_render": "{pdf} et {pages} page(s) PNG écrits dans {folder} ({sheets}) en {seconds} s.",
        "render_building": "Construction du classeur ({language})...",
        "render_printing": "Recalcul et impression de {sheets} avec LibreOffice...",
        "render_every_sheet": "toutes les feuilles",
        "render_cutting": "Découpage du PDF en pages PNG à {dpi} ppp...",
        "batch_label": "Construction de {count} classeurs",
        "batch_head": ("cas", "statut", "durée", "classeur ou problème"), "batch_ok": "ok", "batch_failed": "ÉCHEC",
        "batch_summary": "{built} construit(s), {failed} en échec, en {seconds} s sur {cores}.",
        "core_one": "cœur", "core_many": "cœurs",
        "rule_erlang_a": "abandons selon Erlang A", "rule_late_abandon_share": "appelants en retard qui raccrochent",
        "rule_deferred": "différé, aucun perdu",
    },
}

# Issue 15 (real schedules): the weekly arrival profile under the comparison.
TERMINAL["en"].update({
    "arrival_profile": "Arrival profile: {days} open days x {slots} slots, each sized on its own and worked as "
                       "shifts of at least {shift} h: {agents} in-house agents on duty in year 1, against {even} "
                       "with arrivals even over the week.",
})
TERMINAL["fr"].update({
    "arrival_profile": "Profil d'arrivée : {days} jours ouverts x {slots} tranches, chacune dimensionnée pour "
                       "elle-même et planifiée en vacations d'au moins {shift} h : {agents} conseillers internes en "
                       "poste la 1re année, contre {even} avec des arrivées uniformes sur la semaine.",
})

# Issue 16 (the words helper): the usage errors the commands raise, and click's commonest ones said again
# in French (xlmodel.text.usage); in English, click prints its own.
TERMINAL["en"].update({
    "usage_folder_needs_cases": "{output} is a folder: give the case files to build into it (build cases/*.toml -o "
                                "out/), or the path of a workbook ending in .xlsx",
    "usage_several_need_folder": "several case files build one workbook each: give the folder to write them into "
                                 "with -o, e.g. -o out/",
    "usage_lang_for_case": "--lang applies to a case that is built; a workbook prints in its own language",
    "usage_help": "Try '{command} -h' for help.",
    "usage_missing_argument": "missing argument {name}", "usage_missing_option": "missing option {name}",
    "usage_no_such_option": "no such option: {name}", "usage_did_you_mean": " (did you mean {names}?)",
    "usage_choice": "{name} must be one of {values}", "usage_range": "{name} must be a whole number from {low} to "
                                                                     "{high}",
    "usage_bad_value": "invalid value for {name}", "usage_found": " (found {found})",
    "aborted": "aborted",
})
TERMINAL["fr"].update({
    "usage_folder_needs_cases": "{output} est un dossier : donnez les fichiers de cas à y construire (build "
                                "cas/*.toml -o sortie/), ou le chemin d'un classeur se terminant par .xlsx",
    "usage_several_need_folder": "plusieurs fichiers de cas construisent chacun un classeur : donnez avec -o le "
                                 "dossier où les écrire, par exemple -o sortie/",
    "usage_lang_for_case": "--lang s'applique à un cas que l'on construit ; un classeur s'imprime dans sa propre "
                           "langue",
    "usage_help": "Aide : {command} -h",
    "usage_missing_argument": "argument {name} manquant", "usage_missing_option": "option {name} manquante",
    "usage_no_such_option": "option inconnue : {name}", "usage_did_you_mean": " (vouliez-vous dire {names} ?)",
    "usage_choice": "{name} doit valoir {values}", "usage_range": "{name} doit être un nombre entier de {low} à "
                                                                   "{high}",
    "usage_bad_value": "valeur invalide pour {name}", "usage_found": " (lu : {found})",
    "aborted": "interrompu",
})

# Issue 16 (words2): the failures of exit status 1 (xlmodel.text.failures) and click's rarer usage errors.
TERMINAL["en"].update({
    "fail_busy": "{path} is being written by another xlmodel command (lock file {lock} beside it): try again when "
                 "it has finished; nothing was written",
    "fail_locked": "{path} is open in Excel (lock file {lock} found beside it): close the workbook in Excel, or "
                   "delete the lock file if Excel is not running, then try again; nothing was written",
    "fail_write": "{path} could not be written ({reason}): free some disk space or check the folder's permissions; "
                  "nothing was replaced",
    "fail_folder": "{path} could not be written: its folder {folder} cannot be made or written in ({reason}); "
                   "nothing was written",
    "fail_file_in_the_way": "a file has that name",
    "fail_backup_name": "no free backup name beside {path}: remove old backups; nothing was replaced",
    "fail_backup": "{path}: its backup could not be written ({reason}): free some disk space or check the folder's "
                   "permissions; nothing was replaced",
    "fail_timeout": "{what} took longer than {seconds} s and was stopped",
    "fail_converting": "LibreOffice converting {names} to {target}", "fail_rendering": "pdftoppm rendering {name}",
    "fail_no_soffice": "LibreOffice is not installed: apt-get install -y libreoffice-calc-nogui (or set "
                       "XLMODEL_SOFFICE to the soffice executable)",
    "fail_no_pdftoppm": "pdftoppm is not installed: apt-get install -y poppler-utils",
    "fail_nothing_to_convert": "no workbook to convert",
    "fail_missing": "{path} does not exist",
    "fail_same_folder": "use an output folder other than {folder}: LibreOffice would write its copy over {name}",
    "fail_same_names": "two workbooks named {names}: their copies would overwrite each other in {folder}",
    "fail_convert": "LibreOffice could not convert {names} to {target} (exit code {code}): {detail}",
    "fail_no_output": "no output",
    "fail_not_recalculable": "{path} is not a workbook LibreOffice can recalculate ({reason})",
    "fail_csv_field": "{name}: row {row}, column {column}: not a CSV field LibreOffice writes",
    "fail_csv_value": "{name}: row {row}, column {column}: cannot read {text} as a value",
    "fail_render": "pdftoppm could not render {name} (exit code {code}): {detail}",
    "fail_disagrees": "the workbook disagrees with the engine in {count} cell(s), a bug of the model (please report "
                      "it); nothing was written: {listed}{more}",
    "fail_disagrees_more": "; and {count} more",
    "fail_disagreement": "{cell} ({what}): the workbook computes {workbook}, the engine {engine}",
    "fail_unexpected": "{kind}: {message} (run with --debug for the traceback)",
    "usage_extra_arguments": "unexpected extra argument(s): {names}",
    "usage_no_such_command": "no such command {name}",
    "usage_missing_command": "missing command",
    "usage_needs_value": "option {name} requires a value",
    "usage_takes_no_value": "option {name} does not take a value",
    "usage_path_missing": "{name}: {path} does not exist",
    "usage_path_is_file": "{name}: {path} is a file, not a folder",
    "usage_path_is_folder": "{name}: {path} is a folder, not a file",
    "usage_path_denied": "{name}: {path} cannot be read or written (permissions)",
})
TERMINAL["fr"].update({
    "fail_busy": "{path} est en cours d'écriture par une autre commande xlmodel (fichier de verrou {lock} à côté) : "
                 "réessayez quand elle aura fini ; rien n'a été écrit",
    "fail_locked": "{path} est ouvert dans Excel (fichier de verrou {lock} trouvé à côté) : fermez le classeur dans "
                   "Excel, ou supprimez le fichier de verrou si Excel n'est pas lancé, puis réessayez ; rien n'a été "
                   "écrit",
    "fail_write": "{path} n'a pas pu être écrit ({reason}) : libérez de l'espace disque ou vérifiez les droits du "
                  "dossier ; rien n'a été remplacé",
    "fail_folder": "{path} n'a pas pu être écrit : son dossier {folder} ne peut être ni créé ni modifié ({reason}) ; "
                   "rien n'a été écrit",
    "fail_file_in_the_way": "un fichier porte ce nom",
    "fail_backup_name": "plus de nom de sauvegarde libre à côté de {path} : supprimez d'anciennes sauvegardes ; rien "
                        "n'a été remplacé",
    "fail_backup": "{path} : sa sauvegarde n'a pas pu être écrite ({reason}) : libérez de l'espace disque ou "
                   "vérifiez les droits du dossier ; rien n'a été remplacé",
    "fail_timeout": "{what} a duré plus de {seconds} s et a été arrêté",
    "fail_converting": "LibreOffice, en convertissant {names} en {target},",
    "fail_rendering": "pdftoppm, en découpant {name},",
    "fail_no_soffice": "LibreOffice n'est pas installé : apt-get install -y libreoffice-calc-nogui (ou indiquez "
                       "l'exécutable soffice dans XLMODEL_SOFFICE)",
    "fail_no_pdftoppm": "pdftoppm n'est pas installé : apt-get install -y poppler-utils",
    "fail_nothing_to_convert": "aucun classeur à convertir",
    "fail_missing": "{path} n'existe pas",
    "fail_same_folder": "choisissez un dossier de sortie autre que {folder} : LibreOffice y écrirait sa copie "
                        "par-dessus {name}",
    "fail_same_names": "deux classeurs s'appellent {names} : leurs copies s'écraseraient l'une l'autre dans {folder}",
    "fail_convert": "LibreOffice n'a pas pu convertir {names} en {target} (code de sortie {code}) : {detail}",
    "fail_no_output": "aucune sortie",
    "fail_not_recalculable": "{path} n'est pas un classeur que LibreOffice peut recalculer ({reason})",
    "fail_csv_field": "{name} : ligne {row}, colonne {column} : pas un champ CSV tel que LibreOffice l'écrit",
    "fail_csv_value": "{name} : ligne {row}, colonne {column} : {text} ne se lit pas comme une valeur",
    "fail_render": "pdftoppm n'a pas pu découper {name} (code de sortie {code}) : {detail}",
    "fail_disagrees": "le classeur s'écarte du moteur de calcul dans {count} cellule(s), une erreur du modèle "
                      "(merci de la signaler) ; rien n'a été écrit : {listed}{more}",
    "fail_disagrees_more": " ; et {count} autre(s)",
    "fail_disagreement": "{cell} ({what}) : le classeur calcule {workbook}, le moteur {engine}",
    "fail_unexpected": "{kind} : {message} (relancez avec --debug pour voir la trace)",
    "usage_extra_arguments": "argument(s) en trop : {names}",
    "usage_no_such_command": "commande inconnue : {name}",
    "usage_missing_command": "commande manquante",
    "usage_needs_value": "l'option {name} attend une valeur",
    "usage_takes_no_value": "l'option {name} ne prend pas de valeur",
    "usage_path_missing": "{name} : {path} n'existe pas",
    "usage_path_is_file": "{name} : {path} est un fichier, pas un dossier",
    "usage_path_is_folder": "{name} : {path} est un dossier, pas un fichier",
    "usage_path_denied": "{name} : {path} ne peut être ni lu ni écrit (droits)",
})
