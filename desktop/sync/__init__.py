"""Client side of sync: push the outbox to central, pull reference data and the change feed."""
