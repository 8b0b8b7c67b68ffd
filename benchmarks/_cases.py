"""Cases the benchmarks scale: the example with more vendors, and the largest case the limits allow."""

from __future__ import annotations

from dataclasses import replace

from xlmodel.case import example_case
from xlmodel.limits import MAX_CHANNELS, MAX_HORIZON_YEARS, MAX_VENDORS


def with_vendors(n: int, case=None):
    """The example case with ``n`` quotes: its three repeated, each with its own name and price."""
    case = case or example_case()
    base = example_case().vendors
    vendors = tuple(replace(base[i % 3], name=f"{base[i % 3].name} {i + 1}", price=base[i % 3].price * (1 + 0.01 * i))
                    for i in range(n))
    return case.replace(vendors=vendors, hybrid=replace(case.hybrid, vendors=tuple(v.name for v in vendors)))


def largest():
    """The largest case the limits accept: MAX_VENDORS quotes, MAX_CHANNELS channels, MAX_HORIZON_YEARS years."""
    case = example_case()
    base = case.channels
    channels = tuple(replace(base[i % 3], name=f"{base[i % 3].name} {i + 1}",
                             annual_volume=base[i % 3].annual_volume * 3 / MAX_CHANNELS) for i in range(MAX_CHANNELS))
    case = case.replace(demand=replace(case.demand, channels=channels),
                        finance=replace(case.finance, horizon_years=MAX_HORIZON_YEARS),
                        hybrid=replace(case.hybrid, channels=(channels[1].name,)))
    return with_vendors(MAX_VENDORS, case)
