"""The console's stored events, translated into the public contract at the edge.

Only what every service must act on leaves the console: an account's suspension and re-activation
(its tokens refused or accepted again). Accounts, grants and credentials stay internal.
"""

from __future__ import annotations

from shared.events.publish import Translations

translate = Translations()
"""Suspensions and re-activations go out (accounts/contract.py); the rest stays internal."""
