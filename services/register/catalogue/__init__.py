"""The power catalogue 职权目录 and its flowcharts 权力运行流程图 (Art. 11)."""
