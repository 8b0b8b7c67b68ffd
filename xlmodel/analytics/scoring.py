"""Vendor scoring: a weighted matrix of the tender, with knock-out thresholds, ranking and a reason.

Every criterion is scored from 1 (poor) to 5 (best); the total is the weighted mean with the
``[scoring]`` weights (they sum to 100 %, checked when the case is read).

=====================  =======================================================================
criterion              score (1-5)
=====================  =======================================================================
price                  ratio scale on the NPV of cost of the vendor's outsourced scenario:
                       ``5 x lowest NPV / this NPV`` (the cheapest scores 5; one twice as dear
                       scores 2.5), floored at 1.  The usual French public-procurement rule.
quality                mean of three: ``quality_rating``; first-contact resolution,
                       ``3 + (FCR vendor - FCR in-house) / 0.05`` (equal to in-house scores 3,
                       each 5 points better one more); committed service level,
                       ``5 - (target - committed) / 0.05`` against the strictest live target.
certifications         ``1 + 4 x held / 3`` over NF 345 or ISO 18295, ISO 27001, PCI DSS.
security               ``security_rating``.
financial              ``financial_solidity``.
location               ``location_rating`` (location, time zone and languages fit).
coverage               5 when the vendor can serve 24/7, 3 otherwise.
flexibility            5, minus the share of the year-1 invoice that the minimum monthly invoice
                       commits (x 2, at most 2 points), minus 1 point per 24 months of minimum
                       term beyond 12, minus 1 point per 6 months of exit notice beyond 3.
=====================  =======================================================================

Every score is clipped to [1, 5].  A vendor is **knocked out** (listed, ranked after the others,
never first) when its quality, security or financial-solidity score is below the ``[scoring]``
minimum, when it lacks a required certification or 24/7 coverage, or when its ``languages`` lack a
required language.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..engine import Comparison

CRITERIA = (
    ("price", "Price (NPV of cost)", "Prix (VAN des coûts)"),
    ("quality", "Quality", "Qualité"),
    ("certifications", "Certifications", "Certifications"),
    ("security", "Security and compliance", "Sécurité et conformité"),
    ("financial", "Financial solidity", "Solidité financière"),
    ("location", "Location and languages", "Localisation et langues"),
    ("coverage", "Coverage", "Couverture horaire"),
    ("flexibility", "Contractual flexibility", "Souplesse contractuelle"),
)
CRITERION_IDS = tuple(c for c, _, _ in CRITERIA)
_LABELS = {c: (en, fr) for c, en, fr in CRITERIA}


@dataclass
class VendorScore:
    """One vendor's scores (1-5 per criterion), weighted total, rank and knock-outs."""

    vendor: str
    scenario_id: str
    npv_cost: float
    scores: dict[str, float]
    weighted: dict[str, float]
    total: float
    rank: int
    knocked_out: list[str]

    def as_json(self) -> dict:
        return dict(self.__dict__)


@dataclass
class VendorRanking:
    weights: dict[str, float]
    vendors: list[VendorScore]  # ranked, first first
    first: str | None
    reason_en: str
    reason_fr: str

    def as_json(self) -> dict:
        return {"weights": self.weights, "first": self.first, "reason_en": self.reason_en,
                "reason_fr": self.reason_fr, "vendors": [v.as_json() for v in self.vendors]}


def _clip(x: float) -> float:
    return float(np.clip(x, 1.0, 5.0))


def _languages(text: str) -> set[str]:
    return {part.strip().lower() for part in text.replace(";", ",").replace("/", ",").split(",") if part.strip()}


def score_vendors(result: Comparison) -> VendorRanking:
    """Score and rank every vendor quote of a comparison (see the module for each rule)."""
    case = result.case
    sc = case.scoring
    weights = {c: float(getattr(sc, f"weight_{c}")) for c in CRITERION_IDS}
    outsourced = {s.vendor: s for s in result.scenarios if s.kind == "outsourced"}
    lowest = min(s.npv_cost for s in outsourced.values())
    live_targets = [c.service_level for c in case.channels if c.kind == "live"]
    target = max(live_targets) if live_targets else 0.8
    fcr_in = case.inhouse.first_contact_resolution
    required = _languages(sc.required_languages)
    scored = []
    for v in case.vendors:
        s = outsourced[v.name]
        invoice_y1 = s.cost_lines["vendor"][0] if s.cost_lines["vendor"][0] else float("nan")
        commitment = min(1.0, v.minimum_monthly * 12 / invoice_y1) if invoice_y1 == invoice_y1 else 1.0
        held = sum(x == "yes" for x in (v.certified_nf345_iso18295, v.certified_iso27001, v.certified_pci_dss))
        scores = {
            "price": _clip(5 * lowest / s.npv_cost) if s.npv_cost > 0 else 5.0,
            "quality": _clip((v.quality_rating + _clip(3 + (v.first_contact_resolution - fcr_in) / 0.05)
                              + _clip(5 - max(0.0, target - v.committed_service_level) / 0.05)) / 3),
            "certifications": _clip(1 + 4 * held / 3),
            "security": _clip(v.security_rating),
            "financial": _clip(v.financial_solidity),
            "location": _clip(v.location_rating),
            "coverage": 5.0 if v.coverage_24_7 == "yes" else 3.0,
            "flexibility": _clip(5 - 2 * commitment - max(0, v.minimum_term_months - 12) / 24
                                 - max(0, v.exit_notice_months - 3) / 6),
        }
        out = []
        if scores["quality"] < sc.min_quality:
            out.append(f"quality {scores['quality']:.1f} < {sc.min_quality:g}")
        if scores["security"] < sc.min_security:
            out.append(f"security {scores['security']:.1f} < {sc.min_security:g}")
        if scores["financial"] < sc.min_financial_solidity:
            out.append(f"financial solidity {scores['financial']:.1f} < {sc.min_financial_solidity:g}")
        for flag, have, name in ((sc.require_nf345_iso18295, v.certified_nf345_iso18295, "NF 345 / ISO 18295"),
                                 (sc.require_iso27001, v.certified_iso27001, "ISO 27001"),
                                 (sc.require_pci_dss, v.certified_pci_dss, "PCI DSS"),
                                 (sc.require_24_7, v.coverage_24_7, "24/7 coverage")):
            if flag == "yes" and have != "yes":
                out.append(f"no {name}")
        missing = required - _languages(v.languages)
        if missing:
            out.append("languages missing: " + ", ".join(sorted(missing)))
        weighted = {c: weights[c] * scores[c] for c in CRITERION_IDS}
        scored.append(VendorScore(v.name, s.id, s.npv_cost, scores, weighted, float(sum(weighted.values())), 0, out))
    scored.sort(key=lambda x: (bool(x.knocked_out), -x.total, x.npv_cost))
    for i, x in enumerate(scored, start=1):
        x.rank = i
    first = scored[0] if scored and not scored[0].knocked_out else None
    en, fr = _reasons(first, scored, weights)
    return VendorRanking(weights, scored, first.vendor if first else None, en, fr)


def _short(criterion: str, lang: int) -> str:
    """``price``, ``sécurité et conformité``: the label without its bracket, in lower case."""
    return _LABELS[criterion][lang].split(" (")[0].lower()


def _reasons(first: VendorScore | None, scored: list[VendorScore], weights) -> tuple[str, str]:
    if first is None:
        return ("Every vendor is knocked out: " + "; ".join(f"{x.vendor} ({', '.join(x.knocked_out)})" for x in scored)
                + ".", "Tous les prestataires sont éliminés : "
                + "; ".join(f"{x.vendor} ({', '.join(x.knocked_out)})" for x in scored) + ".")
    others = [x for x in scored if x is not first and not x.knocked_out]
    if not others:
        return (f"{first.vendor} ranks first with {first.total:.2f}/5: it is the only vendor not knocked out.",
                f"{first.vendor} est premier avec {first.total:.2f}/5 : seul prestataire non éliminé.")
    second = others[0]
    lead = sorted(((first.weighted[c] - second.weighted[c], c) for c in CRITERION_IDS), reverse=True)
    top = [c for gap, c in lead[:2] if gap > 0]
    gap = first.total - second.total
    en_why = " and ".join(f"{_short(c, 0)} ({first.scores[c]:.1f} vs {second.scores[c]:.1f})" for c in top)
    fr_why = " et ".join(f"{_short(c, 1)} ({first.scores[c]:.1f} contre {second.scores[c]:.1f})"
                         for c in top)
    return (f"{first.vendor} ranks first with {first.total:.2f}/5, {gap:.2f} ahead of {second.vendor}, "
            f"mainly on {en_why or 'a balance of criteria'}.",
            f"{first.vendor} est premier avec {first.total:.2f}/5, {gap:.2f} devant {second.vendor}, "
            f"surtout sur {fr_why or 'un équilibre des critères'}.")
