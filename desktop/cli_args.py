"""Command-line arguments read the way the rest of Ventanilla reads input: a wrong one is a
Spanish sentence and exit status 2, never a traceback or argparse's English.

argparse's own messages ("the following arguments are required: …") are rewritten into
Spanish by `SpanishArgumentParser.error`; value types (`number`, `seconds`, `central_url`)
raise `ArgumentTypeError` with Spanish text.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable
from typing import NoReturn

from desktop.errors import ValidationError
from desktop.i18n import N_, _, translate
from desktop.urls import check_central_url

#: argparse's English messages (Python 3.11–3.13) and how to say them in Spanish.
_MESSAGES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), spanish) for pattern, spanish in (
        (r"^the following arguments are required: (.*)$", N_("faltan los argumentos: {0}")),
        (r"^unrecognized arguments: (.*)$", N_("argumentos no reconocidos: {0}")),
        (r"^argument (\S+): invalid choice: (.*?) \(choose from (.*)\)$",
         N_("el argumento {0} no admite {1}; elija entre: {2}")),
        (r"^argument (\S+): expected one argument$", N_("el argumento {0} necesita un valor")),
        (r"^argument (\S+): not allowed with argument (\S+)$",
         N_("el argumento {0} no se puede usar junto con {1}")),
        (r"^one of the arguments (.*) is required$", N_("falta uno de los argumentos: {0}")),
        (r"^argument (\S+): invalid \S+ value: (.*)$", N_("el argumento {0} no admite {1}")),
        (r"^argument (\S+): ignored explicit argument (.*)$",
         N_("el argumento {0} no lleva el valor {1}")),
        (r"^ambiguous option: (\S+) could match (.*)$",
         N_("la opción {0} es ambigua: puede ser {1}")),
        (r"^argument (\S+): (.*)$", N_("el argumento {0}: {1}")),
    ))


def spanish(message: str) -> str:
    for pattern, text in _MESSAGES:
        match = pattern.match(message)
        if match:
            return translate(text).format(*match.groups())
    return message


class SpanishArgumentParser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, _("{prog}: error: {message}. Use «{prog} --help».\n").format(
            prog=self.prog, message=spanish(message).rstrip(".")))


def number(low: int, high: int | None = None) -> Callable[[str], int]:
    """A whole number within [low, high]."""
    def parse(text: str) -> int:
        try:
            value = int(text.strip())
        except ValueError:
            raise argparse.ArgumentTypeError(
                _("«{text}» no es un número entero").format(text=text[:40])) from None
        if value < low or (high is not None and value > high):
            raise argparse.ArgumentTypeError(
                _("debe ser al menos {n}").format(n=low) if high is None else
                _("debe estar entre {low} y {high}").format(low=low, high=high))
        return value

    parse.__name__ = "entero"
    return parse


def seconds(low: float, high: float) -> Callable[[str], float]:
    """A duration in seconds within [low, high] (no NaN, no infinity)."""
    def parse(text: str) -> float:
        try:
            value = float(text.strip())
        except ValueError:
            raise argparse.ArgumentTypeError(
                _("«{text}» no es un número de segundos").format(text=text[:40])) from None
        if not low <= value <= high:  # False for NaN too
            raise argparse.ArgumentTypeError(
                _("debe estar entre {low:g} y {high:g} segundos").format(low=low, high=high))
        return value

    parse.__name__ = "segundos"
    return parse


def central_url(*, sqlite: bool = False) -> Callable[[str], str]:
    """A central database URL (PostgreSQL; SQLite too where the demo's file is allowed)."""
    def parse(text: str) -> str:
        try:
            return check_central_url(text, field="url", sqlite=sqlite)
        except ValidationError as error:
            raise argparse.ArgumentTypeError(error.user_message) from None

    parse.__name__ = "url"
    return parse


def centre_code(text: str) -> str:
    code = text.strip().upper()
    if not (len(code) == 5 and code.isascii() and code.isalnum()):
        raise argparse.ArgumentTypeError(
            _("el código de centro tiene 5 caracteres, por ejemplo UIO01"))
    return code
