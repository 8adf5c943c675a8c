"""kafka-python against a secured broker: for each listener and mechanism given, produce one
record and read it back in a consumer group; then what a wrong password, an unknown user and
an untrusted CA get. Prints one JSON object.

    kafka_python_security.py CASES.json

CASES.json: {"ca": PATH, "other_ca": PATH, "cases": [{"name", "bootstrap", "protocol",
"mechanism", "user", "password", "cert", "key"}, ...], "bad": {"bootstrap", "mechanism"}}
"""
import base64, json, sys, time

from kafka import KafkaConsumer, KafkaProducer
from kafka.errors import KafkaError
from kafka.sasl.oauth import AbstractTokenProvider


def unsecured_token(sub, life_s):
    """An unsecured JWT (alg none), as development OAUTHBEARER brokers take."""
    enc = lambda b: base64.urlsafe_b64encode(b).rstrip(b"=").decode()
    now = int(time.time())
    claims = {"sub": sub, "iat": now, "exp": now + life_s}
    return enc(b'{"alg":"none"}') + "." + enc(json.dumps(claims).encode()) + "."


class Tokens(AbstractTokenProvider):
    def __init__(self, token):
        self._token = token

    def token(self):
        return self._token


def settings(case, ca, **over):
    s = {"bootstrap_servers": case["bootstrap"], "security_protocol": case["protocol"],
         "request_timeout_ms": 30000, "api_version_auto_timeout_ms": 8000}
    if "SSL" in case["protocol"]:
        s["ssl_cafile"] = ca
        s["ssl_check_hostname"] = True
        if case.get("cert"):
            s["ssl_certfile"], s["ssl_keyfile"] = case["cert"], case["key"]
    if case["protocol"].startswith("SASL") and case["mechanism"] == "OAUTHBEARER":
        s.update(sasl_mechanism="OAUTHBEARER",
                 sasl_oauth_token_provider=Tokens(unsecured_token(case["user"], case.get("life", 3600))))
    elif case["protocol"].startswith("SASL"):
        s.update(sasl_mechanism=case["mechanism"], sasl_plain_username=case["user"],
                 sasl_plain_password=case["password"])
    s.update(over)
    return s


def round_trip(case, ca):
    topic = "py-" + case["name"]
    producer = KafkaProducer(max_block_ms=10000, **settings(case, ca))
    producer.send(topic, b"hello " + case["name"].encode()).get(timeout=15)
    producer.close()
    consumer = KafkaConsumer(topic, group_id="py-" + case["name"], auto_offset_reset="earliest",
                             consumer_timeout_ms=15000, **settings(case, ca))
    values = []
    for m in consumer:
        values.append(m.value.decode())
        break
    consumer.commit()
    consumer.close()
    return values[:1]


def refused(case, ca, **over):
    try:
        p = KafkaProducer(max_block_ms=6000, **settings(case, ca, **over))
        p.send("py-refused", b"x").get(timeout=8)
        p.close()
        return "accepted"
    except KafkaError as e:
        return type(e).__name__
    except Exception as e:  # ssl.SSLError and friends
        return type(e).__name__


def main():
    spec = json.load(open(sys.argv[1]))
    ca = spec["ca"]
    out = {"read": {}, "refused": {}}
    for case in spec["cases"]:
        out["read"][case["name"]] = round_trip(case, ca)
    bad = spec["bad"]
    out["refused"]["wrong_password"] = refused(bad, ca, sasl_plain_password="wrong")
    out["refused"]["unknown_user"] = refused(bad, ca, sasl_plain_username="mallory")
    out["refused"]["untrusted_ca"] = refused(bad, spec["other_ca"])
    out["refused"]["expired_token"] = refused(dict(spec["oauth"], life=-120), ca)
    out["refused"]["untrusted_client_certificate"] = refused(spec["stranger"], ca)
    out["refused"]["mechanism_not_enabled"] = refused(spec["not_enabled"], ca)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
