"""The vocabulary generated data is made of: supplier names, product lines, countries and their ratings,
and the texts of risks and measures, each text an ``{nb, en}`` pair.

Plausible but invented: the ratings are not ITUC's, and no name is a real company's. No text holds a
number, since ``aapenhet check`` compares numbers written in texts with the data.
"""

from __future__ import annotations

from typing import NamedTuple

TextPair = dict[str, str]


def pair(nb: str, en: str) -> TextPair:
    return {"nb": nb, "en": en}


# --- supplier names ----------------------------------------------------------------------------

# Every initial a supplier's name may start with, in Norwegian alphabetical order (Æ Ø Å last).
INITIALS = "ABCDEFGHIJKLMNOPQRSTUVWXYZÆØÅ"

# First words of supplier names, by initial: every initial has some, so a list split by initial
# letter gets every letter.
NAME_WORDS: dict[str, tuple[str, ...]] = {
    "A": ("Aurora", "Atlas", "Apex"),
    "B": ("Borealis", "Bluepeak", "Bergen"),
    "C": ("Cobalt", "Cirrus", "Crest"),
    "D": ("Delta", "Dynamo", "Dovre"),
    "E": ("Everbright", "Ember", "Eikeland"),
    "F": ("Fjord", "Falcon", "Fenix"),
    "G": ("Granite", "Glacier", "Gemini"),
    "H": ("Harbor", "Helix", "Hafjell"),
    "I": ("Iris", "Ion", "Indigo"),
    "J": ("Jade", "Jotun", "Juniper"),
    "K": ("Kestrel", "Kvarts", "Krona"),
    "L": ("Lumen", "Lynx", "Lofoten"),
    "M": ("Meridian", "Magnet", "Mira"),
    "N": ("Nordlys", "Nimbus", "Nova"),
    "O": ("Orion", "Onyx", "Oslofjord"),
    "P": ("Polar", "Pulse", "Prism"),
    "Q": ("Quartz", "Quantum", "Quill"),
    "R": ("Radiant", "Ridge", "Rondane"),
    "S": ("Saga", "Solstice", "Sterling"),
    "T": ("Tundra", "Titan", "Trolltind"),
    "U": ("Umbra", "Unity", "Utsira"),
    "V": ("Vega", "Vertex", "Viking"),
    "W": ("Willow", "Wave", "Westwind"),
    "X": ("Xenon", "Xylo", "Xpress"),
    "Y": ("Yggdrasil", "Yarrow", "Yukon"),
    "Z": ("Zenith", "Zephyr", "Zinc"),
    "Æ": ("Ærfugl", "Æsir", "Ærlig"),
    "Ø": ("Ørn", "Østlys", "Ørsta"),
    "Å": ("Åsgard", "Ålesund", "Årvoll"),
}
NAME_NOUNS = (
    "Components",
    "Electronics",
    "Technologies",
    "Systems",
    "Devices",
    "Manufacturing",
    "Circuits",
    "Networks",
    "Peripherals",
    "Labs",
    "Industries",
    "Solutions",
    "Software",
    "Print",
    "Power",
)
LEGAL_FORMS = (
    "Ltd.",
    "AS",
    "GmbH",
    "Inc.",
    "Co., Ltd.",
    "s.r.o.",
    "Sp. z o.o.",
    "AB",
    "Oy",
    "Pvt. Ltd.",
    "S.A.",
    "B.V.",
)
OWNER_NOUNS = ("Group", "Holding", "Capital", "Partners")
OWNER_SHARES = (51, 75, 100)

# --- what suppliers deliver --------------------------------------------------------------------


class ProductLine(NamedTuple):
    name: TextPair
    services: bool  # delivered from its countries, not made there


PRODUCT_LINES = (
    ProductLine(pair("Bærbare datamaskiner", "Laptops"), False),
    ProductLine(pair("Stasjonære datamaskiner", "Desktop computers"), False),
    ProductLine(pair("Servere", "Servers"), False),
    ProductLine(pair("Skjermer", "Monitors"), False),
    ProductLine(pair("Skrivere", "Printers"), False),
    ProductLine(pair("Etiketter og fargebånd", "Labels and ribbons"), False),
    ProductLine(pair("Strekkodeskannere", "Barcode scanners"), False),
    ProductLine(pair("Håndholdte terminaler", "Handheld terminals"), False),
    ProductLine(pair("Nettverksutstyr", "Networking equipment"), False),
    ProductLine(pair("Kabler og adaptere", "Cables and adapters"), False),
    ProductLine(pair("Kretskort", "Circuit boards"), False),
    ProductLine(pair("Batterier", "Batteries"), False),
    ProductLine(pair("Lagringsenheter", "Storage devices"), False),
    ProductLine(pair("Dokkingstasjoner", "Docking stations"), False),
    ProductLine(pair("Kassasystemer", "Point-of-sale systems"), False),
    ProductLine(pair("Rekvisita", "Supplies"), False),
    ProductLine(pair("Programvareutvikling", "Software development"), True),
    ProductLine(pair("Brukerstøtte", "Support"), True),
    ProductLine(pair("Drift av datasenter", "Data-centre operations"), True),
    ProductLine(pair("Reparasjon", "Repairs"), True),
)
GOODS_NOTE = pair("I hovedsak produsert i disse landene.", "Mainly made in these countries.")
SERVICES_NOTE = pair("Leveres fra disse landene.", "Delivered from these countries.")
SIGNIFICANCES = (
    pair(
        "En viktig leverandør for selskapets kunder i offentlig sektor.",
        "An important supplier for the company's public-sector customers.",
    ),
    pair(
        "En av selskapets største leverandører av IT-utstyr.", "One of the company's largest suppliers of IT equipment."
    ),
    pair("Selskapets foretrukne leverandør i sitt segment.", "The company's preferred supplier in its segment."),
)
# Where suppliers have their headquarters (need not be rated: only production countries are).
HEADQUARTERS = (
    "US",
    "DE",
    "JP",
    "KR",
    "TW",
    "CN",
    "NO",
    "SE",
    "GB",
    "NL",
    "FI",
    "DK",
    "IN",
    "CH",
    "FR",
    "IT",
    "CZ",
    "PL",
)

# --- countries ---------------------------------------------------------------------------------

# Production countries and an invented rating each: (code, risk level or None for unrated).
COUNTRY_RATINGS: tuple[tuple[str, str | None], ...] = (
    *(
        (code, "high")
        for code in (
            "CN",
            "TW",
            "VN",
            "IN",
            "BD",
            "PK",
            "KH",
            "MY",
            "TH",
            "ID",
            "PH",
            "TR",
            "EG",
            "MX",
            "BR",
            "CO",
            "LK",
            "KR",
            "HK",
            "GT",
        )
    ),
    *(
        (code, "elevated")
        for code in (
            "PL",
            "HU",
            "RO",
            "BG",
            "SK",
            "RS",
            "ZA",
            "CL",
            "PE",
            "AR",
            "MA",
            "TN",
            "JP",
            "SG",
            "US",
            "IL",
            "AE",
            "SA",
            "KE",
            "UA",
        )
    ),
    *(
        (code, "low")
        for code in ("NO", "SE", "DK", "FI", "IS", "DE", "NL", "BE", "AT", "IE", "IT", "FR", "PT", "ES", "EE", "LT")
    ),
    # Named without a rating, as the shipped statement names CZ and GB.
    *((code, None) for code in ("CZ", "GB", "CH", "CA")),
)
RISK_AREAS = {
    "high": ["forced_labour", "workers_rights", "child_labour", "discrimination"],
    "elevated": ["workers_rights", "discrimination"],
    "low": ["workers_rights"],
}
# A rating source for when the shipped countries.yml names none.
DEFAULT_SOURCE = {
    "id": "ituc-gri",
    "name": pair("ITUC Global Rights Index", "ITUC Global Rights Index"),
    "publisher": "ITUC",
    "url": "https://www.globalrightsindex.org/",
}

# --- risks and measures ------------------------------------------------------------------------

# Follow-up measures of a supplier: kind → (title nb, title en), each followed by the supplier's name.
FOLLOW_UP_TITLES: dict[str, tuple[str, str]] = {
    "interview": ("Intervju med", "Interview with"),
    "visit": ("Besøk hos", "Visit to"),
    "audit": ("Revisjon av", "Audit of"),
    "questionnaire": ("Spørreskjema til", "Questionnaire to"),
    "supplier_follow_up": ("Oppfølging av", "Follow-up of"),
}
FOLLOW_UP_DESCRIPTION = pair(
    "Exso har gått gjennom hvor leverandøren produserer, og hvordan den selv vurderer risikoen hos sine"
    " underleverandører.",
    "Exso has reviewed where the supplier produces and how it assesses the risk at its own subcontractors.",
)
RESULTS = (
    pair("Exso fant ingen brudd på retningslinjene.", "Exso found no breach of its guidelines."),
    pair("Leverandøren har rettet avvikene Exso fant.", "The supplier has corrected the non-conformities Exso found."),
    pair("Leverandøren har innført en kanal for varsling.", "The supplier has set up a grievance channel."),
)
EXPECTED_RESULTS = (
    pair(
        "Bedre kunnskap om forholdene hos underleverandørene.", "Better knowledge of conditions at its subcontractors."
    ),
    pair("Bekreftelse av at retningslinjene følges.", "Confirmation that the guidelines are followed."),
)
SUPPLIER_SAID = pair(
    "Leverandøren sier at den stiller krav til arbeidsforhold hos sine underleverandører og følger dem opp.",
    "The supplier says it sets requirements for working conditions at its subcontractors and follows them up.",
)
SUPPLIER_RISK_DESCRIPTION = pair(
    "Leverandøren bruker underleverandører som Exso ennå ikke kjenner.",
    "The supplier uses subcontractors that Exso does not know yet.",
)
