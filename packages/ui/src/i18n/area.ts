/**
 * A feature's own messages in all three languages, kept in one file beside each other so
 * that features added in parallel do not all edit the same three catalogues. `ru` and `en`
 * must have exactly the keys `uk` has (a missing or extra key is a compile error).
 */
export interface AreaTexts<Key extends string> {
  readonly uk: Readonly<Record<Key, string>>;
  readonly ru: Readonly<Record<NoInfer<Key>, string>>;
  readonly en: Readonly<Record<NoInfer<Key>, string>>;
}

export const defineArea = <Key extends string>(texts: AreaTexts<Key>): AreaTexts<Key> => texts;
