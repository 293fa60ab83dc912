"""Every page meets the automatically testable WCAG 2.1 level A and AA success criteria.

axe-core (the copy bundled with axe-playwright-python, so no network) runs in a real Chromium on
every page in Norwegian and English, after the theme's JavaScript has run, with the rules tagged
wcag2a, wcag2aa, wcag21a and wcag21aa (during the visit shared with the console and privacy tests,
page_visit.py). Zero violations are allowed; a failure lists each violated
rule with its impact, the offending elements' selectors, a short HTML snippet and axe's explanation.
Automated rules catch only part of WCAG: this does not replace a manual review.
"""

from __future__ import annotations

from page_visit import PageVisit

SNIPPET_LENGTH = 160


def short(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def format_violations(page_url: str, violations: list[dict]) -> str:
    lines = [f"{page_url}: {len(violations)} WCAG 2.1 A/AA rule(s) violated"]
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']} <{violation['helpUrl']}>")
        for node in violation["nodes"]:
            target = ", ".join(" >> ".join(part) if isinstance(part, list) else part for part in node["target"])
            lines.append(f"    at {target}")
            lines.append(f"       html: {short(node['html'], SNIPPET_LENGTH)}")
            summary = node.get("failureSummary")
            if summary:
                lines.append(f"       why:  {short(summary, 400)}")
    return "\n".join(lines)


def test_page_has_no_wcag_violations(page_visit: PageVisit) -> None:
    violations = page_visit.axe_violations
    assert len(violations) == 0, format_violations(page_visit.url, violations)
