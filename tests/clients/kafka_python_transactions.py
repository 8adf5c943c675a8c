"""Transactions with kafka-python (a client independent of librdkafka) against the broker at
argv[1]: a commit, an abort, and a transaction that also commits consumer-group offsets
(send_offsets_to_transaction). Prints one JSON object with what each side saw."""
import json
import sys

from kafka import (KafkaAdminClient, KafkaConsumer, KafkaProducer, OffsetAndMetadata,
                   TopicPartition)
from kafka.admin import NewTopic

bootstrap = sys.argv[1]
admin = KafkaAdminClient(bootstrap_servers=bootstrap)
admin.create_topics([NewTopic("py-in", 1, 1), NewTopic("py-out", 1, 1)])
plain = KafkaProducer(bootstrap_servers=bootstrap)
for i in range(10):
    plain.send("py-in", f"in{i}".encode())
plain.flush()

producer = KafkaProducer(bootstrap_servers=bootstrap, transactional_id="py-tx",
                         enable_idempotence=True)
producer.init_transactions()
producer.begin_transaction()
producer.send("py-out", b"committed")
producer.commit_transaction()
producer.begin_transaction()
producer.send("py-out", b"aborted")
producer.flush()
producer.abort_transaction()
producer.begin_transaction()
producer.send("py-out", b"with-offsets")
producer.send_offsets_to_transaction({TopicPartition("py-in", 0): OffsetAndMetadata(7, "", -1)},
                                     "py-group")
producer.commit_transaction()


def read(isolation):
    consumer = KafkaConsumer("py-out", bootstrap_servers=bootstrap, group_id=None,
                             auto_offset_reset="earliest", isolation_level=isolation,
                             consumer_timeout_ms=3000)
    return [m.value.decode() for m in consumer]


offsets = admin.list_consumer_group_offsets("py-group")
print(json.dumps({
    "group_offset": offsets[TopicPartition("py-in", 0)].offset,
    "read_committed": read("read_committed"),
    "read_uncommitted": read("read_uncommitted"),
}))
