"""A case from the counter to the citizen's hands, in the app, on a PostgreSQL central.

The clerk registers and sends it to review; the supervisor (another user, same window)
approves it; sync takes it to central, where the back office simulator analyses it and
issues the acuerdo; sync brings it back; the clerk finds the case by name, prints the
status slip and the acuerdo copy (saved as PDF through the preview dialog) and records
the delivery. The PDFs are read back for what DESIGN.md §6 lists, and no full cédula.

PostgreSQL comes from the `pg_url` fixture: in CI a skip fails the run, so this runs there.
"""

from __future__ import annotations

import io
import random
import shutil
import subprocess
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton
from shiboken6 import isValid
from sqlalchemy import select
from sqlalchemy.engine import make_url

from desktop.central.backoffice import issue_agreement, move
from desktop.central.demo import find_samples
from desktop.central.models import Agreement
from desktop.central.models import Case as CentralCase
from desktop.clock import format_date, now
from desktop.config import HOME_ENV, Settings
from desktop.db.engines import create_app_engine
from desktop.documents.agreement import format_long_date
from desktop.domain.cases import CaseState
from desktop.domain.checklist import DocumentType
from desktop.domain.identity import mask_cedula
from desktop.security.secrets import store_secret
from desktop.services.setup import init_central
from desktop.sync.connection import secret_name
from tests.services import LOGIN_PASSWORD, centre_logins, login_url
from tests.support.accounts import CLERK, SUPERVISOR
from tests.support.files import paths_in
from tests.support.windows import open_main_window, sign_in_window
from tests.ui.keyboard import focused, press, tab, type_text, wait_for_focus, wait_for_window
from ui.main_window import MainWindow

pytestmark = pytest.mark.usefixtures("keyring_env")  # a production station: keys
WAIT = 60_000
HOUR_MS = 3_600_000
Key, Mod = Qt.Key, Qt.KeyboardModifier


@pytest.fixture
def central(pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A demo central on PostgreSQL and one workstation configured on it (like `init`),
    signed in as its centre's login; returns the back office's login URL."""
    init_central(pg_url, demo=True, pensioners=300)
    with centre_logins(pg_url) as logins:
        station = login_url(pg_url, logins["UIO01"])
        store_secret(secret_name(make_url(station)), LOGIN_PASSWORD)
        home = tmp_path / "UIO01-01"
        Settings(paths=paths_in(home), centre="UIO01", counter=1, central_url=station,
                 central_password_in_keyring=True, demo=False).save()
        monkeypatch.setenv(HOME_ENV, str(home))
        yield login_url(pg_url, logins["central"])


def sign_in(qtbot, window: MainWindow, login: tuple[str, str]) -> None:
    sign_in_window(qtbot, window, *login)


def sign_out(qtbot, window: MainWindow) -> None:
    press(Key.Key_Q, Mod.ControlModifier | Mod.ShiftModifier)
    qtbot.waitUntil(lambda: window.actor is None, timeout=WAIT)


def sync_round(qtbot, window: MainWindow) -> None:
    """A round now (F5 when someone is signed in), then wait until nothing is pending."""
    assert window.sync is not None
    controller = window.sync
    qtbot.waitUntil(lambda: not controller.running, timeout=WAIT)
    with qtbot.waitSignal(controller.state_changed, timeout=WAIT,
                          check_params_cb=lambda state: state.running):
        if window.actor is not None:
            press(Key.Key_F5)
        else:
            controller.sync_now()  # the sign-in page has no sync button; sync goes on
    qtbot.waitUntil(lambda: not controller.running and controller.state.pending == 0,
                    timeout=WAIT)
    assert controller.state.online is True


def save_pdf(qtbot, prefix: str, target: Path) -> str:
    """In the open preview dialog: Ctrl+S, type the path, Enter; then close with Escape.
    Returns the saved PDF's text."""
    dialog = wait_for_window(qtbot, f"{prefix}.dialog")
    qtbot.waitUntil(dialog.findChild(QPushButton, f"{prefix}.save").isEnabled, timeout=WAIT)
    press(Key.Key_S, Mod.ControlModifier)
    wait_for_window(qtbot, f"{prefix}.saveDialog")
    press(Key.Key_A, Mod.ControlModifier)
    type_text(str(target))
    press(Key.Key_Return)
    qtbot.waitUntil(target.exists, timeout=WAIT)
    message = dialog.findChild(QLabel, f"{prefix}.message")
    qtbot.waitUntil(lambda: "PDF guardado" in message.text(), timeout=WAIT)  # an export
    wait_for_window(qtbot, f"{prefix}.dialog")
    press(Key.Key_Escape)
    qtbot.waitUntil(lambda: not isValid(dialog) or not dialog.isVisible(), timeout=WAIT)
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(
        target.read_bytes())).pages)
    return " ".join(text.split())  # table cells wrap lines


def qr_of(pdf: Path, folder: Path) -> str | None:
    """The QR's text, when poppler and zbar are installed (CI installs both)."""
    if not (shutil.which("pdftoppm") and shutil.which("zbarimg")):
        return None
    subprocess.run(["pdftoppm", "-r", "200", "-png", str(pdf), str(folder / "page")],
                   check=True, timeout=60)
    found = subprocess.run(["zbarimg", "--nodbus", "-q", "--raw",
                            *map(str, sorted(folder.glob("page*.png")))],
                           capture_output=True, text=True, timeout=60, check=False)
    return found.stdout.strip()


def plain(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def test_register_review_decide_find_print_deliver(qtbot, central, signed_form, tmp_path):
    engine = create_app_engine(central)
    cedula = find_samples(engine).eligible
    window = open_main_window(qtbot)  # the station is ready (first pull)
    window.resize(1280, 900)

    # --- the clerk registers the case: it goes to review in the same act -----------------
    sign_in(qtbot, window, CLERK)
    assert window.sync is not None
    window.sync.set_interval(HOUR_MS)  # from here on only F5 syncs
    assert window.nav("nav.review") is None  # a clerk has no review queue
    press(Key.Key_Backtab)  # back past «Documento» to the privacy notice
    press(Key.Key_Backtab)
    press(Key.Key_Space)  # read to the applicant
    tab(2)
    type_text(cedula)
    intake = window.intake
    qtbot.waitUntil(lambda: intake.lookup is not None, timeout=WAIT)
    name = intake.lookup.pensioner.full_name
    tab(2)  # past «Lo presenta un representante»
    type_text("rosa.peñafiel@correo.ec")
    tab()
    type_text("0991234567")
    tab(3)
    press(Key.Key_Space)  # cédula original verificada
    intake.scan.attach_path(signed_form, DocumentType.SIGNED_REQUEST)
    wait_for_focus(qtbot, "intake.register", WAIT)
    press(Key.Key_Return, Mod.ControlModifier)
    qtbot.waitUntil(lambda: intake.registered is not None, timeout=WAIT)
    number = intake.registered.case_number
    wait_for_window(qtbot, "receipt.dialog")  # the receipt opens by itself
    press(Key.Key_Escape)
    wait_for_focus(qtbot, "intake.printReceipt")

    press(Key.Key_F2)  # «Consulta de estado»; its «Mis trámites» tab lists the new case
    status = window.status_page
    wait_for_focus(qtbot, "status.query")
    qtbot.waitUntil(lambda: status.mine.row_of(number) >= 0, timeout=WAIT)
    press(Key.Key_M, Mod.AltModifier)
    assert status.lists.currentIndex() == 1
    tab(3)  # query → Buscar → tabs → Mis trámites
    assert focused() is status.mine_table
    press(Key.Key_Return)
    qtbot.waitUntil(lambda: status.opened is not None, timeout=WAIT)
    qtbot.waitUntil(lambda: "En revisión" in status.detail.state.text(), timeout=WAIT)
    sign_out(qtbot, window)

    # --- the supervisor, another user, approves it ---------------------------------------
    sign_in(qtbot, window, SUPERVISOR)  # the supervisor starts on the review queue
    review = window.review_page
    qtbot.waitUntil(lambda: review.model.row_of(number) >= 0, timeout=WAIT)
    assert not review.model.rows[review.model.row_of(number)].own
    press(Key.Key_Down)
    qtbot.waitUntil(lambda: review.opened is not None
                    and review.opened.summary.case_number == number, timeout=WAIT)
    assert review.approve.isEnabled()
    press(Key.Key_P, Mod.AltModifier)  # «Aprobar»: asked first, «no» the default
    box = wait_for_window(qtbot, "review.confirmApprove")
    press(Key.Key_P, Mod.AltModifier)  # a second Alt+P acts on nothing
    assert box.isVisible() and review.model.row_of(number) >= 0
    box.findChild(QPushButton, "review.confirmApprove.yes").click()
    qtbot.waitUntil(lambda: review.model.row_of(number) < 0, timeout=WAIT)
    wait_for_focus(qtbot, "review.queue")
    sync_round(qtbot, window)  # the approval reaches central
    sign_out(qtbot, window)

    # --- the Dirección de Pensiones decides, and sync brings it back ----------------------
    with engine.begin() as connection:
        assert connection.scalar(select(CentralCase.state).where(
            CentralCase.case_number == number)) == CaseState.DERIVADO.value
        move(connection, number, CaseState.EN_ANALISIS)
        agreement_number = issue_agreement(connection, number, random.Random(11), True)
        move(connection, number, CaseState.ACUERDO_EMITIDO)
    sync_round(qtbot, window)

    # --- the clerk finds it by name, prints the slip and the acuerdo, delivers -----------
    sign_in(qtbot, window, CLERK)
    press(Key.Key_F2)
    status = window.status_page  # each sign-in builds its own workspace
    wait_for_focus(qtbot, "status.query")
    surname, given = name.split()[0], name.split()[-1]
    type_text(f"{plain(surname).lower()} {given[:3]}")  # no accents, part of a name
    press(Key.Key_Return)
    qtbot.waitUntil(lambda: status.opened is not None
                    and status.opened.summary.case_number == number, timeout=WAIT)
    assert "Acuerdo emitido" in status.detail.state.text()
    assert "según información sincronizada el" in status.freshness.text()

    press(Key.Key_P, Mod.ControlModifier)  # the status slip
    slip_file = tmp_path / "hoja.pdf"
    slip = save_pdf(qtbot, "slip", slip_file)
    clerk_name = window.actor.full_name
    with engine.connect() as connection:
        issued = connection.execute(select(Agreement).where(
            Agreement.case_number == number)).one()
    # the figures come from the history: without late-paid months the analysis refuses it
    result = "Concesión" if issued.kind == "CONCESION" else "Negación"
    for expected in (number, "Hoja de estado", format_date(status.opened.summary.registered_at),
                     name, mask_cedula(cedula), "Acuerdo emitido", "Ingresado", "En revisión",
                     "Derivado a la Dirección de Pensiones", "En análisis", agreement_number,
                     result, "información del sistema del IESS actualizada al", clerk_name,
                     format_date(now())):
        assert expected.lower() in slip.lower(), expected
    assert cedula not in slip and "desactualizada" not in slip.lower()

    wait_for_focus(qtbot, "status.query")
    press(Key.Key_A, Mod.AltModifier)  # the acuerdo copy
    acuerdo_file = tmp_path / "acuerdo.pdf"
    acuerdo = save_pdf(qtbot, "agreement", acuerdo_file)
    decision = "Conceder" if issued.kind == "CONCESION" else "Negar"
    for expected in (f"ACUERDO Nro. {agreement_number}", format_long_date(issued.issued_on),
                     issued.signer_name.upper(), "CONSIDERANDO", "Que, el artículo",
                     "En ejercicio de las atribuciones", "ACUERDA", number, name,
                     mask_cedula(cedula), decision, "recurso de apelación",
                     f"Código: {issued.signature_code}"):
        assert expected.lower() in acuerdo.lower(), expected
    assert cedula not in acuerdo and "RESUELVE" not in acuerdo
    qr = qr_of(acuerdo_file, tmp_path)
    assert qr is None or qr == f"IESS-ACUERDO|{agreement_number}|{issued.signature_code}"

    wait_for_focus(qtbot, "status.query")
    press(Key.Key_G, Mod.AltModifier)  # «Registrar entrega»
    wait_for_window(qtbot, "delivery.dialog")
    assert focused().objectName() == "delivery.titular"
    press(Key.Key_Return)  # the titular takes it: Enter records the delivery
    qtbot.waitUntil(lambda: "Entregado / notificado" in status.detail.state.text(),
                    timeout=WAIT)
    assert name in status.detail.agreement.text()

    wait_for_focus(qtbot, "status.query")
    press(Key.Key_Return)  # the same search again: the list shows the new state too
    qtbot.waitUntil(lambda: status.results.rowCount() == 1 and status.results.index(
        0, status.results.STATE).data() == "Entregado / notificado", timeout=WAIT)
    sync_round(qtbot, window)
    with engine.connect() as connection:
        assert connection.scalar(select(CentralCase.state).where(
            CentralCase.case_number == number)) == CaseState.NOTIFICADO.value
    engine.dispose()
    window.close()
