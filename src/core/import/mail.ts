/** A mail message as the import uses it, whatever parsed it; and splitting an mbox into messages. */

export interface MailAddress {
  name: string;
  address: string;
}

export interface MailMessage {
  /** 1-based position in the file (an .eml holds one). */
  index: number;
  /** The line of the mbox the message starts on (1 for an .eml). */
  line: number;
  messageId: string | undefined;
  /** The References and In-Reply-To headers' Message-IDs (what the message answers), oldest first. */
  references?: string[];
  date: Date | undefined;
  subject: string;
  from: MailAddress[];
  to: MailAddress[];
  cc: MailAddress[];
  text: string;
  attachments: { filename: string | undefined; content: Uint8Array }[];
}

/**
 * The messages of an mbox: each starts at a `From ` line at the start of the file or after a blank line;
 * `>From ` lines (mboxrd quoting) lose one `>`.
 */
export function splitMbox(text: string): { line: number; text: string }[] {
  const lines = text.split(/\r?\n/);
  const out: { line: number; text: string }[] = [];
  let cur: string[] | undefined;
  let start = 0;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (l.startsWith('From ') && (i === 0 || lines[i - 1] === '')) {
      if (cur) out.push({ line: start, text: cur.join('\n') });
      cur = [];
      start = i + 2;
      continue;
    }
    cur?.push(/^>+From /.test(l) ? l.slice(1) : l);
  }
  if (cur) out.push({ line: start, text: cur.join('\n') });
  return out;
}

/** An attachment's file name, when it is one plain name: no folders, no `..`, no leading dot, no control characters. */
export function safeAttachmentName(name: string | undefined): string | undefined {
  if (!name) return undefined;
  const n = name.normalize('NFC').trim();
  if (!n || n.length > 120 || /[\\/:*?"<>|\u0000-\u001f\u007f]/.test(n) || n.startsWith('.') || /^[A-Za-z]:/.test(n)) return undefined;
  return n;
}
