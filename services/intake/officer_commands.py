"""The office 预防腐败室 appoints, re-appoints and relieves information officers (Art. 22)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from services.intake.app_base import IntakeBase
from services.intake.officers import InformationOfficer
from shared.application import actor_of
from shared.errors import Conflict, Forbidden, Invalid

if TYPE_CHECKING:
    from datetime import datetime

    from shared.auth import Principal


class OfficerCommands(IntakeBase):
    """Managing the roster of information officers 信息员名册 (Art. 22)."""

    def appoint_officer(
        self,
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
        self._check_units(units, by)
        if InformationOfficer.create_id(user_id) in self.repository:
            raise Conflict(f"{user_id} is already on the roster; re-appoint instead")
        officer = InformationOfficer(
            user_id=user_id,
            name=name,
            kind=kind,
            units=list(units),
            active_from=active_from,
            active_until=active_until,
            appointed_by=actor_of(by),
        )
        self.save(officer)
        return officer

    def reappoint_officer(
        self,
        user_id: str,
        units: list[str],
        active_from: datetime,
        active_until: datetime | None,
        by: Principal,
    ) -> InformationOfficer:
        """Start a new active period for an officer already on the roster (续聘, Art. 22)."""
        officer = self.get_officer(user_id)
        InformationOfficer.check(officer.kind, units, active_from, active_until)
        self._check_units(units, by)
        officer.reappoint(units, active_from, active_until, actor_of(by))
        self.save(officer)
        return officer

    def relieve_officer(
        self, user_id: str, at: datetime, reason: str, by: Principal
    ) -> InformationOfficer:
        """End an officer's active period, with a reason (Art. 22)."""
        officer = self.get_officer(user_id)
        self._check_units(officer.periods[-1]["units"], by)
        if not reason.strip():
            raise Invalid("reason", "a reason is required")
        officer.relieve(at, reason.strip(), actor_of(by))
        self.save(officer)
        return officer

    def get_officer(self, user_id: str) -> InformationOfficer:
        return self._get(InformationOfficer.create_id(user_id), InformationOfficer, "officer")

    def list_officers(self, within: str) -> list[InformationOfficer]:
        """Officers who ever covered a unit in the subtree of `within` (Art. 22)."""
        self.unit(within, "unit_code")
        return [
            o
            for o in self.view.officers()
            if any(self.org.is_within(u, within) for p in o.periods for u in p["units"])
        ]

    def _check_units(self, units: list[str], by: Principal) -> None:
        for code in units:
            self.unit(code, "units")
            if not self.org.is_within(code, by.unit_code):
                raise Forbidden(
                    f"unit {code} is outside your jurisdiction (the subtree of {by.unit_code})"
                )
