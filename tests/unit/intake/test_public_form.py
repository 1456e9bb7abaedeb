"""The public 举报 form over HTTP: a citizen's report enters intake as a petition, its receipt
code follows it, the office asks and the citizen answers (Art. 21, 22, 24)."""

from __future__ import annotations

import logging
from typing import Any

import pytest

from services.intake.public.model import CitizenThread, ReceiptCode
from shared.auth import PUBLIC_USER_ID, Role
from tests.unit.intake.http_support import Api

REPORT = {
    "unit_code": "QX-TH",
    "summary": "太和镇某站所收取办证费用不开收据，群众多次反映。",
    "subject_post": "窗口工作人员",
    "petitioner_name": "王秀英",
    "petitioner_contact": "13800001234",
}


def _public(api: Api) -> dict[str, str]:
    return api.as_(PUBLIC_USER_ID, Role.PUBLIC, "QX")


def _district_office(api: Api) -> dict[str, str]:
    return api.as_("u-qx-office", Role.OFFICE, "QX")


def _stored_text(api: Api) -> str:
    recorder: Any = api.runtime.app.recorder
    return " ".join(
        n.state.decode("utf-8", "replace")
        for n in recorder.select_notifications(start=1, limit=10_000)
    )


def test_a_report_enters_intake_as_a_petition_and_its_code_follows_it(
    api: Api, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    filed = api.post("/public/reports", REPORT, _public(api))
    assert filed.status_code == 201, filed.text
    code = filed.json()["receipt_code"]
    assert set(filed.json()) == {"receipt_code"}  # no case id, no routing: the code alone
    assert len(code.replace("-", "")) == 24

    # The office sees it in its inbox as a petition filed by the public form, identity sealed.
    office = _district_office(api)
    inbox = api.client.get("/inbox", headers=office, params={"unit": "QX"}).json()
    [case] = [c for c in inbox if c["summary"] == REPORT["summary"]]
    info = api.get(f"/information/{case['information_id']}", office).json()
    assert info["channel"] == "petition"
    assert info["source_reference"].startswith("WSJB-")
    assert info["filed_by"]["role"] == "public"
    assert info["has_protected_source"] is True
    # ... and as a to-do 网上举报待筛选 on the district office's 工作台.
    todos = api.get("/todos", office).json()
    assert any(t["kind"] == "public_report_to_screen" for t in todos)

    # Neither the code nor the identity is stored or logged as typed; the hash is.
    stored = _stored_text(api)
    plain = code.replace("-", "")
    assert plain not in stored
    assert code not in stored
    assert REPORT["petitioner_name"] not in stored
    assert REPORT["petitioner_contact"] not in stored
    assert api.runtime.app.cipher.receipt_hashes(plain)[0] in stored
    assert plain not in caplog.text
    assert REPORT["petitioner_contact"] not in caplog.text

    # The citizen sees the coarse status, typed with spaces and lower case too.
    status = api.post("/public/reports/status", {"receipt_code": code.lower()}, _public(api))
    assert status.json() == {
        "status": "received", "status_zh": "已受理", "received_on": "2026-03-02", "questions": [],
    }  # fmt: skip

    # The office asks from the case page; the citizen answers with the code.
    asked = api.post(
        f"/information/{case['information_id']}/citizen/questions",
        {"text": "请问收费的具体时间和金额？"},
        office,
    )
    assert asked.status_code == 201, asked.text
    assert asked.json()["awaiting_answer"] is True
    assert asked.json()["questions"][0]["asked_by"]["user_id"] == "u-qx-office"
    assert not any(t["kind"] == "public_report_to_screen" for t in api.get("/todos", office).json())
    seen = api.post("/public/reports/status", {"receipt_code": code}, _public(api)).json()
    assert seen["status"] == "handling"
    assert seen["questions"][0]["text"] == "请问收费的具体时间和金额？"
    assert "asked_by" not in seen["questions"][0]  # no official's name goes out
    answer = {"receipt_code": code, "question_id": 1, "text": "2026年2月，每次50元。"}
    answered = api.post("/public/reports/answers", answer, _public(api))
    assert answered.status_code == 200, answered.text
    assert answered.json()["questions"][0]["answer"] == "2026年2月，每次50元。"
    assert api.post("/public/reports/answers", answer, _public(api)).status_code == 409
    thread = api.get(f"/information/{case['information_id']}/citizen", office).json()
    assert thread["questions"][0]["answer"] == "2026年2月，每次50元。"
    assert thread["awaiting_answer"] is False
    stored_thread = api.runtime.app.find(
        CitizenThread.create_id(case["information_id"]), CitizenThread
    )
    assert stored_thread is not None
    assert stored_thread.version == 3


def test_a_wrong_code_learns_nothing_and_only_the_public_principal_is_served(api: Api) -> None:
    code = api.post("/public/reports", REPORT, _public(api)).json()["receipt_code"]
    wrong = code[:-1] + ("A" if code[-1] != "A" else "B")
    for bad in (wrong, "AAAA-AAAA-AAAA-AAAA-AAAA-AAA1"):
        refused = api.post("/public/reports/status", {"receipt_code": bad}, _public(api))
        assert refused.status_code == 404
        assert refused.json()["detail"] == "查询码有误或不存在 (no report with this receipt code)"
    # Every public route refuses officials' tokens; the office's routes refuse the public one.
    office = _district_office(api)
    assert api.post("/public/reports", REPORT, office).status_code == 403
    assert api.post("/public/reports/status", {"receipt_code": code}, office).status_code == 403
    assert api.client.get("/inbox", headers=_public(api)).status_code == 403
    assert api.post("/information", {}, _public(api)).status_code in (403, 422)
    # Bad input names the field; an office question on a case from another channel is a 404.
    short = api.post("/public/reports", REPORT | {"summary": "太短"}, _public(api))
    assert short.status_code == 422
    assert short.json()["detail"][0]["loc"] == ["body", "summary"]
    outside = api.post("/public/reports", REPORT | {"unit_code": "XX-NOPE"}, _public(api))
    assert outside.status_code == 422
    receipts = [
        a for a in api.runtime.app.recorder.select_notifications(start=1, limit=1000)
        if a.topic.endswith("ReceiptCode.Issued")
    ]  # fmt: skip
    assert len(receipts) == 1
    assert ReceiptCode.__name__ in receipts[0].topic
