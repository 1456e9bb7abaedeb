"""Risk points 廉政风险点: identify, grade, approve, publish, revise (Art. 10, 12–20, 30)."""
