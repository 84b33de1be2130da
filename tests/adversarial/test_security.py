"""Security: what whoever holds a station's keyring can do with its centre's database login,
and what leaks to terminals and disks. Each SQL row runs as the UIO01 login made by `central
add-login` and must be refused by the database or return nothing of another centre."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from sqlalchemy import update
from sqlalchemy.engine import make_url

from desktop.central import models as central
from desktop.domain.checklist import DocumentType
from desktop.security import passwords
from desktop.services.auth import sign_in
from desktop.services.intake import IntakeForm, IntakeService
from desktop.services.sync import SyncService
from tests.adversarial.helpers import assert_spanish, ventanilla
from tests.services import LOGIN_PASSWORD, fresh_database
from tests.support.accounts import CLERK, CLERK_GYE
from tests.support.files import make_pdf
from tests.support.stations import built_stations, free_cedulas

REFUSED, NOTHING = "refused", "nothing"
STAFF_CALL = ("SELECT ventanilla_apply_staff_change('{acting}', '{user}', 'Nombre Cualquiera', "
              "'{role}', '{centre}', true, 'x')")

CONTACT_CALL = ("SELECT ventanilla_correct_contact((SELECT min(case_number) FROM cases WHERE "
                "centre_code = '{centre}'), 'x@correo.ec', '0991234567', NULL, '')")

SQL = [
    pytest.param("SELECT email, phone FROM cases WHERE centre_code <> 'UIO01'", REFUSED,
                 id="other-centres-contacts"),
    pytest.param("SELECT email FROM cases", REFUSED, id="all-emails"),
    pytest.param("SELECT * FROM cases", REFUSED, id="select-star-cases"),
    pytest.param("SELECT phone FROM cases WHERE case_number = (SELECT min(case_number) FROM "
                 "cases WHERE centre_code = 'GYE01')", REFUSED, id="one-gye-phone"),
    pytest.param("SELECT email FROM case_contacts WHERE centre_code = 'GYE01'", NOTHING,
                 id="contacts-view-other-centre"),
    pytest.param("SELECT h.months FROM contribution_histories h JOIN cases c "
                 "ON c.cedula = h.cedula WHERE c.centre_code = 'GYE01'", NOTHING,
                 id="histories-of-gye-applicants"),
    pytest.param("SELECT months FROM contribution_histories h WHERE NOT EXISTS (SELECT 1 FROM "
                 "cases c WHERE c.cedula = h.cedula AND c.centre_code = 'UIO01')", NOTHING,
                 id="histories-of-non-applicants"),
    pytest.param("SELECT recipient_name FROM deliveries", NOTHING, id="deliveries"),
    pytest.param("SELECT password_hash FROM staff WHERE centre_code = 'GYE01'", NOTHING,
                 id="gye-password-hashes"),
    pytest.param("UPDATE staff SET role = 'supervisor' WHERE username = 'oficinista.uio'",
                 REFUSED, id="promote-a-clerk"),
    pytest.param("UPDATE staff SET active = true", REFUSED, id="activate-everyone"),
    pytest.param("UPDATE staff SET password_hash = 'x' WHERE username = 'admin.uio'", REFUSED,
                 id="replace-admin-hash"),
    pytest.param("UPDATE staff SET centre_code = 'UIO01' WHERE username = 'oficinista.gye'",
                 REFUSED, id="take-gye-clerk"),
    pytest.param("INSERT INTO staff (username, full_name, role, centre_code, password_hash, "
                 "active) VALUES ('intruso', 'Intruso', 'administrador', 'UIO01', 'x', true)",
                 REFUSED, id="insert-an-administrator"),
    pytest.param(STAFF_CALL.format(acting="oficinista.uio", user="oficinista.uio",
                                   role="supervisor", centre="UIO01"), REFUSED,
                 id="function-clerk-promotes-self"),
    pytest.param(STAFF_CALL.format(acting="admin.gye", user="oficinista.uio",
                                   role="supervisor", centre="UIO01"), REFUSED,
                 id="function-other-centres-admin"),
    pytest.param(STAFF_CALL.format(acting="nadie", user="intruso", role="administrador",
                                   centre="UIO01"), REFUSED, id="function-unknown-actor"),
    pytest.param("UPDATE cases SET email = 'x'", REFUSED, id="rewrite-emails"),
    pytest.param(CONTACT_CALL.format(centre="GYE01"), REFUSED,
                 id="function-corrects-a-gye-case"),
    # the UIO01 case is in review (registering sends it there): not waiting at the counter
    pytest.param(CONTACT_CALL.format(centre="UIO01"), REFUSED,
                 id="function-corrects-a-case-in-review"),
    pytest.param("UPDATE cases SET state = 'DERIVADO' WHERE centre_code = 'GYE01'", NOTHING,
                 id="move-gye-cases"),
    pytest.param("DELETE FROM cases", REFUSED, id="delete-cases"),
    pytest.param("TRUNCATE audit_anchors", REFUSED, id="truncate-anchors"),
    pytest.param("INSERT INTO audit_anchors VALUES ('GYE01-01', 9, repeat('0', 64), now(), '')",
                 REFUSED, id="anchor-for-another-centre"),
    pytest.param("ALTER TABLE cases DISABLE ROW LEVEL SECURITY", REFUSED, id="disable-rls"),
    pytest.param("SET ROLE ventanilla_centre_gye01", REFUSED, id="become-gye"),
]


@pytest.fixture(scope="module")
def both_centres(postgres, keyring_env, tmp_path_factory) -> Iterator[Any]:
    """One PostgreSQL central for every SQL row: cases with contact data at UIO01 and
    GYE01, synced by stations of each centre (each row only reads or is refused)."""
    from argon2 import PasswordHasher

    original = passwords._hasher
    passwords._hasher = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    folder = tmp_path_factory.mktemp("both-centres")
    try:
        with fresh_database() as url, built_stations(url, folder / "stations") as stations:
            for centre, who in (("UIO01", CLERK), ("GYE01", CLERK_GYE)):
                runtime = stations.open(1, centre)
                intake = IntakeService(runtime, sign_in(runtime, *who))
                path = folder / f"{centre}.pdf"
                path.write_bytes(make_pdf(1))
                document = intake.attach_file(path, DocumentType.SIGNED_REQUEST)
                [cedula] = free_cedulas(runtime, 1)
                intake.register(IntakeForm(cedula, f"{centre.lower()}@correo.ec",
                                           "0991234567", True, (document,)))
                assert SyncService(runtime).run().online
            yield stations
    finally:
        passwords._hasher = original


@pytest.mark.parametrize(("statement", "expected"), SQL)
def test_a_centre_login_by_hand(statement, expected, both_centres):
    url = make_url(both_centres.url)
    with psycopg.connect(host=url.host, port=url.port, dbname=url.database,
                         user=both_centres.logins["UIO01"], password=LOGIN_PASSWORD,
                         autocommit=True) as login:
        if expected == REFUSED:
            with pytest.raises(psycopg.Error):
                login.execute(statement)
            return
        cursor = login.execute(statement)
        rows = cursor.fetchall() if cursor.description else []
        assert rows == [] and cursor.rowcount in (0, -1), rows


# --- what reaches terminals and disks --------------------------------------------------------


def test_verify_names_columns_not_values(stations):
    runtime = stations.open(1)
    cedula = free_cedulas(runtime, 1)[0]
    runtime.close()
    with stations.maintenance() as owner:
        owner.execute(update(central.Staff).where(central.Staff.username == CLERK[0])
                      .values(password_hash="$argon2id$v=19$m=8,t=1,p=1$otroHashDistinto"))
        owner.execute(update(central.Person).where(central.Person.cedula == cedula)
                      .values(surnames="Apellido Cambiado"))
    result = ventanilla(stations.home(1), "verify")
    assert_spanish(result, "difiere en: clave", 1)
    assert "$argon2" not in result.stdout + result.stderr
    assert cedula not in result.stdout and "Apellido Cambiado" not in result.stdout
    assert f"{cedula[:2]}******{cedula[-2:]}" in result.stdout


def test_print_out_refuses_a_symlink_and_writes_the_users_mode(home, tmp_path):
    root = home.config_dir.parent
    made = ventanilla(root, "demo", "--cases", "1")
    assert made.returncode == 0, made.stderr
    number = made.stdout.split("REL-")[1].split()[0] if "REL-" in made.stdout else None
    from desktop.config import load_settings
    from desktop.services.runtime import open_runtime
    from desktop.store import models as cache

    runtime = open_runtime(load_settings(home))
    with runtime.db.read() as session:
        from sqlalchemy import select

        number = session.scalar(select(cache.Case.case_number))
    runtime.close()
    victim = tmp_path / "otro-archivo.txt"
    victim.write_text("no tocar")
    link = tmp_path / "comprobante.pdf"
    link.symlink_to(victim)
    refused = ventanilla(root, "print", "receipt", number, "--out", str(link))
    assert_spanish(refused, "enlace simbólico", 1)
    assert victim.read_text() == "no tocar" and link.is_symlink()
    out = tmp_path / "copia.pdf"
    printed = ventanilla(root, "print", "receipt", number, "--out", str(out))
    assert printed.returncode == 0, printed.stderr
    umask = os.umask(0o022)
    os.umask(umask)
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~umask


def test_what_a_station_writes_is_private(tmp_path):
    """A first start from nothing: every file 0600, every folder 0700 (POSIX)."""
    root = tmp_path / "home"
    result = ventanilla(root, "demo", "--pensioners", "10", "--cases", "1")
    assert result.returncode == 0, result.stderr
    loose = [f"{path.relative_to(root)} {oct(stat.S_IMODE(path.stat().st_mode))}"
             for path in root.rglob("*")
             if stat.S_IMODE(path.stat().st_mode) & 0o077]
    assert loose == []


def test_an_unknown_name_costs_a_password_check_like_a_known_one(runtime, monkeypatch):
    """The time a refusal takes must not tell which names exist: both spend one hash check
    (timed in tests/benchmarks, counted here)."""
    from desktop.errors import PermissionDenied

    checks: list[str] = []
    real = passwords.verify_password

    def counting(stored: str, password: str) -> bool:
        checks.append(stored[:9])
        return real(stored, password)

    monkeypatch.setattr(passwords, "verify_password", counting)
    from desktop.security import auth

    monkeypatch.setattr(auth, "verify_password", counting, raising=False)
    for name in ("nadie.existe", CLERK[0]):
        with pytest.raises(PermissionDenied):
            sign_in(runtime, name, "clave-equivocada")
    assert len(checks) == 2 and all(check.startswith("$argon2") for check in checks)


def test_no_file_is_named_after_a_person(home, samples, tmp_path):
    root = home.config_dir.parent
    assert ventanilla(root, "demo", "--cases", "2").returncode == 0
    names = [path.name for path in Path(root).rglob("*")]
    assert not any(samples["eligible"] in name for name in names)
