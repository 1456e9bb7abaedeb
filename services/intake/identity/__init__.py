"""The petitioner's identity, sealed apart from the case and revealed on record (Art. 22)."""
