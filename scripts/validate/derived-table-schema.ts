/**
 * The schema of a derived table file, built from the indicators' descriptors: one strict object
 * per `compute` value, with the fields every derived table has (`DerivedTableFields`) and the
 * options of that indicator's table form. An option of another form is an "unknown field" error
 * with its line, like any other mistake in a table file; the generated JSON Schema lists each
 * form's options for editors.
 */
import { z } from 'zod';
import { TABLE_FORMS } from '../compute/indicators/registry.ts';
import { DerivedTableFields, type DerivedTable as DerivedTableType } from './table-schema.ts';

function formSchema(compute: string, options: Readonly<Record<string, z.ZodType>>) {
  return z.object({ ...DerivedTableFields, compute: z.literal(compute), ...options }).strict();
}

const forms = [...TABLE_FORMS.values()].map((form) => formSchema(form.compute, form.options));

export const DerivedTable = z.discriminatedUnion('compute', forms as [ReturnType<typeof formSchema>, ...Array<ReturnType<typeof formSchema>>]) as unknown as z.ZodType<DerivedTableType>;
export type DerivedTable = DerivedTableType;

/** Every `compute` value, for messages. */
export const COMPUTE_IDS: readonly string[] = [...TABLE_FORMS.keys()];

/** The option names of a `compute` value (beyond the common fields), for messages; undefined for an unknown one. */
export function formOptions(compute: unknown): string[] | undefined {
  const form = typeof compute === 'string' ? TABLE_FORMS.get(compute) : undefined;
  return form ? Object.keys(form.options) : undefined;
}
