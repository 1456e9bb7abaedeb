"""Commendations 表彰奖励 and accountability 责任追究 (Art. 8)."""
