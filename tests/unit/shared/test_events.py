"""The event contract: each public event built, round-tripped, frozen, and strict about its data."""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta
from typing import Any

import pytest
from pydantic import ValidationError

from shared.events import (
    EVENT_TYPES,
    PUBLIC_EVENT_TYPES,
    CloudEvent,
    GradingFactors,
    RectificationOverdue,
    RiskGraded,
    RiskReported,
    WarningIssued,
    parse_event,
    parse_event_type,
)
from shared.vocabulary import VOCABULARIES, Channel, Grade, WarningLevel
from tests.unit.shared import samples


def as_json(event: CloudEvent) -> dict[str, Any]:
    return json.loads(event.model_dump_json())  # type: ignore[no-any-return]


def with_data(event: CloudEvent, **changes: Any) -> dict[str, Any]:
    """The event as JSON with some data fields replaced."""
    body = as_json(event)
    body["data"].update(changes)
    return body


def error_paths(exc: ValidationError) -> list[str]:
    return [".".join(str(p) for p in e["loc"]) for e in exc.errors()]


def test_risk_reported_tells_what_was_received_and_by_whom() -> None:
    # An officer of 太和镇 files a petition about the cashier post (Art. 22).
    event = samples.risk_reported()
    assert event.type == "cn.gov.qingxin.lianfang.intake.RiskReported.v1"
    assert event.specversion == "1.0"
    assert event.datacontenttype == "application/json"
    assert event.subject == str(event.data.information_id)
    assert event.data.channel is Channel.PETITION
    assert event.data.reported_by.role == "officer"
    # The petitioner is protected: the event only says there is one, never who.
    assert event.data.has_protected_source is True
    # JSON there and back gives the same event, and the parser picks the right class.
    parsed = parse_event(as_json(event))
    assert isinstance(parsed, RiskReported)
    assert parsed == event
    assert RiskReported.model_validate_json(event.model_dump_json()) == event


def test_risk_reported_refuses_a_summary_over_4000_characters() -> None:
    event = samples.risk_reported()
    parse_event(with_data(event, summary="字" * 4000))
    with pytest.raises(ValidationError) as caught:
        parse_event(with_data(event, summary="字" * 4001))
    assert error_paths(caught.value) == [f"{event.type}.data.summary"]


def test_risk_graded_carries_the_four_factors_and_the_grade_before() -> None:
    # The leadership team re-grades a risk point after a judgement (Art. 14, 25).
    event = samples.risk_graded()
    assert event.data.factors == GradingFactors(importance=4, discretion=3, probability=3, harm=4)
    assert (event.data.previous_grade, event.data.grade) == (Grade.MEDIUM, Grade.HIGH)
    parsed = parse_event(as_json(event))
    assert isinstance(parsed, RiskGraded)
    assert parsed == event


@pytest.mark.parametrize("factor", ["importance", "discretion", "probability", "harm"])
@pytest.mark.parametrize("value", [0, 6])
def test_each_grading_factor_is_between_one_and_five(factor: str, value: int) -> None:
    event = samples.risk_graded()
    factors = as_json(event)["data"]["factors"] | {factor: value}
    with pytest.raises(ValidationError) as caught:
        parse_event(with_data(event, factors=factors))
    assert error_paths(caught.value) == [f"{event.type}.data.factors.{factor}"]


def test_warning_issued_lists_what_is_due_and_when() -> None:
    # A review meeting issues a red warning: deep analysis within ten days (Art. 28).
    event = samples.warning_issued()
    assert event.data.level is WarningLevel.RED
    assert event.data.level.label_zh == "红色预警"
    (action,) = event.data.actions
    assert action.kind.label_zh == "深刻分析原因"
    assert action.due_at - event.time == timedelta(days=10)
    parsed = parse_event(as_json(event))
    assert isinstance(parsed, WarningIssued)
    assert parsed == event


def test_rectification_overdue_is_only_raised_after_the_deadline() -> None:
    event = samples.rectification_overdue()
    parsed = parse_event(as_json(event))
    assert isinstance(parsed, RectificationOverdue)
    assert parsed == event
    too_early = event.data.due_at - timedelta(seconds=1)
    with pytest.raises(ValidationError, match="nothing is overdue yet"):
        parse_event(with_data(event, detected_at=too_early.isoformat()))


def test_events_are_frozen_and_refuse_unknown_fields() -> None:
    event = samples.warning_issued()
    with pytest.raises(ValidationError, match="frozen"):
        event.subject = "another case"  # type: ignore[misc]
    with pytest.raises(ValidationError, match="frozen"):
        event.data.level = WarningLevel.YELLOW  # type: ignore[misc]
    with pytest.raises(ValidationError) as caught:
        parse_event(with_data(event, petitioner_name="张三"))
    assert error_paths(caught.value) == [f"{event.type}.data.petitioner_name"]


@pytest.mark.parametrize("field", ["occurred_at", "learned_at", "happened_at"])
def test_naive_datetimes_are_refused(field: str) -> None:
    event = samples.risk_reported()
    with pytest.raises(ValidationError) as caught:
        parse_event(with_data(event, **{field: "2026-03-02T09:30:00"}))
    assert error_paths(caught.value) == [f"{event.type}.data.{field}"]
    assert "timezone" in str(caught.value)
    with pytest.raises(ValidationError, match="timezone"):
        RiskReported.create(
            data=event.data,
            subject=event.subject,
            source=event.source,
            clock_now=datetime(2026, 3, 2, 9, 30),  # naive: the point of the test
        )


def test_a_wrong_vocabulary_value_is_named_with_its_field() -> None:
    event = samples.risk_reported()
    with pytest.raises(ValidationError) as caught:
        parse_event(with_data(event, channel="wechat"))
    assert error_paths(caught.value) == [f"{event.type}.data.channel"]
    assert "'online_media', 'petition'" in str(caught.value)


def test_the_event_id_is_a_uuid_and_create_makes_one_unless_given() -> None:
    event = samples.risk_graded()
    again = RiskGraded.create(
        data=event.data, subject=event.subject, source=event.source, clock_now=event.time
    )
    assert again.id != event.id
    assert re.fullmatch(r"[0-9a-f-]{36}", again.id)
    with pytest.raises(ValidationError) as caught:
        parse_event(as_json(event) | {"id": "not-a-uuid"})
    assert error_paths(caught.value) == [f"{event.type}.id"]


def test_parsing_picks_the_class_from_the_type_and_refuses_unknown_types() -> None:
    for event in samples.every_event():
        assert type(parse_event(as_json(event))) is type(event)
    body = as_json(samples.risk_reported()) | {"type": "cn.gov.qingxin.lianfang.intake.Nope.v1"}
    with pytest.raises(ValidationError, match="does not match any of the expected tags"):
        parse_event(body)
    # Data of one type under another type's name is refused, not coerced.
    body = as_json(samples.risk_reported()) | {"type": RiskGraded.event_type()}
    with pytest.raises(ValidationError):
        parse_event(body)


def test_every_type_follows_the_naming_rule_and_its_data_version() -> None:
    assert set(PUBLIC_EVENT_TYPES) < set(EVENT_TYPES)
    assert {cls.__name__ for cls in PUBLIC_EVENT_TYPES.values()} == {
        "RiskReported",
        "RiskGraded",
        "WarningIssued",
        "RectificationOverdue",
    }
    for event_type, cls in EVENT_TYPES.items():
        name = parse_event_type(event_type)
        assert name.name == cls.__name__
        assert cls.data_model().model_fields["schema_version"].default == name.version
        assert re.search(r"\(Art\. [0-9]", cls.__doc__ or ""), f"{cls.__name__} cites no article"
        for model in (cls, cls.data_model()):
            undescribed = [f for f, info in model.model_fields.items() if not info.description]
            assert not undescribed, f"{model.__name__} has fields without description"


def test_every_vocabulary_value_has_a_chinese_label() -> None:
    for vocabulary in VOCABULARIES:
        for member in vocabulary:
            assert re.search(r"[\u4e00-\u9fff]", member.label_zh), member
    assert Channel.PETITION.label_zh == "信访举报"
    assert Grade.HIGH.label_zh == "高"
