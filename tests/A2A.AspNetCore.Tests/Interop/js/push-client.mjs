// The official A2A JavaScript SDK client registering push notification configs with an A2A server (ours).
// Usage: node push-client.mjs <baseUrl> <webhookUrl> <credentials>. Starts a task that asks for input with a config
// inline, registers a second config with CreateTaskPushNotificationConfig, reads both back (get, list), deletes the
// inline one, then sends the follow-up that completes the task. Prints one JSON line with what it saw.
import { randomUUID } from 'node:crypto';
import { Role, TaskState } from '@a2a-js/sdk';
import { ClientFactory } from '@a2a-js/sdk/client';

const [baseUrl, webhookUrl, credentials] = process.argv.slice(2);
const message = (value, taskId = '', contextId = '') => ({
  messageId: randomUUID(), contextId, taskId, role: Role.ROLE_USER, parts: [{ content: { $case: 'text', value } }], metadata: undefined, extensions: [], referenceTaskIds: [],
});
const config = (taskId, token) => ({ tenant: '', id: '', taskId, url: webhookUrl, token, authentication: { scheme: 'Bearer', credentials } });

const client = await new ClientFactory().createFromUrl(baseUrl);
const card = await client.getAgentCard();
const asked = await client.sendMessage({
  tenant: '', message: message('input please'), metadata: undefined,
  configuration: { acceptedOutputModes: [], taskPushNotificationConfig: config('', 'js-inline'), historyLength: undefined, returnImmediately: false },
});
const created = await client.createTaskPushNotificationConfig(config(asked.id, 'js-created'));
const read = await client.getTaskPushNotificationConfig({ tenant: '', taskId: asked.id, id: created.id });
const listed = await client.listTaskPushNotificationConfig({ tenant: '', taskId: asked.id, pageSize: 0, pageToken: '' });
const inline = listed.configs.find((c) => c.token === 'js-inline');
await client.deleteTaskPushNotificationConfig({ tenant: '', taskId: asked.id, id: inline.id });
const after = await client.listTaskPushNotificationConfig({ tenant: '', taskId: asked.id, pageSize: 0, pageToken: '' });
const done = await client.sendMessage({
  tenant: '', message: message('more', asked.id, asked.contextId), metadata: undefined,
  configuration: { acceptedOutputModes: [], taskPushNotificationConfig: undefined, historyLength: undefined, returnImmediately: false },
});
console.log(JSON.stringify({
  push: card.capabilities?.pushNotifications === true,
  taskId: asked.id,
  asked: TaskState[asked.status.state],
  done: TaskState[done.status.state],
  createdId: created.id,
  createdCredentials: created.authentication?.credentials ?? '',
  readUrl: read.url,
  listed: listed.configs.map((c) => c.token),
  after: after.configs.map((c) => c.token),
}));
