"""Signing in against the cached staff table, and the audit chain it starts."""

from __future__ import annotations

from sqlalchemy import select

from desktop.domain.roles import Role
from desktop.errors import PermissionDenied
from desktop.security.audit import GENESIS, entry_digest
from desktop.services.auth import sign_in
from desktop.store.models import AuditEntry
from tests.support.accounts import ADMIN, CLERK, CLERK_GYE
from tests.support.checks import refused


def test_clerk_signs_in_with_their_role_and_name(runtime):
    actor = sign_in(runtime, *CLERK)
    assert actor.role is Role.CLERK and actor.centre_code == "UIO01" and actor.full_name


def test_usernames_are_not_case_sensitive(runtime):
    assert sign_in(runtime, CLERK[0].upper(), CLERK[1]).username == CLERK[0]


def test_wrong_password_and_unknown_user_get_the_same_message(runtime):
    with refused(PermissionDenied, "Usuario o clave incorrectos"):
        sign_in(runtime, CLERK[0], "otra-clave")
    with refused(PermissionDenied, "Usuario o clave incorrectos"):
        sign_in(runtime, "nadie", CLERK[1])


def test_staff_sign_in_only_at_their_centre(runtime):
    """Other centres' staff are not even in this cache (their hashes stay at central)."""
    for credentials in (CLERK_GYE, ("admin.gye", "gye-admin-2026")):
        with refused(PermissionDenied, "Usuario o clave incorrectos"):
            sign_in(runtime, *credentials)


def test_audit_entries_form_a_hash_chain(runtime):
    sign_in(runtime, *CLERK)
    sign_in(runtime, *ADMIN)
    with runtime.db.read() as session:
        entries = session.scalars(select(AuditEntry).order_by(AuditEntry.id)).all()
    assert len(entries) == 2
    previous = GENESIS
    for entry in entries:
        assert entry.prev_hash == previous
        assert entry.entry_hash == entry_digest(entry.prev_hash, entry.at, entry.actor,
                                                entry.workstation, entry.action,
                                                entry.case_number, entry.details)
        previous = entry.entry_hash
    assert [e.action for e in entries] == ["session.signed_in"] * 2


def test_a_hash_made_with_older_parameters_is_upgraded_at_sign_in(runtime):
    """Central learns the new hash through the outbox, as with a password change."""
    from argon2 import PasswordHasher

    from desktop.security.passwords import needs_rehash
    from desktop.store.models import OutboxEvent, Staff

    weak = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1).hash(CLERK[1])
    with runtime.db.write() as session, session.begin():
        session.get(Staff, CLERK[0]).password_hash = weak
        before = session.query(OutboxEvent).count()
    sign_in(runtime, *CLERK)
    with runtime.db.read() as session:
        upgraded = session.get(Staff, CLERK[0]).password_hash
        events = session.scalars(select(OutboxEvent).order_by(OutboxEvent.seq)).all()
        actions = session.scalars(select(AuditEntry.action)).all()
    assert upgraded != weak and not needs_rehash(upgraded)
    assert len(events) == before + 1 and events[-1].payload["password_hash"] == upgraded
    assert "staff.password_rehashed" in actions
    assert sign_in(runtime, *CLERK).username == CLERK[0]  # the new hash takes the password
    with runtime.db.read() as session:
        assert session.query(OutboxEvent).count() == before + 1  # nothing more to upgrade
