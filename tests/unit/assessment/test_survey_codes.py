"""社会评议 by one-time code: the office issues codes, a respondent answers once (Art. 30(5)).

The public page reaches these routes through the console's public principal; a code answers
exactly once, even when two answers with it arrive together.
"""

from __future__ import annotations

import threading
from datetime import UTC, datetime
from typing import TYPE_CHECKING

import pytest
from eventsourcing.persistence import IntegrityError

from services.assessment.main import SPEC
from services.assessment.settings import AssessmentSettings
from shared.auth import PUBLIC_USER_ID, Principal, Role
from shared.clock import ManualClock
from shared.errors import Conflict
from tests.support.http_api import served
from tests.unit.assessment.story import DISTRICT_OFFICE, new_app
from tests.unit.assessment.test_assessment_api import Api

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path
    from uuid import UUID

    from services.assessment.app import AssessmentApplication

PUBLIC = Principal(PUBLIC_USER_ID, frozenset({Role.PUBLIC}), "QX")
ROUND = {
    "unit_code": "QX-TH",
    "title": "2026年太和镇社会评议",
    "questions": [{"id": "q1", "text": "办事是否廉洁"}, {"id": "q2", "text": "服务态度"}],
}


@pytest.fixture
def api() -> Iterator[Api]:
    """The district node's assessment service: the district office evaluates the towns."""
    clock = ManualClock(datetime(2026, 6, 1, 2, 0, tzinfo=UTC))
    with served(SPEC, AssessmentSettings, clock) as (runtime, client):
        yield Api(runtime, client)


def test_a_code_opens_the_questionnaire_and_answers_once(api: Api) -> None:
    office = api.as_(Role.OFFICE, "QX", "u-qx-office")
    public = api.as_(Role.PUBLIC, "QX", PUBLIC_USER_ID)
    rid = api.post("/surveys", ROUND, office).json()["id"]
    issued = api.post(f"/surveys/{rid}/codes", {"count": 3}, office)
    assert issued.status_code == 201, issued.text
    codes = issued.json()["codes"]
    assert len(set(codes)) == 3
    assert all(len(c) == 16 for c in codes)
    # Only the office of a body above issues codes; the public principal answers, nothing more.
    assert api.post(f"/surveys/{rid}/codes", {"count": 3}, public).status_code == 403
    assert api.post(f"/surveys/{rid}/codes", {"count": 501}, office).status_code == 422
    assert api.get(f"/surveys/{rid}", public).status_code == 403
    code = {"code": codes[0]}
    assert api.post(f"/public/surveys/{rid}/questionnaire", code, office).status_code == 403

    shown = api.post(f"/public/surveys/{rid}/questionnaire", code, public)
    assert shown.json() == {"title": ROUND["title"], "questions": ROUND["questions"]}
    answer = {"code": codes[0], "answers": {"q1": 5, "q2": 4}}
    assert api.post(f"/public/surveys/{rid}/responses", answer, public).status_code == 201
    again = api.post(f"/public/surveys/{rid}/responses", answer, public)
    assert again.status_code == 409
    assert again.json()["detail"].startswith("该评议码已使用，每个评议码只能使用一次 (")
    reopened = api.post(f"/public/surveys/{rid}/questionnaire", code, public)
    assert reopened.status_code == 409
    # A code never issued for this round is unknown; one typed in lower case is taken.
    made_up = {"code": "A" * 16, "answers": {"q1": 5, "q2": 4}}
    assert api.post(f"/public/surveys/{rid}/responses", made_up, public).status_code == 404
    lower = {"code": codes[1].lower(), "answers": {"q1": 3, "q2": 3}}
    assert api.post(f"/public/surveys/{rid}/responses", lower, public).status_code == 201
    bad = api.post(f"/public/surveys/{rid}/responses", {**lower, "code": "短"}, public)
    assert bad.json()["detail"][0]["loc"] == ["body", "code"]

    # The answers count in the round as the office's entries do, their channel recorded.
    survey = api.get(f"/surveys/{rid}", office).json()
    assert (survey["responses"], survey["score"]) == (2, 0.6875)
    app = api.runtime.app
    responses = app.get_survey(rid).responses.values()
    assert {r.channel for r in responses} == {"public_code"}
    states = b" ".join(n.state for n in app.recorder.select_notifications(start=1, limit=1000))
    assert not any(c.encode() in states for c in codes)  # hashes only
    # A closed round takes no more answers, even with an unused code.
    assert api.post(f"/surveys/{rid}/close", {}, office).status_code == 200
    late = {"code": codes[2], "answers": {"q1": 1, "q2": 1}}
    assert api.post(f"/public/surveys/{rid}/responses", late, public).status_code == 409


def _round_with_codes(
    tmp_path: Path,
) -> tuple[UUID, list[str], list[AssessmentApplication]]:
    env = {"PERSISTENCE_MODULE": "eventsourcing.sqlite", "SQLITE_DBNAME": str(tmp_path / "a.db")}
    first, _ = new_app(env)
    second, _ = new_app(env)  # a second process on the same store
    questions = [("q1", "办事是否廉洁")]
    survey = first.open_survey("QX-TH", "社会评议", questions, DISTRICT_OFFICE, 2026)
    codes = first.issue_codes(survey.id, 4, DISTRICT_OFFICE)
    return survey.id, codes, [first, second]


def test_two_concurrent_uses_of_one_code_exactly_one_accepted(tmp_path: Path) -> None:
    rid, codes, (first, second) = _round_with_codes(tmp_path)
    # Both processes read the round before either saves: the store takes one answer only.
    mine, theirs = first.get_survey(rid), second.get_survey(rid)
    mine.respond(token=codes[0], answers={"q1": 5}, at=mine.opened_at, channel="public_code")
    theirs.respond(token=codes[0], answers={"q1": 1}, at=mine.opened_at, channel="public_code")
    first.save(mine)
    with pytest.raises(IntegrityError):
        second.save(theirs)

    # Through the handler, released together from two processes, again and again.
    for code in codes[1:]:
        outcomes: list[str] = []
        start = threading.Barrier(2)

        def answer(
            app: AssessmentApplication,
            code: str = code,
            outcomes: list[str] = outcomes,
            start: threading.Barrier = start,
        ) -> None:
            start.wait()
            try:
                app.respond_by_code(rid, code, {"q1": 4}, PUBLIC)
                outcomes.append("accepted")
            except Conflict:
                outcomes.append("refused")

        threads = [threading.Thread(target=answer, args=(a,)) for a in (first, second)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert sorted(outcomes) == ["accepted", "refused"]
    assert len(first.get_survey(rid).responses) == 4


def test_concurrent_answers_with_different_codes_all_land(tmp_path: Path) -> None:
    rid, codes, apps = _round_with_codes(tmp_path)
    start = threading.Barrier(len(codes))
    errors: list[BaseException] = []

    def answer(app: AssessmentApplication, code: str) -> None:
        start.wait()
        try:
            app.respond_by_code(rid, code, {"q1": 3}, PUBLIC)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=answer, args=(apps[i % 2], c)) for i, c in enumerate(codes)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len(apps[0].get_survey(rid).responses) == len(codes)
