"""The 条块结合 inbox: the disposal steps reported to a unit, gathered from every node (Art. 27)."""
