"""Getting documents in: scanners (SANE; a Windows seam), scan-to-folder, file import,
page checks, one PDF per checklist document, the content-addressed blob store."""
