"""`ventanilla document verify FILE.pdf` and `ventanilla central signer --p12 FILE`.

verify: who signed, when, and whether the document is intact, judged offline against this
station's trusted roots; exit 0 only when the signature is valid and its signer trusted.
signer: the back office's production certificate (the PKCS#12 FirmaEC signers hold); its
password comes from VENTANILLA_P12_PASSWORD (scripts) or is typed at a terminal, and goes to
the keyring; the root of its chain becomes a root every station trusts.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import Any

from desktop.cli_args import central_url
from desktop.config import Paths, load_settings
from desktop.errors import ValidationError
from desktop.i18n import _

P12_PASSWORD_ENV = "VENTANILLA_P12_PASSWORD"
MAX_PDF_BYTES = 50 * 1024 * 1024


def add_commands(commands: Any) -> None:
    document = commands.add_parser("document", help=_("documentos firmados electrónicamente"))
    actions = document.add_subparsers(dest="document_command", required=True, metavar="ACCION")
    verify = actions.add_parser(
        "verify", help=_("comprueba la firma electrónica de un acuerdo en PDF; sale con 1 si "
                         "no es válida o el firmante no es reconocido"))
    verify.add_argument("file", metavar="ARCHIVO.pdf", type=Path)
    verify.set_defaults(handler=_verify)


def add_central_commands(central_commands: Any) -> None:
    signer = central_commands.add_parser(
        "signer", help=_("carga el certificado de firma de los acuerdos (PKCS#12; clave en "
                         "{env} o pedida en la terminal)").format(env=P12_PASSWORD_ENV))
    signer.add_argument("--p12", required=True, type=Path, metavar="ARCHIVO.p12")
    signer.add_argument("--url", required=True, type=central_url(sqlite=True),
                        help=_("base central, con la cuenta de su propietario"))
    signer.set_defaults(handler=_signer)


def _read_file(path: Path, limit: int = MAX_PDF_BYTES) -> bytes:
    try:
        if path.stat().st_size > limit:
            raise ValidationError(_("{path} es demasiado grande para ser un acuerdo.").format(
                path=path), "verify: file too large")
        return path.read_bytes()
    except OSError as error:
        raise ValidationError(_("No se pudo leer {path}: {error}").format(
            path=path, error=error.strerror or error), "verify: unreadable file") from None


def _verify(args: argparse.Namespace, paths: Paths) -> int:
    from desktop.clock import format_local
    from desktop.services.acuerdo_copies import verify_bytes
    from desktop.services.runtime import open_runtime

    data = _read_file(args.file)
    runtime = open_runtime(load_settings(paths))
    try:
        check = verify_bytes(runtime, data)
    finally:
        runtime.close()
    print(check.sentence())
    if check.signer:
        print(_("Firmante: {who}").format(who=check.signer))
    if check.signed_at is not None:
        print(_("Fecha de la firma: {when}").format(when=format_local(check.signed_at)))
    print(_("Documento íntegro: {answer}").format(
        answer=_("sí") if check.verdict.name in ("VALID", "UNTRUSTED") else _("no")))
    return 0 if check.ok else 1


def _read_password() -> str:
    if os.environ.get(P12_PASSWORD_ENV) is not None:
        return os.environ[P12_PASSWORD_ENV]
    if not sys.stdin.isatty():
        raise ValidationError(
            _("Falta la clave del certificado: defina {env} o ejecute el comando en una "
              "terminal.").format(env=P12_PASSWORD_ENV), "signer: no password, no terminal")
    return getpass.getpass(_("Clave del certificado: "))


def _signer(args: argparse.Namespace, paths: Paths) -> int:
    from desktop.central.signer import trust_root
    from desktop.db.engines import create_app_engine, writer
    from desktop.signing.keystore import save_signer

    identity = save_signer(paths, _read_file(args.p12, 1024 * 1024), _read_password())
    engine = create_app_engine(args.url)
    try:
        with writer(engine).begin() as connection:
            trust_root(connection, identity)
    finally:
        engine.dispose()
    print(_("Certificado de firma de {who} cargado; las estaciones confiarán en su raíz tras "
            "la próxima sincronización.").format(who=identity.common_name))
    return 0
