import { MediaQuery } from 'svelte/reactivity';

/**
 * Whether the device's main pointer is a finger: a phone or tablet in the room. Hints that speak of
 * the mouse or of Strg+Z mislead there, so such hints ask this (read `.current` in markup; it follows
 * a tablet that gets a mouse plugged in).
 */
export const touchScreen = new MediaQuery('pointer: coarse', false);
