/**
 * The notice list of a transfer (PIPL Art. 22: a handler that transfers personal information because it is
 * dissolved tells each individual the recipient's name and contact). Everyone whose information moves is on
 * it — the customer when a person, and the natural persons inside any record, an organisation's included:
 * contact persons, participants, signatories (`disposal.person_fields`). PIPL covers natural persons only
 * (Art. 4), so an organisation customer itself is not. For a child under 14 the notice goes to the parent
 * or other guardian (Art. 31: the guardian consents for the child; Art. 28: a child's information is
 * sensitive), and a child whose guardian is not recorded cannot be notified: the transfer waits.
 */
import { scalarText, type RecordEntry } from '../model/records';
import type { Schema } from '../model/schema';
import { childFacts, names, type ChildFacts } from '../values/persons';
import { t, type DocLang } from '../text/bilingual';

export interface NoticeEntry {
  /** Whose information is transferred. */
  person: string;
  /** customer, contact, participant, signatory… in the order first met. */
  roles: string[];
  /** Ids of the transferred records that hold it. */
  records: string[];
  /** Set for a child under 14: the notice goes to the guardian. */
  child?: ChildFacts;
  guardian?: string;
  guardianContact?: string;
}

const isPerson = (d: Readonly<Record<string, unknown>> | undefined) => scalarText(d?.customer_type).trim() === 'person';

/**
 * The notice list for `transferred` on `day`. `all` is every record of the folder: a person customer's
 * birth date and guardian are looked up in all their records, not only the transferred ones.
 */
type HasData = Pick<RecordEntry, 'data'>;

export function noticeList(transferred: readonly HasData[], all: Iterable<HasData>, schema: Schema, day: string): NoticeEntry[] {
  const byPerson = new Map<string, NoticeEntry>();
  const add = (person: string, role: string, id: string) => {
    const e = byPerson.get(person) ?? { person, roles: [], records: [] };
    if (!e.roles.includes(role)) e.roles.push(role);
    if (id && !e.records.includes(id)) e.records.push(id);
    byPerson.set(person, e);
  };
  for (const r of transferred) {
    const d = r.data;
    const id = scalarText(d?.id);
    if (isPerson(d)) for (const n of names(d?.customer)) add(n, 'customer', id);
    for (const [field, role] of schema.disposal.personFields) for (const n of names(d?.[field])) add(n, role, id);
  }
  const ofCustomer = new Map<string, Readonly<Record<string, unknown>>[]>();
  for (const r of all) {
    if (!isPerson(r.data)) continue;
    const name = scalarText(r.data?.customer).trim();
    if (byPerson.has(name)) ofCustomer.set(name, [...(ofCustomer.get(name) ?? []), r.data!]);
  }
  for (const [name, records] of ofCustomer) {
    const child = childFacts(records, day);
    if (!child) continue;
    const e = byPerson.get(name)!;
    e.child = child;
    const guardian = records.map((d) => scalarText(d.guardian).trim()).find(Boolean);
    const contact = records.map((d) => scalarText(d.guardian_contact).trim()).find(Boolean);
    if (guardian) e.guardian = guardian;
    if (contact) e.guardianContact = contact;
  }
  return [...byPerson.values()].sort((a, b) => a.person.localeCompare(b.person, 'zh-CN'));
}

const ROLE: Record<string, [string, string]> = {
  customer: ['客户', 'customer'],
  contact: ['联系人', 'contact person'],
  participant: ['参与人', 'participant'],
  signatory: ['签约人', 'signatory'],
};

export const roleText = (role: string, lang: DocLang) => (ROLE[role] ? t(lang, ROLE[role][0], ROLE[role][1]) : role);

/**
 * One notice as a Markdown task: the person told, their roles and records; for a child the guardian, named
 * first, on the child's behalf — or, with no guardian recorded, a task that says so and cannot be honestly
 * checked off. `cell` escapes record values.
 */
export function noticeTask(e: NoticeEntry, lang: DocLang, cell: (s: string) => string): string {
  const roles = e.roles.map((r) => roleText(r, lang)).join(lang === 'en' ? ', ' : '、');
  const about = `${roles}: ${e.records.map(cell).join(', ')}`;
  if (!e.child) return `- [ ] ${cell(e.person)} — ${about}`;
  const age = e.child.birth
    ? t(lang, `${e.child.birth} 出生，未满十四周岁`, `born ${e.child.birth}, under 14`)
    : t(lang, '记录为未成年人（pi_kinds: minor）', 'recorded as a minor (pi_kinds: minor)');
  const art = t(lang, '个人信息保护法第三十一条', 'PIPL Art. 31');
  if (!e.guardian) return `- [ ] ${t(lang, '监护人未登记', 'Guardian not recorded')} — ${cell(e.person)} (${age}; ${art}) — ${about}`;
  const contact = e.guardianContact ? ` (${cell(e.guardianContact)})` : '';
  return `- [ ] ${cell(e.guardian)}${contact} — ${t(lang, `${cell(e.person)} 的监护人`, `guardian of ${cell(e.person)}`)} (${age}; ${art}) — ${about}`;
}
