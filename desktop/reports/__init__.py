"""Supervision reports (issue 13): queries that run on a station's cache and on central,
the report as plain data, and its exports (CSV, XLSX; the PDF is desktop.documents)."""
