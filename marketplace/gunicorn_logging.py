"""gunicorn's access log as JSON lines (`logger_class` in gunicorn.conf.py).

A format string with quotes around `%(a)s` breaks on a user agent that contains a quote; this
serialises the fields with json.dumps instead.
"""

import json
import traceback

from gunicorn.glogging import Logger

from marketplace.jsonlog import gunicorn_access_entry


class JSONAccessLogger(Logger):
    def access(self, resp, req, environ, request_time):
        # No access log configured (GUNICORN_ACCESS_LOG empty): logconfig_dict still gives the
        # logger a handler, so gunicorn's own flag would say it is on.
        if not self.cfg.accesslog or not self.access_log_enabled:
            return
        try:
            atoms = self.atoms_wrapper_class(self.atoms(resp, req, environ, request_time))
            fields = {key: atoms[key] for key in ("m", "U", "q", "s", "B", "M", "h", "f", "a", "p")}
            fields["{x-forwarded-for}i"] = atoms["{x-forwarded-for}i"]
            fields["{x-request-id}i"] = atoms["{x-request-id}i"]
            self.access_log.info(json.dumps(gunicorn_access_entry(fields), default=str))
        except Exception:
            self.error(traceback.format_exc())
