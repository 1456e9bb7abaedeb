"""The deadlines per warning level as this node applies them (Art. 28), read-only.

第二十八条 names each level's actions but leaves their time limits (规定时限) to the district:
the plans are the defaults of deadlines/rules.py, the reminder and rework days come from the
`LIANFANG_WARNING_*` settings (docs/warning-deadlines.md). The 系统管理 screen shows them with
where each is set.
"""

from __future__ import annotations

from fastapi import APIRouter, Depends
from pydantic import BaseModel, Field

from services.warning.api_deps import WarningApp
from shared.auth import Role
from shared.deps import require_roles

router = APIRouter(prefix="/deadline-rules", tags=["warning deadlines 预警处置时限"])


class ActionRuleOut(BaseModel):
    kind: str
    days: int = Field(description="Calendar days from issue 规定时限.")
    description: str
    optional: bool = Field(description="视情况: only where the review meeting decides.")
    holder: str = Field(description="Whose duty: the warned unit or the disposing body.")


class DeadlineRulesOut(BaseModel):
    plans: dict[str, list[ActionRuleOut]] = Field(description="level -> its actions (Art. 28).")
    remind_days_before: int = Field(description="LIANFANG_WARNING_REMIND_DAYS_BEFORE.")
    rework_days: int = Field(description="LIANFANG_WARNING_REWORK_DAYS (Art. 29).")
    escalation: dict[str, str] = Field(
        description="An overdue warning of this level proposes re-grading to that level's grade."
    )
    notice_pattern: str = Field(description="LIANFANG_WARNING_NOTICE_PATTERN 预警通知书文号.")


# Administrators see the node's configuration (系统管理); offices, leaders and auditors the rules
# they work and audit by.
READERS = Depends(require_roles(Role.ADMIN, Role.OFFICE, Role.AUDITOR, Role.LEADER))


@router.get(
    "",
    dependencies=[READERS],
    summary="Actions and deadlines per warning level on this node (Art. 28)",
)
def deadline_rules(app: WarningApp) -> DeadlineRulesOut:
    rules = app.rules
    return DeadlineRulesOut(
        plans={
            level.value: [
                ActionRuleOut(
                    kind=r.kind.value,
                    days=r.days,
                    description=r.description,
                    optional=r.optional,
                    holder=r.holder.value,
                )
                for r in rules.plan(level)
            ]
            for level in rules.plans
        },
        remind_days_before=rules.remind_days_before,
        rework_days=rules.rework_days,
        escalation={k.value: v.value for k, v in rules.escalation.items()},
        notice_pattern=rules.notice_pattern,
    )
