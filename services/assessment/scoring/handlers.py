"""The annual assessment: the year's scheme, scoring, publishing, scorecards (Art. 31).

Plain functions `(app, ...)`: who assesses whom (分级考核), gather the unit's ledger from the
other features, score it with the pure rules of `model.py`, save.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from services.assessment.figures.handlers import figures_of
from services.assessment.inspections.handlers import inspections_of
from services.assessment.recognition.handlers import recognitions_of
from services.assessment.scoring.model import (
    AnnualAssessment,
    Ledger,
    Scorecard,
    YearScheme,
    ledger_of,
    score,
)
from services.assessment.scoring.rules import ScoringScheme
from services.assessment.surveys.handlers import surveys_of
from shared.application import actor_of
from shared.errors import Conflict, Forbidden, Invalid, NotFound

if TYPE_CHECKING:
    from services.assessment.app import AssessmentApplication
    from shared.auth import Principal


# -- who assesses whom (Art. 31) ------------------------------------------------------------------


def assessor_of(app: AssessmentApplication, unit_code: str) -> str:
    """Who assesses a unit 分级考核 (Art. 31): the level above it in the tree.

    The district assesses towns and district departments; a town assesses its units and
    village committees. The district itself is assessed above this system. On a node, the unit
    must also be one the node manages (`ensure_assessor`): a town's units are assessed on the
    town's node, never on the district's.
    """
    unit = app.unit(unit_code)
    if unit.parent_code is None:
        raise Invalid(
            "unit_code",
            f"{unit_code} 是最高一级单位，由本系统之外的上级考核 "
            f"({unit_code} is the top of the tree; it is assessed above)",
        )
    root = app.node_root
    if root is not None and not app.org.is_within(unit.parent_code, root):
        # e.g. a town on its own node: its assessor, the district, works on the district node
        raise Invalid(
            "unit_code",
            f"{unit_code} 由 {unit.parent_code} 考核，不在本节点办理 "
            f"({unit_code} is assessed by {unit.parent_code}, outside this node)",
        )
    return unit.parent_code


def ensure_assessor(app: AssessmentApplication, principal: Principal, unit_code: str) -> str:
    """The caller's unit assesses `unit_code` (level by level, Art. 31); the assessor unit."""
    app.ensure_within(principal, unit_code)
    assessor = assessor_of(app, unit_code)
    # The node that manages the unit assesses it, 逐级: the district node the towns themselves
    # and the district's departments, a town's node the town's units and villages (Art. 7, 31).
    app.ensure_manages(principal, unit_code)
    if principal.unit_code != assessor:
        raise Invalid(
            "unit_code",
            f"按照分级管理、逐级实施（第三十一条），{unit_code} 由 {assessor} 考核，"
            f"{principal.unit_code} 不能考核 "
            f"({unit_code} is assessed by {assessor} (level by level, Art. 31), "
            f"not by {principal.unit_code})",
        )
    return assessor


# -- the scheme of a year -------------------------------------------------------------------------


def scheme_for(app: AssessmentApplication, year: int) -> ScoringScheme:
    """The scheme set for `year`, else the configured default (Art. 31)."""
    found = app.find(YearScheme.create_id(year), YearScheme)
    if found is None or not found.scheme:
        return app.default_scheme
    return ScoringScheme.model_validate(found.scheme)


def set_scheme(
    app: AssessmentApplication, year: int, scheme: ScoringScheme, by: Principal
) -> ScoringScheme:
    """Set the year's scheme; only the node's top office may, before any result is out."""
    root = app.node_root or list(app.org.ancestors(app.unit(by.unit_code).code))[-1].code
    if by.unit_code != root:
        raise Forbidden(
            f"计分办法由本节点最高一级单位 {root} 的预防腐败室制定 "
            f"(the scheme is set by the office of {root}, the top of the node)"
        )
    scheme.checked()
    published = [a for a in assessments(app, year, root) if a.is_published and a.unit_code != root]
    if published:
        raise Conflict(
            f"{year} 年度已有 {len(published)} 个单位的考核结果公布，计分办法不能再改 "
            f"({len(published)} assessments of {year} are already published)"
        )
    record = app.find(YearScheme.create_id(year), YearScheme) or YearScheme(year=year)
    record.set(scheme=scheme.model_dump(), by=actor_of(by), at=app.clock.now())
    app.save_once(record)
    return scheme


# -- the ledger and the score ---------------------------------------------------------------------


def ledger(app: AssessmentApplication, unit_code: str, year: int) -> Ledger:
    """Everything of the unit's year that counts: upstream facts and this service's records,
    and the upstream facts of each unit it manages directly (逐级, Art. 31)."""
    return ledger_of(
        unit_code,
        year,
        figures_of(app, unit_code, year),
        inspections_of(app, unit_code, year),
        surveys_of(app, unit_code, year),
        recognitions_of(app, unit_code, year),
        managed=[
            ledger_of(code, year, figures_of(app, code, year), [], [], [])
            for code in managed_units(app, unit_code)
        ],
    )


def managed_units(app: AssessmentApplication, unit_code: str) -> list[str]:
    """The units `unit_code` manages directly and assesses (its children, Art. 31), by code.

    Only one level: a village's facts count on its town's card, not on the district's — the
    district answers for the towns and departments it assesses, each town for its own units
    (分级管理、逐级实施).
    """
    return sorted(u.code for u in app.org.subtree(unit_code) if u.parent_code == unit_code)


def preview(app: AssessmentApplication, unit_code: str, year: int) -> Scorecard:
    """The score as it stands now, not recorded (for dashboards, Art. 31)."""
    app.unit(unit_code)
    return score(ledger(app, unit_code, year), scheme_for(app, year))


def score_unit(
    app: AssessmentApplication, unit_code: str, year: int, by: Principal
) -> AnnualAssessment:
    """Score a unit's year as its assessor (level by level) and record the card (Art. 31)."""
    assessor = ensure_assessor(app, by, unit_code)
    scheme = scheme_for(app, year)
    card = score(ledger(app, unit_code, year), scheme)
    aid = AnnualAssessment.create_id(unit_code, year)
    assessment = app.find(aid, AnnualAssessment) or AnnualAssessment(
        unit_code=unit_code, year=year, assessor_unit=assessor
    )
    assessment.rescore(card=card, scheme=scheme.model_dump(), by=actor_of(by), at=app.clock.now())
    app.save_once(assessment)
    return assessment


def publish(
    app: AssessmentApplication, unit_code: str, year: int, by: Principal
) -> AnnualAssessment:
    """Publish the result 公布考核结果; AssessmentPublished goes out (Art. 31)."""
    ensure_assessor(app, by, unit_code)
    assessment = get_assessment(app, unit_code, year)
    assessment.publish(by=actor_of(by), at=app.clock.now())
    app.save_once(assessment)
    return assessment


def get_assessment(app: AssessmentApplication, unit_code: str, year: int) -> AnnualAssessment:
    """A unit's assessment of a year; NotFound before it is first scored (Art. 31)."""
    found = app.find(AnnualAssessment.create_id(unit_code, year), AnnualAssessment)
    if found is None:
        raise NotFound(
            f"{unit_code} 尚无 {year} 年度考核 (no {year} assessment of {unit_code} yet)"
        )
    return found


def assessments(app: AssessmentApplication, year: int, within: str) -> list[AnnualAssessment]:
    """The year's assessments of the units in the subtree of `within`, by unit code (Art. 31)."""
    units = {u.code for u in app.org.subtree(app.unit(within, "within").code)}
    return [
        get_assessment(app, code, year)
        for code in app.view.units_with(AnnualAssessment, year)
        if code in units
    ]
