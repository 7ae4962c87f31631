import type { INodeExecutionData } from 'n8n-workflow';
import { Monoliet } from '../../../nodes/Monoliet/Monoliet.node';
import { fakeExecuteFunctions, type ExecuteOptions } from './fake-n8n';

/** Runs the Monoliet node's execute() the way n8n does, on a fake context. */
export async function runMonoliet(options: ExecuteOptions): Promise<{ output: INodeExecutionData[]; fake: ReturnType<typeof fakeExecuteFunctions> }> {
  const fake = fakeExecuteFunctions(options);
  const [output] = await new Monoliet().execute.call(fake.context);
  return { output, fake };
}

export const threeItems: INodeExecutionData[] = [{ json: { order: 1 } }, { json: { order: 2 } }, { json: { order: 3 } }];
