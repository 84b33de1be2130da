"""Printed documents (reportlab, Spanish): reception receipt, status slip, acuerdo copy."""
