"""Exports the CSV import tests read: platform dialects that work, and files that must be refused."""

from __future__ import annotations

FRENCH_POSTS = (
    "Date de publication;Publication;Abonnés;J'aime;Commentaires;Partages;Portée\n"
    "02/11/2026;Pain de la semaine;1\u202f180;40;5;3;1\u00a0200\n"
    "09/11/2026;Atelier du samedi;1 190;22;1;0;800\n"
    "16/11/2026;Bûche de Noël;1.205;61;12;9;2 000\n"
    "23/11/2026;Horaires des fêtes;1 210;18;0;2;1 000\n"
)
ENGLISH_DAYS = (
    "Date,Followers,Engagement rate,Posts,Impressions\n"
    "2026-11-01,980,2.5%,1,1500\n"
    "2026-11-02,985,3.5%,0,900\n"
    '2026-11-03,"1,002",3.0%,2,"1,250"\n'
    "2026-11-14,1010,,1,700\n"
)
ONE_BAD_CELL = (
    "Date;Abonnés\n01/01/2026;100\n02/01/2026;n/a\n03/01/2026;120\n04/01/2026;130\n05/01/2026;140\n"
)

BAD_FILES: dict[str, tuple[bytes, str, int | None]] = {
    "empty": (b"", "the file is empty", None),
    "blank": (b"  \n\n \r\n", "the file is empty", None),
    "binary": (bytes(range(256)) * 8, "binary file", None),
    "xlsx": (b"PK\x03\x04\x14\x00\x06\x00" + bytes(100), "Excel workbook", None),
    "pdf": (b"%PDF-1.7\n" + bytes(50), "PDF", None),
    "json": (b'{"followers": 120, "date": "2026-01-01"}', "JSON document", None),
    "json_list": (b'[{"a": 1}, {"a": 2}]', "JSON document", None),
    "html": (b"<!DOCTYPE html><html><body>login</body></html>", "HTML", None),
    "header_only": (b"Date;Abonn\xc3\xa9s;Port\xc3\xa9e\n", "only a header line", 1),
    "one_column": (b"hello world\nthis is not a table\nat all\n", "a single column", 1),
    "ragged": (b"a,b,c\n1\n2\n3,4,5,6,7\nx\n", "do not match the header", 2),
    "no_usable_column": (b"Nom;Ville\nMartin;Tours\nDupont;Blois\n", "no usable column", None),
    "only_quotes": (b'""\n""\n', "no value, only separators, quotes or spaces", None),
    "only_separators": (b",,,\n, ,\n", "no value, only separators, quotes or spaces", None),
    "thirty_thousand_columns": (
        b",".join(b"c%d" % i for i in range(30_000)) + b"\n" + b",1" * 29_999 + b"\n",
        "the header has 30,000 columns; an export has at most 1,000",
        1,
    ),
}
"""Name -> (bytes, words the English message holds, line the message names or None)."""

NBSP = "\u00a0"
NARROW_NBSP = "\u202f"
