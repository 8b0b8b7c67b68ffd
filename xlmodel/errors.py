"""Errors raised for bad input: each problem knows where it is and what is expected.

A problem is found here, in the inputs layer, and said by the text layer: it carries the key of its
sentence (``PROBLEMS`` in :mod:`xlmodel.text.en` and :mod:`xlmodel.text.fr`) and the values the
sentence names, and :mod:`xlmodel.text.problems` writes it in either language (the numbers in the
language's style, the field by its label). The text layer stands above this one, so it installs its
renderer here when it is imported (:func:`install`); a problem said before that (a notebook that
called :func:`xlmodel.case.load_case` alone) loads the text layer by name first.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

_SAY: Callable[["Problem", str], str] | None = None  # (problem, lang) -> its sentence, from xlmodel.text


def install(say: Callable[["Problem", str], str]) -> None:
    """Let the text layer say the problems (called once, by :mod:`xlmodel.text.problems`)."""
    global _SAY
    _SAY = say


@dataclass(frozen=True)
class Fixed:
    """A value a problem shows with a fixed number of decimals (an average: ``1.2000``)."""

    value: float
    decimals: int
    grouped: bool = False  # English with commas between thousands (1,234.5 MB); French always groups


@dataclass(frozen=True)
class Percent:
    """A fraction a problem shows as a percentage, to the tenth (``12.5%``, ``12,5 %``)."""

    fraction: float


@dataclass(frozen=True)
class Words:
    """A name a problem quotes that has its own words in each language (a staffing row's label)."""

    en: str
    fr: str


class Problem:
    """One invalid input: ``location`` (``[[vendors]] 2 .price`` or ``Vendors!F7``) and what is wrong.

    ``key`` and ``slots`` name the sentence of the text layer and its values; ``place`` is where the
    schema knows the input to be: ``(section, index or None, field, the item's name)``, the section and
    the field themselves or by their names, so that a French line names the field by its label. A
    problem built with a ``message`` alone says
    that English sentence in every language.
    """

    __slots__ = ("location", "key", "slots", "place", "_message")

    def __init__(self, location: str, message: str = "", *, key: str = "", slots: dict[str, Any] | None = None,
                 place: tuple = ()):
        self.location, self.key, self.slots, self.place = location, key, dict(slots or {}), tuple(place)
        self._message = message

    @classmethod
    def of(cls, location: str, key: str, place: tuple = (), **slots) -> "Problem":
        """The problem of sentence ``key`` with its values: ``Problem.of(where, "not_a_number", found=x)``."""
        return cls(location, key=key, slots=slots, place=place)

    def moved(self, location: str) -> "Problem":
        """The same problem at another location (the cell a case-file key was read from)."""
        return Problem(location, self._message, key=self.key, slots=self.slots, place=self.place)

    def said(self, lang: str = "en") -> str:
        """The sentence in ``lang``, without the location."""
        if self.key and _SAY is None:
            # A caller of the inputs layer alone (load_case in a notebook) has not imported the text
            # layer yet: load it by name, which installs its renderer (the layers' order is kept: this
            # layer names no module above it, the text layer registers itself).
            import importlib
            importlib.import_module("xlmodel.text")
        if self.key and _SAY is not None:
            return _SAY(self, lang)
        return self._message or f"{self.key} {self.slots}"

    @property
    def message(self) -> str:
        """The sentence in English."""
        return self.said("en")

    def __str__(self) -> str:
        return f"{self.location}: {self.message}" if self.location else self.message

    def __repr__(self) -> str:
        return f"Problem({self.location!r}, {self.message!r})"

    def __eq__(self, other) -> bool:
        return isinstance(other, Problem) and (self.location, self.key, self.slots, self._message) == (
            other.location, other.key, other.slots, other._message)

    __hash__ = None  # slots may hold lists


class Notice(str):
    """Something found and said without refusing (a blank input took its default, macros were
    ignored): a ``str``, its English line (``location: sentence``), whose :attr:`problem` the text
    layer says in another language (:func:`xlmodel.text.problems.notice_line`)."""

    problem: Problem

    def __new__(cls, location: str, key: str, place: tuple = (), **slots) -> "Notice":
        return cls._of(Problem.of(location, key, place, **slots))

    @classmethod
    def _of(cls, problem: Problem) -> "Notice":
        notice = super().__new__(cls, str(problem))
        notice.problem = problem
        return notice

    def at(self, location: str) -> "Notice":
        """The same notice under ``location`` (the file it was found in), before its own location."""
        inner = self.problem.location
        return Notice._of(self.problem.moved(f"{location}: {inner}" if inner else location))

    def __reduce__(self):  # a batch's worker sends its notices to the parent process
        return Notice._of, (self.problem,)


class InputError(ValueError):
    """Raised at the edge when a case has invalid inputs; carries every problem found at once."""

    def __init__(self, problems: list[Problem] | Problem | str, lang: str | None = None):
        self.lang = lang  # the language of the workbook the problems were found in, when it is known
        if isinstance(problems, str):
            problems = [Problem("", problems)]
        elif isinstance(problems, Problem):
            problems = [problems]
        self.problems: list[Problem] = list(problems)
        super().__init__()

    def __str__(self) -> str:  # said when asked: the text layer may be imported after the raise
        return "\n".join(str(p) for p in self.problems)
