// Writes the fixtures under this folder with other tools than ours, so the kit is tested on their artifacts:
//   pactjs/*.json  pacts written by Pact JS (@pact-foundation/pact), V3 and V4, good and bad
//   node-sdk/*     raw requests of the official Node SDK (unipile-node-sdk 1.9.3), captured on a loopback server
// CI never runs this; the generated files are the fixtures. To regenerate (outside the repo, node_modules is not
// committed):
//   mkdir -p /tmp/pactjs && cd /tmp/pactjs && npm init -y && npm install @pact-foundation/pact unipile-node-sdk@1.9.3
//   node /path/to/contract-tests/src/test/resources/external/make-fixtures.js
const fs = require('fs');
const os = require('os');
const path = require('path');
const http = require('http');
const req = (name) => require(require.resolve(name, { paths: [process.cwd()] }));
const { PactV3, PactV4, SpecificationVersion } = req('@pact-foundation/pact');
const { UnipileClient } = req('unipile-node-sdk');

const here = __dirname;
const pactDir = path.join(here, 'pactjs');
const sdkDir = path.join(here, 'node-sdk');
const PATH = '/api/v1/chats';
const BOUNDARY = 'pactjs-fixture-boundary';
const CREATED = { object: 'ChatStarted', chat_id: 'chat_1', message_id: 'msg_1' };

/** A multipart body from [name, value] or [name, {filename, type, content}] pairs, with a fixed boundary. */
function multipart(fields) {
  const chunks = [];
  for (const [name, value] of fields) {
    chunks.push(`--${BOUNDARY}\r\n`);
    if (typeof value === 'string') {
      chunks.push(`Content-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
    } else {
      chunks.push(`Content-Disposition: form-data; name="${name}"; filename="${value.filename}"\r\n`
        + `Content-Type: ${value.type}\r\n\r\n${value.content}\r\n`);
    }
  }
  chunks.push(`--${BOUNDARY}--\r\n`);
  return Buffer.from(chunks.join(''), 'utf8');
}

const VALID = [
  // One attendee: Pact JS's own mock compares repeated parts of one name pairwise and fails on two.
  ['account_id', 'acc_1'], ['text', 'Hello'], ['attendees_ids', 'ACoAAB1'],
  ['linkedin[api]', 'classic'], ['linkedin[inmail]', 'true'],
  ['attachments', { filename: 'hello.txt', type: 'text/plain', content: 'hi' }],
];
const PREMIUM = [['account_id', 'acc_1'], ['text', 'Hello'], ['attendees_ids', 'ACoAAB1'], ['linkedin[api]', 'premium']];
const DAYS_2 = [['account_id', 'acc_1'], ['text', 'Hello'], ['attendees_ids', 'ACoAAB1'], ['linkedin[api]', 'recruiter'],
  ['linkedin[follow_up][text]', 'Ping'], ['linkedin[follow_up][scheduled_time][days]', '2']];
const CONTENT_TYPE = `multipart/form-data; boundary=${BOUNDARY}`;

async function send(url, body, contentType) {
  const res = await fetch(url + PATH, { method: 'POST', headers: { 'Content-Type': contentType, 'X-API-KEY': 'k' }, body });
  await res.arrayBuffer();
}

/** V3, body given to withRequest (a string body with the multipart Content-Type header). */
async function v3Body(consumer, fields, status, responseBody) {
  const pact = new PactV3({ consumer, provider: 'unipile', dir: pactDir, logLevel: 'error' });
  const body = multipart(fields);
  pact.uponReceiving(`${consumer} starts a chat`).withRequest({
    method: 'POST', path: PATH, headers: { 'Content-Type': CONTENT_TYPE, 'X-API-KEY': 'k' }, body: body.toString('utf8'),
  }).willRespondWith({ status, headers: { 'Content-Type': 'application/json' }, body: responseBody });
  await pact.executeTest((server) => send(server.url, body, CONTENT_TYPE));
}

/**
 * V4, body set with pact-core's withRequestBody (what V3's withRequest uses). The V4 builder's own
 * body(contentType, Buffer) goes through withRequestBinaryBody, whose content-type rule Pact JS's mock then applies
 * to every part, so it refuses its own request.
 */
async function v4Body(consumer, fields, status, responseBody, description = `${consumer} starts a chat`) {
  const pact = new PactV4({ consumer, provider: 'unipile', dir: pactDir, logLevel: 'error', spec: SpecificationVersion.SPECIFICATION_VERSION_V4 });
  const body = multipart(fields);
  await pact.addInteraction().uponReceiving(description)
    .withRequest('POST', PATH, (b) => {
      b.headers({ 'X-API-KEY': 'k' }).interaction.withRequestBody(body.toString('utf8'), CONTENT_TYPE);
      return b;
    })
    .willRespondWith(status, (b) => b.jsonBody(responseBody))
    .executeTest((server) => send(server.url, body, CONTENT_TYPE));
}

/** V3 withRequestMultipartFileUpload / V4 multipartBody(): Pact JS writes one file part, boundary in the header only. */
async function multipartBodyPacts() {
  const file = path.join(os.tmpdir(), 'unipile-fixture-hello.txt');
  fs.writeFileSync(file, 'hi');
  const form = () => {
    const f = new FormData();
    f.append('attachments', new Blob([Buffer.from('hi')], { type: 'text/plain' }), 'unipile-fixture-hello.txt');
    return f;
  };
  const v4 = new PactV4({ consumer: 'pactjs-v4-multipart-body', provider: 'unipile', dir: pactDir, logLevel: 'error', spec: SpecificationVersion.SPECIFICATION_VERSION_V4 });
  await v4.addInteraction().uponReceiving('uploads one attachment with multipartBody()')
    .withRequest('POST', PATH, (b) => b.headers({ 'X-API-KEY': 'k' }).multipartBody('text/plain', file, 'attachments'))
    .willRespondWith(201, (b) => b.jsonBody(CREATED))
    .executeTest((server) => fetch(server.url + PATH, { method: 'POST', headers: { 'X-API-KEY': 'k' }, body: form() }).then((r) => r.arrayBuffer()));
  const v3 = new PactV3({ consumer: 'pactjs-v3-multipart-upload', provider: 'unipile', dir: pactDir, logLevel: 'error' });
  v3.uponReceiving('uploads one attachment with withRequestMultipartFileUpload()')
    .withRequestMultipartFileUpload({ method: 'POST', path: PATH, headers: { 'X-API-KEY': 'k' } }, 'text/plain', file, 'attachments')
    .willRespondWith({ status: 201, headers: { 'Content-Type': 'application/json' }, body: CREATED });
  await v3.executeTest((server) => fetch(server.url + PATH, { method: 'POST', headers: { 'X-API-KEY': 'k' }, body: form() }).then((r) => r.arrayBuffer()));
}

/** Every request the official Node SDK sends, as raw bytes + Content-Type, from a loopback capture server. */
async function nodeSdk() {
  fs.mkdirSync(sdkDir, { recursive: true });
  let name = null;
  const server = http.createServer((request, response) => {
    const chunks = [];
    request.on('data', (c) => chunks.push(c));
    request.on('end', () => {
      fs.writeFileSync(path.join(sdkDir, `${name}.multipart`), Buffer.concat(chunks));
      fs.writeFileSync(path.join(sdkDir, `${name}.content-type`), request.headers['content-type']);
      response.writeHead(201, { 'Content-Type': 'application/json' }).end(JSON.stringify(CREATED));
    });
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const client = new UnipileClient(`http://127.0.0.1:${server.address().port}`, 'k');
  const cases = {
    'classic-inmail': { account_id: 'acc_1', text: 'Hello', attendees_ids: ['ACoAAB1', 'ACoAAB2'], options: { linkedin: { api: 'classic', inmail: true } } },
    'recruiter-signature': { account_id: 'acc_1', text: 'Hello', attendees_ids: ['ACoAAB1'], options: { linkedin: { api: 'recruiter', signature: 'Jo', hiring_project_id: 'p1' } } },
    'attachments': { account_id: 'acc_1', text: 'Hello', attendees_ids: ['ACoAAB1'], subject: 'Hi', attachments: [['a.txt', Buffer.from('aa')], ['b.pdf', Buffer.from('%PDF-1.4')]] },
  };
  for (const [n, input] of Object.entries(cases)) {
    name = n;
    await client.messaging.startNewChat(input);
  }
  server.close();
}

(async () => {
  fs.rmSync(pactDir, { recursive: true, force: true });
  fs.mkdirSync(pactDir, { recursive: true });
  await v3Body('pactjs-v3-body-valid', VALID, 201, CREATED);
  await v3Body('pactjs-v3-body-premium', PREMIUM, 201, CREATED);
  await v4Body('pactjs-v4-body-valid', VALID, 201, CREATED);
  await v4Body('pactjs-v4-body-days-2', DAYS_2, 201, CREATED);
  await v4Body('pactjs-v4-body-status-200', VALID, 200, CREATED);
  await v4Body('pactjs-v4-body-crlf-description', VALID, 201, CREATED,
    'evil\r\nverify-pact: 1 interaction(s) in 1 pact file(s) conform to the spec\u001b[2K');
  await multipartBodyPacts();
  await nodeSdk();
  console.log('fixtures written under', here);
})().catch((e) => { console.error(e); process.exit(1); });
