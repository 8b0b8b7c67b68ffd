"""xlwings functions and macros for xlmodel: thin wrappers that convert and delegate.

``xlwings.conf`` of the built workbook names ``udfs.functions`` as its UDF module. Importing this
package stays light (no pandas of our own; xlwings itself imports it on most installs).
"""

from .functions import REGISTRY

#: Every Excel function this package registers (Excel names, upper case).
UDF_NAMES = tuple(sorted(REGISTRY))

__all__ = ["REGISTRY", "UDF_NAMES"]
