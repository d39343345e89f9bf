// A reply typed on a bad connection is not lost. The reply form is sent in the background;
// when that fails (offline, no answer within the time-out, 502/503/504 while the database is
// away) the text and the chosen file stay in the form, the page says it will send again, and
// it does when the browser is back online or after a growing pause. The form's submission
// key makes a resend safe: a reply that did arrive but whose answer was lost is not stored
// twice. What is typed is also kept as a draft (localStorage, per person and thread) that
// survives a reload and is forgotten once the reply is sent (and on log-out: drafts.js).
// Without JavaScript the form is posted by the browser as before.
(function () {
	'use strict';
	var form = document.getElementById('reply-form');
	var box = document.getElementById('content');
	var status = document.getElementById('reply-delivery');
	if (!form || !box || !status) {
		return;
	}
	var draftKey = form.getAttribute('data-draft-key');
	// the form's address (not form.action: the form has a field named "action")
	var address = form.getAttribute('action');
	var storage = null;
	try {
		storage = window.localStorage;
	}
	catch (ex) {
		storage = null;
	}

	var sent = false;

	function keepDraft() {
		if (storage && draftKey && !sent) {
			if (box.value) {
				storage.setItem(draftKey, box.value);
			}
			else {
				storage.removeItem(draftKey);
			}
		}
	}

	function forgetDraft() {
		if (storage && draftKey) {
			storage.removeItem(draftKey);
		}
	}

	if (storage && draftKey) {
		var saved = storage.getItem(draftKey);
		if (saved && !box.value) {
			box.value = saved;
		}
		box.addEventListener('input', keepDraft);
		box.addEventListener('change', keepDraft);
	}

	if (!window.fetch || !window.FormData || !window.AbortController) {
		return;
	}
	var TIME_OUT = 20000;
	var sending = false;
	var retry = null;
	var pause = 2000;

	function say(text) {
		status.textContent = text || '';
		status.hidden = !text;
	}

	function sendLater() {
		say(form.getAttribute('data-retrying'));
		form.setAttribute('data-delivery', 'waiting');
		retry = setTimeout(send, pause);
		pause = Math.min(pause * 2, 30000);
	}

	// What is sent, again and again if need be: the form as it was submitted, with the
	// chosen file's bytes read once into memory (a browser does not read a chosen file a
	// second time for a resend: the retry would go out broken)
	var submitted = null;

	function snapshot() {
		var data = new FormData(form);
		var input = document.getElementById('attachment');
		var file = input && input.files && input.files.length > 0 ? input.files[0] : null;
		if (!file || !file.arrayBuffer) {
			return Promise.resolve(data);
		}
		return file.arrayBuffer().then(function (bytes) {
			data.set(input.name, new Blob([bytes], { type: file.type }), file.name);
			return data;
		});
	}

	function send() {
		if (sending || submitted === null) {
			return;
		}
		if (retry !== null) {
			clearTimeout(retry);
			retry = null;
		}
		sending = true;
		form.setAttribute('data-delivery', 'sending');
		if (status.hidden) {
			say(form.getAttribute('data-sending'));
		}
		var controller = new AbortController();
		var timer = setTimeout(function () {
			controller.abort();
		}, TIME_OUT);
		keepDraft();
		submitted.then(function (body) {
			return fetch(address, {
				method: 'POST',
				body: body,
				credentials: 'same-origin',
				redirect: 'manual',
				signal: controller.signal
			});
		}).then(function (response) {
			clearTimeout(timer);
			sending = false;
			if (response.type === 'opaqueredirect') {
				// stored: the thread page shows it (and the "sent" notice); the box's last
				// change event, as the page is left, keeps no draft any more
				sent = true;
				forgetDraft();
				form.setAttribute('data-delivery', 'sent');
				window.location.assign(address);
			}
			else if (response.status === 408 || response.status === 502 || response.status === 503
					|| response.status === 504) {
				sendLater();
			}
			else {
				// refused (an empty reply, a file too large, an expired form...): the browser
				// posts it itself and shows the page that says why; nothing was stored
				form.setAttribute('data-delivery', 'refused');
				form.submit();
			}
		}, function () {
			clearTimeout(timer);
			sending = false;
			sendLater();
		});
	}

	form.addEventListener('submit', function (event) {
		var submitter = event.submitter;
		if (event.defaultPrevented || (submitter && submitter.name) || !box.value.trim()) {
			// refused by the file check, the no-script "insert answer" button, or an empty
			// reply (the server says why): the browser posts it as without this script
			return;
		}
		event.preventDefault();
		pause = 2000;
		submitted = snapshot();
		send();
	});

	window.addEventListener('online', function () {
		if (retry !== null) {
			send();
		}
	});
}());
