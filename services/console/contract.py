"""The console's stored events, translated into the public contract at the edge.

Only what the services must act on leaves the console: an account's suspension and re-activation
(its tokens refused or accepted again), and each role granted or revoked (whose, which role, for
which unit: the intake's reveal follows the custodian grants). Details and credentials stay
internal.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from services.console.accounts import contract as accounts

if TYPE_CHECKING:
    from uuid import UUID

    from eventsourcing.domain import DomainEventProtocol

    from shared.events import CloudEvent
    from shared.events.publish import Origin


def translate(domain_event: DomainEventProtocol[UUID], origin: Origin) -> CloudEvent | None:
    """The public event a stored event of the console becomes, if any (accounts/contract.py)."""
    return accounts.translate(domain_event, origin)
