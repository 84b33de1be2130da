"""Secrets (central database password, the cache and blob keys) in the OS keyring.

Never in a file, a log line or an exception. When no usable keyring exists the message
says what to set up on each system; a plaintext keyring is not accepted.
"""

from __future__ import annotations

import logging

import keyring
from keyring.errors import KeyringError, NoKeyringError

from desktop.errors import StorageError
from desktop.i18n import _

log = logging.getLogger(__name__)
SERVICE = "Ventanilla IESS"
_PLAINTEXT = ("keyrings.alt", "PlaintextKeyring", "fail.Keyring", "null.Keyring")


class SecretsUnavailable(StorageError):
    """No secure keyring to keep a secret in."""


def _unavailable(detail: str) -> SecretsUnavailable:
    return SecretsUnavailable(
        _("No hay un almacén seguro de contraseñas disponible. Configure el del sistema: "
          "Administrador de credenciales en Windows, Llavero en macOS, o un servicio Secret "
          "Service (GNOME Keyring o KWallet) en Linux, y vuelva a intentar."),
        f"no usable keyring: {detail}",
    )


def _backend() -> keyring.backend.KeyringBackend:
    backend = keyring.get_keyring()
    name = f"{type(backend).__module__}.{type(backend).__name__}"
    if any(marker in name for marker in _PLAINTEXT):
        raise _unavailable(name)
    return backend


def store_secret(name: str, value: str) -> None:
    try:
        _backend().set_password(SERVICE, name, value)
    except (NoKeyringError, KeyringError) as error:
        raise _unavailable(type(error).__name__) from None
    log.info("secret stored: %s", name)


def load_secret(name: str) -> str | None:
    try:
        return _backend().get_password(SERVICE, name)
    except (NoKeyringError, KeyringError) as error:
        raise _unavailable(type(error).__name__) from None


def require_keyring() -> None:
    """SecretsUnavailable now, before anything changes, when no usable keyring exists."""
    load_secret("availability-check")
