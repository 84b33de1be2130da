"""Central database URLs as people type them, checked before anything connects.

Light on purpose (no SQLAlchemy import): the settings check runs before the first window.
`postgresql://` and `postgres://` mean the psycopg driver, the only one Ventanilla ships;
anything else (`garbage`, `http://…`, `mysql://…`, a URL without server or database) is a
Spanish message naming what is wrong, never a traceback.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from desktop.errors import ValidationError
from desktop.i18n import _

POSTGRES_SCHEMES = {"postgresql+psycopg", "postgresql", "postgres"}
SQLITE_SCHEMES = {"sqlite", "sqlite+pysqlite"}
EXAMPLE = "postgresql+psycopg://usuario@servidor:5432/base"
#: Databases of the cluster itself: a central must have a database of its own.
SYSTEM_DATABASES = frozenset({"postgres", "template0", "template1"})
_HOST = re.compile(r"^[A-Za-z0-9._\-\[\]:%]+$")


def _bad(problem: str, field: str) -> ValidationError:
    return ValidationError(
        _("Dirección de la base central no válida: {problem}. Use la forma {example}.").format(
            problem=problem, example=EXAMPLE),
        f"invalid central URL ({field})", field=field)


def check_central_url(text: str, *, field: str = "central_url",
                      sqlite: bool = False) -> str:
    """The URL with the psycopg driver named; ValidationError in Spanish otherwise.

    `sqlite`: also accept an SQLite file (the demo's embedded central, for `central init`
    and `central simulate`).
    """
    if not isinstance(text, str) or not text.strip():
        raise _bad(_("está vacía"), field)
    text = text.strip()
    if any(ord(ch) < 32 or 0xD800 <= ord(ch) <= 0xDFFF for ch in text):
        raise _bad(_("contiene caracteres no válidos"), field)
    scheme, separator, rest = text.partition("://")
    scheme = scheme.lower()
    if not separator:
        raise _bad(_("falta «postgresql+psycopg://» al principio"), field)
    if sqlite and scheme in SQLITE_SCHEMES:
        if not rest.lstrip("/"):
            raise _bad(_("falta el archivo de la base"), field)
        return text
    if scheme not in POSTGRES_SCHEMES:
        raise _bad(_("«{scheme}://» no es PostgreSQL").format(scheme=scheme[:30]), field)
    try:
        parts = urlsplit("postgresql://" + rest)
        port = parts.port
    except ValueError:
        raise _bad(_("el puerto no es un número válido"), field) from None
    host = parts.hostname or ""
    if not host or not _HOST.match(host):
        raise _bad(_("falta el servidor"), field)
    if port is not None and not 0 < port < 65536:
        raise _bad(_("el puerto no es un número válido"), field)
    database = parts.path.lstrip("/")
    if not database or "/" in database:
        raise _bad(_("falta el nombre de la base de datos"), field)
    return "postgresql+psycopg://" + rest
