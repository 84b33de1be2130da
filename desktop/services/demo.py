"""The embedded demo: a central SQLite file with demo data, and this workstation on it."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from desktop.central.demo import DEMO_LOGINS, DemoLogin, DemoSamples, find_samples, is_populated
from desktop.central.demo import populate as populate_demo
from desktop.central.signer import install_demo_signer
from desktop.config import Paths, Settings, load_settings
from desktop.db.engines import SessionFactories, writer
from desktop.domain.cases import OPEN_STATES
from desktop.errors import ValidationError
from desktop.i18n import _
from desktop.progress import CancelToken, Progress, no_progress
from desktop.services.cache import first_pull, open_cache, startup_lock
from desktop.store.models import Case
from desktop.sync.connection import open_central

# DemoLogin: what demo_logins returns, for the GUI (which does not import desktop.central)
__all__ = ["DEMO_CENTRE", "DEMO_COUNTER", "DEMO_LOGINS", "DemoLogin", "DemoSetup",
           "demo_logins", "setup_demo"]

DEMO_CENTRE = "UIO01"
DEMO_COUNTER = 1


@dataclass(frozen=True)
class DemoSetup:
    settings: Settings
    logins: tuple[DemoLogin, ...]
    samples: DemoSamples


def setup_demo(
    paths: Paths,
    *,
    pensioners: int = 5000,
    seed: int = 2026,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> DemoSetup:
    """Create (once) the demo central database and point this workstation at it.

    Idempotent: an existing demo database is reused and pulled again; an existing settings
    file keeps its centre and counter. Settings are written last, so a cancelled first start
    simply runs again next time.
    """
    with startup_lock(paths):
        return _setup_demo(paths, pensioners, seed, progress, cancel)


def _setup_demo(paths: Paths, pensioners: int, seed: int, progress: Progress,
                cancel: CancelToken | None) -> DemoSetup:
    settings = load_settings(paths)
    if not settings.is_configured:
        settings = Settings(paths=paths, centre=DEMO_CENTRE, counter=DEMO_COUNTER, demo=True)
    if settings.central_url:
        raise ValidationError(
            _(
                "Esta estación está conectada a una base central; los datos de demostración solo "
                "se crean en la base embebida."
            ),
            "demo refused: a central database is configured",
        )
    central = open_central(settings)
    try:
        if not is_populated(central):
            populate_demo(
                central, pensioners=pensioners, seed=seed, progress=progress, cancel=cancel
            )
        with writer(central).begin() as connection:  # a demo made before signed acuerdos
            install_demo_signer(connection)
        cache = open_cache(settings)
        try:
            first_pull(settings, cache, progress, cancel)
            samples = find_samples(central, busy=_open_here(cache))
        finally:
            cache.dispose()
    finally:
        central.dispose()
    settings.save()
    return DemoSetup(settings, DEMO_LOGINS, samples)


def demo_logins(settings: Settings) -> tuple[DemoLogin, ...]:
    """The public demo accounts that can sign in at this station (none in production)."""
    if not settings.demo:
        return ()
    return tuple(login for login in DEMO_LOGINS if login.centre_code == settings.centre)


def _open_here(cache: SessionFactories) -> set[str]:
    """Cédulas with an open case in this station's cache, sent to central or not."""
    with cache.read() as session:
        return set(session.scalars(select(Case.cedula).where(
            Case.state.in_([state.value for state in OPEN_STATES]))))
