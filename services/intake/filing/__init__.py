"""Filing risk information on the five channels, one by one or in bulk (Art. 21–23)."""
