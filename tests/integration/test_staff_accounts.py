"""Staff accounts: lockout at the workstation; password changes and an administrator's
changes apply here at once and reach the centre's other stations through central."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import update

from desktop.clock import now
from desktop.domain.roles import Role
from desktop.errors import NotFoundError, PermissionDenied, ValidationError
from desktop.services.auth import sign_in, unlock
from desktop.services.staff import StaffService
from desktop.services.sync import SyncService
from desktop.store.models import LoginAttempt
from tests.support.accounts import ADMIN, CLERK
from tests.support.checks import refused

NEW_PASSWORD = "Nueva-Clave-Segura-2026"


@pytest.fixture(autouse=True)
def cheap_password_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    from argon2 import PasswordHasher

    from desktop.security import passwords

    monkeypatch.setattr(passwords, "_hasher",
                        PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))


def test_five_failures_lock_the_name_for_fifteen_minutes(stations):
    runtime = stations.open(1)
    for _ in range(5):
        with refused(PermissionDenied, "Usuario o clave incorrectos"):
            sign_in(runtime, CLERK[0], "equivocada")
    with refused(PermissionDenied, "bloqueada por 5 intentos"):
        sign_in(runtime, *CLERK)  # even the right password
    for _ in range(5):  # a name that does not exist locks the same way: nothing revealed
        with refused(PermissionDenied, "Usuario o clave incorrectos"):
            sign_in(runtime, "nadie.aqui", "x")
    with refused(PermissionDenied, "bloqueada"):
        sign_in(runtime, "nadie.aqui", "x")
    with runtime.db.write() as session, session.begin():  # fifteen minutes later
        session.execute(update(LoginAttempt).values(locked_until=now() - timedelta(seconds=1)))
    assert sign_in(runtime, *CLERK).username == CLERK[0]


def test_unlocking_an_idle_window_needs_the_same_persons_password(stations):
    runtime = stations.open(1)
    clerk = sign_in(runtime, *CLERK)
    with refused(PermissionDenied, "incorrectos"):
        unlock(runtime, clerk, "otra")
    unlock(runtime, clerk, CLERK[1])


def test_a_password_change_reaches_the_other_stations(stations):
    first, second = stations.open(1), stations.open(2)
    service = StaffService(first, sign_in(first, *CLERK))
    with refused(ValidationError, "al menos 10"):
        service.change_password(CLERK[1], "corta")
    with refused(ValidationError, "nombre de usuario"):
        service.change_password(CLERK[1], f"x{CLERK[0]}x-2026")
    with refused(PermissionDenied, "incorrectos"):
        service.change_password("no-es-la-actual", NEW_PASSWORD)
    service.change_password(CLERK[1], NEW_PASSWORD)
    assert sign_in(first, CLERK[0], NEW_PASSWORD).username == CLERK[0]  # at once, offline
    assert SyncService(first).run().online and SyncService(second).run().online
    assert sign_in(second, CLERK[0], NEW_PASSWORD).username == CLERK[0]
    with refused(PermissionDenied, "incorrectos"):
        sign_in(second, *CLERK)


def test_an_administrator_manages_the_centres_staff(stations):
    first, second = stations.open(1), stations.open(2)
    guayaquil = stations.open(1, "GYE01")
    admin = StaffService(first, sign_in(first, *ADMIN))
    made = admin.create("rosa.tapia", "Rosa Elena Tapia Guamán", Role.CLERK, NEW_PASSWORD)
    assert (made.centre_code, made.active, made.role) == ("UIO01", True, Role.CLERK)
    assert "rosa.tapia" in [m.username for m in admin.members()]
    assert sign_in(first, "rosa.tapia", NEW_PASSWORD).role is Role.CLERK
    for runtime in (first, second, guayaquil):
        assert SyncService(runtime).run().online
    assert sign_in(second, "rosa.tapia", NEW_PASSWORD).centre_code == "UIO01"
    with refused(PermissionDenied, "incorrectos"):
        sign_in(guayaquil, "rosa.tapia", NEW_PASSWORD)  # another centre's hash never goes there

    admin.set_role("rosa.tapia", Role.SUPERVISOR)
    admin.set_active("rosa.tapia", False)
    for runtime in (first, second):
        assert SyncService(runtime).run().online
    with refused(PermissionDenied, "incorrectos"):
        sign_in(second, "rosa.tapia", NEW_PASSWORD)
    admin.set_active("rosa.tapia", True)
    admin.move_to_centre("rosa.tapia", "GYE01")
    for runtime in (first, second, guayaquil):
        assert SyncService(runtime).run().online
    assert sign_in(guayaquil, "rosa.tapia", NEW_PASSWORD).role is Role.SUPERVISOR
    for runtime in (first, second):
        with refused(PermissionDenied, "incorrectos"):
            sign_in(runtime, "rosa.tapia", NEW_PASSWORD)
    with refused(NotFoundError, "No existe el usuario"):
        admin.set_active("rosa.tapia", False)  # no longer this centre's


def test_administrators_cannot_lock_themselves_out_and_clerks_manage_nothing(stations):
    runtime = stations.open(1)
    admin = StaffService(runtime, sign_in(runtime, *ADMIN))
    with refused(ValidationError, "propia cuenta"):
        admin.set_active(ADMIN[0], False)
    with refused(ValidationError, "propio rol"):
        admin.set_role(ADMIN[0], Role.CLERK)
    with refused(ValidationError, "Ya existe"):
        admin.create(CLERK[0], "Alguien Repetido", Role.CLERK, NEW_PASSWORD)
    with refused(ValidationError, "Rol no válido"):
        admin.create("intruso.central", "Alguien Central", Role.BACK_OFFICE, NEW_PASSWORD)
    clerk = StaffService(runtime, sign_in(runtime, *CLERK))
    with refused(PermissionDenied, "no permite"):
        clerk.create("otra.persona", "Otra Persona", Role.CLERK, NEW_PASSWORD)
