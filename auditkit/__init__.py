"""auditkit: communications and social-media strategy audits, from the audit file to the report."""

from auditkit.model import SCHEMA_VERSION, Audit

__version__ = "0.1.0"

__all__ = ["SCHEMA_VERSION", "Audit", "__version__"]
