"""Scrapes a Prometheus endpoint and parses it with prometheus_client's own text-format parser
(which rejects anything malformed), printing every sample as one JSON object:
{"families": {name: type}, "samples": [[name, {labels}, value], ...]}."""

import json
import sys
import urllib.request

from prometheus_client.parser import text_string_to_metric_families

with urllib.request.urlopen(sys.argv[1], timeout=10) as response:
    content_type = response.headers.get("Content-Type", "")
    body = response.read().decode("utf-8")

families = {}
samples = []
for family in text_string_to_metric_families(body):
    families[family.name] = family.type
    for s in family.samples:
        samples.append([s.name, s.labels, s.value])
print(json.dumps({"content_type": content_type, "families": families, "samples": samples}))
