"""The tender (appel d'offres): the quote form a vendor fills in, and importing the returned forms.

The form is a small workbook: an Instructions sheet, and a Quote sheet with one row per field
(label, the vendor's answer in an input cell, unit, guidance).  Its fields are the vendor-supplied
fields of :data:`xlmodel.schema.VENDOR` (the price and everything else a quote states) plus
information a tender needs but the model does not use (:data:`INFO`: sites, revenue, references,
contact, validity).  The client-assessed scores (:data:`CLIENT_ASSESSED`) are not on the form: the
client rates those.

Reading a returned form does not depend on its language nor on where its rows are: a hidden key
column (:data:`KEY_COLUMN`) holds each row's field name and, on the title row, the form-version
marker (:data:`FORM_MARKER`) by which the Quote sheet is recognised.  The values go through the
case format's own validation (:func:`xlmodel.case._read_section`), and each problem is reported with
the form and the cell (``quote_acme.xlsx: Quote!B9: must be > 0 ...``).

Importing forms into a workbook built by ``python cli.py build`` adds or updates its vendor quotes:
a vendor whose name matches an existing quote (trimmed, case-insensitive) is updated and keeps the
client's scores and its hybrid flag; a new vendor gets the default scores and a hybrid scenario.
The workbook is then rebuilt around the new case, validated as a whole and written atomically; a
batch with any bad form changes nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import column_index_from_string
from openpyxl.workbook.protection import WorkbookProtection

from .case import Case, _read_section, case_from_mapping, case_to_mapping
from .errors import InputError, Problem
from .schema import CURRENCIES, LANGUAGES, VENDOR, Field, Section

FORM_MARKER_PREFIX = "xlmodel quote form"
FORM_VERSION = 1
FORM_MARKER = f"{FORM_MARKER_PREFIX} v{FORM_VERSION}"
"""Written in the key column of the Quote sheet's title row; a form without it is refused."""

VALUE_COLUMN, KEY_COLUMN = "B", "E"
CURRENCY_KEY = "__currency__"
"""Key of the row stating the currency of every amount on the form (a locked cell)."""

CLIENT_ASSESSED = ("quality_rating", "security_rating", "financial_solidity", "location_rating")
"""Vendor fields the client rates (site visit, references, audits, credit rating): not on the form."""

F = Field

INFO = Section("quote_info", (
    F("production_sites", "text", "", "cities", "Production sites (cities)", "Sites de production (villes)",
      fr_unit="villes"),
    F("production_countries", "text", "", "countries", "Production countries", "Pays de production",
      fr_unit="pays"),
    F("annual_revenue", "money", 0.0, "per year (0: not stated)", "Annual revenue, last financial year",
      "Chiffre d'affaires annuel, dernier exercice", 0, 1e12, fr_unit="par an (0 : non indiqué)"),
    F("years_in_business", "int", 0, "years", "Years in business", "Années d'existence", 0, 500, fr_unit="ans"),
    F("agent_headcount", "int", 0, "agents", "Headcount of agents (all clients)",
      "Effectif de conseillers (tous clients)", 0, 1_000_000, fr_unit="conseillers"),
    F("contact_name", "text", "", "", "Contact for this quote: name", "Contact pour cette offre : nom",
      required=True),
    F("contact_email", "text", "", "", "Contact for this quote: e-mail", "Contact pour cette offre : e-mail",
      required=True),
    F("quote_validity_months", "int", 0, "months (0: not stated)", "Quote valid for", "Offre valable",
      0, 36, fr_unit="mois (0 : non indiqué)"),
    F("reference_1", "text", "", "", "Client reference 1", "Référence client 1"),
    F("reference_2", "text", "", "", "Client reference 2", "Référence client 2"),
    F("reference_3", "text", "", "", "Client reference 3", "Référence client 3"),
), title_en="Information for the tender", title_fr="Informations pour l'appel d'offres")
"""Information a tender needs that the model does not use; validated like the case fields."""

# The Quote sheet, group by group: (title en, title fr, field names). Every vendor field but the
# client-assessed ones appears exactly once (a test checks it against the schema).
GROUPS = (
    ("Your company", "Votre société",
     ("name", "location", "production_sites", "production_countries", "annual_revenue", "years_in_business",
      "agent_headcount", "contact_name", "contact_email")),
    ("Price", "Prix",
     ("pricing_model", "price", "setup_fee", "minimum_monthly", "indexation_rate", "indexation_fixed_share",
      "bonus_malus")),
    ("Operations and productivity", "Production et productivité",
     ("aht_factor", "ramp_up_months", "ramp_up_aht_premium", "occupancy_billed", "hours_per_fte_month",
      "fte_proposed", "first_contact_resolution", "committed_service_level", "languages", "coverage_24_7")),
    ("Certifications", "Certifications",
     ("certified_nf345_iso18295", "certified_iso27001", "certified_pci_dss")),
    ("Contract", "Contrat", ("minimum_term_months", "exit_notice_months", "quote_validity_months")),
    ("Client references (client, sector, scope, since when)",
     "Références clients (client, secteur, périmètre, depuis quand)",
     ("reference_1", "reference_2", "reference_3")),
)

PRICE_UNITS = {
    "per_hour": ("per logged agent hour", "par heure de conseiller connecté"),
    "per_fte_month": ("per billed FTE per month", "par ETP facturé et par mois"),
    "per_minute": ("per handled minute", "par minute traitée"),
    "per_contact": ("per handled contact", "par contact traité"),
    "fixed_monthly": ("per month (fixed fee)", "par mois (forfait)"),
}

# What each row asks, in the vendor's words; the unit and range come from the field itself.
GUIDANCE = {
    "name": ("Required. Your company's name as it will appear in the comparison; one name per offer "
             "(e.g. 'Acme - nearshore' for a second offer).",
             "Obligatoire. Le nom de votre société tel qu'il apparaîtra dans la comparaison ; un nom par "
             "offre (ex. « Acme - nearshore » pour une seconde offre)."),
    "location": ("Where the agents work: onshore (France), nearshore (e.g. North Africa, Southern Europe) "
                 "or offshore.",
                 "Où travaillent les conseillers : onshore (France), nearshore (ex. Maghreb, Europe du Sud) "
                 "ou offshore."),
    "production_sites": ("The sites that would serve us.", "Les sites qui nous serviraient."),
    "production_countries": ("The countries of those sites (data may be processed there).",
                             "Les pays de ces sites (les données peuvent y être traitées)."),
    "annual_revenue": ("Group revenue of the last closed financial year.",
                       "Chiffre d'affaires du groupe, dernier exercice clos."),
    "years_in_business": ("Years since your company was founded.", "Années depuis la création de la société."),
    "agent_headcount": ("Agents employed today, all clients together.",
                        "Conseillers employés aujourd'hui, tous clients confondus."),
    "contact_name": ("Required. Who answers our questions on this quote.",
                     "Obligatoire. Qui répond à nos questions sur cette offre."),
    "contact_email": ("Required.", "Obligatoire."),
    "pricing_model": ("Required. per_hour: per logged agent hour; per_fte_month: per billed full-time agent "
                      "per month; per_minute: per handled minute; per_contact: per handled contact; "
                      "fixed_monthly: a fixed fee per month.",
                      "Obligatoire. per_hour : par heure de conseiller connecté ; per_fte_month : par ETP "
                      "facturé et par mois ; per_minute : par minute traitée ; per_contact : par contact "
                      "traité ; fixed_monthly : forfait mensuel."),
    "price": ("Required. Excluding VAT, in the unit of the pricing model above.",
              "Obligatoire. Hors TVA, dans l'unité du modèle de prix ci-dessus."),
    "setup_fee": ("Excluding VAT, invoiced once at the start (transition, training, set-up).",
                  "Hors TVA, facturés une fois au démarrage (transition, formation, installation)."),
    "minimum_monthly": ("The minimum monthly invoice, if any (0: none).",
                        "La facture mensuelle minimale, s'il y en a une (0 : aucune)."),
    "indexation_rate": ("Expected yearly revision of prices (e.g. 2.5 % for a Syntec-type index).",
                        "Révision annuelle attendue des prix (ex. 2,5 % pour un indice de type Syntec)."),
    "indexation_fixed_share": ("The part of the price the revision clause does not index: "
                               "P = P0 x (fixed share + (1 - fixed share) x index ratio).",
                               "La part du prix non indexée par la clause de révision : "
                               "P = P0 x (part fixe + (1 - part fixe) x rapport des indices)."),
    "bonus_malus": ("Expected bonus (+) or penalty (-) on the invoice, as a share of it.",
                    "Bonus (+) ou pénalité (-) attendu sur la facture, en part de celle-ci."),
    "aht_factor": ("Your average handling time once in steady state, relative to ours (1.00 = the same, "
                   "1.10 = 10 % longer).",
                   "Votre durée moyenne de traitement en régime, rapportée à la nôtre (1,00 = la même, "
                   "1,10 = 10 % plus longue)."),
    "ramp_up_months": ("Months until your handling time reaches the steady state.",
                       "Mois avant que votre durée de traitement atteigne le régime."),
    "ramp_up_aht_premium": ("Extra handling time in the first month, fading to 0 over the ramp-up.",
                            "Durée de traitement supplémentaire le premier mois, réduite à 0 sur la "
                            "montée en charge."),
    "occupancy_billed": ("Per-hour contracts: handled time / logged time your price assumes.",
                         "Contrats horaires : temps traité / temps connecté que suppose votre prix."),
    "hours_per_fte_month": ("Per-FTE contracts: productive hours delivered per billed FTE per month.",
                            "Contrats à l'ETP : heures productives fournies par ETP facturé et par mois."),
    "fte_proposed": ("Per-FTE contracts only: the FTE you propose to bill (0 or blank otherwise).",
                     "Contrats à l'ETP seulement : les ETP que vous proposez de facturer (0 ou vide sinon)."),
    "first_contact_resolution": ("Share of contacts resolved without a repeat contact.",
                                 "Part des contacts résolus sans nouveau contact."),
    "committed_service_level": ("Share of contacts answered within the target time that you commit to, "
                                "with penalties.",
                                "Part des contacts répondus dans le délai cible sur laquelle vous vous "
                                "engagez, avec pénalités."),
    "languages": ("Language codes, separated by commas (e.g. fr, en, es).",
                  "Codes de langue séparés par des virgules (ex. fr, en, es)."),
    "coverage_24_7": ("Can you serve 24 hours a day, 7 days a week?", "Pouvez-vous servir 24 h/24, 7 j/7 ?"),
    "certified_nf345_iso18295": ("Current certificate for the sites above.",
                                 "Certificat en cours de validité pour les sites ci-dessus."),
    "certified_iso27001": ("Current certificate for the sites above.",
                           "Certificat en cours de validité pour les sites ci-dessus."),
    "certified_pci_dss": ("Compliant for card payments taken by phone.",
                          "Conforme pour les paiements par carte pris au téléphone."),
    "minimum_term_months": ("The shortest contract you accept.", "La durée de contrat la plus courte acceptée."),
    "exit_notice_months": ("Notice to end the contract.", "Préavis pour mettre fin au contrat."),
    "quote_validity_months": ("How long these prices hold from today.", "Durée de validité de ces prix."),
    "reference_1": ("A client we may call: company, sector, scope, since when, contact.",
                    "Un client que nous pouvons appeler : société, secteur, périmètre, depuis quand, contact."),
    "reference_2": ("As above.", "Idem."),
    "reference_3": ("As above.", "Idem."),
}

WORDS = {
    "en": {
        "instructions": "Instructions", "quote": "Quote",
        "title": "Quote form: outsourcing of customer service",
        "quote_help": "Type your answers in the yellow cells only; read the Instructions sheet first. "
                      "Every amount is in {currency}, excluding VAT.",
        "currency": "Currency of every amount", "field": "Field", "answer": "Your answer", "unit": "Unit",
        "guidance": "Guidance", "default": "Blank: counted as {value}.",
        "paragraphs": (
            "Thank you for answering our request for proposal. Give your offer in the '{quote}' sheet: "
            "type your answers in the yellow cells of the column '{answer}'. Every other cell is locked.",
            "One form per offer. If you propose several options (onshore and nearshore, per-hour and "
            "per-FTE pricing...), copy this file and fill one form for each, each with its own name in "
            "the first row (e.g. 'Acme - nearshore').",
            "Units: each row states its unit in the column '{unit}', and each yellow cell has a note (hover "
            "over it) giving the unit and the accepted range. Every amount is in {currency}, excluding VAT.",
            "Rates and shares are percentages: their cells are formatted as %, so type 45% and the cell "
            "stores the fraction 0.45. Typed as a plain number, a rate is a fraction: 0.45 for 45 %.",
            "Pricing model: choose one from the list: per_hour (per logged agent hour), per_fte_month "
            "(per billed full-time agent per month), per_minute (per handled minute), per_contact (per "
            "handled contact) or fixed_monthly (a fixed monthly fee). The price is in that model's unit.",
            "Required: your company's name, the pricing model, the price, and the contact's name and "
            "e-mail. A blank optional cell counts as the value stated in the column '{guidance}'; please "
            "answer every row all the same.",
            "Do not change the layout: do not insert, delete, move or rename rows, columns or sheets, and "
            "keep the hidden column. The form is read automatically; the sheets are protected without a "
            "password only to prevent accidents.",
            "Not asked here: the quality of service, security and GDPR compliance, financial solidity and "
            "the fit of your location are rated by us, the client (site visits, references, audits, credit ratings).",
            "Return this file in Excel format (.xlsx), not as PDF or CSV. Macros and links to other "
            "files are not read: a returned file that has them is accepted, but they are ignored.",
        ),
    },
    "fr": {
        "instructions": "Instructions", "quote": "Offre",
        "title": "Formulaire d'offre : externalisation de la relation client",
        "quote_help": "Saisissez vos réponses dans les cellules jaunes seulement ; lisez d'abord la feuille "
                      "Instructions. Tous les montants sont en {currency}, hors TVA.",
        "currency": "Devise de tous les montants", "field": "Rubrique", "answer": "Votre réponse",
        "unit": "Unité", "guidance": "Explications", "default": "Vide : compté comme {value}.",
        "paragraphs": (
            "Merci de répondre à notre appel d'offres. Donnez votre offre dans la feuille « {quote} » : "
            "saisissez vos réponses dans les cellules jaunes de la colonne « {answer} ». Toutes les autres "
            "cellules sont verrouillées.",
            "Un formulaire par offre. Si vous proposez plusieurs options (onshore et nearshore, prix à "
            "l'heure et à l'ETP...), copiez ce fichier et remplissez un formulaire par option, chacun avec "
            "son propre nom à la première ligne (ex. « Acme - nearshore »).",
            "Unités : chaque ligne indique son unité dans la colonne « {unit} », et chaque cellule jaune "
            "porte une note (survolez-la) avec l'unité et les valeurs admises. Tous les montants sont en "
            "{currency}, hors TVA.",
            "Les taux et les parts sont des pourcentages : leurs cellules sont au format %, saisissez 45% "
            "et la cellule enregistre la fraction 0,45. Saisi comme un nombre simple, un taux est une "
            "fraction : 0,45 pour 45 %.",
            "Modèle de prix : choisissez-en un dans la liste : per_hour (par heure de conseiller "
            "connecté), per_fte_month (par ETP facturé et par mois), per_minute (par minute traitée), "
            "per_contact (par contact traité) ou fixed_monthly (forfait mensuel). Le prix est dans "
            "l'unité de ce modèle.",
            "Obligatoire : le nom de votre société, le modèle de prix, le prix, le nom et l'e-mail du "
            "contact. Une cellule facultative laissée vide compte pour la valeur indiquée dans la colonne "
            "« {guidance} » ; merci de répondre à toutes les lignes malgré tout.",
            "Ne modifiez pas la mise en page : n'insérez, ne supprimez, ne déplacez ni ne renommez aucune "
            "ligne, colonne ou feuille, et gardez la colonne masquée. Le formulaire est lu automatiquement ; "
            "les feuilles sont protégées sans mot de passe seulement pour éviter les accidents.",
            "Non demandé ici : la qualité de service, la sécurité et la conformité RGPD, la solidité "
            "financière et l'adéquation de votre localisation sont notées par nos soins (visites, "
            "références, audits, notations financières).",
            "Renvoyez ce fichier au format Excel (.xlsx), pas en PDF ni en CSV. Les macros et les liaisons "
            "vers d'autres fichiers ne sont pas lues : un fichier qui en contient est accepté, mais elles "
            "sont ignorées.",
        ),
    },
}

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")


def form_fields() -> tuple[Field, ...]:
    """Every field of the Quote sheet, in form order (vendor fields and :data:`INFO` fields)."""
    return tuple(_field(name) for _, _, names in GROUPS for name in names)


# The schema's label of the vendor's name reads as the client's column title; on the form it asks.
_FORM_LABELS = {"name": ("Company name (name of this offer)", "Raison sociale (nom de cette offre)")}


def _label(f: Field, lang: str) -> str:
    en, fr = _FORM_LABELS.get(f.name, (f.label_en, f.label_fr))
    return fr if lang == "fr" else en


def _field(name: str) -> Field:
    return VENDOR.by_name.get(name) or INFO.by_name[name]


# -- the template ----------------------------------------------------------------------------------

def _unit(f: Field, lang: str, currency: str) -> str:
    from .workbook.builder import field_unit
    if f.name == "price":
        return {"en": f"{currency} per pricing unit (see guidance)",
                "fr": f"{currency} par unité de prix (voir explications)"}[lang]
    return field_unit(f, lang, currency)


def _number_format(f: Field, currency: str) -> str:
    from .workbook import styles
    if f.kind == "money":
        return styles.money_format(currency, decimals=2)
    if f.kind == "rate":
        return styles.PERCENT
    if f.kind == "int":
        return styles.INTEGER
    if f.kind == "number":
        return styles.TWO_DECIMALS if (f.maximum or 0) <= 10 else styles.DECIMAL
    return "@"  # text and choices: what is typed stays text, even "=..."


def _default_text(f: Field, currency: str) -> str:
    if f.kind == "rate":
        return f"{f.default * 100:g} %"
    if f.kind == "money":
        return f"{f.default:g} {currency}"
    if f.kind == "number":
        return f"{f.default:g}"
    return f"{f.default}" if f.default not in ("", None) else ""


def _note(f: Field, lang: str, currency: str) -> str:
    from .workbook.builder import field_note
    return field_note(f, lang, currency, _label(f, lang), _unit(f, lang, currency))


def quote_form(lang: str = "en", currency: str = "EUR") -> Workbook:
    """The quote form as an openpyxl workbook: Instructions, then the Quote sheet (see module doc)."""
    from .workbook import styles
    from .workbook.builder import _validation
    if lang not in LANGUAGES:
        raise InputError(Problem("--lang", f"must be one of {', '.join(LANGUAGES)} (found {lang!r})"))
    if currency not in CURRENCIES:
        raise InputError(Problem("--currency", f"must be one of {', '.join(CURRENCIES)} (found {currency!r})"))
    w = WORDS[lang]
    fmt = {"currency": currency, "quote": w["quote"], "answer": w["answer"], "unit": w["unit"],
           "guidance": w["guidance"]}
    wrap = Alignment(wrap_text=True, vertical="top")

    wb = Workbook()
    info = wb.active
    info.title = w["instructions"]
    styles.title(info, "A1", w["title"])
    for i, paragraph in enumerate(w["paragraphs"], start=1):
        cell = info.cell(row=2 + i, column=1, value=f"{i}. " + paragraph.format(**fmt))
        cell.alignment = wrap
    info.cell(row=3 + len(w["paragraphs"]) + 1, column=1, value=FORM_MARKER).font = Font(color="FF808080", size=8)
    info.column_dimensions["A"].width = INSTRUCTIONS_WIDTH
    for row in range(3, 3 + len(w["paragraphs"])):
        info.row_dimensions[row].height = _height(info.cell(row=row, column=1).value, INSTRUCTIONS_WIDTH) + 4
    info.print_area = f"A1:A{3 + len(w['paragraphs']) + 1}"
    styles.protect(info)
    _print_portrait_fit_width(info)

    ws = wb.create_sheet(w["quote"])
    styles.title(ws, "A1", w["title"])
    ws[f"{KEY_COLUMN}1"] = FORM_MARKER
    ws["A2"] = w["quote_help"].format(**fmt)
    ws["A2"].alignment = Alignment(wrap_text=True, vertical="top")
    ws.merge_cells("A2:D2")
    ws.row_dimensions[2].height = 30
    ws["A3"] = w["currency"]
    ws[f"{VALUE_COLUMN}3"] = currency
    ws[f"{VALUE_COLUMN}3"].font = Font(bold=True)
    ws[f"{KEY_COLUMN}3"] = CURRENCY_KEY
    header = 5
    styles.header_row(ws, header, [w["field"], w["answer"], w["unit"], w["guidance"]])
    r = header + 1
    for title_en, title_fr, names in GROUPS:
        styles.section(ws, f"A{r}", title_fr if lang == "fr" else title_en)
        r += 1
        for name in names:
            f = _field(name)
            ws[f"A{r}"] = _label(f, lang) + (" *" if f.required else "")
            ws[f"A{r}"].alignment = wrap
            styles.write_input(ws, f"{VALUE_COLUMN}{r}", None, number_format=_number_format(f, currency),
                               validation=_validation(f), note=_note(f, lang, currency))
            ws[f"{VALUE_COLUMN}{r}"].alignment = Alignment(vertical="top")
            ws[f"C{r}"] = " / ".join(f.choices) if f.kind == "choice" else _unit(f, lang, currency)
            ws[f"C{r}"].alignment = wrap
            guidance = GUIDANCE[name][1 if lang == "fr" else 0]
            if name in VENDOR.by_name and not f.required and f.default not in ("", None):
                guidance += " " + w["default"].format(value=_default_text(f, currency))
            ws[f"D{r}"] = guidance
            ws[f"D{r}"].alignment = wrap
            ws[f"{KEY_COLUMN}{r}"] = name
            ws.row_dimensions[r].height = max(_height(ws[f"{c}{r}"].value, QUOTE_WIDTHS[c]) for c in "ACD")
            r += 1
    styles.set_column_widths(ws, QUOTE_WIDTHS)
    ws.column_dimensions[KEY_COLUMN].hidden = True
    ws.freeze_panes = f"A{header + 1}"
    ws.print_title_rows = f"{header}:{header}"
    ws.print_area = f"A1:D{r - 1}"
    styles.protect(ws)
    _print_portrait_fit_width(ws)
    # Sheets cannot be renamed, moved or deleted (no password): the form is read automatically.
    wb.security = WorkbookProtection(lockStructure=True)
    wb.active = 0
    return wb


INSTRUCTIONS_WIDTH = 80  # one column wider than the page is cut, never scaled (LibreOffice)
QUOTE_WIDTHS = {"A": 40, "B": 24, "C": 22, "D": 60, KEY_COLUMN: 24}
"""Column widths of the Quote sheet (Excel character units); column E holds the hidden keys."""
_LINE_POINTS = 15.0  # one line of 11 pt text
_CHARS_PER_WIDTH = 1.2  # prose is narrower than the digit "0" that defines a column's width


def _height(text, width: float) -> float:
    """Row height (points) that shows ``text`` wrapped in a column of ``width`` characters.

    Neither Excel nor LibreOffice fits the height of rows written by openpyxl to wrapped text when
    the file opens, so the form sets it: one line per ``width`` characters, words kept whole.
    """
    width *= _CHARS_PER_WIDTH
    lines, used = 1, 0
    for word in str(text or "").split():
        if used and used + 1 + len(word) > width:
            lines, used = lines + 1, len(word)
        else:
            used += len(word) + (1 if used else 0)
    return lines * _LINE_POINTS


def _print_portrait_fit_width(ws):
    from .workbook import styles
    styles.set_print_fit_width(ws)
    ws.page_setup.orientation = "portrait"
    ws.page_margins.left = ws.page_margins.right = 0.5


def write_quote_form(path: str | Path, lang: str = "en", currency: str = "EUR") -> Path:
    """Write the quote form to ``path`` (same bytes for the same arguments; atomic; refuses when
    Excel holds the file open)."""
    from .workbook.files import save_deterministic
    path = Path(path)
    save_deterministic(quote_form(lang, currency), path)
    return path


# -- reading a returned form -------------------------------------------------------------------

@dataclass(frozen=True)
class Quote:
    """A returned form, validated: the vendor fields (client scores at their defaults), the
    information fields, and the cell each field was read from (``{"price": "Quote!B9"}``)."""

    path: Path
    vendor: dict[str, Any]
    info: dict[str, Any]
    cells: dict[str, str]
    currency: str
    notices: tuple[str, ...] = ()
    typed: frozenset = frozenset()  # the vendor fields answered on the form (not left blank)

    @property
    def name(self) -> str:
        return self.vendor["name"]


def _blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _column_cells(ws, column: int) -> list:
    """The cells of one column that exist, top to bottom (asking openpyxl for every row would create
    one cell per empty row, as many as the sheet's last row says)."""
    return [cell for (_, c), cell in sorted(ws._cells.items()) if c == column]


def _find_form_sheet(wb):
    """The sheet whose key column holds the form marker, with the marker's value; (None, None) if none."""
    for ws in wb.worksheets:
        if not hasattr(ws, "iter_rows"):
            continue
        for cell in _column_cells(ws, column_index_from_string(KEY_COLUMN)):
            if isinstance(cell.value, str) and cell.value.strip().lower().startswith(FORM_MARKER_PREFIX):
                return ws, cell.value.strip()
    return None, None


def read_quote_form(path: str | Path) -> Quote:
    """Read and validate one returned quote form.

    The form is opened as untrusted (macros and external links ignored, reported as notices).

    Raises
    ------
    InputError
        Every problem of the form, each located as ``FORM: Quote!B9``.
    """
    from .workbook.untrusted import open_untrusted
    path = Path(path)
    opened = open_untrusted(path)
    where_file = str(path)
    ws, marker = _find_form_sheet(opened.wb)
    if ws is None:
        raise InputError(Problem(where_file, "is not an xlmodel quote form (no form marker in a hidden column "
                                             f"{KEY_COLUMN}): send the vendor a form made by "
                                             "`python cli.py rfp-template`"))
    if marker.lower() != FORM_MARKER:
        raise InputError(Problem(where_file, f"form version {marker!r} is not supported (this program reads "
                                             f"{FORM_MARKER!r}): send the vendor a new form"))
    key_col, value_col = column_index_from_string(KEY_COLUMN), column_index_from_string(VALUE_COLUMN)
    rows: dict[str, int] = {}
    problems: list[Problem] = []
    for cell in _column_cells(ws, key_col):
        key = cell.value.strip() if isinstance(cell.value, str) else None
        if not key or key.lower().startswith(FORM_MARKER_PREFIX):
            continue
        if key in rows:
            problems.append(Problem(f"{where_file}: {ws.title}!{KEY_COLUMN}{cell.row}",
                                    f"field {key!r} appears twice (also row {rows[key]}): do not copy rows"))
            continue
        rows[key] = cell.row

    def located(field_name: str) -> str:
        return f"{ws.title}!{VALUE_COLUMN}{rows[field_name]}"

    currency = None
    if CURRENCY_KEY in rows:
        currency = ws.cell(row=rows[CURRENCY_KEY], column=value_col).value
    if currency not in CURRENCIES:
        cell = located(CURRENCY_KEY) if CURRENCY_KEY in rows else f"{ws.title}!"
        problems.append(Problem(f"{where_file}: {cell}", f"the currency of the form must be one of "
                                                         f"{', '.join(CURRENCIES)} (found {currency!r})"))
    vendor_item: dict[str, Any] = {}
    info_item: dict[str, Any] = {}
    where: dict[str, str] = {}
    for f in form_fields():
        target, location = ((vendor_item, f"[[vendors]] 1 .{f.name}") if f.name in VENDOR.by_name
                            else (info_item, f"[{INFO.name}] .{f.name}"))
        if f.name not in rows:
            problems.append(Problem(f"{where_file}: {ws.title}!",
                                    f"the row of {f.label_en!r} ({f.name}) is missing: do not delete rows; "
                                    "ask for a new form"))
            where[location] = f"{ws.title}!"
            continue
        where[location] = located(f.name)
        value = ws.cell(row=rows[f.name], column=value_col).value
        formula = opened.formula(ws.title, rows[f.name], value_col)
        if formula is not None:
            problems.append(Problem(f"{where_file}: {located(f.name)}", f"holds a formula ({formula}), not a typed "
                                    "value: type the value itself"))
        elif not _blank(value):
            target[f.name] = value
    section_problems: list[Problem] = []
    vendor = _read_section(VENDOR, vendor_item, 1, section_problems)
    info = _read_section(INFO, info_item, None, section_problems)
    email = info.get("contact_email")
    if email and not _EMAIL.match(email):
        section_problems.append(Problem(f"[{INFO.name}] .contact_email",
                                        f"must be an e-mail address such as name@company.com (found {email!r})"))
    located_problems = [(where.get(p.location, ws.title + "!"), p.message) for p in section_problems]
    located_problems.sort(key=lambda item: int(re.sub(r"\D", "", item[0].rpartition("!")[2]) or 0))
    problems += [Problem(f"{where_file}: {cell}", message) for cell, message in located_problems]
    if problems:
        raise InputError(problems)
    cells = {name: located(name) for name in rows}
    return Quote(path, vendor, info, cells, currency, tuple(opened.notices), frozenset(vendor_item))


# -- importing forms into a workbook ---------------------------------------------------------------

@dataclass(frozen=True)
class ImportedQuote:
    """What happened to one form: ``action`` is ``"added"`` or ``"updated"``."""

    quote: Quote
    action: str
    vendor: str
    record: dict = field(default_factory=dict)  # the vendor's fields as they will be written
    changes: tuple = ()  # updated vendor: (field, old, new) for every field the form changes
    kept: tuple = ()  # updated vendor: fields left blank on the form, whose value in the book is kept

    def describe(self, lang: str = "en") -> str:
        v = self.record or self.quote.vendor
        unit = PRICE_UNITS[v["pricing_model"]][1 if lang == "fr" else 0]
        price = f"{v['price']:,.4f}".rstrip("0").rstrip(".").replace(",", " ")
        return f"{self.action} vendor {self.vendor!r} ({v['pricing_model']}, {price} {self.quote.currency} {unit})"

    def change_lines(self) -> list[str]:
        """One line per changed field, ``Price: 31.5 -> 29`` (old -> new), then the fields kept."""
        lines = [f"{VENDOR.by_name[name].label_en}: {_shown(old)} -> {_shown(new)}" for name, old, new in self.changes]
        if self.action == "updated" and not self.changes:
            lines.append("no field changes")
        if self.kept:
            lines.append("blank on the form, kept from the book: " + ", ".join(VENDOR.by_name[n].label_en
                                                                              for n in self.kept))
        return lines


def _shown(value) -> str:
    if isinstance(value, float):
        return f"{value:g}"
    return repr(value) if isinstance(value, str) else str(value)


@dataclass(frozen=True)
class ImportReport:
    book: Path
    imported: tuple[ImportedQuote, ...]
    vendors: int
    recommendation: str = ""
    backup: Path | None = None  # the book as it was before the import
    written: bool = True  # False for a dry run


def _key(name: str) -> str:
    return name.strip().casefold()


def skeleton(name: str) -> str:
    """What a name looks like, whatever characters spell it: look-alike letters of other scripts
    (Cyrillic "А", Greek "Ο") read as their Latin twins (Unicode's confusables, through
    ``confusable_homoglyphs``), compatibility forms folded (NFKC: full-width "Ａ", ligatures),
    case and accents dropped, only letters and digits kept.

    >>> skeleton("Аcme Contact") == skeleton("ACME  contact") == skeleton("Ａｃｍｅ-Contact")
    True
    """
    import unicodedata

    from confusable_homoglyphs import confusables
    text = unicodedata.normalize("NFKC", name)
    out = []
    for ch in text:
        if ord(ch) > 127:
            found = confusables.is_confusable(ch, preferred_aliases=["latin"])
            if found:
                twins = [g["c"] for g in found[0]["homoglyphs"] if g["c"].isascii()]
                ch = twins[0] if twins else ch
        out.append(ch)
    text = unicodedata.normalize("NFKD", "".join(out).casefold())
    return "".join(ch for ch in text if ch.isalnum() and not unicodedata.combining(ch))


def _odd_characters(name: str, other: str) -> str:
    import unicodedata
    odd = sorted({ch for ch in name if not ch.isascii() and ch not in other})
    return ", ".join(f"{ch!r} U+{ord(ch):04X} {unicodedata.name(ch, '?')}" for ch in odd[:3]) or "spacing or case"


def merge_quotes(case: Case, quotes: Sequence[Quote], origin: str = "workbook",
                 replace: bool = False) -> tuple[Case, list[ImportedQuote]]:
    """The case with each quote added (new vendor name) or updated (name already in the case).

    An updated vendor takes every field answered on its form; a field left blank keeps the book's
    value (with ``replace``, it takes the field's default, as for a new vendor). It keeps its name as
    spelt in the case, its client-assessed scores and its hybrid flag; each change is listed (old,
    new) in :attr:`ImportedQuote.changes`. A new vendor gets the default scores and a hybrid
    scenario. A new name that only looks like an existing one (other scripts' look-alike letters,
    accents, full-width forms: :func:`skeleton`) is refused, as is one that looks like another form's.
    The merged case is validated as a whole; problems on imported vendors point to the form and cell.
    """
    problems: list[Problem] = []
    first: dict[str, Quote] = {}
    for q in quotes:
        k = _key(q.name)
        if k in first:
            problems.append(Problem(f"{q.path}: {q.cells['name']}",
                                    f"vendor {q.name!r} is also quoted by {first[k].path} in this batch: "
                                    "import one form per vendor (give each offer its own name)"))
        else:
            first[k] = q
    data = case_to_mapping(case)
    vendors: list[dict] = data["vendors"]
    hybrid_vendors: list[str] = data["hybrid"]["vendors"]
    existing: dict[str, list[int]] = {}
    looks: dict[str, str] = {}
    for i, v in enumerate(vendors):
        existing.setdefault(_key(v["name"]), []).append(i)
        looks.setdefault(skeleton(v["name"]), v["name"])
    for q in quotes:
        twin = looks.get(skeleton(q.name))
        if twin is not None and _key(twin) != _key(q.name):
            problems.append(Problem(f"{q.path}: {q.cells['name']}",
                                    f"vendor {q.name!r} looks like {twin!r} of {origin} but is spelt with other "
                                    f"characters ({_odd_characters(q.name, twin)}): type the name exactly as in "
                                    f"{origin} to update that quote, or give a clearly different name"))
    form_looks: dict[str, Quote] = {}
    for q in quotes:
        other = form_looks.setdefault(skeleton(q.name), q)
        if other is not q and _key(other.name) != _key(q.name):
            problems.append(Problem(f"{q.path}: {q.cells['name']}",
                                    f"vendor {q.name!r} looks like {other.name!r} of {other.path} in this batch: "
                                    "give each offer a clearly different name"))
    imported: list[ImportedQuote] = []
    by_index: dict[int, Quote] = {}
    for q in quotes:
        if problems:
            break
        matches = existing.get(_key(q.name), [])
        if len(matches) > 1:
            problems.append(Problem(f"{q.path}: {q.cells['name']}",
                                    f"vendor {q.name!r} matches {len(matches)} quotes of {origin} "
                                    "(names differing only in case or spaces): rename one there first"))
            continue
        record = dict(q.vendor)
        if matches:
            i = matches[0]
            old = vendors[i]
            kept = ()
            if not replace:
                kept = tuple(f.name for f in VENDOR.fields if f.name not in q.typed and f.name not in CLIENT_ASSESSED
                             and f.name != "name" and record[f.name] != old[f.name])
                record.update({name: old[name] for name in kept})
            record.update({name: old[name] for name in CLIENT_ASSESSED})
            record["name"] = old["name"]
            changes = tuple((f.name, old[f.name], record[f.name]) for f in VENDOR.fields
                            if record[f.name] != old[f.name])
            vendors[i] = record
            imported.append(ImportedQuote(q, "updated", old["name"], record, changes, kept))
        else:
            record.update({name: VENDOR.by_name[name].default for name in CLIENT_ASSESSED})
            vendors.append(record)
            i = len(vendors) - 1
            existing[_key(q.name)] = [i]
            hybrid_vendors.append(record["name"])
            imported.append(ImportedQuote(q, "added", record["name"], record))
        by_index[i + 1] = q
    if problems:
        raise InputError(problems)
    try:
        merged = case_from_mapping(data)
    except InputError as exc:
        raise InputError([_locate(p, by_index) for p in exc.problems]) from None
    return merged, imported


_VENDOR_LOCATION = re.compile(r"^\[\[vendors\]\] (\d+) \.(\w+)$")


def _locate(problem: Problem, by_index: dict[int, Quote]) -> Problem:
    m = _VENDOR_LOCATION.match(problem.location)
    if m and int(m.group(1)) in by_index:
        q = by_index[int(m.group(1))]
        cell = q.cells.get(m.group(2))
        if cell:
            return Problem(f"{q.path}: {cell}", problem.message)
    return problem


def import_quotes(forms: Sequence[str | Path], book: str | Path, replace: bool = False, dry_run: bool = False,
                  announce=None, force: bool = False) -> ImportReport:
    """Validate every form, merge them into the workbook ``book`` and rebuild it (all or nothing).

    ``announce(imported)`` is called with the list of :class:`ImportedQuote` (what each form adds or
    changes, field by field) before anything is written; with ``dry_run`` nothing is written at all.
    ``replace``: see :func:`merge_quotes`. ``force``: rebuild even if that drops what was added to
    the book outside its input cells (see :func:`~xlmodel.workbook.build.build_file`).

    Raises
    ------
    InputError
        Every problem of every form (``FORM: Quote!B9: ...``), a missing book, or a book whose own
        inputs are invalid; nothing is written.
    FileLockedError
        When Excel holds ``book`` open; nothing is written.
    """
    from .workbook.files import book_lock, refuse_if_locked
    book = Path(book)
    if not book.exists():
        raise InputError(Problem(str(book), "file not found: build the workbook first (python cli.py build -o "
                                            f"{book})"))
    refuse_if_locked(book)  # before reading any form: nothing will be written anyway
    if not forms:
        raise InputError(Problem("FORM", "give at least one returned quote form"))
    problems: list[Problem] = []
    quotes: list[Quote] = []
    for form in forms:
        try:
            quotes.append(read_quote_form(form))
        except InputError as exc:
            problems.extend(exc.problems)
    if problems:
        raise InputError(problems)
    with book_lock(book):  # from reading the book to replacing it: a concurrent import waits, then reads ours
        return _import_locked(quotes, book, replace, dry_run, announce, force)


def _import_locked(quotes: list[Quote], book: Path, replace: bool, dry_run: bool, announce, force) -> ImportReport:
    from .workbook.build import build_file
    from .workbook.reader import read_workbook
    problems: list[Problem] = []
    read = read_workbook(book)
    case = read.case
    for q in quotes:
        if q.currency != case.case.currency:
            problems.append(Problem(f"{q.path}: {q.cells.get(CURRENCY_KEY, 'Quote!')}",
                                    f"the form is priced in {q.currency} but {book.name} is in "
                                    f"{case.case.currency}: ask for a form made with --currency "
                                    f"{case.case.currency}"))
    if problems:
        raise InputError(problems)
    merged, imported = merge_quotes(case, quotes, book.name, replace=replace)
    if announce is not None:
        announce(imported)
    if dry_run:
        return ImportReport(book, tuple(imported), len(merged.vendors), "", None, written=False)
    report = build_file(merged, book, lang=merged.case.language, backup=True, force=force, previous=read.opened)
    return ImportReport(book, tuple(imported), len(merged.vendors), report.recommendation, report.backup)
