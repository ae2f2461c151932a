// The declared shapes as plain JSON, for the committed schema-snapshot.json (ADR 13).

import type { DocumentSchema, RecordSchema } from './document-schema';

type Described = string | { [field: string]: Described };

interface SchemaNode {
	type: string;
	wrapped?: SchemaNode;
	entries?: Record<string, SchemaNode>;
	options?: readonly unknown[];
	literal?: unknown;
	message?: unknown;
}

/** A valibot schema in words: an object's fields, or a value's type ('?' optional, '| null'). */
export function describeSchema(schema: RecordSchema): Described {
	const node = schema as unknown as SchemaNode;
	switch (node.type) {
		case 'object':
		case 'loose_object':
			return Object.fromEntries(
				Object.entries(node.entries ?? {}).map(([field, entry]) => [
					field,
					describeSchema(entry as unknown as RecordSchema)
				])
			);
		case 'optional':
			return suffix(describeSchema(node.wrapped as unknown as RecordSchema), '?');
		case 'nullable':
			return suffix(describeSchema(node.wrapped as unknown as RecordSchema), ' | null');
		case 'nullish':
			return suffix(describeSchema(node.wrapped as unknown as RecordSchema), ' | null?');
		case 'picklist':
			return (node.options ?? []).map((option) => JSON.stringify(option)).join(' | ');
		case 'literal':
			return JSON.stringify(node.literal);
		case 'custom':
			return typeof node.message === 'string' ? node.message : 'custom';
		default:
			return node.type;
	}
}

function suffix(described: Described, mark: string): Described {
	return typeof described === 'string' ? `${described}${mark}` : { ...described, '': mark.trim() };
}

/** Prefixed fields (RecordKind.prefixedFields) as `<prefix>*`, beside the declared ones. */
function withPrefixes(
	described: Described,
	prefixed: Readonly<Record<string, RecordSchema>> | undefined
): Described {
	if (prefixed === undefined || typeof described === 'string') return described;
	const fields = Object.entries(prefixed).map(([prefix, schema]) => [
		`${prefix}*`,
		describeSchema(schema)
	]);
	return { ...described, ...Object.fromEntries(fields) };
}

export interface SchemaSnapshot {
	[kind: string]: {
		version: number;
		records: Record<
			string,
			{
				root: string;
				encoding: string;
				key?: string;
				version: number;
				successor?: string;
				migrations: string[];
				schema: Described;
			}
		>;
	};
}

export function snapshotOf(schemas: readonly DocumentSchema[]): SchemaSnapshot {
	return Object.fromEntries(
		schemas.map((schema) => [
			schema.kind,
			{
				version: schema.version,
				records: Object.fromEntries(
					Object.entries(schema.records).map(([name, kind]) => [
						name,
						{
							root: kind.root,
							encoding: kind.encoding,
							...(kind.key === undefined ? {} : { key: kind.key }),
							version: kind.version,
							...(kind.successor === undefined ? {} : { successor: kind.successor }),
							migrations: kind.migrations.map(({ to, name: step }) => `${to}: ${step}`),
							schema: withPrefixes(describeSchema(kind.schema), kind.prefixedFields)
						}
					])
				)
			}
		])
	);
}
