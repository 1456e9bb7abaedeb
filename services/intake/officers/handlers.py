"""The office 预防腐败室 appoints, re-appoints and relieves information officers (Art. 22)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from services.intake.officers.model import InformationOfficer
from shared.application import actor_of
from shared.auth import Role
from shared.errors import Conflict, Forbidden, Invalid
from shared.grants import not_held

if TYPE_CHECKING:
    from datetime import datetime

    from services.intake.app import IntakeApplication
    from shared.auth import Principal


def appoint_officer(
    app: IntakeApplication,
    user_id: str,
    name: str,
    kind: str,
    units: list[str],
    active_from: datetime,
    active_until: datetime | None,
    by: Principal,
) -> InformationOfficer:
    """Appoint an internal or externally hired 外聘 officer for some units (Art. 22)."""
    InformationOfficer.check(kind, units, active_from, active_until)
    _check_units(app, units, by)
    _check_granted(app, user_id, units)
    if InformationOfficer.create_id(user_id) in app.repository:
        raise Conflict(
            f"{user_id} 已在信息员名册中，请改为续聘 ({user_id} is already on the roster; "
            "re-appoint instead)"
        )
    officer = InformationOfficer(
        user_id=user_id,
        name=name,
        kind=kind,
        units=list(units),
        active_from=active_from,
        active_until=active_until,
        appointed_by=actor_of(by),
    )
    app.save(officer)
    return officer


def reappoint_officer(
    app: IntakeApplication,
    user_id: str,
    units: list[str],
    active_from: datetime,
    active_until: datetime | None,
    by: Principal,
) -> InformationOfficer:
    """Start a new active period for an officer already on the roster (续聘, Art. 22)."""
    officer = app.get_officer(user_id)
    InformationOfficer.check(officer.kind, units, active_from, active_until)
    _check_units(app, units, by)
    _check_granted(app, user_id, units)
    officer.reappoint(units, active_from, active_until, actor_of(by))
    app.save(officer)
    return officer


def relieve_officer(
    app: IntakeApplication, user_id: str, at: datetime, reason: str, by: Principal
) -> InformationOfficer:
    """End an officer's active period, with a reason (解聘, Art. 22)."""
    officer = app.get_officer(user_id)
    _check_units(app, officer.periods[-1]["units"], by)
    if not reason.strip():
        raise Invalid("reason", "须写明解聘理由 (a reason is required)")
    officer.relieve(at, reason.strip(), actor_of(by))
    app.save(officer)
    return officer


def list_officers(app: IntakeApplication, within: str) -> list[InformationOfficer]:
    """Officers who ever covered a unit in the subtree of `within` (Art. 22)."""
    app.unit(within, "unit_code")
    return [
        o
        for o in app.view.officers()
        if any(app.org.is_within(u, within) for p in o.periods for u in p["units"])
    ]


def _check_units(app: IntakeApplication, units: list[str], by: Principal) -> None:
    for code in units:
        app.unit(code, "units")
        if not app.org.is_within(code, by.unit_code):
            raise Forbidden(
                f"单位 {code} 不在您的管辖范围（{by.unit_code} 及其下级单位）内 (unit {code} is "
                f"outside your jurisdiction (the subtree of {by.unit_code}))"
            )


def _check_granted(app: IntakeApplication, user_id: str, units: list[str]) -> None:
    """An officer on the roster is an account of the directory holding the officer grant 信息员
    for each unit covered, or for a unit above it, now (Art. 22; shared/grants.py)."""
    now = app.clock.now()
    for code in units:
        if not any(
            app.directory.holds(user_id, Role.OFFICER, unit.code, now)
            for unit in app.org.ancestors(code)
        ):
            raise Invalid("user_id", "Art. 22: " + not_held(user_id, Role.OFFICER, code))
