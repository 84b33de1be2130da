"""Ventanilla's PySide6 interface: windows, pages, dialogs, background tasks, printing."""
