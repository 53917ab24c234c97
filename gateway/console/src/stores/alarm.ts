// The police's alarm: a two-tone sound every few seconds while an urgent notification waits
// for its acknowledgement (Web Audio: no sound file to download). Browsers keep a page silent
// until the person has touched it; the banner then offers a button that lets the sound out.
import { reactive } from 'vue'

export const alarm = reactive({ on: false, blocked: false })

let context: AudioContext | null = null
let timer: number | null = null

function audio(): AudioContext | null {
  if (!context) {
    try {
      context = new AudioContext()
    } catch {
      return null
    }
  }
  return context
}

function tone(ctx: AudioContext, frequency: number, start: number): void {
  const oscillator = ctx.createOscillator()
  const gain = ctx.createGain()
  oscillator.type = 'sine'
  oscillator.frequency.value = frequency
  gain.gain.setValueAtTime(0.0001, start)
  gain.gain.exponentialRampToValueAtTime(0.3, start + 0.02)
  gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.35)
  oscillator.connect(gain).connect(ctx.destination)
  oscillator.start(start)
  oscillator.stop(start + 0.4)
}

function ring(): void {
  const ctx = audio()
  if (!ctx) return
  if (ctx.state === 'suspended') {
    void ctx.resume().catch(() => undefined)
    alarm.blocked = ctx.state === 'suspended'
  }
  if (ctx.state !== 'running') return
  alarm.blocked = false
  tone(ctx, 880, ctx.currentTime)
  tone(ctx, 660, ctx.currentTime + 0.45)
}

/** Sound while `on`; silent otherwise. */
export function setAlarm(on: boolean): void {
  alarm.on = on
  if (on && timer === null) {
    ring()
    timer = window.setInterval(ring, 3000)
  } else if (!on && timer !== null) {
    window.clearInterval(timer)
    timer = null
    alarm.blocked = false
  }
}

/** The person let the sound out (a click: the browser allows it from then on). */
export async function allowSound(): Promise<void> {
  const ctx = audio()
  if (ctx) await ctx.resume().catch(() => undefined)
  alarm.blocked = ctx?.state === 'suspended'
  if (alarm.on) ring()
}
