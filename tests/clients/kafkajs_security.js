// KafkaJS against a secured broker: for each case (listener, mechanism, TLS settings) it
// creates a topic, produces one record and reads it back in a consumer group; then a wrong
// password and an untrusted CA must be refused. Prints one JSON object.
//
//   node kafkajs_security.js CASES.json
//
// CASES.json: {"ca", "other_ca", "cases": [{"name", "bootstrap", "protocol", "mechanism",
// "user", "password", "cert", "key"}], "bad": {...}}
const fs = require('fs');
const { Kafka, logLevel } = require('kafkajs');

const spec = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));

// An unsecured JWT (alg none), as development OAUTHBEARER brokers take.
function unsecuredToken(sub, lifeSeconds) {
  const enc = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  return enc({ alg: 'none' }) + '.' + enc({ sub, iat: now, exp: now + lifeSeconds }) + '.';
}

function client(c, ca) {
  const config = { clientId: 'kafkajs-' + c.name, brokers: [c.bootstrap], logLevel: logLevel.NOTHING,
                   connectionTimeout: 5000, requestTimeout: 10000,
                   // Re-authenticate a second before the session ends (KIP-368).
                   reauthenticationThreshold: 1000,
                   retry: { retries: 1, initialRetryTime: 200 } };
  if (c.protocol.endsWith('SSL')) {
    config.ssl = { ca: [fs.readFileSync(ca, 'utf8')] };
    if (c.cert) {
      config.ssl.cert = fs.readFileSync(c.cert, 'utf8');
      config.ssl.key = fs.readFileSync(c.key, 'utf8');
    }
  }
  if (c.protocol.startsWith('SASL') && c.mechanism === 'OAUTHBEARER') {
    config.sasl = { mechanism: 'oauthbearer',
                    oauthBearerProvider: async () => ({ value: unsecuredToken(c.user, c.life || 3600) }) };
  } else if (c.protocol.startsWith('SASL')) {
    config.sasl = { mechanism: c.mechanism.toLowerCase(), username: c.user, password: c.password };
  }
  return new Kafka(config);
}

async function roundTrip(c) {
  const kafka = client(c, spec.ca);
  const topic = 'js-' + c.name;
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
  await admin.disconnect();
  const producer = kafka.producer();
  await producer.connect();
  await producer.send({ topic, messages: [{ value: 'hello ' + c.name }] });
  if (c.slow) {
    // Keep the connection busy across several sessions.
    for (let i = 0; i < 6; i++) {
      await new Promise((r) => setTimeout(r, 700));
      await producer.send({ topic, messages: [{ value: 'later ' + i }] });
    }
  }
  await producer.disconnect();
  const consumer = kafka.consumer({ groupId: topic + '-group' });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  const value = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('nothing read within 30 s')), 30000);
    consumer.run({ eachMessage: async ({ message }) => { clearTimeout(timer); resolve(message.value.toString()); } });
  });
  await consumer.disconnect();
  return value;
}

async function refused(c, ca) {
  const admin = client(c, ca).admin();
  try {
    await admin.connect();
    await admin.listTopics();
    await admin.disconnect();
    return 'accepted';
  } catch (e) {
    return (e.name || 'Error') + ': ' + (e.message || '').slice(0, 120);
  }
}

(async () => {
  const out = { read: {}, refused: {} };
  for (const c of spec.cases) {
    out.read[c.name] = await roundTrip(c);
  }
  out.refused.wrong_password = await refused({ ...spec.bad, password: 'wrong' }, spec.ca);
  out.refused.untrusted_ca = await refused(spec.bad, spec.other_ca);
  out.refused.expired_token = await refused({ ...spec.oauth, life: -120 }, spec.ca);
  out.refused.untrusted_client_certificate = await refused(spec.stranger, spec.ca);
  out.refused.mechanism_not_enabled = await refused(spec.not_enabled, spec.ca);
  console.log(JSON.stringify(out));
  process.exit(0);
})().catch((e) => { console.error(e); process.exit(1); });
