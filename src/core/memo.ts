// A pure function of one text, remembered: 一级/二级 labels, header words, units and targets repeat down a long
// form and across the forms of a batch, and each is worked out once. The results are shared, so callers only read
// them. Bounded: past `size` entries everything is forgotten at once.

export function boundedMemo<K, V>(fn: (key: K) => V, size = 5000): (key: K) => V {
  const known = new Map<K, V>();
  return (key: K): V => {
    // Stryker disable next-line all: a result worked out again is the same result
    if (known.has(key)) return known.get(key) as V;
    const value = fn(key);
    // Stryker disable next-line all: the bound changes no result
    if (known.size >= size) known.clear();
    known.set(key, value);
    return value;
  };
}
