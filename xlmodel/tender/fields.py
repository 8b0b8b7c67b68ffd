"""What the quote form asks: the vendor fields of the case format (:data:`xlmodel.schema.VENDOR`)
but the client-assessed scores, plus what a tender needs and the model does not use (:data:`INFO`),
in groups; and where a returned form keeps them (the value and hidden key columns)."""

from __future__ import annotations

from ..schema import VENDOR, Field, Section
from ..text import currency_text, form_words, label
from ..text.fields import field_unit

FORM_MARKER_PREFIX = "xlmodel quote form"
FORM_VERSION = 1
FORM_MARKER = f"{FORM_MARKER_PREFIX} v{FORM_VERSION}"
"""Written in the key column of the Quote sheet's title row; a form without it is refused."""

VALUE_COLUMN, KEY_COLUMN = "B", "E"
CURRENCY_KEY = "__currency__"
"""Key of the row stating the currency of every amount on the form (a locked cell)."""

CLIENT_ASSESSED = ("quality_rating", "security_rating", "financial_solidity", "location_rating", "service_shortfall")
"""Vendor fields the client rates (site visit, references, audits, credit rating, service reports):
not on the form."""

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

# The Quote sheet, group by group: (key of the group's title in the form words, field names). Every
# vendor field but the client-assessed ones appears exactly once (a test checks it against the schema).
GROUPS = (
    ("company", ("name", "location", "production_sites", "production_countries", "annual_revenue",
                 "years_in_business", "agent_headcount", "contact_name", "contact_email")),
    ("price", ("pricing_model", "price", "minute_unit", "setup_fee", "minimum_monthly", "indexation_rate", "indexation_fixed_share",
               "bonus_malus", "staff_transfer", "transfer_uplift")),
    ("operations", ("aht_factor", "ramp_up_months", "ramp_up_aht_premium", "occupancy_billed", "hours_per_fte_month",
                    "shrinkage", "seasonal_flex", "fte_proposed", "first_contact_resolution", "committed_service_level", "languages",
                    "coverage_24_7")),
    ("certifications", ("certified_nf345_iso18295", "certified_iso27001", "certified_pci_dss")),
    ("contract", ("minimum_term_months", "exit_notice_months", "quote_validity_months")),
    ("references", ("reference_1", "reference_2", "reference_3")),
)


def form_fields() -> tuple[Field, ...]:
    """Every field of the Quote sheet, in form order (vendor fields and :data:`INFO` fields)."""
    return tuple(form_field(name) for _, names in GROUPS for name in names)


def form_label(f: Field, lang: str) -> str:
    """A field's label on the form (the schema's label of the vendor's name reads as the client's
    column title; on the form it asks)."""
    return form_words(lang)["labels"].get(f.name) or label(f, lang)


def form_field(name: str) -> Field:
    """The field of the form named ``name`` (a vendor field or an :data:`INFO` field)."""
    return VENDOR.by_name.get(name) or INFO.by_name[name]


def form_unit(f: Field, lang: str, currency: str) -> str:
    """A field's unit on the form: the price's unit depends on the pricing model, so it says so."""
    if f.name == "price":
        return form_words(lang)["price_unit"].format(currency=currency_text(currency, lang))
    return field_unit(f, lang, currency)
