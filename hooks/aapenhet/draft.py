"""Whether the statement may be shown as final, or is still a draft ("Utkast").

The seed statement names no reporting period, approval date, signatories or contact address. They
must not be invented, so until an editor fills them in, every page says the statement is a draft.
"""

from __future__ import annotations

from aapenhet.models import SignatoryRole, Statement

BOARD_ROLES = {SignatoryRole.board_chair, SignatoryRole.board_member, SignatoryRole.employee_representative}


def missing_for_publication(statement: Statement) -> list[str]:
    """Label keys of what is still missing, in the order an editor would fill them in."""
    missing = []
    if statement.reporting_period.start is None or statement.reporting_period.end is None:
        missing.append("missing.reporting_period")
    if statement.approved_on is None:
        missing.append("missing.approved_on")
    roles = {signatory.role for signatory in statement.signatories}
    # regnskapsloven §3-5: the whole board and the daglig leder sign.
    if not roles & BOARD_ROLES:
        missing.append("missing.board_signatures")
    if SignatoryRole.ceo not in roles:
        missing.append("missing.ceo_signature")
    if statement.contact.email is None:
        missing.append("missing.contact_email")
    if not statement.contact.postal_address:
        missing.append("missing.postal_address")
    return missing
