"""Names for ids: the directory's people, as the console shows them."""
