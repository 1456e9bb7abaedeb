"""Reported information, verified 核实 and judged 研判 by the 研判小组 (Art. 21, 23, 25)."""
