"""The judgement groups 研判小组 of the units and their members (Art. 25)."""
