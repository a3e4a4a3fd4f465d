import * as path from 'path';
import { say, type RecordRule } from './rule';
import { fieldsOfType } from './util';

/**
 * A referenced scan or file that does not exist. Paths are relative to the record's folder; a leading `/`
 * means the workspace folder. URLs are not checked (no network, ever).
 */
export const missingAttachment: RecordRule = {
  code: 'missing-attachment',
  severity: 'warning',
  title: { en: 'Attachment not found', zh: '附件不存在' },
  check(ctx) {
    const dir = path.posix.dirname(ctx.path);
    for (const { def, value, span } of fieldsOfType(ctx, ['path', 'list'])) {
      if (def.type === 'list' && def.items !== 'path') continue;
      const items = Array.isArray(value) ? value : [value];
      for (const item of items) {
        if (typeof item !== 'string' || item.trim() === '' || /^[a-z][a-z0-9+.-]*:/i.test(item)) continue;
        const rel = item.startsWith('/') ? item.slice(1) : path.posix.join(dir, item);
        if (rel.startsWith('..') || ctx.fileExists(rel)) continue;
        ctx.report(span, say(ctx.lang, { en: '{f}: {p} does not exist', zh: '{f}：{p} 不存在' }, { f: def.name, p: item }), { field: def.name, path: item });
      }
    }
  },
};
