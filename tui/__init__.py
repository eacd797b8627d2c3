"""Dateline's terminal app (Textual). Displays and navigates what ``core`` builds."""
