"""The intake part of a person's 工作台 to-dos (Art. 22–24)."""
