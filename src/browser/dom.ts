/** Small DOM helpers shared by the forms' browser code. */

/** The element with this id, as the type the caller knows it to be, or null when the page has none. */
export const byId = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T | null;
