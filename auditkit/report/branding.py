"""The consultant's branding on the report: a name, a logo and two colours, read from a small file.

A branding file is JSON (``.json``) or TOML (``.toml``)::

    name = "Atelier Dupont Conseil"   # shown on the cover, under the consultant's name
    logo = "logo.png"                 # optional; relative to the branding file; PNG, JPEG, GIF, WebP or SVG
    primary = "#1f4e79"               # optional; headings, cover band and first chart series
    accent = "#d9822b"                # optional; highlights and second chart series

The logo is embedded in the report as a ``data:`` URI (at most 512 KiB), so the report stays one file.
Colours are ``#rgb`` or ``#rrggbb`` hexadecimal codes.
"""

from __future__ import annotations

import base64
import json
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from auditkit.errors import AuditkitError
from auditkit.locale import msg

MAX_LOGO_BYTES = 512 * 1024
MAX_NAME_LENGTH = 200
DEFAULT_PRIMARY = "#1f4e79"
DEFAULT_ACCENT = "#d9822b"
FIELDS = ("name", "logo", "primary", "accent")
_FIELD_LIST = ", ".join(FIELDS)
_COLOUR = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")
_LOGO_TYPES = {
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".svg": "image/svg+xml",
}
_SIGNATURES = {
    "image/png": (b"\x89PNG\r\n\x1a\n",),
    "image/jpeg": (b"\xff\xd8\xff",),
    "image/gif": (b"GIF87a", b"GIF89a"),
    "image/webp": (b"RIFF",),
}


class BrandingError(AuditkitError):
    """A branding file is missing, unreadable or invalid; the message names the file and the field."""


@dataclass(frozen=True)
class Branding:
    """Who presents the report and in which colours.

    Attributes:
        name: the consultancy's name ("" for none).
        logo: the logo as a ``data:`` URI ("" for none).
        primary: main colour, ``#rrggbb``.
        accent: second colour, ``#rrggbb``.
    """

    name: str = ""
    logo: str = ""
    primary: str = DEFAULT_PRIMARY
    accent: str = DEFAULT_ACCENT


DEFAULT_BRANDING = Branding()


def load_branding(path: Path | str) -> Branding:
    """Read and check a branding file (``.json`` or ``.toml``).

    Raises:
        BrandingError: the file cannot be read or parsed, has an unknown field, a colour that is not
            a hex code, or a logo that is missing, too large or not an image.
    """
    path = Path(path)
    document = _read(path)
    unknown = sorted(set(document) - set(FIELDS))
    if unknown:
        raise BrandingError(
            msg(
                "report.error.branding_unknown_fields",
                path=str(path),
                unknown=", ".join(unknown),
                fields=_FIELD_LIST,
            )
        )
    for key, value in document.items():
        if not isinstance(value, str):
            raise BrandingError(
                msg(
                    "report.error.branding_not_text",
                    path=str(path),
                    field=key,
                    type_name=type(value).__name__,
                    value=repr(value),
                )
            )
    name = document.get("name", "").strip()
    if len(name) > MAX_NAME_LENGTH:
        raise BrandingError(
            msg(
                "report.error.branding_name_too_long",
                path=str(path),
                limit=MAX_NAME_LENGTH,
                length=len(name),
            )
        )
    return Branding(
        name=name,
        logo=_logo(path, document["logo"]) if document.get("logo") else "",
        primary=_colour(path, "primary", document.get("primary", DEFAULT_PRIMARY)),
        accent=_colour(path, "accent", document.get("accent", DEFAULT_ACCENT)),
    )


def _read(path: Path) -> dict[str, Any]:
    suffix = path.suffix.lower()
    if suffix not in {".json", ".toml"}:
        raise BrandingError(msg("report.error.branding_suffix", path=str(path)))
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise BrandingError(msg("report.error.branding_missing", path=str(path))) from None
    except (OSError, UnicodeDecodeError) as error:
        raise BrandingError(
            msg("report.error.branding_unreadable", path=str(path), detail=str(error))
        ) from None
    try:
        document = json.loads(text) if suffix == ".json" else tomllib.loads(text)
    except json.JSONDecodeError as error:
        raise BrandingError(
            msg(
                "report.error.branding_json",
                path=str(path),
                line=error.lineno,
                column=error.colno,
                detail=error.msg,
            )
        ) from None
    except tomllib.TOMLDecodeError as error:
        raise BrandingError(msg("report.error.branding_toml", path=str(path), detail=str(error))) from None
    if not isinstance(document, dict):
        raise BrandingError(msg("report.error.branding_not_object", path=str(path), fields=_FIELD_LIST))
    return document


def _colour(path: Path, key: str, value: str) -> str:
    value = value.strip()
    if not _COLOUR.match(value):
        raise BrandingError(msg("report.error.branding_colour", path=str(path), field=key, value=repr(value)))
    if len(value) == 4:
        value = "#" + "".join(digit * 2 for digit in value[1:])
    return value.lower()


def _logo(path: Path, value: str) -> str:
    logo = (path.parent / value).resolve()
    media_type = _LOGO_TYPES.get(logo.suffix.lower())
    if media_type is None:
        raise BrandingError(
            msg(
                "report.error.logo_type",
                path=str(path),
                value=repr(value),
                types=", ".join(sorted(_LOGO_TYPES)),
            )
        )
    try:
        data = logo.read_bytes()
    except FileNotFoundError:
        raise BrandingError(msg("report.error.logo_missing", path=str(path), logo=str(logo))) from None
    except OSError as error:
        raise BrandingError(
            msg("report.error.logo_unreadable", path=str(path), logo=str(logo), detail=error.strerror)
        ) from None
    if len(data) > MAX_LOGO_BYTES:
        raise BrandingError(
            msg(
                "report.error.logo_too_large",
                path=str(path),
                logo=str(logo),
                size=len(data) // 1024,
                limit=MAX_LOGO_BYTES // 1024,
            )
        )
    signatures = _SIGNATURES.get(media_type)
    if signatures is not None and not data.startswith(signatures):
        raise BrandingError(
            msg("report.error.logo_not_media_type", path=str(path), logo=str(logo), media_type=media_type)
        )
    if media_type == "image/svg+xml" and b"<svg" not in data[:4096]:
        raise BrandingError(msg("report.error.logo_not_svg", path=str(path), logo=str(logo)))
    return f"data:{media_type};base64,{base64.b64encode(data).decode('ascii')}"
