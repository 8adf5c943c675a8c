// KafkaJS with @kafkajs/confluent-schema-registry against a broker's schema registry:
// register an Avro and a JSON schema (its register() reads GET /config/{subject}, expecting
// a 404 the first time), encode, produce, consume and decode; be refused an incompatible
// Avro schema; decode what `streamline produce` wrote to READ_TOPIC. Prints one JSON object.
//
// Usage: node kafkajs_schema_registry.js BOOTSTRAP REGISTRY_URL TOPIC READ_TOPIC
const { Kafka, logLevel } = require('kafkajs');
const { SchemaRegistry, SchemaType } = require('@kafkajs/confluent-schema-registry');

const [bootstrap, url, topic, readTopic] = process.argv.slice(2);
const registry = new SchemaRegistry({ host: url });
const kafka = new Kafka({ brokers: [bootstrap], logLevel: logLevel.NOTHING });

const V1 = JSON.stringify({
  type: 'record', name: 'Click', namespace: 'js',
  fields: [{ name: 'page', type: 'string' }, { name: 'ms', type: 'int' }],
});
const V2 = JSON.stringify({
  type: 'record', name: 'Click', namespace: 'js',
  fields: [{ name: 'page', type: 'string' }, { name: 'ms', type: 'int' },
           { name: 'device', type: 'string' }],
});
const PERSON = JSON.stringify({
  type: 'object', properties: { name: { type: 'string' } }, required: ['name'],
});

async function readAll(consumer, topicName, count) {
  const got = [];
  await consumer.subscribe({ topic: topicName, fromBeginning: true });
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`only ${got.length} of ${count} from ${topicName}`)), 30000);
    consumer.run({
      eachMessage: async ({ message }) => {
        got.push(await registry.decode(message.value));
        if (got.length >= count) { clearTimeout(timer); resolve(); }
      },
    }).catch(reject);
  });
  return got;
}

(async () => {
  const out = {};
  const { id } = await registry.register(
    { type: SchemaType.AVRO, schema: V1 }, { subject: `${topic}-value` });
  out.avro_id = id;
  const again = await registry.register(
    { type: SchemaType.AVRO, schema: V1 }, { subject: `${topic}-value` });
  out.same_id = again.id;
  const json = await registry.register(
    { type: SchemaType.JSON, schema: PERSON }, { subject: `${topic}-json-value` });
  out.json_id = json.id;
  try {
    await registry.register({ type: SchemaType.AVRO, schema: V2 }, { subject: `${topic}-value` });
    out.refused = null;
  } catch (e) {
    out.refused = e.message;
  }
  const producer = kafka.producer();
  await producer.connect();
  const encoded = await registry.encode(id, { page: '/cart', ms: 1200 });
  out.wire = encoded.toString('hex');
  await producer.send({ topic, messages: [{ value: encoded }] });
  await producer.disconnect();
  const consumer = kafka.consumer({ groupId: `${topic}-js` });
  await consumer.connect();
  out.read = await readAll(consumer, topic, 1);
  await consumer.disconnect();
  const other = kafka.consumer({ groupId: `${readTopic}-js` });
  await other.connect();
  out.read_other = await readAll(other, readTopic, 1);
  await other.disconnect();
  console.log(JSON.stringify(out));
})().catch((e) => { console.error(e); process.exit(1); });
