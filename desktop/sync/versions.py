"""Which Ventanilla version each station runs: the first pull and every sync round report
this station's to central (`station_versions`; written only when it changed, so hundreds of
stations do not write a row every round), and the administrators' «Sincronización» page
reads back which stations of their centre run an older one than the newest any reports."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from packaging.version import InvalidVersion, Version
from sqlalchemy import Engine, insert, select, update

from desktop.central.models import StationVersion
from desktop.clock import now
from desktop.db.engines import writer
from desktop.version import __version__


@dataclass(frozen=True)
class Station:
    workstation: str
    version: str
    reported_at: datetime
    outdated: bool


@dataclass(frozen=True)
class StationVersions:
    newest: str  # the newest version any station of the country (or this one) runs
    stations: tuple[Station, ...]  # this centre's, outdated first

    @property
    def outdated(self) -> tuple[Station, ...]:
        return tuple(station for station in self.stations if station.outdated)


def report_version(central: Engine, workstation: str, centre: str,
                   version: str = __version__) -> None:
    """This station's row, written when its version changed (`reported_at`: since when)."""
    with central.connect() as connection:
        known = connection.scalar(select(StationVersion.version).where(
            StationVersion.workstation == workstation))
    if known == version:
        return
    with writer(central).begin() as connection:
        values = {"version": version, "reported_at": now()}
        if known is None:
            connection.execute(insert(StationVersion).values(
                workstation=workstation, centre_code=centre, **values))
        else:
            connection.execute(update(StationVersion).where(
                StationVersion.workstation == workstation).values(**values))


def station_versions(central: Engine, centre: str,
                     own_version: str = __version__) -> StationVersions:
    with central.connect() as connection:
        everywhere = list(connection.scalars(select(StationVersion.version).distinct()))
        rows = connection.execute(select(
            StationVersion.workstation, StationVersion.version, StationVersion.reported_at,
        ).where(StationVersion.centre_code == centre)).all()
    newest = max([own_version, *everywhere], key=_order)
    stations = [Station(name, version, at, _order(version) < _order(newest))
                for name, version, at in rows]
    stations.sort(key=lambda s: (not s.outdated, s.workstation))
    return StationVersions(newest, tuple(stations))


def _order(version: str) -> Version:
    """Unreadable version texts sort below every real one (so they show as outdated)."""
    try:
        return Version(version)
    except InvalidVersion:
        return Version("0.dev0")
