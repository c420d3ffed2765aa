/**
 * The simulator's agenda: a binary min-heap of timed entries; entries at the same instant
 * come out in the order they were pushed, so a run is fully determined by its seed.
 */
export class Agenda<T> {
  private readonly items: { at: number; seq: number; value: T }[] = [];
  private counter = 0;

  get size(): number {
    return this.items.length;
  }

  push(at: number, value: T): void {
    const item = { at, seq: this.counter++, value };
    const items = this.items;
    items.push(item);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const up = items[parent];
      if (!up || !before(item, up)) break;
      items[i] = up;
      i = parent;
    }
    items[i] = item;
  }

  pop(): { at: number; value: T } | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (!top || !last || items.length === 0) return top;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = last;
      let index = -1;
      const l = items[left];
      const r = items[right];
      if (l && before(l, smallest)) {
        smallest = l;
        index = left;
      }
      if (r && before(r, smallest)) {
        smallest = r;
        index = right;
      }
      if (index < 0) break;
      items[i] = smallest;
      i = index;
    }
    items[i] = last;
    return top;
  }
}

const before = (a: { at: number; seq: number }, b: { at: number; seq: number }): boolean =>
  a.at < b.at || (a.at === b.at && a.seq < b.seq);
