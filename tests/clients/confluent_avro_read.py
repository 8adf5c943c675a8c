"""Reads COUNT records of TOPIC with confluent-kafka's AvroDeserializer (the writer schema
fetched from the registry by the id in each value). Prints one JSON object: the values
decoded, and each value's bytes in hex.

Usage: confluent_avro_read.py BOOTSTRAP REGISTRY_URL TOPIC COUNT
"""
import json
import sys

from confluent_kafka import Consumer
from confluent_kafka.schema_registry import SchemaRegistryClient
from confluent_kafka.schema_registry.avro import AvroDeserializer
from confluent_kafka.serialization import MessageField, SerializationContext

bootstrap, url, topic, count = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
deserialize = AvroDeserializer(SchemaRegistryClient({"url": url}))
ctx = SerializationContext(topic, MessageField.VALUE)
consumer = Consumer({"bootstrap.servers": bootstrap, "group.id": f"{topic}-reader",
                     "auto.offset.reset": "earliest"})
consumer.subscribe([topic])
values, wire = [], []
while len(values) < count:
    msg = consumer.poll(10)
    if msg is None:
        break
    if msg.error():
        raise SystemExit(str(msg.error()))
    wire.append(msg.value().hex())
    values.append(deserialize(msg.value(), ctx))
consumer.close()
print(json.dumps({"values": values, "wire": wire}))
