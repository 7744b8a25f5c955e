"""The one workaround osmem-server needs, confined to local and test settings.

The Elasticsearch 8 client sends `Content-Type: application/vnd.elasticsearch+json;
compatible-with=8`; osmem answers 406 to that value (it accepts it in `Accept`). This node
class sends plain JSON instead. Production leaves ELASTICSEARCH_NODE_CLASS empty, so a real
Elasticsearch 8 gets exactly what the stock client sends.
"""

from elastic_transport import HttpHeaders, Urllib3HttpNode

VENDOR_JSON = "application/vnd.elasticsearch+json"
VENDOR_NDJSON = "application/vnd.elasticsearch+x-ndjson"


def plain_content_type(value: str) -> str:
    """'application/vnd.elasticsearch+json; compatible-with=8' -> 'application/json'."""
    media_type = value.split(";", 1)[0].strip().lower()
    if media_type == VENDOR_JSON:
        return "application/json"
    if media_type == VENDOR_NDJSON:
        return "application/x-ndjson"
    return value


class OsmemNode(Urllib3HttpNode):
    """Urllib3HttpNode that turns the vendor Content-Type back into plain JSON."""

    def perform_request(self, method, target, body=None, headers=None, **kwargs):
        if headers is not None and "content-type" in headers:
            headers = HttpHeaders(headers)
            headers["content-type"] = plain_content_type(headers["content-type"])
        return super().perform_request(method, target, body=body, headers=headers, **kwargs)
