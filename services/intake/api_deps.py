"""Intake's API dependencies: the application and who may do what (Art. 6, 22–24)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from services.intake.app import IntakeApplication
from shared.auth import Principal, Role
from shared.deps import application_of, require_roles

IntakeApp = Annotated[IntakeApplication, Depends(application_of(IntakeApplication))]

# Information officers 信息员 and the prevention office 预防腐败室 file (Art. 22).
Filer = Annotated[Principal, Depends(require_roles(Role.OFFICER, Role.OFFICE))]
# The office manages officers and duties and reviews breaches (Art. 6, 22, 23).
Office = Annotated[Principal, Depends(require_roles(Role.OFFICE))]
Reader = Annotated[
    Principal,
    Depends(require_roles(Role.OFFICE, Role.JUDGE, Role.AUDITOR, Role.OFFICER, Role.CUSTODIAN)),
]
# Who opens a petitioner's identity is not a role of the token: the directory's custodian grant
# for the case's unit at that moment, and the second factor (identity/handlers.py, Art. 22).
Reporter = Annotated[Principal, Depends(require_roles(Role.OFFICE, Role.LEADER, Role.OFFICER))]
Overseer = Annotated[Principal, Depends(require_roles(Role.OFFICE, Role.AUDITOR, Role.LEADER))]
# The office or the judgement group decides a transfer to the discipline authority (Art. 24, 25).
Decider = Annotated[Principal, Depends(require_roles(Role.OFFICE, Role.JUDGE))]
# The office or a leader acts on a forward: reports its handling below; chases 催办, returns 退回
# or signs it off 办结 above (跟踪督办, Art. 24).
Handler = Annotated[Principal, Depends(require_roles(Role.OFFICE, Role.LEADER))]
