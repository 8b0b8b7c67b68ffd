"""The Method sheet's text: every formula and convention in words, and the source of each default.

The formulas are printed from the model's own rows (one line per kind of line item), so the
Method sheet cannot drift from what the Calc sheet computes.
"""

from __future__ import annotations

from ..case import Case
from ..model import Model
from ..schema import ALL_SECTIONS
from . import label, method_conventions, words


def method_lines(case: Case, model: Model, lang: str) -> list[tuple[str, str]]:
    """(kind, text) lines: 'h' for a heading, 'p' for a paragraph, 'f' for a formula line."""
    t = words(lang)
    lines = list(method_conventions(lang))
    if case.portfolios:  # issue 14: how a portfolio is costed
        lines += [("h", t["method_portfolio_title"]), ("p", t["method_portfolio"])]
    lines.append(("h", t["method_rows"]))
    seen = set()
    for row in model.rows:
        kind = row.key.name  # one line per kind of row: the key without its block and channel
        if kind in seen:
            continue
        seen.add(kind)
        names = ", ".join(f"{name} = {ref.target}" for name, ref in row.bind.items())
        lines.append(("f", f"{label(row, lang)}: {row.expr}" + (f"   where {names}" if names else "")))
    lines.append(("h", t["method_inputs"]))
    for section in ALL_SECTIONS:
        for f in section.fields:
            if f.source:
                lines.append(("p", t["method_default"].format(label=label(f, lang), default=f.default,
                                                               source=f.source)))
    return lines
