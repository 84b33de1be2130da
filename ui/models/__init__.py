"""Qt item models over the services' dataclasses, testable without a view."""
