"""Who signs the complete test statement (tests/statements/complete), with each role as the site names
it in each language: what the printed statement and its PDF must show."""

from __future__ import annotations

SIGNATORIES = {
    "nb": [("Kari Nordmann", "Styreleder"), ("Ola Nordmann", "Styremedlem"), ("Per Hansen", "Daglig leder")],
    "en": [
        ("Kari Nordmann", "Chair of the board"),
        ("Ola Nordmann", "Board member"),
        ("Per Hansen", "Chief executive (daglig leder)"),
    ],
}
