// The importable workflows in examples/ must match the nodes as they are: type names, operations, parameters.
import { WEBHOOK_EVENTS } from '@monoliet/contract';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { INodeProperties, INodeType } from 'n8n-workflow';
import { Monoliet } from '../../nodes/Monoliet/Monoliet.node';
import { MonolietTrigger } from '../../nodes/MonolietTrigger/MonolietTrigger.node';

type WorkflowNode = { name: string; type: string; typeVersion: number; parameters: Record<string, unknown>; webhookId?: string };
type Workflow = { name: string; nodes: WorkflowNode[]; connections: Record<string, { main: { node: string }[][] }> };

const dir = path.resolve(__dirname, '../../examples');
const examples = readdirSync(dir).filter((file) => file.endsWith('.json'));
const read = (file: string) => JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Workflow;
const packageNodes: Record<string, INodeType> = {
  'n8n-nodes-monoliet.monoliet': new Monoliet(),
  'n8n-nodes-monoliet.monolietTrigger': new MonolietTrigger(),
};

/** The node's properties that n8n shows for these parameters (displayOptions.show only, as the nodes use). */
function visibleProperties(node: INodeType, parameters: Record<string, unknown>): INodeProperties[] {
  return node.description.properties.filter((property) =>
    Object.entries(property.displayOptions?.show ?? {}).every(([key, values]) => (values as unknown[]).includes(parameters[key])),
  );
}

describe('examples/', () => {
  it('holds the four documented workflows', () => {
    expect(examples.sort()).toEqual(['error-workflow.json', 'notify-slack-on-overdue-invoice.json', 'open-ticket-from-form.json', 'report-every-run.json']);
  });

  it.each(examples)('%s connects only nodes it has', (file) => {
    const workflow = read(file);
    const names = new Set(workflow.nodes.map((node) => node.name));
    const targets = Object.values(workflow.connections).flatMap((c) => c.main.flat().map((link) => link.node));
    expect([...Object.keys(workflow.connections), ...targets].filter((name) => !names.has(name))).toEqual([]);
  });

  it.each(examples)('%s uses the package node types with parameters the nodes have', (file) => {
    const monolietNodes = read(file).nodes.filter((node) => node.type.startsWith('n8n-nodes-monoliet.'));
    expect(monolietNodes.length).toBeGreaterThan(0);
    for (const { type, typeVersion, parameters, webhookId } of monolietNodes) {
      const node = packageNodes[type];
      expect(node).toBeDefined();
      expect(typeVersion).toBe(node.description.version);
      const visible = visibleProperties(node, parameters);
      expect(Object.keys(parameters).filter((name) => !visible.some((p) => p.name === name))).toEqual([]);
      for (const property of visible.filter((p) => p.type === 'options' && typeof parameters[p.name] === 'string' && !String(parameters[p.name]).startsWith('='))) {
        expect(property.options?.map((o) => ('value' in o ? o.value : undefined))).toContain(parameters[property.name]);
      }
      if (node.description.webhooks) {
        expect(webhookId).toMatch(/^[0-9a-f-]{36}$/);
        expect(WEBHOOK_EVENTS).toEqual(expect.arrayContaining(parameters.events as string[]));
      }
    }
  });
});
