"""The organisation tree 组织机构: units registered, changed and imported (Art. 5–7)."""
