"""Social evaluation 社会评议: open a survey round, take anonymous responses, close it
(Art. 30(5)). Plain functions `(app, ...)`: check who may, load, call the `SurveyRound`, save.
"""

from __future__ import annotations

import base64
import secrets
from typing import TYPE_CHECKING

from eventsourcing.persistence import IntegrityError

from services.assessment.surveys.model import SurveyRound, token_hash
from shared.application import actor_of
from shared.auth import Role
from shared.errors import Conflict, Forbidden, Invalid

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
        raise Invalid(
            "questions",
            "至少一个问题，且各问题编号不得重复 (at least one question, each with its own id)",
        )
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


MAX_CODES = 500
"""At most this many one-time codes in one issue (a printed sheet's worth, several pages)."""
CODE_BYTES = 10
"""80 random bits: 16 base32 characters."""
SAVE_ATTEMPTS = 8
"""Concurrent answers with different codes both land: the loser of a save reloads and retries."""


def issue_codes(app: AssessmentApplication, round_id: UUID, count: int, by: Principal) -> list[str]:
    """Issue `count` one-time codes 评议码 for the public questionnaire of a round (Art. 30(5)).

    The codes are returned once, to print as QR codes; the round keeps only their hashes.
    """
    if not 1 <= count <= MAX_CODES:
        raise Invalid(
            "count", f"每次发放 1 至 {MAX_CODES} 个评议码 (issue 1..{MAX_CODES} codes at a time)"
        )
    survey = get_survey(app, round_id)
    app.ensure_above(by, survey.unit_code, "issuing social evaluation codes")
    codes = [
        base64.b32encode(secrets.token_bytes(CODE_BYTES)).decode("ascii") for _ in range(count)
    ]
    survey.issue_codes(
        [token_hash(survey.id, c) for c in codes], by=actor_of(by), at=app.clock.now()
    )
    app.save_once(survey)
    return codes


def _ensure_public(by: Principal) -> None:
    if Role.PUBLIC not in by.roles:
        raise Forbidden(
            "凭评议码答卷只能通过公开页面 (only the console's public principal answers by a "
            "one-time code)"
        )


def questionnaire_by_code(
    app: AssessmentApplication, round_id: UUID, code: str, by: Principal
) -> SurveyRound:
    """The round behind a one-time code not used yet, to show its questions (Art. 30(5))."""
    _ensure_public(by)
    survey = get_survey(app, round_id)
    survey.check_code(code.strip().upper())
    return survey


def respond_by_code(
    app: AssessmentApplication,
    round_id: UUID,
    code: str,
    answers: dict[str, int],
    by: Principal,
) -> UUID:
    """One response from the public page, consuming its one-time code exactly once (Art. 30(5)).

    Two answers arriving together append to the same round: the store lets one save win, and
    the other is taken again on the round as saved, where a code used meanwhile is refused (409)
    and a different code lands.
    """
    _ensure_public(by)
    for _ in range(SAVE_ATTEMPTS):
        survey = get_survey(app, round_id)
        response_id = survey.respond(
            token=code.strip().upper(), answers=answers, at=app.clock.now(), channel="public_code"
        )
        try:
            app.save(survey)
        except IntegrityError:
            continue
        return response_id
    raise Conflict("提交的答卷较多，请再提交一次 (the survey round was busy; answer again)")


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
