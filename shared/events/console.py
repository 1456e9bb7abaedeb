"""Events of the console service (the directory of accounts and the token issuer) that every
service follows: an account suspended or reactivated, a signing key revoked (issue #14).

The console publishes them on its topic (`<prefix>.console.events`); every service's worker
takes them in (shared/revocation.py) and its verifier refuses, within a minute, the tokens of a
suspended account issued at or before the suspension and every token signed with a revoked key.
Who acted and on what authority are part of each event: who held which authority when is itself
a fact on the record (Art. 23). The event's time is the envelope's `time`.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from shared.events.base import CloudEvent, EventData


class AccountSuspendedData(EventData):
    """An account suspended: its tokens issued until now are refused everywhere."""

    schema_version: Literal[1] = Field(default=1, description="Version of this data's schema (1).")
    user_id: str = Field(min_length=1, description="The suspended account's user id (sub).")


class AccountSuspended(CloudEvent):
    """AccountSuspended v1: every service refuses the account's tokens issued until then; who
    could act when is on the record (Art. 23, 29)."""

    type: Literal["cn.gov.qingxin.lianfang.console.AccountSuspended.v1"] = Field(
        default="cn.gov.qingxin.lianfang.console.AccountSuspended.v1",
        description="Event type (ce_type).",
    )
    data: AccountSuspendedData = Field(description="Whose account, who suspended it, why.")


class AccountReactivatedData(EventData):
    """A suspended account reactivated: tokens issued from now on are accepted again (those
    issued before the suspension stay refused)."""

    schema_version: Literal[1] = Field(default=1, description="Version of this data's schema (1).")
    user_id: str = Field(min_length=1, description="The reactivated account's user id (sub).")


class AccountReactivated(CloudEvent):
    """AccountReactivated v1: the account's new tokens are accepted again (Art. 23, 29)."""

    type: Literal["cn.gov.qingxin.lianfang.console.AccountReactivated.v1"] = Field(
        default="cn.gov.qingxin.lianfang.console.AccountReactivated.v1",
        description="Event type (ce_type).",
    )
    data: AccountReactivatedData = Field(description="Whose account, who reactivated it, why.")


class SigningKeyRevokedData(EventData):
    """A token-signing key revoked (retired after rotation, or leaked): every token signed with
    it is refused. `unit_code` is the unit whose admin revoked it (the issuer's, the district)."""

    schema_version: Literal[1] = Field(default=1, description="Version of this data's schema (1).")
    kid: str = Field(min_length=1, description="The revoked key's id (the JWT header's kid).")


class SigningKeyRevoked(CloudEvent):
    """SigningKeyRevoked v1: every service refuses the tokens signed with the key; a leaked key
    could reveal petitioners' identities (Art. 22)."""

    type: Literal["cn.gov.qingxin.lianfang.console.SigningKeyRevoked.v1"] = Field(
        default="cn.gov.qingxin.lianfang.console.SigningKeyRevoked.v1",
        description="Event type (ce_type).",
    )
    data: SigningKeyRevokedData = Field(description="Which key, who revoked it, why.")


class RoleGrantedData(EventData):
    """A role granted to an account for a unit (`unit_code`: the unit the role is for; for a
    custodian, the unit whose petitioners it may reveal, Art. 22)."""

    schema_version: Literal[1] = Field(default=1, description="Version of this data's schema (1).")
    user_id: str = Field(min_length=1, description="The account's user id (sub).")
    role: str = Field(
        min_length=1, description="The role granted: office, officer, judge, leader, custodian, "
        "auditor or admin (shared/auth.py Role).",
    )  # fmt: skip


class RoleGranted(CloudEvent):
    """RoleGranted v1: an account holds a role for a unit from now on; the intake follows the
    custodian grants to decide who may reveal a petitioner at that moment (Art. 22)."""

    type: Literal["cn.gov.qingxin.lianfang.console.RoleGranted.v1"] = Field(
        default="cn.gov.qingxin.lianfang.console.RoleGranted.v1",
        description="Event type (ce_type).",
    )
    data: RoleGrantedData = Field(description="Whose account, which role for which unit, who.")


class RoleRevokedData(EventData):
    """A role withdrawn from an account for a unit. The reason stays in the console's store (it
    may name an investigation 立案审查)."""

    schema_version: Literal[1] = Field(default=1, description="Version of this data's schema (1).")
    user_id: str = Field(min_length=1, description="The account's user id (sub).")
    role: str = Field(min_length=1, description="The role withdrawn (shared/auth.py Role).")


class RoleRevoked(CloudEvent):
    """RoleRevoked v1: the account no longer holds the role for the unit from now on (Art. 22)."""

    type: Literal["cn.gov.qingxin.lianfang.console.RoleRevoked.v1"] = Field(
        default="cn.gov.qingxin.lianfang.console.RoleRevoked.v1",
        description="Event type (ce_type).",
    )
    data: RoleRevokedData = Field(description="Whose account, which role for which unit, who.")
