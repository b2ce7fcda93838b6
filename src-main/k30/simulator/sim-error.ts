/** A refusal the K30 server itself would answer: HTTP 200, resultcode "0", this msg. */
export class SimRefusal extends Error {
  constructor(readonly msg: string) {
    super(msg);
    this.name = 'SimRefusal';
  }
}

/** `<field> <中文> (<english>)`, the shape of every field-level refusal. */
export function fieldRefusal(field: string, zh: string, en: string): SimRefusal {
  return new SimRefusal(`${field} ${zh} (${en})`);
}

/** `<中文> (<english>)` for refusals not tied to one field. */
export function refusal(zh: string, en: string): SimRefusal {
  return new SimRefusal(`${zh} (${en})`);
}
