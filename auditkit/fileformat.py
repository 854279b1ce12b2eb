"""The audit file format's two constants, importable without loading the model (for a quick command line)."""

SUFFIX = ".audit.json"
"""How the name of an audit file ends."""

SCHEMA_VERSION = 2
"""Version of the audit file format written by this release (2 added the ``roadmap`` section)."""
