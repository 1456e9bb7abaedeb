"""Bulk import of shared data 资源共享 (Art. 22): every row valid, or nothing recorded."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from services.intake.filing.model import InformationDraft
from shared.bounds import CODE_MAX, text_problem
from shared.errors import DomainError

COLUMNS = (
    "source_reference",
    "unit_code",
    "summary",
    "learned_at",
    "happened_at",
    "subject_post",
    "subject_person_id",
)
_TEXT_BOUNDS = {
    "source_reference": (200, True),
    "unit_code": (CODE_MAX, True),
    "subject_post": (200, True),
    "subject_person_id": (100, True),
    # The summary's length is the filing rule's (413, configurable); here only its characters.
    "summary": (10**9, False),
}
"""Each text column's cap and line rule, as the filing form's (services/intake/filing/api.py)."""

REQUIRED = ("source_reference", "unit_code", "summary", "learned_at")


@dataclass(frozen=True)
class RowResult:
    """What became of one row: its case, or why it was refused (Art. 22)."""

    row: int
    source_reference: str | None
    information_id: str | None = None
    created: bool = False
    errors: list[str] = field(default_factory=list)


class ImportRefused(DomainError):
    """At least one row is wrong; nothing was recorded (422 with every row, Art. 22)."""

    status_code = 422

    def __init__(self, rows: list[RowResult]) -> None:
        bad = sum(1 for r in rows if r.errors)
        super().__init__(f"{bad} of {len(rows)} rows are invalid; nothing was imported")
        self.rows = rows


def rows_from_csv(text: str) -> list[dict[str, Any]]:
    """Rows of a CSV with a header line naming the columns (资源共享, Art. 22)."""
    reader = csv.DictReader(io.StringIO(text))
    return [{k.strip(): (v or None) for k, v in row.items() if k} for row in reader]


def draft_of_row(raw: dict[str, Any]) -> tuple[InformationDraft | None, list[str]]:
    """The draft a row stands for, or the reasons it cannot be one (Art. 22)."""
    errors = [f"{c}: unknown column" for c in raw if c not in COLUMNS]
    errors += [f"{c}: is required" for c in REQUIRED if not raw.get(c)]
    for c, (cap, single_line) in _TEXT_BOUNDS.items():
        value = raw.get(c)
        problem = text_problem(str(value), cap, single_line=single_line) if value else None
        if problem:
            errors.append(f"{c}: {problem}")
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
