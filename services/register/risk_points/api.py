"""The risk-register routes: enter, grade, vote, publish, measures, revise, read (Art. 10–20, 30).

A point is reopened only by a RevisionRequested from the assessment service (Art. 30); grades and
measures then change through the usual routes (grading, measures) and the team votes again.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Literal
from uuid import UUID

from fastapi import APIRouter, Query, Response, status
from pydantic import BaseModel, ConfigDict, Field

from services.register.api_deps import Editor, Reader, RegisterApp, Verifier, Voter, within_of
from services.register.app import RegisterApplication
from services.register.risk_points import handlers
from services.register.risk_points.handlers import RevisedContent, RiskPointDraft
from services.register.risk_points.measures import CATALOGUE
from services.register.risk_points.model import Focus, RiskPoint, RiskStatus
from services.register.risk_points.rules import FACTOR_MEANINGS
from shared.auth import Principal
from shared.bounds import Code, ItemList, Line, Paragraphs, SingleLine
from shared.deps import RuntimeDep, ensure_jurisdiction
from shared.errors import Invalid
from shared.events import GradingFactors
from shared.paging import PageWindow, paged
from shared.runtime import Runtime
from shared.vocabulary import Grade, RiskCategory

router = APIRouter(tags=["risk register 廉政风险点"])


class FocusIn(BaseModel):
    """Why the point deserves focus 排查重点 (Art. 12)."""

    model_config = ConfigDict(extra="forbid")

    key_post_or_link: bool = Field(
        False, description="Important post or key link (重要岗位和关键环节)."
    )
    past_violation: bool = Field(
        False, description="Past violations here (曾经出现过违纪违法问题)."
    )
    many_complaints: bool = Field(False, description="Many public complaints (群众反映问题较多).")


class RiskPointIn(BaseModel):
    """A risk point as found when sorting out posts and powers (Art. 10, 12, 13)."""

    model_config = ConfigDict(extra="forbid")

    unit_code: Code = Field(min_length=1, description="The unit (单位代码).")
    post: SingleLine = Field(min_length=1, max_length=100, description="The post at risk (岗位).")
    category: RiskCategory = Field(description="Risk category (风险类别, Art. 13).")
    description: Paragraphs = Field(
        min_length=1, max_length=2000, description="The risk (风险描述)."
    )
    manifestations: ItemList[Line] = Field(
        min_length=1, description="How the risk shows (风险表现形式, Art. 10)."
    )
    power_id: UUID | None = Field(None, description="The power in the catalogue (职权), if any.")
    step_key: Code | None = Field(
        None, description="The step of the power's current flowchart (流程环节), if any."
    )
    focus: FocusIn = Field(default_factory=FocusIn, description="Focus flags (排查重点, Art. 12).")


class GradingIn(BaseModel):
    """A grading or re-grading from the four factors (风险等级评定, Art. 14, 30)."""

    model_config = ConfigDict(extra="forbid")

    factors: GradingFactors = Field(description="The four factors, each 1..5 (see /grading/rule).")
    reason: Paragraphs = Field(
        min_length=1, max_length=2000, description="Why this grade (评定理由)."
    )
    responsible_leader_id: Code = Field(
        min_length=1,
        description="The leadership-team member responsible for this risk (管理领导责任, Art. 14).",
    )


class VoteIn(BaseModel):
    """A leadership-team member's vote on the grading (集体审定, Art. 14)."""

    model_config = ConfigDict(extra="forbid")

    in_favour: bool = Field(description="True to approve (同意), false to reject (不同意).")
    comment: Paragraphs = Field("", max_length=1000, description="Remarks (意见).")


class PublicationIn(BaseModel):
    """Publication of an approved risk point (公示, Art. 10)."""

    model_config = ConfigDict(extra="forbid")

    days: int | None = Field(
        None, ge=1, le=60, description="Length of the period in calendar days (公示期); default 5."
    )


class ObjectionIn(BaseModel):
    """An objection raised during publication (公示异议, Art. 10)."""

    model_config = ConfigDict(extra="forbid")

    raised_by: SingleLine = Field(
        min_length=1, max_length=200, description="Who objected (异议人)."
    )
    text: Paragraphs = Field(min_length=1, max_length=4000, description="The objection (异议内容).")


class AnswerIn(BaseModel):
    """The answer to an objection (异议答复, Art. 10)."""

    model_config = ConfigDict(extra="forbid")

    answer: Paragraphs = Field(min_length=1, max_length=4000, description="The answer (答复意见).")


class MeasureIn(BaseModel):
    """A catalogued prevention measure chosen for the point (防控措施, Art. 15–20)."""

    model_config = ConfigDict(extra="forbid")

    measure_code: Code = Field(description="Code from /measures, e.g. business_process.1.")
    detail: Paragraphs = Field(
        "", max_length=2000, description="What exactly will be done (具体措施)."
    )
    owner_id: Code = Field(min_length=1, description="Who carries it out (责任人).")
    due_date: date = Field(description="When it is due (完成时限).")


class MeasureUpdateIn(BaseModel):
    """How a chosen measure stands (落实情况, Art. 15)."""

    model_config = ConfigDict(extra="forbid")

    status: Code = Field(
        description="planned 计划 · in_progress 落实中 · done 已报落实 (then verified by someone "
        "other than the owner) · withdrawn 已撤销."
    )
    note: Paragraphs = Field("", max_length=2000, description="Progress note (进展说明).")


class VerificationIn(BaseModel):
    """The verification of a measure reported done (核验落实, Art. 15)."""

    model_config = ConfigDict(extra="forbid")

    accepted: bool = Field(description="True: verified done (核验落实); false: not done, returned.")
    note: Paragraphs = Field(
        "", max_length=2000, description="Findings (核验意见); required when not accepted."
    )


class VerificationOut(BaseModel):
    accepted: bool = Field(description="Whether the measure now stands verified.")
    status: str = Field(description="The measure's status after the verification.")


class CreatedOut(BaseModel):
    id: UUID = Field(description="Id of the risk point.")


class GradedOut(BaseModel):
    grade: Grade = Field(description="The grade now on record (风险等级).")
    status: str = Field(description="Where the point now is (draft/graded/approved/...).")


class VoteOut(BaseModel):
    recorded: bool = Field(description="False when the same vote was already cast (idempotent).")
    status: str = Field(description="Where the point now is.")


class PublishedOut(BaseModel):
    ends_at: datetime = Field(description="When the publication period ends (公示截止).")


class ObjectionOut(BaseModel):
    number: int = Field(description="Number of the objection within this publication.")


def _point(runtime: Runtime, app: RegisterApplication, who: Principal, point_id: UUID) -> RiskPoint:
    point = app.get_risk_point(point_id)
    app.ensure_manages(who, point.unit_code)  # a command: this node's units only (Art. 7)
    return point


@router.post(
    "/risk-points", status_code=status.HTTP_201_CREATED, summary="Enter a risk point (Art. 10–13)"
)
def identify(body: RiskPointIn, who: Editor, runtime: RuntimeDep, app: RegisterApp) -> CreatedOut:
    app.ensure_manages(who, body.unit_code)
    fields = body.model_dump(exclude={"focus", "category"})
    draft = RiskPointDraft(
        **fields, category=body.category.value, focus=Focus(**body.focus.model_dump())
    )
    return CreatedOut(id=handlers.identify(app, draft, who))


@router.post("/risk-points/{risk_point_id}/grading", summary="Grade or re-grade (Art. 14, 30)")
def grade(
    risk_point_id: UUID, body: GradingIn, who: Editor, runtime: RuntimeDep, app: RegisterApp
) -> GradedOut:
    _point(runtime, app, who, risk_point_id)
    new = handlers.grade(
        app,
        risk_point_id,
        body.factors.model_dump(),
        reason=body.reason,
        responsible_leader_id=body.responsible_leader_id,
        by=who,
    )
    return GradedOut(grade=new, status=app.get_risk_point(risk_point_id).status.value)


@router.post("/risk-points/{risk_point_id}/votes", summary="Vote on the grading 集体审定 (Art. 14)")
def vote(
    risk_point_id: UUID,
    body: VoteIn,
    who: Voter,
    runtime: RuntimeDep,
    app: RegisterApp,
    response: Response,
) -> VoteOut:
    _point(runtime, app, who, risk_point_id)
    recorded = handlers.vote(app, risk_point_id, body.in_favour, body.comment, who)
    response.status_code = status.HTTP_201_CREATED if recorded else status.HTTP_200_OK
    return VoteOut(recorded=recorded, status=app.get_risk_point(risk_point_id).status.value)


@router.post(
    "/risk-points/{risk_point_id}/publication", summary="Publish an approved point 公示 (Art. 10)"
)
def publish(
    risk_point_id: UUID, body: PublicationIn, who: Editor, runtime: RuntimeDep, app: RegisterApp
) -> PublishedOut:
    _point(runtime, app, who, risk_point_id)
    return PublishedOut(ends_at=handlers.publish(app, risk_point_id, who, body.days))


@router.post(
    "/risk-points/{risk_point_id}/objections",
    status_code=status.HTTP_201_CREATED,
    summary="Record an objection during publication (Art. 10)",
)
def object_to(
    risk_point_id: UUID, body: ObjectionIn, who: Editor, runtime: RuntimeDep, app: RegisterApp
) -> ObjectionOut:
    _point(runtime, app, who, risk_point_id)
    return ObjectionOut(
        number=handlers.record_objection(app, risk_point_id, body.raised_by, body.text, who)
    )


@router.post(
    "/risk-points/{risk_point_id}/objections/{number}/answer",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Answer an objection (Art. 10)",
)
def answer(
    risk_point_id: UUID,
    number: int,
    body: AnswerIn,
    who: Editor,
    runtime: RuntimeDep,
    app: RegisterApp,
) -> None:
    _point(runtime, app, who, risk_point_id)
    handlers.answer_objection(app, risk_point_id, number, body.answer, who)


@router.post(
    "/risk-points/{risk_point_id}/in-force",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Put into force after publication 生效 (Art. 10)",
)
def bring_into_force(
    risk_point_id: UUID, who: Editor, runtime: RuntimeDep, app: RegisterApp
) -> None:
    _point(runtime, app, who, risk_point_id)
    handlers.bring_into_force(app, risk_point_id, who)


@router.post(
    "/risk-points/{risk_point_id}/measures",
    status_code=status.HTTP_201_CREATED,
    summary="Choose a prevention measure (Art. 15–20)",
)
def choose_measure(
    risk_point_id: UUID, body: MeasureIn, who: Editor, runtime: RuntimeDep, app: RegisterApp
) -> None:
    _point(runtime, app, who, risk_point_id)
    handlers.choose_measure(
        app,
        risk_point_id,
        body.measure_code,
        detail=body.detail,
        owner_id=body.owner_id,
        due_date=body.due_date,
        by=who,
    )


@router.patch(
    "/risk-points/{risk_point_id}/measures/{measure_code}",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Record how a chosen measure stands (Art. 15)",
)
def update_measure(
    risk_point_id: UUID,
    measure_code: Code,
    body: MeasureUpdateIn,
    who: Editor,
    runtime: RuntimeDep,
    app: RegisterApp,
) -> None:
    _point(runtime, app, who, risk_point_id)
    handlers.update_measure(app, risk_point_id, measure_code, body.status, body.note, who)


@router.post(
    "/risk-points/{risk_point_id}/measures/{measure_code}/verification",
    summary="Verify a measure reported done, not by its owner 核验落实 (Art. 15)",
)
def verify_measure(
    risk_point_id: UUID,
    measure_code: Code,
    body: VerificationIn,
    who: Verifier,
    runtime: RuntimeDep,
    app: RegisterApp,
) -> VerificationOut:
    _point(runtime, app, who, risk_point_id)
    accepted = handlers.verify_measure(
        app, risk_point_id, measure_code, body.accepted, body.note, who
    )
    status = app.get_risk_point(risk_point_id).measures[measure_code].status
    return VerificationOut(accepted=accepted, status=status.value)


# -- revision 动态修正 (Art. 14, 30) --


class ContentIn(BaseModel):
    """The revised content of a risk point (风险内容修正, Art. 13, 30)."""

    model_config = ConfigDict(extra="forbid")

    category: RiskCategory = Field(description="Risk category (风险类别, Art. 13).")
    description: Paragraphs = Field(
        min_length=1, max_length=2000, description="The risk (风险描述)."
    )
    manifestations: ItemList[Line] = Field(
        min_length=1, description="How the risk shows (风险表现形式, Art. 10)."
    )
    focus: FocusIn = Field(default_factory=FocusIn, description="Focus flags (排查重点, Art. 12).")
    reason: Paragraphs = Field(
        min_length=1, max_length=2000, description="Why it changes (修正理由)."
    )


class ResubmissionIn(BaseModel):
    """A revised point whose grade stands, sent to the team again (重新审定, Art. 14, 30)."""

    model_config = ConfigDict(extra="forbid")

    reason: Paragraphs = Field(
        min_length=1, max_length=2000, description="What was revised (修正说明)."
    )


@router.put(
    "/risk-points/{risk_point_id}/content",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Revise the content of a point awaiting grading or approval (Art. 30)",
)
def revise_content(
    risk_point_id: UUID, body: ContentIn, who: Editor, runtime: RuntimeDep, app: RegisterApp
) -> None:
    app.ensure_manages(who, app.get_risk_point(risk_point_id).unit_code)
    revised = RevisedContent(
        category=body.category.value,
        description=body.description,
        manifestations=body.manifestations,
        reason=body.reason,
        focus=Focus(**body.focus.model_dump()),
    )
    handlers.revise_content(app, risk_point_id, revised, who)


@router.post(
    "/risk-points/{risk_point_id}/resubmission",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Send a revised point, grade kept, to the leadership team again (Art. 14, 30)",
)
def resubmit(
    risk_point_id: UUID, body: ResubmissionIn, who: Editor, runtime: RuntimeDep, app: RegisterApp
) -> None:
    app.ensure_manages(who, app.get_risk_point(risk_point_id).unit_code)
    handlers.resubmit(app, risk_point_id, body.reason, who)


# -- reading the register (Art. 10–20) --

Within = Annotated[Code | None, Query(description="Root unit of the subtree; default your own.")]


FocusFlag = Literal["key_post_or_link", "past_violation", "many_complaints"]


class RiskPointRowOut(BaseModel):
    id: UUID
    unit_code: str = Field(description="The unit (单位).")
    post: str = Field(description="The post (岗位).")
    category: RiskCategory
    grade: Grade | None = Field(description="Grade on record (风险等级); null before grading.")
    status: RiskStatus = Field(description="draft 待评定 · graded 待审定 · approved 审定通过 · "
                               "published 公示中 · in_force 生效.")  # fmt: skip
    power_id: UUID | None
    description: str
    responsible_leader_id: str | None = Field(description="Responsible leader (责任领导).")
    under_revision: bool = Field(
        False, description="Reopened for revision 动态修正 and not yet approved again (Art. 30)."
    )
    focus_flags: list[FocusFlag] = Field(
        default_factory=list,
        description="Why it deserves focus 排查重点 (Art. 12): the flags set. key_post_or_link = "
        "权力运行的重要岗位和关键环节; past_violation = 曾经出现过违纪违法问题; many_complaints = "
        "群众反映问题较多.",
    )


class RiskPointPageOut(BaseModel):
    """One page of the register, and how many rows the filters match in all (Art. 10)."""

    items: list[RiskPointRowOut]
    total: int = Field(description="Rows matching the filters, over every page.")
    offset: int
    limit: int


class RiskPointOut(RiskPointRowOut):
    manifestations: list[str] = Field(description="How the risk shows (风险表现形式).")
    step_key: str | None
    flowchart_version: int | None
    focus: dict[str, bool] = Field(description="Focus flags (排查重点, Art. 12).")
    gradings: list[dict[str, Any]] = Field(description="Every grading, oldest first (Art. 14).")
    approval_round: int = Field(description="Approval round; a changed grade opens a new one.")
    votes: list[dict[str, Any]] = Field(description="Votes of the current round (集体审定).")
    publication: dict[str, Any] | None = Field(description="Publication and objections (公示).")
    in_force_since: datetime | None
    measures: list[dict[str, Any]] = Field(description="Chosen measures (防控措施, Art. 15).")
    measures_needed: int | None = Field(
        description="Categories its measures must cover before force, for its grade (Art. 14)."
    )
    revisions: list[dict[str, Any]] = Field(
        description="Every revision asked for 动态修正, open or closed, oldest first (Art. 30)."
    )
    earlier_content: list[dict[str, Any]] = Field(
        description="What the point said before each content revision, oldest first (Art. 30)."
    )


class HeatCellOut(BaseModel):
    unit_code: str
    category: RiskCategory
    counts: dict[str, int] = Field(description="Risk points by grade: high, medium, low, ungraded.")


@router.get("/risk-points", summary="The register of a subtree, filtered (Art. 10, 13, 14)")
@paged
def list_risk_points(
    who: Reader,
    runtime: RuntimeDep,
    app: RegisterApp,
    within: Within = None,
    category: Annotated[RiskCategory | None, Query(description="风险类别")] = None,
    grade: Annotated[Grade | None, Query(description="风险等级")] = None,
    status: Annotated[RiskStatus | None, Query(description="状态")] = None,
    as_of: Annotated[
        datetime | None,
        Query(
            description="The register as it stood at this moment (历史状态, RFC 3339 with zone); "
            "before the first entry the list is empty (Art. 10, 30)."
        ),
    ] = None,
    *,
    window: PageWindow,
) -> list[RiskPointRowOut]:
    # Paged by the key (unit, id) of the last row, built a page at a time: `?as_of=` replays
    # only the points of this page, at most AS_OF_BUDGET of them (a page may then come short,
    # its cursor going on; issue #17). A comment, not a docstring: the OpenAPI text is as it was.
    root = within_of(runtime, app, who, within)
    after = window.after(("", ""))
    start = (str(after[0]), str(after[1])) if after is not None else None
    if as_of is not None:
        filters = (category, grade, status)
        rows, next_key = app.page_of_risk_points_as_of(root, as_of, filters, start, window.limit)
    else:
        every = app.list_risk_points(root, category=category, grade=grade, status=status)
        rest = [r for r in every if start is None or (r.unit_code, str(r.id)) > start]
        rows = rest[: window.limit]
        next_key = (rows[-1].unit_code, str(rows[-1].id)) if len(rest) > window.limit else None
    if next_key is not None:
        window.continue_after(next_key)
    return [RiskPointRowOut(**r.__dict__) for r in rows]


@router.get(
    "/risk-points/page",
    summary="The register of a subtree a page at a time, filtered by unit and focus too (Art. 10)",
)
def page_of_risk_points(
    who: Reader,
    runtime: RuntimeDep,
    app: RegisterApp,
    within: Within = None,
    unit_code: Annotated[
        Code | None, Query(description="Only this unit (单位), in `within`.")
    ] = None,
    category: Annotated[RiskCategory | None, Query(description="风险类别")] = None,
    grade: Annotated[Grade | None, Query(description="风险等级")] = None,
    status: Annotated[RiskStatus | None, Query(description="状态")] = None,
    focus: Annotated[
        list[FocusFlag] | None,
        Query(max_length=3, description="排查重点: only points with every flag given (Art. 12)."),
    ] = None,
    limit: Annotated[int, Query(ge=1, le=200, description="Rows per page.")] = 20,
    offset: Annotated[int, Query(ge=0, le=1_000_000, description="Rows to skip.")] = 0,
) -> RiskPointPageOut:
    """The same rows as `/risk-points` in the same order; the console's table pages on the
    server with it (issue #15). `/risk-points` itself still answers the whole list."""
    root = within_of(runtime, app, who, within)
    if unit_code is not None:
        app.unit(unit_code, "unit_code")
        if not app.org.is_within(unit_code, root):
            raise Invalid("unit_code", f"不在 {root} 的管辖范围内 (is not within {root})", "query")
    rows = app.list_risk_points(root, category=category, grade=grade, status=status)
    wanted = set(focus or ())
    rows = [
        r
        for r in rows
        if (unit_code is None or r.unit_code == unit_code) and wanted <= set(r.focus_flags)
    ]
    return RiskPointPageOut(
        items=[RiskPointRowOut(**r.__dict__) for r in rows[offset : offset + limit]],
        total=len(rows),
        offset=offset,
        limit=limit,
    )


@router.get("/risk-points/{risk_point_id}", summary="One risk point with its history (Art. 10–15)")
def get_risk_point(
    risk_point_id: UUID, who: Reader, runtime: RuntimeDep, app: RegisterApp
) -> RiskPointOut:
    p = app.get_risk_point(risk_point_id)
    ensure_jurisdiction(runtime, who, p.unit_code)
    g = p.grading
    return RiskPointOut(
        id=p.id, unit_code=p.unit_code, post=p.post, category=p.category, grade=p.grade,
        status=p.status, power_id=p.power_id, description=p.description,
        responsible_leader_id=g.responsible_leader_id if g else None,
        under_revision=bool(p.open_revisions), manifestations=list(p.manifestations),
        step_key=p.step_key,
        flowchart_version=p.flowchart_version, focus=p.focus.as_dict(),
        gradings=[
            {**x.__dict__, "factors": x.factors.as_dict()} for x in p.gradings
        ],
        approval_round=p.round, votes=[v.__dict__ for v in p.votes.values()],
        publication=None if p.publication is None else {
            "starts_at": p.publication.starts_at, "ends_at": p.publication.ends_at,
            "objections": [o.__dict__ for o in p.publication.objections],
        },
        in_force_since=p.in_force_since,
        measures=[{**m.__dict__, "category": m.category.value} for m in p.measures.values()],
        measures_needed=(
            app.rules.measures.categories_needed(p.grade) if p.grade is not None else None
        ),
        revisions=[r.__dict__ for r in p.revisions],
        earlier_content=[c.__dict__ for c in p.earlier_content],
    )  # fmt: skip


@router.get("/register/heat-map", summary="Risk points by unit × category × grade (Art. 13, 14)")
@paged
def heat_map(
    who: Reader,
    runtime: RuntimeDep,
    app: RegisterApp,
    within: Within = None,
    status: Annotated[RiskStatus | None, Query(description="Count only this status.")] = None,
) -> list[HeatCellOut]:
    heat = app.heat_map(within_of(runtime, app, who, within), status)
    return [HeatCellOut(unit_code=u, category=c, counts=n) for (u, c), n in heat.counts.items()]


class MeasureDeadlineOut(BaseModel):
    risk_point_id: UUID
    unit_code: str = Field(description="The point's unit (单位).")
    measure_code: str = Field(description="Code of the catalogued measure (Art. 16–20).")
    owner_id: str = Field(description="Who carries it out (责任人).")
    due_date: date = Field(description="Due date (完成时限), Beijing calendar.")
    status: str = Field(description="planned · in_progress · done · verified · withdrawn.")
    reminded_at: datetime | None = Field(description="When the owner was reminded (临期提醒).")
    overdue_since: datetime | None = Field(
        description="When it was found outstanding after its due date (逾期未落实)."
    )


@router.get(
    "/measure-deadlines", summary="Measures by due date, reminders and lapses (Art. 14, 15)"
)
@paged
def measure_deadlines(
    who: Reader, runtime: RuntimeDep, app: RegisterApp, within: Within = None
) -> list[MeasureDeadlineOut]:
    rows = app.measure_deadlines(within_of(runtime, app, who, within))
    return [MeasureDeadlineOut(**{**r.__dict__, "status": r.status.value}) for r in rows]


@router.get("/measures", summary="The catalogue of prevention measures (Art. 15–20)")
@paged
def measure_catalogue(
    _: Reader, category: Annotated[RiskCategory | None, Query(description="风险类别")] = None
) -> list[dict[str, Any]]:
    return [
        {**m.__dict__, "category": m.category.value}
        for m in CATALOGUE
        if category is None or m.category is category
    ]


@router.get("/grading/rule", summary="The grading rule, factor meanings, quorum (Art. 14)")
def grading_rule(_: Reader, app: RegisterApp) -> dict[str, Any]:
    rules = app.rules
    return {
        "rule": rules.grading.describe(),
        "factor_meanings": FACTOR_MEANINGS,
        "quorum": {"share": str(rules.quorum.share), "strictly_more": rules.quorum.strictly_more},
        "publication_days": rules.publication_days,
        "measures_categories": rules.measures.describe(),
        "measures_remind_days_before": rules.measures.remind_days_before,
    }
