"""Every word a user reads: catalogues per language, messages rendered at the edge, locale formats."""

from auditkit.locale.catalogue import (
    Catalogue,
    MissingMessageError,
    UnknownLanguageError,
    catalogue,
    languages,
)
from auditkit.locale.formats import Amount, Number
from auditkit.locale.message import Message, label, msg, show

__all__ = [
    "Amount",
    "Catalogue",
    "Message",
    "MissingMessageError",
    "Number",
    "UnknownLanguageError",
    "catalogue",
    "label",
    "languages",
    "msg",
    "show",
]
