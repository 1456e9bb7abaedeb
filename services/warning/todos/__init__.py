"""The warning part of a person's 工作台 to-dos (Art. 27, 28)."""
