"""The assessment API's dependencies: the application and who may do what (Art. 8, 30, 31)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from services.assessment.app import AssessmentApplication
from shared.auth import Principal, Role
from shared.deps import application_of, require_roles

AssessmentApp = Annotated[AssessmentApplication, Depends(application_of(AssessmentApplication))]

# The prevention office 预防腐败室 tasks self-inspections, runs surveys, scores and publishes.
Office = Annotated[Principal, Depends(require_roles(Role.OFFICE))]
# Inspections are made by offices and by auditors (监督检查, Art. 30).
Inspector = Annotated[Principal, Depends(require_roles(Role.OFFICE, Role.AUDITOR))]
# The office or an administrator sets the year's scoring scheme (计分办法, Art. 31).
SchemeSetter = Annotated[Principal, Depends(require_roles(Role.OFFICE, Role.ADMIN))]
# Offices, leaders, auditors and administrators read.
Reader = Annotated[
    Principal, Depends(require_roles(Role.OFFICE, Role.AUDITOR, Role.LEADER, Role.ADMIN))
]
