"""The event contract: every event type the services publish, and one parser for all of them.

One module per producing service (`intake`, `register`, `warning`, `assessment`, and `console`:
the accounts and tokens events every service follows); add a new event
there and list its envelope class in `_ALL` below. The four public events (RiskReported,
RiskGraded, WarningIssued, RectificationOverdue) are what downstream systems subscribe to; the
others are published for the services themselves.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any, TypeAlias

from pydantic import Field, TypeAdapter

from shared.events.assessment import (
    AssessmentGrade,
    AssessmentPublished,
    AssessmentPublishedData,
    RevisionAspect,
    RevisionRequested,
    RevisionRequestedData,
    ScoreLine,
)
from shared.events.audit import ChainCheckpoint, ChainCheckpointData
from shared.events.base import (
    TYPE_PREFIX,
    Actor,
    CloudEvent,
    EventData,
    EventTypeName,
    parse_event_type,
)
from shared.events.console import (
    AccountReactivated,
    AccountReactivatedData,
    AccountSuspended,
    AccountSuspendedData,
    RoleGranted,
    RoleGrantedData,
    RoleRevoked,
    RoleRevokedData,
    SigningKeyRevoked,
    SigningKeyRevokedData,
)
from shared.events.intake import (
    InformationAcknowledged,
    InformationAcknowledgedData,
    InformationFeedbackOverdue,
    InformationFeedbackOverdueData,
    InformationForwarded,
    InformationForwardedData,
    InformationHandled,
    InformationHandledData,
    InformationSupervised,
    InformationSupervisedData,
    InformationTransferred,
    InformationTransferredData,
    ReportingBreachFound,
    ReportingBreachFoundData,
    ReportingBreachReviewed,
    ReportingBreachReviewedData,
    RiskReported,
    RiskReportedData,
)
from shared.events.register import (
    GradingFactors,
    JudgementMade,
    JudgementMadeData,
    MeasureOverdue,
    MeasureOverdueData,
    MeasureVerified,
    MeasureVerifiedData,
    OrgUnitChanged,
    OrgUnitChangedData,
    OrgUnitRegistered,
    OrgUnitRegisteredData,
    PowerCatalogued,
    PowerCataloguedData,
    PowerCharted,
    PowerChartedData,
    RiskGraded,
    RiskGradedData,
    RiskPointApproved,
    RiskPointApprovedData,
    RiskPointInForce,
    RiskPointInForceData,
    RiskPointPublished,
    RiskPointPublishedData,
    RiskPointReopened,
    RiskPointReopenedData,
)
from shared.events.upcasting import UPCASTERS, UpcasterRegistry
from shared.events.warning import (
    CaseTransferred,
    CaseTransferredData,
    DisposalOverdue,
    DisposalOverdueData,
    DisposalReworkOverdue,
    DisposalReworkOverdueData,
    DisposalSupervised,
    DisposalSupervisedData,
    DueAction,
    RectificationOverdue,
    RectificationOverdueData,
    RegradeProposed,
    RegradeProposedData,
    WarningClosed,
    WarningClosedData,
    WarningIssued,
    WarningIssuedData,
)
from shared.vocabulary import (
    ActionHolder,
    ActionKind,
    Channel,
    Grade,
    GradeSource,
    RiskCategory,
    UnitKind,
    Verdict,
    WarningLevel,
)

AnyEvent: TypeAlias = Annotated[
    RiskReported
    | InformationAcknowledged
    | InformationForwarded
    | InformationTransferred
    | ReportingBreachFound
    | RiskGraded
    | WarningIssued
    | RectificationOverdue
    | JudgementMade
    | OrgUnitRegistered
    | OrgUnitChanged
    | WarningClosed
    | CaseTransferred
    | RevisionRequested
    | AssessmentPublished
    | ChainCheckpoint
    | PowerCatalogued
    | PowerCharted
    | RiskPointApproved
    | RiskPointPublished
    | RiskPointInForce
    | DisposalOverdue
    | RegradeProposed
    | MeasureOverdue
    | MeasureVerified
    | InformationHandled
    | InformationSupervised
    | DisposalSupervised
    | ReportingBreachReviewed
    | AccountSuspended
    | AccountReactivated
    | SigningKeyRevoked
    | RiskPointReopened
    | InformationFeedbackOverdue
    | DisposalReworkOverdue
    | RoleGranted
    | RoleRevoked,
    Field(discriminator="type"),
]
"""Any event of the contract, told apart by its `type`."""

_ALL: tuple[type[CloudEvent], ...] = (
    RiskReported,
    InformationAcknowledged,
    InformationForwarded,
    InformationTransferred,
    ReportingBreachFound,
    RiskGraded,
    WarningIssued,
    RectificationOverdue,
    JudgementMade,
    OrgUnitRegistered,
    OrgUnitChanged,
    WarningClosed,
    CaseTransferred,
    RevisionRequested,
    AssessmentPublished,
    ChainCheckpoint,
    PowerCatalogued,
    PowerCharted,
    RiskPointApproved,
    RiskPointPublished,
    RiskPointInForce,
    DisposalOverdue,
    RegradeProposed,
    MeasureOverdue,
    MeasureVerified,
    InformationHandled,
    InformationSupervised,
    DisposalSupervised,
    ReportingBreachReviewed,
    AccountSuspended,
    AccountReactivated,
    SigningKeyRevoked,
    RiskPointReopened,
    InformationFeedbackOverdue,
    DisposalReworkOverdue,
    RoleGranted,
    RoleRevoked,
)
_PUBLIC: tuple[type[CloudEvent], ...] = (
    RiskReported,
    RiskGraded,
    WarningIssued,
    RectificationOverdue,
)

EVENT_TYPES: dict[str, type[CloudEvent]] = {cls.event_type(): cls for cls in _ALL}
"""Every event class by its type string (ce_type)."""

PUBLIC_EVENT_TYPES: dict[str, type[CloudEvent]] = {cls.event_type(): cls for cls in _PUBLIC}
"""The public contract (the design's four events) by type string."""

EVENT_ADAPTER: TypeAdapter[AnyEvent] = TypeAdapter(AnyEvent)


def upcast_envelope(obj: Mapping[str, Any]) -> dict[str, Any]:
    """The structured envelope with older data versions turned into the newest (see upcasting)."""
    envelope = dict(obj)
    event_type, data = envelope.get("type"), envelope.get("data")
    if isinstance(event_type, str) and isinstance(data, dict):
        envelope["type"], envelope["data"] = UPCASTERS.upcast(event_type, data)
    return envelope


def parse_event(obj: Mapping[str, Any]) -> AnyEvent:
    """Parse a structured-mode event (a JSON object); raises pydantic's ValidationError."""
    return EVENT_ADAPTER.validate_python(upcast_envelope(obj))


__all__ = [
    "EVENT_ADAPTER",
    "EVENT_TYPES",
    "PUBLIC_EVENT_TYPES",
    "TYPE_PREFIX",
    "UPCASTERS",
    "AccountReactivated",
    "AccountReactivatedData",
    "AccountSuspended",
    "AccountSuspendedData",
    "ActionHolder",
    "ActionKind",
    "Actor",
    "AnyEvent",
    "AssessmentGrade",
    "AssessmentPublished",
    "AssessmentPublishedData",
    "CaseTransferred",
    "CaseTransferredData",
    "ChainCheckpoint",
    "ChainCheckpointData",
    "Channel",
    "CloudEvent",
    "DisposalOverdue",
    "DisposalOverdueData",
    "DisposalReworkOverdue",
    "DisposalReworkOverdueData",
    "DisposalSupervised",
    "DisposalSupervisedData",
    "DueAction",
    "EventData",
    "EventTypeName",
    "Grade",
    "GradeSource",
    "GradingFactors",
    "InformationAcknowledged",
    "InformationAcknowledgedData",
    "InformationFeedbackOverdue",
    "InformationFeedbackOverdueData",
    "InformationForwarded",
    "InformationForwardedData",
    "InformationHandled",
    "InformationHandledData",
    "InformationSupervised",
    "InformationSupervisedData",
    "InformationTransferred",
    "InformationTransferredData",
    "JudgementMade",
    "JudgementMadeData",
    "MeasureOverdue",
    "MeasureOverdueData",
    "MeasureVerified",
    "MeasureVerifiedData",
    "OrgUnitChanged",
    "OrgUnitChangedData",
    "OrgUnitRegistered",
    "OrgUnitRegisteredData",
    "PowerCatalogued",
    "PowerCataloguedData",
    "PowerCharted",
    "PowerChartedData",
    "RectificationOverdue",
    "RectificationOverdueData",
    "RegradeProposed",
    "RegradeProposedData",
    "ReportingBreachFound",
    "ReportingBreachFoundData",
    "ReportingBreachReviewed",
    "ReportingBreachReviewedData",
    "RevisionAspect",
    "RevisionRequested",
    "RevisionRequestedData",
    "RiskCategory",
    "RiskGraded",
    "RiskGradedData",
    "RiskPointApproved",
    "RiskPointApprovedData",
    "RiskPointInForce",
    "RiskPointInForceData",
    "RiskPointPublished",
    "RiskPointPublishedData",
    "RiskPointReopened",
    "RiskPointReopenedData",
    "RiskReported",
    "RiskReportedData",
    "RoleGranted",
    "RoleGrantedData",
    "RoleRevoked",
    "RoleRevokedData",
    "ScoreLine",
    "SigningKeyRevoked",
    "SigningKeyRevokedData",
    "UnitKind",
    "UpcasterRegistry",
    "Verdict",
    "WarningClosed",
    "WarningClosedData",
    "WarningIssued",
    "WarningIssuedData",
    "WarningLevel",
    "parse_event",
    "parse_event_type",
    "upcast_envelope",
]
