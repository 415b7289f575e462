// A different login(): an auth client that has nothing to do with Signaling.
import { createAuth } from './auth';

const auth = createAuth();
const user = auth.login('alice', 'secret');
user.onLoginSuccess = () => console.log('hello');

export function logout() {
  auth.logout();
}
