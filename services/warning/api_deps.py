"""The warning API's dependencies: the application and who may do what (Art. 27–29)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from services.warning.app import WarningApplication
from shared.auth import Principal, Role
from shared.deps import (
    application_of,
    require_roles,
    require_roles_or_supervising,
    require_supervising_roles,
)

WarningApp = Annotated[WarningApplication, Depends(application_of(WarningApplication))]

# The prevention office 预防腐败室 of the managing body reviews, issues, verifies (Art. 27, 28).
Office = Annotated[Principal, Depends(require_roles(Role.OFFICE))]
# The warned unit's leaders and offices report what was done (落实情况, Art. 28).
Reporter = Annotated[Principal, Depends(require_roles(Role.OFFICE, Role.LEADER))]
# The office or leaders of the level above the disposing body supervise (分级监督, Art. 29): on a
# town's node, the body above the town is admitted to these routes.
Supervisor = Annotated[Principal, Depends(require_supervising_roles(Role.OFFICE, Role.LEADER))]
# Offices, leaders, auditors (监督, Art. 29) and the judgement group read.
Reader = Annotated[
    Principal, Depends(require_roles(Role.OFFICE, Role.LEADER, Role.AUDITOR, Role.JUDGE))
]
# What the level above reads to supervise a disposal (分级监督, Art. 29): the warnings of this
# node, one warning, its timeline, notice and supervision; this node's readers as `Reader`.
SupervisionReader = Annotated[
    Principal,
    Depends(
        require_roles_or_supervising(
            (Role.OFFICE, Role.LEADER, Role.AUDITOR, Role.JUDGE), (Role.OFFICE, Role.LEADER)
        )
    ),
]
