"""Domain errors: a Spanish message for the person, an English one for the log."""

from __future__ import annotations


class VentanillaError(Exception):
    """Base of every error the user may see.

    `user_message` is shown as is (Spanish); `log_message` goes to the log and must hold
    no personal data (no cédula, no name) and no secret.
    """

    def __init__(self, user_message: str, log_message: str | None = None, *, field: str = ""):
        super().__init__(log_message or user_message)
        self.user_message = user_message
        self.log_message = log_message or user_message
        self.field = field


class ValidationError(VentanillaError):
    """Input that breaks a rule; nothing was changed."""


class NotFoundError(VentanillaError):
    """A case, person or document that is not in the local cache."""


class PermissionDenied(VentanillaError):
    """The signed-in person may not do this."""


class StorageError(VentanillaError):
    """The local cache or blob store cannot be used (newer schema, disk full, corrupt file)."""


class UnreadableData(StorageError):
    """Local data this station cannot decrypt: its key is missing from the OS keyring or is
    not the key it was written with (a copied file, a replaced keyring entry)."""


class Cancelled(VentanillaError):
    """Long work stopped because the person asked for it."""
