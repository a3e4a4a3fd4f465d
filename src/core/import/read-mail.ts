/**
 * .eml files and .mbox mailboxes parsed by mailparser into messages. Bundled on its own (dist/mail-reader.js)
 * and loaded only when mail is imported.
 */
import { simpleParser, type AddressObject } from 'mailparser';
import { splitMbox, type MailAddress, type MailMessage } from './mail';

function addresses(a: AddressObject | AddressObject[] | undefined): MailAddress[] {
  const list = a === undefined ? [] : Array.isArray(a) ? a : [a];
  return list.flatMap((o) => o.value.map((v) => ({ name: v.name, address: v.address ?? '' })));
}

export async function readMail(bytes: Uint8Array, kind: 'eml' | 'mbox'): Promise<MailMessage[]> {
  const raw = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts =
    kind === 'eml' ? [{ line: 1, source: raw }] : splitMbox(raw.toString('latin1')).map((m) => ({ line: m.line, source: Buffer.from(m.text, 'latin1') }));
  const out: MailMessage[] = [];
  for (const [i, p] of parts.entries()) {
    const m = await simpleParser(p.source, { skipHtmlToText: false, skipTextLinks: true });
    out.push({
      index: i + 1,
      line: p.line,
      messageId: m.messageId,
      references: [
        ...new Set([
          ...(m.references === undefined ? [] : Array.isArray(m.references) ? m.references : [m.references]),
          ...(m.inReplyTo ? m.inReplyTo.split(/\s+/).filter(Boolean) : []),
        ]),
      ],
      date: m.date,
      subject: m.subject ?? '',
      from: addresses(m.from),
      to: addresses(m.to),
      cc: addresses(m.cc),
      text: m.text ?? '',
      attachments: m.attachments.map((a) => ({ filename: a.filename, content: a.content })),
    });
  }
  return out;
}
