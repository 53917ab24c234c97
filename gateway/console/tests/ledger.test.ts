import { describe, expect, it } from 'vitest'

import { fileProblem, outcome, unlisted } from '../src/pages/ledger/ledger'

const report = {
  mode: 'VALID_ROWS',
  totalRows: 3,
  importedRows: 2,
  skippedRows: 0,
  heldForReview: 0,
  rejectedRows: 1,
  errorCount: 1,
  errors: [{ row: 4, column: '身份证号', message: '身份证号码格式或校验位不正确' }],
  duplicateOfEarlierImport: false,
}

describe('the ledger', () => {
  it('takes XLSX and CSV files only, not empty ones', () => {
    expect(fileProblem({ name: '台账.xlsx', size: 100 })).toBeNull()
    expect(fileProblem({ name: 'ledger.CSV', size: 100 })).toBeNull()
    expect(fileProblem({ name: '台账.xls', size: 100 })).toContain('XLSX 或 CSV')
    expect(fileProblem({ name: '台账.csv', size: 0 })).toContain('空')
    expect(fileProblem(null)).toBe('请选择台账文件')
  })
  it('says the outcome first, by mode', () => {
    expect(outcome(report)).toEqual({
      type: 'warning',
      text: '已导入 2 行；1 行有误未导入，请按下表修改这些行后重新上传。',
    })
    expect(outcome({ ...report, mode: 'ALL_OR_NOTHING', importedRows: 0 }).text).toContain('整个文件未导入')
    expect(outcome({ ...report, rejectedRows: 0, errorCount: 0, errors: [] }).type).toBe('success')
    expect(outcome({ ...report, duplicateOfEarlierImport: true }).text).toContain('此前已导入过')
    expect(unlisted({ ...report, errorCount: 1005 })).toBe(1004)
  })
})
