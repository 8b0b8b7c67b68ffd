"""The Method sheet's text: every formula and convention in words, and the source of each default.

The formulas are printed from the model's own rows (one line per kind of line item), each operand
named by its label (:mod:`xlmodel.text.formula_words`), so the Method sheet cannot drift from what
the Calc sheet computes.
"""

from __future__ import annotations

from ..case import Case
from ..model import Model
from ..model.constants import CONSTANTS
from ..model.portfolio import PhaseStart, PortfolioInput, PortfolioShare
from ..model.refs import (ChannelInput, Constant, Fixed, Input, ProfileUplift, Ref, RowRef, Seasonality, StaffRef, ToVendor,
                          VendorInput)
from ..schema import ALL_SECTIONS
from . import choice_label, label, method_conventions, pick, words
from .fields import field_source
from .formula_words import Words
from .numbers import decimals_typed, number


def method_lines(case: Case, model: Model, lang: str) -> list[tuple[str, str]]:
    """(kind, text) lines: 'h' for a heading, 'p' for a paragraph, 'f' for a formula line."""
    t = words(lang)
    lines = list(method_conventions(lang))
    if case.portfolios:  # issue 14: how a portfolio is costed
        lines += [("h", t["method_portfolio_title"]), ("p", t["method_portfolio"])]
        if any(p.phased for p in case.portfolios):  # issue 14: phased portfolios
            lines += [("h", t["method_phases_title"]), ("p", t["method_phases"])]
    if case.portfolios or case.reinternalisation.year:  # issue 14: continuity, the way back in-house
        lines += [("h", t["method_continuity_title"]), ("p", t["method_continuity"])]
    if case.reinternalisation.year:  # issue 14: the way back in the analytics, its break-even return cost
        lines += [("h", t["method_way_back_title"]), ("p", t["method_way_back"])]
    lines.append(("h", t["method_rows"]))
    lines.append(("p", t["method_reading"]))
    for row in _one_row_per_kind(model):
        lines.append(("f", formula_line(row, case, model, lang)))
    lines.append(("h", t["method_inputs"]))
    for section in ALL_SECTIONS:
        for f in section.fields:
            if f.source:
                source = field_source(f, lang)  # a sentence of its own after the label ("yes: ..." as "Yes: ...")
                lines.append(("p", t["method_default"].format(label=label(f, lang), default=_default(f, lang),
                                                               source=source[:1].upper() + source[1:])))
    return lines


def _default(f, lang: str) -> str:
    """An input's default as a reader writes it: a choice by its label, a number in the language's
    style with the decimals it has (10 000, 0,95), a text as it is."""
    if f.kind == "choice":
        return choice_label(f.default, lang)
    if isinstance(f.default, (int, float)) and not isinstance(f.default, bool):
        return number(f.default, decimals_typed(f.default, 4), lang)
    return str(f.default)


def _one_row_per_kind(model: Model) -> list:
    """One row per kind (its key without block and channel), in the model's order: a vendor
    scenario's where the kind has one (its references read as a comparison with in-house; the
    in-house rows compare in-house with itself), else the first."""
    kinds = {s.id: s.kind for s in model.scenarios}
    chosen: dict[str, object] = {}
    for row in model.rows:
        kind = row.key.name
        if kind not in chosen or (kinds.get(chosen[kind].scenario) != "outsourced"
                                  and kinds.get(row.scenario) == "outsourced"):
            chosen[kind] = row
    return list(chosen.values())


def formula_line(row, case: Case, model: Model, lang: str) -> str:
    """``Label = formula in words``; operands of the row's own scenario or vendor drop the prefix
    they share with its label (``Casablanca Contact: price index = Fixed share + ...``), and two
    operands that would read alike (in-house's and the vendor's first-contact resolution, a row and
    the input of the same name) say whose they are."""
    own = label(row, lang)
    itself = row.formula.itself if row.formula is not None else None
    said = {name: _shorten(ref_words(ref, case, model, lang), own) for name, ref in row.bind.items()}
    plain = dict(said)
    for name, ref in row.bind.items():
        alike = [n for n, text in plain.items() if text == plain[name] and row.bind[n] != ref]
        if alike or plain[name] == own and ref != RowRef(row.key):
            said[name] = f"{said[name]} ({_whose(ref, case, model, lang)})"
    text = Words(lang, said.__getitem__, itself=itself, yearly=row.yearly,
                 channels=tuple(c.name for c in case.channels)).render(row.expr)
    return f"{own} = {text}"


def _whose(ref: Ref, case: Case, model: Model, lang: str) -> str:
    """Whose figure a reference is: an input's section, a vendor's name, a row's scenario."""
    if isinstance(ref, Input):
        return label(next(s for s in ALL_SECTIONS if s.name == ref.section), lang, "title")
    if isinstance(ref, VendorInput):
        return case.vendors[ref.vendor].name
    if isinstance(ref, RowRef) and model.row(ref.key).scenario is not None:
        return label(model.scenario(model.row(ref.key).scenario), lang)
    return words(lang)["method_this_one"]


def ref_words(ref: Ref, case: Case, model: Model, lang: str) -> str:
    """What a reference stands for, in ``lang``: an input's label, a row's, a constant's with its value."""
    if isinstance(ref, (Input, VendorInput)):
        return label(ref.schema_field, lang)
    if isinstance(ref, ChannelInput):
        return f"{label(ref.schema_field, lang)}, {case.channels[ref.channel].name}"
    if isinstance(ref, Seasonality):
        return words(lang)["method_seasonality"]
    if isinstance(ref, ToVendor):
        return words(lang)["method_to_vendor"].format(channel=case.channels[ref.channel].name)
    if isinstance(ref, (PortfolioInput, PortfolioShare)):  # issue 14: a cell of the Sourcing sheet
        t, where = words(lang), f"{case.portfolios[ref.portfolio].name}, {case.channels[ref.channel].name}"
        if ref.phase:
            where += ", " + t["pf_phase"].format(number=ref.phase + 1).split(":")[0]
        if isinstance(ref, PortfolioShare):
            return f"{t['pf_shares']}, {case.vendors[ref.vendor].name}, {where}"
        return f"{t['pf_mode'] if ref.field == 'mode' else t['pf_vendor']}, {where}"
    if isinstance(ref, PhaseStart):
        return f"{words(lang)['pf_phase'].format(number=ref.phase + 1)}, {case.portfolios[ref.portfolio].name}"
    if isinstance(ref, Constant):
        value, _, en, fr = CONSTANTS[ref.name]
        return f"{pick(lang, en, fr)} ({value:g})"
    if isinstance(ref, Fixed):
        return f"{ref.value:g}"
    if isinstance(ref, RowRef):
        return label(model.row(ref.key), lang)
    if isinstance(ref, StaffRef):
        return label(next(s for s in model.staff if s.key == ref.key), lang)
    if isinstance(ref, ProfileUplift):
        return words(lang)["profile_uplift_row"].format(row=label(next(s for s in model.staff if s.key == ref.key), lang))
    raise TypeError(f"no words for a {type(ref).__name__}")


def _shorten(text: str, own: str) -> str:
    """``text`` without the leading ``X: `` parts it shares with ``own`` (keeping at least one)."""
    parts, mine = text.split(": "), own.split(": ")
    k = 0
    while k < len(parts) - 1 and k < len(mine) - 1 and parts[k] == mine[k]:
        k += 1
    return ": ".join(parts[k:])
