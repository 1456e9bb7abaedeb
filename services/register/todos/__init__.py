"""The register part of a person's 工作台 to-dos (Art. 10, 14, 15, 25)."""
