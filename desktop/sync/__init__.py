"""Client side of sync: pull reference data (push and the change feed come with issue 3)."""
