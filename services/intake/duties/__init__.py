"""Reporting duties of units, their periods and their breaches 迟报/漏报/瞒报 (Art. 23)."""
