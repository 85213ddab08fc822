/** The API's refusal sorted by the form field each message names; what names none is for the form as a whole. */
export interface FieldProblems<F extends string> {
  byField: Partial<Record<F, string>>;
  general: string[];
}

const namesWord = (message: string, field: string) => new RegExp(`(^|[^A-Za-z])${field}([^A-Za-z]|$)`).test(message);

/**
 * The field a message is about: the one it starts with ("year must be a whole year"), else the first of `fields`
 * (most specific first) it names as a word ("… must say why (notComparableReason)").
 */
export function fieldOfMessage<F extends string>(message: string, fields: readonly F[]): F | null {
  return (
    fields.find((field) => message.startsWith(`${field} `)) ?? fields.find((field) => namesWord(message, field)) ?? null
  );
}

/** Each message on its field (two on one field are joined), the others in `general`. */
export function fieldProblemsOf<F extends string>(messages: readonly string[], fields: readonly F[]): FieldProblems<F> {
  const byField: Partial<Record<F, string>> = {};
  const general: string[] = [];
  for (const message of messages) {
    const field = fieldOfMessage(message, fields);
    if (field === null) general.push(message);
    else byField[field] = byField[field] ? `${byField[field]}; ${message}` : message;
  }
  return { byField, general };
}
