"""Supervising a warning's disposal as plain functions `(app, ...)`: load, act, save (Art. 29).

The level above the disposing body — the body that manages its cadres 按照干部管理权限 — chases
督办, returns 退回 and signs off 办结; the disposing body answers a return with its rework.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from services.warning.supervision.model import DisposalSupervision, supervision_id
from shared.application import actor_of
from shared.auth import Role
from shared.errors import Forbidden

if TYPE_CHECKING:
    from uuid import UUID

    from services.warning.app import WarningApplication
    from services.warning.disposal.model import IssuedWarning
    from shared.auth import Principal


def supervision_of(app: WarningApplication, warning_id: UUID) -> DisposalSupervision | None:
    """The supervision of a warning's disposal, if any act was recorded (Art. 29)."""
    app.get_warning(warning_id)
    return app.find(supervision_id(warning_id), DisposalSupervision)


def supervise(
    app: WarningApplication, warning_id: UUID, act: str, text: str, by: Principal
) -> DisposalSupervision:
    """Chase 督办, return 退回 or sign off 办结 a warning's disposal from the level above."""
    warning = app.get_warning(warning_id)
    _ensure_level_above(app, warning, by)
    supervision = _load(app, warning)
    actor, now, still_open = actor_of(by, prefer="office"), app.clock.now(), warning.is_open
    if act == "chased":
        supervision.chase(note=text, disposal_open=still_open, by=actor, at=now)
    elif act == "returned":
        due = now + timedelta(days=app.rules.rework_days)
        supervision.return_for_rework(
            reason=text, disposal_open=still_open, by=actor, at=now, due_at=due
        )
    else:
        supervision.sign_off(opinion=text, disposal_open=still_open, by=actor, at=now)
    app.save(supervision)
    return supervision


def resubmit(
    app: WarningApplication,
    warning_id: UUID,
    note: str,
    document_refs: list[str],
    by: Principal,
) -> DisposalSupervision:
    """The disposing body reports its rework of a returned disposal (Art. 29)."""
    warning = app.get_warning(warning_id)
    if not by.has_any((Role.OFFICE, Role.LEADER)) or by.unit_code != warning.disposing_unit:
        raise Forbidden(
            f"Art. 29: 重办情况由处置机关 {warning.disposing_unit} 的预防腐败室或领导班子成员报送 "
            f"(the disposing body {warning.disposing_unit} (its office or a leader) "
            "reports the rework of its disposal)"
        )
    supervision = _load(app, warning)
    supervision.resubmit(
        note=note, document_refs=document_refs, by=actor_of(by, prefer="office"),
        at=app.clock.now(),
    )  # fmt: skip
    app.save(supervision)
    return supervision


def _load(app: WarningApplication, warning: IssuedWarning) -> DisposalSupervision:
    found = app.find(supervision_id(warning.id), DisposalSupervision)
    if found is not None:
        return found
    return DisposalSupervision(
        warning_id=warning.id, notice_number=warning.notice_number,
        subject_unit=warning.subject_unit, disposing_unit=warning.disposing_unit,
    )  # fmt: skip


def _ensure_level_above(app: WarningApplication, warning: IssuedWarning, by: Principal) -> None:
    """Only the office or a leader of a unit above the disposing body supervises (Art. 29)."""
    disposing = warning.disposing_unit
    above = by.unit_code != disposing and app.org.is_within(disposing, by.unit_code)
    if not (above and by.has_any((Role.OFFICE, Role.LEADER))):
        raise Forbidden(
            f"Art. 29: 按照干部管理权限分级监督，{disposing} 的处置"
            f"由其上级的预防腐败室或领导班子成员监督，{by.unit_code} 不能监督 "
            f"(the disposal by {disposing} is supervised by the level above it "
            f"(按照干部管理权限分级), its office or a leader; not by {by.unit_code})"
        )
