"""The annual assessment 年度考核: scheme, score, publication, explanation, exports (Art. 31)."""
