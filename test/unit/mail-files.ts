/** Mail messages and mailboxes as a mail client writes them, for the mail import's tests. */

export interface TestMessage {
  id: string;
  subject: string;
  date: string;
  body: string;
  from?: string;
  to?: string;
  /** A PDF attached under this name. */
  attachment?: string;
  /** The attachment's bytes (default `%PDF-1.4 scan`). */
  content?: string;
  /** In-Reply-To alone. */
  replyTo?: string;
  /** References, and In-Reply-To the last of them. */
  refs?: string[];
}

export function message(o: TestMessage): string {
  const head = [
    `From: ${o.from ?? '李娜 <li@example.cn>'}`,
    `To: ${o.to ?? '王强 <wang@huayuan.cn>'}`,
    `Subject: =?UTF-8?B?${Buffer.from(o.subject).toString('base64')}?=`,
    `Message-ID: <${o.id}>`,
    `Date: ${o.date}`,
    ...(o.refs ? [`References: ${o.refs.map((r) => `<${r}>`).join(' ')}`, `In-Reply-To: <${o.refs[o.refs.length - 1]}>`] : []),
    ...(o.replyTo ? [`In-Reply-To: <${o.replyTo}>`] : []),
    'MIME-Version: 1.0',
  ];
  if (!o.attachment) return [...head, 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: 8bit', '', o.body, ''].join('\n');
  return [
    ...head,
    'Content-Type: multipart/mixed; boundary="b1"',
    '',
    '--b1',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    o.body,
    '--b1',
    'Content-Type: application/pdf',
    `Content-Disposition: attachment; filename="${o.attachment}"`,
    'Content-Transfer-Encoding: base64',
    '',
    Buffer.from(o.content ?? '%PDF-1.4 scan').toString('base64'),
    '--b1--',
    '',
  ].join('\n');
}

/** An mbox of the messages (mboxrd: a body's `From ` line quoted). */
export const mbox = (...messages: string[]) =>
  messages.map((m) => `From li@example.cn Fri Mar  1 10:00:00 2024\n${m.replace(/^From /gm, '>From ')}\n`).join('');
