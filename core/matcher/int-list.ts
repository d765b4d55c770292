/** A growable list of 32-bit integers that keeps its storage when cleared: scans reuse it without garbage. */
export class IntList {
  values = new Int32Array(64);
  length = 0;

  push(value: number): void {
    if (this.length === this.values.length) this.grow();
    this.values[this.length++] = value;
  }

  /** Two values at once (one check for room). */
  push2(a: number, b: number): void {
    if (this.length + 2 > this.values.length) this.grow();
    this.values[this.length++] = a;
    this.values[this.length++] = b;
  }

  /** Three values at once. */
  push3(a: number, b: number, c: number): void {
    if (this.length + 3 > this.values.length) this.grow();
    this.values[this.length++] = a;
    this.values[this.length++] = b;
    this.values[this.length++] = c;
  }

  private grow(): void {
    const grown = new Int32Array(this.values.length * 2);
    grown.set(this.values);
    this.values = grown;
  }

  clear(): void {
    this.length = 0;
  }

  /** The index of the first value greater than `value` (the list ascending), or its length. */
  firstIndexAfter(value: number): number {
    let low = 0;
    let high = this.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.values[mid]! <= value) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /** The first value greater than `value` (the list ascending), or Infinity. */
  firstAfter(value: number): number {
    const index = this.firstIndexAfter(value);
    return index < this.length ? this.values[index]! : Infinity;
  }

  /** The last value below `value` (the list ascending), or -1. */
  lastBelow(value: number): number {
    let low = 0;
    let high = this.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.values[mid]! < value) low = mid + 1;
      else high = mid;
    }
    return low > 0 ? this.values[low - 1]! : -1;
  }
}
