/** The error of `type` that `refused` throws; a test fails when it throws nothing or something else. */
export function refusal<E extends Error>(type: new (...args: never[]) => E, refused: () => unknown): E {
  try {
    refused();
  } catch (error) {
    if (error instanceof type) return error;
    throw error;
  }
  throw new Error(`expected ${type.name}`);
}
