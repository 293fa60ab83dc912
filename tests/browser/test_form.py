"""The innsynskrav form gets every request to the form service, with and without JavaScript.

A copy of the site is built with the formspree preset against a local stand-in for the service
(``form_receiver.py``, fixtures in ``conftest.py``) and a contact e-mail, and once more with the
generic preset (a service that answers with a page: any 2xx is success); every test runs in
Norwegian (/innsynskrav/) and English (/en/innsynskrav/), in a fresh browser context.

* Without JavaScript the browser posts the form; the service gets the request and the contact
  fields plus ``_subject``/``_next``, and redirects to the thank-you page in the same language. An
  empty request is stopped by the browser (``required``) and nothing is sent.
* With JavaScript (``assets/javascripts/innsynskrav.js``) each JSON success shape, and a redirect
  to the thank-you page even when JSON was asked for, shows the confirmation after exactly one POST
  and no CORS preflight; with the generic preset a page (200) is success and a 500 is not; a 422
  marks the field it names and focuses the error summary; 400, 429, 500, a JSON service's 200 page
  without JSON, a network failure and a timeout each say what happened in the page's language, keep
  what was typed and offer a ``mailto:`` carrying it; validation works with the keyboard alone
  (error summary, focus, ``aria-invalid``/``aria-describedby``, "Feil: " in the title); a double
  click sends once; a filled honeypot (bot or browser autofill) sends nothing and says so, with the
  ``mailto:`` fallback: never a fake confirmation.
* axe-core (WCAG 2.1 A/AA) finds nothing in any state: empty, errors, sending, sent, failed; nor
  an "incomplete" (undecided) result of the ARIA rules.
* No test sees a Content-Security-Policy violation (``securitypolicyviolation`` events and
  Chromium's "Refused to …" console messages are collected on every page).
* The shipped build (generic preset, no contact e-mail yet) says where else to send the request.

The expected words come from the package's ``labels.yml``, the file the site is built from.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from test_accessibility import format_violations

from aapenhet.rendering.labels import load_labels
from form_receiver import HTML_OK, REDIRECT_ALWAYS, SUCCESS_MODES, FormReceiver
from page_visit import AXE_OPTIONS
from site_build import LANGUAGE_PREFIXES

LANGUAGES = tuple(LANGUAGE_PREFIXES)
LABELS = load_labels()
TITLE_PREFIX = {"nb": "Feil: ", "en": "Error: "}
FORM_PAGE = "innsynskrav/"
THANK_YOU_PAGE = "innsynskrav/takk/"
# What the tests type; the message has markup and line breaks, which must arrive as text.
REQUEST = {
    "message": "Hvilke leverandører lager <b>arbeidsklær</b> for dere & hvor?\nGjelder også 2024.",
    "name": "Kari Nordmann",
    "email": "kari@example.no",
    "address": "Storgata 1\n0155 Oslo",
}
FIELD_IDS = {name: f"innsynskrav-{name}" for name in REQUEST}
MAX_TABS = 150  # enough to reach the form's button from the top of the page
SUBMIT = "#innsynskrav-form .aapenhet-form__submit"
FAILURE = "#innsynskrav-failure"
SUCCESS = "#innsynskrav-success"
SUMMARY = "#innsynskrav-error-summary"
# axe rules whose "incomplete" (axe could not decide) still means an ARIA problem worth failing on.
# Not colour-contrast: axe often cannot decide it over backgrounds, gradients or overlapping
# elements, and those undecided results are left for the manual review.
ARIA_RULES_INCOMPLETE_FAILS = frozenset(
    {
        "aria-allowed-attr",
        "aria-prohibited-attr",
        "aria-required-attr",
        "aria-required-children",
        "aria-required-parent",
        "aria-valid-attr",
        "aria-valid-attr-value",
        "aria-hidden-focus",
        "aria-roles",
    }
)
AXE_FORM_OPTIONS = {**AXE_OPTIONS, "resultTypes": ["violations", "incomplete"]}
# Reports each CSP violation to Python; runs before any script of the page.
CSP_LISTENER = """
document.addEventListener("securitypolicyviolation", (event) => {
  const where = `${event.sourceFile}:${event.lineNumber}`;
  window.__aapenhetCspViolation(`${event.violatedDirective}: ${event.blockedURI} (${where})`);
}, true);
"""
# Waits until no CSS transition or animation runs (a cancelled one rejects: it is replaced, wait again).
SETTLE_ANIMATIONS = """
async () => {
  for (let round = 0; round < 10; round++) {
    const running = document.getAnimations().filter((animation) => animation.playState === "running");
    if (running.length === 0) return;
    await Promise.all(running.map((animation) => animation.finished.catch(() => null)));
  }
}
"""

# Whatever shows the page's language (its thank-you page, the title's error prefix, the accessibility
# of each state, the e-mail fallback) is tried in both languages. A mechanism of the script (each
# answer of the service, double clicks, time-outs, the honeypot) is the same code in either, reading
# its words from the page's own messages; each is tried once, the languages taking turns, and
# test_rendering.py's test_form_messages_are_the_pages_labels checks every message in both languages.
BOTH_LANGUAGES = pytest.mark.parametrize("language", LANGUAGES)
ONE_LANGUAGE_NB = pytest.mark.parametrize("language", ["nb"])
ONE_LANGUAGE_EN = pytest.mark.parametrize("language", ["en"])


def taking_turns(values: list) -> list:
    """Each value with one language, alternating nb and en."""
    return [
        (*(value if isinstance(value, tuple) else (value,)), LANGUAGES[index % 2]) for index, value in enumerate(values)
    ]


def label(key: str, language: str) -> str:
    return LABELS.get(key, language)


def lines(text: str) -> str:
    """Text with CRLF line breaks (as a form post sends them) made LF."""
    return text.replace("\r\n", "\n")


# Fixtures


@pytest.fixture(scope="module")
def axe() -> Axe:
    return Axe()


@pytest.fixture
def receiver(form_receiver: FormReceiver):
    """The session's receiver, emptied; redirects plain posts and answers fetches ``{"ok": true}``."""
    form_receiver.reset("ok")
    yield form_receiver
    form_receiver.reset()


def watch_csp(context) -> list[str]:
    """A list that collects every CSP violation of the pages ``context`` opens from now on."""
    violations: list[str] = []
    context.expose_function("__aapenhetCspViolation", lambda violation: violations.append(violation))
    context.add_init_script(CSP_LISTENER)
    context.on(
        "console",
        lambda message: (
            violations.append(message.text)
            if "Content Security Policy" in message.text or message.text.startswith("Refused to")
            else None
        ),
    )
    return violations


@pytest.fixture
def form_page(site_context):
    """A page in a fresh context; the test fails if any page of it violates the CSP."""
    violations = watch_csp(site_context)
    page = site_context.new_page()
    yield page
    assert not violations, "Content-Security-Policy violations:\n  " + "\n  ".join(violations)


@pytest.fixture
def no_js_page(chromium_browser):
    """A page in a fresh context with JavaScript off: the plain HTML form."""
    context = chromium_browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 800})
    context.set_default_timeout(10_000)
    violations: list[str] = []
    context.on(
        "console",
        lambda message: violations.append(message.text) if "Content Security Policy" in message.text else None,
    )
    try:
        yield context.new_page()
        assert not violations, "Content-Security-Policy violations:\n  " + "\n  ".join(violations)
    finally:
        context.close()


@pytest.fixture
def form_url(form_site_url: str, language: str) -> str:
    return form_site_url + LANGUAGE_PREFIXES[language] + FORM_PAGE


@pytest.fixture
def thank_you_url(form_site_url: str, language: str) -> str:
    return form_site_url + LANGUAGE_PREFIXES[language] + THANK_YOU_PAGE


@pytest.fixture
def generic_form_url(generic_form_site_url: str, language: str) -> str:
    """The form built with the generic preset: ``data-reply="ok"``, no honeypot, no ``_next``."""
    return generic_form_site_url + LANGUAGE_PREFIXES[language] + FORM_PAGE


@pytest.fixture
def endpoint_requests(form_page, form_receiver: FormReceiver) -> list[str]:
    """Every request the page sends to the form service, as the browser issues it."""
    sent: list[str] = []
    form_page.on(
        "request",
        lambda request: (
            sent.append(f"{request.method} {request.url}") if request.url.startswith(form_receiver.origin) else None
        ),
    )
    return sent


# Helpers


def open_form(page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("#innsynskrav-form[data-enhanced='true']", state="attached")


def fill_request(page, request: dict[str, str] = REQUEST) -> None:
    for name, value in request.items():
        page.fill(f"#{FIELD_IDS[name]}", value)


def focused_id(page) -> str:
    return page.evaluate("document.activeElement ? document.activeElement.id : ''")


def assert_fields_arrived(post, language: str, thank_you_url: str) -> None:
    for name, value in REQUEST.items():
        assert lines(post.fields.get(name, "")) == value, f"field {name!r} arrived as {post.fields.get(name)!r}"
    assert post.fields.get("_subject") == label("form.subject", language)
    assert post.fields.get("_next") == thank_you_url
    assert post.fields.get("_gotcha") == "", "the honeypot must arrive empty"


def assert_request_kept(page) -> None:
    for name, value in REQUEST.items():
        assert page.input_value(f"#{FIELD_IDS[name]}") == value, f"the {name} field lost what was typed"


def assert_no_preflight(receiver: FormReceiver) -> None:
    preflights = [request for request in receiver.requests if request.method == "OPTIONS"]
    assert not preflights, f"the form caused {len(preflights)} CORS preflight(s)"


def assert_failure_shown(
    page, language: str, reason_key: str, contact_email: str, focused: str = "innsynskrav-failure"
) -> None:
    failure = page.locator(FAILURE)
    failure.wait_for(state="visible")
    assert focused_id(page) == focused, f"the focus must move to #{focused}, not #{focused_id(page)}"
    assert page.inner_text(f"{FAILURE} .aapenhet-form__failure-title") == label("form.failure.title", language)
    assert page.inner_text(f"{FAILURE} .aapenhet-form__failure-reason") == label(f"form.failure.{reason_key}", language)
    assert page.get_attribute(SUBMIT, "aria-disabled") is None, "the button must work again after a failure"
    assert page.inner_text("#innsynskrav-status") == ""
    assert page.locator("#innsynskrav-form").is_visible()
    assert_request_kept(page)
    assert_mailto_carries_request(
        page.get_attribute(f"{FAILURE} .aapenhet-form__mailto", "href"), language, contact_email
    )


def assert_mailto_carries_request(href: str | None, language: str, contact_email: str) -> None:
    assert href, "the failure message offers no mailto: link"
    parts = urlsplit(href)
    assert parts.scheme == "mailto" and parts.path == contact_email, href
    query = parse_qs(parts.query)
    assert query["subject"] == [label("form.subject", language)]
    body = lines(query["body"][0])
    assert body.startswith(REQUEST["message"]), f"the e-mail body does not start with the request:\n{body}"
    for name in ("name", "email", "address"):
        assert f"{label(f'form.{name}.label', language)}: {REQUEST[name]}" in body, f"{name} missing from:\n{body}"


def assert_success_shown(page, language: str) -> None:
    success = page.locator(SUCCESS)
    success.wait_for(state="visible")
    assert focused_id(page) == "innsynskrav-success", "the focus must move to the confirmation"
    assert success.get_attribute("role") == "status"
    text = success.inner_text()
    assert label("form.status.sent_title", language) in text
    assert label("form.status.sent_text", language) in text
    assert page.locator("#innsynskrav-form").is_hidden()
    assert page.locator(FAILURE).is_hidden()


def assert_title_prefixed(page, language: str, prefixed: bool) -> None:
    title = page.title()
    prefix = TITLE_PREFIX[language]
    if prefixed:
        assert title.startswith(prefix) and not title[len(prefix) :].startswith(prefix), f"title {title!r}"
    else:
        assert not title.startswith(prefix), f"title {title!r} still has the error prefix"


def check_axe(page, axe: Axe, state: str) -> None:
    # Contrast is measured on what is painted: let fades (e.g. Material's "back to top") finish first.
    page.evaluate(SETTLE_ANIMATIONS)
    results = axe.run(page, options=AXE_FORM_OPTIONS)
    violations = results.response["violations"]
    assert not violations, format_violations(f"{page.url} ({state})", violations)
    # "incomplete": axe could not decide. For the ARIA rules that is a real problem (e.g. an
    # attribute a role prohibits); other rules' undecided results, colour-contrast above all, are not.
    undecided = [result for result in results.response["incomplete"] if result["id"] in ARIA_RULES_INCOMPLETE_FAILS]
    assert not undecided, format_violations(f"{page.url} ({state}; axe incomplete, not decided)", undecided)


# Without JavaScript


@BOTH_LANGUAGES
def test_no_js_post_lands_on_thank_you_page(no_js_page, receiver, form_url, thank_you_url, language):
    no_js_page.goto(form_url)
    fill_request(no_js_page)
    no_js_page.click(SUBMIT)
    no_js_page.wait_for_url(thank_you_url)

    assert no_js_page.evaluate("document.documentElement.lang") == language
    [post] = receiver.posts
    assert post.path == "/f/innsynskrav"
    assert not post.wants_json
    assert post.headers.get("content-type", "").startswith("application/x-www-form-urlencoded")
    assert_fields_arrived(post, language, thank_you_url)


@BOTH_LANGUAGES
def test_no_js_empty_request_is_not_sent(no_js_page, receiver, form_url, thank_you_url, language):
    no_js_page.goto(form_url)
    no_js_page.click(SUBMIT)  # the browser's own check (required) stops the post
    assert no_js_page.locator("#innsynskrav-message:invalid").count() == 1
    assert no_js_page.url == form_url

    # The first post to arrive is the filled-in one: the empty one was never sent.
    fill_request(no_js_page)
    no_js_page.click(SUBMIT)
    no_js_page.wait_for_url(thank_you_url)
    [post] = receiver.posts
    assert lines(post.fields["message"]) == REQUEST["message"]


# With JavaScript: sending


@pytest.mark.parametrize(("mode", "language"), taking_turns(list(SUCCESS_MODES)))
def test_each_success_answer_shows_the_confirmation(
    form_page, receiver, endpoint_requests, form_url, thank_you_url, language, mode
):
    receiver.mode = mode
    open_form(form_page, form_url)
    fill_request(form_page)
    form_page.click(SUBMIT)
    assert_success_shown(form_page, language)

    [post] = receiver.posts
    assert post.wants_json and post.headers["accept"] == "application/json"
    assert post.headers.get("content-type", "").startswith("application/x-www-form-urlencoded")
    assert_fields_arrived(post, language, thank_you_url)
    assert_no_preflight(receiver)
    assert endpoint_requests == [f"POST {receiver.origin}/f/innsynskrav"]
    assert form_page.url == form_url, "the enhanced form must not leave the page"


@ONE_LANGUAGE_NB
def test_redirect_to_thank_you_page_is_success(
    form_page, receiver, endpoint_requests, form_url, thank_you_url, language
):
    """The service redirects even a fetch asking for JSON: it took the request, so it was sent."""
    receiver.mode = REDIRECT_ALWAYS
    open_form(form_page, form_url)
    fill_request(form_page)
    form_page.click(SUBMIT)
    assert_success_shown(form_page, language)

    [post] = receiver.posts
    assert post.wants_json
    assert_fields_arrived(post, language, thank_you_url)
    assert_no_preflight(receiver)
    assert endpoint_requests == [f"POST {receiver.origin}/f/innsynskrav"], "the redirect must not be followed"
    assert form_page.url == form_url, "the enhanced form must not leave the page"


@ONE_LANGUAGE_EN
def test_generic_service_page_answer_is_success(
    form_page, receiver, endpoint_requests, generic_form_url, generic_form_endpoint, language
):
    """The generic preset: the service answers the fetch with a page (200, HTML); that is "sent"."""
    receiver.mode = HTML_OK
    open_form(form_page, generic_form_url)
    assert form_page.get_attribute("#innsynskrav-form", "data-reply") == "ok"
    fill_request(form_page)
    form_page.click(SUBMIT)
    assert_success_shown(form_page, language)

    [post] = receiver.posts
    assert post.path == "/generic/innsynskrav"
    for name, value in REQUEST.items():
        assert lines(post.fields.get(name, "")) == value, f"field {name!r} arrived as {post.fields.get(name)!r}"
    assert_no_preflight(receiver)
    assert endpoint_requests == [f"POST {generic_form_endpoint}"]


@ONE_LANGUAGE_NB
def test_generic_service_error_keeps_the_request(form_page, receiver, generic_form_url, form_contact_email, language):
    receiver.mode = "500"
    open_form(form_page, generic_form_url)
    fill_request(form_page)
    form_page.click(SUBMIT)
    assert_failure_shown(form_page, language, "server", form_contact_email)
    assert len(receiver.posts) == 1
    assert_no_preflight(receiver)


@ONE_LANGUAGE_EN
def test_fetch_goes_to_the_services_fetch_address(form_page, receiver, form_url, language):
    """A service with a separate JSON API (FormSubmit's /ajax/…): fetch posts there, not to the action."""
    open_form(form_page, form_url)
    form_page.evaluate(
        """(origin) => document.getElementById('innsynskrav-form')
        .setAttribute('data-fetch-action', origin + '/ajax/f/innsynskrav')""",
        receiver.origin,
    )
    fill_request(form_page)
    form_page.click(SUBMIT)
    assert_success_shown(form_page, language)
    [post] = receiver.posts
    assert post.path == "/ajax/f/innsynskrav"


@ONE_LANGUAGE_NB
def test_field_errors_from_the_service_mark_the_field(form_page, receiver, form_url, form_contact_email, language):
    """The summary lists the field to fix and gets the focus; the failure panel still offers the e-mail."""
    receiver.mode = "422"
    open_form(form_page, form_url)
    fill_request(form_page)
    form_page.click(SUBMIT)
    assert_failure_shown(form_page, language, "rejected", form_contact_email, focused="innsynskrav-error-summary")

    email = form_page.locator("#innsynskrav-email")
    assert email.get_attribute("aria-invalid") == "true"
    assert email.get_attribute("aria-describedby") == "innsynskrav-email-hint innsynskrav-email-error"
    assert label("form.error.field_rejected", language) in form_page.inner_text("#innsynskrav-email-error")
    assert form_page.locator("#innsynskrav-message").get_attribute("aria-invalid") is None
    assert form_page.locator(SUMMARY).is_visible()
    links = form_page.locator(f"{SUMMARY} [role='alert'] li a")
    assert links.count() == 1 and links.get_attribute("href") == "#innsynskrav-email"
    assert_title_prefixed(form_page, language, True)
    assert_no_preflight(receiver)
    links.click()
    assert focused_id(form_page) == "innsynskrav-email", "the summary's link must move the focus to the field"


# html_ok: a 200 page where this service answers JSON; it may not have taken the request.
@pytest.mark.parametrize(
    ("mode", "reason_key", "language"),
    taking_turns([("400", "rejected"), ("429", "rate_limited"), ("500", "server"), (HTML_OK, "server")]),
)
def test_service_errors_keep_the_request(form_page, receiver, form_url, form_contact_email, language, mode, reason_key):
    receiver.mode = mode
    open_form(form_page, form_url)
    fill_request(form_page)
    form_page.click(SUBMIT)
    assert_failure_shown(form_page, language, reason_key, form_contact_email)
    assert len(receiver.posts) == 1
    assert_no_preflight(receiver)
    assert_title_prefixed(form_page, language, False)


@ONE_LANGUAGE_EN
def test_network_failure_keeps_the_request(form_page, receiver, form_url, form_endpoint, form_contact_email, language):
    form_page.route(form_endpoint, lambda route: route.abort("connectionrefused"))
    open_form(form_page, form_url)
    fill_request(form_page)
    form_page.click(SUBMIT)
    assert_failure_shown(form_page, language, "network", form_contact_email)
    assert receiver.requests == []


@ONE_LANGUAGE_NB
def test_timeout_keeps_the_request(form_page, receiver, form_url, form_contact_email, language):
    """The service holds the answer; the page's clock is run past the form's timeout."""
    receiver.mode = "slow"
    form_page.clock.install()
    open_form(form_page, form_url)
    timeout_ms = int(form_page.get_attribute("#innsynskrav-form", "data-timeout-ms"))
    fill_request(form_page)
    form_page.click(SUBMIT)
    receiver.wait_for_posts(1)
    assert form_page.inner_text("#innsynskrav-status") == label("form.status.sending", language)
    form_page.clock.run_for(timeout_ms + 1000)
    assert_failure_shown(form_page, language, "timeout", form_contact_email)


@ONE_LANGUAGE_EN
def test_failure_message_goes_away_on_the_next_try(form_page, receiver, form_url, form_contact_email, language):
    receiver.mode = "500"
    open_form(form_page, form_url)
    fill_request(form_page)
    form_page.click(SUBMIT)
    assert_failure_shown(form_page, language, "server", form_contact_email)
    receiver.mode = "ok"
    form_page.click(SUBMIT)
    assert_success_shown(form_page, language)
    assert len(receiver.posts) == 2


@ONE_LANGUAGE_NB
def test_double_click_sends_once(form_page, receiver, endpoint_requests, form_url, language):
    receiver.mode = "slow"
    open_form(form_page, form_url)
    fill_request(form_page)
    form_page.dblclick(SUBMIT)
    receiver.wait_for_posts(1)
    assert form_page.get_attribute(SUBMIT, "aria-disabled") == "true"
    assert form_page.inner_text("#innsynskrav-status") == label("form.status.sending", language)
    form_page.click(SUBMIT, force=True)  # a third click while sending (force: Playwright skips aria-disabled)
    receiver.release()
    assert_success_shown(form_page, language)
    assert len(receiver.posts) == 1
    assert len(endpoint_requests) == 1, endpoint_requests


@ONE_LANGUAGE_EN
def test_filled_honeypot_sends_nothing_and_says_so(
    form_page, receiver, endpoint_requests, form_url, form_contact_email, language
):
    """A filled trap (a bot, or the browser's autofill) sends nothing and says so: no fake success."""
    open_form(form_page, form_url)
    fill_request(form_page)
    form_page.evaluate("document.getElementById('innsynskrav-honeypot').value = 'http://spam.example'")
    form_page.click(SUBMIT)
    assert_failure_shown(form_page, language, "blocked", form_contact_email)
    assert form_page.locator(SUCCESS).count() == 0
    assert endpoint_requests == []
    assert receiver.requests == []


@ONE_LANGUAGE_NB
def test_script_loaded_twice_enhances_once(form_page, receiver, form_site_url, form_url):
    """Idempotent: a second copy of the script (as after a page swap) adds no second handler."""
    open_form(form_page, form_url)
    form_page.add_script_tag(url=form_site_url + "assets/javascripts/innsynskrav.js")
    form_page.click(SUBMIT)
    assert form_page.locator(f"{SUMMARY} li").count() == 1
    fill_request(form_page)
    form_page.click(SUBMIT)
    form_page.locator(SUCCESS).wait_for(state="visible")
    assert form_page.locator(SUCCESS).count() == 1
    assert len(receiver.posts) == 1


# With JavaScript: validation


@BOTH_LANGUAGES
def test_validation_with_keyboard_only(form_page, receiver, form_url, language):
    open_form(form_page, form_url)
    for _ in range(MAX_TABS):
        form_page.keyboard.press("Tab")
        if form_page.evaluate("document.activeElement.matches('#innsynskrav-form .aapenhet-form__submit')"):
            break
    else:
        pytest.fail(f"{MAX_TABS} presses of Tab never reached the form's button")
    form_page.keyboard.press("Enter")

    assert focused_id(form_page) == "innsynskrav-error-summary", "the focus must move to the error summary"
    assert form_page.inner_text(f"{SUMMARY} .aapenhet-error-summary__title") == label("form.error_summary", language)
    assert form_page.inner_text(f"{SUMMARY} [role='alert'] li") == label("form.error.message_required", language)
    assert_title_prefixed(form_page, language, True)
    message = form_page.locator("#innsynskrav-message")
    assert message.get_attribute("aria-invalid") == "true"
    assert message.get_attribute("aria-describedby") == "innsynskrav-message-hint innsynskrav-message-error"
    error = form_page.text_content("#innsynskrav-message-error")  # with its visually hidden prefix
    assert error == TITLE_PREFIX[language] + label("form.error.message_required", language), error

    form_page.keyboard.press("Tab")  # the summary's link
    form_page.keyboard.press("Enter")
    assert focused_id(form_page) == "innsynskrav-message", "the summary's link must move the focus to the field"

    # Fix the message, make the e-mail wrong: one error left, and the title prefixed only once.
    form_page.keyboard.type("Hva gjør dere?")
    form_page.keyboard.press("Tab")  # name
    form_page.keyboard.press("Tab")  # e-mail
    assert focused_id(form_page) == "innsynskrav-email"
    form_page.keyboard.type("kari@")
    form_page.keyboard.press("Tab")  # address
    form_page.keyboard.press("Tab")  # button (the honeypot is out of the tab order)
    form_page.keyboard.press("Enter")
    assert focused_id(form_page) == "innsynskrav-error-summary"
    assert form_page.locator(f"{SUMMARY} li").all_inner_texts() == [label("form.error.email_invalid", language)]
    assert message.get_attribute("aria-invalid") is None
    assert message.get_attribute("aria-describedby") == "innsynskrav-message-hint"
    assert form_page.locator("#innsynskrav-message-error").is_hidden()
    assert form_page.locator("#innsynskrav-email").get_attribute("aria-invalid") == "true"
    assert_title_prefixed(form_page, language, True)
    assert receiver.requests == []

    form_page.keyboard.press("Tab")
    form_page.keyboard.press("Enter")
    assert focused_id(form_page) == "innsynskrav-email"
    form_page.keyboard.type("example.no")
    form_page.keyboard.press("Tab")
    form_page.keyboard.press("Tab")
    form_page.keyboard.press("Enter")
    assert_success_shown(form_page, language)
    assert_title_prefixed(form_page, language, False)
    assert form_page.locator(SUMMARY).is_hidden()
    [post] = receiver.posts
    assert post.fields["message"] == "Hva gjør dere?" and post.fields["email"] == "kari@example.no"


# Accessibility of every state


@BOTH_LANGUAGES
@pytest.mark.parametrize("state", ["empty", "errors", "sending", "sent", "failed"])
def test_no_wcag_violations_in_any_state(form_page, receiver, axe, form_url, language, state):
    receiver.mode = {"sending": "slow", "failed": "500"}.get(state, "ok")
    open_form(form_page, form_url)
    if state == "errors":
        form_page.fill("#innsynskrav-email", "not an address")
        form_page.click(SUBMIT)
        form_page.locator(SUMMARY).wait_for(state="visible")
    elif state != "empty":
        fill_request(form_page)
        form_page.click(SUBMIT)
        if state == "sending":
            receiver.wait_for_posts(1)
            assert form_page.get_attribute(SUBMIT, "aria-disabled") == "true"
        else:
            form_page.locator(SUCCESS if state == "sent" else FAILURE).wait_for(state="visible")
    check_axe(form_page, axe, state)


# The shipped build


@BOTH_LANGUAGES
def test_shipped_build_without_contact_email_says_where_else_to_send(site_context, site_url, language):
    """The shipped data gives no e-mail or postal address yet: a failure offers no mailto: and sends
    nobody to addresses that are not there; it says to try again.

    (Not checked for CSP violations: the shipped build's site_url is ``mkdocs serve``'s address, which
    Material's language selector fetches; test_privacy.py covers requests to other origins.)
    """
    form_page = site_context.new_page()
    open_form(form_page, site_url + LANGUAGE_PREFIXES[language] + FORM_PAGE)
    form = form_page.locator("#innsynskrav-form")
    endpoint = form.get_attribute("data-fetch-action") or form.get_attribute("action")
    form_page.route(endpoint, lambda route: route.abort("connectionrefused"))  # never the real address
    form_page.fill("#innsynskrav-message", REQUEST["message"])
    form_page.click(SUBMIT)
    form_page.locator(FAILURE).wait_for(state="visible")
    assert form_page.inner_text(f"{FAILURE} .aapenhet-form__failure-reason") == label("form.failure.network", language)
    assert label("form.failure.fallback_later", language) in form_page.inner_text(FAILURE)
    assert form_page.locator(f"{FAILURE} .aapenhet-form__mailto").count() == 0
    assert form_page.input_value("#innsynskrav-message") == REQUEST["message"]
