"""Texts in both deliverable languages, and the language type they are chosen by."""

from __future__ import annotations

from dataclasses import dataclass

from auditkit.model import Language


@dataclass(frozen=True)
class Bilingual:
    """A text written in English and in French; call it with a language to get one."""

    en: str
    fr: str

    def __call__(self, language: Language | str) -> str:
        return self.fr if Language(language) is Language.FR else self.en

    def format(self, **values: object) -> Bilingual:
        """Both texts with ``{placeholders}`` filled in."""
        return Bilingual(self.en.format(**values), self.fr.format(**values))

    def to_dict(self) -> dict[str, str]:
        return {"en": self.en, "fr": self.fr}


def short(text: str, limit: int = 60) -> str:
    """``text`` on one line, cut to ``limit`` characters with an ellipsis."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"
