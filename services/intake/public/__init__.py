"""The public 举报 form: reports from citizens with a receipt code (Art. 21, 22, 24)."""
