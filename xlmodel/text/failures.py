"""The failures a user meets outside validation (issue 16), said in the command's language: a workbook
open in Excel or being written by another command, a write the disk refused, LibreOffice or pdftoppm
missing or failing, a rebuilt workbook disagreeing with the engine (exit status 1).

Such an error is raised with the key of its sentence in :mod:`xlmodel.text.terminal` and its values
(:class:`Said`); ``str()`` of it is its English sentence, as the house has always printed it, and
:meth:`Said.said` is the sentence in either language. A value is a text as it is (a path, what the
system said), a number in the language's style, a sub-sentence ``(key, {values})`` or a list of them.
"""

from __future__ import annotations

from . import terminal_words, words
from .numbers import typed


def _rebuild(cls, key: str, slots: dict):
    return cls(key, **slots)


class Said(Exception):
    """An exception said by the key of its sentence and its values (see the module); a base beside the
    built-in one it also is (``class WriteError(Said, OSError)``)."""

    def __init__(self, key: str, **slots):
        self.key, self.slots = key, slots
        super().__init__(self.said("en"))

    def said(self, lang: str) -> str:
        """The sentence in ``lang``."""
        return _sentence(self.key, self.slots, lang)

    def __reduce__(self):  # a batch's worker process sends its errors back pickled
        return _rebuild, (type(self), self.key, self.slots)


def _sentence(key: str, slots: dict, lang: str) -> str:
    return terminal_words(lang)[key].format(**{name: _value(v, lang) for name, v in slots.items()})


def _value(value, lang: str) -> str:
    if isinstance(value, tuple) and len(value) == 2 and isinstance(value[1], dict):
        return _sentence(value[0], value[1], lang)
    if isinstance(value, list):  # sub-sentences one after the other: "a; b" ("a ; b" in French)
        return words(lang)["semicolon"].join(_value(v, lang) for v in value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return typed(value, lang)
    return str(value)


def said(exc: BaseException, lang: str) -> str:
    """What ``exc`` says in ``lang``: its sentence if it is :class:`Said`, else its English text."""
    return exc.said(lang) if isinstance(exc, Said) else str(exc)
