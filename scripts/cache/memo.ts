/**
 * The two shapes of what a process keeps from one build to the next (build-memo.ts), as the
 * stages see them: results by the text they were made from, and results by the object they were
 * made for. A stage takes one of these and knows nothing of when it is emptied.
 */

/** Results by what they were made from. */
export interface Memo<K, T> {
  get(key: K): T | undefined;
  set(key: K, value: T): void;
}

/** Results by the text they were made from (a file's name and text). */
export type TextMemo<T> = Memo<string, T>;

/** One stage's results per object (a parsed page), valid for as long as the memo keeps them. */
export type ObjectMemo<K extends object, T> = Memo<K, T>;

/** A text memo whose entries a build did not ask for are dropped by `sweep()`, after it; `kept` starts it with another process's (build-memo-file.ts). */
export function textMemo<T>(kept: Iterable<[string, T]> = []): TextMemo<T> & { clear(): void; sweep(): void; entries(): Iterable<[string, T]> } {
  let entries = new Map<string, T>(kept);
  let used = new Map<string, T>();
  return {
    get(key) {
      const value = entries.get(key);
      if (value !== undefined) used.set(key, value);
      return value;
    },
    set(key, value) {
      used.set(key, value);
      entries.set(key, value);
    },
    clear() {
      entries = new Map();
      used = new Map();
    },
    sweep() {
      entries = used;
      used = new Map();
    },
    entries: () => entries.entries(),
  };
}
