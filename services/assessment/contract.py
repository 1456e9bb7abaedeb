"""Assessment's stored events, translated into the public contract at the edge (Art. 30, 31).

A finding that a risk point's content, grade or measures are wrong becomes RevisionRequested for
the register (`inspections/contract.py`); a published assessment becomes AssessmentPublished
(`scoring/contract.py`). Everything else (figures, responses, drafts) stays internal: survey
responses in particular never leave the service.
"""

from __future__ import annotations

from services.assessment.inspections.contract import request_id_for, revision_requested
from services.assessment.inspections.model import Inspection
from services.assessment.scoring.contract import assessment_published
from services.assessment.scoring.model import AnnualAssessment
from shared.events.publish import Translations

__all__ = ["request_id_for", "translate"]


translate = Translations()
"""Revision-asking findings and published assessments go out; the rest stays internal."""
translate.add(Inspection.FindingRecorded, revision_requested)
translate.add(AnnualAssessment.Published, assessment_published)
