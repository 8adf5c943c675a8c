"""confluent-kafka's JSONSerializer and JSONDeserializer against a broker's schema registry:
register by producing, evolve compatibly (a closed content model gains an optional
property), be refused a changed type, read back — and read what `streamline produce` wrote
to READ_TOPIC, if given. Prints one JSON object.

Usage: confluent_json.py BOOTSTRAP REGISTRY_URL TOPIC [READ_TOPIC COUNT]
"""
import json
import sys

from confluent_kafka import Consumer, Producer
from confluent_kafka.schema_registry import Schema, SchemaRegistryClient
from confluent_kafka.schema_registry.error import SchemaRegistryError
from confluent_kafka.schema_registry.json_schema import JSONDeserializer, JSONSerializer
from confluent_kafka.serialization import MessageField, SerializationContext


def person(extra=None, name_type="string"):
    properties = {"name": {"type": name_type}, "age": {"type": "integer", "minimum": 0}}
    properties.update(extra or {})
    return json.dumps({"$schema": "http://json-schema.org/draft-07/schema#", "title": "Person",
                       "type": "object", "properties": properties, "required": ["name"],
                       "additionalProperties": False})


V1, V2 = person(), person({"email": {"type": "string"}})
V3 = person(name_type="integer")
bootstrap, url, topic = sys.argv[1:4]
registry = SchemaRegistryClient({"url": url})
ctx = SerializationContext(topic, MessageField.VALUE)
values = [JSONSerializer(V1, registry)({"name": "ann", "age": 31}, ctx),
          JSONSerializer(V2, registry)({"name": "bob", "email": "b@example.com"}, ctx)]
producer = Producer({"bootstrap.servers": bootstrap})
for v in values:
    producer.produce(topic, value=v)
producer.flush(30)
out = {"wire": [v.hex() for v in values]}
try:
    registry.register_schema(f"{topic}-value", Schema(V3, "JSON"))
    out["incompatible"] = None
except SchemaRegistryError as e:
    out["incompatible"] = {"status": e.http_status_code, "code": e.error_code, "message": e.error_message}
out["versions"] = registry.get_versions(f"{topic}-value")


def read(topic, count):
    deserialize = JSONDeserializer(V2)
    consumer = Consumer({"bootstrap.servers": bootstrap, "group.id": f"{topic}-reader",
                         "auto.offset.reset": "earliest"})
    consumer.subscribe([topic])
    got = []
    while len(got) < count:
        msg = consumer.poll(10)
        if msg is None:
            break
        if msg.error():
            raise SystemExit(str(msg.error()))
        got.append(deserialize(msg.value(), SerializationContext(topic, MessageField.VALUE)))
    consumer.close()
    return got


out["read"] = read(topic, len(values))
if len(sys.argv) > 5:
    out["read_other"] = read(sys.argv[4], int(sys.argv[5]))
print(json.dumps(out))
