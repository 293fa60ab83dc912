"""Whether the statement may be shown as final, or is still a draft ("Utkast").

The seed statement names no reporting period, approval date, signatories or contact address. They
must not be invented, so until an editor fills them in, every page says the statement is a draft.
``Missing`` is the one list of what can be missing: its value is the code ``statement.json``
publishes, and each member knows the field in ``statement.yml`` to fill, the label the pages show
and what an editor is told to do.
"""

from __future__ import annotations

import enum

from aapenhet.model.models import SignatoryRole, Statement

BOARD_ROLES = {SignatoryRole.board_chair, SignatoryRole.board_member, SignatoryRole.employee_representative}


class Missing(str, enum.Enum):
    """Something the statement lacks before it is final, in the order an editor fills it in."""

    reporting_period = "reporting_period"
    approved_on = "approved_on"
    board_signatures = "board_signatures"
    ceo_signature = "ceo_signature"
    contact_email = "contact_email"
    postal_address = "postal_address"

    @property
    def field_path(self) -> tuple[str, ...]:
        """Where in ``statement.yml`` to fill it in."""
        return _FIELD_PATHS[self]

    @property
    def label_key(self) -> str:
        """The label the pages name it by (``missing.approved_on`` in labels.yml)."""
        return f"missing.{self.value}"

    @property
    def advice(self) -> str:
        """What is wrong — what to do, for the editor (English, like every data message)."""
        return _ADVICE[self]


_FIELD_PATHS: dict[Missing, tuple[str, ...]] = {
    Missing.reporting_period: ("reporting_period",),
    Missing.approved_on: ("approved_on",),
    Missing.board_signatures: ("signatories",),
    Missing.ceo_signature: ("signatories",),
    Missing.contact_email: ("contact", "email"),
    Missing.postal_address: ("contact", "postal_address"),
}

_ADVICE: dict[Missing, str] = {
    Missing.reporting_period: "empty, so the statement is still a draft — fill in start and end (YYYY-MM-DD)",
    Missing.approved_on: "empty, so the statement is still a draft — fill in the date the board approved and"
                         " signed it (YYYY-MM-DD)",
    Missing.board_signatures: "no board member signs, so the statement is still a draft — list every board member"
                              " (board_chair, board_member, employee_representative)",
    Missing.ceo_signature: "the daglig leder (CEO) does not sign, so the statement is still a draft — add a"
                           " signatory with role: ceo",
    Missing.contact_email: "empty, so the statement is still a draft — fill in the e-mail address for innsynskrav",
    Missing.postal_address: "empty, so the statement is still a draft — fill in the postal address for"
                            " innsynskrav, one line per item",
}


def missing_for_publication(statement: Statement) -> list[Missing]:
    """What is still missing, in the order an editor would fill it in; empty when final."""
    missing = []
    if statement.reporting_period.start is None or statement.reporting_period.end is None:
        missing.append(Missing.reporting_period)
    if statement.approved_on is None:
        missing.append(Missing.approved_on)
    roles = {signatory.role for signatory in statement.signatories}
    # regnskapsloven §3-5: the whole board and the daglig leder sign.
    if not roles & BOARD_ROLES:
        missing.append(Missing.board_signatures)
    if SignatoryRole.ceo not in roles:
        missing.append(Missing.ceo_signature)
    if statement.contact.email is None:
        missing.append(Missing.contact_email)
    if not statement.contact.postal_address:
        missing.append(Missing.postal_address)
    return missing
