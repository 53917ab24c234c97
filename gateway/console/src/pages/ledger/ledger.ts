// The village ledger (台账导入): which files are taken, and the report read as sentences.

export const TEMPLATE_XLSX = '/ledger/template.xlsx'
export const TEMPLATE_CSV = '/ledger/template.csv'
/** The gateway's limit on a multipart body (SHOUHU_MAX_UPLOAD_BYTES, 20 MiB by default). */
export const MAX_BYTES = 20 * 1024 * 1024
export const ACCEPT = '.xlsx,.csv'

/** Why a chosen file cannot be a ledger; null when it may be sent. */
export function fileProblem(file: { name: string; size: number } | null): string | null {
  if (!file) return '请选择台账文件'
  if (!/\.(xlsx|csv)$/i.test(file.name)) return '请上传 XLSX 或 CSV 格式的台账（可先下载模板填写）'
  if (file.size === 0) return '文件是空的，请检查后重新选择'
  if (file.size > MAX_BYTES) return '文件超过20MB，请分成几个文件导入'
  return null
}

export interface ReportLike {
  mode: string
  totalRows: number
  importedRows: number
  skippedRows: number
  heldForReview: number
  rejectedRows: number
  errorCount: number
  errors: readonly { row: number; column: string; message: string }[]
  batchId?: string | null
  duplicateOfEarlierImport: boolean
}

/** The outcome in one sentence, as the person needs to read it first. */
export function outcome(report: ReportLike): { type: 'success' | 'warning' | 'error'; text: string } {
  if (report.duplicateOfEarlierImport) {
    return { type: 'warning', text: '该文件此前已导入过，本次未写入任何数据。下方为当时的导入结果。' }
  }
  if (report.mode === 'ALL_OR_NOTHING' && report.rejectedRows > 0) {
    return {
      type: 'error',
      text: `共 ${report.rejectedRows} 行有误，按“全部正确才导入”的方式，整个文件未导入。请按下表修改后重新上传。`,
    }
  }
  if (report.rejectedRows > 0) {
    return {
      type: 'warning',
      text: `已导入 ${report.importedRows} 行；${report.rejectedRows} 行有误未导入，请按下表修改这些行后重新上传。`,
    }
  }
  return { type: 'success', text: `导入完成：共 ${report.totalRows} 行，已建档 ${report.importedRows} 行。` }
}

/** The errors beyond those listed (the API lists the first 1000). */
export function unlisted(report: ReportLike): number {
  return Math.max(0, report.errorCount - report.errors.length)
}
