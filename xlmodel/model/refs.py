"""References and row keys: what the local names of a row's formula stand for.

A row's formula names its operands with short local names (``fte * salary``); the row binds each
name to a reference:

==========================  =================================================  ==========================
reference                   what it stands for                                 text form
==========================  =================================================  ==========================
``Input(section, field)``   a single input (a named range in the workbook)     ``in:inhouse.gross_salary``
``SEASONALITY``             the 12 monthly weights                             ``in:demand.seasonality``
``ChannelInput(i, field)``  a field of channel ``i`` (0-based)                 ``ch:0.aht_seconds``
``VendorInput(v, field)``   a field of vendor quote ``v`` (0-based)            ``vd:0.price``
``ToVendor(i)``             whether channel ``i`` goes to the vendor in        ``hc:0``
                            hybrid ``channel`` mode (``"yes"``/``"no"``)
``Constant(name)``          a physical constant (on the Inputs sheet, locked)  ``const:SECONDS_PER_HOUR``
``Fixed(value)``            a number of the model itself (a step of the        ``fixed:2048``
                            staffing search), a locked value in the single-
                            value column of the row that uses it
``RowRef(key)``             another row of the model                           ``row:inh.fte``
``StaffRef(key)``           a staffing row sized in Python (Erlang C)          ``st:inh.agents.0``
==========================  =================================================  ==========================

A reference to an input field, channel or vendor field or constant that does not exist fails when it
is constructed; one to a row not declared before, or to a channel or vendor the case does not have,
fails when the row is declared (:class:`xlmodel.model.rows.Declaration`).  References are frozen,
hashable and compare by value; their text form is for messages and the Method sheet, and nothing
parses it back.

A row's key is a :class:`RowKey` ``block.name`` or ``block.name.channel`` (``inh.agents.0``):
a ``str``, so that it hashes at str speed and reads as its text in results and layouts.

>>> Input("inhouse", "gross_salary"), str(VendorInput(0, "price")), RowKey("inh", "agents", 0)
(Input(section='inhouse', field='gross_salary'), 'vd:0.price', 'inh.agents.0')
>>> Input("inhouse", "gross_salry")
Traceback (most recent call last):
...
xlmodel.model.refs.RefError: no input inhouse.gross_salry: did you mean 'gross_salary'?
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

import numpy as np

from ..schema import (CASE, CHANNEL, CONTINUITY, CUSTOMER, DEMAND, FINANCE, HYBRID, INHOUSE, REINTERNALISATION, RISK,
                      SCORING, TRANSITION, VENDOR, Field)
from .constants import CONSTANTS

_SECTIONS = {s.name: s for s in (CASE, FINANCE, DEMAND, INHOUSE, TRANSITION, HYBRID, CUSTOMER, SCORING, RISK,
                                  CONTINUITY, REINTERNALISATION)}


class RefError(ValueError):
    """A reference or row key that cannot exist (a bug in the model's declaration)."""


def _unknown(what: str, name: str, known) -> RefError:
    close = difflib.get_close_matches(name, list(known), n=1)
    return RefError(f"no {what}" + (f": did you mean {close[0]!r}?" if close else f" (known: {', '.join(known)})"))


def _index(what: str, value) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise RefError(f"{what} must be a whole number >= 0 (found {value!r})")


class Ref:
    """What a local name of a formula stands for (see the module)."""

    __slots__ = ()
    kind = ""  # the prefix of the text form

    @property
    def target(self) -> str:
        """The text form without its kind: ``inhouse.gross_salary``, ``0.price``, ``inh.fte``."""
        raise NotImplementedError

    def __str__(self) -> str:
        return f"{self.kind}:{self.target}"


class CaseRef(Ref):
    """A reference to a value of the case: an input, a channel's or a vendor's field, a constant."""

    __slots__ = ()

    def value_in(self, case):
        """The value in ``case``: a number, a text or (seasonality) an array of 12 weights."""
        raise NotImplementedError


@dataclass(frozen=True, slots=True)
class Input(CaseRef):
    """A single input of the case, ``Input("inhouse", "gross_salary")``: a named range in the workbook."""

    section: str
    field: str
    kind = "in"

    def __post_init__(self):
        section = _SECTIONS.get(self.section)
        if section is None:
            raise _unknown(f"input section {self.section!r}", self.section, _SECTIONS)
        if self.field not in section.by_name:
            raise _unknown(f"input {self.section}.{self.field}", self.field, section.by_name)

    @property
    def target(self) -> str:
        return f"{self.section}.{self.field}"

    @property
    def schema_field(self) -> Field:
        return _SECTIONS[self.section].by_name[self.field]

    def value_in(self, case):
        return getattr(getattr(case, self.section), self.field)


@dataclass(frozen=True, slots=True)
class Seasonality(CaseRef):
    """The 12 monthly weights of the demand (average 1): use :data:`SEASONALITY`."""

    kind = "in"

    @property
    def target(self) -> str:
        return "demand.seasonality"

    def value_in(self, case) -> np.ndarray:
        return np.asarray(case.demand.seasonality, dtype=float)


SEASONALITY = Seasonality()


@dataclass(frozen=True, slots=True)
class ChannelInput(CaseRef):
    """A field of channel ``channel`` (0-based), ``ChannelInput(0, "aht_seconds")``."""

    channel: int
    field: str
    kind = "ch"

    def __post_init__(self):
        _index("a channel index", self.channel)
        if self.field not in CHANNEL.by_name:
            raise _unknown(f"channel field {self.field!r}", self.field, CHANNEL.by_name)

    @property
    def target(self) -> str:
        return f"{self.channel}.{self.field}"

    @property
    def schema_field(self) -> Field:
        return CHANNEL.by_name[self.field]

    def value_in(self, case):
        return getattr(case.channels[self.channel], self.field)


@dataclass(frozen=True, slots=True)
class VendorInput(CaseRef):
    """A field of vendor quote ``vendor`` (0-based), ``VendorInput(0, "price")``."""

    vendor: int
    field: str
    kind = "vd"

    def __post_init__(self):
        _index("a vendor index", self.vendor)
        if self.field not in VENDOR.by_name:
            raise _unknown(f"vendor field {self.field!r}", self.field, VENDOR.by_name)

    @property
    def target(self) -> str:
        return f"{self.vendor}.{self.field}"

    @property
    def schema_field(self) -> Field:
        return VENDOR.by_name[self.field]

    def value_in(self, case):
        return getattr(case.vendors[self.vendor], self.field)


@dataclass(frozen=True, slots=True)
class ToVendor(CaseRef):
    """Whether channel ``channel`` goes to the vendor in hybrid ``channel`` mode: ``"yes"`` or ``"no"``."""

    channel: int
    kind = "hc"

    def __post_init__(self):
        _index("a channel index", self.channel)

    @property
    def target(self) -> str:
        return str(self.channel)

    def value_in(self, case) -> str:
        return "yes" if case.channels[self.channel].name in case.hybrid.channels else "no"


@dataclass(frozen=True, slots=True)
class Constant(CaseRef):
    """A physical constant or a check tolerance of :data:`xlmodel.model.constants.CONSTANTS`."""

    name: str
    kind = "const"

    def __post_init__(self):
        if self.name not in CONSTANTS:
            raise _unknown(f"constant {self.name!r}", self.name, CONSTANTS)

    @property
    def target(self) -> str:
        return self.name

    def value_in(self, case=None) -> float:
        return float(CONSTANTS[self.name][0])


@dataclass(frozen=True, slots=True)
class Fixed(CaseRef):
    """A number the model itself sets (a step size of the native staffing search,
    :mod:`xlmodel.model.sizing`): the workbook writes it as a locked value in the single-value
    column (C) of the monthly row that uses it, so that no number is typed in a formula."""

    value: float
    kind = "fixed"

    def __post_init__(self):
        if isinstance(self.value, bool) or not isinstance(self.value, (int, float)):
            raise RefError(f"a fixed value is a number (found {self.value!r})")

    @property
    def target(self) -> str:
        return f"{self.value:g}"

    def value_in(self, case=None) -> float:
        return float(self.value)


class RowKey(str):
    """The key of a row or staffing row: ``block.name`` or ``block.name.channel`` (``inh.agents.0``).

    ``block`` is ``time``, ``demand``, ``vendorV`` (a quote's terms) or a scenario's prefix.
    """

    def __new__(cls, block: str, name: str, channel: int | None = None):
        for part in (block, name):
            if not isinstance(part, str) or not part or "." in part:
                raise RefError(f"a row key's block and name are non-empty words without '.' (found {part!r})")
        if channel is not None:
            _index("a row key's channel", channel)
        key = super().__new__(cls, f"{block}.{name}" if channel is None else f"{block}.{name}.{channel}")
        key.block, key.name, key.channel = block, name, channel
        return key

    def __getnewargs__(self):  # pickling (the batch build returns results from worker processes)
        return self.block, self.name, self.channel


@dataclass(frozen=True, slots=True)
class KeyedRef(Ref):
    """A reference named by a model row's key (a row, a staffing row, a profile's agents): the key is
    checked when the reference is made. The kinds are siblings, so ``isinstance(x, RowRef)`` matches a
    row only."""

    key: RowKey

    def __post_init__(self):
        if not isinstance(self.key, RowKey):
            raise RefError(f"a {type(self).__name__} takes a RowKey (found {self.key!r})")

    @property
    def target(self) -> str:
        return self.key


@dataclass(frozen=True, slots=True)
class RowRef(KeyedRef):
    """Another row of the model."""

    kind = "row"


@dataclass(frozen=True, slots=True)
class StaffRef(KeyedRef):
    """A staffing row: agents on duty, sized by the engine in Python (:mod:`xlmodel.staffing`) and in
    the workbook by the native search the row declares (:mod:`xlmodel.model.sizing`)."""

    kind = "st"


class Inputs:
    """The single inputs of one section by field name, each reference made once:
    ``Inputs("inhouse")["gross_salary"]`` is ``Input("inhouse", "gross_salary")``."""

    def __init__(self, section: str):
        self.section = section
        self._refs: dict[str, Input] = {}

    def __getitem__(self, field: str) -> Input:
        ref = self._refs.get(field)
        if ref is None:
            ref = self._refs[field] = Input(self.section, field)
        return ref


@dataclass(frozen=True, slots=True)
class ProfileUplift(KeyedRef):
    """The agents that the weekly arrival profile's shifts add to staffing row ``key`` over its
    average slot (:mod:`xlmodel.profile`), month by month: sized by the engine in Python and written
    as values on the Staffing sheet beside the native search, which adds them (a sizing row only)."""

    kind = "profile"
