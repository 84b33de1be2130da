"""Command-line arguments: each row is a command with something wrong in it, run in its own
process; the answer must be Spanish, name what is wrong, and exit 2 (usage) or 1 (refused),
with no traceback and without touching anything."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.adversarial.helpers import assert_spanish, ventanilla

STATION = ["--centre", "UIO01", "--counter", "1"]
PG = "postgresql+psycopg://ventanilla@127.0.0.1:5432/central"
URL = "Dirección de la base central no válida"

CASES = [
    # URLs, wherever one is taken
    pytest.param(["init", "--central", "garbage", *STATION], URL, 2, id="init-garbage-url"),
    pytest.param(["init", "--central", "http://servidor/base", *STATION], "no es PostgreSQL", 2,
                 id="init-http-url"),
    pytest.param(["init", "--central", "mysql://u@servidor/base", *STATION], "no es PostgreSQL",
                 2, id="init-mysql-url"),
    pytest.param(["init", "--central", "postgresql+psycopg://u@/base", *STATION],
                 "falta el servidor", 2, id="init-url-without-host"),
    pytest.param(["init", "--central", "postgresql+psycopg://u@servidor:99999/base", *STATION],
                 "puerto", 2, id="init-url-bad-port"),
    pytest.param(["init", "--central", "postgresql+psycopg://u@servidor/", *STATION],
                 "nombre de la base", 2, id="init-url-without-database"),
    pytest.param(["init", "--central", "postgresql+psycopg://u@servidor:x/base", *STATION],
                 "puerto", 2, id="init-url-port-not-a-number"),
    pytest.param(["central", "init", "--url", "garbage"], URL, 2, id="central-init-garbage"),
    pytest.param(["central", "init", "--url", "http://servidor/base"], "no es PostgreSQL", 2,
                 id="central-init-http"),
    pytest.param(["central", "simulate", "--url", "mysql://u@h/b"], "no es PostgreSQL", 2,
                 id="simulate-mysql-url"),
    pytest.param(["central", "add-login", "--url", "garbage", "--centre", "UIO01", "--login",
                  "uio_estaciones"], URL, 2, id="add-login-garbage-url"),
    # numbers and codes
    pytest.param(["init", "--central", PG, "--centre", "UIO01", "--counter", "abc"],
                 "no es un número entero", 2, id="init-counter-not-a-number"),
    pytest.param(["init", "--central", PG, "--centre", "UIO01", "--counter", "0"],
                 "entre 1 y 99", 2, id="init-counter-zero"),
    pytest.param(["init", "--central", PG, "--centre", "UIO01", "--counter", "100"],
                 "entre 1 y 99", 2, id="init-counter-too-high"),
    pytest.param(["init", "--central", PG, "--centre", "UIO", "--counter", "1"],
                 "5 caracteres", 2, id="init-centre-too-short"),
    pytest.param(["central", "add-login", "--url", PG, "--centre", "UIO-1", "--login", "abc"],
                 "5 caracteres", 2, id="add-login-bad-centre"),
    pytest.param(["central", "simulate", "--seconds", "nan"], "segundos", 2,
                 id="simulate-seconds-nan"),
    pytest.param(["central", "simulate", "--seconds", "-5"], "segundos", 2,
                 id="simulate-seconds-negative"),
    pytest.param(["central", "simulate", "--workers", "-3"], "entre 1", 2,
                 id="simulate-workers-negative"),
    pytest.param(["sync", "--interval", "0"], "segundos", 2, id="sync-interval-zero"),
    pytest.param(["demo", "--pensioners", "5"], "entre 10", 2, id="demo-too-few-pensioners"),
    pytest.param(["demo", "--cases", "muchos"], "no es un número entero", 2,
                 id="demo-cases-not-a-number"),
    # argparse's own complaints, in Spanish
    pytest.param(["print", "receipt"], "faltan los argumentos", 2, id="print-missing-args"),
    pytest.param(["imprimir"], "no admite", 2, id="unknown-command"),
    pytest.param(["sync", "--una-vez"], "argumentos no reconocidos", 2, id="unknown-option"),
    pytest.param(["print", "receipt", "REL-X", "--out", "x.pdf", "--format", "carta"],
                 "no admite", 2, id="print-unknown-format"),
    pytest.param(["central", "add-login", "--url", PG, "--centre", "UIO01", "--backoffice",
                  "--login", "abc"], "no se puede usar junto con", 2,
                 id="add-login-centre-and-backoffice"),
    # the staff command
    pytest.param(["staff", "move", "ana.paz", "--user", "admin.uio"], "faltan los argumentos",
                 2, id="staff-move-without-centre"),
    pytest.param(["staff", "role", "ana.paz", "--role", "jefe", "--user", "admin.uio"],
                 "no admite", 2, id="staff-unknown-role"),
    pytest.param(["staff", "list"], "faltan los argumentos", 2, id="staff-without-user"),
    pytest.param(["staff", "list", "--user", "admin.uio"], "VENTANILLA_PASSWORD", 1,
                 id="staff-no-password-no-terminal"),
]


@pytest.mark.parametrize(("args", "fragment", "code"), CASES)
def test_a_wrong_argument_is_a_spanish_message(args, fragment, code, tmp_path: Path):
    result = ventanilla(tmp_path / "home", *args)
    assert_spanish(result, fragment, code)
    assert not (tmp_path / "home" / "config" / "settings.toml").exists()  # nothing configured
