"""A published assessment, translated into AssessmentPublished (Art. 31).

Drafts and rescorings stay internal; only the published result goes out, with its lines, each
naming what it rests on: the ce_ids of the other services' events, or the ids of assessment's
own records (inspections, social evaluation, commendations, accountability), which are no events
on a topic.
"""

from __future__ import annotations

from services.assessment.scoring.model import AnnualAssessment, ScoreItem
from shared.events import Actor, AssessmentPublished, AssessmentPublishedData, ScoreLine
from shared.events.publish import Origin, public_envelope


def assessment_published(e: AnnualAssessment.Published, origin: Origin) -> AssessmentPublished:
    """AssessmentPublished: the total, grade and each line of the published card (Art. 31)."""
    card = e.card
    data = AssessmentPublishedData(
        **origin.stamp(e.unit_code, Actor(**e.by), "Art. 31", e.at),
        assessment_id=e.originator_id,
        year=e.year,
        assessor_unit=e.assessor_unit,
        total=card["total"],
        grade=card["grade"],
        lines=tuple(
            ScoreLine(
                component=i["component"],
                points=i["points"],
                max_points=i["max_points"],
                evidence_count=len(i["evidence"]),
                **_evidence_ids(i),
            )
            for i in card["items"]
        ),
        scheme_digest=card["scheme_digest"],
    )
    return public_envelope(AssessmentPublished, e, origin, data=data)


RECORD_COMPONENTS = frozenset({"inspection", "social", "commendation", "accountability"})
"""The lines that rest on assessment's own records, not on other services' events (Art. 8, 30)."""


def _evidence_ids(item: ScoreItem) -> dict[str, tuple[str, ...]]:
    """The line's evidence refs, each once in order, as event ids or as record ids."""
    refs = tuple(dict.fromkeys(e["ref"] for e in item["evidence"]))
    if item["component"] in RECORD_COMPONENTS:
        return {"evidence_event_ids": (), "evidence_record_ids": refs}
    return {"evidence_event_ids": refs, "evidence_record_ids": ()}
