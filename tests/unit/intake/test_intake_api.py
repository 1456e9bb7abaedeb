"""Intake over HTTP: roles, units, idempotency, size limits, imports and the vault (Art. 22–24)."""

from __future__ import annotations

from datetime import timedelta

from shared.auth import Role
from tests.support.events import role_granted, take_in
from tests.support.tokens import SIGNED_IN_WITH_TOTP
from tests.unit.intake.http_support import NOW, Api, filing


def test_officers_are_managed_by_the_office_and_only_active_ones_file(api: Api) -> None:
    officer = api.as_("u-li", Role.OFFICER)
    refused = api.post("/information", filing("F-1"), officer)
    assert refused.status_code == 403
    assert "not an appointed information officer" in refused.json()["detail"]
    appoint = {"user_id": "u-li", "name": "李", "kind": "external", "units": ["QX-TH"],
               "active_from": (NOW - timedelta(days=1)).isoformat()}  # fmt: skip
    assert api.post("/officers", appoint, officer).status_code == 403  # officers don't appoint
    other_town = api.as_("u-tp-office", Role.OFFICE, "QX-TP")
    assert api.post("/officers", appoint, other_town).status_code == 403
    assert api.post("/officers", appoint, api.office).status_code == 201
    first = api.post("/information", filing("F-1"), officer)
    assert (first.status_code, first.json()["created"]) == (201, True)
    again = api.post("/information", filing("F-1"), officer)
    assert again.status_code == 200
    assert again.json()["information_id"] == first.json()["information_id"]
    listed = api.client.get("/officers", headers=api.office).json()
    assert [o["user_id"] for o in listed] == ["u-li"]


def test_bad_input_gets_a_clear_4xx(api: Api) -> None:
    granted = api.runtime.app.recorder.max_notification_id()  # the directory's posts
    post = api.post
    assert post("/information", filing("B", unit="QX-NOPE"), api.office).json()["detail"][0][
        "loc"
    ] == ["body", "unit_code"]
    assert post("/information", filing("B", channel="rumour"), api.office).status_code == 422
    future = filing("B", learned_at="2999-01-01T00:00:00+00:00")
    refused = post("/information", future, api.office).json()["detail"][0]
    # The console shows the reason on the field: in Chinese for the official, then the English.
    assert (refused["loc"], refused["msg"]) == (
        ["body", "learned_at"],
        "不能晚于当前时间 (lies in the future)",
    )
    missing = {k: v for k, v in filing("B").items() if k != "unit_code"}
    assert post("/information", missing, api.office).status_code == 422
    big = post("/information", filing("B", summary="长" * 4001), api.office)
    assert big.status_code == 413
    assert "超过 4000 字的上限" in big.json()["detail"]
    refs = filing("B", attachment_refs=["附件-" + "x" * 490] * 100, summary="x" * 20_000)
    whole = post("/information", refs, api.office)
    assert whole.status_code == 413
    assert "64000" in whole.json()["detail"]
    many = post("/information", filing("B", attachment_refs=["a"] * 101), api.office)
    assert many.json()["detail"][0]["loc"] == ["body", "attachment_refs"]
    assert post("/information", filing("B", unit="QX-TP"), api.office).status_code == 403
    assert api.runtime.app.recorder.max_notification_id() == granted


def test_an_idempotency_key_returns_the_first_answer(api: Api) -> None:
    key = {"Idempotency-Key": "abc-1"}
    first = api.post("/information", filing("K-1"), api.office, headers=key)
    second = api.post("/information", filing("K-1"), api.office, headers=key)
    assert first.status_code == second.status_code == 201
    assert first.json() == second.json()
    clash = api.post("/information", filing("K-2"), api.office, headers=key)
    assert clash.status_code == 409


def test_an_import_is_all_or_nothing_with_a_report_per_row(api: Api) -> None:
    granted = api.runtime.app.recorder.max_notification_id()  # the directory's posts
    csv_bad = (
        "source_reference,unit_code,summary,learned_at\n"
        "SJ-1,QX-TH-V1,大额现金支付,2026-03-01T08:00:00+08:00\n"
        "SJ-2,QX-NOPE,工程款拆分支付,2026-03-01T09:00:00+08:00\n"
    )
    headers = api.office | {"Content-Type": "text/csv"}
    bad = api.client.post("/information/imports", content=csv_bad.encode(), headers=headers)
    assert bad.status_code == 422
    assert [r["errors"] == [] for r in bad.json()["rows"]] == [True, False]
    assert api.runtime.app.recorder.max_notification_id() == granted
    good = csv_bad.replace("QX-NOPE", "QX-TH-GHB")
    done = api.client.post("/information/imports", content=good.encode(), headers=headers)
    assert done.status_code == 201
    assert [r["created"] for r in done.json()["rows"]] == [True, True]
    rows = {"rows": [{"source_reference": "SJ-3", "unit_code": "QX-TH", "summary": "x",
                      "learned_at": "2026-03-01T08:00:00+08:00"}]}  # fmt: skip
    assert api.post("/information/imports", rows, api.office).status_code == 201
    huge = b"x" * 2_000_001
    too_big = api.client.post("/information/imports", content=huge, headers=headers)
    assert too_big.status_code == 413


def test_the_identity_is_for_the_custodian_alone(api: Api) -> None:
    petition = filing(
        "XF-1",
        channel="petition",
        petitioner_name="王小明",
        petitioner_contact="13800138000",
        petitioner_id_number="441802199001011234",
    )
    answer = api.post("/information", petition, api.office)
    assert answer.status_code == 201, answer.text
    case = answer.json()["information_id"]
    for role in (Role.OFFICE, Role.JUDGE, Role.CUSTODIAN):
        shown = api.client.get(f"/information/{case}", headers=api.as_("u", role, "QX"))
        assert shown.status_code == 200
        assert "王小明" not in shown.text
        assert shown.json()["has_protected_source"] is True
    reveal = f"/information/{case}/identity/reveal"
    # The directory's custodian grants, as the console publishes them (Art. 22).
    for user, unit in (("u-keeper", "QX"), ("u-tp-keeper", "QX-TP")):
        take_in(api.runtime.app, role_granted(user, "custodian", unit, NOW - timedelta(days=1)))
    judge = api.post(reveal, {"reason": "研判需要"}, api.as_("u-judge", Role.JUDGE, "QX"))
    assert judge.status_code == 403
    keeper = api.as_("u-keeper", Role.CUSTODIAN, "QX", amr=SIGNED_IN_WITH_TOTP)
    assert api.post(reveal, {"reason": ""}, keeper).status_code == 422
    other_keeper = api.as_("u-tp-keeper", Role.CUSTODIAN, "QX-TP", amr=SIGNED_IN_WITH_TOTP)
    refused = api.post(reveal, {"reason": "核实"}, other_keeper)
    assert refused.status_code == 403
    assert "holds no custodian grant" in refused.json()["detail"]
    password_only = api.post(reveal, {"reason": "核实"}, api.as_("u-keeper", Role.CUSTODIAN, "QX"))
    assert password_only.status_code == 403
    assert "second factor" in password_only.json()["detail"]
    opened = api.post(reveal, {"reason": "核实打击报复线索"}, keeper)
    assert opened.json() == {
        "name": "王小明",
        "contact": "13800138000",
        "id_number": "441802199001011234",
    }
    timeline = api.client.get(f"/information/{case}/timeline", headers=api.office).json()
    assert [t["what"] for t in timeline] == ["filed", "accepted"]
    # The openings are on record, without the identity: for the custodian and the auditors.
    reveals = f"/information/{case}/identity/reveals"
    auditor = api.as_("u-audit", Role.AUDITOR, "QX")
    [opening] = api.client.get(reveals, headers=auditor).json()
    assert (opening["by"]["user_id"], opening["reason"]) == ("u-keeper", "核实打击报复线索")
    assert api.client.get(reveals, headers=keeper).json() == [opening]
    for role in (Role.OFFICE, Role.JUDGE, Role.OFFICER):
        assert api.client.get(reveals, headers=api.as_("u", role, "QX")).status_code == 403
    assert api.client.get(reveals, headers=other_keeper).status_code == 404  # as if unknown


def test_inbox_compliance_and_duties_follow_roles_and_units(api: Api) -> None:
    api.post("/information", filing("I-1", unit="QX-TH-V1"), api.office)
    rows = api.client.get("/inbox", headers=api.office).json()
    assert [(r["unit_code"], r["routing"], r["routed_to"]) for r in rows] == [
        ("QX-TH-V1", "forwarded", "town-taihe")
    ]
    assert api.client.get("/inbox?unit=QX-TP", headers=api.office).status_code == 403
    judge = api.as_("u-judge", Role.JUDGE, "QX")
    assert api.client.get("/inbox", headers=judge).json() == []  # forwarded: not ours to judge
    duty = {"unit_code": "QX-TH", "name": "月报", "kind": "periodic", "every": "monthly",
            "due_days": 10, "effective_from": "2026-02-01T00:00:00+08:00"}  # fmt: skip
    assert api.post("/duties", duty, judge).status_code == 403
    assert api.post("/duties", duty, api.office).status_code == 201
    figures = api.client.get("/compliance?period=2026-03", headers=api.office)
    assert figures.json()["own_reports"] == 0
    assert figures.json()["unit_code"] == "QX-TH"
    # A year without calendar bounds is a typing mistake, named (the fuzzer found it a 500).
    for period in ("0000-01", "9999-Q4"):
        bad = api.client.get(f"/compliance?period={period}", headers=api.office)
        assert bad.status_code == 422
        assert bad.json()["detail"][0]["loc"] == ["query", "period"]


def test_each_role_has_its_own_inbox(api: Api) -> None:
    officer = api.as_("u-li", Role.OFFICER)
    appoint = {"user_id": "u-li", "name": "李", "kind": "internal", "units": ["QX-TH"],
               "active_from": (NOW - timedelta(days=1)).isoformat()}  # fmt: skip
    api.post("/officers", appoint, api.office)
    by_officer = api.post("/information", filing("IB-1"), officer).json()["information_id"]
    sealed = filing("IB-2", channel="petition", petitioner_name="赵某")
    petition = api.post("/information", sealed, api.office).json()["information_id"]
    forwarded = api.post("/information", filing("IB-3", unit="QX-TH-V1"), api.office).json()

    def inbox(role: Role, user: str = "u-x") -> list[str] | int:
        answer = api.client.get("/inbox?unit=QX-TH", headers=api.as_(user, role, "QX"))
        return (
            [r["information_id"] for r in answer.json()]
            if answer.is_success
            else answer.status_code
        )

    every = [by_officer, petition, forwarded["information_id"]]
    assert inbox(Role.OFFICE) == inbox(Role.AUDITOR) == every
    assert inbox(Role.JUDGE) == [by_officer, petition]  # accepted here, not the forward
    assert inbox(Role.CUSTODIAN) == [petition]  # only where an identity is sealed
    assert inbox(Role.OFFICER, "u-li") == [by_officer]  # what they filed themselves
    assert inbox(Role.LEADER) == 403


def test_the_inbox_filters_by_status_and_channel_on_the_server_and_pages(api: Api) -> None:
    """The console's 信息列表 asks a page at a time (docs/paging.md), so its status tabs and
    channel filter are the server's: a page is never a filtered remnant (Art. 22–24)."""
    here = api.post("/information", filing("ST-1"), api.office).json()["information_id"]
    petition = filing("ST-2", channel="petition", petitioner_name="赵某")
    sealed = api.post("/information", petition, api.office).json()["information_id"]
    down = api.post("/information", filing("ST-3", unit="QX-TH-V1"), api.office).json()

    def ids(query: str) -> list[str]:
        answer = api.client.get(f"/inbox?{query}", headers=api.office)
        assert answer.status_code == 200, answer.text
        return [r["information_id"] for r in answer.json()]

    assert ids("status=forwarded") == ids("status=awaiting") == [down["information_id"]]
    assert sorted(ids("status=accepted")) == sorted([here, sealed])  # the clock stands still
    assert ids("status=received") == ids("status=transferred") == []
    assert ids("channel=petition") == [sealed]
    assert ids("status=accepted&channel=officer_report") == [here]
    newest = ids("newest_first=true")
    assert newest == list(reversed(ids("")))
    assert len(newest) == 3
    first = api.client.get("/inbox?newest_first=true&limit=2", headers=api.office)
    assert [r["information_id"] for r in first.json()] == newest[:2]
    cursor = first.headers["X-Next-Cursor"]
    rest = api.client.get(f"/inbox?newest_first=true&limit=2&cursor={cursor}", headers=api.office)
    assert [r["information_id"] for r in rest.json()] == newest[2:]
    assert "X-Next-Cursor" not in rest.headers
    bad = api.client.get("/inbox?status=lost", headers=api.office)
    assert (bad.status_code, bad.json()["detail"][0]["loc"]) == (422, ["query", "status"])
    bad = api.client.get("/inbox?channel=rumour", headers=api.office)
    assert (bad.status_code, bad.json()["detail"][0]["loc"]) == (422, ["query", "channel"])


def test_a_case_is_read_only_by_the_roles_it_concerns_and_others_learn_nothing(
    api: Api,
) -> None:
    """An external officer with an empty inbox computes a petition's id: 404, in the words of an
    id that does not exist (security review M2); so for a custodian and an ordinary case."""
    who = {"petitioner_name": "王小明", "petitioner_contact": "13800138000"}
    petition = api.post("/information", filing("XF-1", channel="petition", **who),
                        api.office).json()["information_id"]  # fmt: skip
    plain = api.post("/information", filing("OR-1"), api.office).json()["information_id"]
    appoint = {"user_id": "u-wai", "name": "外聘", "kind": "external", "units": ["QX-TH"],
               "active_from": (NOW - timedelta(days=1)).isoformat()}  # fmt: skip
    assert api.post("/officers", appoint, api.office).status_code == 201
    officer, keeper = api.as_("u-wai", Role.OFFICER), api.as_("u-keeper", Role.CUSTODIAN, "QX")
    unknown = "00000000-0000-4000-8000-000000000000"
    for reader, case in ((officer, petition), (officer, plain), (keeper, plain)):
        for suffix in ("", "/timeline"):
            refused = api.get(f"/information/{case}{suffix}", reader)
            missing = api.get(f"/information/{unknown}{suffix}", reader)
            assert refused.status_code == missing.status_code == 404
            words = refused.json()["detail"].replace(case, "?")
            assert words == missing.json()["detail"].replace(unknown, "?")
    # What their roles do concern, they read: the officer's own filing, the custodian's petition.
    own = api.post("/information", filing("OR-2"), officer).json()["information_id"]
    assert api.get(f"/information/{own}", officer).status_code == 200
    assert api.get(f"/information/{petition}", keeper).status_code == 200
    assert api.get(f"/information/{petition}", api.office).status_code == 200
    # Each read of the petition, shown or refused, is kept for the custodian and the auditors
    # (the access trail, Art. 22); the ordinary case's reads are not a petition's.
    auditor = api.as_("u-audit", Role.AUDITOR, "QX")
    trail = api.get(f"/information/{petition}/reads", auditor).json()
    assert [(r["user_id"], r["what"], r["shown"]) for r in trail] == [
        ("u-wai", "case", False),
        ("u-wai", "timeline", False),
        ("u-keeper", "case", True),
        ("u-th-office", "case", True),
    ]
    assert api.get(f"/information/{plain}/reads", auditor).json() == []
    assert api.get(f"/information/{petition}/reads", officer).status_code == 403


def test_every_case_route_answers_a_case_outside_the_subtree_as_an_unknown_one(api: Api) -> None:
    """Another town's office, custodian or auditor naming a 太和镇 petition by its id gets what
    an id that does not exist gets: the same status and the same words (issue #17 item 3)."""
    who = {"petitioner_name": "赵某", "petitioner_contact": "13800000000"}
    case = api.post("/information", filing("XF-OUT", unit="QX-TH-V1", channel="petition", **who),
                    api.office).json()["information_id"]  # fmt: skip
    unknown = "00000000-0000-4000-8000-000000000000"
    routes = [
        (Role.OFFICE, "GET", "/information/{}", None),
        (Role.OFFICE, "GET", "/information/{}/timeline", None),
        (Role.OFFICE, "POST", "/information/{}/transfer-to-discipline", {"reason": "移送"}),
        (Role.OFFICE, "POST", "/forwards/{}/chase", {"note": "请尽快反馈"}),
        (Role.OFFICE, "POST", "/forwards/{}/return", {"reason": "反馈不完整"}),
        (Role.OFFICE, "POST", "/forwards/{}/sign-off", {"opinion": ""}),
        (Role.CUSTODIAN, "GET", "/information/{}/identity/reveals", None),
        (Role.CUSTODIAN, "GET", "/information/{}/reads", None),
        (Role.AUDITOR, "GET", "/information/{}/reads", None),
    ]  # fmt: skip
    for role, method, path, body in routes:
        outsider = api.as_(f"u-tp-{role.value}", role, "QX-TP")
        refused = api.client.request(method, path.format(case), json=body, headers=outsider)
        missing = api.client.request(method, path.format(unknown), json=body, headers=outsider)
        assert refused.status_code == missing.status_code == 404, (path, refused.text)
        words = refused.json()["detail"].replace(case, "?")
        assert words == missing.json()["detail"].replace(unknown, "?"), path
    # Within the subtree the same routes find it.
    auditor = api.as_("u-audit", Role.AUDITOR, "QX")
    assert api.get(f"/information/{case}/reads", auditor).status_code == 200


def test_the_filing_form_offers_the_units_each_filer_may_file_about(api: Api) -> None:
    office = api.client.get("/filing/units", headers=api.office).json()
    assert {u["code"] for u in office} >= {"QX-TH", "QX-TH-V1"}
    assert all(u["code"].startswith("QX-TH") for u in office)  # the office's subtree alone
    officer = api.as_("u-li", Role.OFFICER, "QX")
    assert api.client.get("/filing/units", headers=officer).json() == []  # not appointed yet
    appoint = {"user_id": "u-li", "name": "李", "kind": "internal", "units": ["QX-TH-V1"],
               "active_from": (NOW - timedelta(days=1)).isoformat()}  # fmt: skip
    district_office = api.as_("u-qx-office", Role.OFFICE, "QX")
    assert api.post("/officers", appoint, district_office).status_code == 201
    covered = api.client.get("/filing/units", headers=officer).json()
    assert [(u["code"], u["node"]) for u in covered] == [("QX-TH-V1", "town-taihe")]
    assert api.client.get("/filing/units", headers=api.as_("u-j", Role.JUDGE)).status_code == 403
