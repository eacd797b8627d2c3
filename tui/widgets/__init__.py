"""Dateline's widgets: each one shows one thing."""
