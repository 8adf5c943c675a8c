"""confluent-kafka's ProtobufSerializer and ProtobufDeserializer against a broker's schema
registry, with message classes built from descriptors (no protoc): register by producing
(the serializer registers a base64 FileDescriptorProto), evolve compatibly, be refused an
incompatible change, read everything back — and read what `streamline produce` wrote to
READ_TOPIC, if given. Prints one JSON object.

Usage: confluent_protobuf.py BOOTSTRAP REGISTRY_URL TOPIC [READ_TOPIC COUNT]
"""
import json
import sys

from confluent_kafka import Consumer, Producer
from confluent_kafka.schema_registry import SchemaRegistryClient
from confluent_kafka.schema_registry.error import SchemaRegistryError
from confluent_kafka.schema_registry.protobuf import ProtobufDeserializer, ProtobufSerializer
from confluent_kafka.serialization import MessageField, SerializationContext
from google.protobuf import descriptor_pb2, descriptor_pool, json_format, message_factory

F = descriptor_pb2.FieldDescriptorProto


def order_class(version):
    """shop.Order as version 1 (id, qty, items), 2 (+ note) or 3 (qty a string)."""
    fdp = descriptor_pb2.FileDescriptorProto(name="shop/order.proto", package="shop", syntax="proto3")
    order = fdp.message_type.add(name="Order")
    order.field.add(name="id", number=1, type=F.TYPE_STRING, label=F.LABEL_OPTIONAL)
    qty_type = F.TYPE_STRING if version == 3 else F.TYPE_INT32
    order.field.add(name="qty", number=2, type=qty_type, label=F.LABEL_OPTIONAL)
    order.field.add(name="items", number=3, type=F.TYPE_MESSAGE, label=F.LABEL_REPEATED,
                    type_name=".shop.Order.Item")
    if version == 2:
        order.field.add(name="note", number=4, type=F.TYPE_STRING, label=F.LABEL_OPTIONAL)
    item = order.nested_type.add(name="Item")
    item.field.add(name="sku", number=1, type=F.TYPE_STRING, label=F.LABEL_OPTIONAL)
    pool = descriptor_pool.DescriptorPool()
    pool.Add(fdp)
    return message_factory.GetMessageClass(pool.FindMessageTypeByName("shop.Order"))


bootstrap, url, topic = sys.argv[1:4]
registry = SchemaRegistryClient({"url": url})
ctx = SerializationContext(topic, MessageField.VALUE)
V1, V2, V3 = order_class(1), order_class(2), order_class(3)
conf = {"use.deprecated.format": False}
values = [ProtobufSerializer(V1, registry, conf)(V1(id="o-1", qty=2, items=[V1.Item(sku="a")]), ctx),
          ProtobufSerializer(V2, registry, conf)(V2(id="o-2", qty=5, note="gift"), ctx)]
producer = Producer({"bootstrap.servers": bootstrap})
for v in values:
    producer.produce(topic, value=v)
producer.flush(30)
out = {"wire": [v.hex() for v in values]}
try:
    ProtobufSerializer(V3, registry, conf)(V3(id="o-3", qty="many"), ctx)
    out["incompatible"] = None
except SchemaRegistryError as e:
    out["incompatible"] = {"status": e.http_status_code, "code": e.error_code, "message": e.error_message}
out["versions"] = registry.get_versions(f"{topic}-value")


def read(topic, count, cls):
    deserialize = ProtobufDeserializer(cls, conf)
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
        message = deserialize(msg.value(), SerializationContext(topic, MessageField.VALUE))
        got.append({"json": json_format.MessageToDict(message, preserving_proto_field_name=True),
                    "wire": msg.value().hex()})
    consumer.close()
    return got


out["read"] = [r["json"] for r in read(topic, len(values), V2)]
if len(sys.argv) > 5:
    out["read_other"] = read(sys.argv[4], int(sys.argv[5]), V2)
print(json.dumps(out))
