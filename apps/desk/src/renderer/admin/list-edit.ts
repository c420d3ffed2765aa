/**
 * Editing an ordered list in place: add, remove, replace and move one entry up or down. Pure,
 * so the editors of outcomes, ticket parts and ticket lines share one tested set of rules.
 */
export type ListEdit<T> =
  | { readonly kind: 'add'; readonly item: T }
  | { readonly kind: 'remove'; readonly index: number }
  | { readonly kind: 'replace'; readonly index: number; readonly item: T }
  | { readonly kind: 'move'; readonly index: number; readonly by: -1 | 1 };

/** The list after one edit; an edit out of range (moving the first entry up) changes nothing. */
export const editList = <T>(list: readonly T[], edit: ListEdit<T>): readonly T[] => {
  switch (edit.kind) {
    case 'add':
      return [...list, edit.item];
    case 'remove':
      return edit.index >= 0 && edit.index < list.length
        ? list.filter((_entry, at) => at !== edit.index)
        : list;
    case 'replace':
      return edit.index >= 0 && edit.index < list.length
        ? list.map((entry, at) => (at === edit.index ? edit.item : entry))
        : list;
    case 'move': {
      const to = edit.index + edit.by;
      if (edit.index < 0 || edit.index >= list.length || to < 0 || to >= list.length) return list;
      const next = [...list];
      [next[edit.index], next[to]] = [next[to] as T, next[edit.index] as T];
      return next;
    }
  }
};
