"""A usage error of the command line in the command's language (issue 16): the ones our commands raise
(a key of :mod:`xlmodel.text.terminal` and its values) and click's commonest (a missing argument or
option, an unknown option, a value outside a choice or a range), said again from what the exception
knows. Any other of click's own errors keeps click's English sentence: click words them through
gettext, which would need a French catalogue installed into click.
"""

from __future__ import annotations

from . import terminal_words
from .numbers import number


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
        return exc.format_message()  # click's own sentence (see the module's docstring)
    is_argument = isinstance(param, click.Argument)
    name = param.human_readable_name if is_argument else max(param.opts, key=len)
    if isinstance(exc, click.MissingParameter):
        return t["usage_missing_argument" if is_argument else "usage_missing_option"].format(name=name)
    typed = None if is_argument else _typed(param, args)
    quoted = typed is not None and not typed.lstrip("-").replace(".", "", 1).isdigit()  # a number as it is
    found = "" if typed is None else t["usage_found"].format(
        found=(f"« {typed} »" if lang == "fr" else repr(typed)) if quoted else typed)
    kind = param.type
    if isinstance(kind, click.Choice):
        return t["usage_choice"].format(name=name, values=", ".join(map(str, kind.choices))) + found
    if isinstance(kind, click.IntRange) and kind.min is not None and kind.max is not None:
        return t["usage_range"].format(name=name, low=number(kind.min, 0, lang), high=number(kind.max, 0, lang)) + found
    return t["usage_bad_value"].format(name=name) + found
