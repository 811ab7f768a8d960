/* Runs computeSteps() one step at a time, yielding to the event loop
 * between steps (so messages, input and a Cancel get through) and stopping
 * with a Cancelled error once the run is stale. The same driver serves the
 * worker and the main-thread fallback. */

export class Cancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'Cancelled';
  }
}

// A macrotask turn without setTimeout's clamping.
export function nextTurn() {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** steps: a computeSteps generator; onStep(step); isStale() -> boolean. */
export async function drive(steps, { onStep, isStale }) {
  for (;;) {
    if (isStale()) {
      steps.return();
      throw new Cancelled();
    }
    const s = steps.next();
    if (s.done) return s.value;
    if (onStep) onStep(s.value);
    await nextTurn();
  }
}
