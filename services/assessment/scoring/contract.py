"""A published assessment, translated into AssessmentPublished (Art. 31).

Drafts and rescorings stay internal; only the published result goes out, with its lines.
"""

from __future__ import annotations

from services.assessment.scoring.model import AnnualAssessment
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
            )
            for i in card["items"]
        ),
        scheme_digest=card["scheme_digest"],
    )
    return public_envelope(AssessmentPublished, e, origin, data=data)
