"""How much content intake accepts, in one filing or one import (Art. 22)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FilingRules:
    """The size limits of a filing, its summary and a bulk import; beyond them: 413 (Art. 22)."""

    max_summary_chars: int = 4000
    max_filing_bytes: int = 64_000
    max_import_bytes: int = 2_000_000
