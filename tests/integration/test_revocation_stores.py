"""Suspensions and revoked keys on PostgreSQL (tests/unit/foundation/test_revocation.py)."""

from __future__ import annotations

from tests.support.stores import OnPostgres
from tests.unit.foundation.test_revocation import RevocationStory


class TestRevocationPostgres(OnPostgres, RevocationStory):
    pass
