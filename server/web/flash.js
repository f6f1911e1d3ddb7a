// A one-time message carried to the next page ("Session logged." on the trajectory page).

import { notice } from './dom.js';

export function flash(message) {
  sessionStorage.setItem('reable.flash', message);
}

export function takeFlash() {
  const message = sessionStorage.getItem('reable.flash');
  sessionStorage.removeItem('reable.flash');
  return message ? notice(message, 'success') : null;
}
