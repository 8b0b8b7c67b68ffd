"""The model declared as data: every line item of the monthly timeline, for every scenario.

Each :class:`Row` is a label, a unit, a formula (see :mod:`xlmodel.model.language`) and the binding of
the formula's local names to reference keys.  The engine evaluates the rows in order with numpy;
the workbook builder writes the same rows as native Excel formulas on the Calc sheet.  Nothing else
defines the arithmetic of the cost model.

Reference keys:

- ``in:SECTION.FIELD``: a single input (a named range in the workbook);
- ``in:demand.seasonality``: the 12 monthly weights;
- ``const:NAME``: a physical constant (seconds per hour...), on the Inputs sheet, locked;
- ``ch:I.FIELD`` / ``vd:I.FIELD``: a field of channel or vendor number I (0-based);
- ``hc:I``: whether channel I goes to the vendor in hybrid ``channel`` mode ("yes"/"no");
- ``row:KEY``: another row of this model;
- ``st:KEY``: a staffing row computed in Python by Erlang C (:mod:`xlmodel.staffing`).

Scenarios: ``status_quo`` (today's agents and service), ``inhouse`` (agents sized by Erlang C to
the target service: the reference for savings), ``outsourced:VENDOR`` and ``hybrid:VENDOR``.
"""

from .constants import CONSTANTS, COST_LINE_IDS, COST_LINES, ONE_OFF_LINES
from .declare import build_model
from .rows import Model, Row, Scenario, StaffRow

__all__ = ["CONSTANTS", "COST_LINES", "COST_LINE_IDS", "ONE_OFF_LINES", "Model", "Row", "Scenario", "StaffRow",
           "build_model"]
