"""Sign-in's story re-told on a real PostgreSQL database (GB/T 22239-2019 8.1.4.1).

The unit tests tell it in memory and on SQLite; here it runs on a fresh PostgreSQL database, as
the district node's console would store it: passwords, lock-outs, unlocks, second factors.
"""

from __future__ import annotations

import pytest

from tests.support.stores import OnPostgres
from tests.unit.console.signin_story import SignInStory

pytestmark = pytest.mark.postgres


class TestSignInPostgres(OnPostgres, SignInStory):
    pass
