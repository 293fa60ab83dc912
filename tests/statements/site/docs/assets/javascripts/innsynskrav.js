/*
 * The innsynskrav form (request for information): progressive enhancement.
 *
 * Without this script the form is a plain HTML post to the form service, which redirects to the
 * thank-you page. With it, the form is checked before sending (GOV.UK / Designsystemet error
 * pattern), sent with fetch (no custom headers, so no CORS preflight) with a timeout, and every
 * failure keeps what the user typed and offers the e-mail fallback.
 *
 * What counts as "sent" (the form's data-reply says how the service answers a fetch):
 * - a redirect (the service took the request and sends the browser to the thank-you page): fetched
 *   with redirect "manual", so it is seen as an "opaqueredirect" and never followed;
 * - data-reply="ok" (the service answers with a page): any 2xx;
 * - data-reply="json": a 2xx whose JSON says ok/success or gives a next address. A 2xx without
 *   such a body may not have arrived: it is reported as a failure, with the e-mail fallback.
 *
 * The markup is the contract (overrides/aapenhet/innsynskrav_form.html); the words come from the
 * page's <script type="application/json" id="innsynskrav-messages">, already in the page's language.
 * Nothing from the form or from the service's answer is ever written as HTML: text only.
 *
 * Plain ES2019, no libraries; loaded after Material's bundle on the pages with the form.
 */
(function () {
  "use strict";

  // The requester's own fields, by name; each is #innsynskrav-<name> with -hint and -error beside it.
  var REQUEST_FIELDS = ["message", "name", "email", "address"];
  var ID_PREFIX = "innsynskrav-";
  // Good enough to catch typos; the service and the reply decide the rest.
  var EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
  var DEFAULT_TIMEOUT_MS = 20000;

  function byId(id) {
    return document.getElementById(id);
  }

  function fieldOf(form, name) {
    var field = byId(ID_PREFIX + name);
    return field && form.contains(field) ? field : null;
  }

  /* aria-describedby as a list of ids: add or remove one, keep the rest (the hint). */
  function setDescribedBy(field, id, present) {
    var ids = (field.getAttribute("aria-describedby") || "").split(/\s+/).filter(function (token) {
      return token && token !== id;
    });
    if (present) {
      ids.push(id);
    }
    if (ids.length) {
      field.setAttribute("aria-describedby", ids.join(" "));
    } else {
      field.removeAttribute("aria-describedby");
    }
  }

  /* The label's words without the "(optional)" the template adds, for the e-mail fallback's body. */
  function labelText(field) {
    var label = field.labels && field.labels[0];
    var text = label ? label.textContent.replace(/\s+/g, " ").trim() : field.name;
    return text.replace(/\s*\([^()]*\)$/, "");
  }

  function Enhanced(root, form, messages) {
    this.root = root;
    this.form = form;
    this.messages = messages;
    this.summary = byId("innsynskrav-error-summary");
    this.status = byId("innsynskrav-status");
    this.failure = byId("innsynskrav-failure");
    this.button = form.querySelector("button[type='submit'], button:not([type])");
    this.honeypot = byId("innsynskrav-honeypot");
    this.titlePrefix = messages.error_prefix + " ";
    this.sending = false;
    this.success = null;
    var timeout = parseInt(form.getAttribute("data-timeout-ms"), 10);
    this.timeoutMs = timeout > 0 ? timeout : DEFAULT_TIMEOUT_MS;
  }

  Enhanced.prototype.start = function () {
    var self = this;
    this.form.noValidate = true;
    this.form.addEventListener("submit", function (event) {
      event.preventDefault();
      self.submit();
    });
    if (this.summary) {
      this.summary.addEventListener("click", function (event) {
        var link = event.target.closest ? event.target.closest("a[href^='#']") : null;
        if (link && self.summary.contains(link)) {
          var field = byId(link.getAttribute("href").slice(1));
          if (field) {
            event.preventDefault();
            self.focusField(field);
          }
        }
      });
    }
  };

  /* Scroll the label into view (above the field, under Material's sticky header) and focus the field. */
  Enhanced.prototype.focusField = function (field) {
    var label = field.labels && field.labels[0];
    if (label && label.scrollIntoView) {
      label.scrollIntoView();
    }
    field.focus({ preventScroll: Boolean(label) });
  };

  Enhanced.prototype.submit = function () {
    if (this.sending || this.success) {
      return; // a second click while sending, or after success: never a second request
    }
    this.hideFailure();
    var errors = this.validate();
    this.showErrors(errors);
    if (errors.length) {
      this.focusSummary();
      return;
    }
    if (this.honeypot && this.honeypot.value !== "") {
      // Nothing is sent, but no fake success either: the browser's autofill can fill the trap, and a
      // real requester must then learn that the request did not go, and get the e-mail fallback.
      this.showFailure("blocked");
      return;
    }
    this.send();
  };

  Enhanced.prototype.focusSummary = function () {
    if (this.summary) {
      this.summary.focus();
    }
  };

  /* The errors a requester can fix before sending: [{field, message}], in the form's order. */
  Enhanced.prototype.validate = function () {
    var errors = [];
    var message = fieldOf(this.form, "message");
    var email = fieldOf(this.form, "email");
    if (message && message.value.trim() === "") {
      errors.push({ field: message, message: this.messages.message_required });
    }
    if (email && email.value.trim() !== "" && !EMAIL_PATTERN.test(email.value.trim())) {
      errors.push({ field: email, message: this.messages.email_invalid });
    }
    return errors;
  };

  /* Per-field errors, the summary and the title for ``errors``; clears whatever is not in it. */
  Enhanced.prototype.showErrors = function (errors) {
    var self = this;
    REQUEST_FIELDS.forEach(function (name) {
      var field = fieldOf(self.form, name);
      if (field) {
        self.markField(field, null);
      }
    });
    errors.forEach(function (error) {
      self.markField(error.field, error.message);
    });
    this.fillSummary(errors);
    this.setTitlePrefix(errors.length > 0);
  };

  Enhanced.prototype.markField = function (field, message) {
    var errorId = field.id + "-error";
    var errorElement = byId(errorId);
    var group = field.closest ? field.closest(".aapenhet-field") : null;
    if (group) {
      group.classList.toggle("aapenhet-field--error", message !== null);
    }
    if (message === null) {
      field.removeAttribute("aria-invalid");
      setDescribedBy(field, errorId, false);
      if (errorElement) {
        errorElement.hidden = true;
        errorElement.textContent = "";
      }
      return;
    }
    field.setAttribute("aria-invalid", "true");
    if (errorElement) {
      var prefix = document.createElement("span");
      prefix.className = "aapenhet-visually-hidden";
      prefix.textContent = this.titlePrefix;
      errorElement.textContent = "";
      errorElement.appendChild(prefix);
      errorElement.appendChild(document.createTextNode(message));
      errorElement.hidden = false;
      setDescribedBy(field, errorId, true);
    }
  };

  /* The summary's links: its list sits in a role="alert" box inside the focusable outer element. */
  Enhanced.prototype.fillSummary = function (errors) {
    if (!this.summary) {
      return;
    }
    var list = this.summary.querySelector("ul");
    if (!list) {
      return;
    }
    list.textContent = "";
    errors.forEach(function (error) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = "#" + error.field.id;
      link.textContent = error.message;
      item.appendChild(link);
      list.appendChild(item);
    });
    this.summary.hidden = errors.length === 0;
  };

  /* "Feil: " before the page title while errors are shown, once. */
  Enhanced.prototype.setTitlePrefix = function (present) {
    var title = document.title;
    var has = title.indexOf(this.titlePrefix) === 0;
    if (present && !has) {
      document.title = this.titlePrefix + title;
    } else if (!present && has) {
      document.title = title.slice(this.titlePrefix.length);
    }
  };

  Enhanced.prototype.setSending = function (sending) {
    this.sending = sending;
    if (this.button) {
      if (sending) {
        this.button.setAttribute("aria-disabled", "true");
      } else {
        this.button.removeAttribute("aria-disabled");
      }
    }
    if (this.status) {
      this.status.textContent = sending ? this.messages.sending : "";
    }
  };

  Enhanced.prototype.send = function () {
    var self = this;
    var controller = typeof AbortController === "function" ? new AbortController() : null;
    var timedOut = false;
    var timer = setTimeout(function () {
      timedOut = true;
      if (controller) {
        controller.abort();
      }
    }, this.timeoutMs);
    // Accept is CORS-safelisted and the body is urlencoded: a "simple" request, no preflight.
    // redirect "manual": a redirect to the thank-you page is the service's "received", not a page to load.
    var request = {
      method: "POST",
      body: new URLSearchParams(new FormData(this.form)),
      headers: { Accept: "application/json" },
      redirect: "manual",
    };
    if (controller) {
      request.signal = controller.signal;
    }
    this.setSending(true);
    fetch(this.fetchAction(), request)
      .then(function (response) {
        return readJson(response).then(function (body) {
          if (timedOut) {
            throw new Error("timeout");
          }
          return { response: response, body: body };
        });
      })
      .then(
        function (answer) {
          clearTimeout(timer);
          self.setSending(false);
          self.handleAnswer(answer.response, answer.body);
        },
        function () {
          clearTimeout(timer);
          self.setSending(false);
          self.showFailure(timedOut ? "timeout" : "network");
        }
      );
  };

  /* Where fetch sends: the service's JSON API when it has one apart (data-fetch-action), else the form's action. */
  Enhanced.prototype.fetchAction = function () {
    return this.form.getAttribute("data-fetch-action") || this.form.action;
  };

  Enhanced.prototype.handleAnswer = function (response, body) {
    if (this.isSuccess(response, body)) {
      this.showSuccess();
      return;
    }
    var status = response.status;
    if (status === 422) {
      // Fields named: the summary lists them and gets the focus; the failure panel still says what
      // happened and offers the e-mail fallback, below the form.
      var marked = this.showRejectedFields(body);
      this.showFailure("rejected", marked ? this.summary : null);
    } else if (status === 429) {
      this.showFailure("rate_limited");
    } else if (status >= 500) {
      this.showFailure("server");
    } else if (status >= 400) {
      this.showFailure("rejected");
    } else {
      // A 2xx (or 3xx) that does not say the request was taken: it may not have arrived.
      this.showFailure("server");
    }
  };

  Enhanced.prototype.isSuccess = function (response, body) {
    if (response.type === "opaqueredirect") {
      return true; // the service took the request and redirects to the thank-you page
    }
    if (!response.ok) {
      return false;
    }
    if (this.form.getAttribute("data-reply") === "ok") {
      return true; // this service answers with HTML; any 2xx means it took the request
    }
    if (!body || typeof body !== "object") {
      return false;
    }
    return body.ok === true || body.success === true || body.success === "true" ||
      (typeof body.next === "string" && body.next !== "");
  };

  /* A 422's ``errors: [{field, message}]`` on the fields it names (the service's words are not
     shown); the number of fields marked. */
  Enhanced.prototype.showRejectedFields = function (body) {
    var self = this;
    var errors = [];
    var reported = body && Array.isArray(body.errors) ? body.errors : [];
    REQUEST_FIELDS.forEach(function (name) {
      var named = reported.some(function (error) {
        return error && error.field === name;
      });
      var field = fieldOf(self.form, name);
      if (named && field) {
        errors.push({ field: field, message: self.messages.field_rejected });
      }
    });
    this.showErrors(errors);
    return errors.length;
  };

  Enhanced.prototype.hideFailure = function () {
    if (this.failure) {
      this.failure.hidden = true;
    }
  };

  /* The failure panel with the reason and the e-mail fallback; the focus goes to ``focusTarget``
     (the error summary, when it lists fields to fix) or else to the panel. */
  Enhanced.prototype.showFailure = function (reasonKey, focusTarget) {
    if (!this.failure) {
      if (focusTarget) {
        focusTarget.focus();
      }
      return;
    }
    var reason = this.failure.querySelector(".aapenhet-form__failure-reason");
    if (reason) {
      reason.textContent = this.messages[reasonKey] || "";
    }
    var mailto = this.failure.querySelector(".aapenhet-form__mailto");
    var address = this.form.getAttribute("data-fallback-email");
    if (mailto && address) {
      mailto.setAttribute("href", this.mailtoHref(address));
    }
    this.failure.hidden = false;
    (focusTarget || this.failure).focus();
  };

  /* mailto: with the request as the body, so the e-mail fallback loses nothing the user typed. */
  Enhanced.prototype.mailtoHref = function (address) {
    var form = this.form;
    var message = fieldOf(form, "message");
    var lines = [message ? message.value : ""];
    var contact = [];
    ["name", "email", "address"].forEach(function (name) {
      var field = fieldOf(form, name);
      if (field && field.value.trim() !== "") {
        contact.push(labelText(field) + ": " + field.value.trim());
      }
    });
    if (contact.length) {
      lines.push("", contact.join("\r\n"));
    }
    var body = lines.join("\r\n").replace(/\r?\n/g, "\r\n");
    return "mailto:" + encodeURIComponent(address).replace(/%40/g, "@") +
      "?subject=" + encodeURIComponent(this.messages.mail_subject) +
      "&body=" + encodeURIComponent(body);
  };

  /* The form goes away; its place is taken by the confirmation, which gets the focus. */
  Enhanced.prototype.showSuccess = function () {
    this.showErrors([]);
    this.hideFailure();
    if (this.status) {
      this.status.textContent = "";
    }
    var panel = document.createElement("div");
    panel.className = "aapenhet-form__success";
    panel.id = "innsynskrav-success";
    panel.setAttribute("role", "status");
    panel.tabIndex = -1;
    var title = document.createElement("h3");
    title.className = "aapenhet-form__success-title";
    title.textContent = this.messages.sent_title;
    var text = document.createElement("p");
    text.textContent = this.messages.sent_text;
    panel.appendChild(title);
    panel.appendChild(text);
    this.form.parentNode.insertBefore(panel, this.form.nextSibling);
    this.form.hidden = true;
    this.success = panel;
    panel.focus();
  };

  /* The answer's JSON, or null when it has none (HTML, empty, or unreadable). */
  function readJson(response) {
    return response.text().then(
      function (text) {
        try {
          return JSON.parse(text);
        } catch (error) {
          return null;
        }
      },
      function () {
        return null;
      }
    );
  }

  function readMessages(root) {
    var script = root.querySelector("#innsynskrav-messages") || byId("innsynskrav-messages");
    if (!script) {
      return null;
    }
    try {
      return JSON.parse(script.textContent);
    } catch (error) {
      return null;
    }
  }

  function enhance() {
    var roots = document.querySelectorAll("[data-aapenhet-innsynskrav]");
    Array.prototype.forEach.call(roots, function (root) {
      var form = root.querySelector("form#innsynskrav-form");
      if (!form || form.getAttribute("data-enhanced") === "true") {
        return;
      }
      var messages = readMessages(root);
      if (!messages || typeof window.fetch !== "function" || typeof URLSearchParams !== "function") {
        return; // the plain HTML form still works
      }
      form.setAttribute("data-enhanced", "true");
      new Enhanced(root, form, messages).start();
    });
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(enhance);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", enhance);
  } else {
    enhance();
  }
})();
