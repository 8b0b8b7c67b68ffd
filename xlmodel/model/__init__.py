"""The model declared as data: every line item of the monthly timeline, for every scenario.

Each :class:`Row` is a label, a unit, a formula (see :mod:`xlmodel.model.language`) and the binding
of the formula's local names to references (:mod:`xlmodel.model.refs`).  The engine evaluates the
rows in order with numpy; the workbook builder writes the same rows as native Excel formulas on the
Calc sheet.  Nothing else defines the arithmetic of the cost model.

The package: ``refs`` (references and row keys), ``language`` (the formula language: ``functions``,
its one table, ``evaluator`` for numpy, ``excel`` for the workbook), ``rows`` (rows, scenarios and
the checked declaration), ``constants``, then the blocks of the declaration in
the order ``declare.build_model`` runs them: ``timeline`` (timeline, flags, demand), ``vendor``
(quote terms, the vendor side of a scenario, one-off costs), ``team`` (an in-house team),
``scenarios`` (what each kind of scenario declares, and its totals), then ``appraisal`` (payback,
and by year the costs, NPVs, ROI and IRR).

Scenarios: ``status_quo`` (today's agents and service), ``inhouse`` (agents sized by Erlang C to
the target service: the reference for savings), ``outsourced:VENDOR`` and ``hybrid:VENDOR``.
"""

from .constants import CONSTANTS, COST_LINE_IDS, COST_LINES, ONE_OFF_LINES
from .declare import build_model
from .refs import (SEASONALITY, CaseRef, ChannelInput, Constant, Fixed, Input, ProfileUplift, Ref, RefError, RowKey,
                   RowRef, StaffRef, ToVendor, VendorInput)
from .rows import Model, ModelError, Row, Scenario, StaffRow

__all__ = ["CONSTANTS", "COST_LINES", "COST_LINE_IDS", "ONE_OFF_LINES", "SEASONALITY", "CaseRef", "ChannelInput",
           "Constant", "Fixed", "Input", "Model", "ModelError", "ProfileUplift", "Ref", "RefError", "Row", "RowKey", "RowRef",
           "Scenario", "StaffRef", "StaffRow", "ToVendor", "VendorInput", "build_model"]
