// The signed-in person's notifications: the latest page, then each new one live over the
// subscription `notificationReceived`. The socket proves who it is with the current token; at
// each new token (a renewal) it reconnects with it, and carries on after the last cursor seen,
// so nothing is lost and nothing comes twice.
import type { Client } from 'graphql-ws'
import { computed, reactive, watch } from 'vue'

import { session } from '../auth'
import { request, socket } from '../graphql/client'
import {
  AcknowledgeNotificationDocument,
  MarkNotificationReadDocument,
  NotificationReceivedDocument,
  NotificationsDocument,
  type NotificationFieldsFragment,
  type NotificationReceivedSubscription,
} from '../gql/graphql'
import { errorSentence } from '../lib/errors'

export type NotificationItem = NotificationFieldsFragment

export const notifications = reactive({
  items: [] as NotificationItem[],
  unread: 0,
  loaded: false,
  live: 'closed' as 'connecting' | 'open' | 'closed',
  error: '',
  /** New ones received live since sign-in: pages showing work reload their lists on it. */
  received: 0,
})

/** Those that wait for the person's acknowledgement (urgent ones go up their ladder). */
export const awaitingAck = computed(() =>
  notifications.items.filter((n) => n.requiresAck && !n.acknowledgedAt),
)

let client: Client | null = null
let stop: (() => void) | null = null
let retry: number | null = null
let backoff = 1000
let running = false
let lastCursor: string | null = null

function receive(item: NotificationItem): void {
  lastCursor = item.cursor
  const index = notifications.items.findIndex((n) => n.id === item.id)
  if (index >= 0) {
    notifications.items[index] = item
    return
  }
  notifications.items.unshift(item)
  if (!item.read) notifications.unread += 1
  notifications.received += 1
}

function teardown(): void {
  stop?.()
  stop = null
  void client?.dispose()
  client = null
  if (retry !== null) window.clearTimeout(retry)
  retry = null
}

function subscribe(): void {
  teardown()
  const ws = socket()
  client = ws
  notifications.live = 'connecting'
  ws.on('connected', () => {
    notifications.live = 'open'
    backoff = 1000
  })
  ws.on('closed', () => {
    if (client === ws) notifications.live = 'closed'
  })
  const again = (): void => {
    if (client !== ws || !running) return
    notifications.live = 'closed'
    // Ended (a refused or expired token, the service restarted): a new socket after a while.
    retry = window.setTimeout(subscribe, backoff)
    backoff = Math.min(backoff * 2, 30_000)
  }
  stop = ws.subscribe<NotificationReceivedSubscription>(
    { query: NotificationReceivedDocument.toString(), variables: { after: lastCursor } },
    {
      next: ({ data }) => {
        if (data?.notificationReceived) receive(data.notificationReceived)
      },
      error: again,
      complete: again,
    },
  )
}

/** Start listening (after sign-in): live first, then the latest page, merged by id. */
export async function startNotifications(): Promise<void> {
  running = true
  subscribe()
  try {
    const data = await request(NotificationsDocument, { first: 30 })
    const page = data.notifications.edges.map((e) => e.node)
    const live = notifications.items.filter((n) => !page.some((p) => p.id === n.id))
    notifications.items = [...live, ...page]
    notifications.unread = data.notifications.unreadCount + live.filter((n) => !n.read).length
    lastCursor = notifications.items[0]?.cursor ?? lastCursor
    notifications.error = ''
  } catch (error) {
    notifications.error = errorSentence(error)
  } finally {
    notifications.loaded = true
  }
}

export function stopNotifications(): void {
  running = false
  teardown()
  notifications.live = 'closed'
}

// A renewed token: the socket reconnects with it before the old one expires.
watch(
  () => session.generation,
  () => {
    if (running && session.signedIn) subscribe()
  },
)

function update(id: string, change: Partial<NotificationItem>): void {
  const item = notifications.items.find((n) => n.id === id)
  if (!item) return
  if (change.read && !item.read) notifications.unread = Math.max(0, notifications.unread - 1)
  Object.assign(item, change)
}

export async function markRead(id: string): Promise<void> {
  const data = await request(MarkNotificationReadDocument, { id })
  update(id, { read: data.markNotificationRead.read })
}

export async function acknowledge(id: string): Promise<void> {
  const data = await request(AcknowledgeNotificationDocument, { id })
  const { read, acknowledgedAt } = data.acknowledgeNotification
  update(id, { read, acknowledgedAt })
}
