"""Run the command line: ``python -m auditkit``."""

from auditkit.cli import main

raise SystemExit(main())
