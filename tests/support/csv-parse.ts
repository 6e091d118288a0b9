/** A strict RFC 4180 reader for tests: the cells of one CSV row as a spreadsheet reads them. */
export function parseCsvRow(row: string): string[] {
  const line = row.endsWith("\r\n") ? row.slice(0, -2) : row
  const cells: string[] = []
  let i = 0
  for (;;) {
    if (line[i] === '"') {
      let cell = ""
      i++
      for (;;) {
        if (i >= line.length) throw new Error(`unterminated quoted cell in ${JSON.stringify(row)}`)
        if (line[i] === '"') {
          if (line[i + 1] === '"') {
            cell += '"'
            i += 2
          } else {
            i++
            break
          }
        } else cell += line[i++]
      }
      cells.push(cell)
    } else {
      const end = line.indexOf(",", i)
      const cell = line.slice(i, end === -1 ? line.length : end)
      if (/["\r\n]/.test(cell)) throw new Error(`unquoted cell with a quote or line break in ${JSON.stringify(row)}`)
      cells.push(cell)
      i = end === -1 ? line.length : end
    }
    if (i >= line.length) return cells
    if (line[i] !== ",") throw new Error(`expected a comma at ${i} in ${JSON.stringify(row)}`)
    i++
  }
}
