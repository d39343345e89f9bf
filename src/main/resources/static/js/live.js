// Live updates (Server-Sent Events from /messages/events/): keeps the navigation's unread
// count, the inbox list and an open thread page up to date without a reload. Events carry
// ids only; this script fetches what changed with the same rules as a page view, and on
// every (re)connection ("hello") fetches everything it shows, so nothing missed while the
// connection was down stays missing. Messages already on the page (by data-message-id) are
// never added twice. Without JavaScript the pages work as before: a reload shows everything.
(function () {
	'use strict';
	var script = document.getElementById('live-updates');
	if (!script || !window.EventSource || !window.fetch || !window.DOMParser) {
		return;
	}
	var eventsUrl = script.getAttribute('data-events-url');
	var countUrl = script.getAttribute('data-count-url');
	var messages = document.getElementById('messages');
	var threadId = messages ? messages.getAttribute('data-thread-id') : null;
	var pending = { thread: false, inbox: false, badge: false };
	var running = false;
	// The tab shows the unread count before the page's title, "(3) otos Pesan", so that a
	// tab in the background tells when something arrived.
	var title = document.title.replace(/^\(\d+\) /, '');

	function showCount(count) {
		document.title = count > 0 ? '(' + count + ') ' + title : title;
	}

	function get(url) {
		return fetch(url, {
			credentials: 'same-origin',
			cache: 'no-store',
			headers: { 'X-Requested-With': 'XMLHttpRequest' }
		}).then(function (response) {
			if (!response.ok || response.redirected) {
				throw new Error('live update refused: ' + response.status);
			}
			return response;
		});
	}

	function parse(response) {
		return response.text().then(function (html) {
			return new DOMParser().parseFromString(html, 'text/html');
		});
	}

	// Only what changed is replaced: the rest of the page (focus, selection, what someone
	// is pointing at) stays as it is.
	function replaceIfChanged(current, fresh) {
		if (current && fresh && current.outerHTML !== fresh.outerHTML) {
			current.replaceWith(document.importNode(fresh, true));
		}
	}

	function lastMessageId() {
		var last = 0;
		Array.prototype.forEach.call(messages.querySelectorAll('li.message[data-message-id]'), function (item) {
			last = Math.max(last, Number(item.getAttribute('data-message-id')) || 0);
		});
		return last;
	}

	// Internal notes (staff only; a student's page never holds one) are appended like messages.
	function lastNoteId() {
		var last = 0;
		Array.prototype.forEach.call(messages.querySelectorAll('li.note[data-note-id]'), function (item) {
			last = Math.max(last, Number(item.getAttribute('data-note-id')) || 0);
		});
		return last;
	}

	function syncThread() {
		var url = messages.getAttribute('data-updates-url');
		return get(url + (url.indexOf('?') < 0 ? '?' : '&') + 'after=' + lastMessageId() + '&after_note=' + lastNoteId()).then(parse).then(function (doc) {
			['thread-status', 'thread-priority', 'thread-overdue', 'thread-handler'].forEach(function (id) {
				var fresh = doc.getElementById(id);
				var current = document.getElementById(id);
				replaceIfChanged(current, fresh);
			});
			Array.prototype.forEach.call(doc.querySelectorAll('#new-messages > li.message'), function (item) {
				var id = item.getAttribute('data-message-id');
				if (!messages.querySelector('li.message[data-message-id="' + id + '"]')) {
					messages.appendChild(document.importNode(item, true));
				}
			});
			Array.prototype.forEach.call(doc.querySelectorAll('#new-messages > li.note'), function (item) {
				var id = item.getAttribute('data-note-id');
				if (!messages.querySelector('li.note[data-note-id="' + id + '"]')) {
					messages.appendChild(document.importNode(item, true));
				}
			});
		});
	}

	function syncInbox() {
		var list = document.getElementById('inbox-list');
		return get(list.getAttribute('data-rows-url')).then(parse).then(function (doc) {
			replaceIfChanged(document.getElementById('inbox-list'), doc.getElementById('inbox-list'));
		});
	}

	function syncBadge() {
		var badge = document.getElementById('nav-unread');
		return get(countUrl).then(function (response) {
			return response.json();
		}).then(function (body) {
			var count = Number(body.unread_count);
			if (badge && count >= 0) {
				badge.textContent = String(count);
				badge.classList.toggle('zero', count === 0);
			}
			if (count >= 0) {
				showCount(count);
			}
		});
	}

	function ignore() {
		// the next event or reconnection fetches again
	}

	// One round of fetches at a time; what is asked for meanwhile runs in the next round.
	// The badge comes last, after the thread page has moved the read position.
	function run() {
		running = true;
		var now = pending;
		pending = { thread: false, inbox: false, badge: false };
		var steps = Promise.resolve();
		if (now.thread && messages) {
			steps = steps.then(syncThread).catch(ignore);
		}
		if (now.inbox && document.getElementById('inbox-list')) {
			steps = steps.then(syncInbox).catch(ignore);
		}
		if (now.badge) {
			steps = steps.then(syncBadge).catch(ignore);
		}
		steps.then(function () {
			running = false;
			if (pending.thread || pending.inbox || pending.badge) {
				run();
			}
		});
	}

	function want(thread, inbox, badge) {
		pending.thread = pending.thread || thread;
		pending.inbox = pending.inbox || inbox;
		pending.badge = pending.badge || badge;
		if (!running) {
			run();
		}
	}

	var retryDelay = 1000;
	var source = null;
	var retry = null;
	// After "bye" the server will not serve this tab's stream for now (a newer tab of the
	// same person took its place, or the session ended): the tab stops reconnecting, so two
	// tabs never take turns closing each other, and starts again when it is looked at.
	var resting = false;

	function connect() {
		retry = null;
		source = new EventSource(eventsUrl);
		source.addEventListener('hello', function () {
			retryDelay = 1000;
			want(true, true, true);
		});
		source.addEventListener('thread', function (event) {
			var signal = JSON.parse(event.data);
			want(String(signal.thread) === threadId, true, true);
		});
		source.addEventListener('bye', function () {
			rest();
		});
		source.addEventListener('error', function () {
			// The browser reconnects by itself after a dropped connection; only a refused
			// one (an error status such as 503 when the server is full, or the log-in page
			// after the session ended) closes it.
			if (source.readyState === EventSource.CLOSED && !resting) {
				retry = setTimeout(connect, retryDelay);
				retryDelay = Math.min(retryDelay * 2, 60000);
			}
		});
	}

	function rest() {
		resting = true;
		if (retry !== null) {
			clearTimeout(retry);
			retry = null;
		}
		if (source !== null) {
			source.close();
			source = null;
		}
		document.documentElement.setAttribute('data-live', 'resting');
	}

	// Looked at again: connect anew; its "hello" fetches everything the page shows.
	document.addEventListener('visibilitychange', function () {
		if (resting && document.visibilityState === 'visible') {
			resting = false;
			retryDelay = 1000;
			document.documentElement.removeAttribute('data-live');
			connect();
		}
	});

	var shown = document.getElementById('nav-unread');
	if (shown) {
		showCount(Number(shown.textContent) || 0);
	}
	connect();
})();
