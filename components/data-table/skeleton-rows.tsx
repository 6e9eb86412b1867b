/** Placeholder rows while the first page loads: same geometry as real rows, so nothing jumps when data lands. */
export function SkeletonRows({ columns, rowHeight, count = 12 }: { columns: number[]; rowHeight: number; count?: number }) {
  return (
    <tbody className="grid" aria-busy="true" data-testid="data-table-skeleton">
      {Array.from({ length: count }, (_, r) => (
        <tr key={r} className="flex border-b border-zinc-100 dark:border-zinc-800" style={{ height: rowHeight }}>
          {columns.map((width, c) => (
            <td key={c} style={{ width }} className="flex shrink-0 items-center px-2">
              <span
                aria-hidden
                className="block h-3 animate-pulse rounded bg-zinc-200 dark:bg-zinc-700"
                style={{ width: `${40 + ((r * 7 + c * 13) % 50)}%` }}
              />
            </td>
          ))}
        </tr>
      ))}
    </tbody>
  );
}
