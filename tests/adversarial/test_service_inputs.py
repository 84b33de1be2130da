"""What a person types, straight into the services (the pages add nothing the services do not
check): each row is one input and what must come back. A refusal is a VentanillaError whose
Spanish message contains the fragment; a row with no fragment must simply work."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from desktop.domain.checklist import DocumentType
from desktop.domain.roles import Role
from desktop.errors import VentanillaError
from desktop.services.applicants import Representative
from desktop.services.auth import sign_in
from desktop.services.intake import IntakeForm, IntakeService
from desktop.services.staff import StaffService
from desktop.services.status import StatusService
from desktop.services.workflow import REPRESENTATIVE, Recipient, WorkflowService
from tests.adversarial.helpers import within
from tests.support.accounts import ADMIN, CLERK, SUPERVISOR

LONE = "\ud800"  # a lone surrogate: what a broken paste or a hostile client can send
LONG_NAME = "Representante Con Un Nombre Larguísimo " * 8  # 312 characters


class Desk:
    """A demo station with one registered case, and the people who act on it."""

    def __init__(self, runtime: Any, samples: dict[str, str], folder: Any):
        self.runtime = runtime
        self.clerk = sign_in(runtime, *CLERK)
        self.supervisor = sign_in(runtime, *SUPERVISOR)
        self.admin = sign_in(runtime, *ADMIN)
        path = folder / "solicitud.pdf"
        from tests.support.files import make_pdf

        path.write_bytes(make_pdf(1))
        intake = IntakeService(runtime, self.clerk)
        document = intake.attach_file(path, DocumentType.SIGNED_REQUEST)
        self.document = document
        self.case = intake.register(IntakeForm(samples["eligible"], "ana@correo.ec",
                                               "0991234567", True, (document,))).case_number

    def form(self, **changes: Any) -> IntakeForm:
        values = {"cedula": "1710034065", "email": "ana@correo.ec", "phone": "0991234567",
                  "cedula_verified": True, "documents": (self.document,)}
        return IntakeForm(**{**values, **changes})


Action = Callable[[Desk], Any]


def search(text: str) -> Action:
    return lambda desk: StatusService(desk.runtime, desk.clerk).search(text)


def lookup(text: str) -> Action:
    return lambda desk: IntakeService(desk.runtime, desk.clerk).lookup(text)


def register(**changes: Any) -> Action:
    return lambda desk: IntakeService(desk.runtime, desk.clerk).register(desk.form(**changes))


def deliver(name: str, cedula: str = "1710034065") -> Action:
    return lambda desk: WorkflowService(desk.runtime, desk.clerk).deliver(
        desk.case, Recipient(REPRESENTATIVE, name, cedula))


def annul(reason: str) -> Action:
    return lambda desk: WorkflowService(desk.runtime, desk.supervisor).annul(desk.case, reason)


def create_staff(username: str = "nueva.persona", full_name: str = "Nueva Persona Apellido",
                 password: str = "Clave-Larga-De-Prueba") -> Action:
    return lambda desk: StaffService(desk.runtime, desk.admin).create(
        username, full_name, Role.CLERK, password)


def signing_in(username: str, password: str = "x") -> Action:
    return lambda desk: sign_in(desk.runtime, username, password)


CASES = [
    # status search
    pytest.param(search("ana " * 999), "hasta", id="search-999-words"),
    pytest.param(search("a " * 12), "palabras", id="search-12-words"),
    pytest.param(search(f"Ana {LONE} Paz"), "admite", id="search-lone-surrogate"),
    pytest.param(search("x" * 10_000), "admite", id="search-10k-characters"),
    pytest.param(search("ana\x00paz"), "admite", id="search-nul"),
    pytest.param(search("'; DROP TABLE cases; --"), None, id="search-sql-text"),
    pytest.param(search("%_%"), None, id="search-like-wildcards"),
    pytest.param(search("   "), "Escriba", id="search-blank"),
    pytest.param(search("REL-UIO01-01-2026-000001-Ñ"), "número de trámite",
                 id="search-bad-case-number"),
    # cédula lookup
    pytest.param(lookup(f"17100{LONE}4065"), "cédula", id="lookup-lone-surrogate"),
    pytest.param(lookup("1710034065\x00"), "cédula", id="lookup-nul"),
    pytest.param(lookup("9" * 500), "cédula", id="lookup-500-digits"),
    pytest.param(lookup("١٧١٠٠٣٤٠٦٥"), "cédula", id="lookup-arabic-digits"),
    # registration fields
    pytest.param(register(email="a" * 300 + "@correo.ec"), "correo", id="register-long-email"),
    pytest.param(register(email=f"ana{LONE}@correo.ec"), "correo",
                 id="register-surrogate-email"),
    pytest.param(register(phone="09912345678901234567890"), "teléfono",
                 id="register-long-phone"),
    pytest.param(register(periods="2024-13"), "mes", id="register-month-13"),
    pytest.param(register(employer_ruc=f"17{LONE}"), "RUC", id="register-surrogate-ruc"),
    # issue 11: phone optional but checked, passports, representatives, the notice
    pytest.param(register(phone="+14155552671"), "otro país", id="register-foreign-phone"),
    pytest.param(register(phone="099-CALL-NOW"), "dígitos", id="register-phone-letters"),
    pytest.param(register(phone="0222"), "no es un número válido", id="register-short-phone"),
    pytest.param(register(passport_country="CO", passport_number="AB12"), "de 5 a 20",
                 id="passport-too-short"),
    pytest.param(register(passport_country="CO", passport_number="A1" * 2500), "de 5 a 20",
                 id="passport-5000-characters"),
    pytest.param(register(passport_country="CO", passport_number=f"AB{LONE}12345"),
                 "letras y dígitos", id="passport-surrogate"),
    pytest.param(register(passport_country="CO", passport_number="ABCDEFG"), "un dígito",
                 id="passport-no-digits"),
    pytest.param(register(passport_country="XX", passport_number="AB123456"),
                 "país del pasaporte no es válido", id="passport-unknown-country"),
    pytest.param(register(passport_country="'; DROP TABLE cases; --",
                          passport_number="AB123456"), "país del pasaporte",
                 id="passport-sql-country"),
    pytest.param(register(passport_country="EC", passport_number="AB123456"), "cédula",
                 id="passport-of-an-ecuadorian"),
    pytest.param(register(passport_country="", passport_number="AB123456"), "Elija el país",
                 id="passport-without-country"),
    pytest.param(register(cedula="", passport_country="CO", passport_number="AB123456"),
                 "nombres y apellidos completos", id="passport-without-a-name"),
    pytest.param(register(cedula="", passport_country="CO", passport_number="AB123456",
                          applicant_name="Ana 2 Paz"), "dígitos", id="name-with-digits"),
    pytest.param(register(representative=Representative("", "")),
                 "nombres y apellidos completos", id="representative-without-anything"),
    pytest.param(register(representative=Representative("Tapia Ruiz Ana", "")),
                 "cédula del representante", id="representative-without-identity"),
    pytest.param(register(representative=Representative("Tapia Ruiz Ana", "", "CO", "")),
                 "número del pasaporte", id="representative-passport-without-number"),
    pytest.param(register(representative=Representative(f"Ana {LONE} Paz", "1714307103")),
                 "no se pueden guardar", id="representative-surrogate-name"),
    pytest.param(register(representative=Representative("Nombre " * 40, "1714307103")),
                 "admite hasta 170", id="representative-280-char-name"),
    pytest.param(register(representative=Representative("Tapia Ruiz Ana", "1710034065")),
                 "misma cédula", id="representative-is-the-applicant"),
    pytest.param(register(privacy_notice="LOPDP-1999"), "aviso de privacidad",
                 id="unknown-privacy-notice"),
    # delivery and reasons: what central's columns hold
    pytest.param(deliver(LONG_NAME), "admite hasta 170", id="deliver-312-char-name"),
    pytest.param(deliver(f"Ana {LONE} Paz Mora"), "no se pueden guardar",
                 id="deliver-surrogate-name"),
    pytest.param(annul("motivo " * 400), "admite hasta 2000", id="annul-2800-char-reason"),
    pytest.param(annul(f"Error de {LONE} registro"), "no se pueden guardar",
                 id="annul-surrogate-reason"),
    # staff
    pytest.param(create_staff(full_name="Nombre " * 30), "admite hasta 120",
                 id="staff-210-char-name"),
    pytest.param(create_staff(username=f"ana{LONE}"), "usuario", id="staff-surrogate-user"),
    pytest.param(create_staff(password=f"Clave{LONE}Larga-2026"), "clave",
                 id="staff-surrogate-password"),
    pytest.param(create_staff(full_name=f"Ana {LONE} Paz Mora"), "no se pueden guardar",
                 id="staff-surrogate-name"),
    # signing in with whatever is typed
    pytest.param(signing_in("x" * 10_000), "incorrectos", id="sign-in-10k-user"),
    pytest.param(signing_in(f"ana{LONE}"), "incorrectos", id="sign-in-surrogate-user"),
    pytest.param(signing_in(CLERK[0], f"clave{LONE}"), "incorrectos",
                 id="sign-in-surrogate-password"),
    pytest.param(signing_in("oficinista.uio\x00"), "incorrectos", id="sign-in-nul-user"),
]


@pytest.fixture(autouse=True)
def cheap_password_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    from argon2 import PasswordHasher

    from desktop.security import passwords

    monkeypatch.setattr(passwords, "_hasher",
                        PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))


@pytest.fixture
def desk(runtime, samples, tmp_path) -> Desk:
    return Desk(runtime, samples, tmp_path)


@pytest.mark.parametrize(("action", "fragment"), CASES)
def test_an_input_is_refused_in_spanish_or_handled(desk, action, fragment):
    if fragment is None:
        within(30, lambda: action(desk))
        return
    with pytest.raises(VentanillaError) as raised:
        within(30, lambda: action(desk))
    assert fragment.lower() in raised.value.user_message.lower(), raised.value.user_message
