/**
 * One copy of each short string that repeats across records (categories, enum values, dates, customer
 * names), numbered in order of first sight. Fields whose values hardly ever repeat (ids, archive and
 * invoice numbers) are left alone once that shows: an entry per unique value costs memory and time and
 * saves nothing. The index interns with it; the cache writes each shared string once and refers to it.
 */
const SHARE_MAX = 40;
/** After this many values of a field, a field with fewer than a fifth repeated is no longer shared. */
const TRIAL = 2000;

interface FieldStat {
  seen: number;
  hits: number;
  off: boolean;
}

export class StringTable {
  readonly list: string[] = [];
  private readonly ids = new Map<string, number>();
  private readonly stats = new Map<string, FieldStat>();

  /** The number of `value` as a value of `field`; -1 when it is not shared (too long, or the field's values are unique). */
  idOf(field: string, value: string): number {
    if (value.length > SHARE_MAX) return -1;
    let stat = this.stats.get(field);
    if (stat === undefined) this.stats.set(field, (stat = { seen: 0, hits: 0, off: false }));
    else if (stat.off) return -1;
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.list.length;
      this.list.push(value);
      this.ids.set(value, id);
    } else stat.hits++;
    if (++stat.seen === TRIAL && stat.hits * 5 < TRIAL) stat.off = true;
    return id;
  }

  /** Interns string values of `data` in place. */
  shareIn(data: Record<string, unknown>): void {
    for (const k in data) {
      const v = data[k];
      if (typeof v !== 'string') continue;
      const id = this.idOf(k, v);
      // Always assign: `!==` compares strings by value, so it cannot tell a copy from the shared one.
      if (id >= 0) data[k] = this.list[id];
    }
  }
}
