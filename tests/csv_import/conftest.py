"""The audit the CSV import tests fill: a Facebook page and an Instagram account."""

from __future__ import annotations

import pytest

from auditkit.model import Audit, Channel
from auditkit.platforms import Platform


@pytest.fixture
def audit(minimal_audit: Audit) -> Audit:
    minimal_audit.channels = [
        Channel(id="facebook", name="Page Facebook", platform=Platform.FACEBOOK, audience_size=900),
        Channel(id="instagram", name="Instagram", platform=Platform.INSTAGRAM),
    ]
    return minimal_audit
