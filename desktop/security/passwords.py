"""Password hashes for staff (argon2id through argon2-cffi; never plain text)."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

_hasher = PasswordHasher()


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    """True when the password matches; False for a mismatch or a damaged hash."""
    try:
        return _hasher.verify(password_hash, password.encode("utf-8", "surrogatepass"))
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


_dummy: dict[int, str] = {}


def verify_nothing(password: str) -> None:
    """Spend the time a real check takes when there is no account to check against, so the
    time a refusal takes does not tell which user names exist."""
    key = id(_hasher)
    if key not in _dummy:
        _dummy[key] = _hasher.hash("ventanilla: no such account")
    verify_password(_dummy[key], password)


def needs_rehash(password_hash: str) -> bool:
    return _hasher.check_needs_rehash(password_hash)
