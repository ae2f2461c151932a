/** A nominal type: a string that passed a check can't be confused with any other string. */
export type Brand<T, B extends string> = T & { readonly __brand: B };
