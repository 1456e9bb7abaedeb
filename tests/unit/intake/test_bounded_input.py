"""Bounded, clean input to intake (issue #17 items 4–5, Art. 22): a filing with an over-long field
or a control character is refused with a 422 naming the field, and nothing is stored."""

from __future__ import annotations

from tests.support.bounds import refused, stored
from tests.unit.intake.http_support import Api, filing


def test_an_overlong_field_or_a_control_character_files_nothing(api: Api) -> None:
    granted = stored(api.runtime)  # the directory's posts, taken in first
    post, office = api.post, api.office
    # A post's name of 201 characters: nobody's post is that long.
    refused(post("/information", filing("B-1", subject_post="岗" * 201), office), "subject_post",
            "at most 200")  # fmt: skip
    # A bell in the 信访件编号 would ring in an operator's terminal when the log is read.
    refused(post("/information", filing("XF\x07-1"), office), "source_reference",
            "control character U+0007")  # fmt: skip
    # A reference is one line: a newline in it could forge a second line of a log or an export.
    refused(post("/information", filing("XF-1\nXF-2"), office), "source_reference",
            "single-line")  # fmt: skip
    # The summary keeps its paragraphs, but not an escape sequence that clears a screen.
    cleared = filing("B-2", summary="第一段。\n\x1b[2J第二段。")
    refused(post("/information", cleared, office), "summary", "control character U+001B")
    # The protected identity is checked like any field (and so never stored with a NUL in it).
    hidden = filing("B-3", channel="petition", petitioner_name="张\x00三")
    refused(post("/information", hidden, office), "petitioner_name", "control character U+0000")
    refs = filing("B-4", attachment_refs=["附件1", "附件2\u2028"])
    refused(post("/information", refs, office), "attachment_refs", "control character U+2028")
    # Query parameters too.
    inbox = api.client.get("/inbox", params={"unit": "QX-TH\x1b"}, headers=office)
    refused(inbox, "unit", "control character U+001B")
    refused(api.client.get("/inbox", params={"unit": "Q" * 65}, headers=office), "unit",
            "at most 64 characters")  # fmt: skip
    # An import is no way around it (资源共享, Art. 22): the row is named, nothing imported.
    row = {"source_reference": "SJ-1\x07", "unit_code": "QX-TH", "summary": "x",
           "learned_at": "2026-03-01T08:00:00+08:00"}  # fmt: skip
    imported = post("/information/imports", {"rows": [row]}, office)
    assert imported.status_code == 422
    (errors,) = [r["errors"] for r in imported.json()["rows"]]
    assert errors == ["source_reference: 单行文本不能含控制字符 U+0007（位置 4） "
                      "(control character U+0007 at position 4 is not allowed "
                      "in a single-line field)"]  # fmt: skip
    assert stored(api.runtime) == granted


def test_a_refused_petition_never_echoes_the_petitioner_s_identity(api: Api) -> None:
    """Review L5, issue #17 item 5: the 422 names the field and the rule, never what was sent
    (a gateway that logs answers would otherwise keep the petitioner's identity)."""
    granted = stored(api.runtime)  # the directory's posts, taken in first
    id_number = "11010119900307123X" * 3  # 54 characters: over the cap of 40
    petition = filing("XF-L5", channel="petition", petitioner_name="李秘密",
                      petitioner_contact="13800138000", petitioner_id_number=id_number)  # fmt: skip
    answer = api.post("/information", petition, api.office)
    refused(answer, "petitioner_id_number", "at most 40")
    for secret in ("11010119900307123X", "李秘密", "13800138000"):
        assert secret not in answer.text
    assert all(set(e) <= {"loc", "msg", "type", "ctx"} for e in answer.json()["detail"])
    # Of the context, only the rule's limit, for the console to say "不能超过 40 个字符".
    limit = next(e for e in answer.json()["detail"] if e["loc"][-1] == "petitioner_id_number")
    assert limit["ctx"] == {"max_length": 40}
    assert stored(api.runtime) == granted
