// The login page, and on the first run the form that creates the first administrator (GET /beholder/api/setup
// says which). Both send JSON; the server sets the session cookie, then the page goes where the user wanted to go.
const form = document.getElementById('login');
const problem = document.getElementById('problem');
const name = document.getElementById('name');
const password = document.getElementById('password');
const repeat = document.getElementById('repeat');
let settingUp = false;

/** Where to go afterwards: a path of this page only (never another site). */
function next() {
  const wanted = new URLSearchParams(location.search).get('next') || '';
  return /^\/beholder\/[^/]/.test(wanted) || wanted === '/beholder/' ? wanted : './';
}

function say(text) {
  problem.textContent = text;
}

async function post(path, body) {
  const response = await fetch(path, {
    method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body)
  });
  let answer = {};
  try {
    answer = await response.json();
  } catch (e) {
    // an empty or non-JSON answer: the status says enough
  }
  return { response, answer };
}

async function start() {
  try {
    const response = await fetch('api/setup', { credentials: 'same-origin' });
    settingUp = response.ok && (await response.json()).needed === true;
  } catch (e) {
    say('Beholder cannot be reached.');
  }
  if (settingUp) {
    document.getElementById('title').textContent = 'Welcome to Beholder';
    document.getElementById('intro').textContent =
      'Create the first administrator. You can add cameras and more users afterwards.';
    document.getElementById('repeat-row').hidden = false;
    password.autocomplete = 'new-password';
    document.getElementById('submit').textContent = 'Create administrator';
  }
  name.focus();
}

form.addEventListener('submit', async event => {
  event.preventDefault();
  say('');
  if (!name.value || !password.value) {
    say('Enter a name and a password.');
    return;
  }
  if (settingUp && password.value !== repeat.value) {
    say('The two passwords differ.');
    return;
  }
  const button = document.getElementById('submit');
  button.disabled = true;
  try {
    const body = { name: name.value, password: password.value };
    const { response, answer } = settingUp ? await post('api/setup', body) : await post('login', body);
    if (response.ok) {
      location.replace(next());
      return;
    }
    if (response.status === 429) {
      const seconds = response.headers.get('Retry-After');
      say(`Too many failed logins. Try again in ${seconds || 'a few'} seconds.`);
    } else if (response.status === 409 && settingUp) {
      say('An administrator was created meanwhile. Log in instead.');
      settingUp = false;
      setTimeout(() => location.reload(), 1500);
    } else {
      say(answer.error || `Refused (${response.status}).`);
    }
    password.value = '';
    repeat.value = '';
    password.focus();
  } catch (e) {
    say('Beholder cannot be reached.');
  } finally {
    button.disabled = false;
  }
});

start();
