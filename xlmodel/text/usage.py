"""A usage error of the command line in the command's language (issue 16): the ones our commands raise
(a key of :mod:`xlmodel.text.terminal` and its values) and click's (a missing argument or option, an
unknown option or command, an extra argument, an option without its value or with one it does not take,
a value outside a choice or a range, a path that is missing or of the wrong kind), said again from what
the exception knows. Click words its sentences through gettext, which would need a French catalogue
installed into click: the few whose exception carries nothing else are recognised by their English
sentence (:data:`_CLICK_SENTENCES`); any other keeps click's English sentence.
"""

from __future__ import annotations

import re

from . import terminal_words
from .numbers import number

# Click's sentences (click 8) whose exception holds no more than its message: the pattern, our key.
_CLICK_SENTENCES = (
    (re.compile(r"Got unexpected extra arguments? \((?P<names>.*)\)$"), "usage_extra_arguments"),
    (re.compile(r"No such command (?P<command>'[^']*'|\"[^\"]*\")\.(?: Did you mean (?P<names>.*)\?)?$"),
     "usage_no_such_command"),
    (re.compile(r"Missing command\.$"), "usage_missing_command"),
    (re.compile(r"Option (?P<name>'.*'|\".*\") requires (?:an argument|\d+ arguments)\.$"), "usage_needs_value"),
    (re.compile(r"Option (?P<name>'.*'|\".*\") does not take a value\.$"), "usage_takes_no_value"),
)
# What click.Path says of a path: its sentence's end, our key.
_PATH_SENTENCE = re.compile(r"^\w+ (?P<path>'.*'|\".*\") (?P<what>does not exist|is a file|is a directory|"
                            r"is not readable|is not writable|is not executable)\.$")
_PATH_KEYS = {"does not exist": "usage_path_missing", "is a file": "usage_path_is_file",
              "is a directory": "usage_path_is_folder"}


def usage_lines(exc, current: str, args=()) -> list[str]:
    """The lines saying usage error ``exc`` in the command's language (``current``, or its ``--lang``
    when click refused the line before the command ran); none in English, where click prints its own
    (usage line, hint, sentence)."""
    lang = current if current != "en" else asked_language(args)
    if lang == "en":
        return []
    t = terminal_words(lang)
    lines = [t["cli_error"].format(problem=usage_line(exc, lang, args))]
    if exc.ctx is not None:
        lines.append(t["usage_help"].format(command=exc.ctx.command_path))
    return lines


def asked_language(args) -> str:
    """The language a command line asks for with ``--lang fr`` (or ``--lang=fr``): ``en`` otherwise."""
    args = [str(a) for a in args]
    for i, arg in enumerate(args):
        value = args[i + 1] if arg == "--lang" and i + 1 < len(args) else (
            arg.partition("=")[2] if arg.startswith("--lang=") else None)
        if value in ("en", "fr"):
            return value
    return "en"


def _typed(param, args) -> str | None:
    """What the user typed for option ``param`` (its last occurrence), if the command line shows it."""
    args, found = [str(a) for a in args], None
    for i, arg in enumerate(args):
        for opt in getattr(param, "opts", ()):
            if arg == opt and i + 1 < len(args):
                found = args[i + 1]
            elif arg.startswith(opt + "=") and opt.startswith("--"):
                found = arg[len(opt) + 1:]
    return found


def usage_line(exc, lang: str, args=()) -> str:
    """The sentence of usage error ``exc`` in ``lang`` (without the ``error:`` before it)."""
    import click
    t = terminal_words(lang)
    if getattr(exc, "key", None):
        return t[exc.key].format(**exc.slots)
    if isinstance(exc, click.NoSuchOption):
        hint = t["usage_did_you_mean"].format(names=", ".join(exc.possibilities)) if exc.possibilities else ""
        return t["usage_no_such_option"].format(name=exc.option_name) + hint
    param = getattr(exc, "param", None)
    if param is None:
        return _click_sentence(exc.format_message(), lang)
    is_argument = isinstance(param, click.Argument)
    name = param.human_readable_name if is_argument else max(param.opts, key=len)
    if isinstance(exc, click.MissingParameter):
        return t["usage_missing_argument" if is_argument else "usage_missing_option"].format(name=name)
    path = _PATH_SENTENCE.match(exc.message) if isinstance(param.type, click.Path) else None
    if path:
        key = _PATH_KEYS.get(path["what"], "usage_path_denied")
        return t[key].format(name=name, path=_quoted(path["path"][1:-1], lang))
    typed = None if is_argument else _typed(param, args)
    quoted = typed is not None and not typed.lstrip("-").replace(".", "", 1).isdigit()  # a number as it is
    found = "" if typed is None else t["usage_found"].format(found=_quoted(typed, lang) if quoted else typed)
    kind = param.type
    if isinstance(kind, click.Choice):
        return t["usage_choice"].format(name=name, values=", ".join(map(str, kind.choices))) + found
    if isinstance(kind, click.IntRange) and kind.min is not None and kind.max is not None:
        return t["usage_range"].format(name=name, low=number(kind.min, 0, lang), high=number(kind.max, 0, lang)) + found
    return t["usage_bad_value"].format(name=name) + found


def _quoted(text: str, lang: str) -> str:
    """What the user typed, quoted as ``lang`` quotes it: « x » in French, 'x' in English."""
    return f"« {text} »" if lang == "fr" else repr(text)


def _click_sentence(message: str, lang: str) -> str:
    """One of click's sentences that carry nothing but their words, in ``lang`` (:data:`_CLICK_SENTENCES`);
    any other as click wrote it."""
    t = terminal_words(lang)
    for pattern, key in _CLICK_SENTENCES:
        found = pattern.match(message)
        if found:
            slots = {name: value[1:-1] if name in ("name", "command") else value  # click's quotes off
                     for name, value in found.groupdict().items()}
            if "command" in slots:  # a command as typed, and the one click thinks was meant
                slots["name"] = _quoted(slots.pop("command"), lang)
                meant = slots.pop("names")
                hint = t["usage_did_you_mean"].format(names=_quoted(meant[1:-1], lang)) if meant else ""
                return t[key].format(**slots) + hint
            return t[key].format(**slots)
    return message
