"""The Dirección de Pensiones simulated at a central database (`ventanilla central
simulate`): writers that move cases and issue acuerdos like the back office, signed by the
production signer when this machine has one, by the demo central's own otherwise."""

from __future__ import annotations

from desktop.central.backoffice import SimulationReport, simulate
from desktop.central.signer import signer_of
from desktop.config import Paths, load_settings
from desktop.db.engines import create_app_engine
from desktop.signing.keystore import load_signer
from desktop.sync.connection import open_central

__all__ = ["SimulationReport", "simulate_back_office"]


def simulate_back_office(paths: Paths, url: str | None, workers: int, seconds: float, *,
                         seed: int = 1, email: bool = False) -> SimulationReport:
    """At `url`, or at the central of this station's settings when None."""
    identity = load_signer(paths)
    engine = create_app_engine(url) if url else open_central(load_settings(paths))
    try:
        return simulate(engine, workers, seconds, seed=seed, email=email,
                        signer=signer_of(identity) if identity else None)
    finally:
        engine.dispose()
