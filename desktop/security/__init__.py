"""Staff authentication, audit chain and secrets."""
