"""Ventanilla core: everything that runs without Qt (rules, storage, sync, documents, services)."""
