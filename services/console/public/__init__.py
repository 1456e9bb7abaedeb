"""The public pages' way in: citizens' reports and survey questionnaires (Art. 22, 30(5))."""
