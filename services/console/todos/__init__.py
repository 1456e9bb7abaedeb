"""The 工作台: one person's to-dos gathered from the node's services."""
