"""The consultant's branding on the report: a name, a logo and two colours, read from a small file.

A branding file is JSON (``.json``) or TOML (``.toml``)::

    name = "Atelier Dupont Conseil"   # shown on the cover, under the consultant's name
    logo = "logo.png"                 # optional; relative to the branding file; PNG, JPEG, GIF, WebP or SVG
    primary = "#1f4e79"               # optional; headings, cover band and first chart series
    accent = "#d9822b"                # optional; highlights and second chart series

The logo is embedded in the report as a ``data:`` URI (at most 512 KiB), so the report stays one file.
An SVG logo with anything that could run code or fetch something (a script, an event handler, a
foreignObject, a reference outside the file) is refused. Colours are ``#rgb`` or ``#rrggbb`` hexadecimal
codes. Both files are read only if they are regular files, and never beyond their limit.
"""

from __future__ import annotations

import base64
import json
import os
import re
import stat
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.parsers import expat

from auditkit import store
from auditkit.errors import AuditkitError
from auditkit.locale import Message, msg

MAX_LOGO_BYTES = 512 * 1024
MAX_BRANDING_BYTES = 64 * 1024
"""Largest branding file read: four short fields take well under a kilobyte."""
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
        text = _read_regular_file(path, MAX_BRANDING_BYTES).decode("utf-8")
    except FileNotFoundError:
        raise BrandingError(msg("report.error.branding_missing", path=str(path))) from None
    except _NotRegular as error:
        raise BrandingError(
            msg("files.error.branding_not_regular", path=str(path), kind=error.kind)
        ) from None
    except _TooLarge as error:
        raise BrandingError(
            msg(
                "files.error.branding_too_large",
                path=str(path),
                size=error.size // 1024,
                limit=MAX_BRANDING_BYTES // 1024,
            )
        ) from None
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
    logo = path.parent / value
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
        data = _read_regular_file(logo, MAX_LOGO_BYTES)
    except FileNotFoundError:
        raise BrandingError(msg("report.error.logo_missing", path=str(path), logo=str(logo))) from None
    except _NotRegular as error:
        raise BrandingError(
            msg("files.error.logo_not_regular", path=str(path), logo=str(logo), kind=error.kind)
        ) from None
    except _TooLarge as error:
        raise BrandingError(
            msg(
                "report.error.logo_too_large",
                path=str(path),
                logo=str(logo),
                size=error.size // 1024,
                limit=MAX_LOGO_BYTES // 1024,
            )
        ) from None
    except OSError as error:
        raise BrandingError(
            msg("report.error.logo_unreadable", path=str(path), logo=str(logo), detail=error.strerror)
        ) from None
    signatures = _SIGNATURES.get(media_type)
    if signatures is not None and not data.startswith(signatures):
        raise BrandingError(
            msg("report.error.logo_not_media_type", path=str(path), logo=str(logo), media_type=media_type)
        )
    if media_type == "image/svg+xml":
        _check_svg(path, logo, data)
    return f"data:{media_type};base64,{base64.b64encode(data).decode('ascii')}"


class _NotRegular(Exception):
    """The file is a folder, a device, a named pipe or a socket: ``kind`` says which."""

    def __init__(self, kind: Message) -> None:
        super().__init__(kind)
        self.kind = kind


class _TooLarge(Exception):
    """The file holds more than the bytes allowed: at least ``size`` bytes."""

    def __init__(self, size: int) -> None:
        super().__init__(size)
        self.size = size


def _read_regular_file(path: Path, limit: int) -> bytes:
    """The content of the regular file at ``path``, read only if it holds at most ``limit`` bytes.

    A named pipe or a device is refused before it is opened (and checked again once opened, without
    waiting for a writer), so reading never blocks; a larger file is refused without reading it.

    Raises:
        FileNotFoundError: there is no file at ``path``.
        _NotRegular: ``path`` is not a regular file.
        _TooLarge: the file holds more than ``limit`` bytes.
        OSError: the file cannot be read.
    """
    _check_regular(path.stat())
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY)
    with os.fdopen(fd, "rb") as handle:
        status = os.fstat(fd)
        _check_regular(status)
        if status.st_size > limit:
            raise _TooLarge(status.st_size)
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise _TooLarge(len(data))
    return data


def _check_regular(status: os.stat_result) -> None:
    """Raise :class:`_NotRegular` unless ``status`` is a regular file's."""
    if not stat.S_ISREG(status.st_mode):
        raise _NotRegular(store.file_kind(status.st_mode))


_SVG_ACTIVE_ELEMENTS = frozenset(
    {"script", "foreignobject", "iframe", "embed", "object", "handler", "listener"}
)
"""Elements that run code or hold another document (compared in lower case, any namespace)."""

_SVG_REFERENCE_ATTRIBUTES = frozenset({"href", "src"})
"""Attributes that point to another resource (``href``, ``xlink:href``...)."""

_SVG_INNER_REFERENCE = re.compile(r"^(?:#|data:image/(?:png|jpeg|gif|webp)[;,])", re.IGNORECASE)
"""References that stay inside the logo: a fragment (``#gradient``) or an embedded raster image."""

_SVG_SCRIPT_SCHEME = re.compile(r"(?:java|vb)script:", re.IGNORECASE)
"""A URL that runs code, wherever it appears (an ``href``, an animation's ``to`` or ``values``...)."""

_SVG_STYLE_REFERENCE = re.compile(r"@import|url\(\s*['\"]?\s*(?!#)[^)\s]", re.IGNORECASE)
"""A stylesheet reaching outside the logo: ``@import``, or ``url(...)`` to anything but a fragment."""

_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")
"""Spaces and control characters, which browsers skip inside a URL (``jav&#9;ascript:``)."""


def _check_svg(path: Path, logo: Path, data: bytes) -> None:
    """Refuse an SVG logo that is not well-formed, has no ``<svg>`` root, or could run code or fetch
    something (see :func:`_svg_threats`); the message names what was found and on which line."""
    try:
        root, threats = _svg_threats(data)
    except expat.ExpatError as error:
        detail = expat.ErrorString(error.code) or str(error)
        raise BrandingError(
            msg(
                "files.error.logo_svg_invalid",
                path=str(path),
                logo=str(logo),
                line=str(error.lineno),
                detail=detail,
            )
        ) from None
    if root.lower() != "svg":
        raise BrandingError(msg("report.error.logo_not_svg", path=str(path), logo=str(logo)))
    if threats:
        raise BrandingError(msg("files.error.logo_svg_unsafe", path=str(path), logo=str(logo), found=threats))


def _svg_threats(data: bytes) -> tuple[str, list[Message]]:
    """The root element's name of an SVG document, and everything in it that could run code or fetch
    something: active elements, ``on*`` event handlers, animations of those or of references,
    ``javascript:`` values, references outside the file, stylesheet imports, DOCTYPE or entity
    declarations and processing instructions.

    Raises:
        expat.ExpatError: ``data`` is not well-formed XML.
    """
    parser = expat.ParserCreate(namespace_separator="|")
    parser.buffer_text = True
    parser.buffer_size = MAX_LOGO_BYTES
    threats: list[Message] = []
    elements: list[str] = []
    root: list[str] = []

    def line() -> str:
        return str(parser.CurrentLineNumber)

    def start(name: str, attributes: dict[str, str]) -> None:
        element = _local(name)
        if not root:
            root.append(element)
        elements.append(element)
        if element.lower() in _SVG_ACTIVE_ELEMENTS:
            threats.append(msg("files.svg.element", element=element, line=line()))
        for qualified, value in attributes.items():
            threat = _attribute_threat(element, _local(qualified), value)
            if threat is not None:
                threats.append(threat.format(line=line()))

    def text(content: str) -> None:
        if elements and elements[-1].lower() == "style" and _SVG_STYLE_REFERENCE.search(content):
            threats.append(msg("files.svg.style", line=line()))

    def declaration(*_: object) -> None:
        threats.append(msg("files.svg.declaration", line=line()))

    def instruction(target: str, _data: str) -> None:
        threats.append(msg("files.svg.instruction", target=target, line=line()))

    parser.StartElementHandler = start
    parser.EndElementHandler = lambda _name: elements.pop()
    parser.CharacterDataHandler = text
    parser.StartDoctypeDeclHandler = declaration
    parser.EntityDeclHandler = declaration
    parser.ProcessingInstructionHandler = instruction
    parser.Parse(data, True)
    return (root[0] if root else ""), threats


def _attribute_threat(element: str, attribute: str, value: str) -> Message | None:
    """What makes one attribute of an SVG element unsafe (its ``{line}`` left to fill), or None."""
    name = attribute.lower()
    compact = _INVISIBLE.sub("", value)
    if name.startswith("on"):
        return msg("files.svg.handler", attribute=attribute, element=element)
    if name == "attributename" and (
        _local(compact).lower().startswith("on") or _local(compact).lower() in _SVG_REFERENCE_ATTRIBUTES
    ):
        return msg("files.svg.animated", attribute=value, element=element)
    if (
        _SVG_SCRIPT_SCHEME.search(compact)
        or (name in _SVG_REFERENCE_ATTRIBUTES and not _SVG_INNER_REFERENCE.match(compact))
        or _SVG_STYLE_REFERENCE.search(value)
    ):
        shown = value if len(value) <= 60 else value[:57] + "..."
        return msg("files.svg.reference", attribute=attribute, value=shown, element=element)
    return None


def _local(name: str) -> str:
    """An XML name without its namespace (``|`` separates them in the parser) or prefix."""
    return name.rsplit("|", 1)[-1].rsplit(":", 1)[-1]
