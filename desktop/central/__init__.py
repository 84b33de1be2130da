"""The central database: its schema and roles, the change feed stations pull, the events they
push applied, the back office's work (acuerdos, staff) and the demo registry."""
