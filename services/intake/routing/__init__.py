"""Screening by jurisdiction, forwarding across nodes and its tracking, transfers (Art. 24)."""
