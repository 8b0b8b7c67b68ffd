"""The sheet tabs and the values of the choice inputs, as a person reads them in each language.

A workbook's tab and a choice's label follow the workbook's language; what the program keys on
stays one stable name: a sheet's key (``"Inputs"``, its English tab) and a choice's value
(``"extended_hours"``, as the case file and the engine spell it).  Reading a workbook back maps
either language's label (or the value itself) to the value, so a French book read back, or rebuilt
in English, keeps every input.

Each table gives ``(key, English, French)``; :mod:`xlmodel.text` serves them by language.
"""

from __future__ import annotations

SHEETS = (
    ("Dashboard", "Dashboard", "Tableau de bord"),
    ("Inputs", "Inputs", "Hypothèses"),
    ("Channels", "Channels", "Canaux"),  # the Channels table (on Inputs in a book built before it had a sheet)
    ("Vendors", "Vendors", "Prestataires"),
    ("Hybrid", "Hybrid", "Hybride"),
    ("Sourcing", "Sourcing", "Répartition"),  # only in a case with portfolios or quotes for some channels
    ("Calc", "Calc", "Calculs"),
    ("Staffing", "Staffing", "Effectifs"),
    ("Compare", "Compare", "Comparaison"),
    ("Risk", "Risk", "Risques"),
    ("Checks", "Checks", "Contrôles"),
    ("Method", "Method", "Méthode"),
    ("xlwings.conf", "xlwings.conf", "xlwings.conf"),  # the name the xlwings add-in looks for
)
"""Every sheet of the workbook, in order: key, English tab, French tab (at most 31 characters,
none of ``[]:*?/\\``)."""

CHOICES = (
    # Hybrid modes
    ("share", "share", "part fixe"),
    ("extended_hours", "extended hours", "horaires étendus"),
    ("overflow", "overflow", "débordement"),
    ("channel", "channel", "par canal"),
    ("split", "by shares", "par parts"),
    # Sizing models
    ("erlang_c", "Erlang C", "Erlang C"),
    ("erlang_a", "Erlang A", "Erlang A"),  # a portfolio's channel shared out (Sourcing sheet)
    # Pricing models
    ("per_hour", "per hour", "à l'heure"),
    ("per_fte_month", "per FTE-month", "à l'ETP-mois"),
    ("per_minute", "per minute", "à la minute"),
    ("per_contact", "per contact", "au contact"),
    ("fixed_monthly", "fixed monthly", "forfait mensuel"),
    # What a per-minute price counts
    ("agent", "agent minutes", "minutes conseiller"),
    ("contact", "contact minutes", "minutes de contact"),
    # Locations (nearshore and offshore are the French trade's own words)
    ("onshore", "onshore", "national"),
    ("nearshore", "nearshore", "nearshore"),
    ("offshore", "offshore", "offshore"),
    # Channel kinds
    ("live", "live", "temps réel"),
    ("deferred", "deferred", "différé"),
    # Yes / no
    ("yes", "yes", "oui"),
    ("no", "no", "non"),
    # Workbook languages
    ("en", "English", "anglais"),
    ("fr", "French", "français"),
    # Distributions of the Monte Carlo drivers
    ("pert", "PERT", "PERT"),
    ("triangular", "triangular", "triangulaire"),
    # Currencies: English writes the ISO code (7,841,431 EUR); French writes the euro's sign, as a French
    # finance department does (7 841 431 €, k€, M€), and the ISO code of any other currency (CHF, GBP, USD:
    # kCHF, MUSD are the French usage; "$" alone would not say which dollar).
    ("EUR", "EUR", "€"),
)
"""Every value a choice input takes, with its label in English and in French (a currency without a
row is shown as its code).  A label never contains a comma or a double quote (an Excel list)."""
