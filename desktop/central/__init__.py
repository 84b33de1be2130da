"""The central database: its schema, the demo registry and (later) the change feed."""
