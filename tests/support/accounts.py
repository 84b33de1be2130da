"""The demo's staff accounts the tests sign in with (desktop.central.demo.DEMO_LOGINS)."""

CLERK = ("oficinista.uio", "uio-oficinista-2026")
SUPERVISOR = ("supervisor.uio", "uio-supervisor-2026")
ADMIN = ("admin.uio", "uio-admin-2026")
CLERK_GYE = ("oficinista.gye", "gye-oficinista-2026")
