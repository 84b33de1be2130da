"""The workstation's local cache: SQLite through SQLAlchemy 2, migrated by Alembic."""
