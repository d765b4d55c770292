/**
 * Aho–Corasick automaton: finds every occurrence of every pattern in one pass over the text, whatever the number
 * of patterns.
 */
export class AhoCorasick {
  private readonly next: Map<string, number>[] = [new Map()];
  private readonly fail: number[] = [0];
  /** Patterns ending at each state, including those reached through failure links. */
  private readonly outputs: number[][] = [[]];
  private readonly lengths: number[];

  constructor(patterns: readonly string[]) {
    this.lengths = patterns.map((p) => p.length);
    patterns.forEach((pattern, index) => {
      if (!pattern) return;
      let state = 0;
      for (let i = 0; i < pattern.length; i++) {
        const char = pattern[i]!;
        let target = this.next[state]!.get(char);
        if (target === undefined) {
          target = this.next.length;
          this.next.push(new Map());
          this.fail.push(0);
          this.outputs.push([]);
          this.next[state]!.set(char, target);
        }
        state = target;
      }
      this.outputs[state]!.push(index);
    });
    this.linkFailures();
  }

  private linkFailures(): void {
    const queue: number[] = [...this.next[0]!.values()];
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head]!;
      for (const [char, target] of this.next[state]!) {
        let fallback = this.fail[state]!;
        while (fallback && !this.next[fallback]!.has(char)) fallback = this.fail[fallback]!;
        const link = this.next[fallback]!.get(char);
        this.fail[target] = link !== undefined && link !== target ? link : 0;
        this.outputs[target]!.push(...this.outputs[this.fail[target]!]!);
        queue.push(target);
      }
    }
  }

  /** Calls `onMatch(patternIndex, start, end)` for every occurrence, in order of end position. */
  search(text: string, onMatch: (pattern: number, start: number, end: number) => void): void {
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const char = text[i]!;
      let target = this.next[state]!.get(char);
      while (target === undefined && state) {
        state = this.fail[state]!;
        target = this.next[state]!.get(char);
      }
      state = target ?? 0;
      for (const pattern of this.outputs[state]!) onMatch(pattern, i + 1 - this.lengths[pattern]!, i + 1);
    }
  }
}
