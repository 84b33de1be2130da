"""Engine and migration helpers shared by the local cache and the central database."""
