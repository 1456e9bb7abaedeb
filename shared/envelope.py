"""CloudEvents 1.0 Kafka protocol binding, binary content mode: an event <-> a Kafka record.

The record's headers carry the envelope attributes (`ce_id`, `ce_source`, `ce_type`,
`ce_specversion`, `ce_time`, `ce_subject`, and `content-type` for `datacontenttype`); its value is
the event's data as compact UTF-8 JSON; its key is the subject, so one case's events share a
partition and stay in order. `from_record` accepts any bytes and raises only `EnvelopeError`, whose
message says exactly what is wrong: consumers dead-letter the record with that reason (architecture:
poison messages).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final

from pydantic import ValidationError

from shared.events import EVENT_ADAPTER, EVENT_TYPES, AnyEvent, CloudEvent, upcast_envelope

CONTENT_TYPE: Final = "application/json"
CONTENT_TYPE_HEADER: Final = "content-type"
HEADER_OF: Final[dict[str, str]] = {
    "id": "ce_id",
    "source": "ce_source",
    "type": "ce_type",
    "specversion": "ce_specversion",
    "time": "ce_time",
    "subject": "ce_subject",
}
"""Envelope attribute -> Kafka header, in the order `to_record` writes them."""

_REQUIRED: Final = (*HEADER_OF.values(), CONTENT_TYPE_HEADER)
_SHOWN: Final = 120  # longest excerpt of foreign input quoted in an error message


class EnvelopeError(ValueError):
    """A Kafka record is not a readable event of the contract; `reason` says why."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class KafkaRecord:
    """What is produced to or consumed from Kafka: key, value and headers."""

    key: bytes
    value: bytes
    headers: list[tuple[str, bytes]]


def to_record(event: CloudEvent, traceparent: str | None = None) -> KafkaRecord:
    """The binary-mode Kafka record of an event: ce_* headers, JSON data, subject as key.

    `traceparent` (W3C Trace Context, shared/tracing.py) goes in a header of that name when given.
    """
    attributes = event.model_dump(mode="json", include=set(HEADER_OF))
    headers = [(header, str(attributes[attr]).encode()) for attr, header in HEADER_OF.items()]
    headers.append((CONTENT_TYPE_HEADER, event.datacontenttype.encode()))
    if traceparent is not None:
        headers.append(("traceparent", traceparent.encode()))
    return KafkaRecord(
        key=event.subject.encode(),
        value=event.data.model_dump_json().encode(),
        headers=headers,
    )


def from_record(
    key: bytes | None, value: bytes | None, headers: Sequence[tuple[str, bytes]]
) -> AnyEvent:
    """The event a binary-mode record carries; `EnvelopeError` for anything else."""
    found = _read_headers(headers)
    media_type = found[CONTENT_TYPE_HEADER].split(";", 1)[0].strip().lower()
    if media_type != CONTENT_TYPE:
        raise EnvelopeError(f"content-type is {_excerpt(media_type)}, expected {CONTENT_TYPE}")
    data = _read_value(value)
    envelope: dict[str, Any] = {attr: found[header] for attr, header in HEADER_OF.items()}
    envelope |= {"datacontenttype": CONTENT_TYPE, "data": data}
    try:
        envelope = upcast_envelope(envelope)
    except Exception as exc:  # an upcaster is arbitrary code: its failure is this record's
        raise EnvelopeError(f"cannot upcast {_excerpt(found['ce_type'])}: {exc!r}") from exc
    event_type = envelope["type"]
    if event_type not in EVENT_TYPES:
        raise EnvelopeError(f"unknown event type {_excerpt(event_type)} in ce_type")
    try:
        event = EVENT_ADAPTER.validate_python(envelope)
    except ValidationError as exc:
        raise EnvelopeError(f"invalid {event_type}: {describe(exc, event_type)}") from exc
    if key is not None and key != event.subject.encode():
        raise EnvelopeError(
            f"record key {_excerpt(key)} differs from ce_subject {_excerpt(event.subject)}"
        )
    return event


def describe(exc: ValidationError, tag: str | None = None) -> str:
    """Each error as `path: message`, envelope attributes named by their header, data by path."""
    parts = []
    for error in exc.errors(include_url=False, include_input=False):
        loc = list(error["loc"])
        if loc and tag is not None and loc[0] == tag:
            loc = loc[1:]  # the discriminated union names the branch first
        if loc and isinstance(loc[0], str) and loc[0] in HEADER_OF:
            loc[0] = f"header {HEADER_OF[loc[0]]}"
        path = ".".join(str(part) for part in loc) or "event"
        parts.append(f"{path}: {error['msg']}")
    return "; ".join(parts)


def _read_headers(headers: Sequence[tuple[str, bytes]]) -> dict[str, str]:
    values: dict[str, list[object]] = {name: [] for name in _REQUIRED}
    try:
        pairs = list(headers)
    except TypeError:
        raise EnvelopeError("headers are not a sequence of (name, value) pairs") from None
    for pair in pairs:
        if not isinstance(pair, tuple | list) or len(pair) != 2:
            raise EnvelopeError(f"malformed header {_excerpt(pair)}: not a (name, value) pair")
        name, raw = pair
        if not isinstance(name, str):
            raise EnvelopeError(f"header name {_excerpt(name)} is not text")
        if name in values:
            values[name].append(raw)
    missing = [name for name in _REQUIRED if not values[name]]
    if missing:
        raise EnvelopeError(f"missing header{'s' if len(missing) > 1 else ''} {', '.join(missing)}")
    found = {}
    for name, raws in values.items():
        if len(raws) > 1:
            raise EnvelopeError(f"header {name} appears {len(raws)} times")
        found[name] = _decode_header(name, raws[0])
    return found


def _decode_header(name: str, raw: object) -> str:
    if not isinstance(raw, bytes | bytearray):
        raise EnvelopeError(f"header {name} has no bytes value (got {type(raw).__name__})")
    try:
        return bytes(raw).decode("utf-8")
    except UnicodeDecodeError:
        raise EnvelopeError(f"header {name} is not UTF-8: {_excerpt(bytes(raw))}") from None


def _read_value(value: bytes | None) -> dict[str, Any]:
    if value is None:
        raise EnvelopeError("record has no value (a tombstone?): the event's data is missing")
    if not isinstance(value, bytes | bytearray):
        raise EnvelopeError(f"record value is not bytes (got {type(value).__name__})")
    try:
        data = json.loads(bytes(value).decode("utf-8"))
    except UnicodeDecodeError:
        raise EnvelopeError("value is not JSON: it is not UTF-8 text") from None
    except (ValueError, RecursionError) as exc:
        raise EnvelopeError(f"value is not JSON: {exc}") from None
    if not isinstance(data, dict):
        raise EnvelopeError(f"value is JSON but not an object: {_excerpt(data)}")
    return data


def _excerpt(raw: object) -> str:
    text = repr(raw)
    return text if len(text) <= _SHOWN else f"{text[:_SHOWN]}…"
