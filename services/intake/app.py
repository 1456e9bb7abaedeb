"""The intake application: receives, screens and routes risk information (Art. 21–24)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from services.intake.domain import RiskInformation
from services.intake.filing import Filing, InformationDraft
from services.intake.identity_commands import IdentityCommands
from services.intake.imports import ImportCommands
from services.intake.obligation_commands import ObligationCommands
from services.intake.officer_commands import OfficerCommands
from services.intake.queries import Queries
from services.intake.routing_commands import RoutingCommands

if TYPE_CHECKING:
    from uuid import UUID

__all__ = ["Filing", "InformationDraft", "IntakeApplication"]


class IntakeApplication(
    RoutingCommands,
    ImportCommands,
    OfficerCommands,
    IdentityCommands,
    ObligationCommands,
    Queries,
):
    """Commands, queries and reactions of intake; plain types in and out."""

    name = "intake"

    def get_information(self, information_id: UUID) -> RiskInformation:
        """One case as filed and routed (Art. 22, 24)."""
        return self._get(information_id, RiskInformation, "risk information")
