"""The Debian package of the frozen bundle."""
