"""Widgets of the guided audit notebooks: every step edits the audit file and saves it as you type."""
