"""Bulk import of shared data 资源共享 (Art. 22): every row valid, or nothing recorded."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from eventsourcing.persistence import IntegrityError

from services.intake.domain import RiskInformation
from services.intake.filing import ContentTooLarge, FilingCommands, InformationDraft
from services.intake.idempotency import IdempotentAnswer
from shared.application import actor_of
from shared.errors import DomainError
from shared.orgtree import UnknownUnit

if TYPE_CHECKING:
    from eventsourcing.domain import Aggregate

    from shared.auth import Principal

COLUMNS = (
    "source_reference",
    "unit_code",
    "summary",
    "learned_at",
    "happened_at",
    "subject_post",
    "subject_person_id",
)
REQUIRED = ("source_reference", "unit_code", "summary", "learned_at")


@dataclass(frozen=True)
class RowResult:
    """What became of one row: its case, or why it was refused."""

    row: int
    source_reference: str | None
    information_id: str | None = None
    created: bool = False
    errors: list[str] = field(default_factory=list)


class ImportRefused(DomainError):
    """At least one row is wrong; nothing was recorded (answered as 422 with every row)."""

    status_code = 422

    def __init__(self, rows: list[RowResult]) -> None:
        bad = sum(1 for r in rows if r.errors)
        super().__init__(f"{bad} of {len(rows)} rows are invalid; nothing was imported")
        self.rows = rows


def rows_from_csv(text: str) -> list[dict[str, Any]]:
    """Rows of a CSV with a header line naming the columns."""
    reader = csv.DictReader(io.StringIO(text))
    return [{k.strip(): (v or None) for k, v in row.items() if k} for row in reader]


def _draft(raw: dict[str, Any]) -> tuple[InformationDraft | None, list[str]]:
    errors = [f"{c}: unknown column" for c in raw if c not in COLUMNS]
    errors += [f"{c}: is required" for c in REQUIRED if not raw.get(c)]
    times: dict[str, datetime | None] = {}
    for c in ("learned_at", "happened_at"):
        value = raw.get(c)
        times[c] = None
        if value:
            try:
                moment = datetime.fromisoformat(str(value))
            except ValueError:
                errors.append(f"{c}: not an ISO 8601 date-time")
                continue
            if moment.tzinfo is None:
                errors.append(f"{c}: needs a timezone offset")
            times[c] = moment
    if errors:
        return None, errors
    learned = times["learned_at"]
    assert learned is not None
    return InformationDraft(
        channel="data_sharing",
        source_reference=str(raw["source_reference"]),
        unit_code=str(raw["unit_code"]),
        summary=str(raw["summary"]),
        learned_at=learned,
        happened_at=times["happened_at"],
        subject_post=raw.get("subject_post") or None,
        subject_person_id=raw.get("subject_person_id") or None,
    ), []


class ImportCommands(FilingCommands):
    """One bulk import, in one transaction (Art. 22)."""

    def import_rows(
        self, rows: list[dict[str, Any]], filer: Principal, idempotency_key: str | None = None
    ) -> list[RowResult]:
        """Record every row or none; each row is answered with its case or its errors."""
        fingerprint = self.fingerprint({"rows": rows})
        answer_id = None
        if idempotency_key:
            answer_id = IdempotentAnswer.create_id(filer.user_id, idempotency_key)
            replay = self._replay(answer_id, fingerprint)
            if replay is not None:
                return [RowResult(**r) for r in replay["rows"]]
        results, pending = self._prepare(rows, filer)
        if any(r.errors for r in results) or not results:
            raise ImportRefused(results)
        if answer_id is not None:
            answer = {"rows": [vars(r) for r in results], "replayed": True}
            pending.append(
                IdempotentAnswer(
                    user_id=filer.user_id,
                    key=idempotency_key or "",
                    fingerprint=fingerprint,
                    answer=answer,
                )
            )
        try:
            self.save(*pending)
        except IntegrityError:
            if answer_id is not None and (replay := self._replay(answer_id, fingerprint)):
                return [RowResult(**r) for r in replay["rows"]]
            raise
        return results

    def _prepare(
        self, rows: list[dict[str, Any]], filer: Principal
    ) -> tuple[list[RowResult], list[Aggregate]]:
        results: list[RowResult] = []
        pending: list[Aggregate] = []
        seen: dict[str, int] = {}
        for number, raw in enumerate(rows, start=1):
            draft, errors = _draft(raw)
            ref = raw.get("source_reference")
            if draft is None:
                results.append(RowResult(number, ref, errors=errors))
                continue
            if draft.source_reference in seen:
                message = f"source_reference: repeats row {seen[draft.source_reference]}"
                results.append(RowResult(number, ref, errors=[message]))
                continue
            seen[draft.source_reference] = number
            try:
                self.check_draft(draft)
                self.check_authority(draft.unit_code, filer)
            except (DomainError, UnknownUnit) as exc:
                reason = "content too large" if isinstance(exc, ContentTooLarge) else ""
                results.append(RowResult(number, ref, errors=[reason or str(exc)]))
                continue
            information_id = RiskInformation.create_id(draft.channel, draft.source_reference)
            if information_id in self.repository:
                results.append(RowResult(number, ref, str(information_id), created=False))
                continue
            built = self.build_filing(draft, actor_of(filer, prefer="officer"), False)
            pending.extend(built)
            results.append(RowResult(number, ref, str(built[0].id), created=True))
        return results, pending
