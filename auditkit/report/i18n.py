"""The report's formatter, re-exported from :mod:`auditkit.locale.formatter` for the modules that import it here."""

from auditkit.locale.formatter import Formatter, language_code

__all__ = ["Formatter", "language_code"]
