"""The numbers intake works by: node, limits, deadlines (Art. 22–24)."""

from __future__ import annotations

from dataclasses import dataclass

# A fixed Fernet key so a laptop works out of the box; deployments set
# LIANFANG_INTAKE_IDENTITY_KEY.
DEV_IDENTITY_KEY_NOT_FOR_PRODUCTION = "4Tt9_fFDgG8xwY3s2A6vLOnuAhTNsSlPBswtK1Ryiio="


@dataclass(frozen=True)
class IntakeRules:
    """Which node this is, how much content is accepted, how long a lower node has to answer."""

    node_id: str = "district"
    identity_key: str = DEV_IDENTITY_KEY_NOT_FOR_PRODUCTION
    max_summary_chars: int = 4000
    max_filing_bytes: int = 64_000
    max_import_bytes: int = 2_000_000
    feedback_days: int = 10
    reminder_days: int = 2
