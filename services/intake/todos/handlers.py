"""What intake asks of the caller next: reports owed, forwards, breaches (工作台, Art. 22–24).

Computed from the read model at each call, so a to-do disappears once the event that settles it
is saved. Who sees what follows who does the work: a unit's periodic report is owed by its
office, leaders and information officers 信息员 (Art. 22, 23); a
forward received from above is handled by the office or a leader of the subtree (Art. 24); the
forwarding office awaits, chases and reviews the feedback (Art. 24); the office reviews
concealment candidates (Art. 23). A custodian or an auditor owes nothing here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from services.intake.duties.model import next_period, period_bounds, period_of
from services.intake.public.handlers import public_reports_to_screen
from shared.auth import Role
from shared.todos import TodoItem, sorted_todos

if TYPE_CHECKING:
    from datetime import datetime

    from services.intake.app import IntakeApplication
    from services.intake.duties.model import ReportingDuty
    from services.intake.filing.model import RiskInformation
    from shared.auth import Principal

PERIODS_SHOWN = 3
"""The latest periods of a duty listed while unreported: older lapses are breaches already."""

OFFICE_OR_LEADER = (Role.OFFICE, Role.LEADER)


def todos(app: IntakeApplication, who: Principal) -> list[TodoItem]:
    """The caller's intake to-dos, the soonest deadline first (Art. 22–24)."""
    now = app.clock.now()
    found = [
        *_duties_due(app, who, now),
        *_forwards_to_handle(app, who),
        *_forwards_of_ours(app, who),
        *_breaches_to_review(app, who),
        *_public_reports_to_screen(app, who),
    ]
    return sorted_todos(found)


def _reports_for(app: IntakeApplication, who: Principal, unit_code: str) -> bool:
    """Whether `who` reports for the unit: its office or leaders, or an officer covering it
    (Art. 22, 23). Offices above watch through the compliance figures, not as their to-do."""
    if who.has_any(OFFICE_OR_LEADER) and who.unit_code == unit_code:
        return True
    if Role.OFFICER in who.roles:
        if who.unit_code == unit_code:
            return True
        officer = app.officer_of(who.user_id)
        return officer is not None and unit_code in officer.units_at(app.clock.now())
    return False


def _open_periods(duty: ReportingDuty, now: datetime) -> list[str]:
    """The latest periods of a periodic duty begun by `now` (Art. 23)."""
    assert duty.every is not None
    periods, label = [], period_of(duty.effective_from, duty.every)
    while period_bounds(label)[0] <= now:
        periods.append(label)
        label = next_period(label, duty.every)
    return periods[-PERIODS_SHOWN:]


def _duties_due(app: IntakeApplication, who: Principal, now: datetime) -> list[TodoItem]:
    """信息报送: each unreported period of a periodic duty the caller reports for (Art. 23)."""
    reported = {(r.duty_id, r.period) for r in app.view.reports()}
    items = []
    for duty in app.view.duties():
        if duty.kind != "periodic" or not _reports_for(app, who, duty.unit_code):
            continue
        for period in _open_periods(duty, now):
            if (duty.id, period) in reported:
                continue
            items.append(
                TodoItem(
                    key=f"duty_due:{duty.id}:{period}",
                    kind="duty_due",
                    service="intake",
                    title=f"信息报送：{duty.name}（{period}）",
                    detail=app.org.get(duty.unit_code).name,
                    unit_code=duty.unit_code,
                    deadline=duty.due_at(period),
                    since=period_bounds(period)[0],
                    link=f"/intake/duties?unit={duty.unit_code}",
                )
            )
    return items


def _in_subtree(app: IntakeApplication, who: Principal, case: RiskInformation) -> bool:
    return app.org.is_within(case.unit_code, who.unit_code)


def _case_todo(
    app: IntakeApplication,
    case: RiskInformation,
    *,
    kind: str,
    title: str,
    since: datetime | None,
    deadline: datetime | None = None,
    exchange: int | None = None,
) -> TodoItem:
    """A to-do about one case, shown as its unit and summary and linked to its page. `exchange`
    counts the exchanges that made it a to-do again, so that each one is unread anew."""
    key = f"{kind}:{case.id}" if exchange is None else f"{kind}:{case.id}:{exchange}"
    return TodoItem(
        key=key,
        kind=kind,
        service="intake",
        title=title,
        detail=f"{app.org.get(case.unit_code).name} · {case.summary}",
        unit_code=case.unit_code,
        deadline=deadline,
        since=since,
        link=f"/intake/cases/{case.id}",
    )


def _forwards_to_handle(app: IntakeApplication, who: Principal) -> list[TodoItem]:
    """批转待办理: forwards received from above owing (again) a handling report (Art. 24)."""
    if not who.has_any(OFFICE_OR_LEADER):
        return []
    items = []
    for case in app.view.cases():
        state = case.handling_state
        if state not in ("to_report", "returned") or not _in_subtree(app, who, case):
            continue
        dues = [s["due_at"] for s in case.supervision if s.get("due_at") is not None]
        items.append(
            _case_todo(
                app,
                case,
                kind="forward_to_handle",
                exchange=len(case.supervision),
                title="退回重办：报告处理情况" if state == "returned" else "上级批转：报告处理情况",
                deadline=dues[-1] if dues else case.feedback_due_at,
                since=case.filed_at,
            )
        )
    return items


def _forwards_of_ours(app: IntakeApplication, who: Principal) -> list[TodoItem]:
    """转办待反馈 and 反馈待审核: this level's forwards below, awaiting feedback or review."""
    if Role.OFFICE not in who.roles:
        return []
    items = []
    for case in app.view.cases():
        if not _in_subtree(app, who, case):
            continue
        if case.awaiting_review:
            items.append(
                _case_todo(
                    app,
                    case,
                    kind="forward_report_to_review",
                    exchange=len(case.handling_reports),
                    title="下级已报处理情况：审核办结或退回",
                    since=case.handling_reports[-1].get("received_at"),
                )
            )
        elif case.awaiting_feedback:
            items.append(
                _case_todo(
                    app,
                    case,
                    kind="forward_awaiting_feedback",
                    title="转办待反馈：跟踪督办",
                    deadline=case.feedback_due_at,
                    since=case.filed_at,
                )
            )
    return items


def _breaches_to_review(app: IntakeApplication, who: Principal) -> list[TodoItem]:
    """瞒报线索待复核: concealment candidates of the subtree to confirm or dismiss (Art. 23)."""
    if Role.OFFICE not in who.roles:
        return []
    return [
        TodoItem(
            key=f"breach_to_review:{b.id}",
            kind="breach_to_review",
            service="intake",
            title="疑似瞒报：复核认定",
            detail=f"{app.org.get(b.unit_code).name} · {app.get_duty(b.duty_id).name}",
            unit_code=b.unit_code,
            since=b.detected_at,
            link=f"/intake/breaches?unit={b.unit_code}",
        )
        for b in app.view.breaches()
        if b.status == "to_review" and app.org.is_within(b.unit_code, who.unit_code)
    ]


def _public_reports_to_screen(app: IntakeApplication, who: Principal) -> list[TodoItem]:
    """网上举报待筛选: a citizen's report from the public form, for the office of this node's root
    (it screens and routes, Art. 22, 24), until it asks the citizen or the case moves on."""
    root = app.node.root_unit if app.node is not None else who.unit_code
    if Role.OFFICE not in who.roles or who.unit_code != root:
        return []
    return [
        _case_todo(
            app,
            case,
            kind="public_report_to_screen",
            title="网上举报待筛选：核查后处理或向举报人提问",
            since=case.filed_at,
        )
        for case in public_reports_to_screen(app)
    ]
