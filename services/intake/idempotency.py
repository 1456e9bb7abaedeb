"""Answers remembered by `Idempotency-Key`: a resubmission gets the first answer (Art. 22)."""

from __future__ import annotations

from typing import Any
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import Aggregate, event

IDEMPOTENCY_NAMESPACE = uuid5(NAMESPACE_URL, "urn:lianfang:intake:idempotency")


class IdempotentAnswer(Aggregate):
    """The first answer to one caller's request under one key, with the request's fingerprint."""

    @staticmethod
    def create_id(user_id: str, key: str, **_: Any) -> UUID:
        return uuid5(IDEMPOTENCY_NAMESPACE, f"{user_id}:{key}")

    @event("Recorded")
    def __init__(self, *, user_id: str, key: str, fingerprint: str, answer: dict[str, Any]) -> None:
        self.user_id = user_id
        self.key = key
        self.fingerprint = fingerprint
        self.answer = dict(answer)
