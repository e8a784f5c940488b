// The official A2A JavaScript SDK client driving an A2A server (ours, in the interop tests).
// Usage: node client-scenarios.mjs <baseUrl> [JSONRPC|HTTP+JSON] [1.0|0.3|0.3-card]
//   transport: the one the client prefers from the card (JSON-RPC by default);
//   version: 1.0 (the card as a v1.0 client reads it), 0.3 (the card served without a version header, its v0.3
//   interfaces only), or 0.3-card (that card with supportedInterfaces removed: a v0.3-only card).
// Prints one JSON line per scenario: {"name":..., "ok":true|false, "detail":...}; the C# test asserts every line.
import { randomUUID } from 'node:crypto';
import { Role, TaskState } from '@a2a-js/sdk';
import { ClientFactory, ClientFactoryOptions, DefaultAgentCardResolver, JsonRpcTransportFactory, RestTransportFactory } from '@a2a-js/sdk/client';

const baseUrl = process.argv[2];
const transport = process.argv[3] ?? 'JSONRPC';
const version = process.argv[4] ?? '1.0';
const offeredVersion = version === '1.0' ? '1.0' : '0.3';
const text = (value) => ({ content: { $case: 'text', value } });
const message = (value, taskId = '', contextId = '') => ({
  messageId: randomUUID(), contextId, taskId, role: Role.ROLE_USER, parts: [text(value)], metadata: undefined, extensions: [], referenceTaskIds: [],
});
const send = (value, { taskId, contextId, returnImmediately = false } = {}) => ({
  tenant: '', message: message(value, taskId, contextId), metadata: undefined,
  configuration: { acceptedOutputModes: [], taskPushNotificationConfig: undefined, historyLength: undefined, returnImmediately },
});
const stateName = (task) => TaskState[task.status?.state];
const joined = (artifact) => artifact.parts.map((p) => p.content?.value ?? '').join('');
// The A2A error a call failed with, by its JSON-RPC code whatever the transport (REST errors carry the reason).
const codesByReason = { TASK_NOT_FOUND: -32001, TASK_NOT_CANCELABLE: -32002, UNSUPPORTED_OPERATION: -32004 };
const errorCode = async (action) => {
  try { await action(); return 'no error'; } catch (err) { return err.envelopeCode ?? codesByReason[err.reason] ?? err.code ?? String(err); }
};
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(read, done) {
  for (let i = 0; i < 500; i++) {
    const value = await read();
    if (done(value)) return value;
    await sleep(20);
  }
  throw new Error('timed out');
}

const resolver = new DefaultAgentCardResolver({ legacyCompat: { enabled: true } });
const legacyCompat = { enabled: version !== '1.0' };
const factory = new ClientFactory({
  transports: [new JsonRpcTransportFactory({ legacyCompat }), new RestTransportFactory({ legacyCompat })],
  preferredTransports: [transport],
  cardResolver: resolver,
});
async function connect() {
  if (version === '1.0') return factory.createFromUrl(baseUrl);
  // What a v0.3 client reads: the card without an A2A-Version header.
  const response = await fetch(new URL('.well-known/agent-card.json', baseUrl.endsWith('/') ? baseUrl : baseUrl + '/'));
  const raw = await response.json();
  if (version === '0.3-card') {
    delete raw.supportedInterfaces;
    return factory.createFromAgentCard(raw);
  }
  return factory.createFromAgentCard({ ...raw, supportedInterfaces: raw.supportedInterfaces.filter((i) => i.protocolVersion === '0.3') });
}
const client = await connect();
const scenarios = {
  async card() {
    const card = await client.getAgentCard();
    const offered = card.supportedInterfaces.map((i) => `${i.protocolBinding} ${i.protocolVersion}`);
    return { ok: card.name === 'a2a-dotnet probe agent' && card.capabilities?.streaming === true && offered.some((o) => o.startsWith(`${transport} ${offeredVersion}`)), detail: `${card.name} ${offered.join(', ')}` };
  },
  async send() {
    const task = await client.sendMessage(send('hello'));
    return { ok: stateName(task) === 'TASK_STATE_COMPLETED' && joined(task.artifacts[0]) === 'Hello, world!', detail: `${stateName(task)} ${joined(task.artifacts[0] ?? { parts: [] })}` };
  },
  async stream() {
    const kinds = [];
    let last;
    for await (const event of client.sendMessageStream(send('hello (stream)'))) {
      kinds.push(event.payload?.$case);
      last = event.payload;
    }
    const expected = ['task', 'statusUpdate', 'artifactUpdate', 'artifactUpdate', 'statusUpdate'];
    const final = TaskState[last?.value?.status?.state];
    return { ok: JSON.stringify(kinds) === JSON.stringify(expected) && final === 'TASK_STATE_COMPLETED', detail: `${kinds.join(',')} ${final}` };
  },
  async get() {
    const sent = await client.sendMessage(send('hello'));
    const task = await client.getTask({ tenant: '', id: sent.id, historyLength: undefined });
    return { ok: task.id === sent.id && stateName(task) === 'TASK_STATE_COMPLETED', detail: stateName(task) };
  },
  async cancelRunning() {
    const started = await client.sendMessage(send('slow please', { returnImmediately: true }));
    await waitFor(() => client.getTask({ tenant: '', id: started.id, historyLength: undefined }), (t) => stateName(t) === 'TASK_STATE_WORKING');
    const canceled = await client.cancelTask({ tenant: '', id: started.id, metadata: undefined });
    return { ok: stateName(canceled) === 'TASK_STATE_CANCELED', detail: stateName(canceled) };
  },
  async cancelCompleted() {
    const done = await client.sendMessage(send('hello'));
    const code = await errorCode(() => client.cancelTask({ tenant: '', id: done.id, metadata: undefined }));
    return { ok: code === -32002, detail: code };
  },
  async sendToCompleted() {
    const done = await client.sendMessage(send('hello'));
    const code = await errorCode(() => client.sendMessage(send('follow-up to a completed task', { taskId: done.id, contextId: done.contextId })));
    return { ok: code === -32004, detail: code };
  },
  async getUnknown() {
    const code = await errorCode(() => client.getTask({ tenant: '', id: `does-not-exist-${randomUUID()}`, historyLength: undefined }));
    return { ok: code === -32001, detail: code };
  },
  async inputRequiredFollowUp() {
    const asked = await client.sendMessage(send('input needed'));
    const done = await client.sendMessage(send('here is more', { taskId: asked.id, contextId: asked.contextId }));
    return { ok: stateName(asked) === 'TASK_STATE_INPUT_REQUIRED' && done.id === asked.id && stateName(done) === 'TASK_STATE_COMPLETED', detail: `${stateName(asked)} -> ${stateName(done)}` };
  },
  async resubscribe() {
    const started = await client.sendMessage(send('slow again', { returnImmediately: true }));
    await waitFor(() => client.getTask({ tenant: '', id: started.id, historyLength: undefined }), (t) => stateName(t) === 'TASK_STATE_WORKING');
    const states = [];
    let canceled = false;
    for await (const event of client.resubscribeTask({ tenant: '', id: started.id })) {
      const status = event.payload?.value?.status;
      if (status) states.push(TaskState[status.state]);
      if (!canceled) { canceled = true; await client.cancelTask({ tenant: '', id: started.id, metadata: undefined }); }
    }
    return { ok: states[0] === 'TASK_STATE_WORKING' && states.at(-1) === 'TASK_STATE_CANCELED', detail: states.join(',') };
  },
  async reply() {
    const answer = await client.sendMessage(send('ping'));
    const ok = !!answer.messageId && answer.role === Role.ROLE_AGENT && joined(answer) === 'pong' && !answer.taskId && !!answer.contextId && !answer.status;
    return { ok, detail: JSON.stringify(answer) };
  },
  async replyStream() {
    const payloads = [];
    for await (const event of client.sendMessageStream(send('ping (stream)'))) payloads.push(event.payload);
    const only = payloads[0]?.value;
    const ok = payloads.length === 1 && !!only?.messageId && only.role === Role.ROLE_AGENT && joined(only) === 'pong' && !only.taskId;
    return { ok, detail: JSON.stringify(payloads) };
  },
  async returnImmediately() {
    const task = await client.sendMessage(send('slow', { returnImmediately: true }));
    const state = stateName(task);
    await client.cancelTask({ tenant: '', id: task.id, metadata: undefined });
    return { ok: state === 'TASK_STATE_SUBMITTED' || state === 'TASK_STATE_WORKING', detail: state };
  },
};

for (const [name, run] of Object.entries(scenarios)) {
  let result;
  try { result = await run(); } catch (err) { result = { ok: false, detail: `threw ${err?.stack ?? err}` }; }
  console.log(JSON.stringify({ name, ...result }));
}
