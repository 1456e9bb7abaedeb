"""Inspections: self-inspection tasks, internal inspections, superior supervision (Art. 30).

Plain functions `(app, ...)`: check who may, load, call the `Inspection`, save.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING
from uuid import UUID, uuid4

from eventsourcing.persistence import IntegrityError

from services.assessment.inspections.model import (
    Inspection,
    InspectionKind,
    SelfTrigger,
    annual_self_inspection_id,
)
from shared.application import actor_of
from shared.errors import Conflict, Invalid
from shared.jurisdiction import manages

if TYPE_CHECKING:
    from services.assessment.app import AssessmentApplication
    from shared.auth import Principal


@dataclass(frozen=True)
class NewInspection:
    """What opening an inspection takes (Art. 30)."""

    kind: InspectionKind
    unit_code: str
    title: str
    year: int | None = None
    method: str | None = None  # superior supervision only
    trigger: str | None = None  # self-inspection only
    due_on: date | None = None


@dataclass(frozen=True)
class NewFinding:
    """A finding; `aspects` names what of the risk point is wrong (content/grade/measures)."""

    description: str
    risk_point_id: UUID | None = None
    aspects: tuple[str, ...] = ()
    rectify_by: date | None = None
    revise_by: datetime | None = None


def open_inspection(app: AssessmentApplication, new: NewInspection, by: Principal) -> Inspection:
    """Task a self-inspection, or open an internal inspection or superior supervision (Art. 30)."""
    if new.kind is InspectionKind.SELF:
        app.ensure_manages(by, new.unit_code)  # the unit tasks itself, or a body above does
        if new.trigger is None:
            raise Invalid(
                "trigger",
                "请写明自查缘由：年度自查或哪一项变化 (a self-inspection says why: annual or "
                "which change)",
            )
        inspecting = new.unit_code
    else:
        what = "an internal inspection" if new.kind is InspectionKind.INTERNAL else "supervision"
        app.ensure_above(by, new.unit_code, what)
        inspecting = by.unit_code
    if (new.kind is InspectionKind.SUPERIOR) != (new.method is not None):
        raise Invalid(
            "method",
            "只有上级监督检查须写明方式，其他检查不填 (superior supervision, and only it, names "
            "its method)",
        )
    if new.kind is not InspectionKind.SELF and new.trigger is not None:
        raise Invalid("trigger", "只有自查才填写自查缘由 (only a self-inspection has a trigger)")
    inspection = Inspection(
        kind=new.kind.value, method=new.method, trigger=new.trigger,
        unit_code=new.unit_code, year=new.year or app.this_year(),
        inspecting_unit=inspecting, title=new.title,
        due_on=new.due_on.isoformat() if new.due_on else None,
        opened_by=actor_of(by), opened_at=app.clock.now(),
    )  # fmt: skip
    try:
        app.save(inspection)
    except IntegrityError:
        raise Conflict(
            f"{new.unit_code} 已有 {inspection.year} 年度自查 "
            f"({new.unit_code} already has its annual self-inspection for {inspection.year})"
        ) from None
    return inspection


def task_annual_self_inspections(
    app: AssessmentApplication, within: str, year: int, due_on: date | None, by: Principal
) -> list[Inspection]:
    """Task every unit below `within` with its annual self-inspection 年度自查 (Art. 30).

    Units that already have theirs for the year are left alone, so tasking twice adds none; on
    a node, only the units it manages are tasked (their town's node tasks the others, Art. 7,
    31 逐级).
    """
    app.ensure_within(by, within, "within")
    tasked = []
    for unit in sorted(app.org.subtree(within), key=lambda u: u.code):
        if unit.code == within or annual_self_inspection_id(unit.code, year) in app.repository:
            continue
        if not manages(app.org, app.node, unit.code):
            continue
        new = NewInspection(
            InspectionKind.SELF, unit.code, f"{year} 年度廉政风险自查", year,
            trigger=SelfTrigger.ANNUAL.value, due_on=due_on,
        )  # fmt: skip
        try:
            tasked.append(open_inspection(app, new, by))
        except Conflict:
            continue  # tasked by someone else meanwhile
    return tasked


def get_inspection(app: AssessmentApplication, inspection_id: UUID) -> Inspection:
    """An inspection; NotFound if there is none (Art. 30)."""
    return app.get(inspection_id, Inspection, "inspection")


def _inspector(app: AssessmentApplication, inspection_id: UUID, by: Principal) -> Inspection:
    """The inspection, if the caller is the inspecting unit or above it."""
    inspection = get_inspection(app, inspection_id)
    app.ensure_within(by, inspection.inspecting_unit)
    return inspection


def record_finding(
    app: AssessmentApplication, inspection_id: UUID, new: NewFinding, by: Principal
) -> UUID:
    """Record a finding; one about a risk point's content/grade/measures asks for revision."""
    inspection = _inspector(app, inspection_id, by)
    finding_id = uuid4()
    inspection.record_finding(
        finding_id=finding_id, description=new.description, risk_point_id=new.risk_point_id,
        aspects=list(new.aspects), rectify_by=new.rectify_by, revise_by=new.revise_by,
        by=actor_of(by), at=app.clock.now(),
    )  # fmt: skip
    app.save_once(inspection)
    return finding_id


def close_finding(
    app: AssessmentApplication,
    inspection_id: UUID,
    finding_id: UUID,
    rectification: str,
    by: Principal,
) -> None:
    """Confirm a finding rectified (整改到位) and close it; the inspecting side confirms."""
    inspection = _inspector(app, inspection_id, by)
    inspection.close_finding(
        finding_id=finding_id, rectification=rectification, by=actor_of(by), at=app.clock.now()
    )
    app.save_once(inspection)


def complete_inspection(
    app: AssessmentApplication, inspection_id: UUID, summary: str, by: Principal
) -> None:
    """Complete an inspection 检查完成; a completed annual self-inspection stops costing."""
    inspection = _inspector(app, inspection_id, by)
    inspection.complete(summary=summary, by=actor_of(by), at=app.clock.now())
    app.save_once(inspection)


def inspections_of(app: AssessmentApplication, unit_code: str, year: int) -> list[Inspection]:
    """A unit's inspections of a year, oldest first (Art. 30)."""
    return [get_inspection(app, i) for i in app.view.ids(Inspection, unit_code, year)]


def inspections_within(app: AssessmentApplication, within: str, year: int) -> list[Inspection]:
    """The inspections of a year of every unit in the subtree of `within`, by unit (Art. 30):
    the office's overview of its self-inspection tasks, internal inspections and supervision."""
    ids = app.view.ids_within(Inspection, app.units_within(within), year)
    return [get_inspection(app, i) for i in ids]
