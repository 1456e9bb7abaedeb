"""Audit: tamper evidence, replay and case timelines for auditors (Art. 23, 29, 31)."""
