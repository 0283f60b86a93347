/** "1 order", "2 orders", "1 delivery", "3 deliveries". */
export function plural(count: number, one: string, many = one.endsWith("y") && !/[aeiou]y$/.test(one) ? `${one.slice(0, -1)}ies` : `${one}s`): string {
  return `${count.toLocaleString("en-US")} ${count === 1 ? one : many}`;
}
