import WebSocket from 'ws'

/** A received JSON message; loosely typed because tests read arbitrary protocol fields. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Message = Record<string, any>

/** A plain WebSocket client for tests: records every JSON message and waits for one that matches. */
export class WsTestClient {
  readonly messages: Array<Message> = []
  closeCode: number | undefined
  readonly #socket: WebSocket
  readonly #waiters: Array<() => void> = []

  constructor(url: string) {
    this.#socket = new WebSocket(url)
    this.#socket.on('message', (data) => {
      this.messages.push(JSON.parse(String(data)) as Message)
      for (const wake of this.#waiters.splice(0)) wake()
    })
    this.#socket.on('close', (code) => {
      this.closeCode = code
      for (const wake of this.#waiters.splice(0)) wake()
    })
  }

  opened(): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.#socket.readyState === WebSocket.OPEN) return resolve()
      this.#socket.once('open', () => resolve())
      this.#socket.once('error', reject)
    })
  }

  send(message: object | string): void {
    this.#socket.send(typeof message === 'string' ? message : JSON.stringify(message))
  }

  sendRaw(data: Buffer | string, binary: boolean): void {
    this.#socket.send(data, { binary })
  }

  /** Resolves with the first message (from index `from`) that matches, or rejects after `timeoutMs`. */
  async waitFor(predicate: (message: Message) => boolean, timeoutMs = 5000, from = 0): Promise<Message> {
    const deadline = Date.now() + timeoutMs
    while (true) {
      const found = this.messages.slice(from).find(predicate)
      if (found) return found
      if (this.closeCode !== undefined) throw new Error(`socket closed (${this.closeCode}) before the message came; got ${JSON.stringify(this.messages.slice(-5))}`)
      const left = deadline - Date.now()
      if (left <= 0) throw new Error(`timed out; last messages: ${JSON.stringify(this.messages.slice(-5))}`)
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left)
        this.#waiters.push(() => {
          clearTimeout(timer)
          resolve()
        })
      })
    }
  }

  closed(timeoutMs = 5000): Promise<number> {
    return new Promise((resolve, reject) => {
      if (this.closeCode !== undefined) return resolve(this.closeCode)
      const timer = setTimeout(() => reject(new Error('socket did not close')), timeoutMs)
      this.#socket.once('close', (code) => {
        clearTimeout(timer)
        resolve(code)
      })
    })
  }

  close(): void {
    this.#socket.terminate()
  }
}
