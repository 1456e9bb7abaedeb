"""The console application: the directory of accounts and grants (Art. 14, 22, 25).

The one Application of the console service: one-line delegations to each feature's handlers.
The rules live in the features' `model.py`; the handlers load, call and save.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from shared.application import ServiceApplication

if TYPE_CHECKING:
    from shared.events import CloudEvent


class ConsoleApplication(ServiceApplication):
    """Commands and queries of the console; plain types in and out."""

    name = "console"

    def concerns(self, upstream: CloudEvent) -> bool:
        """Nothing but the registers' unit news (taken in by the base class) concerns it."""
        return False
