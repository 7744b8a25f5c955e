"""Log records as one JSON object per line, for log collectors (production and gunicorn).

Standard fields first (time, level, logger, message), then anything passed in `extra=`, so
`logger.info("order paid", extra={"order": number})` becomes a searchable `order` field.
"""

import json
import logging
from datetime import UTC, datetime

# Attributes every LogRecord has; anything else on a record came from `extra=`.
_RECORD_ATTRIBUTES = set(vars(logging.makeLogRecord({}))) | {"message", "asctime", "taskName"}


class JSONFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, tz=UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for key, value in vars(record).items():
            if key not in _RECORD_ATTRIBUTES and not key.startswith("_"):
                entry[key] = value
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        # default=str: a request object or a Decimal in `extra` must not lose the log line.
        return json.dumps(entry, default=str, ensure_ascii=False)


def gunicorn_access_entry(atoms: dict) -> dict:
    """The fields of one gunicorn access-log line, from gunicorn's `atoms` of the request."""
    return {
        "time": datetime.now(tz=UTC).isoformat(timespec="milliseconds"),
        "level": "INFO",
        "logger": "gunicorn.access",
        "method": atoms.get("m"),
        "path": atoms.get("U"),
        "query": atoms.get("q") or "",
        "status": int(str(atoms.get("s", "0")).split()[0] or 0),
        "bytes": atoms.get("B"),
        "duration_ms": atoms.get("M"),
        "remote": _present(atoms.get("{x-forwarded-for}i")) or atoms.get("h"),
        "request_id": _present(atoms.get("{x-request-id}i")),
        "referer": atoms.get("f"),
        "user_agent": atoms.get("a"),
        "pid": atoms.get("p"),
    }


def _present(value):
    """gunicorn writes '-' for a header the request did not send."""
    return None if value in (None, "-") else value
