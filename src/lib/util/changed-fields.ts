/**
 * The fields of `edited` whose value differs from `shown` (compared with ===, so callers compare values
 * in one normalised form). A form saves these, not every field: a field the user left alone may have
 * been changed by someone else since the form showed it, and writing it back would undo that change.
 */
export function changedFields<T extends object>(shown: T, edited: T): Partial<T> {
	const changed: Partial<T> = {};
	for (const key of Object.keys(edited) as Array<keyof T>) {
		if (edited[key] !== shown[key]) changed[key] = edited[key];
	}
	return changed;
}
