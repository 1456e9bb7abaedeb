"""The directory of accounts and role grants (Art. 6, 14, 22, 25)."""
