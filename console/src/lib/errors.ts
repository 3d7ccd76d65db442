// A payload's userErrors shown on the form fields they name (input.x.y → ['x', 'y']).
import type { FormInstance } from 'antd';

export interface FieldProblem {
  field: string[];
  message: string;
}

/** Puts each error on its field; returns the messages that name no field of the form. */
export function showOnFields(form: FormInstance, errors: readonly FieldProblem[], known: string[]): string[] {
  const loose: string[] = [];
  const byField = new Map<string, string[]>();
  for (const e of errors) {
    const path = e.field[0] === 'input' ? e.field.slice(1) : e.field;
    const name = path[0];
    if (name && known.includes(name)) byField.set(name, [...(byField.get(name) ?? []), e.message]);
    else loose.push(e.message);
  }
  form.setFields([...byField].map(([name, messages]) => ({ name, errors: messages })));
  return loose;
}
