import type { PlanAction, PlannedDocument } from './plan.js'
import { printable } from './printable.js'

const ORDER: readonly PlanAction[] = ['conflict', 'create', 'update', 'unchanged']

/** Counts of each action, as a sentence: "2 to create, 1 to update, 26 unchanged, 0 conflicts". */
export function planSummary(plan: readonly PlannedDocument[]): string {
  const count = (action: PlanAction) => plan.filter((row) => row.action === action).length
  const conflicts = count('conflict')
  return `${count('create')} to create, ${count('update')} to update, ${count('unchanged')} unchanged, ${conflicts} conflict${conflicts === 1 ? '' : 's'}`
}

/**
 * The plan as a plain-text table, conflicts first, then creates, updates and unchanged documents,
 * each group sorted by id. Only ids, types and reasons: never document content or credentials.
 */
export function formatPlanTable(plan: readonly PlannedDocument[]): string {
  const rows = [...plan]
    .sort((a, b) => ORDER.indexOf(a.action) - ORDER.indexOf(b.action) || a.id.localeCompare(b.id))
    .map((row) => [row.action, row.type, row.id, row.reason].map(printable))
  const header = ['action', 'type', 'id', 'reason']
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] as string).length)),
  )
  const line = (cells: string[]) =>
    cells
      .map((cell, column) =>
        column === cells.length - 1 ? cell : cell.padEnd(widths[column] as number),
      )
      .join('  ')
  const rule = widths.map((width) => '-'.repeat(width)).join('  ')
  return `${[line(header), rule, ...rows.map(line)].join('\n')}\n${planSummary(plan)}\n`
}
