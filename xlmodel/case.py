"""Reading and validating a case: the edge where user input becomes typed, trusted objects.

A case is read from TOML (standard-library ``tomllib``) or from a plain mapping (the workbook
reader builds one).  Every problem of the input is collected and reported at once as an
:class:`~xlmodel.errors.InputError`, each with its location (``[[vendors]] 2 .price``) and what is
expected; nothing below this module validates again.  Just over 400 lines: the one edge where every
rule of the case format is checked, the rules that hold fields together beside the fields' own.
"""

from __future__ import annotations

import difflib
import math
import re
import tomllib
from dataclasses import dataclass, field, fields, make_dataclass
from importlib import resources
from pathlib import Path
from typing import Any, Mapping

from .arguments import yes_no
from .errors import Fixed, InputError, Problem
from .portfolios import portfolio_to_mapping, read_portfolios, read_quoted_channels
from .profile import PROFILE_FIELDS, WeightError, as_text, parse_weights, weights_problem
from .limits import (MAX_CASE_FILE_BYTES, MAX_CHANNELS, MAX_RISK_VALUES, MAX_TEXT_LENGTH, MAX_VENDORS,
                     LimitExceeded, read_regular_file)
from .schema import (ANALYTICS_SECTIONS, CHANNEL, DEMAND, HYBRID, RISK, SCALAR_SECTIONS, SCORING, VENDOR, Field,
                     Section)

SEASONALITY_TOLERANCE = 1e-3  # also the workbook check's tolerance (model.CONSTANTS)


def _record_type(section: Section, extra: tuple = ()) -> type:
    spec = [(f.name, Any) for f in section.fields] + list(extra)
    cls_name = "".join(part.title() for part in section.name.split("_")) + "Inputs"
    return make_dataclass(cls_name, spec, frozen=True)


CaseInfo = _record_type(SCALAR_SECTIONS[0])
Finance = _record_type(SCALAR_SECTIONS[1])
Demand = _record_type(DEMAND, (("seasonality", tuple), ("channels", tuple)))
InHouse = _record_type(SCALAR_SECTIONS[3])
Transition = _record_type(SCALAR_SECTIONS[4])
Hybrid = _record_type(HYBRID, (("channels", tuple), ("vendors", tuple)))
Customer = _record_type(SCALAR_SECTIONS[6])
Continuity = _record_type(SCALAR_SECTIONS[7])
Reinternalisation = _record_type(SCALAR_SECTIONS[8])
Channel = _record_type(CHANNEL)
Vendor = _record_type(VENDOR, (("channels", tuple, field(default=())),))  # channels quoted for (none: all)
Scoring = _record_type(SCORING)
Risk = _record_type(RISK)
WEIGHT_TOLERANCE = 1e-6


def _defaults(section: Section):
    return {f.name: f.default for f in section.fields}


@dataclass(frozen=True)
class Case:
    """A validated case: every field typed, in range, and consistent with the others."""

    case: Any
    finance: Any
    demand: Any
    inhouse: Any
    vendors: tuple
    transition: Any
    hybrid: Any
    customer: Any
    # Optional tables of the decision analytics; their defaults apply when a case omits them.
    scoring: Any = Scoring(**_defaults(SCORING))
    risk: Any = Risk(**_defaults(RISK))
    portfolios: tuple = ()  # xlmodel.portfolios.Portfolio: several vendors and the in-house team at once
    # Issue 14: a vendor's failure in a portfolio, and a way back in-house in a chosen year (0: none).
    continuity: Any = Continuity(**_defaults(SCALAR_SECTIONS[7]))
    reinternalisation: Any = Reinternalisation(**_defaults(SCALAR_SECTIONS[8]))

    @property
    def channels(self) -> tuple:
        return self.demand.channels

    @property
    def months(self) -> int:
        return 12 * self.finance.horizon_years

    def replace(self, **changes) -> "Case":
        """A copy with some sections replaced (``dataclasses.replace`` on the case)."""
        from dataclasses import replace
        return replace(self, **changes)


def _where(section: Section, index: int | None, key: str) -> str:
    if section.repeated:
        table = "demand.channels" if section is CHANNEL else section.name
        return f"[[{table}]] {index} .{key}"
    return f"[{section.name}] .{key}"


def _did_you_mean(name: str, known) -> tuple | str:
    """The hint of a misspelt name: ``(": did you mean 'x'?")`` as a sub-sentence, or nothing."""
    hint = difflib.get_close_matches(name, list(known), n=1)
    return ("did_you_mean", {"name": hint[0]}) if hint else ""


def _check_value(f: Field, value: Any, where: str, problems: list[Problem], place: tuple = ()) -> Any:
    """Return the value converted to its type, or record a problem and return None.  ``place`` is where
    the schema knows the value to be (see :class:`xlmodel.errors.Problem`)."""
    def problem(key: str, **slots) -> None:
        problems.append(Problem.of(where, key, place, **slots))
    if f.kind == "choice" and f.choices == ("yes", "no"):
        answer = yes_no(value)
        if answer is None:
            problem("yes_no", found=value)
        return answer
    if f.kind in ("text", "choice"):
        if not isinstance(value, str):
            problem("expected_text", type=type(value).__name__, found=value)
            return None
        value = value.strip()
        if len(value) > MAX_TEXT_LENGTH:
            problem("too_long", most=MAX_TEXT_LENGTH, count=len(value))
            return None
        if f.kind == "choice" and value not in f.choices:
            problem("not_a_choice", found=value, hint=_did_you_mean(value, f.choices))
            return None
        if f.required and not value:
            problem("empty")
            return None
        return value
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        problem("expected_number", type=type(value).__name__, found=value)
        return None
    if not math.isfinite(value):
        problem("not_finite", found=value)
        return None
    if f.kind == "int":
        if value != int(value):
            problem("not_whole", found=value)
            return None
        value = int(value)
    else:
        value = float(value)
    too_low = f.minimum is not None and (value <= f.minimum if f.exclusive_min else value < f.minimum)
    too_high = f.maximum is not None and (value >= f.maximum if f.exclusive_max else value > f.maximum)
    if too_low or too_high:
        hint = (("rate_hint", {"fraction": value / 100, "percent": value})
                if f.kind == "rate" and too_high and 1 < value <= 100 else "")
        problem("out_of_bounds", found=value, hint=hint)
        return None
    return value


def _unknown_keys(data: Mapping, allowed: set[str], where_prefix: str, problems: list[Problem]):
    for key in data:
        if key not in allowed:
            hint = _did_you_mean(key, sorted(allowed)) or ("known_keys", {"keys": sorted(allowed)})
            shown = key if len(key) <= 60 else key[:57] + "..."
            problems.append(Problem.of(f"{where_prefix} .{shown}", "unknown_key", found=key, hint=hint))


def _read_section(section: Section, data: Any, index: int | None, problems: list[Problem],
                  extra_keys: tuple[str, ...] = ()) -> dict[str, Any]:
    prefix = (f"[[{'demand.channels' if section is CHANNEL else section.name}]] {index}"
              if section.repeated else f"[{section.name}]")
    if not isinstance(data, Mapping):
        problems.append(Problem.of(prefix, "expected_table", type=type(data).__name__))
        return {}
    _unknown_keys(data, set(section.by_name) | set(extra_keys), prefix, problems)
    values: dict[str, Any] = {}
    name = data.get("name") if section.repeated and isinstance(data.get("name"), str) else None
    for f in section.fields:
        where, place = _where(section, index, f.name), (section, index, f, name)
        if f.name not in data:
            if f.required or f.default is None:
                problems.append(Problem.of(where, "required", place))
            values[f.name] = f.default
            continue
        values[f.name] = _check_value(f, data[f.name], where, problems, place)
    return values


def _read_names(data: Any, where: str, problems: list[Problem]) -> tuple[str, ...]:
    if not isinstance(data, list) or not all(isinstance(x, str) for x in data):
        problems.append(Problem.of(where, "expected_names", found=data))
        return ()
    return tuple(x.strip() for x in data)


def _check_names(names, known, where, what, problems):
    for name in names:
        if name not in known:
            hint = _did_you_mean(name, known) or (("known", {"names": list(known)}) if known else ("known_none", {}))
            problems.append(Problem.of(where, f"{what}_missing", name=name, hint=hint))


def case_from_mapping(data: Mapping[str, Any]) -> Case:
    """Validate a parsed case (TOML tables as dicts) and return a :class:`Case`.

    Every part is read, whatever the problems of the others, so that all problems are reported at once.

    Raises
    ------
    InputError
        With every problem found, each located like ``[[vendors]] 2 .price``.
    """
    problems: list[Problem] = []
    if not isinstance(data, Mapping):
        raise InputError(Problem.of("", "not_sections"))
    known = {s.name for s in SCALAR_SECTIONS + ANALYTICS_SECTIONS} | {"vendors", "portfolios"}
    _unknown_keys(data, known, "", problems)
    # Top-level keys read better as "vendor" than " .vendor".
    problems[:] = [p.moved(p.location.lstrip(" .")) for p in problems]

    data = _profile_lists_as_text(data, problems)
    scalar = {}
    for section in SCALAR_SECTIONS:
        extra = {"demand": ("seasonality", "channels"), "hybrid": ("channels", "vendors")}.get(section.name, ())
        scalar[section.name] = _read_section(section, data.get(section.name, {}), None, problems, extra)
    demand_data = _table(data, "demand")
    seasonality = _read_seasonality(demand_data.get("seasonality", [1.0] * 12), problems)
    channels = _read_items(CHANNEL, demand_data.get("channels", []), "[[demand.channels]]",
                           "no_channels", problems, (MAX_CHANNELS, "too_many_channels", "hint_channels"))
    vendors = _read_items(VENDOR, data.get("vendors", []), "[[vendors]]",
                          "no_vendors", problems, (MAX_VENDORS, "too_many_vendors", "hint_vendors"), ("channels",))
    _check_unique_names("channel", channels, "[[demand.channels]]", problems)
    _check_unique_names("vendor", vendors, "[[vendors]]", problems)
    hybrid_channels, hybrid_vendors = _read_hybrid_names(_table(data, "hybrid"), scalar["hybrid"].get("mode"),
                                                         channels, vendors, problems)
    _check_quote_terms(vendors, problems)
    portfolios = _read_portfolios(data, channels, vendors, scalar["finance"].get("horizon_years"), problems)
    _check_channel_sizing(channels, problems)
    _check_profile(scalar["demand"], problems)
    _check_years(scalar, problems)
    analytics = _read_analytics(data, len(vendors), problems, len(portfolios))
    if problems:
        raise InputError(problems)

    return Case(
        case=CaseInfo(**scalar["case"]),
        finance=Finance(**scalar["finance"]),
        demand=Demand(**scalar["demand"], seasonality=tuple(seasonality),
                      channels=tuple(Channel(**c) for c in channels)),
        inhouse=InHouse(**scalar["inhouse"]),
        vendors=tuple(Vendor(**v) for v in vendors),
        transition=Transition(**scalar["transition"]),
        hybrid=Hybrid(**scalar["hybrid"], channels=hybrid_channels, vendors=hybrid_vendors),
        customer=Customer(**scalar["customer"]),
        scoring=Scoring(**analytics["scoring"]),
        risk=Risk(**analytics["risk"]),
        portfolios=portfolios,
        continuity=Continuity(**scalar["continuity"]),
        reinternalisation=Reinternalisation(**scalar["reinternalisation"]),
    )


def _check_years(scalar: dict, problems: list[Problem]) -> None:
    """The years that must fall within the horizon: the one-off costs' tax year, and the year back
    in-house: 0 (no re-internalisation) or from 2 (a year outsourced first) to the horizon."""
    tax_year, horizon = scalar["finance"].get("one_off_tax_year"), scalar["finance"].get("horizon_years")
    if tax_year is not None and horizon is not None and tax_year > horizon:
        problems.append(Problem.of("[finance] .one_off_tax_year", "tax_year_beyond",
                                   ("finance", None, "one_off_tax_year"), horizon=horizon, found=tax_year))
    year, where = scalar["reinternalisation"].get("year"), "[reinternalisation] .year"
    if year == 1:
        problems.append(Problem.of(where, "year_one_back", ("reinternalisation", None, "year")))
    elif year is not None and horizon is not None and year > horizon:
        problems.append(Problem.of(where, "year_beyond", ("reinternalisation", None, "year"), horizon=horizon,
                                   found=year))


def _profile_lists_as_text(data: Mapping[str, Any], problems: list[Problem]) -> Mapping[str, Any]:
    """A case file may give the arrival profile's weights as lists of numbers: as the text the
    workbook holds (:func:`xlmodel.profile.as_text`)."""
    demand = data.get("demand")
    if not isinstance(demand, Mapping) or not any(isinstance(demand.get(k), list) for k in PROFILE_FIELDS):
        return data
    demand = dict(demand)
    for key in PROFILE_FIELDS:
        weights = demand.get(key)
        if isinstance(weights, list):
            if all(isinstance(w, (int, float)) and not isinstance(w, bool) for w in weights):
                demand[key] = as_text(weights)
            else:
                problems.append(Problem.of(f"[demand] .{key}", "profile_list", ("demand", None, key), found=weights))
                demand[key] = ""
    return {**data, "demand": demand}


def _check_profile(demand: dict, problems: list[Problem]) -> None:
    """Each weight list of the arrival profile: numbers, at most one per day (or per half-hour of a
    day), none negative, not all 0 (:mod:`xlmodel.profile`)."""
    for key, most in PROFILE_FIELDS.items():
        text = demand.get(key)
        if not text:
            continue
        try:
            problem = weights_problem(parse_weights(text), most, "weight_per_day" if key == "arrival_days" else
                                      "weight_per_slot")
        except WeightError as exc:
            problem = "weight_not_number", {"position": exc.position, "found": exc.part}
        if problem:
            problems.append(Problem.of(f"[demand] .{key}", problem[0], ("demand", None, key), **problem[1]))


def _check_channel_sizing(channels: list[dict], problems: list[Problem]) -> None:
    """Erlang A sizing needs the callers' mean patience."""
    for i, ch in enumerate(channels, start=1):
        if ch.get("sizing") == "erlang_a" and ch.get("kind", "live") == "live" and not ch.get("patience_seconds"):
            problems.append(Problem.of(f"[[demand.channels]] {i} .patience_seconds", "erlang_a_patience",
                                       ("channels", i, "patience_seconds", ch.get("name"))))


def _check_quote_terms(vendors: list[dict], problems: list[Problem]) -> None:
    """The terms of a quote that hold only together: FTE proposed on a per-FTE quote, an uplift on a
    staff transfer, a staff transfer on an onshore site."""
    for i, v in enumerate(vendors, start=1):
        for key, broken, message in (
                ("fte_proposed", v.get("fte_proposed") and v.get("pricing_model") not in (None, "per_fte_month"),
                 "fte_on_other_model"),
                ("transfer_uplift", v.get("transfer_uplift") and v.get("staff_transfer") == "no",
                 "uplift_without_transfer"),
                ("staff_transfer", v.get("staff_transfer") == "yes" and v.get("location") not in (None, "onshore"),
                 "transfer_offshore")):
            if broken:
                problems.append(Problem.of(f"[[vendors]] {i} .{key}", message, ("vendors", i, key, v.get("name")),
                                           found=v.get("location")))


def _table(data: Mapping, name: str) -> Mapping:
    """A section of the case, or an empty one when it is not a table (reported by its reader)."""
    table = data.get(name, {})
    return table if isinstance(table, Mapping) else {}


def _read_seasonality(seasonality: Any, problems: list[Problem]) -> list[float]:
    """Twelve finite, positive monthly weights averaging 1 (January first); [1.0] * 12 when unusable."""
    where = "[demand] .seasonality"
    if (not isinstance(seasonality, list) or len(seasonality) != 12
            or not all(isinstance(w, (int, float)) and not isinstance(w, bool) for w in seasonality)):
        problems.append(Problem.of(where, "seasonality_count"))
        return [1.0] * 12
    if not all(math.isfinite(w) for w in seasonality):  # NaN compares false to every bound: caught here
        month = next(i for i, w in enumerate(seasonality) if not math.isfinite(w))
        problems.append(Problem.of(where, "seasonality_finite", found=seasonality[month], month_name=month))
        return [1.0] * 12
    seasonality = [float(w) for w in seasonality]
    if min(seasonality) <= 0:
        problems.append(Problem.of(where, "seasonality_positive"))
    mean = sum(seasonality) / 12
    if abs(mean - 1) > SEASONALITY_TOLERANCE:
        problems.append(Problem.of(where, "seasonality_mean", mean=Fixed(mean, 4)))
    return seasonality


def _read_items(section: Section, items, table: str, missing: str, problems: list[Problem],
               limit: tuple[int, str, str], extra_keys: tuple[str, ...] = ()) -> list[dict]:
    """The entries of an array of tables (channels, vendor quotes): at least one, at most ``limit``'s
    count (xlmodel.limits), reported at the first one too many with what to do."""
    if not isinstance(items, list) or not items:
        problems.append(Problem.of(table, missing))
        return []
    maximum, what, hint = limit
    if len(items) > maximum:
        problems.append(Problem.of(f"{table} {maximum + 1}", what, most=maximum, found=len(items), hint=(hint, {})))
    read = [_read_section(section, item, i, problems, extra_keys) for i, item in enumerate(items[:maximum], start=1)]
    for item, values in zip(items, read):  # the lists a reader checks apart (a quote's channels)
        values.update({key: item[key] for key in extra_keys if isinstance(item, Mapping) and key in item})
    return read


def _check_unique_names(what: str, items: list[dict], table: str, problems: list[Problem]) -> None:
    seen: dict[str, int] = {}
    for i, item in enumerate(items, start=1):
        name = item.get("name")
        if name and name in seen:
            problems.append(Problem.of(f"{table} {i} .name", f"duplicate_{what}", name=name, table=table,
                                       first=seen[name]))
        elif name:
            seen[name] = i


def _read_hybrid_names(hybrid_data: Mapping, mode, channels: list[dict], vendors: list[dict],
                       problems: list[Problem]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The channels the vendor takes (mode ``channel``) and the vendors given a hybrid scenario
    (all, unless listed), each checked against the case's names."""
    channel_names = [c["name"] for c in channels if c.get("name")]
    vendor_names = [v["name"] for v in vendors if v.get("name")]
    hybrid_channels = _read_names(hybrid_data.get("channels", []), "[hybrid] .channels", problems)
    hybrid_vendors = _read_names(hybrid_data.get("vendors", vendor_names), "[hybrid] .vendors", problems)
    _check_names(hybrid_channels, channel_names, "[hybrid] .channels", "channel", problems)
    _check_names(hybrid_vendors, vendor_names, "[hybrid] .vendors", "vendor", problems)
    if mode == "channel" and not hybrid_channels:
        problems.append(Problem.of("[hybrid] .channels", "channel_mode_needs_channels"))
    if not hybrid_vendors and vendor_names:
        problems.append(Problem.of("[hybrid] .vendors", "hybrid_needs_vendor"))
    return hybrid_channels, hybrid_vendors


def _read_portfolios(data: Mapping, channels: list[dict], vendors: list[dict], horizon, problems: list[Problem]):
    """The portfolios (:mod:`xlmodel.portfolios`), their phases within the horizon.  A quote or channel
    without a name or with another's makes every portfolio naming it look wrong: its own message
    first, the portfolios once the names are right.  Each quote's channels are read first."""
    read_quoted_channels(vendors, [c.get("name") for c in channels], problems)
    if any(p.location.startswith(("[[vendors]]", "[[demand.channels]]")) and p.location.endswith(".name")
           for p in problems):
        return ()
    return read_portfolios(data.get("portfolios"), channels, vendors, problems,
                           12 * horizon if isinstance(horizon, int) else None)


def _read_analytics(data: Mapping, vendors: int, problems: list[Problem], portfolios: int = 0) -> dict[str, dict]:
    """The scoring and risk sections; the eight scoring weights must sum to 1, and the Monte Carlo's
    draws must fit in memory for the case's ``vendors`` (and portfolios, a scenario each)."""
    analytics = {section.name: _read_section(section, data.get(section.name, {}), None, problems)
                 for section in ANALYTICS_SECTIONS}
    draws, scenarios = analytics["risk"].get("draws"), 2 + 2 * vendors + portfolios
    if draws and draws * scenarios > MAX_RISK_VALUES:  # draws x scenarios values are held in memory
        problems.append(Problem.of("[risk] .draws", "too_many_draws", ("risk", None, "draws"),
                                   most=MAX_RISK_VALUES // scenarios, scenarios=scenarios, found=draws,
                                   limit=MAX_RISK_VALUES))
    weights = [v for k, v in analytics["scoring"].items() if k.startswith("weight_")]
    if all(w is not None for w in weights) and abs(sum(weights) - 1) > WEIGHT_TOLERANCE:
        problems.append(Problem.of("[scoring] .weight_price", "weights_sum", total=round(sum(weights), 4)))
    return analytics


def loads_case(text: str, source: str = "<case>") -> Case:
    """Parse TOML text and validate it; a TOML syntax error is reported with its line."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        position = re.search(r" \(at line (\d+), column (\d+)\)$", str(exc))
        detail = (("toml_detail", {"text": str(exc)[:position.start()], "line": int(position[1]),
                                   "column": int(position[2])})
                  if position else ("toml_detail_bare", {"text": str(exc)}))
        raise InputError(Problem.of(source, "toml_syntax", detail=detail)) from None
    except RecursionError:  # tables or arrays nested thousands deep
        raise InputError(Problem.of(source, "too_deep")) from None
    return case_from_mapping(data)


def load_case(path: str | Path) -> Case:
    """Read and validate a case file (TOML): a regular file of at most
    :data:`~xlmodel.limits.MAX_CASE_FILE_BYTES` (a device or a pipe is refused unread)."""
    path = Path(path)
    try:
        text = read_regular_file(path, MAX_CASE_FILE_BYTES).decode("utf-8")
    except FileNotFoundError:
        raise InputError(Problem.of(str(path), "file_not_found")) from None
    except IsADirectoryError:
        raise InputError(Problem.of(str(path), "is_a_folder")) from None
    except LimitExceeded as exc:
        raise InputError(Problem.of(str(path), "limit_case", limit=exc.sentence)) from None
    except UnicodeDecodeError as exc:
        raise InputError(Problem.of(str(path), "not_utf8", detail=("utf8_detail", {"text": str(exc)}))) from None
    except OSError as exc:
        raise InputError(Problem.of(str(path), "not_utf8", detail=("os_detail", {"text": str(exc)}))) from None
    return loads_case(text, str(path))


def example_case_text() -> str:
    """The embedded example case, as TOML text."""
    return resources.files("xlmodel").joinpath("data/example_case.toml").read_text(encoding="utf-8")


def example_case() -> Case:
    """The embedded example case: a French company, three channels, three vendor quotes."""
    return loads_case(example_case_text(), "example_case.toml")


def case_to_mapping(case: Case) -> dict[str, Any]:
    """The case as plain TOML-ready tables (the inverse of :func:`case_from_mapping`)."""
    def table(record, drop=()):
        return {f.name: getattr(record, f.name) for f in fields(record) if f.name not in drop}

    data = {
        "case": table(case.case),
        "finance": table(case.finance),
        "demand": table(case.demand, drop=("channels",)),
        "inhouse": table(case.inhouse),
        "transition": table(case.transition),
        "hybrid": table(case.hybrid),
        "customer": table(case.customer),
        "continuity": table(case.continuity),
        "reinternalisation": table(case.reinternalisation),
        "vendors": [table(v, drop=() if v.channels else ("channels",)) for v in case.vendors],
        "scoring": table(case.scoring),
        "risk": table(case.risk),
    }
    data["demand"]["seasonality"] = list(case.demand.seasonality)
    data["demand"]["channels"] = [table(c) for c in case.demand.channels]
    data["hybrid"]["channels"] = list(case.hybrid.channels)
    data["hybrid"]["vendors"] = list(case.hybrid.vendors)
    for v in data["vendors"]:
        if "channels" in v:
            v["channels"] = list(v["channels"])
    if case.portfolios:
        names = [c.name for c in case.channels]
        data["portfolios"] = [portfolio_to_mapping(p, names) for p in case.portfolios]
    return data


def case_to_toml(case: Case) -> str:
    """The case as TOML text that :func:`loads_case` reads back to an equal case."""
    import tomli_w
    return tomli_w.dumps(case_to_mapping(case))
