// A file the API answers as base64 (ExportFile), saved by the browser under its own name.
import { ref, type Ref } from 'vue'

import { ApiError, errorSentence } from './errors'

export function base64Bytes(content: string): Uint8Array<ArrayBuffer> {
  const binary = atob(content)
  const bytes = new Uint8Array(new ArrayBuffer(binary.length))
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

export function downloadBase64(content: string, filename: string, mediaType: string): void {
  const url = URL.createObjectURL(new Blob([base64Bytes(content)], { type: mediaType }))
  const link = document.createElement('a')
  link.href = url
  link.download = filename
  document.body.appendChild(link)
  link.click()
  link.remove()
  window.setTimeout(() => URL.revokeObjectURL(url), 1000)
}

/** A file the API answers for a button, or nothing when there is none to give. */
type Fetch<K extends string> = (which: K) => Promise<{ contentBase64: string; filename: string; mediaType: string } | null | undefined>

/**
 * Download buttons of a page: which one is busy, the sentence of the last failure, and the
 * download itself (the file asked for, saved under its name).
 */
export function useDownload<K extends string>(fetch: Fetch<K>): {
  downloading: Ref<K | ''>
  downloadError: Ref<string>
  download: (which: K) => Promise<void>
} {
  const downloading = ref('') as Ref<K | ''>
  const downloadError = ref('')
  async function download(which: K): Promise<void> {
    downloading.value = which
    downloadError.value = ''
    try {
      const file = await fetch(which)
      if (!file) throw new ApiError([], 'NOT_FOUND')
      downloadBase64(file.contentBase64, file.filename, file.mediaType)
    } catch (e) {
      downloadError.value = errorSentence(e)
    } finally {
      downloading.value = ''
    }
  }
  return { downloading, downloadError, download }
}
