// Reply drafts (kept by reply-delivery.js in localStorage, one per person and thread) never
// outlive a log-out on a shared computer: they are all forgotten when someone logs out and
// on the log-in page, and a logged-in page forgets the drafts of anybody else.
(function () {
	'use strict';
	var script = document.getElementById('drafts');
	var storage;
	try {
		storage = window.localStorage;
	}
	catch (ex) {
		return;
	}
	if (!script || !storage) {
		return;
	}
	var prefix = 'otos.draft.';

	function forget(keep) {
		for (var i = storage.length - 1; i >= 0; i--) {
			var key = storage.key(i);
			if (key && key.indexOf(prefix) === 0 && (!keep || key.indexOf(keep) !== 0)) {
				storage.removeItem(key);
			}
		}
	}

	if (script.hasAttribute('data-forget-all')) {
		forget(null);
		return;
	}
	var person = script.getAttribute('data-person');
	forget(person ? prefix + person + '.' : null);
	var logout = document.getElementById('logout');
	if (logout && logout.form) {
		logout.form.addEventListener('submit', function () {
			forget(null);
		});
	}
}());
