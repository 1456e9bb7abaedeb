"""Live figures 实时指标: the other services' facts, per unit and year (Art. 10-14, 23, 28, 31)."""
