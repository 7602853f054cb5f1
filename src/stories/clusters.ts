/**
 * Stories: the connected groups of copies (union-find over the near-duplicate pairs, so a story
 * grows as articles are added), each with its origin: the earliest member by publication date;
 * among members of the same day, one that another member credits by its outlet's name; then the
 * first added.
 */
export interface StoryMember {
  id: number;
  publishedAt?: string | null;
  outlet?: string | null;
  /** the article's text, to see whether it names another member's outlet */
  text: string;
}

export class UnionFind {
  private readonly parent = new Map<number, number>();

  find(x: number): number {
    let root = x;
    for (let p = this.parent.get(root); p !== undefined && p !== root; p = this.parent.get(root)) root = p;
    // path compression, iterative so long chains cannot overflow the stack
    for (let y = x; y !== root; ) {
      const next = this.parent.get(y)!;
      this.parent.set(y, root);
      y = next;
    }
    if (!this.parent.has(root)) this.parent.set(root, root);
    return root;
  }

  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    // the smaller id stays the root: stable ids for stories across runs
    if (ra !== rb) this.parent.set(Math.max(ra, rb), Math.min(ra, rb));
  }

  /** groups of two or more, keyed by root */
  groups(): Map<number, number[]> {
    const out = new Map<number, number[]>();
    for (const x of this.parent.keys()) {
      const r = this.find(x);
      const g = out.get(r);
      if (g) g.push(x);
      else out.set(r, [x]);
    }
    for (const [r, g] of out) if (g.length < 2) out.delete(r);
    return out;
  }
}

/** Whether `text` names the outlet (a whole-word, case-sensitive match of its name). */
export function credits(text: string, outlet: string | null | undefined): boolean {
  if (!outlet || outlet.length < 2) return false;
  const escaped = outlet.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u').test(text);
}

/** The origin of a story: earliest date, then the member the others credit, then the first added. */
export function pickOrigin(members: readonly StoryMember[]): StoryMember {
  const day = (m: StoryMember) => m.publishedAt ?? '9999-99-99';
  const earliest = members.reduce((a, m) => (day(m) < day(a) ? m : a)).publishedAt ?? null;
  const first = members.filter((m) => (m.publishedAt ?? null) === earliest);
  const credited = (m: StoryMember) => members.filter((o) => o !== m && credits(o.text, m.outlet)).length;
  return first.reduce((a, m) => {
    const d = credited(m) - credited(a);
    return d > 0 || (d === 0 && m.id < a.id) ? m : a;
  });
}
