// The interop peer's agent on the official A2A JavaScript SDK: the same behavior as the C# ProbeAgent.
// Push notifications are on (the SDK's in-memory config store and sender).
// Default: working, two artifact chunks ("Hello, " then "world!"), completed. "slow": works until canceled.
// "input": input-required, then completes on the follow-up. "fail": failed. "reject": rejected.
// "ping": a direct "pong" message and no task.
// Prints "listening <port>" once it serves on 127.0.0.1.
import express from 'express';
import { randomUUID } from 'node:crypto';
import { Role, TaskState } from '@a2a-js/sdk';
import { AgentEvent, DefaultRequestHandler, InMemoryTaskStore } from '@a2a-js/sdk/server';
import { agentCardHandler, jsonRpcHandler, restHandler, UserBuilder } from '@a2a-js/sdk/server/express';

const text = (value) => ({ content: { $case: 'text', value } });
const agentMessage = (taskId, contextId, value) => ({
  messageId: randomUUID(), contextId, taskId, role: Role.ROLE_AGENT, parts: [text(value)], metadata: undefined, extensions: [], referenceTaskIds: [],
});
const now = () => new Date().toISOString();

class ProbeExecutor {
  running = new Map();

  async execute(context, bus) {
    const { taskId, contextId } = context;
    const input = (context.userMessage.parts ?? []).map((p) => (p.content?.$case === 'text' ? p.content.value : '')).join('');
    const followUp = !!context.task;
    if (/ping/i.test(input) && !followUp) {
      bus.publish(AgentEvent.message({ ...agentMessage('', contextId, 'pong'), taskId: '' }));
      bus.finished();
      return;
    }
    const status = (state, message) => bus.publish(AgentEvent.statusUpdate({ taskId, contextId, status: { state, message, timestamp: now() }, metadata: undefined }));
    const task = context.task ?? {
      id: taskId, contextId, status: { state: TaskState.TASK_STATE_SUBMITTED, message: undefined, timestamp: now() },
      artifacts: [], history: [context.userMessage], metadata: undefined,
    };
    bus.publish(AgentEvent.task(task));

    if (/reject/i.test(input)) { status(TaskState.TASK_STATE_REJECTED, agentMessage(taskId, contextId, 'rejected by request')); bus.finished(); return; }
    if (/input/i.test(input) && !followUp) { status(TaskState.TASK_STATE_INPUT_REQUIRED, agentMessage(taskId, contextId, 'need more input')); bus.finished(); return; }
    status(TaskState.TASK_STATE_WORKING, agentMessage(taskId, contextId, 'working on it'));
    if (/fail/i.test(input)) { status(TaskState.TASK_STATE_FAILED, agentMessage(taskId, contextId, 'failed by request')); bus.finished(); return; }
    if (/slow/i.test(input)) {
      const canceled = await new Promise((resolve) => this.running.set(taskId, resolve));
      this.running.delete(taskId);
      if (canceled) { status(TaskState.TASK_STATE_CANCELED, agentMessage(taskId, contextId, 'canceled by request')); bus.finished(); return; }
    }

    const chunk = (value, append, lastChunk) => bus.publish(AgentEvent.artifactUpdate({
      taskId, contextId, append, lastChunk, metadata: undefined,
      artifact: { artifactId: 'artifact-1', name: 'result', description: '', parts: [text(value)], metadata: undefined, extensions: [] },
    }));
    chunk('Hello, ', false, false);
    chunk('world!', true, true);
    status(TaskState.TASK_STATE_COMPLETED, undefined);
    bus.finished();
  }

  async cancelTask(taskId) {
    this.running.get(taskId)?.(true);
  }
}

const app = express();
const server = app.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  const base = `http://127.0.0.1:${port}`;
  const card = {
    name: 'a2a-js probe agent', description: 'Interop peer built on @a2a-js/sdk 1.3.0', version: '1.0.0',
    supportedInterfaces: [
      { url: `${base}/a2a/jsonrpc`, protocolBinding: 'JSONRPC', tenant: '', protocolVersion: '1.0' },
      { url: `${base}/a2a/rest`, protocolBinding: 'HTTP+JSON', tenant: '', protocolVersion: '1.0' },
      { url: `${base}/a2a/jsonrpc`, protocolBinding: 'JSONRPC', tenant: '', protocolVersion: '0.3' },
      { url: `${base}/a2a/rest`, protocolBinding: 'HTTP+JSON', tenant: '', protocolVersion: '0.3' },
    ],
    provider: { organization: 'interop-probe', url: 'http://example.invalid' },
    capabilities: { streaming: true, pushNotifications: true, extensions: [], extendedAgentCard: false },
    securitySchemes: {}, securityRequirements: [], defaultInputModes: ['text/plain'], defaultOutputModes: ['text/plain'],
    skills: [{ id: 'probe', name: 'probe', description: 'submitted -> working -> 2 artifact chunks -> completed', tags: ['test'], examples: [], inputModes: [], outputModes: [], securityRequirements: [] }],
    signatures: [], documentationUrl: undefined, iconUrl: undefined,
  };
  const handler = new DefaultRequestHandler(card, new InMemoryTaskStore(), new ProbeExecutor());
  // v0.3 clients are served too (legacyCompat), on the same endpoints and card.
  const legacyCompat = { enabled: true };
  app.use('/.well-known/agent-card.json', agentCardHandler({ agentCardProvider: async () => card, legacyCompat }));
  app.use('/a2a/jsonrpc', jsonRpcHandler({ requestHandler: handler, userBuilder: UserBuilder.noAuthentication, legacyCompat }));
  app.use('/a2a/rest', restHandler({ requestHandler: handler, userBuilder: UserBuilder.noAuthentication, legacyCompat }));
  // A v0.3-only card for the same agent, as an agent that predates v1.0 serves it.
  app.get('/v03/.well-known/agent-card.json', (_req, res) => res.json({
    name: card.name, description: card.description, version: card.version, protocolVersion: '0.3.0',
    url: `${base}/a2a/jsonrpc`, preferredTransport: 'JSONRPC', additionalInterfaces: [{ url: `${base}/a2a/rest`, transport: 'HTTP+JSON' }],
    capabilities: { streaming: true, pushNotifications: true }, defaultInputModes: ['text/plain'], defaultOutputModes: ['text/plain'],
    skills: [{ id: 'probe', name: 'probe', description: 'submitted -> working -> 2 artifact chunks -> completed', tags: ['test'] }],
    supportsAuthenticatedExtendedCard: false,
  }));
  console.log(`listening ${port}`);
});
