"""The directory's stories re-told on a real PostgreSQL database (Art. 6, 14, 22, 25).

The unit tests tell them in memory and on SQLite; here each runs on a fresh PostgreSQL database,
as the district node's console would store it.
"""

from __future__ import annotations

import pytest

from tests.support.stores import OnPostgres
from tests.unit.console.test_accounts_story import AccountsStory

pytestmark = pytest.mark.postgres


class TestAccountsPostgres(OnPostgres, AccountsStory):
    pass
