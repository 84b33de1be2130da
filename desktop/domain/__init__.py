"""Pure rules of the procedure: no I/O, no database, no other project layer."""
