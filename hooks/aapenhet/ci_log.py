"""Lines that are safe in a GitHub Actions log: none can act as a workflow command.

The runner reads a line that starts (after its leading spaces) with ``::`` — or the older ``##[`` —
as a command: ``::error::`` makes an annotation, ``::add-mask::`` hides text, ``::stop-commands::``
stops reading commands. Every line the tool prints can quote text from ``data/``, ``docs/`` or
``mkdocs.yml`` (a value, a file name, a menu title), so no such line may start that way.
"""

from __future__ import annotations

import logging

_COMMAND_STARTS = ("::", "##[")


def safe_line(line: str) -> str:
    """``line`` as it is, or with a mark before it when it would start a workflow command."""
    return "» " + line if line.lstrip().startswith(_COMMAND_STARTS) else line


def safe_for_ci_log(text: str) -> str:
    """One line, whatever text from the data it quotes: line breaks become spaces, and a leading
    ``::`` is broken."""
    return safe_line(" ".join(text.splitlines()))


class CommandSafeLog(logging.Filter):
    """Keeps every line of every message safe (MkDocs' and its plugins' messages quote file names and
    settings too); a message keeps its line breaks."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        safe = "\n".join(safe_line(line) for line in message.splitlines())
        if safe != message.rstrip("\n"):
            record.msg, record.args = safe, ()
        return True


def keep_log_safe(logger: logging.Logger) -> None:
    """Every handler of ``logger`` (MkDocs': ``mkdocs``) prints only safe lines; once each."""
    for handler in logger.handlers:
        if not any(isinstance(each, CommandSafeLog) for each in handler.filters):
            handler.addFilter(CommandSafeLog())
