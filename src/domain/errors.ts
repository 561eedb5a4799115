/** The three Excel errors a rule can end in; the functions layer maps them to CustomFunctions codes. */
export type ErrorCode = "#VALUE!" | "#NUM!" | "#DIV/0!";

/** A rule was broken by the input. `message` says which argument and what to do about it. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "DomainError";
    // Down-levelled `extends Error` loses the prototype chain, which would break `instanceof`.
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

export const valueError = (message: string): DomainError => new DomainError("#VALUE!", message);
export const numError = (message: string): DomainError => new DomainError("#NUM!", message);
export const divError = (message: string): DomainError => new DomainError("#DIV/0!", message);
