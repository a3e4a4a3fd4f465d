/**
 * Mail messages grouped into threads: by their References and In-Reply-To headers (a reply names the
 * Message-IDs it answers), and — for a message with neither header — by its subject without the reply and
 * forward prefixes (Re:, Fwd:, 回复:, 转发: …), among the same participants only: "Re: 报价" between the same
 * two people is the same conversation, the same subject between others is not. Each thread's messages are in
 * date order (undated ones last, in the mailbox's order).
 */
import type { MailAddress, MailMessage } from './mail';

export interface MailThread {
  messages: MailMessage[];
  /** Every Message-ID of the thread and every one its messages refer to. */
  ids: Set<string>;
}

const PREFIX = /^\s*(?:(?:re|fw|fwd|aw|wg|答复|回复|转发|回覆|轉寄)\s*(?:\[\d+\])?\s*[:：]\s*)+/i;

/** The subject without reply and forward prefixes and spacing differences; `Re: Fwd: 报价` → `报价`. */
export function threadSubject(subject: string): string {
  return subject.normalize('NFC').replace(/\s+/g, ' ').replace(PREFIX, '').trim();
}

const addressKey = (a: MailAddress) => (a.address || a.name).trim().toLowerCase();

function participantsKey(m: MailMessage): string {
  return [...new Set([...m.from, ...m.to, ...m.cc].map(addressKey).filter(Boolean))].sort().join('\n');
}

const time = (m: MailMessage) => (m.date && !Number.isNaN(m.date.getTime()) ? m.date.getTime() : Infinity);

export function threadMessages(messages: readonly MailMessage[]): MailThread[] {
  // Union-find over names: `m:<Message-ID>` and `s:<subject>\0<participants>`; each message is its own node too.
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== undefined && parent.get(r) !== r) r = parent.get(r)!;
    for (let c = x; c !== r;) {
      const next = parent.get(c)!;
      parent.set(c, r);
      c = next;
    }
    if (!parent.has(r)) parent.set(r, r);
    return r;
  };
  const union = (a: string, b: string) => {
    const [ra, rb] = [find(a), find(b)];
    if (ra !== rb) parent.set(rb, ra);
  };
  messages.forEach((m, i) => {
    const self = `#${i}`;
    find(self);
    if (m.messageId) union(self, `m:${m.messageId}`);
    const refs = m.references ?? [];
    for (const r of refs) union(self, `m:${r}`);
    if (!refs.length) union(self, `s:${threadSubject(m.subject)}\0${participantsKey(m)}`);
  });
  const groups = new Map<string, MailThread>();
  messages.forEach((m, i) => {
    const root = find(`#${i}`);
    const t = groups.get(root) ?? { messages: [], ids: new Set<string>() };
    t.messages.push(m);
    for (const id of [m.messageId, ...(m.references ?? [])]) if (id) t.ids.add(id);
    groups.set(root, t);
  });
  const threads = [...groups.values()];
  for (const t of threads) t.messages.sort((a, b) => time(a) - time(b) || a.index - b.index);
  return threads.sort((a, b) => a.messages[0].index - b.messages[0].index);
}
