"""The register's API dependencies: the application and who may do what (Art. 6, 14, 24)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from services.register.app import RegisterApplication
from shared.auth import Principal, Role
from shared.deps import application_of, ensure_jurisdiction, require_roles
from shared.runtime import Runtime

RegisterApp = Annotated[RegisterApplication, Depends(application_of(RegisterApplication))]

# The prevention office 预防腐败室 of each unit (Art. 6) sorts out powers and risks and grades them.
Editor = Annotated[Principal, Depends(require_roles(Role.OFFICE))]
# Members of a leadership team 领导班子成员 vote on gradings (Art. 14).
Voter = Annotated[Principal, Depends(require_roles(Role.LEADER))]
# A measure reported done is verified 核验 by an office or a leader other than its owner (Art. 15).
Verifier = Annotated[Principal, Depends(require_roles(Role.OFFICE, Role.LEADER))]
# The judgement group 研判小组, auditors, offices and leaders read the register.
Reader = Annotated[
    Principal, Depends(require_roles(Role.OFFICE, Role.LEADER, Role.JUDGE, Role.AUDITOR))
]


def within_of(
    runtime: Runtime, app: RegisterApplication, who: Principal, within: str | None
) -> str:
    """The subtree a listing covers: the caller's own unit unless a unit within it is asked for."""
    root = within or who.unit_code
    app.unit(root, "within")  # 422 naming `within` for a unit nobody knows
    ensure_jurisdiction(runtime, who, root)
    return root
