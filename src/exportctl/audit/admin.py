# The audit log is not in the admin on purpose: it is append-only and read at /audit/.
