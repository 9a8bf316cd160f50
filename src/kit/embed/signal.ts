/**
 * A callback handed out before its receiver exists. The embed runtime's parts feed each other in
 * cycles (a feed's news asks for a new decision, and the decision reads the feeds; the channel
 * delivers to handlers that post on the channel), so the runtime creates the signals first, hands
 * their `send` to the parts that raise them, and connects each receiver once it exists: no part
 * closes over a binding declared after it.
 *
 * Everything that sends is asynchronous (messages, observers, timers), and the runtime connects
 * every receiver in the same task it creates them, so nothing is sent before then; a send before
 * `connect` would be dropped.
 */
export interface Signal<T> {
  readonly send: (value: T) => void;
  connect(receiver: (value: T) => void): void;
}

export function createSignal<T = void>(): Signal<T> {
  let receiver: ((value: T) => void) | null = null;
  return {
    send: (value) => receiver?.(value),
    connect(next) {
      receiver = next;
    },
  };
}
