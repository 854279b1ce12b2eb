"""The audit file format's two constants, importable without loading the model (for a quick command line)."""

SUFFIX = ".audit.json"
"""How the name of an audit file ends."""

SCHEMA_VERSION = 3
"""Version of the audit file format written by this release.

2 added the ``roadmap`` section; 3 added dated obstacles, objectives' current values, handle states,
channel operators, minors in the audience, image consent and safeguarding, and new platforms and kinds.
"""
