"""Social evaluation 社会评议: open a survey round, take anonymous responses, close it
(Art. 30(5)). Plain functions `(app, ...)`: check who may, load, call the `SurveyRound`, save.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from services.assessment.surveys.model import SurveyRound
from shared.application import actor_of
from shared.errors import Invalid

if TYPE_CHECKING:
    from uuid import UUID

    from services.assessment.app import AssessmentApplication
    from shared.auth import Principal


def open_survey(
    app: AssessmentApplication,
    unit_code: str,
    title: str,
    questions: list[tuple[str, str]],
    by: Principal,
    year: int | None = None,
) -> SurveyRound:
    """Open a public survey round about a unit (社会评议, Art. 30(5)); run from above."""
    app.ensure_above(by, unit_code, "a social evaluation")
    ids = [q for q, _ in questions]
    if not questions or len(set(ids)) != len(ids):
        raise Invalid("questions", "at least one question, each with its own id")
    survey = SurveyRound(
        unit_code=unit_code, year=year or app.this_year(), title=title,
        questions=questions, opened_by=actor_of(by), opened_at=app.clock.now(),
    )  # fmt: skip
    app.save_once(survey)
    return survey


def get_survey(app: AssessmentApplication, round_id: UUID) -> SurveyRound:
    """A survey round; NotFound if there is none (Art. 30(5))."""
    return app.get(round_id, SurveyRound, "survey round")


def respond(
    app: AssessmentApplication, round_id: UUID, token: str, answers: dict[str, int], by: Principal
) -> UUID:
    """One anonymous response, entered by the office running the round (Art. 30(5)).

    The office enters paper questionnaires, or a public portal forwards answers with the
    office's token; the respondent stays anonymous: their token is hashed before storing.
    """
    survey = get_survey(app, round_id)
    app.ensure_above(by, survey.unit_code, "entering social evaluation responses")
    response_id = survey.respond(token=token, answers=answers, at=app.clock.now())
    app.save_once(survey)
    return response_id


def close_survey(app: AssessmentApplication, round_id: UUID, by: Principal) -> SurveyRound:
    """Close a round 评议结束: from now on its responses count in the score (Art. 30(5))."""
    survey = get_survey(app, round_id)
    app.ensure_above(by, survey.unit_code, "closing a social evaluation")
    survey.close(by=actor_of(by), at=app.clock.now())
    app.save_once(survey)
    return survey


def surveys_of(app: AssessmentApplication, unit_code: str, year: int) -> list[SurveyRound]:
    """A unit's survey rounds of a year, oldest first (Art. 30(5))."""
    return [get_survey(app, i) for i in app.view.ids(SurveyRound, unit_code, year)]


def surveys_within(app: AssessmentApplication, within: str, year: int) -> list[SurveyRound]:
    """The survey rounds of a year about any unit in the subtree of `within` (Art. 30(5))."""
    ids = app.view.ids_within(SurveyRound, app.units_within(within), year)
    return [get_survey(app, i) for i in ids]
