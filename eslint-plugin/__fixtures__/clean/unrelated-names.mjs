// Names the legacy SDK used too, on objects that have nothing to do with it.
import { EventEmitter } from 'node:events';

class Auth extends EventEmitter {
  login(user, password) {
    this.emit('login', user, password.length);
    return { name: user, state: 'online' };
  }

  logout() {
    this.emit('logout');
  }

  getStatus() {
    return 'ready';
  }

  invoke(method, args) {
    return { method, args };
  }
}

function Signal(name) {
  return { name, login: () => name };
}

const auth = new Auth();
const user = auth.login('ada', 'secret');
auth.invoke('profile.get', { user: user.name });
auth.logout();
console.log(auth.getStatus(), Signal('local').login(), user.state);
