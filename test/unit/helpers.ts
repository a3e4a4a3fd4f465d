import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after } from 'node:test';

/** A temp folder with the given files (path → text or bytes), removed after the test file. */
export function tempWorkspace(files: Record<string, string | Uint8Array>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-unit-'));
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(root, rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, content);
  }
  after(() => fs.rmSync(root, { recursive: true, force: true }));
  return root;
}

export const REPO = path.resolve(__dirname, '../../..');
export const SAMPLE = path.join(REPO, 'examples/sample-records');

export function record(fields: Record<string, string>, body = 'Body.\n'): string {
  return `---\n${Object.entries(fields)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n')}\n---\n${body}`;
}

export const VALID_SERVICE = {
  id: 'FW-2026-001',
  category: 'service',
  customer: '张伟',
  customer_type: 'person',
  title: '上门服务',
  date: '2026-03-01',
  service_type: 'support',
  staff: '王工',
};
