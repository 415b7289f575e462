// An unrelated Signal: a reactive value, not the legacy SDK.
import { Signal } from './reactive';

const count = new Signal(0);
const doubled = Signal(() => count.value * 2);

export function login(user: { login(name: string, password: string): void }) {
  user.login('bob', 'pw');
  return doubled;
}
