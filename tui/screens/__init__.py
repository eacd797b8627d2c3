"""Dateline's screens: help, detail, prompts and text pages."""
