"""Inspections 监督检查: self-inspection, internal inspection, superior supervision (Art. 30)."""
