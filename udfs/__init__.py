"""xlwings functions and macros for xlmodel: thin wrappers that convert and delegate.

``xlwings.conf`` of the built workbook names ``udfs.functions`` as its UDF module. Importing this
package imports no pandas or openpyxl of its own (xlwings itself imports pandas when installed).
"""

from .functions import UDF_NAMES

__all__ = ["UDF_NAMES"]
