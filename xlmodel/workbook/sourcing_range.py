"""The Sourcing sheet read from its values, as an Excel function receives a range (issue 14: the
whole-case function ``OUTSOURCE_COMPARE`` covers portfolios): the channels each quote covers and
each portfolio's assignments, into a case mapping, in the case file's form
(:mod:`xlmodel.portfolios`).  Labels may be English or French; the sheet's layout is found by its
labels, not by cell addresses, so a range of the whole sheet (``Sourcing!A1:L60``) will do.
"""

from __future__ import annotations

import re
from typing import Any

from ..errors import InputError, Problem, Words
from ..portfolios import INHOUSE, PORTFOLIO_MODES, SPLIT
from ..schema import CHANNEL, LANGUAGES, VENDOR
from ..text import choice_value, label, sheet_titles, words


_SHEET = Words(*(sheet_titles(lang)["Sourcing"] for lang in ("en", "fr")))  # the sheet's tab, by language


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _labels(key: str | None = None, field=None) -> set[str]:
    """A text key's words, or a field's label, in every language, lower-cased."""
    if field is not None:
        return {label(field, lang).strip().lower() for lang in LANGUAGES} | {field.label_en.lower(),
                                                                            field.label_fr.lower()}
    return {words(lang)[key].strip().lower() for lang in LANGUAGES}


def sourcing_from_range(value: Any, data: dict) -> None:
    """Add the quotes' ``channels`` and the ``portfolios`` read from the Sourcing sheet's values
    ``value`` (rows of cells) to the case mapping ``data``."""
    if not isinstance(value, (list, tuple)) or not value or not all(isinstance(r, (list, tuple)) for r in value):
        raise InputError(Problem.of("sourcing", "sourcing_not_range", sheet=_SHEET))
    rows = [list(r) + [None] * 4 for r in value]
    names, quoted, portfolio = _labels(field=VENDOR.by_name["name"]), _labels("quoted_channels"), _labels(
        "portfolio_name")
    quotes = {v.get("name"): v for v in data.get("vendors", [])}
    known = {_text(c.get("name")) for c in data.get("demand", {}).get("channels", []) if isinstance(c, dict)}
    portfolios, i = [], 0
    while i < len(rows):
        first = _text(rows[i][0]).lower()
        if first in names and _text(rows[i][1]).lower() in quoted:
            i += 1
            while i < len(rows) and _text(rows[i][0]):
                channels = [c.strip() for c in _text(rows[i][1]).split(",") if c.strip()]
                if channels and _text(rows[i][0]) in quotes:
                    quotes[_text(rows[i][0])]["channels"] = channels
                i += 1
        elif first in portfolio:
            found, i = _portfolio(rows, i, known)
            portfolios.append(found)
        else:
            i += 1
    if portfolios:
        data["portfolios"] = portfolios


def _portfolio(rows: list[list], i: int, known: set[str]) -> tuple[dict, int]:
    """The portfolio whose name is on row ``i`` (its one table of assignments, or one a phase, each
    under its ``Phase k: from month`` row), and the row where the next portfolio starts."""
    name, channel, names = _text(rows[i][1]), _labels(field=CHANNEL.by_name["name"]), _labels("portfolio_name")
    phase = [re.compile(re.escape(words(lang)["pf_phase"].strip().lower()).replace(r"\{number\}", r"\d+"))
             for lang in LANGUAGES]
    tables, month, vendors = [], 1, []
    i += 1
    while i < len(rows) and _text(rows[i][0]).lower() not in names:
        first = _text(rows[i][0]).lower()
        if any(p.fullmatch(first) for p in phase):
            month, i = rows[i][1], i + 1
        elif first in channel:
            vendors, assigned, i = _table(rows, i, known)
            tables.append({"from_month": month, "channels": assigned})
        else:
            i += 1
    if not tables:
        raise InputError(Problem.of("sourcing", "sourcing_no_table", name=name))
    if len(tables) == 1:
        return {"name": name, "vendors": vendors, "channels": tables[0]["channels"]}, i
    return {"name": name, "vendors": vendors, "phases": tables}, i


def _table(rows: list[list], i: int, known: set[str]) -> tuple[list[str], dict, int]:
    """The vendors, the assignments of the table whose header is row ``i`` (its rows: the case's
    channels ``known``, or up to a blank row when none are known), and the row after it."""
    valid = _labels("pf_valid")
    header = [_text(h) for h in rows[i]]
    end = next((k for k, h in enumerate(header) if h.lower() in valid), len(header))
    vendors = [h for h in header[4:end] if h]
    assigned = {}
    i += 1
    while i < len(rows) and _text(rows[i][0]) and (not known or _text(rows[i][0]) in known):
        row = rows[i]
        mode = choice_value(_text(row[1]), PORTFOLIO_MODES) if _text(row[1]) else SPLIT
        if mode == SPLIT:
            shares = {v: s for v, s in zip(vendors, row[4:4 + len(vendors)]) if s not in (None, "", 0)}
            numbers = [s for s in shares.values() if isinstance(s, (int, float)) and not isinstance(s, bool)]
            rest = 1 - sum(numbers)
            assigned[_text(row[0])] = ({**({INHOUSE: rest} if rest > 0 and len(numbers) == len(shares) else {}),
                                        **shares} if shares else INHOUSE)
        else:
            assigned[_text(row[0])] = {"mode": mode, "vendor": _text(row[2])}
        i += 1
    return vendors, assigned, i
