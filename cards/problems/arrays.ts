// Array.from({ length }, f) takes V8's generic array-like path and was the top
// self-time entry of the generate + grade bench; this loop is the same thing
// (f is called in index order, so seeded samplers draw identically).
export function times<T>(n: number, f: (i: number) => T): T[] {
  const out: T[] = [];
  for (let i = 0; i < n; i += 1) out.push(f(i));
  return out;
}
