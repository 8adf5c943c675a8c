"""confluent-kafka's SchemaRegistryClient, AvroSerializer and AvroDeserializer against a
broker's schema registry: register by producing, evolve compatibly, be refused an
incompatible change, read everything back. Prints one JSON object.

Usage: confluent_avro.py BOOTSTRAP REGISTRY_URL TOPIC
"""
import json
import sys

from confluent_kafka import Consumer, Producer
from confluent_kafka.schema_registry import Schema, SchemaRegistryClient
from confluent_kafka.schema_registry.avro import AvroDeserializer, AvroSerializer
from confluent_kafka.schema_registry.error import SchemaRegistryError
from confluent_kafka.serialization import MessageField, SerializationContext

bootstrap, url, topic = sys.argv[1:4]
subject = f"{topic}-value"
registry = SchemaRegistryClient({"url": url})

V1 = json.dumps({
    "type": "record", "name": "User", "namespace": "demo",
    "fields": [
        {"name": "name", "type": "string"},
        {"name": "favorite_number", "type": ["null", "int"], "default": None},
    ],
})
# Compatible: a new field with a default.
V2 = json.dumps({
    "type": "record", "name": "User", "namespace": "demo",
    "fields": [
        {"name": "name", "type": "string"},
        {"name": "favorite_number", "type": ["null", "int"], "default": None},
        {"name": "email", "type": "string", "default": ""},
    ],
})
# Incompatible under BACKWARD: a new field without a default.
V3 = json.dumps({
    "type": "record", "name": "User", "namespace": "demo",
    "fields": [
        {"name": "name", "type": "string"},
        {"name": "age", "type": "int"},
    ],
})

ctx = SerializationContext(topic, MessageField.VALUE)
producer = Producer({"bootstrap.servers": bootstrap})
first = AvroSerializer(registry, V1)
values = [first({"name": "ann", "favorite_number": 7}, ctx),
          first({"name": "bob", "favorite_number": None}, ctx)]
second = AvroSerializer(registry, V2)
values.append(second({"name": "cy", "favorite_number": 3, "email": "cy@example.com"}, ctx))
for v in values:
    producer.produce(topic, value=v)
producer.flush(30)

out = {"wire": [v.hex() for v in values]}
try:
    registry.register_schema(subject, Schema(V3, "AVRO"))
    out["incompatible"] = None
except SchemaRegistryError as e:
    out["incompatible"] = {"status": e.http_status_code, "code": e.error_code, "message": e.error_message}
out["compatible_v3"] = registry.test_compatibility(subject, Schema(V3, "AVRO"))
out["versions"] = registry.get_versions(subject)
latest = registry.get_latest_version(subject)
out["latest"] = {"version": latest.version, "id": latest.schema_id}
looked_up = registry.lookup_schema(subject, Schema(V1, "AVRO"))
out["lookup_v1"] = {"version": looked_up.version, "id": looked_up.schema_id}
out["subjects"] = registry.get_subjects()
out["compatibility"] = registry.get_compatibility()
# The same schema under another subject keeps its id.
out["other_subject_id"] = registry.register_schema("elsewhere", Schema(V1, "AVRO"))

deserialize = AvroDeserializer(registry)
consumer = Consumer({"bootstrap.servers": bootstrap, "group.id": "avro-reader",
                     "auto.offset.reset": "earliest"})
consumer.subscribe([topic])
read = []
while len(read) < len(values):
    msg = consumer.poll(10)
    if msg is None:
        break
    if msg.error():
        raise SystemExit(str(msg.error()))
    read.append(deserialize(msg.value(), ctx))
consumer.close()
out["read"] = read
print(json.dumps(out))
