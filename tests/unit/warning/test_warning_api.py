"""The warning service over HTTP: roles, jurisdiction, errors, the notice (Art. 27–29)."""

from __future__ import annotations

from datetime import datetime, timedelta
from io import BytesIO
from typing import TYPE_CHECKING, Any

import pytest
from pypdf import PdfReader

from services.warning.app import WarningApplication
from services.warning.main import SPEC
from services.warning.settings import WarningSettings
from shared.auth import Role
from shared.clock import BEIJING, ManualClock
from shared.settings import CommonSettings
from shared.vocabulary import Grade
from tests.support.http_api import ApiClient
from tests.unit.warning.upstream import feed, graded, judgement

if TYPE_CHECKING:
    from collections.abc import Iterator

MEETING = {"held_on": "2026-01-05", "attendees": ["镇党委书记", "镇纪委书记"], "decision": "issue",
           "minutes_ref": "太和纪要〔2026〕3号"}  # fmt: skip


class Api(ApiClient):
    @property
    def town_office(self) -> dict[str, str]:
        return self.as_("u-th-office", Role.OFFICE, "QX-TH")

    @property
    def town_clerk(self) -> dict[str, str]:
        return self.as_("u-th-clerk", Role.OFFICE, "QX-TH")

    def proposal(self, grade: Grade = Grade.LOW) -> str:
        """A proposal from a judgement about a point the register graded `grade`."""
        made = judgement()
        assert made.data.risk_point_id is not None
        feed(self.runtime.app, made)
        feed(self.runtime.app, graded(made.data.risk_point_id, grade))
        rows = self.client.get("/proposals?status=open", headers=self.town_office).json()
        return str(rows[-1]["id"])


def report_of(action: dict[str, Any]) -> dict[str, Any]:
    """What an action's holder reports (Art. 28): the warning talk held, or the documents."""
    if action["kind"] == "warning_talk":
        return {"held_at": "2026-01-05T08:00:00Z", "participants": ["出纳 张某"]}
    return {"note": "已完成", "document_refs": [f"doc-{action['kind']}"]}


@pytest.fixture
def api() -> Iterator[Api]:
    # 太和镇's node, where the district's auditors may read (a documented deployment setting).
    # No business_lines override: the finance bureau follows QX-TH-CZS through the org tree.
    town = CommonSettings(
        store="memory", node_id="town-taihe", node_root_unit="QX-TH", admit_district_auditors=True
    )
    yield from Api.serve(SPEC, WarningSettings, common=town)


def test_review_issue_report_verify_close(api: Api) -> None:
    proposal = api.proposal()
    head = api.as_("u-taihe-czs-head", Role.LEADER, "QX-TH-CZS")
    # Issuing before the meeting: 409, nothing issued.
    assert api.post(f"/proposals/{proposal}/warning", {}, api.town_office).status_code == 409
    # Only the office of the managing body reviews: a leader is the wrong role, the unit itself
    # and a sibling town are outside.
    wrong_role = api.post(f"/proposals/{proposal}/review", MEETING, head)
    assert wrong_role.status_code == 403
    # Said in Chinese first for the official, the English after (issue #16).
    assert wrong_role.json()["detail"].startswith(
        "此操作须由预防腐败室办理，您的角色是：领导班子成员 ("
    )
    unit_office = api.as_("u-czs-office", Role.OFFICE, "QX-TH-CZS")
    assert api.post(f"/proposals/{proposal}/review", MEETING, unit_office).status_code == 403
    sibling = api.as_("u-tp-office", Role.OFFICE, "QX-TP")
    assert api.post(f"/proposals/{proposal}/review", MEETING, sibling).status_code == 403
    # The point is graded 低: the meeting warns yellow, and may not pick another level (Art. 28).
    [shown] = api.client.get("/proposals?status=open", headers=api.town_office).json()
    assert (shown["grade"], shown["level"]) == ("low", "yellow")
    red = api.post(f"/proposals/{proposal}/review", {**MEETING, "level": "red"}, api.town_office)
    assert red.status_code == 409
    assert red.json()["detail"].startswith("Art. 28: 风险等级为“低”的风险点应发黄色预警")
    assert "(a 低-graded point is warned yellow" in red.json()["detail"]
    reviewed = api.post(f"/proposals/{proposal}/review", MEETING, api.town_office)
    assert (reviewed.status_code, reviewed.json()["status"]) == (201, "decided")
    past = {"deadlines": {"rectification": "2025-12-31T00:00:00+08:00"}}
    refused = api.post(f"/proposals/{proposal}/warning", past, api.town_office)
    assert refused.status_code == 422
    assert "deadlines.rectification" in refused.text
    issued = api.post(f"/proposals/{proposal}/warning", {}, api.town_office)
    assert issued.status_code == 201, issued.text
    warning = issued.json()
    assert warning["notice_number"] == "清新廉预〔2026〕黄-0001"
    assert warning["reported_to"] == ["QX-CZ", "QX-TH"]
    wid = warning["id"]
    # The unit reports its own actions and the town the talk it held (each action names its
    # holder); whoever reported cannot verify; another member of the town's office does.
    holders = {a["kind"]: a["holder"] for a in warning["actions"]}
    assert holders == {
        "explanation": "warned_unit", "self_analysis": "warned_unit",
        "warning_talk": "disposing_body", "rectification": "warned_unit",
    }  # fmt: skip
    for action in warning["actions"]:
        talk, body = action["kind"] == "warning_talk", report_of(action)
        path = f"/warnings/{wid}/actions/{action['action_id']}"
        if talk:  # not the warned unit's to report
            assert api.post(f"{path}/reports", body, head).status_code == 403
        reporter = api.town_clerk if talk else head
        assert api.post(f"{path}/reports", body, reporter).status_code == 201
        own = api.post(f"{path}/verification", {"accepted": True}, head)
        assert own.status_code == 403  # a leader is not the office
        done = api.post(f"{path}/verification", {"accepted": True}, api.town_office)
        assert done.status_code == 200
    shown = api.client.get(f"/warnings/{wid}", headers=head).json()
    assert shown["is_open"] is False
    again = api.post(
        f"/warnings/{wid}/actions/{warning['actions'][0]['action_id']}/reports",
        {"document_refs": ["x"]},
        head,
    )
    assert again.status_code == 409
    timeline = api.client.get(f"/warnings/{wid}/timeline", headers=head).json()
    assert timeline[-1]["label_zh"] == "预警办结"


def test_listings_inbox_and_notice_respect_jurisdiction(api: Api) -> None:
    proposal = api.proposal(Grade.MEDIUM)
    api.post(f"/proposals/{proposal}/review", MEETING, api.town_office)
    wid = api.post(f"/proposals/{proposal}/warning", {}, api.town_office).json()["id"]
    district = api.as_("u-qx-auditor", Role.AUDITOR, "QX")
    assert [w["level"] for w in api.client.get("/warnings", headers=district).json()] == ["orange"]
    assert api.client.get("/warnings?level=red", headers=district).json() == []
    # Another town's office is refused at this node's door (Art. 7), naming the node's root.
    sibling = api.as_("u-tp-office", Role.OFFICE, "QX-TP")
    refused = api.client.get("/warnings", headers=sibling)
    assert refused.status_code == 403
    assert "serves the units of QX-TH" in refused.json()["detail"]
    assert api.client.get(f"/warnings/{wid}", headers=sibling).status_code == 403
    assert api.client.get("/warnings?within=QX-TH", headers=sibling).status_code == 403
    assert api.client.get("/warnings?within=NOWHERE", headers=district).status_code == 422
    officer = api.as_("u-officer", Role.OFFICER, "QX-TH")
    assert api.client.get("/warnings", headers=officer).status_code == 403
    # 条块结合: the finance bureau's office sees the steps in its inbox.
    bureau = api.as_("u-cz-office", Role.OFFICE, "QX-CZ")
    reported = api.client.get("/warnings/inbox", headers=bureau).json()
    assert {"Opened", "Reviewed", "Issued"} <= {e["step"] for e in reported}
    # ... each step naming the warned unit and the warning, though the bureau lies outside
    # this node's units (Art. 27: admitted to follow what is reported to it).
    assert {(e["subject_unit"], e["warning_id"], e["notice_number"]) for e in reported} == {
        ("QX-TH-CZS", wid, "清新廉预〔2026〕橙-0001")
    }
    # An action's steps say which action they are (the event names it by id only).
    kinds = {e["detail"].get("action_kind_zh") for e in reported if e["step"] == "ActionReported"}
    assert None not in kinds
    # The district's office, directly above this node's root, reads the bureau's inbox here too
    # (Art. 29), as a town's office may not (the bureau lies outside its units).
    above = api.as_("u-qx-office", Role.OFFICE, "QX")
    assert api.client.get("/warnings/inbox?unit_code=QX-CZ", headers=above).json() == reported
    town = api.client.get("/warnings/inbox?unit_code=QX-CZ", headers=api.town_office)
    assert town.status_code == 403
    # A time without its offset cannot be compared with the steps': 422 naming the field.
    naive = api.client.get("/warnings/inbox?before=2026-01-05T08:00:00", headers=bureau)
    assert naive.status_code == 422
    assert "before" in naive.text
    # Nothing happened before the first step.
    first = min(e["at"] for e in reported)
    earlier = api.client.get("/warnings/inbox", params={"before": first}, headers=bureau)
    assert earlier.json() == []
    notice = api.client.get(f"/warnings/{wid}/notice.html", headers=district)
    assert notice.status_code == 200
    assert notice.headers["content-type"].startswith("text/html")
    for text in (
        "橙色预警通知书",
        "太和镇财政所",
        "对分管领导进行预警谈话",
        "清新廉预〔2026〕橙-0001",
    ):
        assert text in notice.text
    assert api.client.get("/warnings/overdue", headers=district).json() == []


def test_the_notice_prints_as_pdf_with_deadlines_in_beijing_time(api: Api) -> None:
    proposal = api.proposal(Grade.LOW)
    api.post(f"/proposals/{proposal}/review", MEETING, api.town_office)
    warning = api.post(f"/proposals/{proposal}/warning", {}, api.town_office).json()
    district = api.as_("u-qx-auditor", Role.AUDITOR, "QX")

    pdf = api.client.get(f"/warnings/{warning['id']}/notice.pdf", headers=district)
    assert pdf.status_code == 200
    assert pdf.headers["content-type"] == "application/pdf"
    reader = PdfReader(BytesIO(pdf.content))
    text = "".join(page.extract_text() for page in reader.pages).replace("\n", "")
    assert reader.metadata is not None
    assert reader.metadata.title == "黄色预警通知书 清新廉预〔2026〕黄-0001"
    for action in warning["actions"]:
        due = datetime.fromisoformat(action["due_at"]).astimezone(BEIJING)
        # The store says UTC; the notice says Beijing time, eight hours on.
        assert f"{due:%Y年%m月%d日 %H:%M}（北京时间）" in text
    for words in ("黄色预警通知书", "太和镇财政所", "清新廉预〔2026〕黄-0001", "预警事由"):
        assert words in text
    html = api.client.get(f"/warnings/{warning['id']}/notice.html", headers=district).text
    assert "（北京时间）" in html
    assert " UTC" not in html

    sibling = api.as_("u-tp-office", Role.OFFICE, "QX-TP")
    refused = api.client.get(f"/warnings/{warning['id']}/notice.pdf", headers=sibling)
    assert refused.status_code == 403


def test_the_level_above_supervises_a_disposal_over_http(api: Api) -> None:
    """Art. 29 分级监督: the district chases the town's disposal; the town itself may not."""
    proposal = api.proposal()
    assert api.post(f"/proposals/{proposal}/review", MEETING, api.town_office).status_code == 201
    issued = api.post(f"/proposals/{proposal}/warning", {}, api.town_office)
    assert issued.status_code == 201, issued.text
    path = f"/warnings/{issued.json()['id']}/supervision"
    district = api.as_("u-qx-office", Role.OFFICE, "QX")
    chase = {"act": "chased", "text": "请按期落实警示谈话"}
    refused = api.post(path, chase, api.town_office)  # the disposing body does not supervise itself
    assert (refused.status_code, refused.json()["detail"][:8]) == (403, "Art. 29:")
    auditor = api.as_("u-qx-audit", Role.AUDITOR, "QX")
    assert api.post(path, chase, auditor).status_code == 403
    early = api.post(path, {"act": "signed_off", "text": ""}, district)
    assert (early.status_code, early.json()["detail"][:8]) == (409, "Art. 29:")
    empty = api.post(path, {"act": "chased", "text": " "}, district)  # refused on its field
    assert (empty.status_code, empty.json()["detail"][0]["loc"]) == (422, ["body", "text"])
    done = api.post(path, chase, district)
    assert (done.status_code, done.json()["state"]) == (201, "watching"), done.text
    # The district reads what it supervises on the town's node: the warnings, one, its steps.
    warning = f"/warnings/{issued.json()['id']}"
    listed = api.get("/warnings?within=QX-TH", district)
    [line] = [w for w in listed.json() if w["id"] == issued.json()["id"]]
    assert (line["supervision_state"], line["rework_due_at"]) == ("watching", None)  # chased
    owed = api.get("/todos", district)  # the level above asks this node for its to-dos
    assert (owed.status_code, owed.json()) == (200, [])  # under way: nothing to sign off yet
    for read in (warning, f"{warning}/timeline", f"{warning}/notice.html", path):
        assert api.get(read, district).status_code == 200, read
    # ... as its office or leaders; its other people, as on every route of the node (Art. 7).
    judge = api.as_("u-qx-judge", Role.JUDGE, "QX")
    refused_judge = api.get(warning, judge)
    assert (refused_judge.status_code, refused_judge.json()["detail"][:7]) == (403, "Art. 7:")
    assert api.get(warning, auditor).status_code == 200  # this deployment admits its auditors
    seen = api.get(path, api.town_office).json()
    assert [(a["act"], a["by"]["unit_code"]) for a in seen["acts"]] == [("chased", "QX")]
    inbox = api.get("/warnings/inbox?unit_code=QX-TH", api.town_office).json()
    assert "上级督办" in [e["label_zh"] for e in inbox]
    rework = api.post(f"{path}/rework", {"note": "已修订"}, api.town_office)
    assert rework.status_code == 409  # nothing was returned


def test_both_sides_read_the_rework_deadline_and_its_lapse_over_http(api: Api) -> None:
    """Art. 29: while a returned disposal awaits its rework, its supervision tells both sides
    the 重办期限 and, once the watch recorded it passed unanswered, that it is overdue (the
    分级监督 tab shows them); the rework, however late, clears both."""
    proposal = api.proposal()
    api.post(f"/proposals/{proposal}/review", MEETING, api.town_office)
    warning = api.post(f"/proposals/{proposal}/warning", {}, api.town_office).json()
    head = api.as_("u-taihe-czs-head", Role.LEADER, "QX-TH-CZS")
    for action in warning["actions"]:
        talk = action["kind"] == "warning_talk"
        path = f"/warnings/{warning['id']}/actions/{action['action_id']}"
        reporter = api.town_clerk if talk else head
        assert api.post(f"{path}/reports", report_of(action), reporter).is_success
        assert api.post(f"{path}/verification", {"accepted": True}, api.town_office).is_success
    path = f"/warnings/{warning['id']}/supervision"
    clock = api.runtime.clock
    assert isinstance(clock, ManualClock)
    district = api.as_("u-qx-office", Role.OFFICE, "QX")
    assert api.get(path, district).json()["rework_due_at"] is None  # nothing returned yet
    returned = api.post(path, {"act": "returned", "text": "整改材料未见制度修订"}, district)
    due = datetime.fromisoformat(returned.json()["rework_due_at"])
    assert (due, returned.json()["rework_overdue"]) == (clock.now() + timedelta(days=10), False)

    clock.advance(timedelta(days=10, seconds=1))
    app = api.runtime.app
    assert isinstance(app, WarningApplication)
    assert app.check_rework_deadlines() == 1  # the rework watch's tick
    district = api.as_("u-qx-office", Role.OFFICE, "QX")  # tokens of the clock's new day
    for reader in (district, api.town_office):
        seen = api.get(path, reader).json()
        assert (seen["state"], seen["rework_due_at"], seen["rework_overdue"]) == (
            "returned", returned.json()["rework_due_at"], True
        )  # fmt: skip
    late = api.post(f"{path}/rework", {"note": "已修订财务审批制度"}, api.town_office).json()
    assert (late["state"], late["rework_due_at"], late["rework_overdue"]) == (
        "resubmitted", None, False
    )  # fmt: skip
