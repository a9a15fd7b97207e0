/** The contract's Phone: a mobile (11 digits) or a landline number. */
export const PHONE_PATTERN = /^1\d{10}$|^0\d{2,3}-?\d{7,8}$/;

/** The contract's IdNumber: 17 digits and a digit or X. */
export const ID_NUMBER_PATTERN = /^\d{17}[\dXx]$/;
