"""Build tools: the frozen bundle, the Linux package, the Windows installer, the icons, the
catalogs and the update repository. Never imported by the application."""
