"""The version of this Ventanilla: one source for `ventanilla --version`, the «Acerca de»
dialog, the version a station reports to central, the update check and the package names
(pyproject.toml reads it from here)."""

__version__ = "0.1.0"
