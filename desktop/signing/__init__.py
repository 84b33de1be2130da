"""Electronic signature of the acuerdo (PAdES, pyHanko): the back office signs, stations verify
offline against the trusted roots they hold as reference data."""
