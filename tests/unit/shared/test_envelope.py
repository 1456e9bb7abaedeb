"""CloudEvents over Kafka, binary mode: what goes out comes back; the rest is refused clearly."""

from __future__ import annotations

import json
import random
from typing import Any

import pytest

from shared.envelope import EnvelopeError, KafkaRecord, from_record, to_record
from shared.events import CloudEvent
from shared.topics import PRODUCER_OF, SERVICES, Topics
from tests.unit.shared import samples


def read(record: KafkaRecord) -> CloudEvent:
    return from_record(record.key, record.value, record.headers)


def refusal(key: bytes | None, value: bytes | None, headers: list[tuple[str, Any]]) -> str:
    with pytest.raises(EnvelopeError) as caught:
        from_record(key, value, headers)
    assert caught.value.reason == str(caught.value)
    return caught.value.reason


@pytest.mark.parametrize("event", samples.every_event(), ids=lambda e: e.type.split(".")[-2])
def test_every_event_survives_the_round_trip(event: CloudEvent) -> None:
    record = to_record(event)
    back = read(record)
    assert back == event
    assert type(back) is type(event)
    assert back.model_dump_json() == event.model_dump_json()


def test_the_record_has_exactly_the_binding_headers_and_the_subject_as_key() -> None:
    event = samples.risk_reported()
    record = to_record(event)
    assert record.headers == [
        ("ce_id", b"4d3c2b1a-0f9e-4d8c-b7a6-958473625140"),
        ("ce_source", b"/lianfang/town-taihe/intake"),
        ("ce_type", b"cn.gov.qingxin.lianfang.intake.RiskReported.v1"),
        ("ce_specversion", b"1.0"),
        ("ce_time", b"2026-03-02T09:30:00+08:00"),
        ("ce_subject", str(samples.INFORMATION_ID).encode()),
        ("content-type", b"application/json"),
    ]
    assert record.key == str(samples.INFORMATION_ID).encode()
    # The value is the data alone, compact UTF-8 JSON (Chinese kept as is).
    assert record.value == event.data.model_dump_json().encode("utf-8")
    compact = json.dumps(json.loads(record.value), ensure_ascii=False, separators=(",", ":"))
    assert record.value == compact.encode("utf-8")
    assert json.loads(record.value)["summary"].startswith("群众来信")


def test_unrelated_headers_are_ignored_and_the_key_may_be_absent() -> None:
    event = samples.warning_issued()
    record = to_record(event)
    headers = [("traceparent", b"00-abc"), *record.headers, ("dlq_reason", b"earlier")]
    assert from_record(None, record.value, headers) == event


def test_garbage_bytes_are_not_json() -> None:
    record = to_record(samples.risk_reported())
    reason = refusal(b"x", b"\x8b\x00 not json at all", record.headers)
    assert reason == "value is not JSON: it is not UTF-8 text"
    reason = refusal(record.key, b"{not json", record.headers)
    assert reason.startswith("value is not JSON: Expecting property name")
    reason = refusal(record.key, b"[1, 2]", record.headers)
    assert reason == "value is JSON but not an object: [1, 2]"
    assert refusal(record.key, None, record.headers).startswith("record has no value")


def test_a_missing_ce_type_is_named() -> None:
    record = to_record(samples.risk_reported())
    headers = [(k, v) for k, v in record.headers if k != "ce_type"]
    assert refusal(record.key, record.value, headers) == "missing header ce_type"
    assert refusal(b"x", b"{}", []) == (
        "missing headers ce_id, ce_source, ce_type, ce_specversion, ce_time, ce_subject, "
        "content-type"
    )


def test_an_unknown_type_is_named() -> None:
    record = to_record(samples.risk_reported())
    headers = [(k, b"cn.example.Other.v1" if k == "ce_type" else v) for k, v in record.headers]
    reason = refusal(record.key, record.value, headers)
    assert reason == "unknown event type 'cn.example.Other.v1' in ce_type"


def test_a_schema_invalid_body_names_the_field() -> None:
    event = samples.risk_reported()
    record = to_record(event)
    body = json.loads(record.value)
    body["channel"] = "wechat"
    del body["summary"]
    reason = refusal(record.key, json.dumps(body).encode(), record.headers)
    assert reason.startswith(f"invalid {event.type}: data.channel: Input should be 'online_media'")
    assert "; data.summary: Field required" in reason


def test_bad_header_values_are_named_by_their_header() -> None:
    record = to_record(samples.risk_graded())

    def with_header(name: str, value: Any) -> list[tuple[str, Any]]:
        return [(k, value if k == name else v) for k, v in record.headers]

    reason = refusal(record.key, record.value, with_header("ce_time", b"2026-03-02T09:30:00"))
    assert reason.endswith("header ce_time: Input should have timezone info")
    reason = refusal(record.key, record.value, with_header("ce_specversion", b"0.3"))
    assert reason.endswith("header ce_specversion: Input should be '1.0'")
    reason = refusal(record.key, record.value, with_header("content-type", b"application/xml"))
    assert reason == "content-type is 'application/xml', expected application/json"
    assert "is not UTF-8" in refusal(record.key, record.value, with_header("ce_id", b"\xff"))
    assert "has no bytes value" in refusal(record.key, record.value, with_header("ce_id", None))
    twice = [*record.headers, ("ce_subject", b"other")]
    assert refusal(record.key, record.value, twice) == "header ce_subject appears 2 times"


def test_a_key_that_is_not_the_subject_is_refused() -> None:
    record = to_record(samples.risk_graded())
    reason = refusal(b"another-case", record.value, record.headers)
    assert reason.startswith("record key b'another-case' differs from ce_subject")


def test_no_input_at_all_raises_anything_but_envelope_error() -> None:
    # Property-style: thousands of mangled records, each either read or refused with EnvelopeError.
    rng = random.Random(20260302)
    good = [to_record(e) for e in samples.every_event()]

    odd_values: list[Any] = [None, -1, 2.5, "", "x", "字" * 5000, [], {}, "2026-13-40T99:00Z"]

    def mangle(data: bytes) -> bytes:
        choice = rng.randrange(6)
        if choice == 5 and data.startswith(b"{"):
            body = json.loads(data)
            body[rng.choice([*body, "extra"])] = rng.choice(odd_values)
            return json.dumps(body).encode()
        if choice == 0 or not data:
            return rng.randbytes(rng.randrange(64))
        if choice == 1:
            return data[: rng.randrange(len(data))]
        if choice == 2:
            i = rng.randrange(len(data))
            return data[:i] + bytes([rng.randrange(256)]) + data[i + 1 :]
        if choice == 3:
            return rng.choice([b"null", b"1e999", b"[" * 5000, b'{"a":' * 3000, b'"\\ud800"'])
        return data

    read_back = refused = 0
    for _ in range(3000):
        record = rng.choice(good)
        headers: list[tuple[Any, Any]] = [
            (k, mangle(v) if rng.random() < 0.1 else v)
            for k, v in record.headers
            if rng.random() > 0.05
        ]
        if rng.random() < 0.05:
            headers.append(
                rng.choice([(b"ce_id", b"x"), (1, None), ("ce_type", "str"), ("x", b"")])
            )
        key = (
            None if rng.random() < 0.1 else mangle(record.key) if rng.random() < 0.2 else record.key
        )
        value = None if rng.random() < 0.02 else mangle(record.value)
        try:
            from_record(key, value, headers)
            read_back += 1
        except EnvelopeError:
            refused += 1
    # Both paths were exercised.
    assert read_back > 100
    assert refused > 1000


def test_topics_follow_the_prefix_and_know_who_produces_what() -> None:
    topics = Topics()
    assert topics.events("intake") == "lianfang.intake.events"
    assert topics.dead_letter("register") == "lianfang.register.deadletter"
    assert Topics("qx-test").events("warning") == "qx-test.warning.events"
    assert set(SERVICES) == {"intake", "register", "warning", "assessment", "console"}
    assert topics.events("console") == "lianfang.console.events"
    assert PRODUCER_OF["cn.gov.qingxin.lianfang.intake.RiskReported.v1"] == "intake"
    assert PRODUCER_OF["cn.gov.qingxin.lianfang.warning.RectificationOverdue.v1"] == "warning"
    assert topics.of_event(samples.risk_graded().type) == "lianfang.register.events"
    with pytest.raises(ValueError, match="unknown service 'intak'"):
        topics.events("intak")
