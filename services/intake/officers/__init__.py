"""The roster of information officers 信息员名册 (Art. 22)."""
