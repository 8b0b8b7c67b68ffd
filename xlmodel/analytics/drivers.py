"""The uncertain drivers shared by the tornado and the Monte Carlo: what each moves, and by how much.

A driver is one lever of the model, applied to one or more inputs at once:

- a *relative* driver multiplies its inputs by ``1 + x`` (``x = 0.10`` is +10 %);
- a *points* driver adds ``x`` to a rate (``x = 0.01`` is +1 point).

Each driver's range ``[low, high]`` (``low <= 0 <= high``) comes from the case's ``[risk]`` table
(defaults in :data:`xlmodel.schema.RISK`, listed in docs/analytics.md); the mode is always 0, the
case's own value.  A moved input is clipped to the bounds the case format accepts for it
(attrition never below 0, governance rate never below 0...).

========================  ============================================================  ========
driver                    inputs moved                                                  in MC
========================  ============================================================  ========
``volume``                every channel's ``annual_volume`` (relative)                  yes
``aht``                   every channel's ``aht_seconds`` (relative; vendors' AHT       yes
                          follows, as it is a factor of it)
``salary``                ``gross_salary``, ``supervisor_salary``, ``support_salary``   yes
``employer_charges``      ``employer_charge_rate`` (points)                             yes
``attrition``             ``attrition_rate`` (points)                                   yes
``vendor_price``          every vendor's ``price`` (relative)                           no
``indexation``            every vendor's ``indexation_rate`` (points)                   yes
``governance``            ``governance_rate`` (points)                                  yes
``ramp_up``               every vendor's ``ramp_up_months`` and ``ramp_up_aht_premium``  yes
``discount_rate``         ``discount_rate`` (points)                                    no
``vendor_aht``            every vendor's ``aht_factor`` (relative)                      yes
========================  ============================================================  ========

The Monte Carlo leaves out the vendor price (a quoted, contractual figure: the tornado and the
break-even show where it matters) and the discount rate (a policy choice, not an uncertainty).
Drivers are drawn independently of each other; one draw moves every channel (or every vendor) by
the same relative amount.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from ..case import Case
from ..schema import CHANNEL, FINANCE, INHOUSE, RISK, TRANSITION, VENDOR


@dataclass(frozen=True)
class Driver:
    """One lever: its id (``volume``), labels, how it moves its inputs, whether the Monte Carlo draws it."""

    id: str
    label_en: str
    label_fr: str
    kind: str  # "rel" (x 1 + change) or "pts" (+ change)
    monte_carlo: bool

    def label(self, lang: str = "en") -> str:
        return getattr(self, f"label_{lang}")


def _labels():
    out = {}
    for f in RISK.fields:
        if f.name.endswith("_low"):
            out[f.name[:-4]] = (f.label_en[:-len(": low")], f.label_fr[:-len(" : bas")])
    return out


_KINDS = {"volume": "rel", "aht": "rel", "salary": "rel", "employer_charges": "pts", "attrition": "pts",
          "vendor_price": "rel", "indexation": "pts", "governance": "pts", "ramp_up": "rel",
          "discount_rate": "pts", "vendor_aht": "rel"}
_NOT_IN_MONTE_CARLO = {"vendor_price", "discount_rate"}
DRIVERS: tuple[Driver, ...] = tuple(
    Driver(name, en, fr, _KINDS[name], name not in _NOT_IN_MONTE_CARLO) for name, (en, fr) in _labels().items())
DRIVER_IDS = tuple(d.id for d in DRIVERS)
_BY_ID = {d.id: d for d in DRIVERS}


def driver(driver_id: str) -> Driver:
    return _BY_ID[driver_id]


def driver_range(case: Case, driver_id: str) -> tuple[float, float]:
    """``(low, high)`` change of a driver, from the case's ``[risk]`` table."""
    return (float(getattr(case.risk, f"{driver_id}_low")), float(getattr(case.risk, f"{driver_id}_high")))


def driver_refs(case: Case, driver_id: str) -> list[str]:
    """The reference keys (:mod:`xlmodel.model`) of the inputs a driver moves."""
    channels, vendors = range(len(case.channels)), range(len(case.vendors))
    return {
        "volume": [f"ch:{i}.annual_volume" for i in channels],
        "aht": [f"ch:{i}.aht_seconds" for i in channels],
        "salary": ["in:inhouse.gross_salary", "in:inhouse.supervisor_salary", "in:inhouse.support_salary"],
        "employer_charges": ["in:inhouse.employer_charge_rate"],
        "attrition": ["in:inhouse.attrition_rate"],
        "vendor_price": [f"vd:{v}.price" for v in vendors],
        "indexation": [f"vd:{v}.indexation_rate" for v in vendors],
        "governance": ["in:transition.governance_rate"],
        "ramp_up": [f"vd:{v}.{name}" for v in vendors for name in ("ramp_up_months", "ramp_up_aht_premium")],
        "discount_rate": ["in:finance.discount_rate"],
        "vendor_aht": [f"vd:{v}.aht_factor" for v in vendors],
    }[driver_id]


_SECTIONS = {"inhouse": INHOUSE, "transition": TRANSITION, "finance": FINANCE}


def _field(ref: str):
    kind, _, rest = ref.partition(":")
    if kind == "in":
        section, _, name = rest.partition(".")
        return _SECTIONS[section].by_name[name]
    return (CHANNEL if kind == "ch" else VENDOR).by_name[rest.partition(".")[2]]


def input_value(case: Case, ref: str) -> float:
    """The case's value of an input reference key (``in:``, ``ch:`` or ``vd:``)."""
    kind, _, rest = ref.partition(":")
    if kind == "in":
        section, _, name = rest.partition(".")
        return float(getattr(getattr(case, section), name))
    index, _, name = rest.partition(".")
    items = case.channels if kind == "ch" else case.vendors
    return float(getattr(items[int(index)], name))


def moved(case: Case, ref: str, driver_id: str, change):
    """The value of input ``ref`` when ``driver_id`` moves by ``change`` (a number or an array)."""
    base = input_value(case, ref)
    value = base * (1 + np.asarray(change, dtype=float)) if _BY_ID[driver_id].kind == "rel" \
        else base + np.asarray(change, dtype=float)
    f = _field(ref)
    lo = -np.inf if f.minimum is None else f.minimum
    hi = np.inf if f.maximum is None else f.maximum
    if f.exclusive_min:
        lo = np.nextafter(lo, np.inf)
    if f.exclusive_max:
        hi = np.nextafter(hi, -np.inf)
    return np.clip(value, lo, hi)


def overrides(case: Case, changes: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """Reference key -> moved values, for drivers moved by arrays of changes (one per draw)."""
    out: dict[str, np.ndarray] = {}
    for driver_id, change in changes.items():
        for ref in driver_refs(case, driver_id):
            current = out.get(ref)
            if current is not None:  # two drivers on one input: compose the moves
                raise ValueError(f"{ref} is moved by two drivers")
            out[ref] = moved(case, ref, driver_id, change)
    return out


def apply(case: Case, changes: dict[str, float]) -> Case:
    """A copy of the case with drivers moved by the given changes (for the exact engine)."""
    values = overrides(case, {k: float(v) for k, v in changes.items()})
    return with_inputs(case, {ref: float(v) for ref, v in values.items()})


def with_inputs(case: Case, values: dict[str, float]) -> Case:
    """A copy of the case with some inputs (by reference key) set to new values."""
    sections: dict[str, dict] = {}
    channels = [dict() for _ in case.channels]
    vendors = [dict() for _ in case.vendors]
    for ref, value in values.items():
        kind, _, rest = ref.partition(":")
        if kind == "in":
            section, _, name = rest.partition(".")
            sections.setdefault(section, {})[name] = value
        else:
            index, _, name = rest.partition(".")
            (channels if kind == "ch" else vendors)[int(index)][name] = value
    new = {name: replace(getattr(case, name), **changes) for name, changes in sections.items()}
    if any(channels):
        demand = new.get("demand", case.demand)
        new["demand"] = replace(demand, channels=tuple(replace(c, **ch) for c, ch in zip(case.channels, channels)))
    if any(vendors):
        new["vendors"] = tuple(replace(v, **vd) for v, vd in zip(case.vendors, vendors))
    return case.replace(**new)
