"""xlmodel: what customer service really costs in-house, outsourced, or both.

The engine is pure Python (numpy); it knows nothing of Excel or xlwings.  Public entry points:

- :func:`xlmodel.case.load_case`, :func:`xlmodel.case.example_case`: read and validate a case;
- :func:`xlmodel.engine.compare`: every scenario over the horizon, with NPV, ROI, payback and IRR;
- :mod:`xlmodel.erlang`: Erlang B, C and A staffing;
- :mod:`xlmodel.finance`: NPV, ROI, payback and IRR of an outsourcing decision.
"""

__version__ = "0.1.0"
