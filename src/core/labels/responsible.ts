/**
 * 责任者 of the catalogue (归档文件目录, DA/T 22-2015, secondary): the organisation or person that formed or
 * issued the document and answers for its content — the parties of a contract, the sender of a letter or
 * an email — never who keeps it (custodian) or who archived it. A record may say so itself (`author`);
 * otherwise its category's fields decide, and a record made with a customer (their details, their payment,
 * a service to them) falls back to that customer.
 */
import { ownValue } from '../model/records';
import { names } from '../values/persons';

/** The fields that name a record's 责任者, by category, in the order they are tried. */
const BY_CATEGORY: Readonly<Record<string, readonly string[]>> = {
  contract: ['parties'],
  communication: ['sender', 'participants'],
};

export function responsibleOf(data: Readonly<Record<string, unknown>> | undefined): string {
  const category = typeof data?.category === 'string' ? data.category : '';
  for (const f of ['author', ...(BY_CATEGORY[category] ?? []), 'customer']) {
    const who = names(ownValue(data, f));
    if (who.length) return who.join('、');
  }
  return '';
}
